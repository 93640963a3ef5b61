"""A brand whose text reads on neither its background nor its primary colour (dark grey on
pure red, 3.7:1): the deck sets its text in the nearest colour that reads on the red and
says so; a warning of a pair still too low names a colour that passes. Read back from the
deck's runs (tests/deckcontrast) and from the warnings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smguide.commands.build import build_slides
from smguide.model.options import DeckOptions, Sources
from smguide.sources.brand import load_brand
from smguide.sources.brandcolours import contrast_warnings
from tests.deckcontrast import readings

POLISH = Path(__file__).resolve().parents[1] / "fixtures" / "polish"
RED = ("meta:\n  name: Firma\ncolor:\n  primary: '#ff0000'\n  foreground: '#27262e'\n"
       "  background: '#e6f8ff'\n")


def wcag(first: str, second: str) -> float:
    """WCAG 2's contrast ratio, computed here, not with smguide's."""
    def lum(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    high, low = sorted((lum(first), lum(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def red(tmp_path: Path) -> Path:
    brand = tmp_path / "_brand.yml"
    brand.write_text(RED, encoding="utf-8")
    return brand


def test_the_deck_sets_its_text_in_a_colour_that_reads_on_the_red(red: Path,
                                                                   tmp_path: Path) -> None:
    brand, _ = load_brand(red)
    said = [w.line_text() for w in brand.deck_warnings()]
    (note,) = [line for line in said if "text on the primary colour" in line]
    assert note.startswith(f"{red}:5:3: color.foreground: ")
    shade = re.findall(r"the deck sets its text in (#[0-9a-f]{6})", note)[0]
    assert wcag(shade, "#ff0000") >= 4.5 and wcag(shade, "#e6f8ff") >= 7
    assert not any("low contrast" in line and "primary #ff0000" in line for line in said)
    out = tmp_path / "deck.pptx"
    build_slides(Sources(POLISH, red), out, DeckOptions())
    on_red = [r for r in readings(out) if "#ff0000" in r.behind]
    assert {r.slide for r in on_red} >= {1, 5}, "the title slide, the table's header"
    assert [r.line() for r in on_red if wcag(r.colours[0], "#ff0000") < 4.5] == []


def test_a_low_contrast_warning_names_a_colour_that_passes() -> None:
    pairs = [("foreground", "#27262e", "primary", "#ff0000", "text on red", 4.5),
             ("headings", "#9ab0ff", "background", "#ffffff", "titles", 4.5),
             ("link", "#808080", "background", "#767676", "links", 7.0)]  # none reaches 7
    found = contrast_warnings("brand.yml", pairs)
    assert len(found) == 3
    for warning, (a, _, _, ground, _, need) in zip(found, pairs, strict=True):
        shade = re.findall(rf"{a} in (#[0-9a-f]{{6}}) would read on", warning.message)[0]
        assert warning.suggestion and shade in warning.suggestion
        if a != "link":
            assert wcag(shade, ground) >= need, warning.message
    assert found[2].suggestion and "#000000" in found[2].suggestion, "the better of the two"
