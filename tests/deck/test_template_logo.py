"""The brand's logo on a company template's title and closing slides lines up with the
text block as the template aligns it: centred over the dark template's centred title and
lines (not in the top right corner, off their axis), at the left edge of a left-aligned
title; at the top, clear of every text. Read back with python-pptx."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from tests.deck.conftest import TEMPLATE

PT = 12700
MARGIN = 0.35 * 914400  # the logo's distance from the slide's top


def _logo_and_title(slide: Any) -> tuple[Any, Any]:
    logos = [shape for shape in slide.shapes if shape.shape_type == 13]
    assert len(logos) == 1, [shape.name for shape in slide.shapes]
    return logos[0], slide.shapes.title


def _text_edges(title: Any) -> tuple[float, float]:
    frame = title.text_frame
    return title.left + frame.margin_left, title.left + title.width - frame.margin_right


def _clear_of_text(slide: Any, logo: Any) -> bool:
    def apart(shape: Any) -> bool:
        return (logo.left + logo.width <= shape.left or shape.left + shape.width <= logo.left
                or logo.top + logo.height <= shape.top or shape.top + shape.height <= logo.top)

    return all(apart(shape) for shape in slide.shapes
               if shape.has_text_frame and shape.text_frame.text.strip())


def _ends(prs: Any) -> list[tuple[int, Any]]:
    """The title slide and the closing slide, numbered."""
    last = len(prs.slides)
    return [(1, prs.slides[0]), (last, prs.slides[last - 1])]


def test_the_logo_is_centred_over_a_centred_title(four_decks: dict[str, Any]) -> None:
    prs = four_decks["template"]
    for number, slide in _ends(prs):
        logo, title = _logo_and_title(slide)
        start, end = _text_edges(title)
        centre = logo.left + logo.width / 2
        assert abs(centre - (start + end) / 2) <= PT, (number, centre / PT, start / PT, end / PT)
        assert abs(logo.top - MARGIN) <= PT, (number, logo.top / PT)
        assert _clear_of_text(slide, logo), number


def _left_aligned(target: Path) -> Path:
    """The dark template with its titles (the master's title style) and its title slide's
    lines (the layout's) aligned left."""
    title = b'<p:titleStyle><a:lvl1pPr algn="ctr"'
    with zipfile.ZipFile(TEMPLATE) as old, zipfile.ZipFile(target, "w") as new:
        for entry in old.infolist():
            data = old.read(entry)
            if entry.filename == "ppt/slideMasters/slideMaster1.xml":
                assert title in data
                data = data.replace(title, title.replace(b"ctr", b"l"))
            if entry.filename == "ppt/slideLayouts/slideLayout1.xml":
                assert b'algn="ctr"' in data
                data = data.replace(b'algn="ctr"', b'algn="l"')
            new.writestr(entry, data)
    return target


@pytest.fixture(scope="module")
def left_deck(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The built-in guide's deck on the left-aligned dark template, read back."""
    from smguide.deck.render import DeckRenderer
    from smguide.model.options import DeckOptions
    from smguide.resources import builtin
    from smguide.sources.brand import load_brand
    from smguide.sources.content import load_guide

    folder = tmp_path_factory.mktemp("left-logo")
    guide = load_guide(builtin("content"))
    brand, _ = load_brand(builtin("brand") / "_brand.yml")
    template = _left_aligned(folder / "left.pptx")
    data, _ = DeckRenderer(guide, brand, DeckOptions(template=template)).render()
    (folder / "deck.pptx").write_bytes(data)  # checked with openxml-audit after the run
    return Presentation(io.BytesIO(data))


def test_the_logo_starts_where_a_left_aligned_title_starts(left_deck: Any) -> None:
    for number, slide in _ends(left_deck):
        logo, title = _logo_and_title(slide)
        start, _ = _text_edges(title)
        assert abs(logo.left - start) <= PT, (number, logo.left / PT, start / PT)
        assert abs(logo.top - MARGIN) <= PT, (number, logo.top / PT)
        assert _clear_of_text(slide, logo), number
