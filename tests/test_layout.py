"""Print layout rules checked on WeasyPrint's own page boxes, for every paper size."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from smguide.commands.build import load
from smguide.handbook.html import HandbookRenderer
from smguide.handbook.pdf import lay_out
from smguide.model.options import PrintOptions, Sources
from smguide.resources import builtin

GUIDE, BRAND, _ = load(Sources(builtin("content"), builtin("brand") / "_brand.yml"))


@pytest.fixture(scope="module", params=["a4", "a5", "letter"])
def pages(request: pytest.FixtureRequest) -> list[Any]:
    guide, brand = GUIDE, BRAND
    renderer = HandbookRenderer(guide, brand, None)
    document = lay_out(renderer.manuscript(PrintOptions(paper=request.param)))
    return [page._page_box for page in document.pages]


def body_lines(page: Any) -> list[Any]:
    from weasyprint.formatting_structure import boxes

    return [box for box in page.descendants() if isinstance(box, boxes.LineBox)
            and box.element_tag is not None and box.position_y > 0]


def test_no_heading_is_the_last_line_of_a_page(pages: list[Any]) -> None:
    for number, page in enumerate(pages, 1):
        lines = body_lines(page)
        if lines:
            last = max(lines, key=lambda line: line.position_y + line.height)
            assert last.element_tag not in ("h1", "h2", "h3"), f"heading stranded on p. {number}"


def test_rows_and_boxes_are_never_split_across_pages(pages: list[Any]) -> None:
    from weasyprint.formatting_structure import boxes

    seen: dict[int, set[int]] = defaultdict(set)
    for number, page in enumerate(pages, 1):
        for box in page.descendants():
            header_row = box.element is not None and box.element.find("th[@scope='col']")
            keep_whole = (isinstance(box, boxes.TableRowBox) and header_row is None) or (
                box.element_tag in ("aside", "figure") and isinstance(box, boxes.BlockBox))
            if keep_whole:
                seen[id(box.element)].add(number)
    split = [sorted(numbers) for numbers in seen.values() if len(numbers) > 1]
    assert split == []


def test_chapters_start_on_right_hand_pages(pages: list[Any]) -> None:
    starts = [number for number, page in enumerate(pages, 1)
              if any(box.element_tag == "h1" and "chapter-title" in
                     (box.element.get("class") or "") for box in page.descendants())]
    assert len(starts) == len(GUIDE.chapters)
    assert all(number % 2 == 1 for number in starts), starts
