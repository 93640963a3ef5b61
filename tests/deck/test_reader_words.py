"""A deck from guides whose authors wrote no deck fields, read back with python-pptx: the
built-in guide (English and German) with every `notes:`, `slide:`, `deck:` and `recap:`
taken out, the Dutch, French, Polish and three-team fixture guides, and a bakery's guide
written here. The notes the deck makes say nothing to a reader of a document (the
language's `reader` words in assets/spoken.yaml: "handbook", "read", "page"...), the
title slide says what the talk covers from the agenda rather than the guide's
description when that names the document, and no two slides share notes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from smguide.model.spoken import Spoken, SpokenFile
from smguide.resources import builtin
from smguide.sources.content import load_guide
from smguide.sources.spoken import spoken_for
from tests.deck.test_deck import build
from tests.decknotes import assert_own_notes, notes_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DECK_FIELDS = {"notes", "slide", "deck", "recap"}

CHAPTERS = {
    "01-night.yaml": """\
title: From dough to counter
summary: This chapter walks through the night, from the first dough to the first customer.
blocks:
  - type: prose
    text: |
      Read this chapter before your first shift; the rest can wait.

      The ovens are lit at three. By five the first trays of rolls are out, and at half
      past six the counter team fills the shelves.
  - type: takeaways
    items:
      - The ovens are lit at three, the shop opens at seven.
      - Every tray is labelled with the time it came out.
""",
    "02-people.yaml": """\
title: Who works the night
summary: Two roles share the early shift.
blocks:
  - type: role
    name: Baker
    focus: short-term
    mission: Bake every tray on time, to the recipe, so the shelves are full at seven.
    activities: [Mixing and shaping the doughs, Running the ovens, Keeping the proofing log]
    skills: [A steady hand with timing, Care with hygiene]
  - type: role
    name: Counter lead
    focus: long-term
    mission: Turn a full bakery into a shop customers come back to.
    activities: [Filling the shelves before opening, Pricing and labelling]
    skills: [An eye for what sells, A friendly word at six in the morning]
""",
    "03-first-shift.yaml": """\
title: Your first shift
summary: What to do on your first night, and what to think about after reading the handbook.
blocks:
  - type: checklist
    heading: Before you leave
    items:
      - Shape one tray of rolls with the head baker.
      - Write your name in the proofing log.
  - type: questions
    heading: To think about
    items:
      - Which step of the night surprised you most?
      - What would you ask the head baker tomorrow?
""",
}


def bakery(folder: Path) -> Path:
    """A guide on another subject, without deck fields, whose text speaks to a reader
    here and there: its description names the document, a prose paragraph and two
    summaries say "read", "chapter" and "handbook"."""
    (folder / "chapters").mkdir(parents=True)
    shutil.copy(builtin("content") / "labels.yaml", folder / "labels.yaml")
    (folder / "guide.yaml").write_text(
        "title: The early shift at Korn & Krume\n"
        "subtitle: How the bakery runs before the doors open\nlanguage: en\n"
        "description: A short handbook for new bakers on the early shift.\nchapters:\n"
        + "".join(f"  - chapters/{name}\n" for name in CHAPTERS), encoding="utf-8")
    for name, text in CHAPTERS.items():
        (folder / "chapters" / name).write_text(text, encoding="utf-8")
    return folder


def without_deck_fields(content: Path, folder: Path) -> Path:
    """A copy of `content` with every deck field taken out (`notes:`, `slide:`, `deck:`,
    `recap:`, guide.yaml's `deck:`): a guide written for the handbook alone."""
    shutil.copytree(content, folder, ignore=shutil.ignore_patterns("de"))

    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in DECK_FIELDS}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    for path in [*folder.glob("chapters/*.yaml"), folder / "guide.yaml"]:
        data = strip(yaml.safe_load(path.read_text(encoding="utf-8")))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return folder


GUIDES = ["en", "de", "dutch", "french", "polish", "three-teams", "bakery"]


@pytest.fixture(scope="module")
def contents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reader")
    found = {"en": without_deck_fields(builtin("content"), folder / "en"),
             "de": without_deck_fields(builtin("content") / "de", folder / "de"),
             "bakery": bakery(folder / "bakery")}
    return found | {name: FIXTURES / name for name in GUIDES if name not in found}


@pytest.fixture(scope="module")
def decks(contents: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("reader-decks")
    return {name: Presentation(str(build(folder / f"{name}.pptx", content)))
            for name, content in contents.items()}


def test_reader_words_are_whole_words_in_each_language() -> None:
    en, de = spoken_for("en"), spoken_for("de-AT")
    assert en.reader_word("Read it once") == "Read"
    assert en.reader_word("Are you ready? The guide is a person here.") is None
    assert en.reader_word("Open this  guide at the back") == "this  guide"
    assert de.reader_word("Das Einarbeitungshandbuch erklärt es") == "Einarbeitungshandbuch"
    assert de.reader_word("auf beiden Seiten des Tisches") is None
    for code in ("nl", "fr", "es"):
        assert spoken_for(code).reader, code
    assert not spoken_for("pl").reader
    text = "Sales wins deals. This chapter covers what that means, e.g. Prospecting.\nRead on."
    assert en.unaddressed(text) == "Sales wins deals."
    assert Spoken().unaddressed(text) == text
    assert spoken_for("en", SpokenFile(reader=[])).reader_word("Read it") is None  # labels.yaml


@pytest.mark.parametrize("name", GUIDES)
def test_the_notes_the_deck_makes_speak_to_an_audience(decks: dict, contents: dict,
                                                       name: str) -> None:
    spoken = spoken_for(load_guide(contents[name]).language)
    for number, slide in enumerate(decks[name].slides, 1):
        notes = notes_of(slide)
        assert spoken.reader_word(notes) is None, (name, number, notes)


@pytest.mark.parametrize("name", GUIDES)
def test_no_two_slides_share_notes(decks: dict, name: str) -> None:
    assert_own_notes(decks[name], name)


@pytest.mark.parametrize("name", ["en", "de", "bakery"])
def test_the_title_slide_says_what_the_talk_covers(decks: dict, contents: dict,
                                                   name: str) -> None:
    """Not the guide's description when it names the document ("An onboarding
    handbook..."): the welcome, then the number of parts and the first and last the
    agenda lists."""
    guide = load_guide(contents[name])
    slides = list(decks[name].slides)
    agenda = [p.text for p in slides[1].placeholders[1].text_frame.paragraphs]
    lines = notes_of(slides[0]).split("\n")
    assert lines[0] == guide.spoken.welcome
    assert guide.description and guide.spoken.reader_word(guide.description)
    assert guide.description not in notes_of(slides[0])
    opening = guide.spoken.opening.replace("{count}", str(len(agenda)))
    assert lines[1] == opening.replace("{first}", agenda[0]).replace("{last}", agenda[-1])


def _shown(shapes: object) -> list[str]:
    """What a slide shows, but the eyebrow (the deck's own "Chapter N" label)."""
    from tests.deck.test_spoken_notes import _texts

    return [t for s in shapes for t in _texts([s])  # type: ignore[attr-defined]
            if getattr(s, "name", "") != "Eyebrow"]


@pytest.mark.parametrize("name", GUIDES)
def test_no_slide_speaks_to_a_reader(decks: dict, contents: dict, name: str) -> None:
    """Where no slide: field replaces it, an item or paragraph that speaks to a reader
    ("Read it in order once", "Before reading this handbook") is left off its slide; a
    list with nothing else has no slide (the built-in welcome's takeaways)."""
    spoken = spoken_for(load_guide(contents[name]).language)
    for number, slide in enumerate(decks[name].slides, 1):
        for text in _shown(slide.shapes):
            assert spoken.reader_word(text) is None, (name, number, text)
    if name == "en":
        titles = [s.shapes.title.text for s in decks[name].slides]
        assert "Welcome" not in titles and len(titles) == len(set(titles))


def test_check_names_the_block_and_the_field_to_add(contents: dict) -> None:
    """One warning a block, at the first item left out, naming slide: as the fix."""
    from click.testing import CliRunner

    from smguide.cli import main

    result = CliRunner().invoke(main, ["check", "--content", str(contents["en"]),
                                       "--brand", str(builtin("brand") / "_brand.yml")])
    lines = [line for line in result.output.splitlines() if "speak to a reader" in line]
    first_week = (contents["en"] / "chapters" / "07-first-week.yaml").read_text().splitlines()
    welcome = next(line for line in lines if "00-welcome.yaml" in line)
    assert "(takeaways), item 1: no slide shows this block: all 3 of its items" in welcome
    checklist = next(line for line in lines if "07-first-week.yaml" in line and
                     "(checklist)" in line)
    number = int(checklist.split("07-first-week.yaml:")[1].split(":")[0])
    assert first_week[number - 1].strip().startswith("- Read the current marketing plan")
    assert "give the block slide:" in checklist and "2 of its 9 items" in checklist
    assert len(lines) == 3, lines


def test_a_roles_full_lists_are_said_as_sentences(tmp_path: Path) -> None:
    """The built-in guide without notes keeps its roles' short slide: lists; the notes say
    the full lists in the language's line around them ("They do 7 things: a, b and c."),
    never after the column's label with semicolons ("What they do: a; b")."""
    from tests.deck.test_notes_voice import _without_notes

    content = _without_notes(tmp_path / "content")
    guide = load_guide(content)
    role = next(b for c in guide.chapters for b in c.blocks if b.type == "role")
    notes = [notes_of(s) for s in Presentation(str(build(tmp_path / "d.pptx", content))).slides]
    items = [item.rstrip(".") for item in role.activities]  # type: ignore[union-attr]
    said = [line for text in notes for line in text.split("\n")
            if line.startswith(f"They do {len(items)} things: ")]
    assert len(said) == 1, said
    assert said[0].endswith(f", and {items[-1]}.") and all(i in said[0] for i in items)
    assert not any(f"{guide.labels.activities}:" in text for text in notes)
