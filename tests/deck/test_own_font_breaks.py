"""Where the deck breaks its lines, read back from the four decks (English and German at
16:9, the dark theme at 4:3, the dark company template): whether a paragraph wraps is
decided in the deck's own font (Lato; the template's DejaVu Sans), so no paragraph that
fits one line there at its size and in its frame carries a line break ("Insights to
marketing, / news to sales." did, one line in Lato but two in Arial's widths), save a
card heading broken to take as many lines as its row's neighbour does; every line it is
broken into fits its frame in the own font and in the one shown in its place; and the
cards of one row start their text at one height."""

from __future__ import annotations

from typing import Any

import pytest

from smguide.deck.linebreaks import frame_width
from smguide.deck.measuring import SUBSTITUTE, family_fonts
from smguide.deck.textfit import Fonts, Para, Span, line_count, lines_broken_into, system_fonts
from tests.deck.conftest import FOUR_DECKS
from tests.deck.test_dark_decks import BRAND
from tests.decklines import written_lines

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _own(name: str) -> Fonts:
    fonts = system_fonts("DejaVu Sans") if name == "template" else family_fonts(
        BRAND, BRAND.base_family)
    assert fonts is not None, "fonts-dejavu is installed for the tests"
    return fonts


def _frames(shape: Any) -> list[tuple[float, Any]]:
    """(text width in points, text frame) of a shape's text, or of each of its table's
    cells."""
    if getattr(shape, "has_table", False) and shape.has_table:
        table = shape.table
        return [((table.columns[c].width - cell.margin_left - cell.margin_right) / 12700,
                 cell.text_frame)
                for row in table.rows for c, cell in enumerate(row.cells)]
    return [(frame_width(shape), shape.text_frame)] if shape.has_text_frame else []


def _size(paragraph: Any) -> float:
    return max(int(r.get("sz")) / 100 for r in paragraph._p.iter(f"{A}rPr") if r.get("sz"))


def _whole(lines: list[list[Span]]) -> Para:
    """The paragraph's text without its breaks (a line broken at a space keeps it, one
    broken with the space left out gets one back)."""
    spans: list[Span] = []
    for number, line in enumerate(lines):
        if number and spans and not spans[-1].text.endswith(" "):
            spans.append(Span(" "))
        spans.extend(line)
    return Para(tuple(spans))


def _broken(prs: Any) -> list[tuple[int, Any, float, float, list[list[Span]]]]:
    """(slide number, shape, width, size, lines) of every paragraph with a line break."""
    out = []
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            for width, frame in _frames(shape):
                for paragraph in frame.paragraphs:
                    if paragraph._p.find(f"{A}br") is None:
                        continue
                    ppr = paragraph._p.pPr
                    indent = int(ppr.get("marL", "0")) / 12700 if ppr is not None else 0.0
                    out.append((number, shape, width - indent, _size(paragraph),
                                written_lines(paragraph)))
    return out


def _row_mates(slide: Any, card: Any) -> list[Any]:
    return [other for other in slide.shapes if other.name == "Card" and other is not card
            and other.top == card.top]


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_no_paragraph_of_one_line_in_the_own_font_is_broken(four_decks: dict[str, Any],
                                                            name: str) -> None:
    prs, own = four_decks[name], _own(name)
    substitute = system_fonts(SUBSTITUTE)
    assert substitute is not None, "fonts-liberation is installed for the tests"
    broken = _broken(prs)
    assert broken  # the decks do break wrapped items (a card's text, a checklist's item)
    wrongly = []
    for number, shape, width, size, lines in broken:
        whole = _whole(lines)
        if line_count(whole, width, size, own) > 1:
            continue
        mates = _row_mates(prs.slides[number - 1], shape) if shape.name == "Card" else []
        heading = shape.name == "Card" and shape.text_frame.paragraphs[0]._p.find(
            f"{A}br") is not None and lines == written_lines(shape.text_frame.paragraphs[0])
        matched = heading and any(
            len(written_lines(mate.text_frame.paragraphs[0])) == len(lines) for mate in mates)
        if not matched:
            wrongly.append((number, shape.name, size, " / ".join(
                "".join(s.text for s in line) for line in lines)))
    assert not wrongly, (name, wrongly)


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_broken_lines_fit_in_the_own_font_and_the_substitute(four_decks: dict[str, Any],
                                                             name: str) -> None:
    """Each line of a broken paragraph is one line in the own font and in Arial's widths
    (Liberation Sans), so neither re-wraps it into a ragged extra line."""
    own, substitute = _own(name), system_fonts(SUBSTITUTE)
    assert substitute is not None
    for number, shape, width, size, lines in _broken(four_decks[name]):
        for line in lines:
            for fonts in (own, substitute):
                assert line_count(Para(tuple(line)), width, size, fonts) == 1, (
                    name, number, shape.name, "".join(s.text for s in line))


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_cards_in_a_row_start_their_text_level(four_decks: dict[str, Any],
                                               name: str) -> None:
    """Beside a heading of two lines a heading of one leaves the room of the other line
    before its text (or takes two lines itself), so the text of a row's cards starts at
    one height in the own font: its heading's lines at their line height, plus the
    space before the text."""
    own, rows = _own(name), 0
    for slide in four_decks[name].slides:
        cards = [shape for shape in slide.shapes if shape.name == "Card"]
        for top in {card.top for card in cards}:
            row = [card for card in cards if card.top == top]
            if len(row) < 2:
                continue
            starts = []
            for card in row:
                head, text = card.text_frame.paragraphs[:2]
                size = _size(head)
                lines = written_lines(head)
                count = len(lines) if len(lines) > 1 else line_count(
                    _whole(lines), frame_width(card), size, own)
                gap = int(text._p.pPr.find(f"{A}spcBef/{A}spcPts").get("val")) / 100
                starts.append(count * size * own.regular.line + gap)
            rows += 1
            assert max(starts) - min(starts) <= 1.0, (name, starts)
    assert rows, name


def test_the_rule_is_decided_in_the_own_font() -> None:
    """lines_broken_into: a text one line in Lato but two in Arial's widths is not
    broken; one that wraps in both into as many lines is; one that takes more lines in
    Arial than in Lato is left to the client's wrap."""
    from smguide.deck.textfit import widest

    lato = family_fonts(BRAND, BRAND.base_family)
    substitute = system_fonts(SUBSTITUTE)
    assert substitute is not None
    both = widest(lato, substitute)
    text = Para((Span("Insights to marketing, news to sales."),))
    size, lato_width = 24.0, lato.regular.width("Insights to marketing, news to sales.", 24.0)
    arial_width = both.regular.width("Insights to marketing, news to sales.", 24.0)
    assert lato_width < arial_width
    between = (lato_width + arial_width) / 2
    assert line_count(text, between, size, both) == 2
    assert lines_broken_into(text, between, size, lato, both) == 1
    assert lines_broken_into(text, lato_width * 0.7, size, lato, both) == 2
    assert lines_broken_into(text, lato_width * 2, size, lato, both) == 1
