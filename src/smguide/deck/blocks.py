"""One function per block type: the content model's blocks as native slide content.

Each builder measures its text for the slide's content area and, when it cannot fit
even at the smallest allowed size, continues on "(cont.)" slides. Sizes are in points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from smguide.deck.slides import drop_empty, title_of, too_long
from smguide.deck.textfit import Box, Fonts, Para, Span, largest_size, paginate, text_height
from smguide.deck.theme import plain_shape
from smguide.deck.write import (
    Area,
    bullet_indent,
    fill,
    md_paras,
    plain,
    spans,
    write_paras,
)
from smguide.model.guide import (
    Callout,
    Checklist,
    Comparison,
    Glossary,
    Practices,
    Questions,
    Role,
    Takeaways,
)

if TYPE_CHECKING:
    from pptx.slide import Slide

    from smguide.deck.plan import PlannedSlide
    from smguide.deck.render import DeckRenderer

BODY = (20, 14)  # base and smallest size of slide body text
CARD = (18, 12)
TABLE = (18, 12)
CELL_X, CELL_Y = 7.2, 4.0  # table cell margins, points
GAP = 228600  # a quarter inch, in EMU


def para_text(paras: Sequence[Para]) -> str:
    return " ".join(span.text for para in paras for span in para.spans)


def _fit(paras: list[Para], box: Box, fonts: Fonts, base: float, minimum: float,
         optional: int) -> tuple[int, float] | None:
    """(how many paragraphs, size): all of them at the largest size that fits, else
    fewer, leaving out up to `optional` from the end."""
    for keep in range(len(paras), max(len(paras) - optional, 1) - 1, -1):
        size = largest_size(paras[:keep], box, fonts, base, minimum)
        if size is not None:
            return keep, size
    return None


def fit_into(deck: DeckRenderer, shape: Any, paras: list[Para], base: float, minimum: float,
             planned: PlannedSlide, optional: int = 0, slide: Slide | None = None) -> list[Para]:
    """Fill `shape` at the largest size that fits; when nothing fits even at `minimum`,
    leave out up to `optional` paragraphs from the end (returned). A placeholder too small
    even for the first paragraph gives way (given the `slide`) to a text box in the
    layout's free area; when that fails too, the text is refused."""
    found = _fit(paras, deck.box_of(shape), deck.body_fonts, base, minimum, optional)
    target = shape
    if found is None and slide is not None and shape.is_placeholder:
        free = deck.pick_of(planned).free
        found = _fit(paras, free.box, deck.body_fonts, base, minimum, optional)
        if found is not None:
            target = deck.text_box(slide, free)  # the placeholder stays empty, and goes
    if found is None:
        raise too_long(deck, planned, "the text", para_text(paras), shape, minimum)
    keep, size = found
    fill(target, paras[:keep], size)
    return paras[keep:]


def add_block(deck: DeckRenderer, planned: PlannedSlide) -> None:
    block, lang, labels = planned.block, deck.guide.language, deck.guide.labels
    chapter = planned.chapter
    assert block is not None and chapter is not None
    if isinstance(block, Takeaways | Checklist | Questions):
        bullet = "#" if isinstance(block, Checklist) else "•"
        indent = bullet_indent(bullet, len(block.items))
        items = [Para(spans(item, lang), bullet=bullet, number=n, indent=indent,
                      space_before=0.45)
                 for n, item in enumerate(block.items, 1)]
        default = labels.key_takeaways if isinstance(block, Takeaways) else chapter.title
        list_slides(deck, planned, title_of(deck, planned, default), items)
    elif isinstance(block, Role):
        role_slides(deck, planned, block)
    elif isinstance(block, Comparison):
        header = ["", *block.columns]
        rows = [[row.aspect, *row.values] for row in block.rows]
        title = title_of(deck, planned, chapter.title)
        alt = (f"{plain(title, lang)}: {' / '.join(block.columns)} "
               f"({', '.join(row.aspect for row in block.rows)})")
        table_slides(deck, planned, title, header, rows, alt)
    elif isinstance(block, Glossary):
        rows = [[term.term, term.definition] for term in block.terms]
        title = title_of(deck, planned, labels.glossary)
        alt = f"{plain(title, lang)}: {', '.join(term.term for term in block.terms)}"
        table_slides(deck, planned, title, None, rows, alt)
    elif isinstance(block, Practices):
        practice_slides(deck, planned, block)
    elif isinstance(block, Callout):
        title = planned.title or block.title or block.heading or chapter.title
        list_slides(deck, planned, title, md_paras(block.text, lang))
    else:
        from smguide.deck.diagram import analogy_slide

        analogy_slide(deck, planned, block)  # type: ignore[arg-type]


# -- lists ------------------------------------------------------------------------


def list_slides(deck: DeckRenderer, planned: PlannedSlide, title: str,
                items: Sequence[Para], sizes: tuple[float, float] = BODY) -> None:
    """Paragraphs in the body placeholder, continued on more slides when they don't fit."""
    area = deck.area_of(planned)
    pages = paginate(items, lambda chunk: largest_size(_first(chunk), area.box,
                                                        deck.body_fonts, *sizes))
    if pages is None:
        alone = next((item for item in items if largest_size(
            _first([item]), area.box, deck.body_fonts, *sizes) is None), items[0])
        raise too_long(deck, planned, "one item of the list", para_text([alone]),
                       minimum=sizes[1])
    for number, page in enumerate(pages):
        slide = deck.new_slide(planned, title, number)
        fill(deck.text_target(slide, planned), _first(page.items), page.size)
        drop_empty(slide)


def _first(paras: Sequence[Para]) -> list[Para]:
    """The first paragraph of a box gets no space above it."""
    out = list(paras)
    if out and out[0].space_before:
        out[0] = replace(out[0], space_before=0.0)
    return out


# -- roles ------------------------------------------------------------------------


def _label(text: str, lang: str, space: float = 0.0) -> Para:
    return Para(tuple(Span(s.text, True, s.italic, s.href) for s in spans(text, lang)),
                scale=0.8, tone="accent2", space_before=space)


def role_slides(deck: DeckRenderer, planned: PlannedSlide, role: Role) -> None:
    """Focus and mission on the left, activities on the right; long lists continue."""
    labels, lang = deck.guide.labels, deck.guide.language
    focus = labels.short_term if role.focus == "short-term" else labels.long_term
    left_head = [_label(labels.focus, lang),
                 Para((Span(focus, bold=True),), scale=1.2, tone="accent1"),
                 *[Para(p.spans, space_before=0.6) for p in md_paras(role.mission, lang)],
                 _label(labels.skills, lang, space=1.0)]
    skills = [Para(spans(s, lang), bullet="•", indent=1.0, space_before=0.3) for s in role.skills]
    right_head = [_label(labels.activities, lang)]
    acts = [Para(spans(a, lang), bullet="•", indent=1.0, space_before=0.3)
            for a in role.activities]
    area = deck.area_of(planned)
    left_area, right_area = area.columns(2, GAP * 2)
    boxes = _two_boxes(deck, planned) or (left_area.box, right_area.box)
    columns = []
    for head, items, box in ((left_head, skills, boxes[0]), (right_head, acts, boxes[1])):
        pages = paginate(items, partial(_size_under, head, box, deck.body_fonts))
        if pages is None:
            raise too_long(deck, planned, "the role", role.name, minimum=BODY[1])
        columns.append([[*head, *page.items] for page in pages])
    size = min(_size(c, b, deck.body_fonts) for c, b in zip(columns, boxes, strict=True))
    for number in range(max(len(c) for c in columns)):
        slide = deck.new_slide(planned, title_of(deck, planned, role.name), number)
        for idx, (column, col_area) in enumerate(zip(columns, (left_area, right_area),
                                                     strict=True), 1):
            if number < len(column):
                fill(deck.text_target(slide, planned, idx - 1, col_area), column[number], size)
        drop_empty(slide)


def _size_under(head: list[Para], box: Box, fonts: Fonts, chunk: Sequence[Para]) -> float | None:
    """The largest body size at which `head` and then `chunk` fit in `box`."""
    return largest_size([*head, *chunk], box, fonts, *BODY)


def _two_boxes(deck: DeckRenderer, planned: PlannedSlide) -> tuple[Box, Box] | None:
    """The layout's two content placeholders, when it has them."""
    texts = deck.own_texts(planned)
    if len(texts) < 2:
        return None
    left, right = texts[:2]
    return Box(left.width / 12700, left.height / 12700), Box(right.width / 12700,
                                                              right.height / 12700)


def _size(pages: list[list[Para]], box: Box, fonts: Fonts) -> float:
    return min(largest_size(page, box, fonts, *BODY) or BODY[1] for page in pages)


# -- tables -----------------------------------------------------------------------


def _cell_paras(text: str, lang: str, bold: bool, tone: str | None) -> list[Para]:
    paras = md_paras(text, lang) or [Para((Span(""),))]
    if bold or tone:
        paras = [replace(p, spans=tuple(replace(s, bold=bold or s.bold) for s in p.spans),
                         tone=tone) for p in paras]
    return paras


def _row_height(cells: list[list[Para]], widths: list[float], size: float,
                fonts: Fonts) -> float:
    return max(text_height(paras, width - 2 * CELL_X, size, fonts)
               for paras, width in zip(cells, widths, strict=True)) + 2 * CELL_Y


def table_slides(deck: DeckRenderer, planned: PlannedSlide, title: str,
                 header: list[str] | None, rows: list[list[str]], alt: str) -> None:
    """A native table: header row on the primary colour, banded rows, rows continued;
    `alt` (in the guide's language) describes it to those who cannot see it."""
    lang, fonts = deck.guide.language, deck.body_fonts
    area = deck.area_of(planned)
    total = area.width / 12700
    first = 0.24 if len(rows[0]) == 3 else 0.3
    widths = [total * first] + [total * (1 - first) / (len(rows[0]) - 1)] * (len(rows[0]) - 1)
    head = [_cell_paras(h, lang, True, "bg1") for h in header] if header else None
    body = [[_cell_paras(c, lang, i == 0, "accent1" if i == 0 else "tx1")
             for i, c in enumerate(row)] for row in rows]
    limit = area.height / 12700 * 0.97

    def heights(chunk: Sequence[list[list[Para]]], size: float) -> list[float]:
        lines = [head] if head else []
        return [_row_height(cells, widths, size, fonts) for cells in [*lines, *chunk]]

    def size_for(chunk: Sequence[list[list[Para]]]) -> float | None:
        size = float(TABLE[0])
        while size >= TABLE[1]:
            if sum(heights(chunk, size)) <= limit:
                return size
            size -= 0.5
        return None

    pages = paginate(body, size_for)
    if pages is None:
        alone = next((row for row in body if size_for([row]) is None), body[0])
        raise too_long(deck, planned, "one row of the table",
                       " ".join(para_text(cell) for cell in alone), minimum=TABLE[1])
    for number, page in enumerate(pages):
        slide = deck.new_slide(planned, title, number)
        frame = _table(slide, area, widths, head, page.items, heights(page.items, page.size),
                       page.size)
        frame._element.nvGraphicFramePr.cNvPr.set("descr", alt)
        drop_empty(slide)


def _table(slide: Slide, area: Area, widths: list[float], head: list[list[Para]] | None,
           rows: Sequence[list[list[Para]]], heights: list[float], size: float) -> Any:
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.util import Emu, Pt

    lines = [head, *rows] if head else list(rows)
    frame = slide.shapes.add_table(len(lines), len(widths), Emu(area.left), Emu(area.top),
                                   Emu(area.width), Pt(sum(heights)))
    table = frame.table
    table.first_row = head is not None
    table.horz_banding = True
    for i, width in enumerate(widths):
        table.columns[i].width = Pt(width)
    for r, (cells, height) in enumerate(zip(lines, heights, strict=True)):
        table.rows[r].height = Pt(height)
        is_head = head is not None and r == 0
        band = (r - (1 if head else 0)) % 2 == 1
        for c, paras in enumerate(cells):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = Pt(CELL_X)
            cell.margin_top = cell.margin_bottom = Pt(CELL_Y)
            cell.fill.solid()
            cell.fill.fore_color.theme_color = (MSO_THEME_COLOR.ACCENT_1 if is_head else
                                                MSO_THEME_COLOR.BACKGROUND_2 if band else
                                                MSO_THEME_COLOR.BACKGROUND_1)
            _fill_cell(cell, paras, size)
    return frame


def _fill_cell(cell: Any, paras: list[Para], size: float) -> None:
    cell.text_frame.word_wrap = True
    write_paras(cell.text_frame, paras, size)


# -- practices ----------------------------------------------------------------------


def _practice(practice: Any, lang: str, labels: Any) -> list[Para]:
    def line(label: str, text: str) -> Para:
        return Para((Span(f"{label}: ", bold=True), *spans(text, lang)), space_before=0.5)

    return [Para(tuple(Span(s.text, True, s.italic, s.href) for s in spans(practice.title, lang)),
                 scale=1.15, tone="accent1"),
            line(labels.what, practice.what), line(labels.why, practice.why)]


def _grid(area: Area, count: int) -> list[Area]:
    """Card positions: two columns from two cards on, rows as needed."""
    cols = 1 if count == 1 else 2
    rows = -(-count // cols)
    cells = [col for row in area.rows(rows, GAP) for col in row.columns(cols, GAP)]
    return cells[:count]


def practice_slides(deck: DeckRenderer, planned: PlannedSlide, block: Practices) -> None:
    """Each practice a card (title, what, why); four to a slide at most, then continued."""
    labels, lang, fonts = deck.guide.labels, deck.guide.language, deck.body_fonts
    area = deck.area_of(planned)
    cards = [_practice(p, lang, labels) for p in block.items]
    pad = Box(0, 0, 10.8, 9.0)

    def size_for(chunk: Sequence[list[Para]]) -> float | None:
        if len(chunk) > 4:
            return None
        sizes = [largest_size(card, Box(cell.box.width, cell.box.height, pad.inset_x,
                                        pad.inset_y), fonts, *CARD)
                 for card, cell in zip(chunk, _grid(area, len(chunk)), strict=True)]
        return None if None in sizes else min(s for s in sizes if s is not None)

    pages = paginate(cards, size_for)
    if pages is None:
        alone = next((card for card in cards if size_for([card]) is None), cards[0])
        raise too_long(deck, planned, "one practice", para_text(alone), minimum=CARD[1])
    title = title_of(deck, planned, deck.guide.chapters[0].title)
    for number, page in enumerate(pages):
        slide = deck.new_slide(planned, title, number)
        for card, cell in zip(page.items, _grid(area, len(page.items)), strict=True):
            _card(slide, cell, card, page.size, pad)
        drop_empty(slide)


def _card(slide: Slide, cell: Area, paras: list[Para], size: float, pad: Box) -> None:
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Emu, Pt

    shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Emu(cell.left), Emu(cell.top),
                                   Emu(cell.width), Emu(cell.height))
    shape.adjustments[0] = 0.06
    shape.fill.solid()
    shape.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
    shape.line.fill.background()
    plain_shape(shape)
    fill(shape, [p if p.tone else replace(p, tone="tx1") for p in paras], size)
    frame = shape.text_frame
    frame.margin_left = frame.margin_right = Pt(pad.inset_x)
    frame.margin_top = frame.margin_bottom = Pt(pad.inset_y)
    frame.vertical_anchor = MSO_ANCHOR.TOP
