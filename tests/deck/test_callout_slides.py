"""A callout's slide is the handbook callout's sibling: its text on a light panel with a
rule along its left edge in the style's colour and its label (labels.yaml's callout_tip,
callout_note) above the text in capitals, on the built-in theme in English and German,
the dark 4:3 theme and the dark company template. Read back from the decks: the shapes,
the label in the guide's language, the sizes, the contrast and the geometry."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from pptx import Presentation

from smguide.commands.build import build_slides
from smguide.deck.render import DeckOptions
from smguide.deck.theme import shown_colours
from smguide.model.colors import contrast
from smguide.model.options import Sources
from smguide.resources import builtin
from tests.deck.conftest import FOUR_DECKS
from tests.deck.test_dark_decks import _resolved

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# what the two callouts of the built-in guide show on their slides (they have none there)
SLIDES = {
    "chapters/01-mixed-up.yaml": "When roles are written down, nobody does the same work "
                                 "twice. If you are unsure who owns a task, ask.",
    "chapters/02-sales.yaml": "Sales hears what no survey captures, the objection that "
                              "keeps coming up.",
    "de/chapters/01-mixed-up.yaml": "Wenn Rollen aufgeschrieben sind, macht niemand "
                                    "dieselbe Arbeit doppelt.",
    "de/chapters/02-sales.yaml": "Der Vertrieb hört, was keine Umfrage erfasst."}


def _with_callout_slides(folder: Path) -> Path:
    """The built-in content with its callouts' `slide: false` given slide text."""
    content = folder / "content"
    shutil.copytree(builtin("content"), content)
    for name, text in SLIDES.items():
        path = content / name
        source, count = re.subn(r"(  - type: callout\n(?:    (?!slide:).*\n)*?)    slide: false\n",
                                lambda m, t=text: f"{m.group(1)}    slide: {t}\n",  # type: ignore[misc]
                                path.read_text(encoding="utf-8"), count=1)
        assert count == 1, name
        path.write_text(source, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def callout_decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Any, str]]:
    """name -> (the deck read back, its content folder's language folder)."""
    folder = tmp_path_factory.mktemp("callout-decks")
    content = _with_callout_slides(folder)
    out = {}
    for name, (lang, options) in FOUR_DECKS.items():
        path = folder / f"{name.replace(' ', '-').replace(':', '')}.pptx"
        sources = Sources(content / lang, builtin("brand") / "_brand.yml")
        built = build_slides(sources, path, DeckOptions(**options))
        out[name] = (Presentation(str(built.path)), lang)
    return out


def _fill(shape: Any, colours: dict[str, str]) -> str | None:
    found = shape._element.spPr.find(f"{A}solidFill")
    return None if found is None else _resolved(found, colours)


def _runs_colour(run: Any, colours: dict[str, str]) -> str:
    found = run._r.find(f"{A}rPr/{A}solidFill")
    return _resolved(found, colours) if found is not None else colours["tx1"]


def _inside(inner: Any, outer: tuple[int, int, int, int]) -> bool:
    left, top, width, height = outer
    return (inner.left >= left and inner.top >= top and inner.left + inner.width <= left + width
            and inner.top + inner.height <= top + height)


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_a_callout_slide_has_the_handbooks_panel(callout_decks: dict[str, tuple[Any, str]],
                                                  name: str) -> None:
    prs, lang = callout_decks[name]
    labels = yaml.safe_load((builtin("content") / lang / "labels.yaml").read_text("utf-8"))
    colours = shown_colours(prs.slide_master)
    sheet = (0, 0, prs.slide_width, prs.slide_height)
    seen = []
    for slide in prs.slides:
        named = {shape.name: shape for shape in slide.shapes}
        if "Callout panel" not in named:
            continue
        panel, rule, label = (named["Callout panel"], named["Callout rule"],
                              named["Callout label"])
        text = next(s for s in slide.placeholders if s.placeholder_format.idx != 0
                    and s.has_text_frame and s.text_frame.text.strip() and s.top == panel.top)
        body = (text.left, text.top, text.width, text.height)
        for shape in (panel, rule, label):  # on the slide, in the template's body area
            assert _inside(shape, sheet) and _inside(shape, body), (name, shape.name)
        assert _inside(label, (panel.left, panel.top, panel.width, panel.height))
        assert rule.left == panel.left and rule.height == panel.height
        assert rule.width < panel.width / 20  # a rule along the left edge
        ground = _fill(panel, colours)
        assert ground is not None
        rule_colour = _fill(rule, colours)
        assert rule_colour is not None and contrast(rule_colour, ground) >= 3.0, name
        runs = [r for p in label.text_frame.paragraphs for r in p.runs]
        assert runs and all(r.font._rPr.get("cap") == "all" and r.font.bold for r in runs)
        assert all(r.font.size.pt >= 14 for r in runs)
        assert all(contrast(_runs_colour(r, colours), ground) >= 4.5 for r in runs), name
        seen.append(label.text_frame.text)
        words = [r for p in text.text_frame.paragraphs for r in p.runs if r.text.strip()]
        assert words and all(r.font.size.pt >= 18 for r in words), name
        assert all(contrast(_runs_colour(r, colours), ground) >= 4.5 for r in words), name
        # the label sits above the text, which starts under it
        assert label.top + label.height <= text.top + text.text_frame.margin_top
    assert sorted(seen) == sorted([labels["callout_tip"], labels["callout_note"]]), (name, seen)
