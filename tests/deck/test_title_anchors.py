"""Every content slide's one-line title starts at one height, read back with python-pptx
from the en, de, dark 4:3 and template decks: the agenda and the summary, which have no
eyebrow, are placed as the slides with one are (on the dark template, whose title box
centres its text, they sat 0.4 in higher than their siblings)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.deck.test_eyebrow_line import LATO, _first_line_top, _lines

PT = 12700


@pytest.mark.parametrize("name", ["en", "de", "dark 4:3", "template"])
def test_one_line_titles_start_where_their_siblings_do(four_decks: dict[str, Any],
                                                       name: str) -> None:
    prs = four_decks[name]
    slides = list(prs.slides)
    tops = {}
    for number, slide in enumerate(slides[1:-1], 2):
        title = slide.shapes.title
        if slide.slide_layout.name.startswith("Section") or len(_lines(title)) != 1:
            continue
        tops[number] = _first_line_top(title, 1, LATO) / PT
    agenda, summary = 2, len(slides) - 1
    assert agenda in tops and summary in tops, tops
    assert len(tops) >= 4, tops
    assert max(tops.values()) - min(tops.values()) <= 1, (name, tops)
