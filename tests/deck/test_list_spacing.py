"""One paragraph spacing for the deck's lists: the items of every list slide at one size
(the agenda, the takeaways panel, the checklist, the questions, the summary) are as far
apart on every slide of a deck, on the four decks the layout tests read (conftest)."""

from __future__ import annotations

from typing import Any

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
COLUMNS = {"Activities", "Skills"}  # a role card's columns: spaced to fill their card


def _list_items(deck: Any) -> list[tuple[int, float, int | None, int | None]]:
    """(slide number, size, space before, space after) of each list item after a list's
    first, in points (hundredths) as the deck sets them, on the slides' list text."""
    out = []
    for number, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            if not shape.has_text_frame or shape.name in COLUMNS:
                continue
            items = [p for p in shape.text_frame.paragraphs if p._p.pPr is not None and (
                p._p.pPr.find(f"{A}buChar") is not None
                or p._p.pPr.find(f"{A}buAutoNum") is not None)]
            for para in items[1:]:
                sizes = {run.font.size.pt for run in para.runs if run.font.size}
                assert len(sizes) == 1, (number, para.text)
                out.append((number, sizes.pop(), _space(para, "spcBef"),
                            _space(para, "spcAft")))
    return out


def _space(para: Any, tag: str) -> int | None:
    found = para._p.pPr.find(f"{A}{tag}")
    if found is None:
        return None
    points = found.find(f"{A}spcPts")
    assert points is not None, f"{tag} not in points: {para.text}"
    return int(points.get("val"))


def test_lists_of_one_size_are_spaced_alike(four_decks: dict[str, Any]) -> None:
    for name, deck in four_decks.items():
        items = _list_items(deck)
        slides = {number for number, *_ in items}
        assert len(slides) >= 4, (name, slides)  # agenda, takeaways, checklist, questions...
        by_size: dict[float, set[tuple[int | None, int | None]]] = {}
        for _, size, before, after in items:
            by_size.setdefault(size, set()).add((before, after))
        for size, spaces in by_size.items():
            where = sorted({n for n, s, *_ in items if s == size})
            assert len(spaces) == 1, f"{name}: lists at {size} pt on slides {where}: {spaces}"
            before, _ = next(iter(spaces))
            assert before is not None and before >= size * 100 * 0.4, (name, size, before)
