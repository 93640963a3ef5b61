"""Table cells' last lines as printed (the comparison and the diagram's key), read back
from the PDFs: none of two lines or more ends on one word in English ("it closes.",
"what matters to them.": rags.py sets a cell's lines again as a paragraph's)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.handbook.test_cards import laid_out
from tests.pagequality import _words

# cells ending on one word now (before rags.py set cells again: A4 and Letter 3, the
# key's "closes." and "them." and the comparison's "results"; German 5, its long words
# in narrow columns: "Bestandskunden", "Unternehmenszielen")
LONE_NOW = {"A4": 0, "Letter": 0, "German": 3}


@pytest.mark.parametrize(("paper", "lang"), [("a4", None), ("letter", None), ("a4", "de")],
                         ids=["A4", "Letter", "German"])
def test_no_table_cell_ends_on_one_word(paper: str, lang: str | None,
                                        built_handbook: Callable[..., Path],
                                        request: pytest.FixtureRequest) -> None:
    _, blocks = laid_out(built_handbook(paper, lang))
    cells = [sorted(b.lines, key=lambda line: line.top) for b in blocks if b.kind == "TD"]
    assert len(cells) >= 16, len(cells)  # the comparison's 12 and the key's 6
    lone = [(lines[0].page + 1, lines[-2].text, lines[-1].text) for lines in cells
            if len(lines) > 1 and len(_words(lines[-1].text)) < 2]
    assert len(lone) <= LONE_NOW[request.node.callspec.id], lone
