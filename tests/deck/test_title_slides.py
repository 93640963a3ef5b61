"""The title and closing slides read back from the four review decks (conftest): the
lines under their titles are set at the body's size, 24 pt, on the built-in theme and a
company template alike."""

from __future__ import annotations

from typing import Any

import pytest

from tests.deck.conftest import FOUR_DECKS

BODY = 24.0


def _subtitle_runs(slide: Any) -> list[tuple[str, float | None]]:
    """(text, size) of every run under the slide's title, first paragraph first."""
    title = slide.shapes.title
    return [(run.text, run.font.size.pt if run.font.size else None)
            for shape in slide.shapes if shape.has_text_frame and shape is not title
            and shape.name != title.name
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs]


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_the_closing_slides_next_step_is_set_like_the_body(
        four_decks: dict[str, Any], name: str) -> None:
    closing = four_decks[name].slides[-1]
    runs = _subtitle_runs(closing)
    lines = [shape.text_frame.paragraphs for shape in closing.shapes
             if shape.has_text_frame and shape.text_frame.text.strip()
             and shape.name != closing.shapes.title.name]
    assert lines, runs
    first = lines[0][0]
    assert first.runs and first.runs[0].font.bold, runs  # "Next step:" leads
    sizes = {run.font.size.pt for run in first.runs if run.font.size}
    assert sizes == {BODY}, (name, [(run.text, run.font.size) for run in first.runs])
    assert max(size for _, size in runs if size) == BODY, runs  # never over the body's
