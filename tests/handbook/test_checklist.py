"""A checklist too tall for what its chapter's opening page has left, read back from the
PDFs: set as wide as the opener, in two columns of its items, it stays whole on that page
(handbook/spacing.py, the "+N" variant fitting.py tries) instead of going overleaf and
leaving the opener half empty (Letter and German A4: the first-week checklist)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from smguide.resources import builtin
from tests.pagequality import measure, source_compounds

INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u2060\u200c"))


def _items(lang: str | None) -> list[str]:
    folder = builtin("content") / (lang or "") / "chapters"
    chapter = yaml.safe_load(next(folder.glob("*first-week.yaml")).read_text(encoding="utf-8"))
    return next(b["items"] for b in chapter["blocks"] if b["type"] == "checklist")


def _find(words: list[dict[str, Any]], item: str) -> dict[str, Any] | None:
    """The first word of `item` on the page, found by its first three words in order."""
    wanted = item.split()[:3]
    texts = [w["text"].translate(INVISIBLE) for w in words]
    for i in range(len(texts) - 2):
        if texts[i:i + 3] == wanted:
            return words[i]
    return None


@pytest.mark.parametrize("edition", ["Letter print", "German"])
def test_a_tall_checklist_stays_on_its_opening_page_in_two_columns(
        edition: str, request: pytest.FixtureRequest,
        built_handbook: Callable[..., Path]) -> None:
    import pdfplumber

    lang = "de" if edition == "German" else None
    pdf = built_handbook("a4", "de") if lang else request.getfixturevalue("letter_print_pdf")
    items = _items(lang)
    kicker = "KAPITEL" if lang else "CHAPTER"
    with pdfplumber.open(pdf) as document:
        opening = next(page for page in document.pages
                       if f"{kicker} 8" in (page.extract_text() or ""))
        words = opening.extract_words(extra_attrs=["size"])
        found = [_find(words, item) for item in items]
        assert all(found), [item for item, word in zip(items, found, strict=True)
                            if word is None]  # every item on the opening page
        # the opener's box (its rule under the summary) is the widest rectangle there
        opener = max(opening.rects, key=lambda r: r["x1"] - r["x0"])
        middle = (opener["x0"] + opener["x1"]) / 2
        lefts = [w["x0"] for w in found if w is not None]
        assert sum(x < middle for x in lefts) == (len(items) + 1) // 2  # row by row
        assert sum(x > middle for x in lefts) == len(items) // 2
        top = min(w["top"] for w in found if w is not None)
        assert max(w["x1"] for w in words if w["top"] >= top and w["size"] > 9
                   ) <= opener["x1"] + 0.5  # the checklist's text (not the folio's)
    report = measure(pdf, source_compounds(builtin("content")))
    assert report.half_empty == [] and report.gaps == [], (report.half_empty, report.gaps)
    assert report.splits == []
