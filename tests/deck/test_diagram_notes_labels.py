"""The diagram slide's notes name each part as its label on the slide does: a presenter
reading 'Marktforschung und Strategie' or 'Kampagnen und Werbung' under labels saying
'Forschung und Strategie' and 'Kampagnen, Werbung' says something the audience does not
see. Read back from the English and German decks' notes with python-pptx, the labels
from the content each deck is built from."""

from __future__ import annotations

import re
from typing import Any

import pytest

from smguide.resources import builtin
from smguide.sources.content import load_guide


def _diagram_notes(prs: Any) -> str:
    for slide in prs.slides:
        if any(shape.name == "Analogy diagram" for shape in slide.shapes):
            return slide.notes_slide.notes_text_frame.text
    raise AssertionError("no diagram slide")


def _parts(folder: str) -> list[str]:
    guide = load_guide(builtin("content") / folder)
    found = [part.stands_for for chapter in guide.chapters for block in chapter.blocks
             for part in getattr(block, "parts", None) or []]
    assert len(found) >= 6, found
    return found


@pytest.mark.parametrize(("name", "folder"), [("en", ""), ("de", "de")])
def test_the_diagram_notes_say_its_labels(four_decks: dict[str, Any], name: str,
                                          folder: str) -> None:
    notes = " ".join(_diagram_notes(four_decks[name]).split()).casefold()
    missing = [label for label in _parts(folder)  # a word whole: not 'Marktforschung'
               if not re.search(rf"\b{re.escape(label.casefold())}\b", notes)]
    assert not missing, (name, missing, notes)
