"""A comparison or glossary block's slides: a native table in smguide's table style,
its columns sized to their text (tablecolumns), continued with its header row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from smguide.deck.fitting import (
    BODY,
    DENSE,
    MAX_WORDS,
    TABLE_WORDS,
    WHOLE_TABLE_WORDS,
    para_text,
    sentences,
    split_first,
    spoken,
    words,
)
from smguide.deck.linebreaks import broken, last_word_alone, short_word
from smguide.deck.oxml import NS
from smguide.deck.slides import drop_empty, too_long
from smguide.deck.tablecolumns import cell_x, cell_y, column_widths, names_whole, value_widths
from smguide.deck.tablestyle import table_style
from smguide.deck.textfit import (
    Fonts,
    Page,
    Para,
    Span,
    balanced_lines,
    line_count,
    on_scale,
    paginate,
    text_height,
)
from smguide.deck.typescale import DENSE_TEXT, LIST_TEXT
from smguide.deck.write import (
    Area,
    md_paras,
    typed_spans,
    write_paras,
)
from smguide.sources.markdown import Writing

if TYPE_CHECKING:
    from pptx.slide import Slide

    from smguide.deck.context import DeckContext
    from smguide.deck.plan import PlannedSlide
    from smguide.model.typography import Typography

LABEL_CONTRAST = 4.6  # a lightened row label's on both rows' fills: 4.5:1 with a margin


def _cell_paras(text: str, lang: Writing, bold: bool, tone: str | None) -> list[Para]:
    """A cell's paragraphs; the bold ones (the header and the first column: the columns'
    names, a row's aspect, a term) are plain-text fields, the rest Markdown."""
    paras = ([Para(typed_spans(text, lang))] if bold else md_paras(text, lang)) or \
        [Para((Span(""),))]
    if bold or tone:
        paras = [replace(p, spans=tuple(replace(s, bold=bold or s.bold) for s in p.spans),
                         tone=tone) for p in paras]
    return paras


def _row_tones(deck: DeckContext, planned: PlannedSlide) -> tuple[tuple[str, str], ...]:
    """(first cell's, other cells') colours of the unshaded and the shaded rows: on the
    slide's own background (a template's picture, say) and on its shade (bg2). The row
    labels are one colour on every row, at 4.5:1 on both fills whatever their size: the
    primary where it reads on both, else the primary lightened until it does with a
    margin for the clients' rounding of a lightened colour (a dark deck's green), else
    the theme's second text colour or the text colour that reads on both. Where no colour
    reads on both (a light picture behind dark shaded rows), each row's labels take the
    colour that reads on its own fill."""
    behind = deck.tones.behind(deck.pick_of(planned).layout)
    shade = deck.tones.colours().get("bg2")
    both = (*behind, shade) if shade else behind
    label = "accent1" if (deck.tones.worst("accent1", both) or 0) >= 4.5 else \
        deck.tones.lightened("accent1", both, LABEL_CONTRAST) or \
        deck.tones.readable("accent1", both)
    one = (deck.tones.worst(label, both) or 0) >= 4.5
    return tuple((label if one else deck.tones.readable("accent1", on),
                  deck.tones.readable("tx1", on)) for on in (behind, "bg2"))


def _toned(row: list[list[Para]], tones: tuple[str, str]) -> list[list[Para]]:
    """A body row's cells with its first cell's text in `tones[0]`, the others' in
    `tones[1]` (the colours that read on the row's fill)."""
    return [[replace(p, tone=tones[0] if c == 0 else tones[1]) for p in cell]
            for c, cell in enumerate(row)]


def _row_height(cells: list[list[Para]], widths: list[float], size: float,
                fonts: Fonts) -> float:
    return max(text_height(paras, width - 2 * cell_x(size), size, fonts)
               for paras, width in zip(cells, widths, strict=True)) + 2 * cell_y(size)


def table_slides(deck: DeckContext, planned: PlannedSlide, title: str,
                 header: list[str] | None, rows: list[list[str]], alt: str,
                 extra: str = "") -> None:
    """A native table: header row on the primary colour, banded rows, rows continued;
    `alt` (in the guide's language) describes it to those who cannot see it; `extra`
    (what the slides leave out) is said on the first."""
    lang, fonts, own = deck.lang, deck.body_fonts, deck.own_body_fonts
    area = deck.edge_area(planned)  # the table's edges where the title's text starts
    # the header's text on the primary colour at 4.5:1 (a dark deck's: its light text)
    head = [_cell_paras(h, lang, True, deck.tones.readable("bg1", "accent1")) for h in header] \
        if header else None
    tones = _row_tones(deck, planned)
    body = [[_cell_paras(c, lang, i == 0, tones[0][0] if i == 0 else tones[0][1])
             for i, c in enumerate(row)] for row in rows]
    lines = [head, *body] if head else body
    limit = area.height / 12700 * 0.97
    best = min(_layouts(head, body, rows, lines, area.width / 12700, limit, fonts, own,
                        lang), key=_preferred)
    widths, heights, pages = best.widths, best.heights, best.pages
    if pages is None:
        alone = next((row for row in body if best.fit([row]) is None), body[0])
        raise too_long(deck, planned, "one row of the table",
                       " ".join(para_text(cell) for cell in alone), minimum=DENSE[1])
    # a later slide: the table's title, marked as continued in the guide's words
    # ("Deals now, or trust over time (continued)"): its rows are named in its first
    # column, so a title listing them said them twice
    continues: list[str | None] = [None] * len(pages)
    if deck.fitting:
        return deck.fit_pages(planned, title, continues)
    for number, page in enumerate(pages):
        said = _said(page.items, header, deck.guide.typography)
        slide = deck.new_slide(planned, title, number, said=said, pages=len(pages),
                               continues=continues[number], extra="" if number else extra)
        items = [_toned(row, tones[n % 2]) for n, row in enumerate(page.items)]
        frame = _table(slide, area, widths, head, items,
                       _airy(heights(page.items, page.size), head is not None, limit),
                       page.size, fonts, deck.own_body_fonts)
        frame._element.nvGraphicFramePr.cNvPr.set("descr", alt)
        lines = [head, *items] if head else items
        deck.scale.add(LIST_TEXT if page.size >= BODY[0] else DENSE_TEXT, page.size,
                       partial(_refill, frame.table, lines, widths, fonts,
                               deck.own_body_fonts))
        drop_empty(slide)


def _layouts(head: list[list[Para]] | None, body: list[list[list[Para]]],
             rows: list[list[str]], lines: list[Any], total: float, limit: float,
             fonts: Fonts, own: Fonts, lang: Writing) -> list[_Layout]:
    """The column widths tried, the compared columns sharing the rest equally."""
    # the row names whole in the first column where that costs no slide, no size and no
    # value cell a third line; else as narrow as their words allow
    words_at_1, widths = column_widths(total, rows, lines, fonts, lang, names=False)
    layouts = [_Layout(head, body, *column_widths(total, rows, lines, fonts, lang), limit,
                       fonts, own), _Layout(head, body, words_at_1, widths, limit, fonts, own)]
    tight = words_at_1[0] * BODY[0] + 2 * cell_x(BODY[0]) + 2  # the longest name's word whole
    if tight < widths[0]:
        layouts.append(_Layout(head, body, words_at_1, value_widths(
            tight, total, words_at_1[1:], float(DENSE[0])), limit, fonts, own))
    # the first column just wide enough for one name or another whole at the lists' size
    # or the cells' (the longest word never broken at it), the compared columns the
    # wider for it
    tried = {widths[0], tight}
    for size in BODY[0], DENSE[0]:
        least = words_at_1[0] * size + 2 * cell_x(size) + 2
        for named in sorted({max(width, least) for width in names_whole(
                total, rows, fonts, lang, size)}):
            if named < layouts[0].widths[0] and named not in tried:
                tried.add(named)
                layouts.append(_Layout(head, body, words_at_1, value_widths(
                    named, total, words_at_1[1:], float(DENSE[0])), limit, fonts, own))
    return layouts


class _Layout:
    """A table's rows on slides at column `widths`: `pages` (None: a row fits no slide),
    and the measures that chose them."""

    def __init__(self, head: list[list[Para]] | None, body: list[list[list[Para]]],
                 words_at_1: list[float], widths: list[float], limit: float,
                 fonts: Fonts, own: Fonts) -> None:
        self.head, self.body, self.widths, self.limit = head, body, widths, limit
        self.words_at_1, self.fonts, self.own = words_at_1, fonts, own
        self.pages = [Page(body, float(BODY[0]))] if _sparse(
            body, self.whole, self.heights, limit) else _pages(body, self.fit)

    def heights(self, chunk: Sequence[list[list[Para]]], size: float) -> list[float]:
        lines = [self.head] if self.head else []
        return [_row_height(cells, self.widths, size, self.fonts)
                for cells in [*lines, *chunk]]

    def most_lines(self, size: float) -> int:
        """The most lines any cell takes at `size`."""
        return max(sum(line_count(p, width - 2 * cell_x(size) - p.indent * p.size_at(size),
                                  p.size_at(size), self.fonts) for p in cell)
                   for row in ([self.head] if self.head else []) + self.body
                   for cell, width in zip(row, self.widths, strict=True))

    def row_lines(self, size: float) -> int:
        """The table's height in lines at `size`: each row's most lines, added up."""
        return sum(max(sum(line_count(p, width - 2 * cell_x(size) - p.indent * p.size_at(size),
                                      p.size_at(size), self.fonts) for p in cell)
                       for cell, width in zip(row, self.widths, strict=True))
                   for row in ([self.head] if self.head else []) + self.body)

    def names_broken(self, size: float) -> int:
        """How many rows' names (their first cells) take more than one line at `size`."""
        return sum(sum(line_count(p, self.widths[0] - 2 * cell_x(size)
                                  - p.indent * p.size_at(size), p.size_at(size), self.fonts)
                       for p in row[0]) > len(row[0]) for row in self.body)

    def lone_ends(self, size: float) -> int:
        """How many compared cells' paragraphs end on their last word alone at `size`, as
        they are written ('The whole / market')."""
        return sum(last_word_alone(p, width - 2 * cell_x(size) - p.indent * p.size_at(size),
                                   p.size_at(size), self.fonts, self.own)
                   for row in self.body
                   for cell, width in zip(row[1:], self.widths[1:], strict=True) for p in cell)

    def name_stubs(self, size: float) -> int:
        """How many rows' names (their first cells) break with a line of one word of
        linebreaks.STUB letters or fewer at `size` ('Judged / on')."""
        return sum(_stub(balanced_lines(
            p, self.widths[0] - 2 * cell_x(size) - p.indent * p.size_at(size),
            p.size_at(size), self.fonts)) for row in self.body for p in row[0])

    def whole(self, size: float) -> bool:
        return all(word * size <= width - 2 * cell_x(size)
                   for word, width in zip(self.words_at_1, self.widths, strict=True))

    def fit(self, chunk: Sequence[list[list[Para]]], shrink: bool = False) -> float | None:
        """The largest size that fits, preferring one at which no word is broken (for
        some of the rows together, only the full size unless `shrink`: rows are split
        onto slides rather than shrunk; a single row, or all of them on one slide, down
        to the minimum)."""
        sizes = on_scale(*DENSE)
        for size in sizes if shrink or len(chunk) in (1, len(self.body)) else sizes[:1]:
            if self.whole(size) and sum(self.heights(chunk, size)) <= self.limit:
                return size
        return next((size for size in sizes if sum(self.heights(chunk, size)) <= self.limit),
                    None)


def _preferred(layout: _Layout) -> tuple[bool, int, bool, float, int, int, int, int]:
    """Layouts compared: rows on every slide, fewer slides, no cell of more than two
    lines (before a larger size: on the German 4:3 template 'Abschlüssen / und /
    Verlängerungen' at 24 pt, where no widths keep both it on two lines and
    'Zeithorizont' whole, reads worse than the table at 20 pt), a larger size, fewer
    compared cells ending on their last word alone ('The whole / market'), fewer row
    names broken to a stub (a line of one short word: 'Judged / on', 'Gemessen / an'),
    fewer lines in all, then fewer row names broken (min keeps the first of equals): on
    a 4:3 slide 'One deal at a time' on one line beside 'Time / horizon' reads better
    than 'Time horizon' beside 'One deal / at a time'."""
    if layout.pages is None:
        return (True, 0, True, 0.0, 0, 0, 0, 0)
    size = min(page.size for page in layout.pages)
    return (False, len(layout.pages), layout.most_lines(size) > 2, -size,
            layout.lone_ends(size), layout.name_stubs(size), layout.row_lines(size),
            layout.names_broken(size))


def _stub(lines: list[str]) -> bool:
    """Whether a wrapped cell's lines hold one of a single short word."""
    return len(lines) > 1 and any(short_word(line) for line in lines)


def _sparse(body: list[list[list[Para]]], whole: Callable[[float], bool],
            heights: Callable[[list[list[list[Para]]], float], list[float]],
            limit: float) -> bool:
    """Whether the table is sparse (a few short rows: MAX_WORDS at most, every word whole
    and every row on one slide at the lists' size), so set at the lists' size, as a
    sparse slide of cards is."""
    return _words_of(body) <= MAX_WORDS and whole(BODY[0]) and \
        sum(heights(body, BODY[0])) <= limit


def _pages(body: list[list[list[Para]]],
           fit: Callable[..., float | None]) -> list[Page[list[list[Para]]]] | None:
    """The rows on slides, split rather than shrunk; but a slide fewer at a smaller size
    of the scale (never below its minimum) beats a slide more of padded rows: six rows
    go 3+3 at 19 pt, not 2+2+2 at 20 pt."""
    pages = paginate(body, split_first(fit, DENSE[0], _words_of, TABLE_WORDS, whole=len(body),
                                       whole_most=WHOLE_TABLE_WORDS))
    fewer = paginate(body, split_first(lambda chunk: fit(chunk, shrink=True), DENSE[1],
                                       _words_of, TABLE_WORDS, whole=len(body),
                                       whole_most=WHOLE_TABLE_WORDS))
    if pages is not None and fewer is not None and len(fewer) < len(pages):
        return fewer
    return pages


def _words_of(rows: Sequence[list[list[Para]]]) -> int:
    return sum(words(cell) for row in rows for cell in row)


def said_rows(rows: list[list[str]], header: list[str] | None, typo: Typography,
              lang: Writing) -> str:
    """What the presenter says for a table's rows (as written in the content)."""
    return _said([[md_paras(cell, lang) for cell in row] for row in rows], header, typo)


def _said(rows: Sequence[list[list[Para]]], header: list[str] | None, typo: Typography) -> str:
    """What the presenter says for these rows: one sentence a row, "Aspect. Column:
    value; Column: value." (no "..")."""
    said = []
    for row in rows:
        cells = [" ".join(sentences(cell)).rstrip(".") for cell in row]
        named = [typo.pair(h, c) for h, c in zip(header[1:], cells[1:], strict=True)] \
            if header else cells[1:]
        said.append(f"{spoken(cells[0])} " + f"{typo.punct(';')} ".join(named) + ".")
    return "\n".join(said)


ROW_GROWTH = 0.6  # a table's rows may grow by this share of their height


def _airy(heights: list[float], head: bool, limit: float) -> list[float]:
    """Row heights with the slide's spare room shared out over the table's body rows
    (each up to ROW_GROWTH more, text centred in it), so its slide is not half empty.
    Where the slide has room for every body row at the tallest's height, they are all
    made that tall first, so the rows are even: a row whose text wraps in the font shown
    in Lato's place (its height measured in both) is not taller than its neighbours in
    Lato, nor a one-line row shorter than a two-line one beside it."""
    body = heights[1:] if head else heights
    if body and max(body) * len(body) <= limit - sum(heights) + sum(body):
        body = [max(body)] * len(body)
        heights = [heights[0], *body] if head else body
    spare = limit - sum(heights)
    if spare <= 0 or not body:
        return heights
    extra = [min(spare / len(body), height * ROW_GROWTH) for height in body]
    grown = [height + more for height, more in zip(body, extra, strict=True)]
    return [heights[0], *grown] if head else grown


def _table(slide: Slide, area: Area, widths: list[float], head: list[list[Para]] | None,
           rows: Sequence[list[list[Para]]], heights: list[float], size: float,
           fonts: Fonts, own: Fonts) -> Any:
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
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            _fill_cell(cell, paras, size, widths[c], fonts, own)
    return frame


def _refill(table: Any, lines: Sequence[list[list[Para]]], widths: list[float], fonts: Fonts,
            own: Fonts, size: float) -> None:
    """Every cell of `table` (its rows `lines`, its columns `widths` points wide) at
    `size`: the type scale's, where it is smaller than the size the table was made at
    (its rows keep their heights)."""
    for r, cells in enumerate(lines):
        for c, paras in enumerate(cells):
            _fill_cell(table.cell(r, c), paras, size, widths[c], fonts, own)


def _fill_cell(cell: Any, paras: list[Para], size: float, width: float, fonts: Fonts,
               own: Fonts) -> None:
    """A cell's paragraphs at `size`, a wrapped one broken where it reads best in its
    column (linebreaks: 'Deals closed / and renewed', not '... and / renewed'), inside
    margins in proportion to `size`, its lines as far apart as the row's height was
    measured with (text_height: the line height of `fonts`, as a list's lines stand)."""
    from pptx.util import Pt

    cell.margin_left = cell.margin_right = Pt(cell_x(size))
    cell.margin_top = cell.margin_bottom = Pt(cell_y(size))
    cell.text_frame.word_wrap = True
    room = width - 2 * cell_x(size)
    write_paras(cell.text_frame, [broken(p, room - p.indent * p.size_at(size),
                                         p.size_at(size), fonts, own) for p in paras],
                size, line=fonts.regular.line)
