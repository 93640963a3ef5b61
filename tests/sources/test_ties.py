"""What a language keeps on one line: Polish, Czech and Slovak one-letter words never end
a line, and no number is parted from its unit. The rules alone, then read back from a
handbook and a deck built from a small Polish guide (tests/fixtures/polish), the deck as
LibreOffice lays it out."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from smguide.commands.build import build_pdf, build_slides
from smguide.model.options import DeckOptions, PrintOptions, Sources
from smguide.resources import builtin
from smguide.sources.markdown import to_html, to_inline_html, to_plain, typed

NBSP = "\u00a0"
POLISH = Path(__file__).parents[1] / "fixtures" / "polish"
BRAND = builtin("brand") / "_brand.yml"
# a line that ends in a Polish one-letter word or "np." (pypdf reads U+00A0 as a space)
LINE_END = re.compile(r"(?:^|[\s(„])(?:[aiouwzAIOUWZ]|[Nn]p\.)\s*$")
NUMBER_END = re.compile(r"(?<![\w,.])\d+(?:[,.]\d+)?\s*$")  # a line ending in a number
# a line starting with one of the fixture's units, or a number's next thousand
UNIT_START = re.compile(r"\s*(?:%|€|zł|dni|kg|cm|km|h|min|lat|\d{3})(?![^\W\d_])")


@pytest.mark.parametrize(("typed_text", "tied"), [
    ("Witamy w dziale finansów", f"Witamy w{NBSP}dziale finansów"),
    ("A potem i tak, o ile u nas", f"A{NBSP}potem i{NBSP}tak, o{NBSP}ile u{NBSP}nas"),
    ("W razie pytań (z nami)", f"W{NBSP}razie pytań (z{NBSP}nami)"),  # a capital, a bracket
    ("np. jutro, Np. dziś", f"np.{NBSP}jutro, Np.{NBSP}dziś"),
    ("„w domu” i  tyle", f"„w{NBSP}domu” i{NBSP}tyle"),  # two typed spaces: one no-break
    ("mów dalej, zrób to", "mów dalej, zrób to"),  # the end of a word is not a word
    ("pisz na a@w.pl lub e-w x", "pisz na a@w.pl lub e-w x"),  # inside an address, a word
    ("na końcu i", "na końcu i"),
    (f"już w{NBSP}biurze", f"już w{NBSP}biurze"),  # the user's own no-break space kept
])
def test_polish_one_letter_words_take_the_next_word_along(typed_text: str, tied: str) -> None:
    assert to_plain(typed_text, "pl") == tied
    assert typed(typed_text, "pl-PL") == tied, "a regional code takes its language's rule"


def test_czech_and_slovak_tie_their_own_words_and_english_is_left_as_typed() -> None:
    assert typed("v domě a k nám s dětmi", "cs") == f"v{NBSP}domě a{NBSP}k{NBSP}nám s{NBSP}dětmi"
    assert typed("v dome a k nám", "sk") == f"v{NBSP}dome a{NBSP}k{NBSP}nám"
    assert typed("a cat in a hat, I say", "en") == "a cat in a hat, I say"
    assert typed("w domu", "cs") == "w domu", "Czech has no w"


@pytest.mark.parametrize(("typed_text", "tied"), [
    ("np. 49 € w Niemczech", f"np.{NBSP}49{NBSP}€ w{NBSP}Niemczech"),
    ("ryczałt 67,50 zł za 3 dni", f"ryczałt 67,50{NBSP}zł za 3{NBSP}dni"),
    ("1 000 zł i 12 500,50 zł", f"1{NBSP}000{NBSP}zł i{NBSP}12{NBSP}500,50{NBSP}zł"),
    ("5 mln zł, 5 mln złotych", f"5{NBSP}mln{NBSP}zł, 5{NBSP}mln złotych"),  # units in a row
    ("€ 49 i 10 %", f"€{NBSP}49 i{NBSP}10{NBSP}%"),  # a sign before its number
    ("25% limitu, 5 m, 5 mln", f"25% limitu, 5{NBSP}m, 5{NBSP}mln"),  # as typed, whole
    ("rok 2025 i 12 osób", f"rok 2025 i{NBSP}12{NBSP}osób"),
    ("kod `5 km` i 5 kmh", f"kod 5 km i{NBSP}5 kmh"),  # code as typed; not a unit
])
def test_a_number_keeps_its_unit(typed_text: str, tied: str) -> None:
    assert to_plain(typed_text, "pl") == tied


def test_units_are_the_languages() -> None:
    assert typed("It costs 49 € or 10 % for 3 days", "en") == (
        f"It costs 49{NBSP}€ or 10{NBSP}% for 3 days")  # English has no unit words
    assert typed("3 Tage, 5 km", "de") == f"3{NBSP}Tage, 5{NBSP}km"
    assert typed("3 dni, 3 Tage", "de") == f"3 dni, 3{NBSP}Tage"
    assert typed("za 3 dni", "cs") == "za 3 dni" and typed("za 3 dní", "cs") == f"za 3{NBSP}dní"


def test_ties_read_across_lines_and_never_enter_code_or_addresses() -> None:
    # a line break of the YAML's paragraph after "z" is tied too
    assert to_html("zgodnie z\nrozporządzeniem", "pl") == (
        f"<p>zgodnie z{NBSP}rozporządzeniem</p>\n")
    # a tied word alone in emphasis, and the space after the emphasis
    assert to_inline_html("i **w** domu, **mów** dalej", "pl") == (
        f"i{NBSP}<strong>w</strong>{NBSP}domu, <strong>mów</strong> dalej")
    html = to_inline_html("kod `a w b` i <https://x.pl/w> w domu", "pl")
    assert html == (f'kod <code>a w b</code> i{NBSP}<a href="https://x.pl/w">https://x.pl/w</a>'
                    f" w{NBSP}domu")


@pytest.fixture(scope="module")
def handbook_lines(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("pdf") / "pl.pdf"
    build_pdf(Sources(POLISH, BRAND), out, PrintOptions())
    return [line for page in PdfReader(out).pages for line in page.extract_text().split("\n")]


@pytest.fixture(scope="module")
def deck_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pptx") / "pl.pptx"
    build_slides(Sources(POLISH, BRAND), out, DeckOptions())
    return out


def _one_letter_words(lines: list[str]) -> int:
    return sum(len(re.findall(r"(?<!\w)[aiouwz](?=\s)", line)) for line in lines)


def test_no_line_of_the_handbook_ends_in_a_one_letter_word(handbook_lines: list[str]) -> None:
    """The cover's title, the body, a role card, a table's cells and the practices: the
    guide has enough one-letter words that, untied, several end a line (10 of them did)."""
    assert _one_letter_words(handbook_lines) > 60
    assert [line for line in handbook_lines if LINE_END.search(line)] == []


def test_the_deck_ties_them_in_its_text(deck_path: Path) -> None:
    deck = Presentation(str(deck_path))
    shapes = [shape for slide in deck.slides for shape in slide.shapes]
    cells = [cell.text for shape in shapes if shape.has_table
             for row in shape.table.rows for cell in row.cells]
    shown = "\n".join([*(shape.text_frame.text for shape in shapes if shape.has_text_frame),
                       *cells]).replace("\v", "")  # a broken line: its words
    assert f"Zgłaszanie różnic w{NBSP}systemie i{NBSP}u{NBSP}dostawcy" in shown
    assert f"Witamy w{NBSP}magazynie i{NBSP}w{NBSP}biurze" in shown
    assert not re.search(r"(?<!\w)[aiouwzAIOUWZ] ", shown), "every one is tied"
    assert f"np.{NBSP}49{NBSP}€" in shown and f"1{NBSP}000{NBSP}km" in shown, "a table's cell"
    assert not re.search(r"\d (?:zł|€|%|dni)", shown), "every unit is tied"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_no_line_of_the_deck_ends_in_a_one_letter_word(deck_path: Path, tmp_path: Path
                                                         ) -> None:
    profile = tmp_path / "profile"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck_path)],
                   check=True, capture_output=True, timeout=180)
    lines = [line for page in PdfReader(tmp_path / "pl.pdf").pages
             for line in page.extract_text().split("\n")]
    assert _one_letter_words(lines) > 30
    assert [line for line in lines if LINE_END.search(line)] == []
    assert _parted(lines) == [], "no number parted from its unit either"


def _parted(lines: list[str]) -> list[tuple[str, str]]:
    return [(line, after) for line, after in zip(lines, lines[1:], strict=False)
            if NUMBER_END.search(line) and UNIT_START.match(after)]


def test_no_number_of_the_handbook_is_parted_from_its_unit(handbook_lines: list[str]
                                                           ) -> None:
    """A price list, a table's cells: untied, "19 / zł" and "1 / 000 km" part."""
    assert sum(len(re.findall(r"\d (?:zł|€|%|dni)", line)) for line in handbook_lines) > 40
    assert _parted(handbook_lines) == []
    assert [line for line in handbook_lines if re.match(r"\s*(?:%|€|zł)", line)] == []
