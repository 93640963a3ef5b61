"""No cell of a table breaks to a stub (a line of one word of three letters or fewer)
nor takes more than two lines, read back from the decks on the dark template (DejaVu
Sans, 4:3), measured in its font."""

from __future__ import annotations

from typing import Any

import pytest

from smguide.deck.textfit import system_fonts
from smguide.resources import builtin
from tests.deck.test_dark_decks import build
from tests.deck.test_template_text import _cell_lines
from tests.decklines import written_lines


def test_no_compared_cell_of_the_german_template_table_opens_on_a_stub(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """On the dark template in German (DejaVu Sans, 4:3) the Marketing cell 'Der ganze
    Markt' was written 'Der / ganze Markt': the even break kept 'Markt' from standing
    alone at the price of 'Der' alone; a line of one short word now counts as alone too,
    and the more even 'Der ganze / Markt' is written."""
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
    assert ["Der", "ganze Markt"] not in values, values
    stubs = [lines for lines in values if len(lines) > 1
             and any(len(line.split()) == 1 and len(line) <= 3 for line in lines)]
    assert not stubs, stubs


def _tables(path: Any) -> list[Any]:
    from pptx import Presentation

    return [shape.table for slide in Presentation(str(path)).slides for shape in slide.shapes
            if getattr(shape, "has_table", False) and shape.has_table]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_template_table_cell_takes_three_lines(
        tmp_path_factory: pytest.TempPathFactory, lang: str) -> None:
    """On the dark template no table cell takes more than two lines in DejaVu Sans, and in
    German no row name breaks to a stub ('Gemessen / an' beside 'Abschlüssen / und /
    Verlängerungen' was once the table at 24 pt; the deck's row is now 'Erfolgsmaß:
    Abschlüsse und Verlängerungen', two lines at 24 pt). (In English 'Judged / on' stays:
    at 24 pt the column that holds 'Judged on' leaves 'The whole / market' its last word
    alone, which a compared cell must not.)"""
    from tests.deck.conftest import TEMPLATE

    folder = tmp_path_factory.mktemp(f"three-lines-{lang}")
    path = build(folder / "template.pptx", builtin("content") / "de", template=TEMPLATE) \
        if lang == "de" else build(folder / "template.pptx", template=TEMPLATE)
    fonts = system_fonts("DejaVu Sans")
    tables = _tables(path)
    assert tables
    for table in tables:
        widths = [column.width / 12700 for column in table.columns]
        lines = [[_cell_lines(table.cell(r, c), widths[c], fonts) for c in range(len(widths))]
                 for r in range(len(table.rows))]
        assert max(max(row) for row in lines) <= 2, (lang, widths, lines)
        if lang == "de":
            names = [["".join(s.text for s in line).strip()
                      for line in written_lines(paragraph)]
                     for row in list(table.rows)[1:]
                     for paragraph in row.cells[0].text_frame.paragraphs]
            stubs = [lines for lines in names if len(lines) > 1
                     and any(len(line.split()) == 1 and len(line) <= 3 for line in lines)]
            assert not stubs, (widths, names)


def test_the_german_template_table_is_set_as_its_siblings(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """At 24 pt no equal-share column layout held 'Zeithorizont' and 'Gemessen an' whole
    with 'Abschlüssen und' on one line, so the German table on the 4:3 template was at
    20 pt beside 24 pt on every other deck; its deck row is now 'Erfolgsmaß: Abschlüsse
    und Verlängerungen' (the handbook's rows unchanged), and the table is at 24 pt in
    one slide, every row compared on it."""
    from tests.deck.conftest import TEMPLATE

    path = build(tmp_path_factory.mktemp("de-tpl-table") / "de-template.pptx",
                 builtin("content") / "de", template=TEMPLATE)
    tables = _tables(path)
    assert len(tables) == 1 and len(tables[0].rows) == 5
    sizes = {run.font.size.pt for row in tables[0].rows for cell in row.cells
             for para in cell.text_frame.paragraphs for run in para.runs if run.font.size}
    assert sizes == {24.0}, sizes
