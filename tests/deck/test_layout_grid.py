"""The deck's layout grid, read back with python-pptx (tests/deckgeometry.py) from the
English, German, 4:3 dark-theme and dark-template decks: every two-column slide of a deck
(a role card's lists, the practice cards) stands on one two-column grid: the same column
edges on every slide, two equal columns, starting and ending where the title's text does."""

from __future__ import annotations

from typing import Any

import pytest

from tests.deckgeometry import EMU_PER_PT, column_edges

DECKS = ["en", "de", "dark 4:3", "template"]  # conftest.four_decks


def _title_text_edges(slide: Any) -> tuple[float, float]:
    title = slide.shapes.title
    frame = title.text_frame
    return title.left + frame.margin_left, title.left + title.width - frame.margin_right


@pytest.mark.parametrize("name", DECKS)
def test_two_column_slides_share_one_grid(four_decks: dict[str, Any], name: str) -> None:
    prs = four_decks[name]
    grids = {number: column_edges(slide) for number, slide in enumerate(prs.slides, 1)
             if column_edges(slide)}
    kinds = {shape.name for slide in prs.slides for shape in slide.shapes} & {"Card",
                                                                            "Activities"}
    assert len(grids) >= 3 and kinds == {"Card", "Activities"}, grids  # roles and cards
    first = next(iter(grids.values()))
    for number, edges in grids.items():
        assert all(abs(a - b) <= EMU_PER_PT for column, other in zip(edges, first, strict=True)
                   for a, b in zip(column, other, strict=True)), (number, edges, first)
    (left, middle), (centre, right) = first
    assert abs((middle - left) - (right - centre)) <= EMU_PER_PT  # equal columns
    assert centre > middle  # a gutter between them
    slide = prs.slides[next(iter(grids)) - 1]
    start, end = _title_text_edges(slide)
    assert abs(left - start) <= EMU_PER_PT and abs(right - end) <= 2 * EMU_PER_PT, (
        (left, right), (start, end))
