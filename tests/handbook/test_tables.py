"""A comparison set so that no cell is hyphenated and no word broken (handbook/tables.py):
side by side at a size where every word fits, the aspects above their values, or
stacked; the stacked table read back from the PDF of a four-column comparison on A5."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import yaml

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


def test_in_print_the_column_names_are_10_pt_or_not_reversed() -> None:
    """White on a fill of several inks, type is at least 10 pt (handbook/inks.py): on A5
    two columns' names go up from 9.44 to 10 pt, the table's text stays; four offices'
    names would not fit their columns at 10 pt, so they are set over a rule instead."""
    two = [("Focus", ["Individual customers", "The market as a whole"])]
    a5 = comparison_layout(["Sales", "Marketing"], two, 103, 9.5, BRAND, reversed_pt=10)
    assert (a5.font_pt, a5.header_pt, a5.reversed_header) == (round(9.5 * 0.92, 2), 10, True)
    # on screen (no least size) and where the names are 10 pt already: as before
    assert comparison_layout(["Sales", "Marketing"], two, 103, 9.5, BRAND).header_pt is None
    assert comparison_layout(["Sales", "Marketing"], two, 119, 11, BRAND,
                             reversed_pt=10).header_pt is None
    rows = [("Teams", ["Product and finance", "Engineering", "Support", "Sales"])]
    four = comparison_layout(COLUMNS, rows, 103, 9.5, BRAND, reversed_pt=10)
    assert four.kind == "columns" and not four.reversed_header and four.header_pt is None
    assert comparison_layout(COLUMNS, rows, 119, 11, BRAND, reversed_pt=10).reversed_header


def test_the_a5_print_tables_column_names_are_white_at_10_pt_or_dark_over_a_rule(
        tmp_path: Path) -> None:
    """Read back from the A5 print PDF of three teams: each header is either white on a
    fill at 10 pt at least, or (the four offices) in a dark ink on the paper, nothing
    filled behind it, with the rule under it."""
    out = tmp_path / "a5-print.pdf"
    build_pdf(Sources(TEAMS, builtin("brand") / "_brand.yml"), out,
              PrintOptions(paper="a5", pdfx=True))
    headers: dict[str, list[tuple[float, bool, bool]]] = {}
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages:
            fills = [r for r in page.rects if r.get("fill") and r["height"] < 40
                     and sum(float(v) >= 0.05 for v in r["non_stroking_color"] or ()) >= 2]
            for word in page.extract_words(extra_attrs=["size", "non_stroking_color",
                                                        "fontname"]):
                if word["text"] not in (*COLUMNS, "Product", "Engineering") \
                        or "Bold" not in word["fontname"]:
                    continue
                x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
                filled = any(r["x0"] <= x <= r["x1"] and r["top"] <= y <= r["bottom"]
                             for r in fills)
                white = max(float(v) for v in word["non_stroking_color"]) < 0.05
                headers.setdefault(word["text"], []).append((word["size"], filled, white))
    assert set(headers) >= {*COLUMNS, "Product", "Engineering"}, headers
    for name, found in headers.items():
        for size, filled, white in found:
            assert white == filled, (name, size, filled, white)  # white only on a fill
            assert size >= (9.99 if white else 7.99), (name, size)
    # the offices' names are not reversed: on the paper, in the headings' dark ink
    assert all(not filled for office in COLUMNS for _, filled, _ in headers[office])


def test_two_compared_columns_share_their_width_so_no_cell_ends_on_a_stub() -> None:
    """The German comparison set wide on A4's opening page ended five cells on a stub or
    a word alone with its columns even ('binden', 'Bestandskunden', ...: rags.py's ties
    mended three); its sales column takes 52% of their width, where two do ('Abschlüsse',
    'Erfolgsmessung', which the ties mend). The English comparison, with none at even,
    keeps its columns even."""
    from smguide.handbook.grid import text_grid

    grid = text_grid("a4", BRAND)
    wide = grid.measure + grid.reach
    for content, widths in ((builtin("content"), ()),
                            (builtin("content") / "de", (39.52, 36.48))):
        chapter = yaml.safe_load((content / "chapters" / "04-side-by-side.yaml").read_text(
            encoding="utf-8"))
        block = next(b for b in chapter["blocks"] if b["type"] == "comparison")
        rows = [(row["aspect"], row["values"]) for row in block["rows"]]
        layout = comparison_layout(block["columns"], rows, grid.measure, grid.font_size,
                                   BRAND, wide_mm=wide)
        assert layout.widths == widths, content
        even = _stubs(rows, [0.38, 0.38], wide, layout.font_pt)
        if widths:
            assert len(even) == 5 and "binden" in even and "Bestandskunden" in even, even
            assert _stubs(rows, [w / 100 for w in widths], wide, layout.font_pt) == [
                "Abschlüsse", "Erfolgsmessung"]
        else:
            assert even == []


def _stubs(rows: list[tuple[str, list[str]]], shares: list[float], wide: float,
           font_pt: float) -> list[str]:
    """The last lines of the cells that end on a stub or a word alone (tables.py's
    line breaking), each column `shares` of the table `wide` mm wide."""
    from smguide.handbook.tables import _lines, _stub

    face = next(f.path for f in BRAND.faces if f.weight == 400 and f.style == "normal")
    found = [_lines(value, wide * share - 4.8, font_pt, face)
             for _, values in rows for value, share in zip(values, shares, strict=True)]
    return [lines[-1] for lines in found if _stub(lines)]
