"""The handbook's layouts kept in the user's cache: the keys (hashes of what a layout is
made from: HTML, stylesheets, page geometry, PDF variant, WeasyPrint's version, our
layout code) and how a fitted handbook was laid out (its spacing, moves, hyphens taken
back and chapter endings), so the same handbook again is laid out once.
"""

from __future__ import annotations

from typing import Any

from smguide.handbook.breaks import SHY
from smguide.handbook.endings import Ending, recorded
from smguide.handbook.floats import Move, moved
from smguide.handbook.manuscript import VARIANT, Manuscript
from smguide.handbook.rags import Kept, edited_as_kept
from smguide.io.usercache import cached_json, keep_json


def laid_before(key: str | None, text: str) -> tuple[str, str, Any, int] | None:
    """(CSS, HTML as laid out, endings, padding pages) of the handbook `key` laid out
    before (kept by `keep_laid` and `keep_padding`): its chapters' spacing, its blocks as
    moved, its soft hyphens as taken back and the notes pages a print handbook needed
    (0 when not known), its paragraphs' last lines as set again (rags.py); None when it
    was not."""
    known = cached_json(f"laid-{key}") if key else None
    if not isinstance(known, dict) or not isinstance(known.get("css"), str):
        return None
    moves, dropped = known.get("moves"), known.get("dropped")
    if not isinstance(moves, list) or not isinstance(dropped, list) or not all(
            isinstance(m, list) and len(m) == 2 for m in moves):
        return None
    placed = moved(text, [Move(str(block), str(after)) for block, after in moves])
    pieces = placed.split(SHY)
    gone = {n for n in dropped if isinstance(n, int)}
    final = "".join(piece + (SHY if n + 1 < len(pieces) and n not in gone else "")
                    for n, piece in enumerate(pieces))
    evened = edited_as_kept(final, known.get("rags", []))
    if evened is None:
        return None
    pad = known.get("pad")
    return known["css"], evened, known.get("endings"), pad if isinstance(pad, int) else 0


def keep_laid(key: str, css: str, made: list[Move], placed: str, final: str,
              found: dict[str, Ending], evened: Kept | None = None) -> None:
    """Keep how the handbook `key` was laid out: the fitting CSS, the moves, which soft
    hyphens of the HTML as placed are gone in the HTML laid out (`final`, before its
    paragraphs' last lines were set again: `evened`, rags.py's edits of it), the
    endings."""
    pieces, at, dropped = placed.split(SHY), 0, []
    for n, piece in enumerate(pieces):
        if not final.startswith(piece, at):
            return  # not the same HTML less some soft hyphens: nothing kept
        at += len(piece)
        if n + 1 < len(pieces):
            if final.startswith(SHY, at):
                at += 1
            else:
                dropped.append(n)
    if at == len(final):
        keep_json(f"laid-{key}", {"css": css, "moves": [[m.block, m.after] for m in made],
                                  "dropped": dropped, "endings": recorded(found),
                                  "rags": evened or []})


def keep_padding(key: str, pages: int) -> None:
    """Keep with the handbook `key` laid out before how many notes pages its print
    edition needed (`pages`), so the next build lays it out once, padded."""
    known = cached_json(f"laid-{key}")
    if isinstance(known, dict) and known.get("pad") != pages:
        keep_json(f"laid-{key}", {**known, "pad": pages})


def chapter_keys(manuscript: Manuscript, html: Any, code: bytes) -> dict[str, str]:
    """Each chapter's key for the fitting kept in the cache: a hash of what the chapter
    alone is laid out from (its own elements, the document's head less its <meta> lines,
    every stylesheet, the page geometry, the PDF variant, WeasyPrint's version, our
    layout code: `code`)."""
    import hashlib
    from xml.etree import ElementTree

    import weasyprint

    fit = manuscript.fit
    try:
        sheet = manuscript.stylesheet.read_bytes()
    except OSError:
        return {}
    if fit is None:
        return {}
    root = html.etree_element
    head = root.find("head")
    spec = manuscript.print_spec
    digest = hashlib.sha256()
    for part in ("" if head is None else "".join(
            ElementTree.tostring(e, encoding="unicode") for e in head if e.tag != "meta"),
            manuscript.base_url, repr((fit.top, fit.bottom, fit.drop)), weasyprint.__version__,
            repr(spec.variant() if spec else VARIANT), repr(dict(root.attrib)),
            *(f"{css}\0{base}" for css, base in manuscript.stylesheets)):
        digest.update(part.encode() + b"\0")
    digest.update(sheet)
    digest.update(code)
    wanted = set(fit.chapters)
    keys = {}
    for element in root.iter():
        anchor = element.get("id")
        if anchor in wanted and anchor not in keys:
            one = digest.copy()
            one.update(ElementTree.tostring(element))
            keys[anchor] = one.hexdigest()[:40]
    return keys


def fit_key(manuscript: Manuscript, text: str, code: bytes) -> str | None:
    """A hash of what decides how the chapters fit: the HTML (less its <meta> lines: the
    creation date changes with every build and is never laid out), every stylesheet, the
    page geometry, the PDF variant, WeasyPrint's version and our layout code (`code`; fonts and
    pictures are read by URL: a change to one in place shows when the cached fit is
    checked)."""
    import hashlib
    import re

    import weasyprint

    try:
        sheet = manuscript.stylesheet.read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256()
    spec = manuscript.print_spec
    for part in (re.sub(r"<meta [^>]*>", "", text), manuscript.base_url,
                 repr(manuscript.fit), weasyprint.__version__,
                 repr(spec.variant() if spec else VARIANT),
                 *(f"{css}\0{base}" for css, base in manuscript.stylesheets)):
        digest.update(part.encode() + b"\0")
    digest.update(sheet)
    digest.update(code)
    return digest.hexdigest()[:40]
