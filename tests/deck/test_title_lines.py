"""The line under a title on the title, closing and divider slides, read back with
python-pptx: it starts at the title's text edge and at a designed distance under the
title's last line, on the built-in theme and on company templates whose title slide is
centred (the dark fixture, python-pptx's own default template)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pptx
import pytest
from pptx import Presentation

from smguide.deck.measuring import family_fonts
from smguide.deck.textfit import Para, Span, text_height
from smguide.resources import builtin
from tests.deck.test_dark_decks import BRAND, TEMPLATE, build
from tests.deckgeometry import deck_problems

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
PT = 12700
# python-pptx's own default template: a title slide centred the Office 2007 way
OFFICE = Path(pptx.__file__).parent / "templates" / "default.pptx"
FONTS = family_fonts(BRAND, BRAND.heading_family, widen=1.15)


def _body_pr(shape: Any) -> Any:
    return shape._element.find(f".//{A}bodyPr") if shape is not None else None


def _anchor(shape: Any) -> str:
    """The anchor the shape's text has: its own, its layout placeholder's, the master's
    placeholder of its kind (title for a centred title, body otherwise)."""
    owners = [shape]
    if shape.is_placeholder:
        layout = shape.part.slide_layout
        owners.append(layout.placeholders.get(idx=shape.placeholder_format.idx))
        ph = shape._element.find(f".//{P}nvPr/{P}ph")
        kind = "title" if ph.get("type") in ("title", "ctrTitle") else "body"
        for master_ph in layout.slide_master.placeholders:
            if master_ph._element.find(f".//{P}nvPr/{P}ph").get("type", "obj") in (
                    (kind,) if kind == "title" else ("body", "obj")):
                owners.append(master_ph)
                break
    for owner in owners:
        body = _body_pr(owner)
        if body is not None and body.get("anchor"):
            return str(body.get("anchor"))
    return "t"


def _inset(shape: Any, side: str, default: int) -> int:
    body = _body_pr(shape)
    return int(body.get(side, default)) if body is not None else default


def _text_span(shape: Any) -> tuple[float, float, float]:
    """(top, bottom, size) of a shape's written text, in EMU and points."""
    runs = [r for p in shape.text_frame.paragraphs for r in p.runs if r.font.size]
    size = runs[0].font.size.pt
    paras = [Para(tuple(Span(r.text, bool(r.font.bold)) for r in p.runs))
             for p in shape.text_frame.paragraphs if p.runs]
    inner = (shape.width - _inset(shape, "lIns", 91440) - _inset(shape, "rIns", 91440)) / PT
    used = text_height(paras, inner, size, FONTS) * PT
    top = shape.top + _inset(shape, "tIns", 45720)
    room = shape.height - _inset(shape, "tIns", 45720) - _inset(shape, "bIns", 45720)
    start = {"t": top, "ctr": top + (room - used) / 2, "b": top + room - used}[_anchor(shape)]
    return start, start + used, size


def _line_under(slide: Any) -> Any:
    """The text shape under the slide's title (not the footer, number or logo)."""
    title = slide.shapes.title
    below = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()
             and s.shape_id != title.shape_id and s.top > title.top
             and not (s.is_placeholder and s.placeholder_format.idx >= 10)]
    return min(below, key=lambda s: s.top)


def with_dividers(folder: Path) -> Path:
    """The built-in guide cut to its last chapter, the one with several slides: a guide
    whose every chapter has several, so the deck has a divider."""
    content = folder / "content"
    shutil.copytree(builtin("content"), content)
    guide = content / "guide.yaml"
    lines = guide.read_text(encoding="utf-8").splitlines(keepends=True)
    guide.write_text("".join(line for line in lines if not line.startswith("  - chapters/")
                             or "07-first-week" in line), encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("titles")
    content = with_dividers(folder)
    return {"built-in": build(folder / "built-in.pptx", content),
            "dark template": build(folder / "dark.pptx", content, template=TEMPLATE),
            "office template": build(folder / "office.pptx", content, template=OFFICE)}


@pytest.mark.parametrize("name", ["built-in", "dark template", "office template"])
def test_the_line_under_a_title_starts_at_its_text_and_sits_a_set_distance_below(
        decks: dict[str, Path], name: str) -> None:
    prs = Presentation(str(decks[name]))
    checked = []
    for number, slide in enumerate(prs.slides, 1):
        if slide.slide_layout.name not in ("Title Slide", "Section Header"):
            continue
        title, line = slide.shapes.title, _line_under(slide)
        title_edge = title.left + _inset(title, "lIns", 91440)
        line_edge = line.left + _inset(line, "lIns", 91440)
        assert abs(line_edge - title_edge) <= PT, (name, number, (line_edge - title_edge) / PT)
        _, title_bottom, size = _text_span(title)
        line_top, _, _ = _text_span(line)
        gap = (line_top - title_bottom) / PT  # from the title's last line to the line's first
        insets = (_inset(title, "bIns", 45720) + _inset(line, "tIns", 45720)) / PT
        assert 0.25 * size - 1 <= gap - insets <= 0.6 * size + 1, (name, number, gap, size)
        checked.append(number)
    assert len(checked) >= 3, checked  # the title, a divider and the closing slide
    assert deck_problems(decks[name]) == []
