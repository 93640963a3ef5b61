"""Wrapped body text on company templates, read back with python-pptx and measured with the
template's own font (DejaVu Sans on the dark fixture, installed here; a corpus template's
Calibri as the deck measures it): a list item that wraps has no word alone on its last
line where the same number of lines can avoid it, and every line it was broken into fits
its frame (a client's greedy wrap of the same text leaves words alone); a card's heading
is broken into even lines, as titles are; a table's columns are sized from its text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from smguide.deck.linebreaks import frame_width
from smguide.deck.measuring import deck_fonts
from smguide.deck.textfit import WIDTH_MARGIN, Fonts, Para, Span, line_count, system_fonts
from tests.deck.test_dark_decks import BRAND, TEMPLATE, build
from tests.deck.test_template_contrast import CORPUS
from tests.decklines import written_lines

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# a 16:9 and a 4:3 corpus template, both in Calibri (measured as the deck measures it)
CORPUS_TEMPLATES = {"pandoc": "pandoc__data__pptx__default-reference.pptx",
                    "officer 4:3": "officer__inst__template__template.pptx"}
BODY_SHAPES = ("Activities", "Skills", "Card")  # a role's columns, the practice cards


def _templates() -> dict[str, Path]:
    found = {"dark": TEMPLATE}
    for name, file in CORPUS_TEMPLATES.items():
        if CORPUS is not None and (CORPUS / file).is_file():
            found[name] = CORPUS / file
    return found


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Any, Fonts]]:
    """name -> (the deck read back, the body fonts to measure it with)."""
    folder = tmp_path_factory.mktemp("breaks")
    out = {}
    for name, template in _templates().items():
        file = folder / f"{name.replace(' ', '-').replace(':', '')}.pptx"
        prs = Presentation(str(build(file, template=template)))
        fonts = system_fonts("DejaVu Sans") if name == "dark" else deck_fonts(
            BRAND, Presentation(str(template)), True, lambda problem: None)[1]
        assert fonts is not None
        out[name] = (prs, fonts)
    return out


def _items(prs: Any) -> list[tuple[float, float, list[list[Span]]]]:
    """(text width in points, size, lines) of every list item of the body shapes."""
    out = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name not in BODY_SHAPES or not shape.has_text_frame:
                continue
            frame = shape.text_frame
            width = frame_width(shape)  # inside a card's rounded corners too
            for paragraph in frame.paragraphs:
                ppr = paragraph._p.pPr
                if ppr is None or ppr.find(f"{A}buChar") is None or not paragraph.runs:
                    continue
                size = paragraph.runs[0].font.size.pt
                indent = int(ppr.get("marL", "0")) / 12700
                out.append((width - indent, size, written_lines(paragraph)))
    return out


def _para(line: list[Span]) -> Para:
    return Para(tuple(span for span in line if span.text))


def _greedy_last(para: Para, width: float, size: float, fonts: Fonts) -> int:
    """How many words a client's greedy wrap puts on the last line of a one-style
    paragraph that wraps (0 when it does not wrap)."""
    face = fonts.face(para.spans[0].bold, False)
    lines: list[list[str]] = [[]]
    for word in "".join(span.text for span in para.spans).split():
        if lines[-1] and face.width(" ".join([*lines[-1], word]), size) > width:
            lines.append([])
        lines[-1].append(word)
    return len(lines[-1]) if len(lines) > 1 else 0


@pytest.mark.parametrize("name", list(_templates()))
def test_wrapped_list_items_leave_no_word_alone(decks: dict[str, tuple[Any, Fonts]],
                                                name: str) -> None:
    prs, fonts = decks[name]
    items = _items(prs)
    assert items
    alone, wrapped = [], 0
    for width, size, lines in items:
        if len(lines) > 1:  # broken by the deck: each line fits on one line of the frame
            for line in lines:
                assert line_count(_para(line), width, size, fonts) == 1, (name, lines)
        # the lines a client shows: the last written line wrapped as it wraps text
        last = _para(lines[-1])
        width *= WIDTH_MARGIN  # as a client wraps it: without the measuring's margin
        shown = len(lines) - 1 + line_count(last, width, size, fonts)
        wrapped += shown > 1
        words = len("".join(span.text for span in last.spans).split())
        on_last = _greedy_last(last, width, size, fonts) or words
        total = sum(len("".join(span.text for span in line).split()) for line in lines)
        if shown > 1 and on_last == 1 and total > shown:
            alone.append(lines)
    assert not alone, (name, alone)
    if name == "dark":  # DejaVu Sans is wide: several items wrap
        assert wrapped >= 4, wrapped


@pytest.mark.parametrize("name", list(_templates()))
def test_card_headings_are_broken_into_even_lines(decks: dict[str, tuple[Any, Fonts]],
                                                  name: str) -> None:
    """A card's heading of several lines, as titles are: no other break into as many
    lines that fit makes its longest line shorter, and none leaves a word alone."""
    from itertools import combinations

    prs, fonts = decks[name]
    headings = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name != "Card":
                continue
            frame = shape.text_frame
            width = frame_width(shape)  # inside a card's rounded corners too
            head = frame.paragraphs[0]
            headings.append((width, head.runs[0].font.size.pt, written_lines(head)))
    assert headings
    for width, size, lines in headings:
        face = fonts.face(True, False)
        words = " ".join("".join(span.text for span in line).strip() for line in lines).split()
        shown = [" ".join("".join(span.text for span in line).split()) for line in lines]
        longest = max(face.width(line, size) for line in shown)
        assert longest <= width, (name, shown)
        for starts in combinations(range(1, len(words)), len(lines) - 1):
            bounds = [0, *starts, len(words)]
            other = [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
            widths = [face.width(line, size) for line in other]
            if max(widths) <= width:
                assert max(widths) >= longest - 0.5, (name, shown, other)
        assert len(lines) == 1 or len(shown[-1].split()) > 1, (name, shown)


def _cell_lines(cell: Any, width: float, fonts: Fonts) -> int:
    """The lines a table cell's text takes in its column (`width` points), as written."""
    total = 0
    for paragraph in cell.text_frame.paragraphs:
        for line in written_lines(paragraph):
            if line:
                size = int(paragraph._p.find(f".//{A}rPr").get("sz")) / 100
                total += line_count(_para(line), width - cell.margin_left / 12700
                                    - cell.margin_right / 12700, size, fonts)
    return total


@pytest.mark.parametrize("name", list(_templates()))
def test_a_tables_columns_are_sized_from_its_text(decks: dict[str, tuple[Any, Fonts]],
                                                  name: str) -> None:
    """The comparison table: the row names' column narrower than the compared ones,
    which share the rest equally, and no cell of more than two lines (DejaVu Sans on the
    dark template put "Brand awareness / and / trust" on three), none ending on one word
    where its lines can avoid it ("Deals closed / and renewed")."""
    prs, fonts = decks[name]
    tables = [shape.table for slide in prs.slides for shape in slide.shapes
              if shape.has_table]
    assert tables
    for table in tables:
        widths = [column.width / 12700 for column in table.columns]
        assert widths[0] < min(widths[1:]), widths
        assert max(widths[1:]) - min(widths[1:]) <= 0.01 * widths[1], widths
        lines = [[_cell_lines(table.cell(r, c), widths[c], fonts)
                  for c in range(len(widths))] for r in range(len(table.rows))]
        assert max(max(row) for row in lines) <= 2, (name, widths, lines)
        for r in range(1, len(table.rows)):  # no value's last word alone on its line
            for c in range(1, len(widths)):
                cell = table.cell(r, c)
                room = widths[c] - (cell.margin_left + cell.margin_right) / 12700
                for paragraph in cell.text_frame.paragraphs:
                    written = [line for line in written_lines(paragraph) if line]
                    if not written:
                        continue
                    size = int(paragraph._p.find(f".//{A}rPr").get("sz")) / 100
                    last = _para(written[-1])
                    words = len("".join(s.text for s in last.spans).split())
                    total = sum(len("".join(s.text for s in line).split()) for line in written)
                    seen = room * WIDTH_MARGIN  # as a client wraps it: no safety margin
                    shown = len(written) - 1 + line_count(last, seen, size, fonts)
                    alone = (_greedy_last(last, seen, size, fonts) or words) == 1
                    assert not (shown > 1 and alone and total > shown), (name, written)



def _master_title_align(prs: Any) -> str:
    style = prs.slide_master._element.find(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}txStyles/"
        "{http://schemas.openxmlformats.org/presentationml/2006/main}titleStyle/"
        f"{A}lvl1pPr")
    return style.get("algn", "l") if style is not None else "l"


@pytest.mark.parametrize("name", list(_templates()))
def test_titles_keep_the_templates_alignment_over_left_lists(
        decks: dict[str, tuple[Any, Fonts]], name: str) -> None:
    """A template that centres its titles over left-aligned text (the stock PowerPoint
    design the dark fixture and the corpus templates share) keeps it: a content slide's
    title is aligned as the template aligns it (no alignment of its own), its eyebrow
    with it, and the lists and cards stay left, as the template's body style sets them."""
    prs, _ = decks[name]
    align = _master_title_align(prs)
    checked = 0
    for slide in prs.slides:
        eyebrow = next((s for s in slide.shapes if s.name == "Eyebrow"), None)
        if eyebrow is None:
            continue
        checked += 1
        title = slide.shapes.title
        for paragraph in title.text_frame.paragraphs:
            own = paragraph._p.pPr.get("algn") if paragraph._p.pPr is not None else None
            assert own in (None, align), (name, title.text, own)
        shown = {p._p.pPr.get("algn") if p._p.pPr is not None else None
                 for p in eyebrow.text_frame.paragraphs}
        assert shown <= ({align} if align != "l" else {None, "l"}), (name, shown)
        for shape in slide.shapes:
            if shape.name in BODY_SHAPES:
                assert {p._p.pPr.get("algn") for p in shape.text_frame.paragraphs} == {"l"}
    assert checked >= 4, (name, checked)
