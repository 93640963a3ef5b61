"""A table's cells are set at the line spacing of the deck's lists: a list's lines stand
the font's single line height apart (100%), a cell's as many points apart (written
exactly: LibreOffice sets a cell's 100% at one em, "Lasting value / for customers" at
24 pt lines under 24 pt type), the line height the rows were measured with."""

from __future__ import annotations

from typing import Any

import pytest

from smguide.deck.measuring import family_fonts
from smguide.resources import builtin
from tests.deck.test_body_sizes import _build
from tests.deck.test_dark_decks import BRAND

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _build(tmp_path_factory.mktemp("de"), builtin("content") / "de", aspect="4:3")


def _ems(p: Any, line: float) -> float:
    """How far apart paragraph `p`'s lines stand, in ems of its type, as LibreOffice sets
    them: a percentage of the font's line height `line` (ems) in a text frame, of one em
    in a table cell; exact points alike in both."""
    size = min(int(r.get("sz")) for r in p.iter(f"{A}rPr") if r.get("sz")) / 100
    spacing = p.find(f"{A}pPr/{A}lnSpc")
    assert spacing is not None, "every paragraph's spacing is written"
    pct, pts = spacing.find(f"{A}spcPct"), spacing.find(f"{A}spcPts")
    if pct is not None:
        return int(pct.get("val")) / 100000 * line
    return int(pts.get("val")) / 100 / size


def test_table_cells_are_set_at_the_lists_line_spacing(german: Any) -> None:
    own = family_fonts(BRAND, BRAND.base_family)
    assert own is not None
    line = own.regular.line
    cells: set[float] = set()
    lists: set[float] = set()
    for slide in german.slides:
        for shape in slide.shapes:
            if getattr(shape, "has_table", False) and shape.has_table:
                cells |= {round(_ems(p, 1.0), 2) for p in shape._element.iter(f"{A}p")
                          if p.find(f"{A}r") is not None}
            elif shape.has_text_frame:
                lists |= {round(_ems(p, line), 2) for p in shape.text_frame._txBody.iter(f"{A}p")
                          if p.find(f"{A}pPr/{A}buChar") is not None}
    assert cells and lists and cells == lists, (cells, lists)
