"""The footer and slide number on a content slide: in the layout's placeholders when it
has them, else a slide number of our own where the layout leaves room."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from smguide.deck import slides
from smguide.deck.oxml import NS, inches
from smguide.deck.textfit import Fonts, Para, fits
from smguide.deck.write import fill, typed_spans

if TYPE_CHECKING:
    from pptx.slide import Slide, SlideLayout

    from smguide.deck.context import DeckContext
    from smguide.deck.layouts import Pick

SLIDENUM_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"


@dataclass(frozen=True)
class LayoutFooter:
    """What a layout's footer row holds, read once per layout (python-pptx looks each
    position up by XPath, through the master, every time it is asked): its placeholders
    by type (footer and slide number only with a position), their (left, top, width,
    height), the span the footer may widen to, its own size and alignment; and how each
    footer text was fitted into it (its box, widened or not, and its size: the same on
    every slide of the layout)."""

    shapes: dict[Any, Any]
    boxes: dict[Any, tuple[Any, Any, Any, Any]]
    room: tuple[int, int] | None
    size: int | None
    align: str
    fitted: dict[str, Fitted] = field(default_factory=dict)

    @classmethod
    def of(cls, layout: SlideLayout) -> LayoutFooter:
        from pptx.enum.shapes import PP_PLACEHOLDER as PH

        found = {ph.placeholder_format.type: ph for ph in layout.placeholders}  # type: ignore[misc]
        boxes = {kind: (ph.left, ph.top, ph.width, ph.height) for kind, ph in found.items()}
        for kind in (PH.FOOTER, PH.SLIDE_NUMBER):
            if kind in found and not (boxes[kind][2] and boxes[kind][3]):
                del found[kind], boxes[kind]  # with no position anywhere
        footer = found.get(PH.FOOTER)
        if footer is None:
            return cls(found, boxes, None, None, "l")
        return cls(found, boxes, _room(boxes), own_size(footer), _align(footer))


def add_footer(deck: DeckContext, slide: Slide, layout: SlideLayout, pick: Pick) -> None:
    """Footer text and slide number, in the layout's placeholders when it has them."""
    from pptx.enum.shapes import PP_PLACEHOLDER as PH

    number = str(len(deck.prs.slides))
    footer = deck.guide.footer or deck.brand.footer or deck.brand.name
    marks = deck.footer_marks.get(id(layout))
    if marks is None:
        marks = deck.footer_marks[id(layout)] = LayoutFooter.of(layout)
    found = marks.shapes
    for kind in (PH.FOOTER, PH.SLIDE_NUMBER):
        if kind not in found:
            continue
        slide.shapes.clone_placeholder(found[kind])
        shape = slides.placeholder(slide, found[kind].placeholder_format.idx)
        if kind == PH.FOOTER:
            _footer_text(deck, shape, footer, marks)
        else:
            _slide_number(shape, number, max(own_size(found[kind]) or FOOTER, SMALLEST))
    if PH.SLIDE_NUMBER not in found:  # a template without one: our own, if there is room
        from pptx.util import Emu

        width, height = deck.prs.slide_width or 0, deck.prs.slide_height or 0
        spot = (width - inches(1.6), height - inches(0.55), inches(1.0), inches(0.35))
        area = pick.area
        taken = [(area.left, area.top, area.width, area.height),
                 *((b.left, b.top, b.width, b.height) for b in pick.texts),
                 *(box for box in marks.boxes.values() if box[2] and box[3])]
        if not any(overlap(spot, other) for other in taken):
            box = slide.shapes.add_textbox(*(Emu(value) for value in spot))
            box.name = "Slide number"
            _slide_number(box, number, FOOTER)

# a footer text as fitted into its layout's box: the paragraphs, the box it was widened
# to (left, top, width, height; None: the layout's own) and the size it is set at
Fitted = tuple[list[Para], tuple[int, int, int, int] | None, int]

FOOTER = 14  # the built-in theme's footer and slide number
# nothing on a content slide under 14 pt: the footer's text and the slide number are the
# deck's own words, so a template's smaller footer style is set at this size (a larger
# one keeps its own); a footer too long for its box at it keeps only the brand's name
SMALLEST = 14


def _footer_text(deck: DeckContext, shape: Any, text: str, marks: LayoutFooter) -> None:
    """The footer at its layout's own size (a company template's design: its footer's
    size is its own, not the deck's type scale), but never under SMALLEST. A text too
    long for the box at that size widens the box (about its centre when centred, else
    away from its aligned edge) within `room`, the footer row's free span; what still
    does not fit is set a point smaller at a time down to SMALLEST, else is the brand's
    name alone (`marks`: the layout's footer row). The theme font is named on the run
    because LibreOffice ignores the inherited one in footers."""
    from pptx.util import Emu

    known = marks.fitted.get(text)
    if known is None:  # the layout's first slide: fitted (and widened) here
        known = marks.fitted[text] = _fitted(deck, shape, text, marks)
    elif known[1] is not None:
        left, top, width, height = known[1]
        shape.left, shape.width = Emu(left), Emu(width)
        shape.top, shape.height = Emu(top), Emu(height)
    fill(shape, known[0], known[2])


def _fitted(deck: DeckContext, shape: Any, text: str, marks: LayoutFooter) -> Fitted:
    """How `text` fits the layout's footer box (`shape`: a slide's copy of it, widened
    here when the text needs it)."""
    from pptx.enum.shapes import PP_PLACEHOLDER as PH
    from pptx.util import Emu

    paras = [Para(typed_spans(text, deck.lang))]
    own = max(marks.size or FOOTER, SMALLEST)
    box = deck.box_of(shape)
    widened = None
    if not fits(paras, box, own, deck.body_fonts) and marks.room is not None:
        need = round((text_width(paras[0], own, deck.body_fonts) + 2 * box.inset_x + 2)
                     * 12700)
        left, width = _widened(shape.left, shape.width, need, marks.room, marks.align)
        _, top, _, height = marks.boxes[PH.FOOTER]
        widened = (left, top, width, height)
        shape.left, shape.width = Emu(left), Emu(width)
        shape.top, shape.height = Emu(top), Emu(height)
        box = deck.box_of(shape)
    size = next((size for size in range(own, SMALLEST - 1, -1)
                 if fits(paras, box, size, deck.body_fonts)), None)
    if size is None:  # too long at the smallest size: the brand's name alone
        paras, size = [Para(typed_spans(deck.brand.name, deck.lang))], SMALLEST
    return paras, widened, size


def text_width(para: Para, size: float, fonts: Fonts) -> float:
    """Points `para` takes on one line at `size`."""
    return sum(fonts.face(span.bold, span.italic).width(span.text, size) for span in para.spans)


def _room(boxes: dict[Any, tuple[Any, Any, Any, Any]]) -> tuple[int, int]:
    """(left, right) the footer may widen to: the footer row's outer edges (its date,
    footer and number placeholders' `boxes`; the date is never shown), short of the slide
    number, which is."""
    from pptx.enum.shapes import PP_PLACEHOLDER as PH

    row = [boxes[kind] for kind in (PH.DATE, PH.FOOTER, PH.SLIDE_NUMBER) if kind in boxes
           and boxes[kind][2]]
    left = min(box[0] for box in row)
    right = max(box[0] + box[2] for box in row)
    number, footer = boxes.get(PH.SLIDE_NUMBER), boxes[PH.FOOTER]
    if number is not None and number[2]:
        if number[0] >= footer[0] + footer[2] // 2:
            right = min(right, number[0])
        else:
            left = max(left, number[0] + number[2])
    return left, right


def _widened(left: int, width: int, need: int, room: tuple[int, int], align: str
             ) -> tuple[int, int]:
    """(left, width) of a box widened towards `need` within `room`."""
    if need <= width:
        return left, width
    if align == "ctr":
        centre = left + width // 2
        half = min(need // 2, centre - room[0], room[1] - centre)
        return (centre - half, 2 * half) if half * 2 > width else (left, width)
    if align == "r":
        new_left = max(room[0], left + width - need)
        return new_left, left + width - new_left
    return left, max(width, min(need, room[1] - left))


def _align(layout_shape: Any) -> str:
    """The alignment the layout's placeholder (or its master's) gives its text."""
    for shape in (layout_shape, _master_of(layout_shape)):
        if shape is None:
            continue
        found = shape._element.find(f".//{{{NS['a']}}}lstStyle/{{{NS['a']}}}lvl1pPr")
        if found is not None and found.get("algn"):
            return str(found.get("algn"))
    return "l"


def overlap(a: tuple[int, int, int, int], b: tuple[Any, Any, Any, Any]) -> bool:
    return (min(a[0] + a[2], b[0] + b[2]) > max(a[0], b[0])
            and min(a[1] + a[3], b[1] + b[3]) > max(a[1], b[1]))


def _slide_number(shape, number: str, size: int) -> None:  # noqa: ANN001
    """A real slide-number field, so PowerPoint renumbers when slides move, at `size`."""
    from lxml import etree

    paragraph = shape.text_frame.paragraphs[0]
    for child in list(paragraph._p):
        if child.tag != f"{{{NS['a']}}}pPr":
            paragraph._p.remove(child)
    fld = etree.SubElement(paragraph._p, f"{{{NS['a']}}}fld", id=SLIDENUM_FIELD,
                           type="slidenum")
    etree.SubElement(fld, f"{{{NS['a']}}}rPr", sz=str(size * 100))
    etree.SubElement(fld, f"{{{NS['a']}}}t").text = number


def own_size(layout_shape: Any) -> int | None:
    """The whole points a layout's placeholder sets its first level's text at: its own
    list style's, else its master placeholder's (None when neither says)."""
    for shape in (layout_shape, _master_of(layout_shape)):
        if shape is None:
            continue
        found = shape._element.find(f".//{{{NS['a']}}}lstStyle/{{{NS['a']}}}lvl1pPr/"
                                    f"{{{NS['a']}}}defRPr")
        if found is not None and found.get("sz"):
            return max(1, round(int(found.get("sz")) / 100))
    return None


def _master_of(layout_shape: Any) -> Any:
    """The master's placeholder a layout placeholder inherits from, if any."""
    try:
        return layout_shape._base_placeholder
    except (AttributeError, KeyError):
        return None
