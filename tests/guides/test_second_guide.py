"""A second complete guide (tests/fixtures/dutch): another company and subject, in Dutch
(a language smguide ships no content for), every block type, a three-column comparison,
long titles and words. Built as PDF on A4 and A5 and as a deck, read back with pypdf and
python-pptx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pypdf import PdfReader

from smguide.commands.build import build_pdf, build_slides
from smguide.deck.render import DeckOptions
from smguide.handbook.html import back_matter
from smguide.model.guide import Comparison
from smguide.model.options import PrintOptions, Sources
from smguide.resources import builtin
from smguide.sources.content import load_guide
from tests.pagequality import measure, source_compounds
from tests.pdftools import outline, squash

DUTCH = Path(__file__).resolve().parents[1] / "fixtures" / "dutch"
BRAND = builtin("brand") / "_brand.yml"
GUIDE = load_guide(DUTCH)


def test_the_guide_has_every_block_type() -> None:
    import typing

    from smguide.model.guide import Block

    kinds = {block.type for chapter in GUIDE.chapters for block in chapter.blocks}
    every = {arm.type for arm in typing.get_args(Block)}
    assert kinds == every
    assert any(isinstance(b, Comparison) and len(b.columns) == 3
               for chapter in GUIDE.chapters for b in chapter.blocks)


@pytest.fixture(scope="module", params=["a4", "a5"])
def handbook(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("nl") / f"handboek-{request.param}.pdf"
    build_pdf(Sources(DUTCH, BRAND), out, PrintOptions(paper=request.param))
    return out


def test_the_handbook_speaks_dutch(handbook: Path) -> None:
    reader = PdfReader(handbook)
    pages = [page.extract_text() for page in reader.pages]
    total = len(pages)
    assert pages[1].startswith("Inhoud")
    assert "1 maart 2026" in pages[0]
    for number, text in enumerate(pages[1:], 2):  # every page but the cover is numbered
        if "Pagina" in text:
            assert f"Pagina {number} van {total}" in text
            assert "Havenlicht Logistiek · voor nieuwe collega’s" in text  # its own footer, typeset
    text = "\n".join(pages)
    assert "Tijdshorizon: Korte termijn" in text
    assert "OM TE ONTHOUDEN" in text.upper()
    assert "“Bij Havenlicht weet je waar je lading is.”" in text
    # no line of a paragraph holds its first word alone (WeasyPrint did that before an
    # inline element: "Eén / beeld om te onthouden ... elkaar / aanvullen.")
    assert "Eén beeld om te onthouden" in squash_lines(text)
    assert reader.metadata is not None and reader.metadata.title == GUIDE.title
    chapters = [title for depth, title, _ in outline(handbook) if depth == 0]
    assert chapters == ["Inhoud", *[chapter.title for chapter in GUIDE.chapters]]
    numbered = [c for c in GUIDE.chapters if c.anchor not in back_matter(GUIDE)]
    for chapter in numbered:  # "HOOFDSTUK n" above every title but back matter's, long ones too
        start = next(t for t in pages if squash(f"hoofdstuk {chapter.number}") in squash(t)
                     and squash(chapter.title) in squash(t))
        assert squash(start).find(squash(chapter.title)) > 0


def test_no_hyphen_before_a_paragraphs_last_line(handbook: Path) -> None:
    """No paragraph's last line opens with the end of a hyphenated word (breaks.py), and
    no hyphen breaks a rule; the Dutch text is set with its hyphenation on (Pyphen's Dutch
    patterns), and takes a hyphen only where a rag needs one (none in this guide now: the
    rules themselves are tried on faulty settings in tests/handbook/test_breaks.py)."""
    from smguide.handbook.hyphenation import hyphenator

    found = measure(handbook, source_compounds(DUTCH))
    assert found.final_hyphens == [] and found.hyphenation == []
    dutch = hyphenator("nl")
    assert dutch is not None and "\u00ad" in dutch("verantwoordelijkheden")


def test_a_narrow_table_lays_out_otherwise_rather_than_hyphenate(handbook: Path) -> None:
    """The three-column comparison's longest words ("Voorraadnauwkeurigheid",
    "Leverbetrouwbaarheid") do not fit a column beside the aspects at 8 pt: each aspect
    goes above its values (handbook/tables.py), no cell is hyphenated, every word is
    whole and inside the page's text block, nothing under 8 pt."""
    import pdfplumber

    comparison = next(b for chapter in GUIDE.chapters for b in chapter.blocks
                      if isinstance(b, Comparison))
    found = measure(handbook, source_compounds(DUTCH))
    assert found.hyphenation == [] and found.smallest_pt >= 8
    with pdfplumber.open(handbook) as pdf:
        page = next(p for p in pdf.pages if comparison.heading
                    and comparison.heading in (p.extract_text() or ""))
        words = {w["text"] for w in page.extract_words()}
        body = [c for c in page.chars if c["top"] > 60 and c["bottom"] < page.height - 50]
        assert all(c["x1"] <= page.width - 40 for c in body)
        assert min(c["size"] for c in body) >= 8
        lines = [line["text"] for line in page.extract_text_lines()]
    for row in comparison.rows:
        assert row.aspect in lines  # a line of its own, above the row's values
        for value in row.values:
            assert set(value.split()) <= words, value  # every word whole


def squash_lines(text: str) -> str:
    """Lines kept, spaces within them made single (pypdf may double them)."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("nl") / "presentatie.pptx"
    build_slides(Sources(DUTCH, BRAND), out, DeckOptions())
    return Presentation(str(out))


def test_the_deck_speaks_dutch(deck: Any) -> None:
    shown = [[shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
             for slide in deck.slides]
    flat = "\n".join(text for slide in shown for text in slide)
    assert shown[1][0] == "Programma"
    assert "1 maart 2026" in "\n".join(shown[0])
    assert "Tijdshorizon: Korte termijn" in flat
    assert "Kort samengevat" in flat
    assert "Hoofdstuk" not in flat  # a divider has no "Chapter N" line above its title
    assert "Volgende stap: Loop deze week" in flat and "Vragen?" in flat
    assert "for new team members" not in flat  # the brand's English footer is not used
    assert "Havenlicht Logistiek · voor nieuwe collega’s" in shown[2]
    tables = [shape.table for slide in deck.slides for shape in slide.shapes if shape.has_table]
    heads = [[table.cell(0, c).text for c in range(len(table.columns))] for table in tables]
    assert ["", "Planning", "Magazijn", "Transport"] in heads
    notes = "\n".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides)
    # the table's notes: a Dutch lead-in, not its rows read out (tests/deck/test_spoken_notes)
    assert "We lopen de tabel rij voor rij door" in notes
    assert "Welke rit wanneer vertrekt" not in notes


def test_no_word_of_a_table_is_broken_on_the_slide(deck: Any) -> None:
    """Every word of every cell fits its column at the cell's size (Lato's advance widths
    read with fontTools): "Voorraadnauwkeurigheid" was broken before its last letter."""
    from fontTools.ttLib import TTFont

    from smguide.resources import ASSETS_DIR

    faces = {bold: TTFont(str(ASSETS_DIR / "fonts" / f"Lato-{'Bold' if bold else 'Regular'}.ttf"))
             for bold in (False, True)}

    def width(word: str, bold: bool, size: float) -> float:
        font = faces[bold]
        cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
        return sum(metrics[cmap[ord(c)]][0] for c in word) / font["head"].unitsPerEm * size

    tables = [shape.table for slide in deck.slides for shape in slide.shapes if shape.has_table]
    assert tables
    for table in tables:
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=True):
                room = (column.width - cell.margin_left - cell.margin_right) / 12700
                for run in (r for p in cell.text_frame.paragraphs for r in p.runs):
                    assert run.font.size is not None
                    for word in run.text.split():
                        assert width(word, bool(run.font.bold), run.font.size.pt) <= room, word
