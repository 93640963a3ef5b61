"""One function per block type: the content model's blocks as native slide content.

Each builder measures its text for the slide's content area. A slide holds at most
MAX_WORDS words and its text at its family's base size; what does not fit continues on
"(cont.)" slides (split rather than shrink: only a single item too long for a slide of
its own is made smaller, never below the family's minimum). Siblings share one size
(DeckContext.unify). Sizes are in points.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from smguide.deck.slides import drop_empty, title_of, too_long
from smguide.deck.textfit import Box, Fonts, Para, Span, largest_size, paginate, text_height
from smguide.deck.theme import NS, plain_shape
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
    Prose,
    Questions,
    Role,
    Takeaways,
)

if TYPE_CHECKING:
    from pptx.slide import Slide

    from smguide.deck.context import DeckContext
    from smguide.deck.plan import PlannedSlide

# the type scale: (base, smallest); body text never below 18 pt, labels (0.8) 14.4 pt
BODY = (24, 18)  # lists
DENSE = (20, 18)  # cards, table cells
COLUMNS = (22, 18)  # two columns side by side (a role)
ONE_SLIDE = 18  # a role's columns may come down to this to stay on one slide
CELL_X, CELL_Y = 7.2, 4.0  # table cell margins, points
GAP = 228600  # a quarter inch, in EMU
MAX_WORDS = 65  # "about 60" on one content slide; the rest continues, or goes to the notes
TABLE_WORDS = 80  # a table is read across its rows: a little more, so rows stay together


def words(paras: Sequence[Para]) -> int:
    return sum(len("".join(s.text for s in p.spans).split()) for p in paras)


def sentences(paras: Sequence[Para]) -> list[str]:
    """Paragraphs as the plain lines of speaker notes, each ending as a sentence does."""
    return [spoken(text) for p in paras if (text := "".join(s.text for s in p.spans).strip())]


def spoken(text: str) -> str:
    """`text` ending as a sentence (a bullet's fragment gets its full stop)."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…:;\"”“»«" else f"{text}."


def listed(label: str, items: Sequence[Para]) -> str:
    """A column of fragments said as one sentence: "What they do: this; that; more." """
    parts = ["".join(s.text for s in p.spans).strip().rstrip(".") for p in items]
    return spoken(f"{label}: {'; '.join(part for part in parts if part)}") if parts else ""


def split_first(fit: Callable[[Sequence[Any]], float | None], base: float,
                count: Callable[[Sequence[Any]], int], most: int = MAX_WORDS,
                whole: int = 0) -> Callable[[Sequence[Any]], float | None]:
    """A `size_for` for paginate that splits rather than shrinks: a chunk of several items
    must fit at `base` within MAX_WORDS; a single item, and the whole block (`whole`
    items: one full slide reads better than two half-empty ones), may shrink to the
    family's minimum."""
    def size_for(chunk: Sequence[Any]) -> float | None:
        if len(chunk) > 1 and count(chunk) > most:
            return None
        size = fit(chunk)
        if size is not None and 1 < len(chunk) != whole and size < base:
            return None
        return size
    return size_for


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


def fit_into(deck: DeckContext, shape: Any, paras: list[Para], base: float, minimum: float,
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


def _list_items(items: Sequence[str], bullet: str, lang: str) -> list[Para]:
    indent = bullet_indent(bullet, len(items))
    return [Para(spans(item, lang), bullet=bullet, number=n, indent=indent, space_before=0.45)
            for n, item in enumerate(items, 1)]


def _authored(text: str, lang: str, bullet: str = "•") -> list[Para]:
    """What the author wrote for the slide: its list items as bullets, else paragraphs."""
    paras = md_paras(text, lang)
    return [replace(p, bullet=bullet if p.bullet == "•" else p.bullet, space_before=0.45
                    if p.bullet else p.space_before) for p in paras]


def add_block(deck: DeckContext, planned: PlannedSlide) -> None:
    block, lang, labels = planned.block, deck.guide.language, deck.guide.labels
    typo = deck.guide.typography
    chapter = planned.chapter
    assert block is not None and chapter is not None
    if isinstance(block, Takeaways | Checklist | Questions):
        bullet = "#" if isinstance(block, Checklist) else "•"
        items = _list_items(block.items, bullet, lang)
        default = labels.key_takeaways if isinstance(block, Takeaways) else chapter.title
        title = title_of(deck, planned, default)
        panel = isinstance(block, Takeaways)
        if block.slide:  # the author's slide text; every item stays in the notes
            list_slides(deck, planned, title, _authored(block.slide, lang, bullet),
                        extra=sentences(items), panel=panel)
        else:
            list_slides(deck, planned, title, items, panel=panel)
    elif isinstance(block, Role):
        role_slides(deck, planned, block)
    elif isinstance(block, Comparison):
        header = ["", *block.columns]
        rows = [[row.aspect, *row.values] for row in block.rows]
        title = title_of(deck, planned, chapter.title)
        alt = (f"{typo.colon(plain(title, lang))} {' / '.join(block.columns)} "
               f"({', '.join(row.aspect for row in block.rows)})")
        table_slides(deck, planned, title, header, rows, alt)
    elif isinstance(block, Glossary):
        rows = [[term.term, term.definition] for term in block.terms]
        title = title_of(deck, planned, labels.glossary)
        alt = typo.pair(plain(title, lang), ", ".join(term.term for term in block.terms))
        table_slides(deck, planned, title, None, rows, alt)
    elif isinstance(block, Practices):
        practice_slides(deck, planned, block)
    elif isinstance(block, Callout | Prose):
        heading = block.title if isinstance(block, Callout) else None
        title = planned.title or heading or block.heading or chapter.title
        if block.slide:
            list_slides(deck, planned, title, _authored(block.slide, lang),
                        extra=sentences(md_paras(block.text, lang)))
        else:
            list_slides(deck, planned, title, md_paras(block.text, lang))
    else:
        from smguide.deck.diagram import analogy_slide

        analogy_slide(deck, planned, block)  # type: ignore[arg-type]


# -- lists ------------------------------------------------------------------------


PANEL_X, PANEL_Y = 21.6, 14.4  # the takeaways panel's padding, points
RULE = 0.06  # the accent rule along its top, inches


def list_slides(deck: DeckContext, planned: PlannedSlide, title: str,
                items: Sequence[Para], sizes: tuple[float, float] = BODY,
                said: Sequence[str] | None = None, extra: Sequence[str] = (),
                panel: bool = False) -> None:
    """Paragraphs in the body placeholder, continued on more slides when they don't fit
    at the base size or pass MAX_WORDS. Each slide's default notes are its own items
    (`said`, one line per item, else their text); `extra` (what the slide leaves out)
    goes to the first slide's notes. `panel`: on the handbook's takeaways panel (a light
    panel with an accent rule along its top)."""
    area = deck.area_of(planned)
    lines = list(said) if said is not None else sentences(items)
    index = {id(item): n for n, item in enumerate(items)}
    room = Box(area.width / 12700, area.height / 12700, PANEL_X, PANEL_Y) if panel else area.box
    fit = split_first(lambda chunk: largest_size(_first(chunk), room, deck.body_fonts,
                                                 *sizes), sizes[0], words, whole=len(items))
    pages = paginate(items, fit)
    if pages is None:
        alone = next((item for item in items if largest_size(
            _first([item]), room, deck.body_fonts, *sizes) is None), items[0])
        raise too_long(deck, planned, "one item of the list", para_text([alone]),
                       minimum=sizes[1])
    for number, page in enumerate(pages):
        own = [lines[index[id(item)]] for item in page.items if index[id(item)] < len(lines)]
        slide = deck.new_slide(planned, title, number, said="\n".join(own),
                               extra="\n".join(extra) if number == 0 else "",
                               pages=len(pages))
        target = deck.text_target(slide, planned)
        deck.fill_family("list", target, _first(page.items), page.size)
        if panel:
            _panel(deck, slide, target, _first(page.items), page.size)
        drop_empty(slide)


def _panel(deck: DeckContext, slide: Slide, target: Any, paras: list[Para],
           size: float) -> None:
    """The takeaways panel behind `target`'s text: as tall as the text needs, light,
    with the accent rule along its top, as in the handbook."""
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Emu, Inches, Pt

    frame = target.text_frame
    frame.margin_left = frame.margin_right = Pt(PANEL_X)
    frame.margin_top = frame.margin_bottom = Pt(PANEL_Y)
    left, top, width = target.left, target.top, target.width
    inner = width / 12700 - 2 * PANEL_X
    need = Pt(text_height(paras, inner, size, deck.body_fonts) + 2 * PANEL_Y + size * 0.4)
    height = min(target.height, need)
    shapes = []
    for name, box, colour in (("Takeaways panel", (left, top, width, height),
                               MSO_THEME_COLOR.BACKGROUND_2),
                              ("Takeaways rule", (left, top, width, Inches(RULE)),
                               MSO_THEME_COLOR.ACCENT_2)):
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(Emu(v) for v in box))
        shape.name = name
        shape.fill.solid()
        shape.fill.fore_color.theme_color = colour
        shape.line.fill.background()
        plain_shape(shape)
        inner = shape.text_frame  # empty: no insets to outgrow a thin rule
        inner.margin_left = inner.margin_right = inner.margin_top = inner.margin_bottom = 0
        shapes.append(shape)
    for shape in shapes:  # behind the text
        target._element.addprevious(shape._element)


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


HEADER = 0.75  # the role card's coloured header, inches


def role_slides(deck: DeckContext, planned: PlannedSlide, role: Role) -> None:
    """The handbook's role card: a header in the primary colour with the role's name and
    time horizon, then what they do and what it takes in two columns; the mission is
    said (the notes), and long columns continue on another card."""
    from pptx.util import Emu

    labels, lang, fonts = deck.guide.labels, deck.guide.language, deck.body_fonts
    focus = labels.short_term if role.focus == "short-term" else labels.long_term
    columns_head = ([_label(labels.activities, lang)], [_label(labels.skills, lang)])
    lists = ([Para(spans(a, lang), bullet="•", indent=1.0, space_before=0.3)
              for a in role.activities],
             [Para(spans(s, lang), bullet="•", indent=1.0, space_before=0.3)
              for s in role.skills])
    area = _both_columns(deck, planned)
    header_h = round(HEADER * 914400)
    inner = Area(area.left, area.top + header_h + GAP // 2, area.width,
                 area.height - header_h - GAP // 2)
    boxes = [c.box for c in inner.columns(2, GAP * 2)]
    pages = _column_pages(lists, columns_head, boxes, fonts)
    if pages is None:
        raise too_long(deck, planned, "the role", role.name, minimum=COLUMNS[1])
    mission = sentences(md_paras(role.mission, lang))
    for number, (size, chunks) in enumerate(pages):
        said = [listed(label, chunk) for label, chunk in
                ((labels.activities, chunks[0]), (labels.skills, chunks[1])) if chunk]
        slide = deck.new_slide(planned, title_of(deck, planned, role.name), number,
                               said="\n".join(said),
                               extra="\n".join(mission) if number == 0 else "",
                               pages=len(pages))
        _role_header(deck, slide, area, header_h, role.name,
                     deck.guide.typography.pair(labels.focus, focus))
        for n, column in enumerate(inner.columns(2, GAP * 2)):
            paras = [*columns_head[n], *chunks[n]]
            box = slide.shapes.add_textbox(Emu(column.left), Emu(column.top),
                                           Emu(column.width), Emu(column.height))
            box.name = "Activities" if n == 0 else "Skills"
            deck.fill_family("role", box, paras, size)
        drop_empty(slide)


def _both_columns(deck: DeckContext, planned: PlannedSlide) -> Area:
    """The card's area: across the layout's two content placeholders when it has them,
    else its content area."""
    bodies = deck.pick_of(planned).texts[:2]
    if len(bodies) < 2:
        return deck.area_of(planned)
    left = min(ph.left for ph in bodies)
    top = min(ph.top for ph in bodies)
    right = max(ph.left + ph.width for ph in bodies)
    bottom = max(ph.top + ph.height for ph in bodies)
    return Area(left, top, right - left, bottom - top)


def _column_pages(lists: tuple[list[Para], list[Para]], heads: tuple[list[Para], list[Para]],
                  boxes: list[Box], fonts: Fonts
                  ) -> list[tuple[float, tuple[list[Para], list[Para]]]] | None:
    """The fewest slides over which both columns run side by side: each column cut into
    that many equal parts, every slide's items within MAX_WORDS; one slide down to
    ONE_SLIDE (a step below the base size: one full card reads better than two
    half-empty ones), a continued card down to the minimum (one continuation slide
    rather than a third)."""
    most = max(len(items) for items in lists)
    for count in range(1, most + 1):
        parts = [[items[i * -(-len(items) // count):(i + 1) * -(-len(items) // count)]
                  for i in range(count)] for items in lists]
        pages = []
        for left, right in zip(*parts, strict=True):
            sizes = [largest_size([*heads[n], *chunk], boxes[n], fonts, *COLUMNS)
                     for n, chunk in enumerate((left, right))]
            single = len(left) <= 1 and len(right) <= 1
            if None in sizes or (not single and (
                    (count == 1 and min(s for s in sizes if s) < ONE_SLIDE)
                    or words([*left, *right]) > MAX_WORDS)):
                break
            pages.append((min(s for s in sizes if s), (left, right)))
        else:
            common = min(size for size, _ in pages)
            return [(common, chunks) for _, chunks in pages]
    return None


def _role_header(deck: DeckContext, slide: Slide, area: Area, height: int, name: str,
                 focus: str) -> None:
    """The card's header: the role's name (bold) and its time horizon, on the primary
    colour, as in the handbook."""
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Emu

    lang = deck.guide.language
    shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Emu(area.left),
                                   Emu(area.top), Emu(area.width), Emu(height))
    shape.name = "Role header"
    shape.adjustments[0] = 0.12
    shape.fill.solid()
    shape.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    shape.line.fill.background()
    plain_shape(shape)
    line = Para((*(Span(s.text, True, s.italic) for s in spans(name, lang)),
                 Span("   ·   "), *spans(focus, lang)), tone="bg1")
    box = Box(area.width / 12700, height / 12700, 14.4, 3.6)
    size = largest_size([line], box, deck.body_fonts, 24, 18) or 18
    deck.fill_family("role header", shape, [line], size)
    frame = shape.text_frame
    frame.margin_left = frame.margin_right = 182880
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE


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


def table_slides(deck: DeckContext, planned: PlannedSlide, title: str,
                 header: list[str] | None, rows: list[list[str]], alt: str) -> None:
    """A native table: header row on the primary colour, banded rows, rows continued;
    `alt` (in the guide's language) describes it to those who cannot see it."""
    lang, fonts, typo = deck.guide.language, deck.body_fonts, deck.guide.typography
    area = deck.area_of(planned)
    total = area.width / 12700
    share = {2: 0.3, 3: 0.24, 4: 0.2}.get(len(rows[0]), 0.17)  # the first column's share
    longest = max((fonts.bold.width(word, DENSE[0]) for row in rows
                   for word in plain(row[0], lang).split()), default=0.0)
    first = min(max(total * share, longest + 2 * CELL_X + 2), total * 0.45)
    head = [_cell_paras(h, lang, True, "bg1") for h in header] if header else None
    label = deck.readable("accent1", "bg2", large=True)  # on the shaded rows too
    body = [[_cell_paras(c, lang, i == 0, label if i == 0 else "tx1")
             for i, c in enumerate(row)] for row in rows]
    # each column's longest word at 1 pt: a long compound ("Voorraadnauwkeurigheid")
    # is never broken inside when a size or a share of the width keeps it whole
    lines = [head, *body] if head else body
    words_at_1 = [max((fonts.face(span.bold, span.italic).width(word, 1.0)
                       for cells in lines for para in cells[c] for span in para.spans
                       for word in span.text.split()), default=0.0)
                  for c in range(len(rows[0]))]
    widths = _value_widths(first, total, words_at_1[1:], float(DENSE[0]))
    if widths[1:] == _value_widths(first, total, [0.0] * (len(widths) - 1), 1.0)[1:]:
        widths = _value_widths(first, total, words_at_1[1:], float(DENSE[1]))
    limit = area.height / 12700 * 0.97

    def heights(chunk: Sequence[list[list[Para]]], size: float) -> list[float]:
        lines = [head] if head else []
        return [_row_height(cells, widths, size, fonts) for cells in [*lines, *chunk]]

    def whole(size: float) -> bool:
        return all(word * size <= width - 2 * CELL_X
                   for word, width in zip(words_at_1, widths, strict=True))

    def fit(chunk: Sequence[list[list[Para]]]) -> float | None:
        """The largest size that fits, preferring one at which no word is broken (for
        rows together, only the full size: rows are split onto slides, never shrunk)."""
        sizes = [DENSE[0] - step / 2 for step in range(2 * (DENSE[0] - DENSE[1]) + 1)]
        for size in sizes[:1] if len(chunk) > 1 else sizes:
            if whole(size) and sum(heights(chunk, size)) <= limit:
                return size
        return next((size for size in sizes if sum(heights(chunk, size)) <= limit), None)

    def count(chunk: Sequence[list[list[Para]]]) -> int:
        return sum(words(cell) for row in chunk for cell in row)

    pages = paginate(body, split_first(fit, DENSE[0], count, TABLE_WORDS, whole=len(body)))
    if pages is None:
        alone = next((row for row in body if fit([row]) is None), body[0])
        raise too_long(deck, planned, "one row of the table",
                       " ".join(para_text(cell) for cell in alone), minimum=DENSE[1])
    for number, page in enumerate(pages):
        said = []
        for row in page.items:
            # one sentence a row: "Aspect. Column: value; Column: value." (no "..")
            cells = [" ".join(sentences(cell)).rstrip(".") for cell in row]
            named = [typo.pair(h, c) for h, c in zip(header[1:], cells[1:], strict=True)] \
                if header else cells[1:]
            said.append(f"{spoken(cells[0])} " + f"{typo.punct(';')} ".join(named) + ".")
        slide = deck.new_slide(planned, title, number, said="\n".join(said), pages=len(pages))
        frame = _table(slide, area, widths, head, page.items,
                       _airy(heights(page.items, page.size), head is not None, limit,
                             len(pages) > 1), page.size)
        frame._element.nvGraphicFramePr.cNvPr.set("descr", alt)
        drop_empty(slide)


def _value_widths(first: float, total: float, longest: list[float], size: float
                  ) -> list[float]:
    """Column widths: the first column's, then the value columns sharing the rest
    equally, except that a column whose longest word (at 1 pt, `longest`) would not fit
    at `size` gets the width it needs, taken from the others while they keep theirs."""
    room = total - first
    need = [word * size + 2 * CELL_X + 1 for word in longest]
    widths = [room / len(need)] * len(need)
    if sum(need) > room or all(n <= w for n, w in zip(need, widths, strict=True)):
        return [first, *widths]
    fixed = {i for i, n in enumerate(need) if n > room / len(need)}
    while True:
        share = (room - sum(need[i] for i in fixed)) / (len(need) - len(fixed))
        more = {i for i, n in enumerate(need) if i not in fixed and n > share}
        if not more:
            break
        fixed |= more
    return [first, *(need[i] if i in fixed else share for i in range(len(need)))]


ROW_GROWTH = 0.6  # a continued table's rows may grow by this share of their height


def _airy(heights: list[float], head: bool, limit: float, continued: bool) -> list[float]:
    """Row heights with a continued table's spare room shared out over its body rows
    (each up to ROW_GROWTH more, text centred in it), so its slides are not half empty."""
    body = heights[1:] if head else heights
    spare = limit - sum(heights)
    if not continued or spare <= 0 or not body:
        return heights
    extra = [min(spare / len(body), height * ROW_GROWTH) for height in body]
    grown = [height + more for height, more in zip(body, extra, strict=True)]
    return [heights[0], *grown] if head else grown


def _table(slide: Slide, area: Area, widths: list[float], head: list[list[Para]] | None,
           rows: Sequence[list[list[Para]]], heights: list[float], size: float) -> Any:
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Emu, Pt

    lines = [head, *rows] if head else list(rows)
    frame = slide.shapes.add_table(len(lines), len(widths), Emu(area.left), Emu(area.top),
                                   Emu(area.width), Pt(sum(heights)))
    table = frame.table
    table.first_row = head is not None
    table.horz_banding = True
    props = table._tbl.tblPr
    assert props is not None  # python-pptx writes it with its default style
    props.find(f"{{{NS['a']}}}tableStyleId").text = table_style(
        slide.part.package.presentation_part)
    for i, width in enumerate(widths):
        table.columns[i].width = Pt(width)
    for r, (cells, height) in enumerate(zip(lines, heights, strict=True)):
        table.rows[r].height = Pt(height)
        for c, paras in enumerate(cells):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = Pt(CELL_X)
            cell.margin_top = cell.margin_bottom = Pt(CELL_Y)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            _fill_cell(cell, paras, size)
    return frame


TABLE_STYLE = "{8E4B1D2A-5C3F-4E7B-9A61-2D0C7F3B5E19}"  # smguide's, in ppt/tableStyles.xml


def table_style(presentation: Any) -> str:
    """The deck's table style (added to ppt/tableStyles.xml once): the header row on the
    primary colour in the background colour, bold; every second row a shade of the
    background; no other fills or borders, so the table follows the theme (light or
    dark) and a user can restyle it from PowerPoint's Table Design tab."""
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = presentation.part_related_by(RT.TABLE_STYLES)
    root = etree.fromstring(part.blob)
    a = NS["a"]
    if any(s.get("styleId") == TABLE_STYLE for s in root.iter(f"{{{a}}}tblStyle")):
        return TABLE_STYLE
    tint = "bg2"

    def cells(name: str, colour: str | None, text: str | None, bold: bool) -> str:
        fill = (f'<a:fill><a:solidFill><a:schemeClr val="{colour}"/></a:solidFill></a:fill>'
                if colour else "")
        words = (f'<a:tcTxStyle{" b=" + chr(34) + "on" + chr(34) if bold else ""}>'
                 f'<a:fontRef idx="minor"><a:prstClr val="black"/></a:fontRef>'
                 f'<a:schemeClr val="{text}"/></a:tcTxStyle>') if text else ""
        lines = "".join(f"<a:{side}><a:ln><a:noFill/></a:ln></a:{side}>"
                        for side in ("left", "right", "top", "bottom", "insideH", "insideV"))
        return (f"<a:{name}>{words}<a:tcStyle><a:tcBdr>{lines}</a:tcBdr>{fill}</a:tcStyle>"
                f"</a:{name}>")

    style = etree.fromstring(
        f'<a:tblStyle xmlns:a="{a}" styleId="{TABLE_STYLE}" styleName="smguide">'
        f'{cells("wholeTbl", None, "tx1", False)}{cells("band2H", tint, None, False)}'
        f'{cells("firstRow", "accent1", "bg1", True)}</a:tblStyle>')
    root.append(style)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return TABLE_STYLE


def _fill_cell(cell: Any, paras: list[Para], size: float) -> None:
    cell.text_frame.word_wrap = True
    write_paras(cell.text_frame, paras, size)


# -- practices ----------------------------------------------------------------------


def _practice(practice: Any, lang: str, tone: str) -> list[Para]:
    """A card: the practice's title (in `tone`) and what it is (its `slide:` line when it
    has one); why it matters is said (notes)."""
    return [Para(tuple(Span(s.text, True, s.italic, s.href) for s in spans(practice.title, lang)),
                 scale=1.15, tone=tone),
            Para(spans(practice.slide or practice.what, lang), space_before=0.4)]


def _grid(area: Area, count: int) -> list[Area]:
    """Card positions: one card or two stacked full width, four in two columns."""
    cols = 1 if count <= 2 else 2
    rows = -(-count // cols)
    cells = [col for row in area.rows(rows, GAP) for col in row.columns(cols, GAP)]
    return cells[:count]


def practice_slides(deck: DeckContext, planned: PlannedSlide, block: Practices) -> None:
    """Each practice a card (its title and what it is); as many to a slide as MAX_WORDS
    allows at the card size, then continued. Why each one matters goes to the notes."""
    labels, lang, fonts = deck.guide.labels, deck.guide.language, deck.body_fonts
    area = deck.area_of(planned)
    tone = deck.readable("accent1", "bg2", large=True)  # the card's title on its fill
    cards = [_practice(p, lang, tone) for p in block.items]
    typo = deck.guide.typography
    why = {id(card): f"{typo.pair(plain(p.title, lang), plain(p.what, lang))} "
                     f"{typo.pair(labels.why, plain(p.why, lang))}"
           for card, p in zip(cards, block.items, strict=True)}
    pad = Box(0, 0, 14.4, 10.8)

    def fit(chunk: Sequence[list[Para]]) -> float | None:
        if len(chunk) > 4:
            return None
        sizes = [largest_size(card, Box(cell.box.width, cell.box.height, pad.inset_x,
                                        pad.inset_y), fonts, *DENSE)
                 for card, cell in zip(chunk, _grid(area, len(chunk)), strict=True)]
        return None if None in sizes else min(s for s in sizes if s is not None)

    pages = paginate(cards, split_first(fit, DENSE[0],
                                        lambda chunk: sum(words(c) for c in chunk),
                                        whole=len(cards)))
    if pages is None:
        alone = next((card for card in cards if fit([card]) is None), cards[0])
        raise too_long(deck, planned, "one practice", para_text(alone), minimum=DENSE[1])
    title = title_of(deck, planned, deck.guide.chapters[0].title)
    for number, page in enumerate(pages):
        slide = deck.new_slide(planned, title, number,
                               extra="\n".join(why[id(card)] for card in page.items),
                               pages=len(pages))
        for card, cell in zip(page.items, _snug(area, page.items, page.size, pad, fonts),
                              strict=True):
            _card(deck, slide, cell, card, page.size, pad)
        drop_empty(slide)


def _snug(area: Area, cards: Sequence[list[Para]], size: float, pad: Box,
          fonts: Fonts) -> list[Area]:
    """The grid's cells, each row only as tall as its tallest card needs (at `size`, plus
    a line to spare), so no card is two-thirds empty; rows stay a gap apart."""
    cells = _grid(area, len(cards))
    cols = 1 if len(cards) <= 2 else 2
    out: list[Area] = []
    top = area.top
    for row in range(0, len(cards), cols):
        row_cells = cells[row:row + cols]
        need = max(text_height(card, cell.width / 12700 - 2 * pad.inset_x, size, fonts)
                   for card, cell in zip(cards[row:row + cols], row_cells, strict=True))
        height = min(row_cells[0].height, round((need + 2 * pad.inset_y + size) * 12700))
        out += [Area(cell.left, top, cell.width, height) for cell in row_cells]
        top += height + GAP
    return out


def _card(deck: DeckContext, slide: Slide, cell: Area, paras: list[Para], size: float,
          pad: Box) -> None:
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Emu, Pt

    shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Emu(cell.left), Emu(cell.top),
                                   Emu(cell.width), Emu(cell.height))
    shape.name = "Card"
    shape.adjustments[0] = 0.06
    shape.fill.solid()
    shape.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
    shape.line.fill.background()
    plain_shape(shape)
    deck.fill_family("cards", shape, [p if p.tone else replace(p, tone="tx1") for p in paras],
                     size)
    frame = shape.text_frame
    frame.margin_left = frame.margin_right = Pt(pad.inset_x)
    frame.margin_top = frame.margin_bottom = Pt(pad.inset_y)
    frame.vertical_anchor = MSO_ANCHOR.TOP
