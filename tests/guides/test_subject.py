"""Any subject: what the format promises beyond the sample guide (comparisons of 2 to 4
columns, ...), read back from the PDF with pdfplumber and from the deck with python-pptx."""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.util import Emu
from pypdf import PdfReader

from smguide.cli import main
from smguide.commands.build import build_pdf, build_slides
from smguide.deck.render import DeckOptions
from smguide.errors import ContentError
from smguide.model.guide import Comparison
from smguide.model.options import PrintOptions, Sources
from smguide.resources import builtin
from smguide.sources.content import load_guide
from smguide.sources.markdown import to_plain
from tests.conftest import edit
from tests.pagequality import measure, source_compounds
from tests.pdftools import page_texts, squash

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TEAMS = FIXTURES / "three-teams"
BRAND = builtin("brand") / "_brand.yml"


def comparisons(content: Path) -> list[Comparison]:
    return [block for chapter in load_guide(content).chapters for block in chapter.blocks
            if isinstance(block, Comparison)]


# -- comparisons of 2 to 4 columns ---------------------------------------------------


@pytest.fixture(scope="module")
def teams_deck(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("teams") / "deck.pptx"
    build_slides(Sources(TEAMS, BRAND), out, DeckOptions())
    return Presentation(str(out))


@pytest.fixture(scope="module", params=["a4", "a5"])
def teams_pdf(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("teams") / f"teams-{request.param}.pdf"
    build_pdf(Sources(TEAMS, BRAND), out, PrintOptions(paper=request.param))
    return out


def test_a_deck_table_has_one_column_per_compared_thing(teams_deck: Any) -> None:
    tables = [shape for slide in teams_deck.slides for shape in slide.shapes
              if shape.has_table]
    expected = comparisons(TEAMS)
    found: dict[tuple[str, ...], list[list[str]]] = {}
    for shape in tables:
        table = shape.table
        cells = [[table.cell(r, c).text.replace("\v", "") for c in range(len(table.columns))]
                 for r in range(len(table.rows))]
        found.setdefault(tuple(cells[0]), []).extend(cells[1:])
        # inside the slide, the columns filling the table's width
        assert shape.left >= 0 and shape.left + shape.width <= teams_deck.slide_width
        assert abs(sum(col.width for col in table.columns) - shape.width) < Emu(12700 * 2)
        # row labels narrower than the compared columns, which share the rest equally
        widths = [col.width for col in table.columns]
        assert widths[0] < widths[1] and max(widths[1:]) - min(widths[1:]) < 12700
        sizes = {run.font.size.pt for row in table.rows for cell in row.cells
                 for para in cell.text_frame.paragraphs for run in para.runs if run.font.size}
        assert sizes and min(sizes) >= 18, "table text never below the deck's 18 pt"
    assert set(found) == {("", *c.columns) for c in expected}
    for comparison in expected:
        assert found[("", *comparison.columns)] == [
            [row.aspect, *(to_plain(v) for v in row.values)] for row in comparison.rows]
    three = next(c for c in expected if len(c.columns) == 3)
    alts = [shape._element.nvGraphicFramePr.cNvPr.get("descr") for shape in tables]
    assert any(" / ".join(three.columns) in alt for alt in alts)


def _region(page: Any, heading: str, others: list[str]) -> list[dict[str, Any]]:
    """The characters from `heading` down to the next of `others` (or the page's end)."""
    lines = page.extract_text_lines()
    top = next(line["top"] for line in lines if squash(line["text"]) == squash(heading))
    below = [line["top"] for line in lines if line["top"] > top
             and any(squash(line["text"]) == squash(other) for other in others)]
    bottom = min(below, default=page.height)
    return [c for c in page.chars if top < c["top"] < bottom]


def _text(chars: list[dict[str, Any]]) -> str:
    return "".join(c["text"] for c in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])))


def test_a_handbook_table_keeps_every_cell_in_its_column(teams_pdf: Path) -> None:
    found = comparisons(TEAMS)
    headings = [c.heading or "" for c in found]
    with pdfplumber.open(teams_pdf) as pdf:
        for comparison in found:
            page = next(p for p in pdf.pages if squash(comparison.heading or "")
                        in squash(p.extract_text()))
            # nothing runs past the text area: every character inside the page's margins
            assert all(c["x0"] >= 18 and c["x1"] <= page.width - 18 for c in page.chars)
            region = _region(page, comparison.heading or "", headings)
            header_top = min(c["top"] for c in region)  # the header row is the first line
            header = [c for c in region if c["top"] < header_top + 2]
            lefts = []
            for column in comparison.columns:  # each header cell's left edge, in order
                first = column[0]
                lefts.append(min(c["x0"] for c in header if c["text"] == first
                                 and c["x0"] > (lefts[-1] if lefts else 0)))
            body = [c for c in region if c["top"] >= header_top + 2]
            edges = [*lefts, page.width]
            for n, column in enumerate(comparison.columns):
                band = _text([c for c in body if edges[n] - 1 <= c["x0"] < edges[n + 1] - 1])
                for row in comparison.rows:
                    assert squash(to_plain(row.values[n])) in squash(band), (column, row.aspect)
            aspects = _text([c for c in body if c["x1"] <= lefts[0] + 1])
            assert all(squash(row.aspect) in squash(aspects) for row in comparison.rows)
            assert min(c["size"] for c in body) >= 7.99, "stepped down, never under 8 pt"


def test_more_columns_step_the_table_text_down(teams_pdf: Path) -> None:
    found = comparisons(TEAMS)
    headings = [c.heading or "" for c in found]
    with pdfplumber.open(teams_pdf) as pdf:
        prose = next(line["chars"][0]["size"] for p in pdf.pages
                     for line in p.extract_text_lines()
                     if line["text"].startswith("Three teams build"))
        sizes = []
        for comparison in found:
            page = next(p for p in pdf.pages if squash(comparison.heading or "")
                        in squash(p.extract_text()))
            sizes.append(statistics.median(c["size"] for c in _region(
                page, comparison.heading or "", headings)))
    # three columns smaller than the text, four smaller still, down to 8 pt (on A5 both
    # are at that floor)
    three, four = round(sizes[0], 2), round(sizes[1], 2)
    assert prose > three >= four >= 8
    assert three > four or four == 8


def test_no_table_cell_is_hyphenated(teams_pdf: Path) -> None:
    """The three- and four-column comparisons are set at a size where every word fits its
    column (handbook/tables.py): no cell breaks a word (A4 broke "sev-eral",
    "engi-neering", "Singa-pore"), read back from the PDF."""
    found = measure(teams_pdf, source_compounds(TEAMS))
    assert found.hyphenation == []
    assert found.smallest_pt >= 8


@pytest.mark.parametrize(("columns", "message"), [
    (["A"], "expected at least 2 items; got 1"),
    (["A", "B", "C", "D", "E"], "expected at most 4 items; got 5"),
])
def test_a_comparison_has_two_to_four_columns(content: Path, columns: list[str],
                                              message: str) -> None:
    chapter = content / "chapters/04-side-by-side.yaml"
    edit(chapter, "      - Sales\n      - Marketing\n",
         "".join(f"      - {c}\n" for c in columns))
    with pytest.raises(ContentError) as raised:
        load_guide(content)
    assert any("columns: " + message in line for line in raised.value.problems), \
        raised.value.problems


def test_each_row_gives_one_value_per_column(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(TEAMS, content)
    edit(content / "chapters/01-teams.yaml",
         "          - Quarterly roadmaps and weekly reviews\n", "")
    with pytest.raises(ContentError) as raised:
        load_guide(content)
    [line] = raised.value.problems
    assert line.startswith(f"{content / 'chapters/01-teams.yaml'}:")
    assert line.endswith('rows: row 4 ("Works in") has 2 values for 3 columns; give one '
                         "value per column, in the columns' order")


# -- no ids in the code: the personal week page faces the chapter guide.yaml names ----


def _teams_copy(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(TEAMS, content)
    return content


def test_the_week_page_faces_the_first_chapter_with_a_checklist(tmp_path: Path) -> None:
    assert load_guide(TEAMS).week_before == "first-days"
    content = _teams_copy(tmp_path)
    edit(content / "guide.yaml", "  - chapters/02-first-days.yaml\n", "")
    assert load_guide(content).week_before is None, "no checklist: the end of the book"


def test_a_personal_copys_week_page_faces_the_chapter_guide_yaml_names(
        tmp_path: Path) -> None:
    content = _teams_copy(tmp_path)
    edit(content / "guide.yaml", "chapters:\n", "personal_week_before: teams\nchapters:\n")
    (tmp_path / "hires.csv").write_text("name,manager,start_date\nAda Jansen,Li Wei,"
                                        "2026-03-02\n", encoding="utf-8")
    result = CliRunner().invoke(main, [
        "pdf", "--content", str(content), "--brand", str(BRAND), "--roster",
        str(tmp_path / "hires.csv"), "-o", str(tmp_path / "out" / "handbook.pdf")],
        catch_exceptions=False)
    assert result.exit_code == 0, result.output
    texts = page_texts(tmp_path / "out" / "handbooks" / "ada-jansen.pdf")
    week = next(i for i, text in enumerate(texts) if "first week at a glance" in text)
    assert "Ada Jansen".upper() in texts[week].upper() and "Li Wei" in texts[week]
    assert week % 2 == 1, "a left-hand page (pages counted from 0)"
    assert squash(texts[week + 1]).startswith(squash("Chapter 1 Who does what"))


def test_a_week_chapter_that_is_not_there_is_one_line_naming_the_field(
        tmp_path: Path) -> None:
    content = _teams_copy(tmp_path)
    edit(content / "guide.yaml", "chapters:\n",
         "personal_week_before: first-day\nchapters:\n")
    with pytest.raises(ContentError) as raised:
        load_guide(content)
    assert raised.value.problems == [
        f'{content / "guide.yaml"}:4:1: personal_week_before: no chapter has the id '
        '"first-day" (did you mean "first-days"?); give one of the chapters\' ids: teams, '
        'first-days']


# -- typography by language, from data --------------------------------------------------

FRENCH = FIXTURES / "french"
NNBSP = "\u202f"  # before ; ? ! and inside « » in French
NBSP = "\u00a0"  # before : in French (the Imprimerie nationale's rule)


def test_spaced_quotes_are_four_strings_so_both_marks_and_spaces_survive() -> None:
    assert to_plain('Il dit "oui" et \'non\'', "fr") == f"Il dit «{NNBSP}oui{NNBSP}» et “non”"
    assert to_plain('"ja"', "de") == "„ja“" and to_plain('"ja"', "de-AT") == "„ja“"
    assert to_plain('"sí"', "es") == "«sí»" and to_plain('"yes"', "en-GB") == "‘yes’"
    assert to_plain('"x"', "tlh") == "“x”", "a language the table lacks: the default"


@pytest.mark.parametrize(("iso", "language", "shown"), [
    ("2026-03-01", "fr", "1er mars 2026"), ("2026-03-02", "fr", "2 mars 2026"),
    ("2026-03-01", "fr-CA", "1er mars 2026"), ("2026-03-01", "en", "March 1, 2026"),
    ("2026-03-01", "de", "1. März 2026"), ("2026-03-01", "es", "1 de marzo de 2026"),
])
def test_dates_take_the_days_ordinal_where_the_language_writes_one(
        iso: str, language: str, shown: str) -> None:
    from smguide.sources.languages import format_date

    assert format_date(iso, language) == shown


@pytest.fixture(scope="module")
def french_deck(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("fr") / "deck.pptx"
    build_slides(Sources(FRENCH, BRAND), out, DeckOptions())
    return Presentation(str(out))


def _deck_texts(deck: Any) -> tuple[str, str]:
    shown = "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                      if shape.has_text_frame)
    said = "\n".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides)
    return shown, said


def test_french_composed_text_in_the_handbook(tmp_path: Path) -> None:
    out = tmp_path / "fr.pdf"
    build_pdf(Sources(FRENCH, BRAND), out, PrintOptions())
    pages = [page.extract_text() for page in PdfReader(out).pages]
    text = "\n".join(pages)
    # Lato draws U+00A0 with its space's glyph: it reads back as a space
    assert "Horizon : Long terme" in text and "Horizon:" not in text
    assert f"«{NNBSP}Un meuble bien fait se" in text and f"seul.{NNBSP}»" in text
    assert "“la patience paie”" in text
    assert "1er mars 2026" in pages[0], "the cover's date"
    assert measure(out, source_compounds(FRENCH)).final_hyphens == []


def test_no_hyphen_before_a_paragraphs_last_line(teams_pdf: Path) -> None:
    """No paragraph's last line opens with the end of a hyphenated word (breaks.py)."""
    found = measure(teams_pdf, source_compounds(TEAMS))
    assert found.final_hyphens == []


def test_french_composed_text_in_the_deck(french_deck: Any) -> None:
    shown, said = _deck_texts(french_deck)
    assert f"Horizon{NBSP}: Long terme" in shown
    assert f"Prochaine étape{NBSP}: Passez une heure" in shown
    assert f"Contact{NBSP}: rh@atelier.example" in shown
    assert "1er mars 2026" in shown
    # a practice's notes: why it matters (the card shows what it is); the next slide named
    assert f"Mesurer deux fois{NBSP}: Une planche" in said and f"Ensuite{NBSP}: " in said
    assert not any(f"{word}:" in shown + said for word in ("Horizon", "Pourquoi", "Contact"))


def test_a_guides_own_quotes_reach_handbook_and_deck_and_nothing_else(tmp_path: Path) -> None:
    """labels.yaml's quotation marks are given to the Markdown of that guide's handbook and
    deck (make_env, the deck's Writing), not set for the process: French rendered after
    them still gets the shipped marks."""
    from smguide.handbook.html import HandbookRenderer
    from smguide.sources.brand import load_brand

    content = tmp_path / "content"
    shutil.copytree(FRENCH, content)
    with (content / "labels.yaml").open("a", encoding="utf-8") as labels:
        labels.write('typography:\n  quotes: ["»", "«", "›", "‹"]\n')
    edit(content / "guide.yaml", "next_step: Passez une heure avec l'équipe de fabrication.",
         "next_step: 'Passez une heure \"à l''atelier\".'")
    guide = load_guide(content)
    html = HandbookRenderer(guide, load_brand(BRAND)[0], None).html()
    assert "»Un meuble bien fait se vend tout seul.«" in html
    assert "›la patience\u00a0paie‹" in html  # a short last word tied to the one before
    out = tmp_path / "deck.pptx"
    build_slides(Sources(content, BRAND), out, DeckOptions())
    shown, said = _deck_texts(Presentation(str(out)))
    assert "Passez une heure »à l’atelier«." in shown
    assert to_plain('Il dit "oui"', "fr") == f"Il dit «{NNBSP}oui{NNBSP}»"
    shipped = HandbookRenderer(load_guide(FRENCH), load_brand(BRAND)[0], None).html()
    assert f"«{NNBSP}Un meuble bien fait se vend tout seul.{NNBSP}»" in shipped, "no leak"


def test_labels_yaml_overrides_the_shipped_typography(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FRENCH, content)
    with (content / "labels.yaml").open("a", encoding="utf-8") as labels:
        labels.write('typography:\n  quotes: ["«\\u00a0", "\\u00a0»", "‹", "›"]\n'
                     '  space_before: {":": "\\u00a0"}\n  ordinal_day: {}\n')
    guide = load_guide(content)
    assert guide.typography.quotes == ("«\u00a0", "\u00a0»", "‹", "›")
    assert guide.typography.space_before == {":": "\u00a0"}, "the whole field replaced"
    out = tmp_path / "deck.pptx"
    build_slides(Sources(content, BRAND), out, DeckOptions())
    shown, said = _deck_texts(Presentation(str(out)))
    assert "Horizon\u00a0: Long terme" in shown and "1 mars 2026" in shown
    assert "Mesurer deux fois\u00a0: Une" in said and "Ensuite\u00a0: " in said


def test_a_bad_typography_override_is_one_line_naming_the_field(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FRENCH, content)
    with (content / "labels.yaml").open("a", encoding="utf-8") as labels:
        labels.write('typography:\n  quotes: "«»‹›"\n')
    with pytest.raises(ContentError) as raised:
        load_guide(content)
    [line] = raised.value.problems
    assert line == (f"{content / 'labels.yaml'}:26:3: typography.quotes: expected a list "
                    '(one "- item" per line); got "«»‹›"')


# -- Markdown smguide does not print: refused with its line and the block to use --------


def test_markdown_headings_and_images_in_text_are_refused_with_their_lines(
        tmp_path: Path) -> None:
    content = _teams_copy(tmp_path)
    chapter = content / "chapters/02-first-days.yaml"
    with chapter.open("a", encoding="utf-8") as out:
        out.write("  - type: prose\n    text: |\n      First paragraph.\n\n"
                  "      ## Our history\n\n      A photo: ![Team photo](team.png)\n"
                  "  - type: callout\n    text: \"Underlined\\n===\"\n")
    with pytest.raises(ContentError) as raised:
        load_guide(content)
    shown = str(chapter)
    assert raised.value.problems == [
        f'{shown}:14:11: block 2 (prose), text: "## Our history" is a Markdown heading, which '
        "smguide does not print as one; end this block before it and start the next block "
        "with heading: Our history",
        f'{shown}:16:11: block 2 (prose), text: "A photo: ![Team photo](team.png)" is a Markdown '
        "image, which smguide does not show in text; use an image block (- type: image, "
        "src: team.png, alt: Team photo)",
        f'{shown}:18:11: block 3 (callout), text: "Underlined" is a Markdown heading, which '
        "smguide "
        "does not print as one; end this block before it and start the next block with "
        "heading: Underlined"]


def test_a_hash_that_is_not_a_heading_is_text(tmp_path: Path) -> None:
    content = _teams_copy(tmp_path)
    with (content / "chapters/02-first-days.yaml").open("a", encoding="utf-8") as out:
        out.write('  - type: prose\n    heading: "# Not Markdown"\n    text: |\n'
                  "      We are #1 in service, and C# is a language.\n")
    assert load_guide(content).chapters[1].blocks[-1].heading == "# Not Markdown"
