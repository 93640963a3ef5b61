"""Content titles that fit on one line stay one line, read back from the four review decks
(conftest): a title whose text fits on one line at its size, measured with the deck's own
measuring code in the deck's heading font, is one paragraph with no line break (the German
"Der Vertrieb gewinnt Kunden, Abschluss für Abschluss" was broken in two), and the eyebrow
above a one-line title sits at the same height on every such slide."""

from __future__ import annotations

from typing import Any

import pytest

from smguide.deck.measuring import theme_fonts_of
from smguide.deck.textfit import Para, Span, line_count
from tests.deck.conftest import FOUR_DECKS
from tests.deck.test_dark_decks import BRAND
from tests.deck.test_eyebrow_line import _eyebrowed, _inner_width, _size

BREAK = "{http://schemas.openxmlformats.org/drawingml/2006/main}br"


def _heading_fonts(name: str, prs: Any) -> Any:
    """The deck's own heading fonts, as measuring.deck_fonts reads them."""
    return theme_fonts_of(BRAND, prs, name == "template", lambda problem: None)[0]


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_a_title_that_fits_one_line_is_not_broken(four_decks: dict[str, Any],
                                                  name: str) -> None:
    prs = four_decks[name]
    fonts = _heading_fonts(name, prs)
    one_line = 0
    for number, slide in enumerate(prs.slides, 1):
        title = slide.shapes.title
        if title is None or not title.text_frame.text.strip():
            continue
        text = title.text_frame.text.replace("\v", "")
        bold = any(run.font.bold for p in title.text_frame.paragraphs for run in p.runs)
        para = Para((Span(text, bold),))
        if line_count(para, _inner_width(title), _size(title), fonts) > 1:
            continue
        one_line += 1
        paragraphs = title.text_frame.paragraphs
        assert len(paragraphs) == 1, (name, number, text)
        assert not paragraphs[0]._p.findall(BREAK), (name, number, text)
    assert one_line >= 8, (name, one_line)


@pytest.mark.parametrize("name", ["en", "de", "dark 4:3"])
def test_every_eyebrow_over_a_one_line_title_sits_at_one_height(
        four_decks: dict[str, Any], name: str) -> None:
    heights = {number: eyebrow.top for number, title, eyebrow in _eyebrowed(four_decks[name])
               if len(title.text_frame.paragraphs) == 1
               and not title.text_frame.paragraphs[0]._p.findall(BREAK)}
    assert len(heights) >= 6, (name, heights)
    assert max(heights.values()) - min(heights.values()) <= 12700, (name, heights)
