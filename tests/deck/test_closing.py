"""The closing slide names whom to ask from the one contact the guide gives: deck.contact
when the guide says it for the slide, else guide.yaml's contact (the printed handbook's
back cover), read back from the deck with python-pptx."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from pptx import Presentation


def closing_text(deck: Path) -> str:
    slide = Presentation(str(deck)).slides[-1]
    return " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_without_a_deck_contact_the_closing_slide_names_the_guides_contact(
        run: Callable[..., Result], content: Path, tmp_path: Path) -> None:
    guide = content / "guide.yaml"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(re.sub(r"\n  contact: .*", "", text, count=1), encoding="utf-8")
    out = tmp_path / "deck.pptx"
    result = run("slides", "--content", str(content), "-o", str(out))
    assert result.exit_code == 0, result.output
    closing = " ".join(closing_text(out).split())
    assert "Questions later: People team, people@greenfield.example" in closing, closing
    assert "#sales-marketing" not in closing  # deck.contact's, left out
