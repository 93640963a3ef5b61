"""What the block builders share: the type scale, how many words a slide holds, the
notes said for what a slide shows, and fitting paragraphs into a shape."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from smguide.deck.slides import too_long
from smguide.deck.textfit import Box, Fonts, Para, largest_size
from smguide.deck.write import Area, fill

if TYPE_CHECKING:
    from pptx.slide import Slide

    from smguide.deck.context import DeckContext
    from smguide.deck.plan import PlannedSlide


# body text: (base, smallest), steps of the type scale (textfit.SCALE); never below 18 pt
BODY = (24, 18)  # lists
DENSE = (20, 18)  # cards, table cells
COLUMNS = (24, 18)  # two columns side by side (a role): up to the lists' size
ONE_SLIDE = 18  # a role's columns may come down to this to stay on one slide
GAP = 228600  # a quarter inch, in EMU
MAX_WORDS = 65  # "about 60" on one content slide; the rest continues, or goes to the notes
TABLE_WORDS = 80  # a table is read across its rows: a little more, so rows stay together
# a whole table that fits on one slide at 18 pt or more stays whole up to this: its rows
# are compared with each other, which a split over two slides prevents
WHOLE_TABLE_WORDS = 140


def two_columns(area: Area) -> list[Area]:
    """The deck's two-column grid in `area` (where the content's visible edges go,
    DeckContext.edge_area): two equal columns a GAP apart. Every two-column slide of a
    format stands on it (a role card's lists, the practice cards), so their columns do
    not jump from slide to slide."""
    return area.columns(2, GAP)


def words(paras: Sequence[Para]) -> int:
    return sum(len("".join(s.text for s in p.spans).split()) for p in paras)


def sentences(paras: Sequence[Para]) -> list[str]:
    """Paragraphs as the plain lines of speaker notes, each ending as a sentence does."""
    return [spoken(text) for p in paras if (text := "".join(s.text for s in p.spans).strip())]


def spoken(text: str) -> str:
    """`text` ending as a sentence (a bullet's fragment gets its full stop)."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…:;\"”“»«" else f"{text}."


def listed(label: str, items: Sequence[Para]) -> str:
    """A column of fragments said as one sentence: "What they do: this; that; more." """
    parts = ["".join(s.text for s in p.spans).strip().rstrip(".") for p in items]
    return spoken(f"{label}: {'; '.join(part for part in parts if part)}") if parts else ""


def split_first(fit: Callable[[Sequence[Any]], float | None], base: float,
                count: Callable[[Sequence[Any]], int], most: int = MAX_WORDS,
                whole: int = 0, whole_most: int | None = None
                ) -> Callable[[Sequence[Any]], float | None]:
    """A `size_for` for paginate that splits rather than shrinks: a chunk of several items
    must fit at `base` within `most` words; a single item, and the whole block (`whole`
    items: one full slide reads better than two half-empty ones), may shrink to the
    family's minimum, the whole block within `whole_most` words (default: `most`)."""
    def size_for(chunk: Sequence[Any]) -> float | None:
        limit = whole_most if whole_most is not None and len(chunk) == whole else most
        if len(chunk) > 1 and count(chunk) > limit:
            return None
        size = fit(chunk)
        if size is not None and 1 < len(chunk) != whole and size < base:
            return None
        return size
    return size_for


def para_text(paras: Sequence[Para]) -> str:
    return " ".join(span.text for para in paras for span in para.spans)


def _fit(paras: list[Para], box: Box, fonts: Fonts, base: float, minimum: float,
         optional: int) -> tuple[int, float] | None:
    """(how many paragraphs, size): all of them at the largest size that fits, else
    fewer, leaving out up to `optional` from the end."""
    for keep in range(len(paras), max(len(paras) - optional, 1) - 1, -1):
        size = largest_size(paras[:keep], box, fonts, base, minimum)
        if size is not None:
            return keep, size
    return None


def fit_into(deck: DeckContext, shape: Any, paras: list[Para], base: float, minimum: float,
             planned: PlannedSlide, optional: int = 0, slide: Slide | None = None,
             family: str | None = None) -> list[Para]:
    """Fill `shape` at the largest size that fits; when nothing fits even at `minimum`,
    leave out up to `optional` paragraphs from the end (returned). A placeholder too small
    even for the first paragraph gives way (given the `slide`) to a text box in the
    layout's free area; when that fails too, the text is refused. Given a `family`, the
    text is one of the type scale's siblings (typescale: set at the smallest size any
    of them needed)."""
    keep, size, moved = measure_into(deck, deck.box_of(shape), shape.is_placeholder, paras,
                                     base, minimum, planned, optional, slide is not None,
                                     shape)
    # moved: the placeholder stays empty, and goes
    target = deck.text_box(slide, deck.pick_of(planned).free) if moved and slide else shape
    if family is not None:
        deck.scale.fill(family, target, paras[:keep], size)
    else:
        fill(target, paras[:keep], size)
    return paras[keep:]


def fit_target(deck: DeckContext, planned: PlannedSlide, paras: list[Para], base: float,
               minimum: float, optional: int = 0, movable: bool = True,
               room: Box | None = None) -> list[Para]:
    """fit_into the slide's text target without a slide (while fitting): the paragraphs
    left out, or the same refusal; `movable`: as fit_into given the slide; `room`: the
    target's frame as the slide grows it (subtitle.room_for)."""
    box, placeholder = deck.target_box(planned)
    box = room or box
    keep, _, _ = measure_into(deck, box, placeholder, paras, base, minimum, planned,
                              optional, movable, box)
    return paras[keep:]


def measure_into(deck: DeckContext, box: Box, placeholder: bool, paras: list[Para],
                 base: float, minimum: float, planned: PlannedSlide, optional: int,
                 movable: bool, shape: Any) -> tuple[int, float, bool]:
    """(paragraphs kept, size, moved to the layout's free area) of fit_into: `box` is the
    `shape`'s text frame; a `placeholder` too small may give way (when `movable`)."""
    found = _fit(paras, box, deck.body_fonts, base, minimum, optional)
    moved = False
    if found is None and movable and placeholder:
        free = deck.pick_of(planned).free
        found = _fit(paras, free.box, deck.body_fonts, base, minimum, optional)
        moved = found is not None
    if found is None:
        raise too_long(deck, planned, "the text", para_text(paras), shape, minimum)
    return found[0], found[1], moved
