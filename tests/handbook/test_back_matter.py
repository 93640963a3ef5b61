"""Back matter: the glossary at the guide's end is looked up, not read as a chapter: no
chapter number above its title, in its running head or in the contents (which list it
after the numbered chapters, without a number), in every paper size and language."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from smguide.handbook.html import back_matter
from smguide.model.guide import Guide
from smguide.resources import builtin
from smguide.sources.content import load_guide

KICKER = {None: "CHAPTER", "de": "KAPITEL"}
GLOSSARY = {None: "Glossary", "de": "Glossar"}


@pytest.mark.parametrize("paper,lang", [("a4", None), ("a5", None), ("a4", "de")])
def test_the_glossary_has_no_chapter_number(built_handbook: Callable[..., Path], paper: str,
                                            lang: str | None) -> None:
    import pdfplumber

    kicker, title = KICKER[lang], GLOSSARY[lang]
    with pdfplumber.open(built_handbook(paper, lang)) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
    contents = [line for line in texts[1].splitlines() if re.search(r"\.{4,}", line)]
    numbered = [line for line in contents if re.match(r"\d+ ", line)]
    assert len(numbered) == 8, contents  # the story's chapters, numbered 1 to 8
    assert [int(line.split()[0]) for line in numbered] == list(range(1, 9))
    assert contents[-1].startswith(f"{title}."), contents  # last, without a number
    openers = [n for n, text in enumerate(texts) if re.search(rf"^{kicker} \d+$", text, re.M)]
    assert len(openers) == 8  # "CHAPTER 9" is gone, the others are there
    glossary = [n for n, text in enumerate(texts) if text.startswith(f"{title}\n")]
    assert glossary and glossary[0] > openers[-1]  # its opener, then its running heads
    for n in glossary:
        assert not re.search(rf"{kicker} ?\d|^\d+ {title}", texts[n], re.M), texts[n][:80]


def test_only_trailing_glossaries_are_back_matter() -> None:
    """A glossary chapter in the middle of the story keeps its number; the first chapter
    is never back matter."""
    guide: Guide = load_guide(builtin("content"))
    assert back_matter(guide) == {guide.chapters[-1].anchor}
    middle = guide.model_copy(update={"chapters": guide.chapters[-1:] + guide.chapters[:-1]})
    assert back_matter(middle) == frozenset()
