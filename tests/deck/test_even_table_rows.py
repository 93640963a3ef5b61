"""A table's body rows at one height, read back with python-pptx from the en, de, dark 4:3
and template decks: where the slide has room for every row at the tallest one's height,
every row is that tall before the spare room is shared out, so a row whose text wraps only
in the font shown in Lato's place ('One deal at a time' in Liberation Sans on dark 4:3,
measured in both) or a row of one line beside rows of two is not a different height
(dark 4:3's were 78.8, 50.0, 78.8 and 78.8 pt). Each row still holds its text."""

from __future__ import annotations

from typing import Any

import pytest

from smguide.deck.measuring import SUBSTITUTE, theme_fonts_of
from smguide.deck.textfit import Para, Span, line_count, system_fonts
from tests.deck.conftest import FOUR_DECKS
from tests.deck.test_dark_decks import BRAND

PT = 12700


def _tables(prs: Any) -> list[tuple[int, Any]]:
    return [(number, shape.table) for number, slide in enumerate(prs.slides, 1)
            for shape in slide.shapes if shape.has_table]


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_a_tables_body_rows_are_one_height_and_hold_their_text(
        four_decks: dict[str, Any], name: str) -> None:
    prs = four_decks[name]
    found = _tables(prs)
    assert found, name
    substitute = system_fonts(SUBSTITUTE)
    assert substitute is not None, "fonts-liberation is installed for the tests"
    own = theme_fonts_of(BRAND, prs, name == "template", lambda problem: None)[1]
    for number, table in found:
        body = list(table.rows)[1:] if table.first_row else list(table.rows)
        heights = {row.height for row in body}
        assert max(heights) - min(heights) <= PT, (name, number, [h / PT for h in heights])
        for row in body:
            for cell, column in zip(row.cells, table.columns, strict=True):
                size = next(r.font.size.pt for p in cell.text_frame.paragraphs
                            for r in p.runs if r.font.size)
                room = (column.width - cell.margin_left - cell.margin_right) / PT
                lines = max(sum(line_count(Para((Span(line, bool(p.runs[0].font.bold)),)),
                                           room, size, fonts)
                                for p in cell.text_frame.paragraphs
                                for line in p.text.split("\v")) for fonts in (own, substitute))
                used = lines * size * 1.2 * PT + cell.margin_top + cell.margin_bottom
                assert used <= row.height + PT, (name, number, cell.text_frame.text)
