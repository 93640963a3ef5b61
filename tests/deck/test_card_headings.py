"""Every practice card's heading is one line, read back from the five review decks
(English and German at 16:9, English and German in the dark theme at 4:3, the dark company
template): written without a line break and measured, at its size in its card's frame,
as one line in the deck's own font (Lato; the template's DejaVu Sans) and in Arial's
widths (Liberation Sans), the font shown in its place. On the dark 4:3 deck "Clear roles,
/ shared goals" and "Talk and / coordinate often" took two lines each, so the text under
them started a line lower than a heading of one line would have let it."""

from __future__ import annotations

from typing import Any

import pytest

from smguide.deck.linebreaks import frame_width
from smguide.deck.measuring import SUBSTITUTE
from smguide.deck.textfit import Para, line_count, system_fonts
from tests.deck.test_body_sizes import _decks, german_4_3  # noqa: F401 (a fixture)
from tests.deck.test_own_font_breaks import _own, _size
from tests.decklines import written_lines


@pytest.mark.parametrize("name", ["en", "de", "dark 4:3", "de 4:3", "template"])
def test_every_card_heading_is_one_line(four_decks: dict[str, Any], german_4_3: Any,  # noqa: F811
                                        name: str) -> None:
    prs = _decks(four_decks, german_4_3)[name]
    own, substitute = _own("template" if name == "template" else "en"), system_fonts(SUBSTITUTE)
    assert substitute is not None, "fonts-liberation is installed for the tests"
    cards = [shape for slide in prs.slides for shape in slide.shapes if shape.name == "Card"]
    assert len(cards) >= 4, (name, len(cards))
    wrapped = []
    for card in cards:
        head = card.text_frame.paragraphs[0]
        lines = written_lines(head)
        text = " / ".join("".join(span.text for span in line) for line in lines)
        if len(lines) > 1:
            wrapped.append((text, "broken"))
            continue
        para, width, size = Para(tuple(lines[0])), frame_width(card), _size(head)
        for label, fonts in (("own", own), ("substitute", substitute)):
            if line_count(para, width, size, fonts) > 1:
                wrapped.append((text, label, size, round(width, 1)))
    assert not wrapped, (name, wrapped)
