"""A channel, handle, e-mail or web address never breaks at its hyphen, and keeps the
hyphen it was written with: read back from the decks with python-pptx, a paragraph with
such a name has line breaks where the deck's fitting wraps it, each of its lines up to the
name's fits its width in the fonts it is measured with, and no slide or notes text has a
non-breaking hyphen (U+2011), which a presenter copying "#sales-marketing" would get in
place of the hyphen."""

from __future__ import annotations

from typing import Any

import pytest
from pptx import Presentation
from pptx.util import Pt

from smguide.deck.measuring import SUBSTITUTE, family_fonts
from smguide.deck.textfit import Fonts, Para, Span, line_count, system_fonts, widest
from smguide.deck.unbroken import NAME, keep_names_whole
from tests.deck.test_dark_decks import BRAND

NO_BREAK_HYPHEN = "\u2011"


def _texts(prs: Any) -> list[tuple[int, str]]:
    """(slide number, text) of every text frame, table cell and notes page of a deck."""
    out = []
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append((number, shape.text_frame.text))
            if getattr(shape, "has_table", False) and shape.has_table:
                out += [(number, cell.text) for row in shape.table.rows for cell in row.cells]
        out.append((number, slide.notes_slide.notes_text_frame.text))
    return out


def _fonts(name: str) -> Fonts:
    own = system_fonts("DejaVu Sans") if name == "template" else family_fonts(
        BRAND, BRAND.base_family)
    substitute = system_fonts(SUBSTITUTE)
    assert own is not None and substitute is not None, "fonts-dejavu, fonts-liberation"
    return widest(own, substitute)


def _lines_fit(shape: Any, fonts: Fonts) -> list[tuple[str, bool]]:
    """Each line (up to a line break) of each paragraph of `shape` with a hyphenated
    name, and whether it fits the frame's width on one line at its size (a name's line
    up to the name's end: the words after it may wrap)."""
    frame = shape.text_frame
    width = (shape.width - frame.margin_left - frame.margin_right) / 12700
    out = []
    for paragraph in frame.paragraphs:
        if not any("-" in found[0] for found in NAME.finditer(paragraph.text)):
            continue
        size = max(run.font.size.pt for run in paragraph.runs if run.font.size)
        for line in paragraph.text.split("\v"):
            names = [found.end() for found in NAME.finditer(line) if "-" in found[0]]
            upto = line[:names[-1]] if names else line.rstrip()  # what may follow wraps
            out.append((line, line_count(Para((Span(upto),)), width, size, fonts) == 1))
    return out


@pytest.mark.parametrize("name", ["en", "de", "dark 4:3", "template"])
def test_no_slide_has_a_no_break_hyphen(four_decks: dict[str, Any], name: str) -> None:
    texts = _texts(four_decks[name])
    assert not [(n, t) for n, t in texts if NO_BREAK_HYPHEN in t], name
    closing = " ".join(text for number, text in texts if number == len(four_decks[name].slides))
    assert "#sales-marketing" in closing, closing


@pytest.mark.parametrize("name", ["en", "de", "dark 4:3", "template"])
def test_the_closing_slide_keeps_the_channel_on_one_line(four_decks: dict[str, Any],
                                                         name: str) -> None:
    """The line with "#sales-marketing" (and every line before it in its paragraph) fits
    its width at its size in the wider of the deck's font and the one shown in its place,
    so PowerPoint does not wrap it at the channel's hyphen (on the dark template the
    paragraph takes two lines, broken before "in #sales-marketing.")."""
    prs = four_decks[name]
    closing = prs.slides[len(prs.slides) - 1]
    lines = [line for shape in closing.shapes if shape.has_text_frame
             for line in _lines_fit(shape, _fonts(name))]
    named = [index for index, (line, _) in enumerate(lines) if "#sales-marketing" in line]
    assert named, lines
    assert all(fits for _, fits in lines[:named[-1] + 1]), lines


def test_a_paragraph_is_broken_before_a_name_that_would_wrap() -> None:
    """A narrow text box: its paragraph is broken where the fitting wraps it, up to the
    channel's line, the channel written with its own hyphen; a paragraph without a
    hyphenated name, and a title, are left as they are."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
    slide.shapes.title.text = "Post in #sales-marketing, the channel of both teams, today"
    box = slide.shapes.add_textbox(Pt(40), Pt(40), Pt(260), Pt(200))
    frame = box.text_frame
    frame.word_wrap = True
    texts = ("Ask the People team, or post in #sales-marketing, any time you like.",
             "Ask the People team, or write to the well-known channel any time you like.")
    for index, text in enumerate(texts):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(24)
    fonts = _fonts("en")
    assert keep_names_whole(prs, fonts) >= 2
    first, second = frame.paragraphs
    assert "\v" in first.text and first.text.replace("\v", "") == texts[0]
    assert "\v" not in second.text and second.text == texts[1]
    assert "\v" not in slide.shapes.title.text_frame.text
    lines = _lines_fit(box, fonts)
    named = next(index for index, (line, _) in enumerate(lines) if "#sales-marketing" in line)
    assert all(fits for _, fits in lines[:named + 1]), lines
    assert lines[named][0].startswith(("in #", "#")), lines  # the name moved down whole


@pytest.mark.parametrize("text", ["#sales-marketing", "people@greenfield.example"])
def test_a_name_is_found_whole(text: str) -> None:
    assert [m[0] for m in NAME.finditer(f"or post in {text}.")] == [text]


def test_a_slide_is_looked_at_when_any_of_its_paragraphs_has_a_hyphenated_name() -> None:
    """The quick look at a slide's XML finds a name in a table cell, split across two
    runs, and passes over a slide whose only hyphen is in a word ("well-known")."""
    from smguide.deck.unbroken import _has_names

    prs = Presentation()
    named = prs.slides.add_slide(prs.slide_layouts[6])
    cell = named.shapes.add_table(1, 1, Pt(40), Pt(40), Pt(300), Pt(60)).table.cell(0, 0)
    paragraph = cell.text_frame.paragraphs[0]
    for text in ("Post in #sales-", "marketing today."):
        paragraph.add_run().text = text
    plain = prs.slides.add_slide(prs.slide_layouts[6])
    box = plain.shapes.add_textbox(Pt(40), Pt(40), Pt(300), Pt(60))
    box.text_frame.text = "Write to the well-known address any time."
    assert _has_names(named._element)
    assert not _has_names(plain._element)
