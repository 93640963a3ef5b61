"""The team slides read back with python-pptx: each role card shows its block's short
`slide:` lists, whole on one slide (on 4:3 too), at the lists' size (the agenda's), with
the block's full lists said in the notes where the author wrote none. (A card split by
meaning, without `slide:` lists: tests/deck/test_dark_decks.py.)"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from pptx import Presentation

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
    return [p.text.strip() for p in shape.text_frame.paragraphs if p.text.strip()]


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


def test_without_notes_a_team_slide_says_the_full_lists_it_leaves_out(
        tmp_path: Path) -> None:
    content = _without_notes(tmp_path / "content")
    guide = load_guide(content)
    roles = [b for c in guide.chapters for b in c.blocks if b.type == "role"]
    prs = Presentation(str(build(tmp_path / "bare.pptx", content)))
    for slide, role in zip(_role_slides(prs), roles, strict=True):
        notes = slide.notes_slide.notes_text_frame.text
        for item in [*role.activities, *role.skills]:
            assert item.replace("'", "’") in notes, (item, notes)

