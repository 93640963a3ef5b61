"""One thing, one word: where the English deck names a thing, the German deck's slide in
the same place names it with the one German term the guide uses for it, on the slide
and in its notes alike. Read back with python-pptx."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pptx import Presentation

from smguide.resources import builtin
from tests.deck.test_deck import build

# the English term, the German guide's term, and the German words the same thing must
# not be called (the deck once said "Verkaufstermin" on the summary slide and
# "Verkaufsgespräch" on the checklist for the same sales call)
TERMS = [("sales call", "Verkaufsgespräch", ("Verkaufstermin", "Kundengespräch")),
         ("live campaign", "laufende Kampagne", ("aktuelle Kampagne", "aktive Kampagne"))]


def _said(slide: Any) -> str:
    shown = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    return f"{shown}\n{slide.notes_slide.notes_text_frame.text}"


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str]]:
    folder = tmp_path_factory.mktemp("terms")
    en = Presentation(str(build(folder / "en.pptx")))
    de = Presentation(str(build(folder / "de.pptx", builtin("content") / "de")))
    return [_said(s) for s in en.slides], [_said(s) for s in de.slides]


@pytest.mark.parametrize(("english", "german", "not_german"), TERMS)
def test_the_german_deck_names_one_thing_with_one_word(
        decks: tuple[list[str], list[str]], english: str, german: str,
        not_german: tuple[str, ...]) -> None:
    en, de = decks
    assert len(en) == len(de)
    places = [n for n, text in enumerate(en) if english in text.lower()]
    assert places  # the checklist at least
    for n in places:
        assert re.search(german, de[n], re.IGNORECASE), (n + 1, german, de[n][:300])
    for n, text in enumerate(de):
        for other in not_german:
            assert other.lower() not in text.lower(), (n + 1, other)
