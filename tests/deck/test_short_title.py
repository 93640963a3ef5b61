"""A chapter's short_title stands in for a title too long for the line above its slides'
titles (before "Chapter N" does); a divider has no such line. Read back with python-pptx."""

from __future__ import annotations

import shutil
from pathlib import Path

from pptx import Presentation

from smguide.commands.build import build_slides
from smguide.deck.render import DeckOptions
from smguide.model.options import Sources
from smguide.resources import builtin

DUTCH = Path(__file__).resolve().parents[1] / "fixtures" / "dutch"
LONG = ("De drie afdelingen van Havenlicht Logistiek naast elkaar bekeken, van de planning "
        "tot het magazijn en de chauffeurs")


def test_the_eyebrow_takes_the_short_title(tmp_path: Path) -> None:
    content = tmp_path / "nl"
    shutil.copytree(DUTCH, content)
    chapter = content / "chapters" / "02-afdelingen.yaml"
    text = chapter.read_text(encoding="utf-8")
    assert text.startswith("title: De drie afdelingen naast elkaar\n")
    chapter.write_text(text.replace("title: De drie afdelingen naast elkaar\n",
                                    f"title: {LONG}\nshort_title: Drie afdelingen\n", 1),
                       encoding="utf-8")
    built = build_slides(Sources(content, builtin("brand") / "_brand.yml"),
                         tmp_path / "deck.pptx", DeckOptions())
    eyebrows = {}
    for slide in Presentation(str(built.path)).slides:
        for shape in slide.shapes:
            if shape.name == "Eyebrow":
                eyebrows[slide.shapes.title.text] = shape.text_frame.text
    assert LONG not in eyebrows  # the divider: its title is the chapter's, with no line above
    assert eyebrows["Drie afdelingen in één oogopslag"] == "Drie afdelingen"
    assert eyebrows["Zo werken we samen"] == "Drie afdelingen"
    assert eyebrows["Voor vrijdag"] == "Je eerste week"  # a title that fits stays
