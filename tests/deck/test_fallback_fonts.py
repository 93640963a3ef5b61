"""A brand font the presenter's computer lacks: the deck is measured with the font
LibreOffice shows instead as well (fontconfig's nearest family here: DejaVu Sans on a stock
Linux), so a table's column is never too narrow for its longest word in either font.

The brand names a family nobody has installed ("Corporativa Sans", the bundled Lato's
files under another name); the table is read back with python-pptx and every word of
every cell measured with the fallback font's own metrics (fontTools)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pptx import Presentation

from smguide.deck.render import DeckRenderer
from smguide.handbook.glyphs import font_match
from smguide.model.options import DeckOptions
from smguide.resources import builtin
from smguide.sources.brand import load_brand
from smguide.sources.content import load_guide

FAMILY = "Corporativa Sans"
LONG = "Kundenbeziehungsverantwortlichkeiten"  # one word, longer than a first column
FONTS = Path(__file__).resolve().parents[2] / "src" / "smguide" / "assets" / "fonts"


def _brand(tmp_path: Path) -> Path:
    folder = tmp_path / "brand"
    shutil.copytree(builtin("brand"), folder)
    for name in ("Regular", "Bold", "Italic", "BoldItalic"):
        shutil.copy(FONTS / f"Lato-{name}.ttf", folder / f"corporativa-{name}.ttf")
    text = (folder / "_brand.yml").read_text(encoding="utf-8")
    text = text.replace("family: Lato", f"family: {FAMILY}").replace(
        "typography:\n", "typography:\n  fonts:\n    - source: file\n"
        f"      family: {FAMILY}\n      files:\n"
        "        - path: corporativa-Regular.ttf\n"
        "        - path: corporativa-Bold.ttf\n          weight: 700\n"
        "        - path: corporativa-Italic.ttf\n          style: italic\n"
        "        - path: corporativa-BoldItalic.ttf\n          weight: 700\n"
        "          style: italic\n", 1)
    (folder / "_brand.yml").write_text(text, encoding="utf-8")
    return folder / "_brand.yml"


def _content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(builtin("content"), folder)
    chapter = folder / "chapters" / "04-side-by-side.yaml"
    text = chapter.read_text(encoding="utf-8")
    assert "aspect: Relationships" in text and "    slide:\n      - aspect: Focus\n" in text
    # the long word in the handbook's table and in the rows the slide shows
    text = text.replace("aspect: Relationships", f"aspect: {LONG}").replace(
        "    slide:\n      - aspect: Focus\n", f"    slide:\n      - aspect: {LONG}\n")
    chapter.write_text(text, encoding="utf-8")
    return folder


def _width(font: TTFont, word: str, size: float) -> float:
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    units = font["head"].unitsPerEm
    return sum(metrics[cmap.get(ord(c), ".notdef")][0] for c in word) * size / units


def test_no_table_word_is_broken_in_the_font_libreoffice_shows_instead(tmp_path: Path
                                                                        ) -> None:
    regular, bold = font_match(FAMILY, "Regular"), font_match(FAMILY, "Bold")
    if regular is None or bold is None or FAMILY in regular[0]:
        pytest.skip("no fontconfig here to say what LibreOffice shows instead")
    faces = {False: TTFont(str(regular[1])), True: TTFont(str(bold[1]))}
    brand, _ = load_brand(_brand(tmp_path))
    guide = load_guide(_content(tmp_path))
    data, _ = DeckRenderer(guide, brand, DeckOptions()).render()
    prs = Presentation(io.BytesIO(data))
    tables = [shape.table for slide in prs.slides for shape in slide.shapes
              if shape.has_table]
    assert tables
    seen, broken = set(), []
    for table in tables:
        for row in table.rows:
            for c, cell in enumerate(row.cells):
                room = (table.columns[c].width - (cell.margin_left or 0)
                        - (cell.margin_right or 0)) / 12700
                for run in (r for p in cell.text_frame.paragraphs for r in p.runs):
                    for word in run.text.split():
                        seen.add(word)
                        wide = _width(faces[bool(run.font.bold)], word, run.font.size.pt)
                        if wide > room:
                            broken.append(f"{word!r} {wide:.1f} pt in {room:.1f} pt")
    assert LONG in seen
    assert not broken, broken
