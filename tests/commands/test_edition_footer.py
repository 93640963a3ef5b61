"""Each edition's footer is in its own language: its guide.yaml `footer`, else the brand's
footer for its language, else the brand's one-line footer in the source edition only.
What a translation leaves out is a warning naming the brand file's line. The handbook's
page footers are read back with pypdf, the deck's footer placeholders with python-pptx."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pypdf import PdfReader

from smguide.commands.build import build_pdf, build_slides
from smguide.commands.inputs import read_inputs
from smguide.deck.render import DeckOptions
from smguide.model.options import PrintOptions, Sources

FRENCH = Path(__file__).resolve().parents[1] / "fixtures" / "french"
PLAIN = "defaults:\n  smguide:\n    footer: Atelier Dubois · for new colleagues\n"
BY_LANGUAGE = ("defaults:\n  smguide:\n    footer:\n      en: Atelier Dubois · for new colleagues\n"
               "      fr: Atelier Dubois · pour les nouveaux venus\n")


def project(tmp_path: Path, brand: str, own: str = "") -> tuple[Path, Path]:
    """content/ in English with content/fr/ (the French fixture) translating it."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "guide.yaml").write_text("language: en\n", encoding="utf-8")
    french = tmp_path / "content" / "fr"
    shutil.copytree(FRENCH, french)
    if own:
        with (french / "guide.yaml").open("a", encoding="utf-8") as guide:
            guide.write(f"footer: {own}\n")
    (tmp_path / "_brand.yml").write_text("meta:\n  name: Atelier Dubois\n" + brand,
                                         encoding="utf-8")
    return french, tmp_path / "_brand.yml"


def said(found: object) -> list[str]:
    """The footer warnings of read_inputs, as the lines a command prints."""
    lines = [w if isinstance(w, str) else w.line_text()
             for w in getattr(found, "warnings", [])]
    return [line for line in lines if "footer" in line]


def footers(tmp_path: Path, content: Path, brand: Path) -> tuple[list[str], list[str]]:
    """The last line of every handbook page but the cover, and every slide's footer."""
    pdf = build_pdf(Sources(content, brand), tmp_path / "livret.pdf", PrintOptions()).path
    pages = [page.extract_text().strip().splitlines()[-1] for page in PdfReader(pdf).pages[1:]]
    deck = build_slides(Sources(content, brand), tmp_path / "deck.pptx", DeckOptions()).path
    slides = [shape.text_frame.text for slide in Presentation(str(deck)).slides
              for shape in slide.placeholders
              if shape.placeholder_format.type == PP_PLACEHOLDER.FOOTER]
    return pages, slides


def test_a_translation_does_not_print_the_source_editions_footer(tmp_path: Path) -> None:
    content, brand = project(tmp_path, PLAIN)
    found = read_inputs(Sources(content, brand))
    assert said(found) == [f'{brand}:5:5: defaults.smguide.footer: "Atelier Dubois · for new '
                    f'colleagues" is the "en" edition\'s footer, so the "fr" translation does '
                    f"not print it (its slides show the brand's name); give it footer: in "
                    f"{content / 'guide.yaml'}, or write the brand's footer per language "
                    f"(en: ..., fr: ...)"]
    pages, slides = footers(tmp_path, content, brand)
    assert not any("colleagues" in line for line in pages)
    assert pages[0].startswith("Page 2 sur")  # the folio stays
    assert slides and set(slides) == {"Atelier Dubois"}


def test_the_brands_footer_in_the_editions_language(tmp_path: Path) -> None:
    content, brand = project(tmp_path, BY_LANGUAGE)
    assert not said(read_inputs(Sources(content, brand)))
    pages, slides = footers(tmp_path, content, brand)
    assert all("Atelier Dubois · pour les nouveaux venus" in line for line in pages)
    assert slides and set(slides) == {"Atelier Dubois · pour les nouveaux venus"}


@pytest.mark.parametrize("brand", [PLAIN, BY_LANGUAGE])
def test_the_editions_own_footer_comes_first(tmp_path: Path, brand: str) -> None:
    content, brand_file = project(tmp_path, brand, own="L'atelier, pour vous")
    found = read_inputs(Sources(content, brand_file))
    assert found.guide is not None and found.brand is not None
    # typeset as the guide's plain-text fields are: the body's apostrophe
    assert found.guide.footer == found.brand.footer == "L’atelier, pour vous"
    assert not said(found)


def test_a_language_the_brand_has_no_footer_for(tmp_path: Path) -> None:
    content, brand = project(tmp_path, BY_LANGUAGE.replace("      fr: Atelier Dubois · pour "
                                                           "les nouveaux venus\n", ""))
    found = read_inputs(Sources(content, brand))
    assert found.guide is not None and found.guide.footer is None
    assert said(found) == [
        f'{brand}:5:5: defaults.smguide.footer: the footer is given for en, not for "fr", '
        f"so the \"fr\" edition has none (its slides show the brand's name); add fr: to "
        f"defaults.smguide.footer, or footer: to {content / 'guide.yaml'}"]


def test_the_source_edition_prints_the_one_line_footer(tmp_path: Path) -> None:
    content, brand = project(tmp_path, PLAIN)
    source = tmp_path / "fr-only"
    shutil.copytree(content, source)  # the same French guide, translating nothing
    found = read_inputs(Sources(source, brand))
    assert found.guide is not None
    assert found.guide.footer == "Atelier Dubois · for new colleagues"
    assert not said(found)
