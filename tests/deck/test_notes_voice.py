"""Speaker notes read back with python-pptx, as a presenter would say them: no sentence
said twice in a deck, and no two slides opening on the same words (a template such as
"Now let's look at..." on slide after slide), in English and German; a guide without
any notes of its own says no sentence twice either; the German notes keep none of the
English shapes a translation leaves."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from pptx import Presentation

from smguide.resources import builtin
from tests.deck.test_body_sizes import _decks, german_4_3  # noqa: F401 (a fixture)
from tests.deck.test_deck import build


def _notes(path: Path) -> list[str]:
    prs = Presentation(str(path))
    return [slide.notes_slide.notes_text_frame.text for slide in prs.slides]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?…])\s+|\n", text) if s.strip()]


def _without_notes(folder: Path) -> Path:
    """The built-in content with every `notes:` and guide.yaml's spoken `deck:` fields
    taken out: the deck's own notes are all it has."""
    shutil.copytree(builtin("content"), folder, ignore=shutil.ignore_patterns("de"))

    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "notes"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    for path in [*folder.glob("chapters/*.yaml"), folder / "guide.yaml"]:
        data = strip(yaml.safe_load(path.read_text(encoding="utf-8")))
        assert isinstance(data, dict)
        if path.name == "guide.yaml" and isinstance(data.get("deck"), dict):
            for key in ("opening", "agenda", "summary", "closing"):
                data["deck"].pop(key, None)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("notes")
    return {"en": build(folder / "en.pptx"),
            "de": build(folder / "de.pptx", builtin("content") / "de"),
            "no notes": build(folder / "bare.pptx", _without_notes(folder / "bare"))}


@pytest.mark.parametrize("name", ["en", "de", "no notes"])
def test_no_sentence_is_said_twice_in_a_deck(decks: dict[str, Path], name: str) -> None:
    seen: dict[str, int] = {}
    for number, notes in enumerate(_notes(decks[name]), 1):
        assert notes.strip(), (name, number)
        for sentence in _sentences(notes):
            assert sentence not in seen, (name, sentence, seen.get(sentence), number)
            seen[sentence] = number


@pytest.mark.parametrize("name", ["en", "de"])
def test_no_two_slides_open_their_notes_alike(decks: dict[str, Path], name: str) -> None:
    """The first two words of each slide's notes differ from every other slide's: the
    built-in guide's notes do not follow one template ("Now let's look at the sales
    team", "Now let's put the two teams side by side")."""
    openings: dict[str, int] = {}
    for number, notes in enumerate(_notes(decks[name]), 1):
        opening = " ".join(re.sub(r"[^\w\s’']", "", notes).lower().split()[:2])
        assert opening not in openings, (name, opening, openings.get(opening), number)
        openings[opening] = number


def test_the_end_of_week_meeting_is_brought_up_once(decks: dict[str, Path]) -> None:
    """The close "bring it to your end-of-week meeting" is said on one slide, not on
    every slide of the first week."""
    said = [n for n, notes in enumerate(_notes(decks["en"]), 1) if "end-of-week" in notes]
    assert len(said) == 1, said


# English shapes a translation leaves in German speech: notes opening "Hier ist/sind ..."
# ("Here are three questions"), thoughts that "work on the side" (nebenher arbeiten: "im
# Hinterkopf mitlaufen" is what a German presenter says), a close look "aus der Nähe
# betrachtet" ("up close"), work "in Runden" ("in rounds")
TRANSLATED = re.compile(r"^Hier (?:ist|sind)\b|\bnebenher arbeiten\b|"
                        r"\baus der Nähe betrachtet\b|\bin Runden\b")


def test_the_german_notes_read_as_spoken_german(decks: dict[str, Path]) -> None:
    for number, notes in enumerate(_notes(decks["de"]), 1):
        found = TRANSLATED.search(notes)
        assert found is None, (number, found.group(0), notes)


@pytest.mark.parametrize("name", ["en", "de"])
def test_no_sentence_strings_clauses_with_semicolons(decks: dict[str, Path], name: str) -> None:
    """Spoken sentences are short: a sentence that strings three clauses with semicolons
    ("Research shows ...; a written plan ...; the results are measured ...") is written
    text; a presenter says them as sentences of their own."""
    for number, notes in enumerate(_notes(decks[name]), 1):
        for sentence in _sentences(notes):
            assert sentence.count(";") <= 1, (name, number, sentence)


MOST_SPOKEN_WORDS = 30  # a sentence a presenter says in one breath


@pytest.mark.parametrize("name", ["en", "de"])
def test_no_spoken_sentence_runs_over_thirty_words(decks: dict[str, Path], name: str) -> None:
    """The sales slide's notes said "A salesperson presents the product to one buyer at a
    time, answers ... and long after it." in 34 words (German 31, and the marketing
    slide's "Während der Vertrieb ..." 31): said aloud, a sentence that long loses its
    listener; it is said as two."""
    for number, notes in enumerate(_notes(decks[name]), 1):
        for sentence in _sentences(notes):
            assert len(sentence.split()) <= MOST_SPOKEN_WORDS, (name, number, sentence)


def _runs_of_words(text: str, length: int) -> set[str]:
    words = re.sub(r"[^\w\s]", " ", text.lower()).split()
    return {" ".join(words[i:i + length]) for i in range(len(words) - length + 1)}


@pytest.mark.parametrize("name", ["en", "de"])
def test_neighbouring_slides_say_no_phrase_twice(decks: dict[str, Path], name: str) -> None:
    """No run of four words is said on a slide and again on the next: the agenda's "why
    the two teams get mixed up so often" came back on the next slide as "why the two get
    mixed up so often", and "the whole market" on the marketing slide and the table's."""
    notes = _notes(decks[name])
    for number, (said, then) in enumerate(zip(notes, notes[1:], strict=False), 1):
        again = _runs_of_words(said, 4) & _runs_of_words(then, 4)
        assert not again, (name, number, number + 1, sorted(again))


@pytest.mark.parametrize("name", ["en", "de", "dark 4:3", "de 4:3", "template"])
def test_the_built_in_notes_never_say_a_title_alone(four_decks: dict[str, Any],
                                                   german_4_3: Any, name: str) -> None:  # noqa: F811
    """The built-in guide's notes are sentences on every deck: on the German 4:3 decks
    the checklist runs over two slides, and the second one's notes ended on the line
    "Als Nächstes: Fragen zum Nachdenken" (the next slide's title); the checklist's
    notes have a paragraph for each slide."""
    prs = _decks(four_decks, german_4_3)[name]
    titles = {slide.shapes.title.text_frame.text.replace("\v", "").strip()
              for slide in prs.slides if slide.shapes.title is not None}
    for number, slide in enumerate(prs.slides, 1):
        for line in slide.notes_slide.notes_text_frame.text.split("\n"):
            bare = re.sub(r"^(?:→\s*|[^:]{1,20}:\s*)", "", line).strip()
            assert bare not in titles, (name, number, line)
