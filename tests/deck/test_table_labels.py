"""A table's row labels read on every row: one colour for the first column of every body
row, at 4.5:1 on the unshaded and the shaded rows alike, whatever its size. Read back
from the four decks (tests/deckcontrast.py resolves each cell's fill and each run's
colour from the saved file: the cell's own fill, else the table style's band)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.deck.conftest import FOUR_DECKS
from tests.deckcontrast import Reading, deck_readings


def _tables(prs: Any) -> list[tuple[int, Any]]:
    return [(number, shape) for number, slide in enumerate(prs.slides, 1)
            for shape in slide.shapes if getattr(shape, "has_table", False) and shape.has_table]


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_every_table_cell_reads_at_4_5_on_its_rows_fill(four_decks: dict[str, Any],
                                                         name: str) -> None:
    """Every run of every table cell (header, row labels, values) at 4.5:1 on the fill
    behind it (the band its row is on), not only the 3:1 large text would need."""
    prs = four_decks[name]
    tables = {(number, shape.name) for number, shape in _tables(prs)}
    assert tables, name
    found: list[Reading] = [r for r in deck_readings(prs) if (r.slide, r.shape) in tables]
    assert found
    low = [r.line() for r in found if r.ratio < 4.5]
    assert not low, low


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_row_labels_are_one_colour_on_every_row(four_decks: dict[str, Any],
                                                name: str) -> None:
    """The first column's text (a row's aspect) is one colour on the unshaded and the
    shaded rows: a label does not turn from green to white every second row."""
    from tests.deckcontrast import _Colours

    prs = four_decks[name]
    seen: dict[str, set[str]] = {}
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    for number, shape in _tables(prs):
        colours = _Colours(prs.slides[number - 1].slide_layout.slide_master)
        for row in list(shape.table.rows)[1 if shape.table.first_row else 0:]:
            for paragraph in row.cells[0].text_frame.paragraphs:
                for run in paragraph.runs:
                    fill = run._r.find(f"{a}rPr/{a}solidFill")
                    assert fill is not None, (name, number, run.text)  # its own colour
                    seen.setdefault(colours.of(fill[0]) or "?", set()).add(run.text)
    assert len(seen) == 1, (name, seen)
