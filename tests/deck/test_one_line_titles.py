"""Content titles that fit on one line stay one line, read back from the four review decks
(conftest): a title whose text fits on one line at its size, measured with the deck's own
measuring code in the deck's heading font, is one paragraph with no line break (the German
sales chapter's title was broken in two though it fits one line); every title's box ends
at one height and the eyebrow sits on its first line, one height for every title of as
many lines; the dark 4:3 deck's titles all fit on one line at its one size."""

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
def test_every_title_box_ends_at_one_height_and_its_eyebrow_comes_down_with_it(
        four_decks: dict[str, Any], name: str) -> None:
    """On the template deck four titles take two lines in DejaVu Sans: every title's box
    ends at one height (its text on its foot, test_titles_on_the_rule), and the eyebrow
    over a one-line title sits a line lower than over a two-line one, on its first line."""
    eyebrowed = _eyebrowed(four_decks[name])
    ends = {number: title.top + title.height for number, title, _ in eyebrowed}
    assert len(ends) >= 6, (name, ends)
    assert max(ends.values()) - min(ends.values()) <= 12700, (name, ends)
    heights = {len(_lines(title)): set() for _, title, _ in eyebrowed}
    for _, title, eyebrow in eyebrowed:
        heights[len(_lines(title))].add(round(eyebrow.top / 12700))
    assert all(len(tops) == 1 for tops in heights.values()), (name, heights)
    assert set(heights) == ({1, 2} if name == "template" else {1}), (name, heights)


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
