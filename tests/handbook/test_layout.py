"""Print layout rules, read back from the built PDF of every paper size: chapters open on
right-hand pages (the PDF's outline, with pypdf), and no heading ends a page and no row or
box is split by a page turn (the tagged structure, tests/pagequality.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smguide.commands.build import load
from smguide.model.options import Sources
from smguide.resources import builtin
from tests.pagequality import measure
from tests.pdftools import outline

GUIDE, BRAND, _ = load(Sources(builtin("content"), builtin("brand") / "_brand.yml"))


@pytest.fixture(scope="module", params=["a4", "a5", "letter"])
def paper(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_chapters_start_on_right_hand_pages(built_handbook: Callable[..., Path],
                                            paper: str) -> None:
    """Every chapter opens on a right-hand page, but the practices' chapter on A4 and
    Letter: its opening page turned two of its four cards overleaf after a notes page, so
    it opens on that left-hand page (facing.py); on A5 its cards fit without."""
    titles = {chapter.title for chapter in GUIDE.chapters}
    starts = [(title, page) for depth, title, page in outline(built_handbook(paper))
              if depth == 0 and title in titles]
    assert len(starts) == len(GUIDE.chapters)
    practices = next(c.title for c in GUIDE.chapters if c.anchor == "working-together")
    left = [title for title, page in starts if page % 2 == 0]
    assert left == ([] if paper == "a5" else [practices]), starts


def test_no_heading_ends_a_page_and_nothing_kept_whole_is_split(
        built_handbook: Callable[..., Path], paper: str) -> None:
    report = measure(built_handbook(paper))
    assert report.stranded == []
    assert report.splits == []


def test_a_chapter_laid_out_alone_fills_its_pages_as_in_the_handbook() -> None:
    """The fitting tries its variants on a chapter cut out of the handbook (its head and
    that chapter): laid out by WeasyPrint, each chapter's pages fill exactly as they do in
    the whole handbook, so what the trials choose is what the handbook gets."""
    from dataclasses import replace

    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from smguide.handbook.alone import chapter_alone
    from smguide.handbook.endings import endings
    from smguide.handbook.engine import import_weasyprint
    from smguide.handbook.html import HandbookRenderer
    from smguide.model.options import PrintOptions
    from smguide.safety.fetcher import make_fetcher

    import_weasyprint()
    manuscript = HandbookRenderer(GUIDE, BRAND, None).manuscript(PrintOptions(paper="a5"))
    assert manuscript.fit is not None
    fetcher = make_fetcher(list(manuscript.allowed))
    fonts = FontConfiguration()
    sheets = [CSS(filename=str(manuscript.stylesheet), url_fetcher=fetcher, font_config=fonts)]
    sheets += [CSS(string=css, base_url=base, url_fetcher=fetcher, font_config=fonts)
               for css, base in manuscript.stylesheets]
    html = HTML(string=manuscript.html, base_url=manuscript.base_url, url_fetcher=fetcher)
    whole = endings(html.render(font_config=fonts, stylesheets=sheets), manuscript.fit)
    assert chapter_alone(html, "no-such-chapter") is None
    for anchor in (manuscript.fit.chapters[1], manuscript.fit.chapters[-1]):
        alone = chapter_alone(html, anchor)
        document = alone.render(font_config=fonts, stylesheets=sheets)
        ending = endings(document, replace(manuscript.fit, chapters=(anchor,)))[anchor]
        assert ending.first_page == 0 and len(document.pages) == ending.last_page + 1
        assert ending.fills == whole[anchor].fills
        assert ending.last_page - ending.first_page == whole[anchor].last_page - \
            whole[anchor].first_page
    assert len(html.etree_element.find("body")) > 3  # the handbook itself is left whole
