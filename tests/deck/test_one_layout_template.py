"""A company template of one layout, its title slide's, with the title at the slide's
foot and the subtitle above it (as pandoc's reference-deleted-layouts has it): every
content slide reads title first, at the top, its content under it; the title and closing
slides read title first too, their lines under it; the slides' geometry stays clean.
The template is made here from python-pptx's default; the deck is read back with
python-pptx."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pptx
import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.util import Inches

from smguide.cli import main
from smguide.deck.render import DeckRenderer
from smguide.model.options import DeckOptions
from smguide.resources import builtin
from smguide.sources.brand import load_brand
from smguide.sources.content import load_guide
from tests.deckgeometry import deck_problems

GUIDE = load_guide(builtin("content"))
BRAND, _ = load_brand(builtin("brand") / "_brand.yml")
DEFAULT = Path(pptx.__file__).parent / "templates" / "default.pptx"
MARKS = ("Footer", "Slide Number", "Date")


def one_layout(target: Path) -> Path:
    """python-pptx's default with its "Title Slide" layout only, the title moved to the
    slide's foot and the subtitle just above it."""
    prs = Presentation(str(DEFAULT))
    for layout in list(prs.slide_layouts)[1:]:
        prs.slide_layouts.remove(layout)
    placeholders = {ph.placeholder_format.idx: ph for ph in prs.slide_layouts[0].placeholders}
    title, subtitle = placeholders[0], placeholders[1]
    title.left, title.top, title.width, title.height = (Inches(0.75), Inches(4.9),
                                                        Inches(8.5), Inches(1.6))
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = (
        Inches(0.75), Inches(4.0), Inches(8.5), Inches(0.85))
    prs.save(str(target))
    return target


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    folder = tmp_path_factory.mktemp("one-layout")
    template = one_layout(folder / "one.pptx")
    data, _ = DeckRenderer(GUIDE, BRAND, DeckOptions(template=template)).render()
    path = folder / "deck.pptx"
    path.write_bytes(data)
    return Presentation(io.BytesIO(data)), path


def _texts(slide: Any) -> list[Any]:
    """The slide's text shapes with text, but its title, eyebrow and footer marks."""
    return [shape for shape in slide.shapes if shape.has_text_frame
            and shape.text_frame.text.strip() and shape != slide.shapes.title
            and shape.name != "Eyebrow" and not shape.name.startswith(MARKS)]


def test_content_slides_put_the_title_at_the_top_and_the_content_under_it(
        deck: tuple[Any, Path]) -> None:
    prs, _ = deck
    height = prs.slide_height
    content = list(prs.slides)[1:-1]  # all but the title and closing slides
    assert len(content) >= 8
    for number, slide in enumerate(content, 2):
        title = slide.shapes.title
        assert title is not None and title.text_frame.text.strip()
        assert title.top + title.height <= height * 0.3, (number, title.top / 914400)
        below = _texts(slide) + [shape for shape in slide.shapes if not shape.has_text_frame
                                 and shape.width > Inches(1)]  # tables, groups
        assert below, number
        for shape in below:
            assert shape.top >= title.top + title.height, (number, shape.name,
                                                           shape.top / 914400)


def test_the_title_and_closing_slides_put_the_title_above_their_lines(
        deck: tuple[Any, Path]) -> None:
    prs, _ = deck
    for slide in (prs.slides[0], prs.slides[len(prs.slides) - 1]):
        title = slide.shapes.title
        lines = next(s for s in slide.placeholders if s.placeholder_format.idx == 1)
        assert title.text_frame.text.strip() and lines.text_frame.text.strip()
        assert title.top + title.height <= lines.top + 12700
        assert lines.top + lines.height <= Inches(4.9 + 1.6) + 12700  # the layout's room
        assert title.top >= Inches(4.0) - Inches(2)  # moved up only as far as needed


def test_the_moved_title_is_aligned_as_the_masters_content_titles(
        deck: tuple[Any, Path]) -> None:
    prs, _ = deck
    style = prs.slide_master._element.find(
        ".//{http://schemas.openxmlformats.org/presentationml/2006/main}titleStyle/"
        "{http://schemas.openxmlformats.org/drawingml/2006/main}lvl1pPr")
    wanted = style.get("algn") or "l"
    slide = prs.slides[2]
    own = slide.shapes.title._element.find(
        ".//{http://schemas.openxmlformats.org/drawingml/2006/main}lstStyle/"
        "{http://schemas.openxmlformats.org/drawingml/2006/main}lvl1pPr")
    assert own is not None and own.get("algn") == wanted
    assert all(p._p.pPr is None or p._p.pPr.get("algn") in (None, wanted)
               for p in slide.shapes.title.text_frame.paragraphs)


def test_the_one_layout_deck_has_clean_geometry(deck: tuple[Any, Path]) -> None:
    _, path = deck
    assert deck_problems(path) == []


def test_check_says_in_one_line_what_the_deck_does_with_a_single_layout(
        tmp_path: Path) -> None:
    template = one_layout(tmp_path / "one.pptx")
    result = CliRunner().invoke(main, ["check", "--content", str(builtin("content")),
                                       "--template", str(template)])
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if "only one slide layout" in line]
    assert len(said) == 1, result.output
    line = said[0]
    assert line.startswith(f"Warning: {template}: ")
    assert '("Title Slide")' in line and "title moved up" in line
    assert '; add "Title and Content"' in line
    # a template of several layouts lays its content slides out on them: no such line
    fuller = CliRunner().invoke(main, ["check", "--content", str(builtin("content")),
                                       "--template", str(DEFAULT)])
    assert fuller.exit_code == 0 and "only one slide layout" not in fuller.output
