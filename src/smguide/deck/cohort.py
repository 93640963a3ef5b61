"""The welcome session's slide: the deck's title slide with the cohort's names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from smguide.deck.fitting import fit_into, fit_target
from smguide.deck.fixed import place_logo
from smguide.deck.plan import PlannedSlide
from smguide.deck.textfit import Para
from smguide.deck.write import typed_spans

if TYPE_CHECKING:
    from smguide.deck.context import DeckContext


def cohort_plan(names: tuple[str, ...]) -> list[PlannedSlide]:
    """One slide on the deck's Title Slide layout: the guide's title and every name."""
    return [PlannedSlide(kind="cohort", layout="Title Slide", chapter=None, block=None,
                         title=None, notes=", ".join(names), names=names)]


def cohort_slide(deck: DeckContext, planned: PlannedSlide) -> None:
    text = " · ".join(planned.names)
    if deck.fitting:
        deck.fit_slide(planned, deck.guide.title)
        fit_target(deck, planned, [Para(typed_spans(text, deck.lang))], 24, 8,
                   movable=False)
        return
    slide = deck.new_slide(planned, deck.guide.title)
    fit_into(deck, deck.text_target(slide, planned),
                        [Para(typed_spans(text, deck.lang))], 24, 8, planned)
    place_logo(deck, slide, planned)
