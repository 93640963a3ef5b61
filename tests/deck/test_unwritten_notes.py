"""Speaker notes of guides whose authors wrote none, read back with python-pptx: a role
slide says the role's mission and the chapter's summary, not its lists again ("What
they do: ..."); the first slide of a chapter opens with the chapter's summary; and no
sentence is said on two slides. Over the Dutch, French and three-team fixture guides."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation

from smguide.sources.content import load_guide
from tests.deck.test_deck import build

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GUIDES = ["dutch", "french", "three-teams"]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?…])\s+|\n", text) if s.strip()]


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("unwritten")
    return {name: Presentation(str(build(folder / f"{name}.pptx", FIXTURES / name)))
            for name in GUIDES}


@pytest.mark.parametrize("name", GUIDES)
def test_a_role_slide_says_the_mission_not_its_lists(decks: dict, name: str) -> None:
    guide = load_guide(FIXTURES / name)
    roles = {b.name: b for c in guide.chapters for b in c.blocks if b.type == "role"}
    seen = 0
    for slide in decks[name].slides:
        header = next((s for s in slide.shapes if s.name == "Role header"), None)
        if header is None:
            continue
        role = roles[header.text_frame.paragraphs[0].runs[0].text]
        notes = slide.notes_slide.notes_text_frame.text
        if role.notes:
            continue
        seen += 1
        assert not notes.startswith(guide.labels.activities), notes
        shown = {p.text.strip() for s in slide.shapes if s.name in ("Activities", "Skills")
                 for p in s.text_frame.paragraphs if p.text.strip()}
        assert not any(item in notes for item in shown), (shown, notes)
    assert seen or name != "dutch"


@pytest.mark.parametrize("name", GUIDES)
def test_no_sentence_is_said_on_two_slides(decks: dict, name: str) -> None:
    seen: dict[str, int] = {}
    for number, slide in enumerate(decks[name].slides, 1):
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.strip(), number
        for sentence in _sentences(notes):
            assert sentence not in seen, (sentence, seen.get(sentence), number)
            seen[sentence] = number


def test_a_deck_line_is_not_added_to_notes_the_author_wrote(tmp_path: Path) -> None:
    """The built-in first-week chapter has two slides and no divider: its deck: line is
    on no slide. Its first slide's notes are the chapter's and the block's notes as
    written, without the deck: line after them (English and German); in a copy of the
    guide without any notes, the deck makes that slide's notes and says the line there,
    once in the deck."""
    from smguide.resources import builtin
    from tests.deck.test_notes_voice import _without_notes

    bare = _without_notes(tmp_path / "bare")
    for content in (builtin("content"), builtin("content") / "de", bare):
        guide = load_guide(content)
        chapter = guide.chapters[-2]
        assert chapter.deck and chapter.recap
        prs = Presentation(str(build(tmp_path / "d.pptx", content)))
        titles = [s.shapes.title.text for s in prs.slides]
        assert chapter.deck.rstrip(".") not in titles
        notes = [s.notes_slide.notes_text_frame.text for s in prs.slides]
        first = titles.index(chapter.blocks[1].heading)
        said = [n for n, text in enumerate(notes) if chapter.deck in text]
        if content == bare:
            assert said == [first], said
            continue
        assert chapter.notes and chapter.blocks[1].notes
        assert said == [], said
        lead, *_ = notes[first].split("\n")
        assert lead == " ".join(chapter.notes.split()).replace("'", "\u2019"), lead
        assert len(set(notes)) == len(notes)
