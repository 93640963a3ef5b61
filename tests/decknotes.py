"""Speaker notes read back from a deck with python-pptx, for the tests that check them."""

from __future__ import annotations

from typing import Any


def notes_of(slide: Any) -> str:
    """The text of a slide's notes page."""
    return str(slide.notes_slide.notes_text_frame.text)


def assert_own_notes(prs: Any, name: str) -> None:
    """Every slide of `prs` (the deck called `name`) has notes, and no two slides share
    their notes or a paragraph of them."""
    said: dict[str, int] = {}
    for number, slide in enumerate(prs.slides, 1):
        notes = notes_of(slide)
        assert notes.strip(), (name, number)
        for paragraph in {notes, *notes.split("\n")}:
            key = paragraph.strip()
            if key:
                assert key not in said, (name, key, said[key], number)
                said[key] = number
