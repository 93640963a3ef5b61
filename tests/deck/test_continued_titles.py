"""A block's continued slide is titled in the lines its first slide's title is set in,
the continued marker after the last: on the dark company template (4:3, DejaVu Sans)
the German checklist's titles (its longer slide lines, test_continued_cards) read
'Ihre Checkliste für / die erste Woche' and 'Ihre Checkliste für die / erste Woche
(Fortsetzung)', each balanced on its own. Read back with python-pptx."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from tests.deck.conftest import TEMPLATE
from tests.deck.test_deck import build


def _lines(slide: object) -> list[str]:
    text = slide.shapes.title.text_frame.text  # type: ignore[attr-defined]
    return [" ".join(line.split()) for line in text.split("\v")]


def test_a_continued_title_breaks_as_its_first_slides(tmp_path: Path) -> None:
    from tests.deck.test_continued_cards import longer_german

    slides = list(Presentation(str(build(tmp_path / "de-template.pptx",
                                         longer_german(tmp_path),
                                         template=TEMPLATE))).slides)
    pairs = [(slides[n - 1], slide) for n, slide in enumerate(slides)
             if n and "(Fortsetzung)" in slide.shapes.title.text_frame.text
             and slide.shapes.title.text_frame.text.startswith("Ihre Checkliste")]
    assert pairs, "the checklist is no longer continued on the template"
    for first, continued in pairs:
        head, then = _lines(first), _lines(continued)
        assert len(head) == 2, head  # the case in point: a title of two lines
        assert then == [*head[:-1], f"{head[-1]} (Fortsetzung)"], (head, then)
