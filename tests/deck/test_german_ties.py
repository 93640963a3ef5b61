"""German slide copy keeps an adjective with its noun: the summary's 'geteiltes Wissen'
is tied with a no-break space in content/de, so neither the 16:9 deck nor the dark 4:3
one ends a line on 'geteiltes' (the German dark 4:3 summary read 'Rollen, Austausch,
Treffen und geteiltes / Wissen schweißen beide Teams zusammen'). Read back with
python-pptx, its lines as written; and the title and closing slides at 24 pt."""

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


@pytest.mark.parametrize("name", ["de", "de dark 4:3"])
def test_the_title_and_closing_slides_are_at_the_lists_size(german: dict[str, Any],
                                                            name: str) -> None:
    """The German title and closing slides set their text at 24 pt at 16:9 and 4:3: the
    4:3 closing text ('Trinken Sie diese Woche einen Kaffee mit jemandem aus Vertrieb
    oder Marketing außerhalb Ihres Teams.', 'Fragen Sie das People-Team oder schreiben
    Sie in #sales-marketing.') took 217 pt of a 212.8 pt box at 24 and took both slides,
    set alike, to 20."""
    slides = list(german[name].slides)
    for slide in (slides[0], slides[-1]):
        body = [shape for shape in slide.shapes if shape.has_text_frame
                and shape != slide.shapes.title and shape.name.startswith("Subtitle")]
        assert body, [shape.name for shape in slide.shapes]
        sizes = {run.font.size.pt for shape in body for p in shape.text_frame.paragraphs
                 for run in p.runs if run.text.strip() and run.font.size}
        assert max(sizes) == 24.0, (name, sizes)
