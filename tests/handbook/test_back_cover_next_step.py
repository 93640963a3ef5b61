"""The back cover's next step is set as the cover's subtitle is (headings.balance_leads):
two lines about as wide as each other, never a full line over one word ("This week,
have coffee with someone in sales or / marketing."). Read from the print editions' last
page with pdfplumber."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.mark.parametrize("paper,lang", [("a4", None), ("letter", None), ("a4", "de")])
def test_the_next_step_takes_two_even_lines(built_handbook: Callable[..., Path], paper: str,
                                            lang: str | None) -> None:
    import pdfplumber

    with pdfplumber.open(built_handbook(paper, lang, printed=True)) as pdf:
        page = pdf.pages[-1]
        label = next(w for w in page.extract_words() if w["text"] in ("NEXT", "NÄCHSTER"))
        below = [w for w in page.extract_words(keep_blank_chars=False)
                 if label["bottom"] < w["top"] < label["bottom"] + 40]
    lines: dict[int, list[dict]] = {}
    for word in below:
        lines.setdefault(round(word["top"]), []).append(word)
    widths = [max(w["x1"] for w in ws) - min(w["x0"] for w in ws) for ws in lines.values()]
    assert len(widths) == 2, [" ".join(w["text"] for w in ws) for ws in lines.values()]
    assert min(widths) >= 0.5 * max(widths), widths
