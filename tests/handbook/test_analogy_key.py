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
