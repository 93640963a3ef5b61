"""Callouts and takeaways are two families: a callout is a sidebar open on the page (a
rule at its left in its style's colour, a small label in the guide's language over its
title, white paper behind it), the takeaways a tinted panel under an accent rule; a
callout's text keeps a reading measure at every paper size and in every language, and
the inside of both is spaced one way in every chapter, however the fitting spaced the
chapter (it opens or closes the white around them only). Read back from the built
handbooks: the characters per line through the PDF's structure tree
(tests/pagequality.py), the paper and the rules from pdftoppm's pixels."""

from __future__ import annotations

import statistics
import subprocess
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from tests.pagequality import label_gaps, measure, panel_padding

MM = 72 / 25.4


@pytest.mark.parametrize(("paper", "lang"), [("a4", None), ("letter", None), ("a5", None),
                                             ("a4", "de"), ("a5", "de")])
def test_a_callouts_text_is_set_to_a_reading_measure(
        built_handbook: Callable[..., Path], paper: str, lang: str | None) -> None:
    lengths = measure(built_handbook(paper, lang)).callout_cpl
    assert len(lengths) >= 15, lengths  # every callout's full lines
    assert 60 <= statistics.median(lengths) <= 75 and max(lengths) <= 75, sorted(lengths)


def _pixel(image: Image.Image, x: float, y: float, scale: float) -> tuple[int, int, int]:
    return image.getpixel((round(x * scale), round(y * scale)))  # type: ignore[return-value]


@pytest.mark.parametrize(("lang", "title", "label", "heading"), [
    (None, "Make", "TIP", "KEY"), ("de", "Machen", "TIPP", "DAS")])
def test_a_callout_is_a_ruled_sidebar_and_the_takeaways_a_panel(
        built_handbook: Callable[..., Path], tmp_path: Path, lang: str | None, title: str,
        label: str, heading: str) -> None:
    pdf_path = built_handbook("a4", lang)
    with pdfplumber.open(pdf_path) as pdf:
        pages = [page.extract_words() for page in pdf.pages]
    number, words = next((n, words) for n, words in enumerate(pages, 1)
                         if any(w["text"] == title for w in words))
    named = next(w for w in words if w["text"] == title)
    tag = next(w for w in words if w["text"] == label and w["bottom"] <= named["top"])
    head = next(w for w in words if w["text"] == heading and w["top"] > named["top"])
    assert tag["x0"] == pytest.approx(named["x0"], abs=0.5)  # the label over the title
    dpi = 144
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-singlefile", "-f", str(number),
                    "-l", str(number), str(pdf_path), str(tmp_path / "page")], check=True)
    image = Image.open(tmp_path / "page.png").convert("RGB")
    scale, white = dpi / 72, (255, 255, 255)
    middle = (named["top"] + named["bottom"]) / 2
    # the callout: a coloured rule 4.2 mm before its text, white paper beside its title
    assert _pixel(image, named["x0"] - 4.6 * MM, middle, scale) != white
    assert _pixel(image, named["x0"] - 2 * MM, middle, scale) == white
    assert _pixel(image, max(w["x1"] for w in words if abs(w["top"] - named["top"]) < 1)
                  + 20, middle, scale) == white
    # the takeaways: a tint around their heading, from the panel's left edge on (no rule
    # at its left), under a rule of another colour on top
    level = (head["top"] + head["bottom"]) / 2
    tint = _pixel(image, head["x0"] - 2 * MM, level, scale)
    assert tint != white and _pixel(image, head["x0"] - 4.6 * MM, level, scale) == tint
    end = max(w["x1"] for w in words if abs(w["top"] - head["top"]) < 1)  # the heading's
    assert _pixel(image, end + 20, level, scale) == tint
    rule = _pixel(image, head["x0"], head["top"] - 4.5 * MM - 0.6 * MM, scale)  # padding
    assert rule not in (white, tint)


@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_callouts_and_panels_are_spaced_inside_one_way_in_every_chapter(
        built_handbook: Callable[..., Path], paper: str) -> None:
    """Every callout's label stands as far above its first line, and every panel's text
    as far inside its tint, in a chapter set tight, as it is, loose or looser (the
    fitting once widened their inside with the chapter: 2.57 and 4.50 mm under a label
    on one A4 edition)."""
    pdf = built_handbook(paper, printed=True)
    gaps = label_gaps(pdf)
    assert len(gaps) >= 5, gaps  # the tips and notes
    assert max(gaps.values()) - min(gaps.values()) <= 0.2, gaps
    panels = panel_padding(pdf)
    takeaways = [pad for where, pad in panels.items() if where.startswith("takeaways")]
    lessons = [pad for where, pad in panels.items() if where.startswith("callout")]
    assert len(takeaways) >= 8 and lessons, panels  # every chapter's, the diagram's lesson
    for pads in (takeaways, lessons):  # the takeaways' tint holds their rule on top
        for side in (0, 1):
            assert max(p[side] for p in pads) - min(p[side] for p in pads) <= 0.2, panels
