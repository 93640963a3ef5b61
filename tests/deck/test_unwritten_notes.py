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


def test_a_chapter_of_several_slides_says_its_deck_line_after_its_lead_in(
        tmp_path: Path) -> None:
    """The built-in first-week chapter has two slides and no divider: its deck: line is
    on no slide, so its first slide's notes say it, at the end of the chapter's lead-in
    (not opening the notes on its own: English and German)."""
    from smguide.resources import builtin

    for content in (builtin("content"), builtin("content") / "de"):
        guide = load_guide(content)
        chapter = guide.chapters[-2]
        assert chapter.deck
        prs = Presentation(str(build(tmp_path / "d.pptx", content)))
        titles = [s.shapes.title.text for s in prs.slides]
        assert chapter.deck.rstrip(".") not in titles
        first = next(s for s in prs.slides if s.shapes.title.text == chapter.blocks[1].heading)
        lead = first.notes_slide.notes_text_frame.text.split("\n")[0]
        assert chapter.notes and lead.startswith(chapter.notes.split(".")[0]), lead
        assert lead.endswith(f" {chapter.deck}"), lead
