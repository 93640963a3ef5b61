"""The seed-and-garden diagram and its key on A5, read back from the PDF's tagged
structure with pdfplumber: the key table fits on a page, so its rows never split across
a page turn, and it stands on the diagram's page or on the page facing it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from smguide.resources import builtin


def _walk(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("children", []):
        yield from _walk(child)


def _pages(node: dict[str, Any]) -> set[int]:
    """The pages (1-based) an element of the structure tree is drawn on."""
    return {n["page_number"] for n in _walk(node) if n.get("page_number")}


def key_and_diagram(pdf_path: Path) -> tuple[int, list[int]]:
    """The diagram's page and the page of each of its key's rows (the body rows of the
    tables after the figure, before the next heading; a table split by a page turn is
    tagged as one table per page)."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        ordered = [n for root in pdf.structure_tree for n in _walk(root)]
    for at, figure in enumerate(ordered):
        if figure["type"] != "Figure" or not figure.get("page_number"):
            continue
        rows: list[int] = []
        for node in ordered[at + 1:]:
            if node["type"] in ("H1", "H2"):
                break
            if node["type"] == "TBody":
                rows.extend(min(_pages(row)) for row in node.get("children", [])
                            if row["type"] == "TR")
        if rows:
            return figure["page_number"], rows
    raise AssertionError("no diagram with a key table after it")


def _parts(lang: str) -> int:
    chapter = builtin("content") / lang / "chapters" / "05-seed-and-garden.yaml"
    blocks = yaml.safe_load(chapter.read_text(encoding="utf-8"))["blocks"]
    return len(next(b for b in blocks if b["type"] == "analogy")["parts"])


@pytest.mark.parametrize("lang", [None, "de"], ids=["English", "German"])
def test_a5_key_stays_whole_beside_its_diagram(built_handbook: Callable[..., Path],
                                               lang: str | None) -> None:
    """On A5 the diagram and its six-row key are taller than a page: the key is kept
    whole and goes overleaf from the diagram, onto the facing page (the diagram on a
    left-hand, even page) or under it. (Before, the German key ran 2 + 4 rows from a
    right-hand page over the turn, the English one 3 + 3 across a spread.)"""
    figure, rows = key_and_diagram(built_handbook("a5", lang))
    assert len(rows) == _parts(lang or "."), rows
    assert len(set(rows)) == 1, f"the key's rows on pages {rows}"
    key = rows[0]
    assert key == figure or (figure % 2 == 0 and key == figure + 1), (figure, key)


def _analogy(lang: str | None) -> dict[str, Any]:
    chapter = builtin("content") / (lang or ".") / "chapters" / "05-seed-and-garden.yaml"
    blocks = yaml.safe_load(chapter.read_text(encoding="utf-8"))["blocks"]
    return dict(next(b for b in blocks if b["type"] == "analogy"))


def _reading_order(pdf_path: Path) -> list[tuple[str, int, str]]:
    """The tagged structure's elements in reading order: (type, page, the text of its own
    marked content, read from the page's characters)."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        ordered = [n for root in pdf.structure_tree for n in _walk(root)]
        text: dict[tuple[int, int], list[str]] = {}
        for page in pdf.pages:
            for char in page.chars:
                if char.get("mcid") is not None:
                    text.setdefault((page.page_number, char["mcid"]), []).append(char["text"])
    return [(n["type"], n.get("page_number") or 0, "".join(
        c for m in n.get("mcids", []) for c in text.get((n.get("page_number") or 0, m), [])))
        for n in ordered]


@pytest.mark.parametrize("lang", [None, "de"], ids=["English", "German"])
def test_a5_lesson_fills_the_diagrams_page(built_handbook: Callable[..., Path],
                                           lang: str | None) -> None:
    """On A5 the key goes overleaf whole, so the diagram stood alone on its page (55%
    white) and the lesson, after the key, drifted to the page after it: the lesson is set
    under the diagram (after it on its page, in reading order, before the key), the key
    still faces it, and neither page of that spread is more than half empty or stops
    short (read back: the PDF's tagged structure and characters with pdfplumber, and the
    page measure of tests/pagequality.py). (Before, English: the diagram's page 55%
    white, the key's 31%, the lesson on the page after; German: the lesson alone on a
    page, 66% white.)"""
    from tests.pagequality import measure

    pdf_path = built_handbook("a5", lang)
    figure, rows = key_and_diagram(pdf_path)
    assert figure % 2 == 0 and set(rows) == {figure + 1}, (figure, rows)
    opening = "".join(_analogy(lang)["lesson"].replace("*", "").split()[:3])
    order = _reading_order(pdf_path)
    diagram = next(i for i, (kind, page, _) in enumerate(order)
                   if kind == "Figure" and page == figure)
    key = next(i for i, (kind, _, _) in enumerate(order) if i > diagram and kind == "Table")
    lesson = [(i, page) for i, (_, page, text) in enumerate(order)
              if text.replace(" ", "").startswith(opening)]
    assert lesson, f"“{opening}” not found"
    assert diagram < lesson[0][0] < key and lesson[0][1] == figure, (lesson, diagram, key)
    report = measure(pdf_path)
    assert not {figure, figure + 1} & set(report.half_empty), report.half_empty
    assert not [gap for gap in report.gaps if gap.startswith((f"p{figure}:",
                                                               f"p{figure + 1}:"))], report.gaps
