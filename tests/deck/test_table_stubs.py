"""No table cell breaks to a stub: read back from the en, de, dark 4:3 and template
decks and the German dark 4:3 one, no cell's line (as written, split at its breaks) is a
single word of three letters or fewer. The template's row names wrapped 'Time / horizon'
and 'Judged / on' in DejaVu Sans, 'on' alone on its line, where the Sales column had
room to give the names; they are whole now, the Sales column's 'One deal / at a time'
taking the line instead. Unit case: the stub test itself."""

from __future__ import annotations

from typing import Any

import pytest

from smguide.deck.tables import _stub
from smguide.resources import builtin
from tests.deck.conftest import FOUR_DECKS
from tests.deck.test_dark_decks import build
from tests.decklines import written_lines


@pytest.fixture(scope="module")
def decks(four_decks: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
          ) -> dict[str, Any]:
    from pptx import Presentation

    path = build(tmp_path_factory.mktemp("stubs") / "de-dark43.pptx",
                 builtin("content") / "de", theme="dark", aspect="4:3")
    return {**four_decks, "de dark 4:3": Presentation(str(path))}


def _cell_lines(prs: Any) -> list[tuple[int, list[str]]]:
    found = []
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if not getattr(shape, "has_table", False) or not shape.has_table:
                continue
            for row in shape.table.rows:
                for cell in row.cells:
                    for paragraph in cell.text_frame.paragraphs:
                        found.append((number, ["".join(s.text for s in line).strip()
                                               for line in written_lines(paragraph)]))
    return found


@pytest.mark.parametrize("name", [*FOUR_DECKS, "de dark 4:3"])
def test_no_table_cell_line_is_one_short_word(decks: dict[str, Any], name: str) -> None:
    cells = _cell_lines(decks[name])
    assert cells, name
    stubs = [(number, lines) for number, lines in cells
             if len(lines) > 1 and any(len(line.split()) == 1 and len(line) <= 3
                                       for line in lines)]
    assert not stubs, stubs


def test_no_compared_cell_of_the_german_template_table_opens_on_a_stub(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """On the dark template in German (DejaVu Sans, 4:3) the Marketing cell 'Der ganze
    Markt' was written 'Der / ganze Markt': the even break kept 'Markt' from standing
    alone at the price of 'Der' alone; a line of one short word now counts as alone too,
    and the more even 'Der ganze / Markt' is written. (The row name 'Gemessen an' still
    breaks: its column has no room left at the lists' size.)"""
    from pptx import Presentation

    from tests.deck.conftest import TEMPLATE

    path = build(tmp_path_factory.mktemp("stubs-de-tpl") / "de-template.pptx",
                 builtin("content") / "de", template=TEMPLATE)
    prs = Presentation(str(path))
    values = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in list(shape.table.rows)[1:]:
                    for cell in list(row.cells)[1:]:
                        for paragraph in cell.text_frame.paragraphs:
                            values.append(["".join(s.text for s in line).strip()
                                           for line in written_lines(paragraph)])
    assert ["Der ganze", "Markt"] in values, values
    stubs = [lines for lines in values if len(lines) > 1
             and any(len(line.split()) == 1 and len(line) <= 3 for line in lines)]
    assert not stubs, stubs


def test_a_stub_is_a_short_word_alone_on_a_wrapped_cells_line() -> None:
    assert _stub(["Judged ", "on"]) and _stub(["The ", "whole market"])
    assert not _stub(["Time ", "horizon"]) and not _stub(["on"])
