"""Practice cards that continue on a second slide, read back with python-pptx: the built-in
guide in English and German with the practices' `slide:` lines taken out (their longer
`what:` is on the cards, over the words a slide holds), so four cards go two to a slide.
The second slide is titled as a continued numbered list's is, its title marked as
continued in the guide's words ("Four practices keep both teams in step (continued)",
German "(Fortsetzung)"), as a presenter says it: not the places of its cards ("...: 3–4",
a document's way) nor their names run together ("Meet on a regular rhythm · Share data
both ways")."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from pptx import Presentation

from smguide.resources import builtin
from tests.deck.test_dark_decks import build

CHAPTER = Path("chapters") / "06-working-together.yaml"


def _without_slide_lines(folder: Path) -> Path:
    content = folder / "content"
    shutil.copytree(builtin("content"), content)
    for chapter in (content / CHAPTER, content / "de" / CHAPTER):
        lines = chapter.read_text(encoding="utf-8").splitlines(keepends=True)
        chapter.write_text("".join(line for line in lines
                                   if not line.startswith("        slide: ")), encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Any, Path]]:
    folder = tmp_path_factory.mktemp("continued-cards")
    content = _without_slide_lines(folder)
    return {"en": (Presentation(str(build(folder / "en.pptx", content))), content),
            "de": (Presentation(str(build(folder / "de.pptx", content / "de"))),
                   content / "de")}


def _title(slide: Any) -> str:
    return str(slide.shapes.title.text_frame.text.replace("\v", ""))


@pytest.mark.parametrize("name", ["en", "de"])
def test_continued_cards_are_titled_as_continued(
        decks: dict[str, tuple[Any, Path]], name: str) -> None:
    prs, content = decks[name]
    chapter = yaml.safe_load((content / CHAPTER).read_text(encoding="utf-8"))
    practices = next(b for b in chapter["blocks"] if b["type"] == "practices")
    names = [item["title"] for item in practices["items"]]
    slides = [(slide, [card.text_frame.paragraphs[0].text.replace("\v", "")
                       for card in slide.shapes if card.name == "Card"])
              for slide in prs.slides]
    slides = [(slide, shown) for slide, shown in slides if shown]
    assert len(slides) >= 2, [_title(slide) for slide, _ in slides]  # the cards continue
    first = _title(slides[0][0])
    assert sum(len(shown) for _, shown in slides) == len(names)
    labels = yaml.safe_load((content / "labels.yaml").read_text(encoding="utf-8"))
    for slide, shown in slides[1:]:
        assert all(card in names for card in shown), shown
        assert _title(slide) == f"{first} ({labels['continued']})", (name, _title(slide))
        assert "·" not in _title(slide) and "–" not in _title(slide)


LONGER = {  # the German cards' titles and lines, the checklist's, before they were shortened
    "Erster Dienstag: Strategie und Pläne.": "Jeden ersten Dienstag: Strategie und Pläne.",
    "Kundenwissen hin, Neuigkeiten zurück.": "Vertrieb: Kundenwissen. Marketing: Neuheiten.",
    "title: Oft sprechen": "title: Im Gespräch bleiben",
    "Im Austausch bleiben, Pläne verzahnen.": "Oft austauschen und die Pläne verzahnen.",
    "title: Monatlich treffen": "title: Monatlich abstimmen",
    "Schreiben Sie zwei Sätze: Ihr Beitrag zur Ernte":
        "Schreiben Sie in zwei Sätzen, wie Ihre Arbeit zur Ernte beiträgt",
}


def longer_german(folder: Path) -> Path:
    """The built-in German guide with its cards' and checklist's longer slide lines, which
    hold on one 4:3 template slide only under 24 pt (the cards 152 + 180 pt of 338 pt)."""
    content = folder / "de"
    shutil.copytree(builtin("content") / "de", content)
    for chapter in (content / "chapters").glob("*.yaml"):
        text = chapter.read_text(encoding="utf-8")
        for short, long in LONGER.items():
            text = text.replace(short, long)
        chapter.write_text(text, encoding="utf-8")
    return content


def _cards_on(prs: Any) -> list[tuple[Any, list[Any]]]:
    slides = [(slide, [card for card in slide.shapes if card.name == "Card"])
              for slide in prs.slides]
    return [(slide, cards) for slide, cards in slides if cards]


def test_the_german_cards_are_four_on_one_template_slide(tmp_path: Path) -> None:
    """The German practice cards on the 4:3 template, their `slide:` lines two lines each
    at 24 pt in a card half the slide wide: four on one slide in the 2x2 grid at 24 pt
    (rows of 152.6 pt of 338 pt), as on every other deck; they went two and two."""
    from tests.deck.conftest import TEMPLATE

    prs = Presentation(str(build(tmp_path / "de-template.pptx", builtin("content") / "de",
                                 template=TEMPLATE)))
    slides = _cards_on(prs)
    assert [len(cards) for _, cards in slides] == [4]
    sizes = {run.font.size.pt for _, cards in slides for card in cards
             for para in card.text_frame.paragraphs for run in para.runs
             if run.text.strip() and run.font.size}  # not a broken heading's break
    assert sizes == {24.0}, sizes


def test_cards_split_rather_than_shrink_on_the_template(tmp_path: Path) -> None:
    """Cards that hold four to a slide only under 24 pt (the longer German lines on the 4:3
    template: 20 pt, 152 + 180 pt of the 338 pt at 24) go two to a slide at 24 pt, the
    second slide titled as continued, its notes saying where the block is before why its
    cards matter."""
    from smguide.sources.spoken import spoken_for
    from tests.deck.conftest import TEMPLATE

    prs = Presentation(str(build(tmp_path / "de-template.pptx", longer_german(tmp_path),
                                 template=TEMPLATE)))
    slides = _cards_on(prs)
    assert [len(cards) for _, cards in slides] == [2, 2]
    sizes = {run.font.size.pt for _, cards in slides for card in cards
             for para in card.text_frame.paragraphs for run in para.runs if run.font.size}
    assert sizes == {24.0}, sizes
    first, second = (_title(slide) for slide, _ in slides)
    assert second == f"{first} (Fortsetzung)", second
    notes = slides[1][0].notes_slide.notes_text_frame.text.split("\n")
    assert notes[0] == spoken_for("de").continued_last.format(title=first)  # what comes
    assert "Teil 2 von 2" not in notes[0], notes
    assert notes[1].startswith("Monatlich abstimmen:"), notes
