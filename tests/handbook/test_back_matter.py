"""Back matter: the glossary at the guide's end is looked up, not read as a chapter: no
chapter number above its title, in its running head or in the contents (which list it
after the numbered chapters, without a number), in every paper size and language."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
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
    assert re.match(rf"{title} ?\.", contents[-1]), contents  # last, without a number
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
    middle = replace(guide, **{"chapters": guide.chapters[-1:] + guide.chapters[:-1]})
    assert back_matter(middle) == frozenset()


def test_back_matter_of_an_odd_number_of_pages_is_tried_opened_at_the_top() -> None:
    """Fitting tries a glossary at the end on three pages (a leaf and a half) with its
    opener at the text block's top and tight, and keeps that when it ends a leaf earlier;
    a chapter of the story, or back matter on an even number of pages, never."""
    from smguide.handbook.endings import Fit
    from smguide.handbook.fitting import fit_chapters
    from smguide.handbook.spacing import fitting_css, known
    from tests.handbook.test_typography import _Document

    def lay_out(css: str) -> _Document:
        if "padding-top: 0" in css and "margin-bottom: 1mm" in css:  # at the top, tight
            return _Document([{"g": (0, 0, 1, 1000), "g-1": (0, 0, 1, 1000)},
                              {"g-1": (0, 0, 1, 950), "g--end": (0, 950, 1, 950)}])
        return _Document([{"g": (0, 0, 1, 1000), "g-1": (0, 200, 1, 1000)},
                          {"g-1": (0, 0, 1, 1000)},
                          {"g-1": (0, 0, 1, 300), "g--end": (0, 300, 1, 300)}])

    for back, chosen in ((("g",), "^tight"), ((), "")):
        fit = Fit(top=0, bottom=1000, drop=100, chapters=("g",), back=back)
        tried: list[str] = []
        css = fit_chapters(lay_out, fit, trial=lambda c, _, t=tried: (t.append(c),
                                                                       lay_out(c))[1])[1]
        assert css == fitting_css({"g": chosen}), (back, css)
        assert any("padding-top: 0" in c for c in tried) == bool(back)
    top = fitting_css({"g": "^tight/loose@3"})
    assert '.chapter[id="g"] > .chapter-head { padding-top: 0; }' in top
    assert "margin-bottom: 0.45em" in top and '.block[id="g-3"] ~ .block' in top
    assert all(known(v) for v in ("^", "^tight", "^tight/loose@3")) and not known("^x")


def test_the_a5_print_book_is_a_multiple_of_4_without_a_run_of_notes_pages(
        built_handbook: Callable[..., Path]) -> None:
    """The A5 print handbook (saddle-stitched: a multiple of 4 pages) was 44 pages, the
    last three before the imprint notes pages padding it: its glossary, opened at the
    text block's top, now ends on a left-hand page and the book is 40 pages, its notes
    pages only the left-hand pages before a chapter, never two in a row."""
    import pdfplumber

    out = built_handbook("a5", printed=True)
    with pdfplumber.open(out) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        notes = [n for n, page in enumerate(pdf.pages)
                 if texts[n].startswith("Notes") and len(page.lines) >= 10]
        openers = {n: page for n, page in enumerate(pdf.pages)
                   if texts[n].startswith(("CHAPTER", "Glossary\nShort"))}
        titles = {n: min(w["top"] for w in page.extract_words(extra_attrs=["size"])
                         if w["size"] > 18) for n, page in openers.items()}
    assert len(texts) == 40
    assert notes and all(n % 2 == 1 for n in notes)  # left-hand pages (0-based odd)
    assert all(b - a > 1 for a, b in zip(notes, notes[1:], strict=False)), notes
    glossary = max(openers)
    assert texts[glossary].startswith("Glossary")
    assert glossary % 2 == 0 and glossary + 2 == len(texts) - 2  # two pages, then imprint
    assert titles[glossary] < min(t for n, t in titles.items() if n != glossary) - 100


NOTES = {None: "Notes", "de": "Notizen"}


@pytest.mark.parametrize("paper,lang", [("a4", None), ("a5", None), ("a5", "de")])
def test_the_print_books_back_matter_is_in_the_order_a4_has(
        built_handbook: Callable[..., Path], paper: str, lang: str | None) -> None:
    """Every print edition ends as A4 does: the glossary, then only notes pages (the
    padding to a multiple of 4: three in the 44-page German A5, none in English), then
    the imprint on the inside back cover and the back cover; a notes page before the
    glossary is a left-hand page facing a chapter's opener (a chapter opens on the right),
    never a page left over inside a chapter."""
    import pdfplumber

    with pdfplumber.open(built_handbook(paper, lang, printed=True)) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        ruled = [len(page.lines) >= 10 for page in pdf.pages]
    notes = [n for n, text in enumerate(texts) if text.startswith(NOTES[lang]) and ruled[n]]
    glossary = [n for n, text in enumerate(texts) if text.startswith(f"{GLOSSARY[lang]}\n")]
    openers = [n for n, text in enumerate(texts)
               if re.search(rf"^{KICKER[lang]} \d+$", text, re.M)]
    last = len(texts) - 1
    assert len(texts) % 4 == 0 and notes and glossary and len(openers) == 8
    assert texts[last - 1].lstrip().startswith(texts[0].split("\n")[1])  # imprint: title
    assert "Greenfield" in texts[last] and last not in notes  # the back cover
    end = max(n for n, text in enumerate(texts[:last - 1]) if n not in notes)
    assert end >= glossary[0] and all(n in notes for n in range(end + 1, last - 1))
    for n in notes:
        if n < glossary[0]:
            assert n % 2 == 1 and n + 1 in openers + glossary[:1], (n + 1, openers)
