"""Names kept whole on the slides: a channel (#sales-marketing), a handle (@amira-h), an
e-mail or a web address never breaks at its hyphen at the end of a line, and keeps the
hyphen it was written with (U+002D), so a presenter who copies it from a slide has it.

PowerPoint and LibreOffice may break a line after a hyphen; the deck's text fitting
(textfit) wraps at spaces only, so a name is measured whole. A paragraph with a
hyphenated name is broken into the lines that fitting gives it, up to the name's line
(line breaks where it wraps, measured in the wider of the deck's font and the one shown
in its place): each of those lines fits its width in either font, so none wraps again
and the name stays whole on its line. (A non-breaking hyphen, U+2011, would keep it
whole as well, but copied from the slide it is another character than the channel's.)
Titles are left as written: their lines are balanced where they wrap (titles)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from typing import TYPE_CHECKING, Any

from smguide.deck.oxml import NS
from smguide.deck.textfit import Para, Span, line_starts

if TYPE_CHECKING:
    from smguide.deck.textfit import Fonts

# a web address, an e-mail address, then a channel or handle (# or @ and a name)
NAME = re.compile(r"(?:https?://|www\.)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[#@][\w-]*\w")
A = NS["a"]
PT = 12700
_TITLES = ("title", "ctrTitle")


def keep_names_whole(prs: Any, fonts: Fonts) -> int:
    """Line breaks where the text fitting wraps, in every paragraph with a hyphenated
    name on every slide but in its titles (measured with `fonts`, the deck's body
    fonts); returns how many line breaks were written."""
    return sum(_break_before_names(paragraph, width, fonts)
               for slide in prs.slides if _has_names(slide._element)
               for frame, width in _frames(slide.shapes)
               for paragraph in frame.findall(f"{{{A}}}p"))


def _has_names(element: Any) -> bool:
    """Whether a paragraph anywhere in `element` (a slide's XML) holds a hyphenated name:
    read from the XML alone, so the slides without one (most) are not gone through shape
    by shape (python-pptx's shape properties look up the layout's placeholders: about a
    tenth of making the default deck). Every a:t of the paragraph counts, a field's too,
    so no slide `_break_before_names` would change is left out."""
    for paragraph in element.iter(f"{{{A}}}p"):
        text = "".join(t.text or "" for t in paragraph.iter(f"{{{A}}}t"))
        if "-" in text and any("-" in found[0] for found in NAME.finditer(text)):
            return True
    return False


def _frames(shapes: Any) -> Iterator[tuple[Any, float]]:
    """Every text body (a:txBody) of `shapes` but a title's, with its lines' width (pt):
    groups' shapes and tables' cells too."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _frames(shape.shapes)
        elif getattr(shape, "has_table", False) and shape.has_table:
            table = shape.table
            for row in table.rows:
                for column, cell in zip(table.columns, row.cells, strict=False):
                    yield cell._tc.txBody, (column.width - cell.margin_left
                                            - cell.margin_right) / PT
        elif shape.has_text_frame and shape.width:
            ph = shape._element.find(f"./*/{{{NS['p']}}}nvPr/{{{NS['p']}}}ph")
            if ph is not None and ph.get("type") in _TITLES:
                continue
            frame = shape.text_frame
            yield frame._txBody, (shape.width - frame.margin_left - frame.margin_right) / PT


def _break_before_names(p: Any, width: float, fonts: Fonts) -> int:
    """Line breaks into paragraph `p` (a:p of plain runs, set `width` points wide) where
    the fitting wraps it, up to the line of its last hyphenated name; how many."""
    runs = [child for child in p if child.tag in (f"{{{A}}}r", f"{{{A}}}br", f"{{{A}}}fld")]
    if not runs or any(run.tag != f"{{{A}}}r" for run in runs):
        return 0  # a paragraph broken already, or with a field: left as it is
    texts = [run.findtext(f"{{{A}}}t") or "" for run in runs]
    text = "".join(texts)
    names = [found for found in NAME.finditer(text) if "-" in found[0]]
    props = [run.find(f"{{{A}}}rPr") for run in runs]
    sizes = [int(pr.get("sz")) / 100 for pr in props if pr is not None and pr.get("sz")]
    if not names or not sizes:
        return 0
    indent = p.find(f"{{{A}}}pPr")
    width -= int(indent.get("marL", 0)) / PT if indent is not None else 0
    para = Para(tuple(Span(t, bold=pr is not None and pr.get("b") == "1",
                           italic=pr is not None and pr.get("i") == "1")
                      for t, pr in zip(texts, props, strict=True)))
    starts = [(span, offset) for span, offset in line_starts(para, width, max(sizes), fonts)
              if _at(texts, span, offset) <= names[-1].start()
              and text[_at(texts, span, offset) - 1].isspace()]
    for span, offset in reversed(starts):
        _break(runs[span], offset)
    return len(starts)


def _at(texts: list[str], span: int, offset: int) -> int:
    return sum(len(t) for t in texts[:span]) + offset


def _break(run: Any, offset: int) -> None:
    """A line break (a:br, with the run's properties: its size sets the line's height)
    before the character `offset` of `run`, the run split there."""
    from lxml import etree

    br = etree.Element(f"{{{A}}}br")
    props = run.find(f"{{{A}}}rPr")
    if props is not None:
        kept = deepcopy(props)
        for link in kept.findall(f"{{{A}}}hlinkClick"):
            kept.remove(link)
        br.append(kept)
    if offset == 0:
        run.addprevious(br)
        return
    text = run.find(f"{{{A}}}t")
    rest = deepcopy(run)
    rest.find(f"{{{A}}}t").text = text.text[offset:]
    text.text = text.text[:offset]
    run.addnext(rest)
    run.addnext(br)
