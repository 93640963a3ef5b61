"""What every slide builder shares: placeholders read from the slide, the title a planned
slide gets, and the error for text that cannot fit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from smguide.deck.theme import NS
from smguide.errors import RenderError

if TYPE_CHECKING:
    from pptx.slide import Slide

    from smguide.deck.plan import PlannedSlide
    from smguide.deck.render import DeckRenderer

_PH = f"./*/{{{NS['p']}}}nvPr/{{{NS['p']}}}ph"  # a shape's placeholder mark
_TEXT = f".//{{{NS['a']}}}t"
_MARKS = ("sldNum", "ftr", "dt")  # slide number, footer, date: kept even when empty


def _ph_elements(slide: Slide) -> list[tuple[Any, Any]]:
    """(shape element, its p:ph) for each placeholder of the slide, read straight from the
    XML: python-pptx's `slide.placeholders` runs an XPath query per shape and per step."""
    found = []
    for element in slide.shapes._spTree.iterchildren():
        ph = element.find(_PH)
        if ph is not None:
            found.append((element, ph))
    return found


def placeholder(slide: Slide, idx: int) -> Any | None:
    """The slide's placeholder `idx` (1 = the first body), or None."""
    for element, ph in _ph_elements(slide):
        if int(ph.get("idx", "0")) == idx:
            return slide.shapes._shape_factory(element)
    return None


def drop_empty(slide: Slide) -> None:
    """Remove placeholders left empty, so nothing shows "Click to add text"."""
    for element, ph in _ph_elements(slide):
        if element.tag == f"{{{NS['p']}}}sp" and element.find("p:txBody", NS) is not None \
                and not "".join(t.text or "" for t in element.iterfind(_TEXT)).strip() \
                and ph.get("type", "obj") not in _MARKS:
            element.getparent().remove(element)


def too_long(deck: DeckRenderer, planned: PlannedSlide, what: str) -> RenderError:
    return RenderError(f"{deck.where(planned)}: {what} does not fit on a slide even at the "
                       f"smallest size; shorten it")


def title_of(deck: DeckRenderer, planned: PlannedSlide, default: str) -> str:
    heading = getattr(planned.block, "heading", None)
    return planned.title or heading or default
