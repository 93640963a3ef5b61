"""Plain-text fields (titles, headings, names, column names) print on the slides as typed,
as docs/content.md says: `*stars*` stay stars and `_under_` stays, never italic; the
language's smart quotes still apply. Read back with python-pptx."""

from __future__ import annotations

import shutil
from pathlib import Path

from pptx import Presentation

from smguide.commands.build import build_slides
from smguide.deck.render import DeckOptions
from smguide.model.options import Sources
from smguide.resources import builtin

THREE = Path(__file__).resolve().parents[1] / "fixtures" / "three-teams"


def test_plain_fields_are_not_read_as_markdown_on_the_slides(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(THREE, content)
    chapter = content / "chapters" / "01-teams.yaml"
    text = chapter.read_text(encoding="utf-8")
    text = text.replace("title: Who does what", "title: Who does *what* (team_a's view)", 1)
    text = text.replace("      - Customer support", "      - Customer *support*", 1)
    chapter.write_text(text, encoding="utf-8")
    built = build_slides(Sources(content, builtin("brand") / "_brand.yml"),
                         tmp_path / "deck.pptx", DeckOptions())
    runs = [run for slide in Presentation(str(built.path)).slides for shape in slide.shapes
            for frame in ([shape.text_frame] if shape.has_text_frame else
                          [cell.text_frame for row in shape.table.rows for cell in row.cells]
                          if shape.has_table else [])
            for para in frame.paragraphs for run in para.runs]
    texts = "\n".join(run.text for run in runs)
    assert "Who does *what* (team_a\u2019s view)" in texts  # as typed, with a curly apostrophe
    assert "Customer *support*" in texts
    assert not any(run.font.italic for run in runs
                   if run.text.strip() in ("what", "support"))
