"""No compared cell of a table breaks to a stub (a line of one word of three letters or
fewer), read back from the German deck on the dark template."""

from __future__ import annotations

import pytest

from smguide.resources import builtin
from tests.deck.test_dark_decks import build
from tests.decklines import written_lines


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
