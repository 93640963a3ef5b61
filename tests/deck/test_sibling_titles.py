"""Sibling slides (the two role slides, next to each other) read back with python-pptx:
their title bands and their lists' spacing alike on every deck, the 16:9 decks, the dark
4:3 deck and the dark company template, whose wide DejaVu Sans wraps one role's title and
not the other's."""

from __future__ import annotations

from typing import Any

import pytest

from tests.deck.conftest import FOUR_DECKS

LINE_BREAK = "\v"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _role_slides(prs: Any) -> list[Any]:
    return [slide for slide in prs.slides
            if any(shape.name == "Role header" for shape in slide.shapes)]


def _named(slide: Any, name: str) -> Any:
    return next(shape for shape in slide.shapes if shape.name == name)


def _band(slide: Any) -> tuple[Any, ...]:
    """The title band's geometry and type: the eyebrow's top, the title's box, its lines
    and size, its anchor, and where the content starts (the role card's header)."""
    title = slide.shapes.title
    sizes = {run.font.size.pt for para in title.text_frame.paragraphs for run in para.runs
             if run.font.size is not None and run.text.strip()}
    anchor = title.text_frame._txBody.bodyPr.get("anchor")
    return (_named(slide, "Eyebrow").top, title.left, title.top, title.width, title.height,
            title.text_frame.text.count(LINE_BREAK) + 1, sizes, anchor,
            _named(slide, "Role header").top)


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_sibling_role_slides_share_their_title_band(four_decks: dict[str, Any],
                                                    name: str) -> None:
    """The two role slides: the eyebrow at one height, the title's box at one place and
    size, its text in as many lines at one size hung the same way, and the content from
    one height; on the template "Marketing cares for / the whole market" took two lines
    and "Sales wins customers, deal by deal" one, the first slide's band half empty."""
    slides = _role_slides(four_decks[name])
    assert len(slides) == 2, name
    first, second = (_band(slide) for slide in slides)
    assert first == second, (name, first, second)


def test_a_sibling_title_broken_to_match_is_even_and_keeps_its_words(
        four_decks: dict[str, Any]) -> None:
    """On the template, the title broken to take as many lines as its sibling's is broken
    evenly (at the space that leaves its longer line shortest, counted in characters)
    and its words are the title's, each line but the last keeping the space it broke
    at."""
    for slide in _role_slides(four_decks["template"]):
        text = slide.shapes.title.text_frame.text
        lines = text.split(LINE_BREAK)
        assert len(lines) == 2, text
        assert lines[0].endswith(" ") and not lines[1].startswith(" "), lines
        whole = "".join(lines)
        spaces = [i for i, c in enumerate(whole) if c == " "]
        evenest = min(max(i, len(whole) - i - 1) for i in spaces)
        assert max(len(lines[0]) - 1, len(lines[1])) == evenest, lines


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_sibling_role_slides_space_their_lists_alike(four_decks: dict[str, Any],
                                                     name: str) -> None:
    """One gap between the list items of both role slides' columns: on the template the
    Sales slide's items, in two lines each, opened up by 8.9 pt and the Marketing slide's
    by 18.2 pt, so the two lists looked set apart."""
    gaps = set()
    for slide in _role_slides(four_decks[name]):
        for shape in slide.shapes:
            if shape.name not in ("Activities", "Skills"):
                continue
            paras = list(shape.text_frame.paragraphs)
            items = [p for p in paras if p._p.pPr is not None and
                     p._p.pPr.find(f"{A}buChar") is not None]
            assert len(items) >= 2, shape.text_frame.text
            gaps |= {round(p.space_before.pt, 1) for p in items[1:]}
    assert len(gaps) == 1, (name, gaps)
