"""French punctuation spaced as the Imprimerie nationale sets it, in the user's own text:
the rule alone, then read back from a handbook and a deck built from a French guide."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from smguide.commands.build import build_pdf, build_slides
from smguide.model.options import DeckOptions, PrintOptions, Sources
from smguide.resources import builtin
from smguide.sources.markdown import to_inline_html, to_plain, typed
from tests.conftest import edit

NBSP, NNBSP = "\u00a0", "\u202f"
FRENCH = Path(__file__).parents[1] / "fixtures" / "french"
BRAND = builtin("brand") / "_brand.yml"


@pytest.mark.parametrize(("typed_text", "spaced"), [
    ("Attention : vraiment", f"Attention{NBSP}: vraiment"),  # a typed space: no-break
    ("Attention: vraiment", f"Attention{NBSP}: vraiment"),  # none typed: one put in
    ("Pourquoi ? Parce que ; enfin !", f"Pourquoi{NNBSP}? Parce que{NNBSP}; enfin{NNBSP}!"),
    ("Vraiment?", f"Vraiment{NNBSP}?"),
    ("Il dit « oui » et «non».", f"Il dit «{NNBSP}oui{NNBSP}» et «{NNBSP}non{NNBSP}»."),
    ('Il dit "oui".', f"Il dit «{NNBSP}oui{NNBSP}»."),  # smart quotes, spaced as typed ones
    ("à 10:30, sur https://exemple.fr, 3:1", "à 10:30, sur https://exemple.fr, 3:1"),
    ("Quoi ?!", f"Quoi{NNBSP}?!"),
    (f"Déjà{NNBSP}: gardé", f"Déjà{NNBSP}: gardé"),  # the user's own no-break space kept
])
def test_french_marks_get_their_no_break_spaces(typed_text: str, spaced: str) -> None:
    assert to_plain(typed_text, "fr") == spaced
    assert typed(typed_text, "fr-FR") == spaced, "a regional code takes its language's rule"


def test_spacing_reads_across_emphasis_and_never_enters_code_or_addresses() -> None:
    html = to_inline_html("**Attention**: voir `a : b` et <https://exemple.fr/a:b> !", "fr")
    assert html == (f"<strong>Attention</strong>{NBSP}: voir <code>a : b</code> et "
                    f'<a href="https://exemple.fr/a:b">https://exemple.fr/a:b</a>{NNBSP}!')


def test_other_languages_are_left_as_typed() -> None:
    assert to_plain("Note : it is? « yes »", "en") == "Note : it is? « yes »"
    assert to_plain("Achtung: ja!", "de") == "Achtung: ja!"


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("fr") / "content"
    shutil.copytree(FRENCH, content)
    chapter = content / "chapters/01-equipes.yaml"
    edit(chapter, "Il dit aussi 'la patience paie'.",
         "Il dit aussi 'la patience paie'. Pourquoi ? Attention: « mesurez » deux fois !")
    edit(chapter, "    name: Atelier", "    name: 'Atelier: fabrication'")
    edit(chapter, "mission: Fabriquer des meubles solides.",
         "mission: 'Fabriquer des meubles solides. Pourquoi ? Attention: « mesurez »'")
    # plain-text fields with straight apostrophes: a chapter title, a heading, a callout's
    # title, a practice's title, a label (labels.yaml: "Ce qu'elle fait")
    edit(chapter, "title: Deux équipes", "title: Deux équipes, c'est l'atelier")
    edit(chapter, "  - type: prose\n", "  - type: prose\n    heading: Ce qu'on dit\n")
    edit(chapter, "      - title: Mesurer deux fois", "      - title: Mesurer d'abord")
    with chapter.open("a", encoding="utf-8") as out:
        out.write("  - type: callout\n    title: \"Astuce : écoutez d'abord\"\n"
                  "    text: Le client parle, vous écoutez.\n    slide: Écouter d'abord.\n")
    return content


@pytest.fixture(scope="module")
def handbook_text(french: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("pdf") / "fr.pdf"
    build_pdf(Sources(french, BRAND), out, PrintOptions())
    reader = PdfReader(out)
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    return "\n".join([*(page.extract_text() for page in reader.pages), *outline])


@pytest.fixture(scope="module")
def deck_text(french: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    out = tmp_path_factory.mktemp("pptx") / "fr.pptx"
    build_slides(Sources(french, BRAND), out, DeckOptions())
    deck = Presentation(str(out))
    shown = "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                      if shape.has_text_frame)
    said = "\n".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides)
    return shown, said


def test_the_handbook_prints_the_spaces(handbook_text: str) -> None:
    text = handbook_text
    # the font draws U+00A0 with its space's glyph, so it reads back as a space; the
    # narrow one has its own
    assert re.search(f"Pourquoi{NNBSP}[?] Attention[ {NBSP}]:\\s«{NNBSP}mesurez{NNBSP}» "
                     f"deux fois{NNBSP}!", text), text
    assert "Attention:" not in text and "Pourquoi ?" not in text
    assert re.search(f"Atelier[ {NBSP}]: fabrication", text), "a plain field: a role's name"
    assert "Atelier:" not in text
    assert not re.search(r"^[:;?!»]", text, re.MULTILINE), "no line starts with a mark"


def test_the_deck_shows_the_spaces(deck_text: tuple[str, str]) -> None:
    shown, said = deck_text
    assert f"Atelier{NBSP}: fabrication" in shown  # a plain field: the role card's name
    assert f"solides. Pourquoi{NNBSP}? Attention{NBSP}: «{NNBSP}mesurez{NNBSP}»" in shown + said
    assert "Atelier: fabrication" not in shown


def test_plain_fields_get_the_bodys_apostrophe_everywhere(
        handbook_text: str, deck_text: tuple[str, str]) -> None:
    """Titles (contents, running heads, bookmarks), headings, a callout's and a practice's
    titles and labels print "’" as the body does, in the handbook, the deck and its notes."""
    shown, said = deck_text
    for text in (handbook_text, shown, said):
        assert "'" not in text
    for words in ("Deux équipes, c’est l’atelier", "Mesurer d’abord", "Bienvenue à l’atelier"):
        assert words in handbook_text and words in shown + said, words
    assert "Ce qu’on dit" in handbook_text, "a prose block's heading (on no slide)"
    assert f"Astuce{NBSP}: écoutez d’abord" in shown
    assert re.search(f"Astuce[ {NBSP}]: écoutez d’abord", handbook_text)
    assert "Ce qu’elle fait" in handbook_text, "a label"
    # the contents, the running heads and the bookmarks: the title at least three times
    assert handbook_text.count("c’est l’atelier") >= 3


def test_a_font_without_the_narrow_space_gets_the_no_break_space(tmp_path: Path) -> None:
    """The handbook prints U+00A0 where the brand's font has no U+202F (which WeasyPrint
    would take from another font)."""
    from dataclasses import replace

    from fontTools import subset

    from smguide.handbook.html import HandbookRenderer
    from smguide.sources.brand import load_brand
    from smguide.sources.content import load_guide
    from smguide.sources.fonts import FontFace

    brand = load_brand(BRAND)[0]
    face = next(f for f in brand.faces if f.family == brand.base_family and f.weight == 400)
    lacking = tmp_path / "Lacking.ttf"
    options = subset.Options()
    with subset.load_font(str(face.path), options) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[c for c in font.getBestCmap() if c != 0x202F])
        subsetter.subset(font)
        font.save(str(lacking))
    guide = load_guide(FRENCH)
    shipped = HandbookRenderer(guide, brand, None).html()
    assert f"seul.{NNBSP}»" in shipped
    without = replace(brand, faces=(*brand.faces[:0], FontFace(face.family, lacking, 400,
                                                                "normal")))
    html = HandbookRenderer(guide, without, None).html()
    assert NNBSP not in html and f"seul.{NBSP}»" in html and f"Horizon{NBSP}:" in html
