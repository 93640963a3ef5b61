"""Writing measured text into slides: Markdown to styled spans, paragraphs to DrawingML.

Everything a paragraph looks like (size, indent, spacing, bullet) is written explicitly,
so what textfit measured is what PowerPoint and LibreOffice lay out, whatever the
template's own text styles say. Only the font family and colours come from the theme.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from smguide.deck.oxml import NS
from smguide.deck.textfit import Box, Para, Span
from smguide.safety.links import SLIDE, safe_link
from smguide.sources import markdown
from smguide.sources.markdown import Writing

EMU_PER_PT = 12700
INSET_X, INSET_Y = 7.2, 3.6  # points; what Box assumes
A = NS["a"]


def emu_to_pt(value: int | float) -> float:
    return value / EMU_PER_PT


def plain(text: str, lang: Writing) -> str:
    return markdown.to_plain(text, lang.language, lang.quotes, lang.spacing)


def _spans_from(children: Sequence[Any]) -> tuple[Span, ...]:
    out: list[Span] = []
    bold = italic = 0
    href: str | None = None
    for token in children:
        kind = token.type
        if kind in ("text", "code_inline", "softbreak", "hardbreak"):
            text = " " if kind.endswith("break") else token.content
            last = out[-1] if out else None
            if last and (last.bold, last.italic, last.href) == (bold > 0, italic > 0, href):
                out[-1] = Span(last.text + text, last.bold, last.italic, href)
            else:
                out.append(Span(text, bold > 0, italic > 0, href))
        elif kind in ("strong_open", "strong_close"):
            bold += 1 if kind.endswith("open") else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind.endswith("open") else -1
        elif kind == "link_open":
            target = str(token.attrGet("href") or "")
            href = target if safe_link(target, anchors=False, schemes=SLIDE) else None
        elif kind == "link_close":
            href = None
    return tuple(out) or (Span(""),)


def spans(text: str, lang: Writing) -> tuple[Span, ...]:
    """One line of Markdown (bold, italic, links) as styled spans; paragraphs run together."""
    tokens = markdown.inline_tokens(re.sub(r"\s*\n\s*", " ", text.strip()),
                                    lang.language, lang.quotes, lang.spacing)
    return _spans_from(tokens[0].children or [] if tokens else [])


def typed_spans(text: str, lang: Writing, bold: bool = False) -> tuple[Span, ...]:
    """A plain-text field (titles, headings, names, terms) as one span: its words as typed,
    with smart typography, never read as Markdown (docs/content.md, "Plain text")."""
    return (Span(markdown.typed(re.sub(r"\s*\n\s*", " ", text.strip()), lang.language,
                                lang.quotes, lang.spacing), bold),)


def md_paras(text: str, lang: Writing) -> list[Para]:
    """Block Markdown (paragraphs and lists) as paragraphs; list items get bullets."""
    paras: list[Para] = []
    lists: list[list[Any]] = []  # [bullet, next number]
    for token in markdown.block_tokens(text, lang.language, lang.quotes, lang.spacing):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            ordered = token.type.startswith("ordered")
            lists.append(["#" if ordered else "•", int(token.attrGet("start") or 1)])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "inline":
            if lists:
                bullet, number = lists[-1]
                lists[-1][1] += 1
                paras.append(Para(_spans_from(token.children or []), bullet=bullet,
                                  number=number, indent=bullet_indent(bullet, number),
                                  space_before=0.3))
            else:
                paras.append(Para(_spans_from(token.children or []),
                                  space_before=0.5 if paras else 0.0))
    return paras


def bullet_indent(bullet: str | None, number: int = 1) -> float:
    """The hanging indent (in ems) a bullet or a number needs."""
    if bullet is None:
        return 0.0
    return 1.0 if bullet != "#" else 0.7 + 0.55 * len(str(number))


@dataclass(frozen=True)
class Area:
    """A rectangle on the slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def box(self) -> Box:
        return Box(emu_to_pt(self.width), emu_to_pt(self.height), INSET_X, INSET_Y)

    def narrowed(self, by: int) -> Area:
        """The area `by` EMU in from its left and right edges."""
        return Area(self.left + by, self.top, max(self.width - 2 * by, 0), self.height)

    def columns(self, count: int, gap: int) -> list[Area]:
        width = (self.width - gap * (count - 1)) // count
        return [Area(self.left + i * (width + gap), self.top, width, self.height)
                for i in range(count)]

    def rows(self, count: int, gap: int) -> list[Area]:
        height = (self.height - gap * (count - 1)) // count
        return [Area(self.left, self.top + i * (height + gap), self.width, height)
                for i in range(count)]


def frame_box(shape: Any) -> Box:
    return Box(emu_to_pt(shape.width), emu_to_pt(shape.height), INSET_X, INSET_Y)


def fill(shape: Any, paras: list[Para], size: float, bold: bool | None = None) -> None:
    """Write `paras` at `size` into a shape's text frame, with the insets Box assumes."""
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Pt

    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Pt(INSET_X)
    frame.margin_top = frame.margin_bottom = Pt(INSET_Y)
    write_paras(frame, paras, size, bold)


def write_paras(frame: Any, paras: list[Para], size: float, bold: bool | None = None,
                line: float | None = None) -> None:
    """Replace a text frame's (or a table cell's) paragraphs with `paras` at `size`:
    single-spaced (100%), or each line `line` ems apart (exact points: a table cell's,
    tables._fill_cell, since LibreOffice sets a cell's 100% at one em where a text
    frame's is the font's line height).

    Written with lxml into the frame's txBody, as python-pptx's add_paragraph, add_run
    and font setters write them (python-pptx finds each child by XPath; a deck has
    thousands of runs)."""
    body = frame._txBody
    for extra in body.findall(f"{{{A}}}p")[1:]:
        body.remove(extra)
    first = body.find(f"{{{A}}}p")
    for child in list(first):
        first.remove(child)
    for index, para in enumerate(paras):
        p = first if index == 0 else etree.SubElement(body, f"{{{A}}}p")
        _paragraph_properties(p, para, size, line)
        for span in para.spans:
            if span.href:  # a link's relationship is the part's: python-pptx adds it
                from pptx.text.text import _Paragraph

                _run(_Paragraph(p, frame), span, para, size, bold)
            else:
                _plain_run(p, span, para, size, bold)


def _paragraph_properties(p: Any, para: Para, size: float, line: float | None) -> None:
    psize = para.size_at(size)
    ppr = etree.SubElement(p, f"{{{A}}}pPr")  # its first child: the paragraph is empty here
    hang = round(para.indent * psize * EMU_PER_PT)
    ppr.set("marL", str(hang))
    ppr.set("indent", str(-hang))
    ppr.set("algn", para.align or "l")
    if line is None:
        etree.SubElement(etree.SubElement(ppr, f"{{{A}}}lnSpc"), f"{{{A}}}spcPct", val="100000")
    else:
        etree.SubElement(etree.SubElement(ppr, f"{{{A}}}lnSpc"), f"{{{A}}}spcPts",
                         val=str(round(line * psize * 100)))
    spacing = round(para.space_before * psize * 100)
    etree.SubElement(etree.SubElement(ppr, f"{{{A}}}spcBef"), f"{{{A}}}spcPts", val=str(spacing))
    if para.bullet is None:
        etree.SubElement(ppr, f"{{{A}}}buNone")
        return
    colour = etree.SubElement(ppr, f"{{{A}}}buClr")
    # "slot" or "slot:lumOff" (a theme colour lightened, in 1/100000 of lightness)
    slot, _, lighter = (para.marker or para.tone or "accent1").partition(":")
    scheme = etree.SubElement(colour, f"{{{A}}}schemeClr", val=slot)
    if lighter:
        etree.SubElement(scheme, f"{{{A}}}lumOff", val=lighter)
    if para.bullet == "#":
        etree.SubElement(ppr, f"{{{A}}}buFontTx")
        etree.SubElement(ppr, f"{{{A}}}buAutoNum", type="arabicPeriod", startAt=str(para.number))
    else:
        etree.SubElement(ppr, f"{{{A}}}buFont", typeface="Arial")
        etree.SubElement(ppr, f"{{{A}}}buChar", char=para.bullet)


# the theme colours text takes (python-pptx's MSO_THEME_COLOR, by their XML names)
SLOTS = frozenset({"dk1", "lt1", "tx1", "bg1", "tx2", "bg2",
                   *(f"accent{n}" for n in range(1, 7))})
LINE_BREAK = "\v"  # in a span's text: a line break in its paragraph (python-pptx's too)
# a line break in left-aligned body text: the space before it kept in its run, at its size
# (a space at a line's end moves nothing there; no run of a tiny size on a content slide)
KEPT_BREAK = "\u2028"
_CONTROL = re.compile(r"([\x00-\x08\x0B-\x1F])")  # escaped in text as python-pptx does


def _plain_run(p: Any, span: Span, para: Para, size: float, bold: bool | None) -> None:
    """A run without a link, as _run writes it: <a:r><a:rPr sz b i><a:solidFill>
    <a:schemeClr/></a:solidFill></a:rPr><a:t>text</a:t></a:r>; a LINE_BREAK in the text
    is a line break (<a:br>) between two such runs, the space before it a run of its own
    (BREAK_SPACE); a KEPT_BREAK one with the space kept in the run before it."""
    slot, _, lighter = (para.tone or "").partition(":")  # "slot" or "slot:lumOff"
    if para.tone and slot not in SLOTS:
        raise KeyError(para.tone)
    props = etree.Element(f"{{{A}}}rPr")
    # python-pptx's Pt(size) in centipoints
    props.set("sz", str(int(para.size_at(size) * EMU_PER_PT) // 127))
    if span.bold or bold:
        props.set("b", "1")
    if span.italic:
        props.set("i", "1")
    if para.tone:
        scheme = etree.SubElement(etree.SubElement(props, f"{{{A}}}solidFill"),
                                  f"{{{A}}}schemeClr", val=slot)
        if lighter:
            etree.SubElement(scheme, f"{{{A}}}lumOff", val=lighter)
    parts = re.split(f"({LINE_BREAK}|{KEPT_BREAK})", span.text)
    for index in range(0, len(parts), 2):
        part = parts[index]
        if index:  # a line break, as PowerPoint writes one: <a:br><a:rPr/></a:br>
            etree.SubElement(p, f"{{{A}}}br").append(copy.deepcopy(props))
        last = index == len(parts) - 1
        text = part.rstrip() if not last and parts[index + 1] == LINE_BREAK else part
        if text or not index:  # no empty run by a break at a span's either end
            _text_run(p, props if last else copy.deepcopy(props), text)
        if len(text) < len(part):  # the space the line broke at, kept for readers
            space = copy.deepcopy(props)
            space.set("sz", str(BREAK_SPACE))
            _text_run(p, space, part[len(text):])


# a space before a line break, in centipoints: kept, so a title's words stay apart for
# whatever reads its text without the breaks (an outline, a screen reader), but too
# small to move the line: LibreOffice counts it when it centres a line (a 32 pt space
# took a centred title's first line 8 px left at 100 dpi); PowerPoint's smallest size
BREAK_SPACE = 100


def _text_run(p: Any, props: Any, text: str) -> None:
    run = etree.SubElement(p, f"{{{A}}}r")
    run.append(props)
    etree.SubElement(run, f"{{{A}}}t").text = _CONTROL.sub(
        lambda found: f"_x{ord(found[1]):04X}_", text)


def _run(paragraph: Any, span: Span, para: Para, size: float, bold: bool | None) -> None:
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.util import Pt

    run = paragraph.add_run()
    run.text = span.text
    font = run.font
    font.size = Pt(para.size_at(size))
    if span.bold or bold:
        font.bold = True
    if span.italic:
        font.italic = True
    if para.tone:
        slot, _, lighter = para.tone.partition(":")
        font.color.theme_color = theme_slots(MSO_THEME_COLOR)[slot]
        if lighter:  # lumOff alone, as _plain_run writes it (python-pptx's brightness
            # would add a lumMod too)
            scheme = font._rPr.find(f"{{{A}}}solidFill/{{{A}}}schemeClr")
            etree.SubElement(scheme, f"{{{A}}}lumOff", val=lighter)
    if span.href:
        run.hyperlink.address = span.href


def theme_slots(enum: Any) -> dict[str, Any]:
    slots = {"dk1": "DARK_1", "lt1": "LIGHT_1", "tx1": "TEXT_1", "bg1": "BACKGROUND_1",
             "tx2": "TEXT_2", "bg2": "BACKGROUND_2"}
    slots |= {f"accent{n}": f"ACCENT_{n}" for n in range(1, 7)}
    return {slot: getattr(enum, name) for slot, name in slots.items()}
