"""The eyebrow sits on its title's first line, read back with python-pptx: a title that
does not fit on one line in Lato is written in lines that each fit in Lato and in
Liberation Sans (Arial's widths, what PowerPoint shows without Lato), so it takes as many
lines in either; one that fits on one line in Lato is left whole; and the eyebrow is the
same distance above the title's first line on every slide of a deck."""

from __future__ import annotations

from typing import Any

import pytest

from smguide.deck.measuring import SUBSTITUTE, family_fonts
from smguide.deck.textfit import Fonts, Para, Span, line_count, system_fonts
from tests.deck.test_dark_decks import BRAND
from tests.deck.test_title_lines import _anchor, _inset

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
PT = 12700
LATO = family_fonts(BRAND, BRAND.heading_family)


def _lines(title: Any) -> list[str]:
    """The title's text in the lines its line breaks (<a:br>) and paragraphs make."""
    lines = []
    for paragraph in title.text_frame.paragraphs:
        lines.extend(paragraph.text.split("\v"))
    return [line for line in lines if line]


def _size(shape: Any) -> float:
    return next(r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs)


def _inner_width(shape: Any) -> float:
    return (shape.width - _inset(shape, "lIns", 91440) - _inset(shape, "rIns", 91440)) / PT


def _first_line_top(title: Any, count: int, fonts: Fonts) -> float:
    """Where the title's first line starts (EMU), `count` lines in `fonts`."""
    used = count * _size(title) * fonts.bold.line * PT
    top = title.top + _inset(title, "tIns", 45720)
    room = title.height - _inset(title, "tIns", 45720) - _inset(title, "bIns", 45720)
    return {"t": top, "ctr": top + (room - used) / 2, "b": top + room - used}[_anchor(title)]


def _eyebrowed(prs: Any) -> list[tuple[int, Any, Any]]:
    found = []
    for number, slide in enumerate(prs.slides, 1):
        eyebrow = next((s for s in slide.shapes if s.name == "Eyebrow"), None)
        if eyebrow is not None:
            found.append((number, slide.shapes.title, eyebrow))
    return found


@pytest.mark.parametrize("name", ["en", "de", "dark 4:3", "template"])
def test_a_broken_title_takes_as_many_lines_in_lato_as_in_its_substitute(
        four_decks: dict[str, Any], name: str) -> None:
    substitute = system_fonts(SUBSTITUTE)
    assert substitute is not None, "fonts-liberation is installed for the tests"
    for number, title, _ in _eyebrowed(four_decks[name]):
        lines, size, width = _lines(title), _size(title), _inner_width(title)
        whole = line_count(Para((Span("".join(lines), True),)), width, size, LATO)
        if len(lines) == 1:  # left whole: one line in Lato
            assert whole == 1 or name == "template", (name, number, lines, size)
            continue
        for fonts in (LATO, substitute):
            taken = [line_count(Para((Span(line, True),)), width, size, fonts)
                     for line in lines]
            assert taken == [1] * len(lines), (name, number, lines, size, taken)


@pytest.mark.parametrize("name", ["en", "de", "dark 4:3", "template"])
def test_the_eyebrow_sits_one_distance_above_the_first_line(
        four_decks: dict[str, Any], name: str) -> None:
    gaps = {}
    for number, title, eyebrow in _eyebrowed(four_decks[name]):
        text_bottom = eyebrow.top + eyebrow.height - _inset(eyebrow, "bIns", 45720)
        first = _first_line_top(title, len(_lines(title)), LATO)
        gaps[number] = (first - text_bottom) / PT
        assert -1 <= gaps[number] <= 0.5 * _size(title), (name, number, gaps[number])
    assert gaps, name
    # (the deck keeps 4% of slack a line when it places the eyebrow: 1.6 pt a 32 pt line)
    assert max(gaps.values()) - min(gaps.values()) <= 2, (name, gaps)


# the summary slide's title (guide.yaml deck.summary_title) and the line above it
# (labels.summary), in each deck's language
SUMMARY = {"en": ("Two teams, one harvest", "In short"),
           "de": ("Zwei Teams, eine Ernte", "Kurz gesagt")}


@pytest.mark.parametrize("name", ["en", "de", "dark 4:3", "template"])
def test_the_summary_slide_has_an_eyebrow_as_its_siblings(
        four_decks: dict[str, Any], name: str) -> None:
    """The summary's title is the talk's message; the line above it says what the slide
    is, in the guide's language, in capitals as the chapters' titles above their slides'."""
    title, label = SUMMARY["de" if name == "de" else "en"]
    found = [(number, eyebrow) for number, shape, eyebrow in _eyebrowed(four_decks[name])
             if "".join(_lines(shape)) == title]
    assert len(found) == 1, (name, found)
    number, eyebrow = found[0]
    runs = [r for p in eyebrow.text_frame.paragraphs for r in p.runs]
    assert "".join(r.text for r in runs) == label, (name, number)
    assert all(r._r.rPr.get("cap") == "all" for r in runs), (name, number)
    assert number == len(four_decks[name].slides) - 1, (name, number)  # before the close
