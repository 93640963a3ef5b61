"""A deck paragraph's lines as written, read back from its XML, for the tests that check
where the deck breaks its text."""

from __future__ import annotations

from typing import Any

from smguide.deck.textfit import Span

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def written_lines(paragraph: Any) -> list[list[Span]]:
    """A python-pptx paragraph's lines, split at its <a:br>, each as its runs' spans (text
    and bold); the 1 pt space the deck keeps before a break is left out."""
    lines: list[list[Span]] = [[]]
    for child in paragraph._p:
        if child.tag == f"{A}br":
            lines.append([])
        elif child.tag == f"{A}r":
            props = child.find(f"{A}rPr")
            size = int(props.get("sz", "0")) if props is not None else 0
            if props is not None and 0 < size <= 100:
                continue
            bold = props is not None and props.get("b") == "1"
            lines[-1].append(Span(child.findtext(f"{A}t") or "", bold))
    return lines
