"""The summary slide shows the three points a presenter says at the end (guide.yaml
`deck.recap`), not a line for every chapter; where the author wrote no notes for it, its
notes say the chapters' lines it leaves out after their lead-in, each once, and not the
slide's own points. Read back with python-pptx."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner
from pptx import Presentation

from smguide.cli import main
from smguide.resources import builtin
from smguide.sources.content import load_guide
from smguide.sources.spoken import spoken_for
from tests.deck.test_deck import build


def _content(folder: Path, **deck: object) -> Path:
    """The built-in English content with guide.yaml's `deck:` fields changed (None: out)."""
    shutil.copytree(builtin("content"), folder, ignore=shutil.ignore_patterns("de"))
    path = folder / "guide.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in deck.items():
        if value is None:
            data["deck"].pop(key, None)
        else:
            data["deck"][key] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return folder


def test_the_points_left_out_are_said_in_the_notes(tmp_path: Path) -> None:
    content = _content(tmp_path / "content", summary=None)
    guide = load_guide(content)
    assert guide.deck is not None and guide.deck.recap
    prs = Presentation(str(build(tmp_path / "deck.pptx", content)))
    slide = list(prs.slides)[-2]
    assert slide.shapes.title.text == guide.deck.summary_title
    shown = [p.text for shape in slide.placeholders if shape.placeholder_format.idx == 1
             for p in shape.text_frame.paragraphs if p.text.strip()]
    assert shown == [line.rstrip(".") for line in guide.deck.recap]
    notes = slide.notes_slide.notes_text_frame.text
    chapters = [c.recap for c in guide.chapters[1:] if c.recap]  # the welcome has no slide
    assert len(chapters) == 7
    for line in chapters:  # the points the slide leaves out said, each once; its own
        # points are on the slide, not read back
        said = notes.count(line.replace("'", "\u2019"))
        assert said == (0 if line in guide.deck.recap else 1), (line, notes)


def test_more_than_three_points_are_refused_in_one_line(tmp_path: Path) -> None:
    content = _content(tmp_path / "content", recap=["One.", "Two.", "Three.", "Four."])
    result = CliRunner().invoke(main, ["slides", "--content", str(content),
                                       "-o", str(tmp_path / "deck.pptx")])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if "guide.yaml" in line]
    assert len(lines) == 1 and "recap" in lines[0], result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "deck.pptx").exists()


def test_the_summary_lead_in_says_what_the_slide_shows(tmp_path: Path) -> None:
    """Without notes written for the summary, its lead-in fits the slide: with guide.yaml's
    `deck.recap`, the points that matter most (`spoken.summary_recap`); without it, one
    line for each part (`spoken.summary`); never the other one's."""
    spoken = spoken_for("en")
    for recap in (True, False):
        content = _content(tmp_path / f"content-{recap}", summary=None,
                           **({} if recap else {"recap": None}))
        guide = load_guide(content)
        assert bool(guide.deck and guide.deck.recap) == recap
        prs = Presentation(str(build(tmp_path / f"deck-{recap}.pptx", content)))
        slide = list(prs.slides)[-2]
        shown = [p.text for shape in slide.placeholders if shape.placeholder_format.idx == 1
                 for p in shape.text_frame.paragraphs if p.text.strip()]
        assert len(shown) == (len(guide.deck.recap) if recap else 7), shown
        lines = slide.notes_slide.notes_text_frame.text.split("\n")
        said, other = ((spoken.summary_recap, spoken.summary) if recap
                       else (spoken.summary, spoken.summary_recap))
        assert lines[0] == said, lines
        assert other not in lines and spoken.summary_end in lines, lines
