"""The deck's layout grid, read back with python-pptx (tests/deckgeometry.py) from the
English, German, 4:3 dark-theme and dark-template decks: every two-column slide of a deck
(a role card's lists, the practice cards) stands on one two-column grid: the same column
edges on every slide, two equal columns, starting and ending where the title's text does;
the practice cards in equal rows, and they and the diagram a designed clearance above
the footer."""

from __future__ import annotations

from typing import Any

import pytest
from pptx.enum.shapes import PP_PLACEHOLDER

from tests.deckgeometry import EMU_PER_PT, A, column_edges, placed_shapes

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


CLEARANCE = 228600  # a quarter inch: where the built-in theme's lists end above the footer


def _footer_top(slide: Any) -> int:
    return min(shape.top for shape in slide.placeholders
               if shape.placeholder_format.type == PP_PLACEHOLDER.FOOTER)


@pytest.mark.parametrize("name", DECKS)
def test_practice_cards_sit_in_equal_rows_clear_of_the_footer(four_decks: dict[str, Any],
                                                              name: str) -> None:
    """Four cards in two rows of one height, a quarter inch apart; the last row ends a
    quarter inch above the footer, where the deck's lists end (was 0.1 in, the rows
    2.25 and 2.65 in)."""
    slide = next(s for s in four_decks[name].slides
                 if sum(shape.name == "Card" for shape in s.shapes) == 4)
    cards = [shape for shape in slide.shapes if shape.name == "Card"]
    assert len({card.height for card in cards}) == 1, [card.height for card in cards]
    tops = sorted({card.top for card in cards})
    assert len(tops) == 2 and abs(tops[1] - tops[0] - cards[0].height - 228600) <= EMU_PER_PT
    bottom = max(card.top + card.height for card in cards)
    clear = _footer_top(slide) - bottom
    assert abs(clear - CLEARANCE) <= 2 * EMU_PER_PT, clear / 914400


@pytest.mark.parametrize("name", DECKS)
def test_the_diagram_stays_clear_of_the_footer(four_decks: dict[str, Any], name: str) -> None:
    """Every shape of the analogy diagram (its labels too) at least the lists' quarter
    inch above the footer."""
    slide = next(s for s in four_decks[name].slides
                 if any(shape.name == "Analogy diagram" for shape in s.shapes))
    group = next(shape for shape in slide.shapes if shape.name == "Analogy diagram")
    lowest = max(shape.bottom for shape in placed_shapes(group.shapes, _group_transform(group)))
    assert _footer_top(slide) - lowest >= CLEARANCE - EMU_PER_PT, (
        (_footer_top(slide) - lowest) / 914400)


def _group_transform(group: Any) -> tuple[float, float, float, float]:
    xfrm = group._element.grpSpPr.find(f"{A}xfrm")
    off, ext = xfrm.find(f"{A}chOff"), xfrm.find(f"{A}chExt")
    gx, gy = group.width / int(ext.get("cx")), group.height / int(ext.get("cy"))
    return (group.left - int(off.get("x")) * gx, group.top - int(off.get("y")) * gy, gx, gy)
