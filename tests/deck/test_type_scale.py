"""One type scale, read back from the decks with python-pptx: in the English, German, 4:3
dark-theme and company-template decks, every text is at a whole-point step of one scale;
body text comes in two sizes (lists and sparse slides; dense slides), never below 18 pt;
nothing on a content slide is below 14 pt; the agenda and the checklist share a size;
sibling slides (the role slides, all content titles, the cover and the closing slide)
use the same sizes; a card's heading is a step over its text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from smguide.deck.footer import own_size
from smguide.deck.textfit import SCALE

FURNITURE = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DECKS = ["en", "de", "dark 4:3", "template"]  # conftest.four_decks


@pytest.fixture(scope="module")
def decks(four_decks: dict[str, Any]) -> dict[str, Any]:
    return four_decks


def content_slides(prs: Any) -> list[Any]:
    """Every slide but the title, closing and divider slides."""
    slides = list(prs.slides)[1:-1]
    return [s for s in slides if not s.slide_layout.name.startswith("Section")]


def _sizes(frame: Any) -> Iterator[float]:
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            if run.text.strip():
                assert run.font.size is not None, run.text  # every run says its size
                yield run.font.size.pt


def runs(slide: Any) -> Iterator[tuple[str, float]]:
    """(what the text is, size) of every run with text on the slide: "title", "eyebrow",
    "furniture" (footer, slide number), "figure" (a diagram's labels), "heading" (a
    card's), else "body"."""
    for shape in slide.shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            for inner in shape.shapes:
                if inner.has_text_frame:
                    yield from (("figure", size) for size in _sizes(inner.text_frame))
            continue
        if shape.is_placeholder and shape.placeholder_format.type in FURNITURE:
            kind = "furniture"
        elif shape == slide.shapes.title or shape.name == "Title":
            kind = "title"
        elif shape.name == "Eyebrow":
            kind = "eyebrow"
        else:
            kind = "body"
        if getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    yield from ((kind, size) for size in _sizes(cell.text_frame))
        elif shape.has_text_frame and shape.name == "Card":  # a heading, then its text
            for index, paragraph in enumerate(shape.text_frame.paragraphs):
                yield from (("heading" if index == 0 else kind, size)
                            for size in _sizes_of([paragraph]))
        elif shape.has_text_frame:
            yield from ((kind, size) for size in _sizes(shape.text_frame))


def body_sizes(slide: Any) -> set[float]:
    return {size for kind, size in runs(slide) if kind == "body"}


def numbered(slide: Any) -> bool:
    """Whether the slide's body is a numbered list (the agenda, a checklist)."""
    return any(shape.has_text_frame and shape.text_frame._txBody.find(
        f".//{A}buAutoNum") is not None for shape in slide.shapes
        if shape != slide.shapes.title)


@pytest.mark.parametrize("name", DECKS)
def test_body_text_comes_in_two_sizes_never_below_18_pt(decks: dict, name: str) -> None:
    sizes = {size for slide in content_slides(decks[name]) for size in body_sizes(slide)}
    assert 1 <= len(sizes) <= 2, sizes
    assert min(sizes) >= 18, sizes


@pytest.mark.parametrize("name", DECKS)
def test_nothing_on_a_content_slide_is_below_14_pt(decks: dict, name: str) -> None:
    """The footer and slide number aside (the template's furniture, not read from the
    back of the room): titles, eyebrows, body text and the diagram's labels."""
    for number, slide in enumerate(decks[name].slides, 1):
        if slide not in content_slides(decks[name]):
            continue
        small = [(kind, size) for kind, size in runs(slide)
                 if kind != "furniture" and size < 14]
        assert not small, (number, slide.shapes.title.text, small)


@pytest.mark.parametrize("name", DECKS)
def test_the_agenda_and_the_checklist_share_a_size(decks: dict, name: str) -> None:
    lists = [s for s in content_slides(decks[name]) if numbered(s)]
    assert len(lists) >= 2, [s.shapes.title.text for s in lists]  # the agenda, a checklist
    sizes = {frozenset(body_sizes(s)) for s in lists}
    assert len(sizes) == 1 and len(next(iter(sizes))) == 1, sizes


@pytest.mark.parametrize("name", DECKS)
def test_sibling_slides_use_the_same_sizes(decks: dict, name: str) -> None:
    """Every content title at one size; every role slide (header, labels, items) at the
    same sizes, the header at the list size: the deck's larger body size."""
    slides = content_slides(decks[name])
    titles = {size for s in slides for kind, size in runs(s) if kind == "title"}
    assert len(titles) == 1, titles
    roles = [s for s in slides if any(shape.name == "Role header" for shape in s.shapes)]
    assert len(roles) >= 2
    assert len({frozenset(body_sizes(s)) for s in roles}) == 1, [body_sizes(s) for s in roles]
    header = {size for s in roles for shape in s.shapes if shape.name == "Role header"
              for size in _sizes(shape.text_frame)}
    everything = {size for s in slides for size in body_sizes(s)}
    assert header == {max(everything)}, (header, everything)
    assert SCALE.index(max(titles)) > SCALE.index(max(everything)), (titles, everything)


def _all_runs(prs: Any) -> Iterator[tuple[int, str, float]]:
    for number, slide in enumerate(prs.slides, 1):
        yield from ((number, kind, size) for kind, size in runs(slide))


@pytest.mark.parametrize("name", DECKS)
def test_every_text_is_at_a_step_of_one_scale(decks: dict, name: str) -> None:
    """Whole points, about six steps for what is read (14 to 40 pt), the footer's among
    them; a company template's footer at the template's own size (its design) where
    that is 14 pt or more, else at 14 pt (its text is ours), here 14 pt, the footer box
    widened where the text needs it."""
    prs = decks[name]
    off = [(number, kind, size) for number, kind, size in _all_runs(prs)
           if size not in SCALE]
    assert not off, off
    used = {size for _, kind, size in _all_runs(prs) if kind != "furniture"}
    assert len(used) <= 6, sorted(used)
    footers = [(slide, shape) for slide in prs.slides for shape in slide.placeholders
               if shape.placeholder_format.type == PP_PLACEHOLDER.FOOTER]
    assert footers
    for slide, shape in footers:
        layout = next(ph for ph in slide.slide_layout.placeholders
                      if ph.placeholder_format.type == PP_PLACEHOLDER.FOOTER)
        assert set(_sizes(shape.text_frame)) == {max(own_size(layout) or 14, 14)}, \
            shape.text_frame.text


@pytest.mark.parametrize("name", DECKS)
def test_the_footer_and_slide_number_are_at_14_pt_at_least(decks: dict, name: str) -> None:
    """Nothing on a content slide under 14 pt, the footer's text and the slide number
    (a field, not a run) included: every size set in them, read from the XML."""
    checked = 0
    for slide in content_slides(decks[name]):
        for shape in slide.placeholders:
            if shape.placeholder_format.type not in (PP_PLACEHOLDER.FOOTER,
                                                     PP_PLACEHOLDER.SLIDE_NUMBER):
                continue
            texts = [t for t in shape._element.iter(f"{A}t") if (t.text or "").strip()]
            for text in texts:
                size = text.getparent().find(f"{A}rPr")
                assert size is not None and int(size.get("sz", "0")) >= 1400, \
                    (name, shape.name, text.text)
                checked += 1
    assert checked >= 2 * len(content_slides(decks[name])), checked


@pytest.mark.parametrize("name", DECKS)
def test_the_cover_and_the_closing_titles_share_the_largest_step(decks: dict,
                                                                 name: str) -> None:
    slides = list(decks[name].slides)
    titles = [{size for kind, size in runs(s) if kind == "title"} for s in
              (slides[0], slides[-1])]
    assert titles[0] == titles[1] == {max(SCALE)}, titles


@pytest.mark.parametrize("name", DECKS)
def test_the_practices_slide_uses_its_slide_at_a_size_of_the_scale(decks: dict,
                                                                    name: str) -> None:
    """The practice cards fill the room between the title and the footer (rows sharing
    its height, not bunched in its top half), their text at a size of the scale (the
    largest their cards hold), or, a sparse slide of cards, at the lists' size (24 pt);
    each card's heading a step of the scale over its text or at its size (bold, in
    colour)."""
    prs = decks[name]
    slide = next(s for s in content_slides(prs) if any(sh.name == "Card" for sh in s.shapes))
    cards = [s for s in slide.shapes if s.name == "Card"]
    assert len(cards) == 4
    footer = min(s.top for s in slide.placeholders
                 if s.placeholder_format.type in FURNITURE)
    title = slide.shapes.title
    top = min(c.top for c in cards)
    bottom = max(c.top + c.height for c in cards)
    assert top >= title.top + title.height - 12700
    room = footer - (title.top + title.height)
    assert (bottom - top) >= 0.8 * room, (bottom - top) / room
    heads = {size for card in cards for size in _sizes_of(card.text_frame.paragraphs[:1])}
    sizes = {size for card in cards for size in _sizes_of(card.text_frame.paragraphs[1:])}
    assert len(sizes) == 1 and len(heads) == 1, (heads, sizes)
    # the size the cards' room gives (tests/deck/test_body_sizes.py), a step of the scale
    assert sizes <= set(SCALE) and min(sizes) >= 18, sizes
    if sizes == {24.0}:  # the lists' size: a sparse slide, its headings not over the title
        assert heads == sizes, (heads, sizes)
    else:  # a step over, or (where that wraps a heading) at the text's size
        assert SCALE.index(max(heads)) - SCALE.index(max(sizes)) in (0, 1), (heads, sizes)


@pytest.mark.parametrize("name", DECKS)
def test_every_card_heading_is_one_line_or_even_lines(decks: dict, name: str) -> None:
    """Each practice card's heading, in the deck's font and in the one PowerPoint shows
    without it (Arial's widths: Liberation Sans; the template names DejaVu Sans, wider
    than both): on one line, a step of the scale over the card's text or at its size
    (bold, in colour) only where a step over would wrap one; or, where it wraps at the
    text's size in the deck's own font, broken into as many lines as it needs there (or,
    to match its row's neighbour, as many as it takes in the substitute), each of them
    whole in every font and none of them a word alone ("Klare Rollen, gemeinsame /
    Ziele" was)."""
    from smguide.deck.linebreaks import frame_width
    from smguide.deck.measuring import family_fonts
    from smguide.deck.textfit import Para, Span, line_count, system_fonts, widest
    from tests.deck.test_dark_decks import BRAND

    faces = [system_fonts("DejaVu Sans")] if name == "template" else [
        family_fonts(BRAND, BRAND.base_family), system_fonts("Liberation Sans")]
    fonts = [face for face in faces if face is not None]
    assert fonts
    wide = fonts[0]
    for face in fonts[1:]:
        wide = widest(wide, face)
    cards = [s for slide in content_slides(decks[name]) for s in slide.shapes
             if s.name == "Card"]
    assert len(cards) >= 4
    wraps_a_step_over = False
    for card in cards:
        frame = card.text_frame
        width = frame_width(card)
        head, text = frame.paragraphs[0], frame.paragraphs[1]
        size = head.runs[0].font.size.pt
        lines = head.text.split("\x0b")  # python-pptx reads a line break so
        whole = Para((Span(" ".join(lines), True),))
        assert len(lines) in (line_count(whole, width, size, fonts[0]),
                              line_count(whole, width, size, wide)), (name, head.text, size)
        for line in lines:
            assert len(lines) == 1 or len(line.split()) > 1, (name, head.text)
            # a heading left whole: one line in the deck's own font (its card keeps the
            # room for the lines a substitute takes); a broken one's lines in every font
            for face in fonts if len(lines) > 1 else fonts[:1]:
                assert line_count(Para((Span(line, True),)), width, size, face) == 1, \
                    (name, line, size)
        over = SCALE[SCALE.index(text.runs[0].font.size.pt) + 1]
        wraps_a_step_over |= line_count(whole, width, over, wide) > 1
    heads = {card.text_frame.paragraphs[0].runs[0].font.size.pt for card in cards}
    texts = {card.text_frame.paragraphs[1].runs[0].font.size.pt for card in cards}
    if heads == texts and texts != {24.0}:
        assert wraps_a_step_over, (heads, texts)


def _sizes_of(paragraphs: Any) -> Iterator[float]:
    for paragraph in paragraphs:
        yield from (run.font.size.pt for run in paragraph.runs if run.text.strip())


@pytest.mark.parametrize("name", DECKS)
def test_titles_clearly_outrank_the_body_text(decks: dict, name: str) -> None:
    """Content titles at 32 pt, a third over the 24 pt of the lists under them (28 over
    24 barely outranks them, a presentation designer finds)."""
    slides = content_slides(decks[name])
    titles = {size for s in slides for kind, size in runs(s) if kind == "title"}
    body = {size for s in slides for size in body_sizes(s)}
    assert titles == {32.0} and max(body) == 24.0, (titles, body)
