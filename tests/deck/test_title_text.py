"""A title's text as an outline, a screen reader or python-pptx's `.text` reads it, read
back from the en, de, dark 4:3 and template decks: a title broken into balanced lines
keeps the space it broke at, so with its line breaks taken out its words are still the
words of the content (no "customers,one" or "forthe"); and that space does not move a
centred line (it is written too small to count)."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest

from smguide.resources import builtin

LINE_BREAK = "\v"  # python-pptx's text for <a:br>
PUNCTUATION = string.punctuation + "“”„‘’‚«»‹›–—…"
# the typographic characters a deck writes for what the content types
TYPED = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                       "\u201e": '"', "\u00ad": None, "\u00a0": " ", "\u202f": " "})
CONTENT = {"en": "", "de": "de", "dark 4:3": "", "template": ""}


def _words(text: str) -> list[str]:
    """The words of `text`, punctuation at their ends taken off; numbers left out (a
    continuation's "4–5" is not in the content)."""
    words = (word.strip(PUNCTUATION) for word in text.translate(TYPED).split())
    return [word for word in words if word and not any(c.isdigit() for c in word)]


def _content_words(folder: Path) -> set[str]:
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.yaml"))
                    + sorted((folder / "chapters").glob("*.yaml")))
    return set(_words(re.sub(r"[*_`#>|]", " ", text)))


def _titles(prs: Any) -> list[tuple[int, str]]:
    return [(number, slide.shapes.title.text_frame.text)
            for number, slide in enumerate(prs.slides, 1) if slide.shapes.title is not None]


@pytest.mark.parametrize("name", ["en", "de", "dark 4:3", "template"])
def test_a_title_read_without_its_line_breaks_keeps_its_words_apart(
        four_decks: dict[str, Any], name: str) -> None:
    known = _content_words(builtin("content") / CONTENT[name])
    broken = 0
    for number, text in _titles(four_decks[name]):
        joined = text.replace(LINE_BREAK, "")
        broken += LINE_BREAK in text
        assert joined.split() == text.replace(LINE_BREAK, " ").split(), (name, number, text)
        unknown = [word for word in _words(joined) if word not in known]
        assert not unknown, (name, number, text, unknown)
    if name == "template":  # its DejaVu Sans titles: four in two balanced lines (the
        assert broken, name  # others' titles fit on one line in Lato and stay whole)


@pytest.mark.parametrize("name", ["template"])
def test_the_space_at_a_line_break_takes_no_room(four_decks: dict[str, Any],
                                                 name: str) -> None:
    """Every run of a broken title but its break's space is at the title's size; the
    space (whitespace alone) at 1 pt, the smallest size PowerPoint writes."""
    seen = 0
    for slide in four_decks[name].slides:
        title = slide.shapes.title
        if title is None or LINE_BREAK not in title.text_frame.text:
            continue
        for paragraph in title.text_frame.paragraphs:
            sizes = {run.font.size.pt for run in paragraph.runs if run.text.strip()}
            spaces = [run for run in paragraph.runs if not run.text.strip()]
            assert len(sizes) == 1 and spaces, (name, title.text_frame.text, sizes)
            assert {run.font.size.pt for run in spaces} == {1.0}
            assert all(run.text == " " for run in spaces)
            seen += 1
    assert seen
