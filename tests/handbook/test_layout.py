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
    titles = {chapter.title for chapter in GUIDE.chapters}
    starts = [page for depth, title, page in outline(built_handbook(paper))
              if depth == 0 and title in titles]
    assert len(starts) == len(GUIDE.chapters)
    assert all(page % 2 == 1 for page in starts), starts


def test_no_heading_ends_a_page_and_nothing_kept_whole_is_split(
        built_handbook: Callable[..., Path], paper: str) -> None:
    report = measure(built_handbook(paper))
    assert report.stranded == []
    assert report.splits == []
