"""Polish, Czech and Slovak one-letter words never end a line: the rule alone, then read
back from a handbook and a deck built from a small Polish guide (tests/fixtures/polish),
the deck as LibreOffice lays it out."""

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


def test_ties_read_across_lines_and_never_enter_code_or_addresses() -> None:
    # a line break of the YAML's paragraph after "z" is tied too
    assert to_html("zgodnie z\nrozporządzeniem", "pl") == (
        f"<p>zgodnie z{NBSP}rozporządzeniem</p>\n")
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
    shown = "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                      if shape.has_text_frame)
    assert f"Zgłaszanie różnic w{NBSP}systemie i{NBSP}u{NBSP}dostawcy" in shown
    assert f"Witamy w{NBSP}magazynie i{NBSP}w{NBSP}biurze" in shown
    assert not re.search(r"(?<!\w)[aiouwzAIOUWZ] ", shown), "every one is tied"


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
