"""The A5 handbook's pages as a print designer fits them, read back from the PDF
(pdfplumber, and the page measure of tests/pagequality.py): no chapter's opening page
stops short because the block after its short first section went overleaf."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from smguide.resources import builtin
from tests.pagequality import measure


def _chapter(name: str) -> dict[str, Any]:
    path = builtin("content") / "chapters" / name
    return dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def _page_with(pdf_path: Path, text: str, after: int = 2) -> int:
    """The first page (1-based) past `after` whose text holds `text` (spaces ignored)."""
    import pdfplumber

    wanted = "".join(text.split())
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages[after:]:
            if wanted in "".join((page.extract_text() or "").split()):
                return int(page.page_number)
    raise AssertionError(f"“{text}” is on no page")


@pytest.fixture(scope="module")
def a5(built_handbook: Callable[..., Path]) -> Path:
    return built_handbook("a5")


def test_a_callout_fills_the_opening_page_a_table_left(a5: Path) -> None:
    """Chapter 5's opening page (its opener sunk a quarter of the A5 text block, then the
    short section "One table, two teams") cannot hold the comparison table, which never
    splits and opens a section of its own: it goes overleaf and left the page 34% white.
    The chapter's callout (a sidebar, no heading) is set in that white, the table stays
    whole and the text after it follows it in the order the content gives."""
    chapter = _chapter("04-side-by-side.yaml")
    blocks = chapter["blocks"]
    callout = next(b for b in blocks if b["type"] == "callout")
    table = next(b for b in blocks if b["type"] == "comparison")
    after = next(b for b in blocks[blocks.index(table) + 1:] if b.get("heading"))
    opener = _page_with(a5, chapter["summary"])
    assert _page_with(a5, callout["title"], opener - 1) == opener
    table_page = _page_with(a5, table["heading"], opener - 1)
    assert table_page == opener + 1
    assert _page_with(a5, after["heading"], opener - 1) == table_page  # read after it
    report = measure(a5)
    assert opener not in report.half_empty, report.half_empty
    assert not [g for g in report.gaps if g.startswith(f"p{opener}:")], report.gaps
    assert not [s for s in report.splits if "Table" in s or "table" in s], report.splits
