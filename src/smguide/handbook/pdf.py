"""HTML + CSS -> PDF bytes with WeasyPrint, reading only allowed files.

This side never sees the content model: it typesets a `Manuscript` (the HTML and CSS the
templates produced, and the folders it may read), so the process that runs it imports
WeasyPrint (slow: it loads while the parent validates) and nothing of the model.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from smguide.errors import RenderError, quote
from smguide.handbook.breaks import SHY, settle
from smguide.handbook.fitting import Ending, Fit, endings, fit_chapters, recorded
from smguide.handbook.floats import Alone, Move, moved, place_floats, place_floats_alone
from smguide.io.cache import cached_json, code_of, keep_json
from smguide.logs import quieted
from smguide.safety.fetcher import BlockedResource, make_fetcher
from smguide.safety.iccprofile import OutputProfile

VARIANT = "pdf/ua-1"  # tagged, with title and language: readable by assistive technology
PRINT_VARIANT = "pdf/x-4"  # for a print shop: CMYK output intent; still tagged (pdf_tags)
# where the printed handbook's padding pages go (templates/handbook/back-cover.html.j2),
# and one padding page: a notes page
PADDING, PAD_PAGE = '<div class="print-padding"></div>', '<div class="print-pad"></div>'


@dataclass(frozen=True)
class Manuscript:
    """Everything WeasyPrint needs, as plain text and paths.

    `stylesheets` are (CSS text, base URL) pairs applied after `stylesheet` (the template
    folder's handbook.css); `allowed` are the only folders and files it may read;
    `template_dirs` name the override folders in the message about a blocked file."""

    html: str
    base_url: str
    stylesheet: Path
    stylesheets: tuple[tuple[str, str], ...]
    allowed: tuple[Path, ...]
    template_dirs: tuple[Path, ...]
    print_spec: PrintSpec | None = None  # set: a PDF/X-4 for a print shop
    fit: Fit | None = None  # set: chapter endings fitted in a second layout (fitting.py)


@dataclass(frozen=True)
class PrintSpec:
    """How the print PDF is made: the output profile (checked), the brand's exact CMYK
    values by hex colour (0..1 each), the colours for the black plate only (text, rules)."""

    profile: OutputProfile
    exact_cmyk: tuple[tuple[str, tuple[float, float, float, float]], ...] = ()
    k_only: tuple[str, ...] = ()
    # the brand's logo when it is a raster picture: (file as shown, width px, height px),
    # so a preflight finding about it can name the file
    logo: tuple[str, int, int] | None = None

    def named(self, line: str) -> str:
        """A preflight line with the logo's picture called by its file name."""
        if self.logo is None:
            return line
        shown, width, height = self.logo
        return line.replace(f"a {width} x {height} px picture",
                            f"the brand's logo {shown} ({width} x {height} px)")

    def variant(self) -> dict[str, Any]:
        return {"pdf_variant": PRINT_VARIANT, "pdf_tags": True}


class _Collect(logging.Handler):
    """Keeps WeasyPrint's warnings: a picture it could not load must fail the build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def lay_out(manuscript: Manuscript, *, allow_network: bool = False) -> Any:
    """Paginate the manuscript (a WeasyPrint Document) with the guarded fetcher; a print
    handbook is padded with notes pages before its back cover to a multiple of 4 pages
    (laid out again, with as many as it needs). The same handbook as before is laid out
    once: what its layout ended with is kept in the user's cache (`_keep_laid`)."""
    from smguide.handbook.engine import import_weasyprint
    from smguide.handbook.hyphenation import install

    import_weasyprint()
    install()  # German and the other two-level dictionaries read as two levels
    document, fitted, text = _lay_out(manuscript, manuscript.html, allow_network)
    if manuscript.print_spec and PADDING in text:
        missing = -len(document.pages) % 4  # a saddle-stitched booklet: sheets of 4 pages
        if missing:  # (the chapters as fitted the first time: the padding comes after them)
            document, _, _ = _lay_out(manuscript, text.replace(
                PADDING, PAD_PAGE * missing, 1), allow_network, fitted)
    refuse_unsafe_links(document)
    return document


def _lay_out(manuscript: Manuscript, text: str, allow_network: bool,
             fitted: str | None = None) -> tuple[Any, str, str]:
    """The document, the CSS that fitted its chapters (`fitted`: use that CSS) and the
    HTML as laid out, with the hyphens breaks.py took back."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = make_fetcher(list(manuscript.allowed), allow_network=allow_network)
    with engine_guard(manuscript.template_dirs):
        fonts = FontConfiguration()
        stylesheets = [CSS(filename=str(manuscript.stylesheet), url_fetcher=fetcher,
                           font_config=fonts)]
        stylesheets += [CSS(string=css, url_fetcher=fetcher, font_config=fonts,
                            base_url=base_url) for css, base_url in manuscript.stylesheets]
        spec = manuscript.print_spec
        variant = spec.variant() if spec else {"pdf_variant": VARIANT}
        parsed: dict[str, Any] = {}

        def parse(markup: str) -> Any:
            if markup not in parsed:
                parsed.clear()  # the last one only
                parsed[markup] = HTML(string=markup, base_url=manuscript.base_url,
                                      url_fetcher=fetcher)
            return parsed[markup]

        def render(extra_css: str, markup: str | None = None) -> Any:
            """The HTML (or `markup`: with blocks moved or soft hyphens taken back) laid
            out."""
            extra = [CSS(string=extra_css, font_config=fonts)] if extra_css else []
            return parse(text if markup is None else markup).render(
                font_config=fonts, stylesheets=stylesheets + extra,
                color_profiles=_output_profiles(spec), **variant)

        def trial(extra_css: str, anchor: str, markup: str | None = None,
                  made: tuple[Move, ...] = ()) -> Any:
            """The chapter `anchor` of the HTML (or of `markup`, with `made` moves) laid
            out alone."""
            alone = chapter_alone(parse(text if markup is None else markup), anchor, made)
            if alone is None:
                return None
            extra = [CSS(string=extra_css, font_config=fonts)] if extra_css else []
            return alone.render(font_config=fonts, stylesheets=stylesheets + extra,
                                color_profiles=_output_profiles(spec), **variant)

        fit = manuscript.fit
        key = _fit_key(manuscript, text) if fit and fitted is None else None
        again = _laid_again(key, text, render, fit) if key and fit else None
        if again is not None:  # the same handbook as before: one layout
            return again
        made: list[Move] = []
        if fitted is not None:
            document, css = render(fitted), fitted
        elif fit:
            document, css, text, made = _fit_handbook(manuscript, fit, text, key, render,
                                                      trial, parse)
        else:
            document, css = render(""), ""
        # no word hyphenated across a page turn, no more than two hyphens in a row
        placed = text
        document, text = settle(document, text, lambda markup: render(css, markup))
        if key and fit:
            _keep_laid(key, css, made, placed, text, endings(document, fit))
        return document, css, text


def _fit_handbook(manuscript: Manuscript, fit: Fit, text: str, key: str | None,
                  render: Callable[..., Any], trial: Callable[..., Any],
                  parse: Callable[[str], Any]) -> tuple[Any, str, str, list[Move]]:
    """Kept-whole blocks that would leave a hole set after the text that follows them
    (floats.py), then chapters that would end on a page under half full (fitting.py):
    the document, the fitting CSS, the HTML as placed and the moves made."""
    given = text
    text, first, ends, made = _placed(lambda markup: render("", markup), text, fit, key,
                                      lambda made, anchor: trial("", anchor, given,
                                                                 tuple(made)))

    def reuse(extra_css: str) -> Any:  # the layout place_floats ended with, once
        nonlocal first
        if not extra_css and first is not None:
            document, first = first, None
            return document
        return render(extra_css, text)  # the HTML as placed, not as given

    def placed_trial(extra_css: str, anchor: str) -> Any:  # a chapter of it, alone
        return trial(extra_css, anchor, text)

    document, css = fit_chapters(reuse, fit, _fit_key(manuscript, text), placed_trial,
                                 _chapter_keys(manuscript, parse(text)), ends)
    return document, css, text, made


def _laid_again(key: str, text: str, render: Callable[..., Any], fit: Fit
                ) -> tuple[Any, str, str] | None:
    """The handbook laid out once as it was before (`_laid_before`): (document, CSS,
    HTML), when it comes out as it did then (its chapters' endings)."""
    laid = _laid_before(key, text)
    if laid is None:
        return None
    css, final, ending = laid
    document = render(css, final)
    return (document, css, final) if recorded(endings(document, fit)) == ending else None


def _laid_before(key: str | None, text: str) -> tuple[str, str, Any] | None:
    """(CSS, HTML as laid out, endings) of the handbook `key` laid out before (kept by
    `_keep_laid`): its chapters' spacing, its blocks as moved and its soft hyphens as
    taken back; None when it was not."""
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
    return known["css"], final, known.get("endings")


def _keep_laid(key: str, css: str, made: list[Move], placed: str, final: str,
               found: dict[str, Ending]) -> None:
    """Keep how the handbook `key` was laid out: the fitting CSS, the moves, which soft
    hyphens of the HTML as placed are gone in the HTML laid out (`final`), the endings."""
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
                                  "dropped": dropped, "endings": recorded(found)})


def _placed(lay_out: Callable[[str], Any], text: str, fit: Fit, key: str | None,
            alone: Alone | None = None
            ) -> tuple[str, Any, dict[str, Ending] | None, list[Move]]:
    """`place_floats`: the HTML as placed and its layout; or when `key` placed this HTML
    before, the HTML with the moves made then (kept in the user's cache) and no layout.
    With `alone`, the moves are tried on each chapter alone (`place_floats_alone`): when a
    chapter's blocks moved, there is no layout of the HTML as placed, but how each
    chapter ends in it (from the layout of the HTML as given and of the chapters that
    moved, alone). Also the moves made."""
    known = cached_json(f"floats-{key}") if key else None
    if isinstance(known, list) and all(isinstance(m, list) and len(m) == 2 for m in known):
        made = [Move(str(block), str(after)) for block, after in known]
        return moved(text, made), None, None, made
    placed = place_floats_alone(lay_out, text, fit, alone) if alone else None
    ends = None
    if placed is not None:
        text, document, made, changed = placed
        if changed:
            ends = endings(document, fit)
            for chapter, layout in changed.items():
                ends.update(endings(layout, replace(fit, chapters=(chapter,))))
            document = None
    else:
        text, document, made = place_floats(lay_out, text, fit)
    if key:
        keep_json(f"floats-{key}", [[m.block, m.after] for m in made])
    return text, document, ends, made


def _chapter_keys(manuscript: Manuscript, html: Any) -> dict[str, str]:
    """Each chapter's key for the fitting kept in the cache: a hash of what the chapter
    alone is laid out from (its own elements, the document's head less its <meta> lines,
    every stylesheet, the page geometry, the PDF variant, WeasyPrint's version, our
    layout code)."""
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
    digest.update(_layout_code())
    wanted = set(fit.chapters)
    keys = {}
    for element in root.iter():
        anchor = element.get("id")
        if anchor in wanted and anchor not in keys:
            one = digest.copy()
            one.update(ElementTree.tostring(element))
            keys[anchor] = one.hexdigest()[:40]
    return keys


def chapter_alone(html: Any, anchor: str, made: tuple[Move, ...] = ()) -> Any:
    """A copy of the parsed handbook (a WeasyPrint HTML) holding its head and, in its
    body, only the element whose id is `anchor` (a chapter, with the elements it sits in),
    so the chapter can be laid out by itself, with the `made` moves of its blocks
    (floats.py: each block set after another of the same parent, as `moved` does in the
    HTML); None when there is no such element."""
    import copy

    import cssselect2

    root = html.etree_element
    parents = {child: parent for parent in root.iter() for child in parent}
    target = next((e for e in root.iter() if e.get("id") == anchor), None)
    if target is None or target is root:
        return None
    path = [target]
    while path[-1] in parents:
        path.append(parents[path[-1]])
    path.reverse()  # root ... target

    def cut(element: Any, depth: int) -> Any:
        if depth == len(path) - 1:
            return _moved_in(copy.deepcopy(element), made)
        clone = element.makeelement(element.tag, dict(element.attrib))
        clone.text, clone.tail = element.text, element.tail
        for child in element:
            if child is path[depth + 1]:
                clone.append(cut(child, depth + 1))
            elif depth == 0 and child.tag == "head":
                clone.append(copy.deepcopy(child))
        return clone

    alone = copy.copy(html)
    alone.wrapper_element = cssselect2.ElementWrapper.from_html_root(
        cut(root, 0), content_language=None)
    alone.etree_element = alone.wrapper_element.etree_element
    return alone


@lru_cache(maxsize=1)
def _layout_code() -> bytes:
    """The code that decides what a kept layout holds (this module, the fitting, the
    floats, the breaks taken back): a fit kept by another version of it is not used."""
    from smguide.handbook import breaks, fitting, floats

    return code_of(sys.modules[__name__], breaks, fitting, floats)


def _fit_key(manuscript: Manuscript, text: str) -> str | None:
    """A hash of what decides how the chapters fit: the HTML (less its <meta> lines: the
    creation date changes with every build and is never laid out), every stylesheet, the
    page geometry, the PDF variant, WeasyPrint's version and our layout code (fonts and
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
    digest.update(_layout_code())
    return digest.hexdigest()[:40]


def render_pdf(manuscript: Manuscript, *, crop_marks: bool = False,
               allow_network: bool = False, uncompressed: bool = False,
               booklet: bool = False, creep_mm: float = 0.0) -> tuple[bytes, int, list[str]]:
    """Lay out and write the handbook; return (pdf bytes, page count, warnings).

    The file identifier is a hash of the PDF's own objects, so the same inputs (and
    SOURCE_DATE_EPOCH) give the same bytes. `uncompressed` is for tests that search
    the bytes. A print PDF is preflighted: an error fails the render (nothing is
    written), a warning is returned. `booklet`: the print PDF as printer spreads for
    saddle stitching (with crop marks on the sheets, so `crop_marks` is not used)."""
    document = lay_out(manuscript, allow_network=allow_network)
    spec = manuscript.print_spec
    data = write_document(document, manuscript.template_dirs, uncompressed, spec)
    if spec:
        from smguide.handbook.cmyk import CmykConverter
        from smguide.handbook.pdfx import finish_pdfx

        converter = CmykConverter(spec.profile, dict(spec.exact_cmyk), spec.k_only)
        data = finish_pdfx(data, spec.profile, converter)
    if booklet and spec:
        from smguide.handbook.impose import impose

        data = impose(data, creep_mm)  # with the sheets' own crop and fold marks
    else:
        from smguide.handbook.printmarks import finish_marks

        data = finish_marks(data, crop_marks, cmyk=spec is not None)
    warnings: list[str] = []
    if spec:
        from smguide.handbook.preflight import preflight

        report = preflight(data)
        if report.errors:
            shown = "; ".join(spec.named(f.line()) for f in report.errors[:5])
            more = f" (and {len(report.errors) - 5} more)" if len(report.errors) > 5 else ""
            raise RenderError(f"the print PDF failed its own preflight, so it was not "
                              f"written: {shown}{more}")
        warnings = [f"preflight: {spec.named(f.line())}" for f in report.warnings]
    return data, len(document.pages), warnings


def write_document(document: Any, template_dirs: tuple[Path, ...],
                   uncompressed: bool = False, spec: PrintSpec | None = None) -> bytes:
    """A laid-out document's PDF bytes (tagged, with a reproducible file identifier)."""
    variant = spec.variant() if spec else {"pdf_variant": VARIANT}
    with engine_guard(template_dirs):
        return document.write_pdf(pdf_identifier=True, uncompressed_pdf=uncompressed,
                                  **variant)


def _output_profiles(spec: PrintSpec | None) -> dict[str, Any] | None:
    """The output profile as WeasyPrint's `device-cmyk` colour profile: it becomes the
    PDF's output intent, and transparency groups blend in CMYK."""
    if spec is None:
        return None
    from weasyprint.css import ColorProfile

    with spec.profile.path.open("rb") as data:
        profile = ColorProfile(data, spec.profile.path.as_uri(), "relative-colorimetric",
                               ["c", "m", "y", "k"])
    return {"device-cmyk": profile}


def _moved_in(tree: Any, made: tuple[Move, ...]) -> Any:
    """`tree` with each move's block set right after its `after` block, earlier or later,
    as `moved` does in the HTML (a move whose blocks are not siblings is left out)."""
    for move in made:
        parents = {child: element for element in tree.iter() for child in element}
        found = {e.get("id"): e for e in tree.iter() if e.get("id") in (move.block, move.after)}
        block, after = found.get(move.block), found.get(move.after)
        holder = parents.get(block)
        children = [] if holder is None else list(holder)
        if holder is None or block is after or not any(child is after for child in children):
            continue
        holder.remove(block)
        holder.insert(list(holder).index(after) + 1, block)
    return tree


def refuse_unsafe_links(document: Any) -> None:
    """No embedded files and no links but https, http, mailto and anchors in the PDF.

    Content Markdown can't make such links; a template override could (`<link
    rel=attachment>`, `<a href="file:...">`), and WeasyPrint would embed or keep them."""
    from smguide.safety.links import safe_link

    if document.metadata.attachments:
        raise RenderError('blocked <link rel="attachment">: the PDF never embeds files '
                          "(remove it from the template overrides)")
    for page in document.pages:
        for kind, target, *_ in page.links:
            if kind == "attachment":
                raise RenderError(f'blocked <a rel="attachment" href={quote(target, 80)}>: '
                                  f"the PDF never embeds files (remove it from the template "
                                  f"overrides)")
            if kind == "external" and not safe_link(str(target)):
                raise RenderError(f"the templates link to {quote(target, 80)}; links may "
                                  f"only go to https, http, mailto or a place in the guide")


@contextmanager
def engine_guard(template_dirs: tuple[Path, ...]) -> Iterator[None]:
    """Turn a blocked resource or any WeasyPrint warning about one into a RenderError
    (naming the template override folders, where such a reference can come from)."""
    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        with quieted("fontTools"):  # font-file trivia, not ours
            yield
        _fail_on_warnings(collect.messages)
    except BlockedResource as exc:
        folders = ", ".join(str(d) for d in template_dirs[:-1]) or "the content"
        raise RenderError(f"blocked {exc.url}: {exc.reason} (referenced from "
                          f"{folders})") from None
    finally:
        logger.removeHandler(collect)


def _fail_on_warnings(messages: list[str]) -> None:
    serious = [m for m in messages if "Failed to" in m or "Error" in m or "load" in m.lower()]
    if serious:
        raise RenderError("the PDF engine could not use a resource: " + "; ".join(serious))
