"""The two dark 4:3 decks (the brand's dark theme, and the dark company template) read
back with python-pptx: what a presenter sees on the dark background is seen there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pptx import Presentation

from smguide.cli import main
from smguide.commands.build import build_slides
from smguide.deck.render import DeckOptions
from smguide.deck.theme import shown_colours
from smguide.model.colors import contrast
from smguide.model.options import Sources
from smguide.resources import builtin
from smguide.sources.brand import load_brand
from smguide.sources.brandcolours import screen_primary

TEMPLATE = Path(__file__).resolve().parents[1] / "fixtures" / "deck-template" / "dark.pptx"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EMU_PER_INCH = 914400


def build(out: Path, **options: object) -> Path:
    sources = Sources(builtin("content"), builtin("brand") / "_brand.yml")
    return build_slides(sources, out, DeckOptions(**options)).path  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def dark_decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("dark")
    return {"theme": Presentation(str(build(folder / "theme.pptx", theme="dark",
                                            aspect="4:3"))),
            "template": Presentation(str(build(folder / "template.pptx",
                                               template=TEMPLATE)))}


def _slot(element: Any) -> str | None:
    """The theme slot or sRGB value of a colour element's first child, as '#rrggbb' or a
    slot name."""
    child = next(iter(element), None)
    if child is None:
        return None
    if child.tag == f"{A}srgbClr":
        return f"#{child.get('val').lower()}"
    return child.get("val") if child.tag == f"{A}schemeClr" else None


def _bullets(tree: Any) -> Iterator[str]:
    """The colour of every bullet character in the part, outside filled shapes (cards and
    banners are checked as text on their fill elsewhere)."""
    for sp in tree.iter("{http://schemas.openxmlformats.org/presentationml/2006/main}sp"):
        props = sp.find("{http://schemas.openxmlformats.org/presentationml/2006/main}spPr")
        if props is not None and props.find(f"{A}solidFill") is not None:
            continue
        for ppr in sp.iter(f"{A}pPr", *(f"{A}lvl{n}pPr" for n in range(1, 10))):
            if ppr.find(f"{A}buChar") is not None and ppr.find(f"{A}buClr") is not None:
                colour = _slot(ppr.find(f"{A}buClr"))
                if colour:
                    yield colour


def _bars(shapes: Any) -> Iterator[tuple[str, str]]:
    """(name, colour) of every thin filled shape without text: the rules and bands."""
    for shape in shapes:
        if shape.shape_type is None or shape.is_placeholder or getattr(
                shape, "has_text_frame", False) and shape.text_frame.text.strip():
            continue
        fill = shape._element.find(
            "{http://schemas.openxmlformats.org/presentationml/2006/main}spPr/"
            f"{A}solidFill")
        if fill is None or min(shape.width, shape.height) > 0.35 * EMU_PER_INCH:
            continue
        colour = _slot(fill)
        if colour:
            yield shape.name, colour


@pytest.mark.parametrize("name", ["theme", "template"])
def test_bullets_and_bars_are_seen_on_the_dark_background(dark_decks: dict[str, Any],
                                                         name: str) -> None:
    """Non-text graphics (bullets, the rule under titles, the section band) at 3:1 or
    more on the background (WCAG 1.4.11), in the master, the layouts and every slide."""
    prs = dark_decks[name]
    master = prs.slide_master
    colours = shown_colours(master)
    background = colours["bg1"]

    def hex_of(colour: str) -> str:
        return colour if colour.startswith("#") else colours[colour]

    seen: list[tuple[str, str, float]] = []
    parts = [("master", master._element), *((f"layout {layout.name}", layout._element)
                                           for layout in master.slide_layouts),
             *((f"slide {n}", slide._element) for n, slide in enumerate(prs.slides, 1))]
    for where, tree in parts:
        seen += [(f"{where} bullet", c, contrast(hex_of(c), background))
                 for c in _bullets(tree)]
    shape_sets = [("layout", layout.shapes) for layout in master.slide_layouts]
    shape_sets += [(f"slide {n}", slide.shapes) for n, slide in enumerate(prs.slides, 1)]
    for where, shapes in shape_sets:
        seen += [(f"{where} {shape}", c, contrast(hex_of(c), background))
                 for shape, c in _bars(shapes)]
    assert sum("bullet" in what for what, _, _ in seen) >= 20
    assert any("Accent rule" in what or "band" in what for what, _, _ in seen) or \
        name == "template"
    low = [(what, colour, round(ratio, 2)) for what, colour, ratio in seen if ratio < 3]
    assert not low


def test_the_built_in_brand_says_nothing_about_itself_on_a_dark_deck(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch
                                                                     ) -> None:
    """`smguide slides --theme dark` on the sample: the brand's dark values (its primary
    and its titles' colour as light/dark pairs) read on the dark background, so no
    warning; the deck uses exactly those values."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["slides", "--theme", "dark", "-o", "dark.pptx"])
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.output, result.output
    brand, _ = load_brand(builtin("brand") / "_brand.yml")
    assert brand.deck_warnings("dark") == []
    dark = brand.themed("dark").colours
    colours = shown_colours(Presentation(str(tmp_path / "dark.pptx")).slide_master)
    assert colours["accent1"] == dark["primary"] != brand.colours["primary"]
    assert contrast(dark["primary"], dark["background"]) >= 3
    assert contrast(dark["foreground"], dark["primary"]) >= 4.5  # the banners' text
    assert contrast(dark["headings"], dark["background"]) >= 4.5


@pytest.mark.parametrize(("primary", "light"), [("#2f6b4f", "#f3f1ea"),
                                                ("#2f6b4f", "#c8c8c8"),
                                                ("#7a1f3d", "#ffffff"),
                                                ("#123456", "#dddddd")])
def test_a_dark_decks_primary_is_seen_and_its_fills_keep_readable_text(primary: str,
                                                                       light: str) -> None:
    """The primary colour lightened for a dark background reaches 3:1 there (its bullets
    and bars); the text on its fills reads at 4.5:1: the light text where a shade allows
    both, else the background's dark colour."""
    background = "#1d2327"
    shown = screen_primary(primary, background, light)
    assert contrast(shown, background) >= 3
    assert max(contrast(light, shown), contrast(background, shown)) >= 4.5
