"""The title and closing slides read back from the four review decks (conftest): the
lines under their titles are set at the body's size, 24 pt, on the built-in theme and a
company template alike, and at one size on both slides (a subtitle too long for 24 pt
takes the closing slide's lines down with it)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from pptx import Presentation

from tests.deck.conftest import FOUR_DECKS

BODY = 24.0


def _subtitle_runs(slide: Any) -> list[tuple[str, float | None]]:
    """(text, size) of every run under the slide's title, first paragraph first."""
    title = slide.shapes.title
    return [(run.text, run.font.size.pt if run.font.size else None)
            for shape in slide.shapes if shape.has_text_frame and shape is not title
            and shape.name != title.name
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs]


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_the_closing_slides_next_step_is_set_like_the_body(
        four_decks: dict[str, Any], name: str) -> None:
    closing = four_decks[name].slides[-1]
    runs = _subtitle_runs(closing)
    lines = [shape.text_frame.paragraphs for shape in closing.shapes
             if shape.has_text_frame and shape.text_frame.text.strip()
             and shape.name != closing.shapes.title.name]
    assert lines, runs
    first = lines[0][0]
    assert first.runs and first.runs[0].font.bold, runs  # "Next step:" leads
    sizes = {run.font.size.pt for run in first.runs if run.font.size}
    assert sizes == {BODY}, (name, [(run.text, run.font.size) for run in first.runs])
    assert max(size for _, size in runs if size) == BODY, runs  # never over the body's


def _line_sizes(slide: Any) -> list[float]:
    """The size of each paragraph under the slide's title (its first run's)."""
    return [paragraph.runs[0].font.size.pt for shape in slide.shapes
            if shape.has_text_frame and shape.name != slide.shapes.title.name
            and shape.text_frame.text.strip()
            for paragraph in shape.text_frame.paragraphs if paragraph.runs]


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_the_title_and_closing_slides_share_one_subtitle_size(
        four_decks: dict[str, Any], name: str) -> None:
    slides = four_decks[name].slides
    first, last = _line_sizes(slides[0]), _line_sizes(slides[len(slides) - 1])
    assert first[0] == last[0] == BODY, (name, first, last)
    assert first[1] == last[-1], (name, first, last)  # the brand's name, a step under


def test_a_subtitle_that_needs_a_smaller_size_takes_the_closing_lines_with_it(
        run: Callable[..., Result], content: Path, tmp_path: Path) -> None:
    long = " ".join(["What the two teams do, how they differ, why they need each other, "
                     "how they plan their weeks and share what they learn"] * 3)
    guide = content / "guide.yaml"
    text = guide.read_text(encoding="utf-8")
    assert "\nsubtitle: " in text
    guide.write_text(re.sub(r"\nsubtitle: .*", f"\nsubtitle: {long}", text, count=1),
                     encoding="utf-8")
    out = tmp_path / "deck.pptx"
    result = run("slides", "--content", str(content), "-o", str(out))
    assert result.exit_code == 0, result.output
    slides = Presentation(str(out)).slides
    first, last = _line_sizes(slides[0]), _line_sizes(slides[len(slides) - 1])
    assert first[0] < BODY, first  # the long subtitle shrinks...
    assert first[0] == last[0] and first[1] == last[-1], (first, last)  # ...and the closing


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_the_title_slide_leaves_the_edition_to_the_handbook(
        four_decks: dict[str, Any], name: str) -> None:
    from smguide.resources import builtin
    from smguide.sources.content import load_guide

    guide = load_guide(builtin("content") / FOUR_DECKS[name][0])
    assert guide.edition  # "First edition", "Erstausgabe": printed in the handbook
    slide = four_decks[name].slides[0]
    text = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    assert guide.subtitle and guide.subtitle in text.replace("\v", ""), (name, text)
    assert guide.edition not in text, (name, text)


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_no_line_under_the_title_or_closing_title_ends_on_one_word(
        four_decks: dict[str, Any], name: str) -> None:
    """The lines under the title slide's and the closing slide's titles are broken where
    they read best, as body text is (linebreaks): each paragraph that wraps at its size in
    the deck's font has its line breaks written, and its last line holds more than one
    word (the German subtitle at 24 pt ended on "brauchen" alone, the German contact on
    "#sales-marketing nach.")."""
    from tests.deck.test_diagram_labels import _fonts, _lines, _words

    fonts = _fonts({"dark 4:3": "4:3 dark", "template": "dark template"}.get(name, name))
    if fonts is None:
        pytest.skip("DejaVu Sans is not installed")
    slides = four_decks[name].slides
    wrapped = 0
    for slide in (slides[0], slides[len(slides) - 1]):
        for shape in slide.shapes:
            if not shape.has_text_frame or shape.name == slide.shapes.title.name:
                continue
            frame = shape.text_frame
            width = (shape.width - frame.margin_left - frame.margin_right) / 12700
            for paragraph in frame.paragraphs:
                if not paragraph.runs:
                    continue
                size = paragraph.runs[0].font.size.pt
                lines = paragraph.text.split("\v")
                if len(lines) == 1:  # no break written: it fits on one line
                    assert len(_lines(_words(paragraph), width, size, fonts)) == 1, (
                        name, paragraph.text)
                    continue
                wrapped += 1
                assert len(lines[-1].split()) > 1, (name, lines)
    if name == "de":  # the subtitle and both lines of the closing wrap at 16:9
        assert wrapped >= 3, name
