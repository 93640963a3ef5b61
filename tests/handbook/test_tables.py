"""A comparison set so that no cell is hyphenated and no word broken (handbook/tables.py):
side by side at a size where every word fits, the aspects above their values, or
stacked; the stacked table read back from the PDF of a four-column comparison on A5."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber

from smguide.commands.build import build_pdf
from smguide.handbook.tables import MIN_PT, comparison_layout
from smguide.model.options import PrintOptions, Sources
from smguide.resources import builtin
from smguide.sources.brand import load_brand
from tests.pagequality import measure

BRAND, _ = load_brand(builtin("brand") / "_brand.yml")
TEAMS = Path(__file__).resolve().parents[1] / "fixtures" / "three-teams"
COLUMNS = ["Amsterdam", "Lisbon", "Montréal", "Singapore"]


def test_the_table_steps_down_then_lays_out_otherwise() -> None:
    rows = [("Teams", ["Product and finance", "Engineering", "Support", "Sales"])]
    a4 = comparison_layout(COLUMNS, rows, 119, 11, BRAND)
    assert a4.kind == "columns" and a4.font_pt == round(11 * 0.92 * 0.8, 2)
    a5 = comparison_layout(COLUMNS, rows, 103, 9.5, BRAND)  # 7 pt by the step: 8 pt
    assert a5.kind == "columns" and a5.font_pt == MIN_PT
    # a word too wide for its column beside the aspects at 8 pt: the aspects go above
    long = [("Teams", ["Leverbetrouwbaarheid", "Engineering", "Support", "Sales"])]
    assert comparison_layout(COLUMNS[:3], [(a, v[:3]) for a, v in long], 116, 11,
                             BRAND).kind == "over"
    # too wide even for a quarter of the measure: stacked, at the table's size
    stacked = comparison_layout(COLUMNS, long, 103, 9.5, BRAND)
    assert stacked.kind == "stacked" and stacked.font_pt == round(9.5 * 0.92, 2)
    # an aspect too wide for the labels' column counts too
    assert comparison_layout(COLUMNS[:2], [("Verantwortlichkeiten", ["a", "b"])], 60, 11,
                             BRAND).kind == "over"


def test_a_four_column_table_too_narrow_on_a5_is_stacked(tmp_path: Path) -> None:
    """Four offices compared, one value a long word: on A5 no column holds it at 8 pt, so
    each office is a row under its aspect; nothing hyphenated, every word whole, nothing
    under 8 pt, nothing past the text block."""
    content = tmp_path / "content"
    shutil.copytree(TEAMS, content)
    chapter = content / "chapters" / "01-teams.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        "Sales and partnerships for the whole of Asia-Pacific",
        "Vertriebspartnerschaftsmanagement for Asia-Pacific"), encoding="utf-8")
    out = tmp_path / "a5.pdf"
    build_pdf(Sources(content, builtin("brand") / "_brand.yml"), out,
              PrintOptions(paper="a5"))
    found = measure(out)
    assert found.hyphenation == [] and found.smallest_pt >= 8
    with pdfplumber.open(out) as pdf:
        page = next(p for p in pdf.pages if "Four offices compared" in p.extract_text())
        lines = [line["text"] for line in page.extract_text_lines()]
        words = {w["text"] for w in page.extract_words()}
        assert all(c["x1"] <= page.width - 30 for c in page.chars)
    assert "Vertriebspartnerschaftsmanagement" in words
    assert "Teams" in lines  # an aspect as a heading row of its own
    for office in COLUMNS:  # each office's name begins a row of its own, four times
        assert sum(line.startswith(office) for line in lines) == 3, office
