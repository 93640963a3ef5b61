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
