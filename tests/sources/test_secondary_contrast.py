"""A brand's secondary colour too light for text on the paper is replaced by the body
colour for the text the handbook would set in it, and every command says so, naming both
colours; the PDF read back with pdfplumber shows the body colour where the warning says."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner

from smguide.cli import main
from smguide.commands.build import build_pdf
from smguide.model.options import PrintOptions, Sources
from smguide.sources.brand import load_brand

FRENCH = Path(__file__).resolve().parents[1] / "fixtures" / "french"
YELLOW = "meta:\n  name: Atelier\ncolor:\n  primary: '#1f4e79'\n  secondary: '#f2c94c'\n"


def message(brand: Path, line: int) -> str:
    return (f"{brand}:{line}:3: color.secondary: the secondary colour #f2c94c on the paper "
            "#ffffff is too light for text (1.6:1, WCAG AA needs 4.5:1); the handbook sets "
            "the chapter numbers above the titles, the practices' labels and the takeaways "
            "heading in the body colour #1d2327 instead (its bars and markers keep #f2c94c); "
            "choose a darker secondary colour to print them in it")


def rgb(hex_colour: str) -> tuple[float, ...]:
    return tuple(round(int(hex_colour[i:i + 2], 16) / 255, 2) for i in (0, 2, 4))


def kicker_colours(pdf_path: Path) -> set[tuple[float, ...]]:
    """The colours of the "CHAPITRE N" lines above the chapter titles, read with pdfplumber."""
    with pdfplumber.open(pdf_path) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    kicker = [c for c in chars if c["text"] in "CHAPITRE" and c["size"] < 12
              and c["fontname"].endswith("Bold")][:8]
    assert kicker, "no chapter line found"
    return {tuple(round(v, 2) for v in c["non_stroking_color"]) for c in kicker}


@pytest.fixture
def yellow(tmp_path: Path) -> Path:
    brand = tmp_path / "_brand.yml"
    brand.write_text(YELLOW, encoding="utf-8")
    return brand


def test_a_secondary_colour_that_will_be_replaced_is_a_warning(yellow: Path) -> None:
    _, warnings = load_brand(yellow)
    assert message(yellow, 5) in [w.line_text() for w in warnings]


def test_check_names_the_colour_and_the_pair(yellow: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--content", str(FRENCH), "--brand",
                                       str(yellow)])
    assert result.exit_code == 0, result.output
    assert f"Warning: {message(yellow, 5)}" in result.output.splitlines()


def test_the_handbook_prints_that_text_in_the_body_colour(yellow: Path, tmp_path: Path) -> None:
    built = build_pdf(Sources(FRENCH, yellow), tmp_path / "livret.pdf", PrintOptions())
    assert message(yellow, 5) in [w.line_text() for w in built.warnings]
    assert kicker_colours(built.path) == {rgb("1d2327")}


def test_smguides_own_secondary_prints_as_it_is(tmp_path: Path) -> None:
    """A brand that gives no secondary gets smguide's, which reads on white (5.2:1): the
    chapter numbers print in it, not silently in the body colour."""
    brand = tmp_path / "_brand.yml"
    brand.write_text(YELLOW.replace("  secondary: '#f2c94c'\n", ""), encoding="utf-8")
    built = build_pdf(Sources(FRENCH, brand), tmp_path / "livret.pdf", PrintOptions())
    assert kicker_colours(built.path) == {rgb("a35a24")}


@pytest.mark.parametrize("secondary", ["", "  secondary: '#8a4a17'\n"])
def test_no_warning_for_a_readable_or_unchosen_secondary(tmp_path: Path, secondary: str) -> None:
    brand = tmp_path / "_brand.yml"
    brand.write_text(YELLOW.replace("  secondary: '#f2c94c'\n", secondary), encoding="utf-8")
    _, warnings = load_brand(brand)
    assert not [w for w in warnings if "secondary colour" in w.message]


def test_the_deck_names_its_secondary_text_on_the_background(yellow: Path,
                                                             tmp_path: Path) -> None:
    """The deck keeps the brand's colours in its theme (accent2 stays yellow), but its
    eyebrows, bold 14 pt (large text, 3:1), are set in the theme's second text colour
    where the yellow does not read: the warning names that colour, and the eyebrow runs
    read back use that slot (tx2, #1d2327 in the theme)."""
    from pptx import Presentation

    from smguide.commands.build import build_slides
    from smguide.deck.render import DeckOptions

    built = build_slides(Sources(FRENCH, yellow), tmp_path / "deck.pptx", DeckOptions())
    said = [w.line_text() for w in built.warnings if "secondary colour #f2c94c" in w.message]
    # at the line that sets the secondary colour, as the handbook's warning is
    assert f"{yellow}:5:3: color.secondary: the secondary colour #f2c94c on the deck's " \
           "background #ffffff (light theme) is too light for the line above slide titles " \
           "and the role card's column headings (1.6:1; bold text of 14 pt needs 3:1); the " \
           "deck sets them in #1d2327 instead (secondary in #ae9137 would read on #ffffff: " \
           "3.0:1)" in said, said
    deck = Presentation(str(built.path))
    theme = next(part.blob.decode() for part in deck.part.package
                 .iter_parts() if part.partname.endswith("theme1.xml"))
    assert '<a:accent2><a:srgbClr val="F2C94C"/>' in theme.replace("f2c94c", "F2C94C")
    assert '<a:dk2><a:srgbClr val="1D2327"/>' in theme
    tones = {fill.get("val") for slide in deck.slides for shape in slide.shapes
             if shape.name == "Eyebrow" for run in shape.text_frame.paragraphs[0].runs
             for fill in run._r.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}"
                                     "schemeClr")}
    assert tones == {"tx2"}, tones


def test_a_tinted_background_is_the_decks_and_the_handbooks_pages_stay_white(
        tmp_path: Path) -> None:
    """The trial brand's light blue background (#bfd7ea): the handbook's pages print
    white, so its colours are judged on white (the teal secondary reads there, 4.8:1, and
    prints); the deck, which shows the background, keeps it too: its eyebrows and column
    headings are bold 14 pt, large text, which reads at 3:1."""
    brand = tmp_path / "_brand.yml"
    brand.write_text("color:\n  background: '#bfd7ea'\n  foreground: '#0b3954'\n"
                     "  primary: '#0b3954'\n  secondary: '#087e8b'\n", encoding="utf-8")
    loaded, warnings = load_brand(brand)
    assert not [w for w in warnings if "secondary" in w.message]
    # on the deck's blue the teal is 3.2:1: enough for its bold 14 pt eyebrows (3:1)
    assert not [w for w in loaded.deck_warnings() if "secondary" in w.message]
    built = build_pdf(Sources(FRENCH, brand), tmp_path / "livret.pdf", PrintOptions())
    assert kicker_colours(built.path) == {rgb("087e8b")}
    with pdfplumber.open(built.path) as pdf:  # no page-sized fill behind the text pages
        page = pdf.pages[2]
        assert not [r for r in page.rects if r["width"] > page.width * 0.9
                    and r["height"] > page.height * 0.9]


def test_a_secondary_that_reads_as_large_text_is_no_deck_warning(tmp_path: Path) -> None:
    """#c77700 is 3.6:1 on white: too light for the handbook's small type (a warning),
    enough for the deck's bold 14 pt eyebrows, which keep it (no deck warning)."""
    brand_file = tmp_path / "_brand.yml"
    brand_file.write_text(YELLOW.replace("#f2c94c", "#c77700"), encoding="utf-8")
    brand, warnings = load_brand(brand_file)
    assert any("on the paper #ffffff is too light" in w.message for w in warnings)
    assert not [w for w in brand.deck_warnings("light") if "secondary" in w.message]


@pytest.mark.parametrize(("ratio", "need", "shown"),
                         [(4.49, 4.5, "4.49"), (4.46, 4.5, "4.46"), (2.96, 3.0, "2.96"),
                          (2.7, 3.0, "2.7"), (4.44, 4.5, "4.4"), (5.2, 4.5, "5.2")])
def test_a_ratio_just_short_of_the_need_is_not_shown_as_the_need(
        ratio: float, need: float, shown: str) -> None:
    from smguide.sources.brandcolours import shown_ratio

    assert shown_ratio(ratio, need) == shown
