"""The footer and slide number on a content slide: in the layout's placeholders when it
has them, else a slide number of our own where the layout leaves room."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from smguide.deck import slides
from smguide.deck.oxml import NS, inches
from smguide.deck.textfit import Para, largest_size
from smguide.deck.write import fill, typed_spans

if TYPE_CHECKING:
    from pptx.slide import Slide, SlideLayout

    from smguide.deck.context import DeckContext
    from smguide.deck.layouts import Pick

SLIDENUM_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"


def add_footer(deck: DeckContext, slide: Slide, layout: SlideLayout, pick: Pick) -> None:
    """Footer text and slide number, in the layout's placeholders when it has them."""
    from pptx.enum.shapes import PP_PLACEHOLDER as PH

    number = str(len(deck.prs.slides))
    footer = deck.guide.footer or deck.brand.footer or deck.brand.name
    found = deck.footer_marks.get(id(layout))
    if found is None:  # once per layout: python-pptx looks a position up by XPath
        found = {ph.placeholder_format.type: ph for ph in layout.placeholders}  # type: ignore[misc]
        for kind in (PH.FOOTER, PH.SLIDE_NUMBER):
            if kind in found and not (found[kind].width and found[kind].height):
                del found[kind]  # with no position anywhere
        deck.footer_marks[id(layout)] = found
    for kind in (PH.FOOTER, PH.SLIDE_NUMBER):
        if kind not in found:
            continue
        slide.shapes.clone_placeholder(found[kind])
        shape = slides.placeholder(slide, found[kind].placeholder_format.idx)
        if kind == PH.FOOTER:
            _footer_text(deck, shape, footer)
        else:
            _slide_number(shape, number)
    if PH.SLIDE_NUMBER not in found:  # a template without one: our own, if there is room
        from pptx.util import Emu

        width, height = deck.prs.slide_width or 0, deck.prs.slide_height or 0
        spot = (width - inches(1.6), height - inches(0.55), inches(1.0), inches(0.35))
        area = pick.area
        taken = [(area.left, area.top, area.width, area.height),
                 *((b.left, b.top, b.width, b.height) for b in pick.texts),
                 *((ph.left, ph.top, ph.width, ph.height) for ph in found.values()
                   if ph.width and ph.height)]
        if not any(overlap(spot, other) for other in taken):
            box = slide.shapes.add_textbox(*(Emu(value) for value in spot))
            box.name = "Slide number"
            _slide_number(box, number)

def _footer_text(deck: DeckContext, shape: Any, text: str) -> None:
    """The footer, shrunk to its box; the theme font is named on the run because
    LibreOffice ignores the inherited one in footers."""
    paras = [Para(typed_spans(text, deck.lang))]
    fill(shape, paras, largest_size(paras, deck.box_of(shape), deck.body_fonts, 11, 8) or 8)
    for run in shape.text_frame.paragraphs[0].runs:
        run.font.name = "+mn-lt"


def overlap(a: tuple[int, int, int, int], b: tuple[Any, Any, Any, Any]) -> bool:
    return (min(a[0] + a[2], b[0] + b[2]) > max(a[0], b[0])
            and min(a[1] + a[3], b[1] + b[3]) > max(a[1], b[1]))


def _slide_number(shape, number: str) -> None:  # noqa: ANN001
    """A real slide-number field, so PowerPoint renumbers when slides move."""
    from lxml import etree

    paragraph = shape.text_frame.paragraphs[0]
    for child in list(paragraph._p):
        if child.tag != f"{{{NS['a']}}}pPr":
            paragraph._p.remove(child)
    fld = etree.SubElement(paragraph._p, f"{{{NS['a']}}}fld", id=SLIDENUM_FIELD,
                           type="slidenum")
    etree.SubElement(fld, f"{{{NS['a']}}}rPr")
    etree.SubElement(fld, f"{{{NS['a']}}}t").text = number
