"""The welcome session's slide: the deck's title slide with the cohort's names."""

from __future__ import annotations

from dataclasses import dataclass

from smguide.deck import blocks as deckblocks
from smguide.deck.plan import PlannedSlide
from smguide.deck.render import DeckRenderer
from smguide.deck.textfit import Para
from smguide.deck.write import spans


@dataclass
class CohortDeck(DeckRenderer):
    """One slide on the deck's Title Slide layout: the guide's title and every name."""

    names: tuple[str, ...] = ()

    def plan(self) -> list[PlannedSlide]:
        notes = ", ".join(self.names)
        return [PlannedSlide(kind="cohort", layout="Title Slide", chapter=None, block=None,
                             title=None, notes=notes)]

    def _add_cohort(self, planned: PlannedSlide) -> None:
        slide = self.new_slide(planned, self.guide.title)
        text = " · ".join(self.names)
        deckblocks.fit_into(self, self.text_target(slide, planned),
                            [Para(spans(text, self.guide.language))], 24, 8, planned)
        self.place_logo(slide, planned)
