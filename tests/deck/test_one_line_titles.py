"""Content titles that fit on one line stay one line, read back from the four review decks
(conftest): a title whose text fits on one line at its size, measured with the deck's own
measuring code in the deck's heading font, is one paragraph with no line break (the German
sales chapter's title was broken in two though it fits one line); the eyebrow sits at one
height on every content slide, and the title's first line under it, also where a
title takes two lines; the dark 4:3 deck's titles all fit on one line at its one size."""

from __future__ import annotations

from typing import Any

import pytest

from smguide.deck.measuring import theme_fonts_of
from smguide.deck.textfit import Para, Span, line_count
from tests.deck.conftest import FOUR_DECKS
from tests.deck.test_dark_decks import BRAND
from tests.deck.test_eyebrow_line import _eyebrowed, _inner_width, _lines, _size

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


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_every_eyebrow_sits_at_one_height_and_every_title_starts_under_it(
        four_decks: dict[str, Any], name: str) -> None:
    """On the template deck four titles take two lines in DejaVu Sans: the one-line
    titles hang from the same eyebrow height rather than their eyebrows moving down."""
    eyebrowed = _eyebrowed(four_decks[name])
    heights = {number: eyebrow.top for number, _, eyebrow in eyebrowed}
    starts = {number: title.top for number, title, _ in eyebrowed}
    assert len(heights) >= 6, (name, heights)
    assert max(heights.values()) - min(heights.values()) <= 12700, (name, heights)
    assert max(starts.values()) - min(starts.values()) <= 12700, (name, starts)
    lines = {len(_lines(title)) for _, title, _ in eyebrowed}
    assert lines == ({1, 2} if name == "template" else {1}), (name, lines)


def test_the_dark_43_deck_sets_every_content_title_at_one_size_on_one_line(
        four_decks: dict[str, Any]) -> None:
    """Slides 4 and 7 (the sales chapter's and the seed and garden chapter's titles) were
    broken in two at 4:3; at the deck's one title size, 32 pt, they are one line (a title
    one line in Lato but two in Arial's widths keeps a box for two lines: test_deck checks
    that no text overflows in the font PowerPoint shows)."""
    prs = four_decks["dark 4:3"]
    sizes = {number: _size(title) for number, title, _ in _eyebrowed(prs)}
    assert set(sizes.values()) == {32.0}, sizes
    for number in (4, 7):
        title = prs.slides[number - 1].shapes.title
        assert number in sizes and len(_lines(title)) == 1, (number, title.text_frame.text)
