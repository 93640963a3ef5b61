"""What the built-in deck's content slides show, read back with python-pptx in English,
German, dark 4:3 and on the dark template: each role card its block's short `slide:`
lists, whole on one slide (on 4:3 too), at the lists' size (the agenda's); the comparison
one table of four short rows under a message headline. What a slide leaves out of its
block is said in the notes where the author wrote none. (A card split by meaning,
without `slide:` lists: tests/deck/test_dark_decks.py.)"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from smguide.resources import builtin
from smguide.sources.content import load_guide
from tests.deck.test_deck import build

TEMPLATE = Path(__file__).resolve().parents[1] / "fixtures" / "deck-template" / "dark.pptx"
# name -> (the guide's folder under the built-in content, deck options)
DECKS: dict[str, tuple[str, dict[str, Any]]] = {
    "en": ("", {}), "de": ("de", {}), "dark 4:3": ("", {"theme": "dark", "aspect": "4:3"}),
    "template": ("", {"template": TEMPLATE})}


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("roles")
    return {name: Presentation(str(build(folder / f"{n}.pptx", builtin("content") / content,
                                         **options)))
            for n, (name, (content, options)) in enumerate(DECKS.items())}


def _texts(shape: Any) -> list[str]:
    """The shape's paragraphs' words (a line broken in one reads as its text)."""
    return [p.text.replace("\v", "").strip() for p in shape.text_frame.paragraphs
            if p.text.strip()]


def _sizes(shape: Any) -> set[float]:
    return {run.font.size.pt for p in shape.text_frame.paragraphs for run in p.runs
            if run.text.strip()}


def _role_slides(prs: Any) -> list[Any]:
    return [s for s in prs.slides if any(sh.name == "Role header" for sh in s.shapes)]


def _agenda_size(prs: Any) -> float:
    agenda = list(prs.slides)[1]
    body = max((shape for shape in agenda.placeholders if shape != agenda.shapes.title),
               key=lambda shape: len(shape.text_frame.text))  # not the footer
    sizes = _sizes(body)
    assert len(sizes) == 1, sizes
    return sizes.pop()


@pytest.mark.parametrize("name", list(DECKS))
def test_each_team_slide_shows_its_short_lists_whole_at_the_lists_size(
        decks: dict[str, Any], name: str) -> None:
    content, _ = DECKS[name]
    guide = load_guide(builtin("content") / content)
    roles = [b for c in guide.chapters for b in c.blocks if b.type == "role"]
    slides = _role_slides(decks[name])
    assert len(slides) == len(roles) == 2  # one slide each: no "Sales: what it takes"
    labels = guide.labels
    for slide, role in zip(slides, roles, strict=True):
        assert role.slide
        columns = {sh.name: _texts(sh) for sh in slide.shapes if sh.name in ("Activities",
                                                                              "Skills")}
        assert columns == {"Activities": [labels.activities, *role.slide.activities],
                           "Skills": [labels.skills, *role.slide.skills]}, columns
        assert 3 <= len(role.slide.activities) <= 5 and 3 <= len(role.slide.skills) <= 4
        assert all(len(item.split()) <= 4 for item in [*role.slide.activities,
                                                       *role.slide.skills])
        sizes = {size for sh in slide.shapes if sh.name in ("Activities", "Skills")
                 for size in _sizes(sh)}
        assert sizes == {_agenda_size(decks[name])}, sizes
        if "template" not in name:  # the built-in theme: the lists' 24 pt
            assert sizes == {24.0}
    titles = [s.shapes.title.text for s in decks[name].slides]
    assert not any(labels.skills.lower() in t.lower() for t in titles), titles


def _tables(prs: Any) -> list[tuple[int, Any, Any]]:
    """(slide number, slide, table) for every table in the deck."""
    return [(n, slide, shape.table) for n, slide in enumerate(prs.slides, 1)
            for shape in slide.shapes if getattr(shape, "has_table", False) and shape.has_table]


@pytest.mark.parametrize("name", list(DECKS))
def test_the_comparison_is_one_table_of_short_rows_under_a_message_headline(
        decks: dict[str, Any], name: str) -> None:
    content, _ = DECKS[name]
    guide = load_guide(builtin("content") / content)
    chapter = next(c for c in guide.chapters if any(b.type == "comparison" for b in c.blocks))
    comparison = next(b for b in chapter.blocks if b.type == "comparison")
    tables = _tables(decks[name])
    assert len(tables) == 1, [n for n, *_ in tables]  # one slide, not rows split over two
    _, slide, table = tables[0]
    cells = [[cell.text_frame.text.strip() for cell in row.cells] for row in table.rows]
    assert cells[0] == ["", *comparison.columns]
    assert 3 <= len(cells) - 1 <= 4, cells
    assert all(len(cell.split()) <= 6 for row in cells[1:] for cell in row), cells
    aspects = [row[0] for row in cells[1:]]
    assert len(set(aspects)) == len(aspects)
    title = slide.shapes.title.text
    assert chapter.deck and title == chapter.deck.rstrip("."), title  # what the table says
    assert not any(aspect in title for aspect in aspects), title  # not its rows' names
    sizes = {run.font.size.pt for row in table.rows for cell in row.cells
             for p in cell.text_frame.paragraphs for run in p.runs if run.text.strip()}
    assert sizes == {_agenda_size(decks[name])}, sizes  # a sparse slide, at the lists' size
    # the table uses its slide: its rows share the room down to the footer
    footer = min(s.top for s in slide.placeholders if s.placeholder_format.type in (
        PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER))
    shape = next(s for s in slide.shapes if getattr(s, "has_table", False) and s.has_table)
    bottom = shape.top + sum(row.height for row in table.rows)
    assert shape.top + 0.7 * (footer - shape.top) <= bottom <= footer, (bottom, footer)


def test_check_warns_of_a_comparison_too_long_for_one_slide(tmp_path: Path) -> None:
    """Without its `slide:` rows, the built-in comparison's six long rows split over two
    slides: `smguide check` says so at the block, with the way out; with them, nothing."""
    from click.testing import CliRunner

    from smguide.cli import main

    content = tmp_path / "content"
    shutil.copytree(builtin("content"), content, ignore=shutil.ignore_patterns("de"))
    path = content / "chapters" / "04-side-by-side.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for block in data["blocks"]:
        block.pop("slide", None) if block["type"] == "comparison" else None
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    runner = CliRunner()
    found = runner.invoke(main, ["check", "--content", str(content)])
    assert found.exit_code == 0, found.output
    warning = [line for line in found.output.splitlines() if "comparison table" in line]
    assert len(warning) == 1, found.output
    assert "04-side-by-side.yaml:" in warning[0] and "block 2 (comparison)" in warning[0]
    assert "over 2 slides" in warning[0] and "give it slide:" in warning[0], warning
    clean = runner.invoke(main, ["check", "--content", str(builtin("content"))])
    assert clean.exit_code == 0 and "comparison table" not in clean.output, clean.output


def _without_notes(folder: Path) -> Path:
    """The built-in English content with every `notes:` taken out."""
    shutil.copytree(builtin("content"), folder, ignore=shutil.ignore_patterns("de"))
    for path in folder.glob("chapters/*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data.pop("notes", None)
        for block in data["blocks"]:
            block.pop("notes", None)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return folder


def test_without_notes_a_slide_says_what_it_leaves_out_of_its_block(tmp_path: Path) -> None:
    """The team slides say the block's full lists; the comparison, the rows its slide
    does not show."""
    content = _without_notes(tmp_path / "content")
    guide = load_guide(content)
    roles = [b for c in guide.chapters for b in c.blocks if b.type == "role"]
    prs = Presentation(str(build(tmp_path / "bare.pptx", content)))
    for slide, role in zip(_role_slides(prs), roles, strict=True):
        notes = slide.notes_slide.notes_text_frame.text
        for item in [*role.activities, *role.skills]:
            assert item.replace("'", "’") in notes, (item, notes)
    comparison = next(b for c in guide.chapters for b in c.blocks if b.type == "comparison")
    (_, slide, _), = _tables(prs)
    notes = slide.notes_slide.notes_text_frame.text
    shown = {row.aspect for row in comparison.slide or ()}
    for row in comparison.rows:
        if row.aspect not in shown:
            assert row.aspect in notes and row.values[0].replace("'", "’") in notes, (
                row.aspect, notes)



@pytest.mark.parametrize("name", list(DECKS))
def test_the_summary_states_the_message_in_lines_without_full_stops(
        decks: dict[str, Any], name: str) -> None:
    """The summary slide is titled with the talk's message (guide.yaml deck.summary_title),
    not a label, and its bullets are lines, not sentences: no full stop at their end."""
    content, _ = DECKS[name]
    guide = load_guide(builtin("content") / content)
    assert guide.deck is not None and guide.deck.summary_title
    slide = list(decks[name].slides)[-2]
    assert slide.shapes.title.text == guide.deck.summary_title
    assert slide.shapes.title.text not in (guide.labels.summary, guide.labels.key_takeaways)
    body = max((shape for shape in slide.placeholders if shape != slide.shapes.title),
               key=lambda shape: len(shape.text_frame.text))
    lines = _texts(body)
    # the three points a presenter says at the end (guide.yaml deck.recap), not a line
    # for every chapter
    assert guide.deck.recap and len(lines) == len(guide.deck.recap) == 3, lines
    assert lines == [line.rstrip(".") for line in guide.deck.recap]
    assert not [line for line in lines if line.endswith(".")], lines
    assert sum(len(line.split()) for line in lines) <= 30, lines
    notes = slide.notes_slide.notes_text_frame.text
    assert notes.strip()


@pytest.mark.parametrize("name", ["en", "de"])
def test_the_next_step_is_named_once_in_the_whole_talk(decks: dict[str, Any],
                                                        name: str) -> None:
    """The closing slide's next step (a coffee with someone from the other team) is said
    there, and on no other slide and in no slide's notes."""
    word = {"en": "coffee", "de": "kaffee"}[name]
    named = []
    for number, slide in enumerate(decks[name].slides, 1):
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        if any(word in text.lower() for text in texts):
            named.append((number, "slide"))
        if word in slide.notes_slide.notes_text_frame.text.lower():
            named.append((number, "notes"))
    assert named == [(len(decks[name].slides), "slide")], named
