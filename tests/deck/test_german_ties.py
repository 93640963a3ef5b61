"""German slide copy keeps an adjective with its noun: the summary's 'geteiltes Wissen'
is tied with a no-break space in content/de, so neither the 16:9 deck nor the dark 4:3
one ends a line on 'geteiltes' (the German dark 4:3 summary read 'Rollen, Austausch,
Treffen und geteiltes / Wissen schweißen beide Teams zusammen'). Read back with
python-pptx, its lines as written."""

from __future__ import annotations

from typing import Any

import pytest

from smguide.resources import builtin
from tests.deck.test_dark_decks import build
from tests.decklines import written_lines


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from pptx import Presentation

    folder = tmp_path_factory.mktemp("german-ties")
    content = builtin("content") / "de"
    return {"de": Presentation(str(build(folder / "de.pptx", content))),
            "de dark 4:3": Presentation(str(build(folder / "de-dark43.pptx", content,
                                                  theme="dark", aspect="4:3")))}


def _summary_lines(prs: Any) -> list[str]:
    for slide in prs.slides:
        if slide.shapes.title is not None and slide.shapes.title.text_frame.text.replace(
                "\v", " ").startswith("Zwei Teams, eine Ernte"):
            return ["".join(s.text for s in line).strip()
                    for shape in slide.shapes if shape.has_text_frame
                    and shape != slide.shapes.title
                    for paragraph in shape.text_frame.paragraphs
                    for line in written_lines(paragraph)]
    raise AssertionError("no summary slide")


@pytest.mark.parametrize("name", ["de", "de dark 4:3"])
def test_shared_knowledge_stays_on_one_line(german: dict[str, Any], name: str) -> None:
    lines = _summary_lines(german[name])
    point = [line for line in lines if "Wissen" in line]
    assert point, lines
    assert not any(line.endswith("geteiltes") for line in lines), lines
    assert any("geteiltes\u00a0Wissen" in line for line in point), point
