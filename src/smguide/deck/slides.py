"""What every slide builder shares: placeholders read from the slide, the title a planned
slide gets, and the error for text that cannot fit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from smguide.deck.oxml import NS
from smguide.errors import Problem, RenderError, Where

if TYPE_CHECKING:
    from pathlib import Path

    from pptx.slide import Slide

    from smguide.deck.context import DeckContext
    from smguide.deck.plan import PlannedSlide

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
    """Remove placeholders left empty (text or picture), so nothing shows "Click to add
    text" or an empty picture frame."""
    for element, ph in _ph_elements(slide):
        if element.tag == f"{{{NS['p']}}}sp" and element.find(f".//{{{NS['a']}}}blip") is None \
                and not "".join(t.text or "" for t in element.iterfind(_TEXT)).strip() \
                and ph.get("type", "obj") not in _MARKS:
            element.getparent().remove(element)


class TooLong(RenderError):
    """Text that does not fit where the layout puts it, even at the smallest size; for a
    block on the branded deck, which chapter file (`source`, its path), which block (`block`, its
    index) and what did not fit (`detail`), as data."""

    def __init__(self, message: Problem, source: Path | None = None, block: int | None = None,
                 detail: str = ""):
        super().__init__(message)
        self.source, self.block, self.detail = source, block, detail

    def __reduce__(self):  # noqa: ANN204 - the place crosses from the render child intact
        return (self.__class__, (self.problem, self.source, self.block,
                                 self.detail))


def too_long(deck: DeckContext, planned: PlannedSlide, what: str, text: str = "",
             box: Any = None, minimum: float | None = None) -> RenderError:
    """One line naming the template, the slide, the text's first words and the box it
    did not fit in (`box`: a shape on the slide, else the layout's content area)."""
    number = deck.slide_count + (0 if box is not None else 1)
    words = text.split()
    shown = f' "{" ".join(words[:8])}{"..." if len(words) > 8 else ""}"' if words else ""
    floor = f" even at {minimum:g} pt" if minimum else " even at the smallest size"
    if deck.options.template:  # the box named (a deck measured without slides has none)
        pick = deck.pick_of(planned)
        if box is None:
            inside = pick.describe(deck.area_of(planned)).replace("(text box", "(content area")
        else:
            size = deck.box_of(box)
            kind = "placeholder" if box.is_placeholder else "text box"
            inside = (f'layout "{pick.name}" ({kind} "{box.name}", {size.width / 72:.1f} x '
                      f"{size.height / 72:.1f} in)")
        return TooLong(Problem.fix(Where(str(deck.source)), f"slide {number} ("
                                   f"{deck.where(planned)}): {what}{shown} does not fit in "
                                   f"the {inside}{floor}", "shorten it, or pin a layout with "
                                   "more room (defaults.smguide.layouts in the brand file)"))
    detail = f"slide {number}: {what}{shown} does not fit on a slide{floor}; shorten it"
    chapter, block = planned.chapter, planned.block
    if chapter is None or block is None:  # a slide of its own: no file to name
        return TooLong(Problem.fix(Where(""), f"{deck.where(planned)}: slide {number}: "
                                              f"{what}{shown} does not fit on a slide{floor}",
                                   "shorten it"))
    index = chapter.blocks.index(block)
    return TooLong(Problem("error", chapter.source, None, None, f"blocks[{index}]", detail,
                           None, "shorten it", label=f"block {index + 1} ({block.type})"),
                   chapter.path, index, detail)


def title_of(deck: DeckContext, planned: PlannedSlide, default: str) -> str:
    heading = getattr(planned.block, "heading", None)
    return planned.title or heading or default
