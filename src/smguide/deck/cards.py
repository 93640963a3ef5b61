"""A practices block's slides: one card per practice in a grid."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from smguide.deck.fitting import (
    BODY,
    DENSE,
    GAP,
    MAX_WORDS,
    para_text,
    split_first,
    two_columns,
    words,
)
from smguide.deck.oxml import geometry_inset
from smguide.deck.slides import drop_empty, title_of, too_long
from smguide.deck.textfit import (
    Box,
    Fonts,
    Page,
    Para,
    balanced_lines,
    fits,
    line_count,
    lines_broken_into,
    on_scale,
    paginate,
    text_height,
)
from smguide.deck.theme import filled_shape
from smguide.deck.titles import continuation
from smguide.deck.typescale import DENSE_TEXT, LIST_TEXT, own_family
from smguide.deck.write import (
    LINE_BREAK,
    Area,
    plain,
    spans,
    typed_spans,
)
from smguide.model.guide import (
    Practices,
)
from smguide.sources.markdown import Writing

if TYPE_CHECKING:
    from pptx.slide import Slide

    from smguide.deck.context import DeckContext
    from smguide.deck.plan import PlannedSlide


PAD = Box(0, 0, 14.4, 10.8)  # a card's insets (pt)


def _practice(practice: Any, lang: Writing, tone: str) -> list[Para]:
    """A card: the practice's title (bold, in `tone`; measured at the card text's size,
    so the text takes the largest size the card holds: a title a step over took the 4:3
    cards' text to 18 pt with room to spare; raised a step by _one_line_heads where that
    costs nothing, else broken into even lines where it wraps) and what it is (its
    `slide:` line when it has one); why it matters is said (notes)."""
    return [Para(typed_spans(practice.title, lang, bold=True), tone=tone),
            Para(spans(practice.slide or practice.what, lang), space_before=0.4)]


def _continues(deck: DeckContext, planned: PlannedSlide, title: str, count: int
               ) -> list[str | None]:
    """Each of `count` slides' title after the first: on two slides None (DeckContext.
    page_title marks it continued in the guide's words), on three or more its place,
    "(2/3)", so no two slides' titles are alike."""
    if count <= 2:
        return [None] * count
    return [None, *(continuation(deck, planned, title, [], number, count, alone=False)
                    for number in range(2, count + 1))]


def _grid(area: Area, count: int) -> list[Area]:
    """Card positions: one card or two stacked full width, four on the deck's two
    columns (two_columns)."""
    cols = 1 if count <= 2 else 2
    rows = -(-count // cols)
    cells = [col for row in area.rows(rows, GAP)
             for col in (two_columns(row) if cols == 2 else [row])]
    return cells[:count]


def _head_tone(deck: DeckContext) -> str:
    """A card's title on its fill (bg2): the primary where it reads there as large text
    (3:1), else the primary lightened until it reads as text does (4.5:1, for a
    projector's washed-out contrast: a dark deck's green on its grey cards, green as its
    list numbers and table labels are), else the secondary where that reads, else the
    text colour that reads best."""
    tones = deck.tones
    if tones.readable("accent1", "bg2", large=True) == "accent1":
        return "accent1"
    return tones.lightened("accent1", "bg2") or next(
        (t for t in ("accent2",) if tones.readable(t, "bg2", large=True) == t),
        tones.readable("accent1", "bg2", large=True))


def practice_slides(deck: DeckContext, planned: PlannedSlide, block: Practices) -> None:
    """Each practice a card (its title and what it is); as many to a slide as MAX_WORDS
    allows at the card size, then continued. Why each one matters goes to the notes."""
    lang, fonts = deck.lang, deck.body_fonts
    area = deck.edge_area(planned)  # the cards' edges where the title's text starts
    tone = _head_tone(deck)
    cards = [_practice(p, lang, tone) for p in block.items]
    pad = PAD

    def fit(chunk: Sequence[list[Para]]) -> float | None:
        """The largest size of the scale, up to the lists', at which every card of the
        slide holds its text (measured in the wider of the deck's font and the ones shown
        in its place): the room the cards have sets it, not their headings (a heading
        that wraps is broken into even lines, _balanced_heads; keeping every heading on
        one line took the dark template's cards to 18 pt with 40 % of each card empty)."""
        if len(chunk) > 4:
            return None
        return next((size for size in on_scale(BODY[0], DENSE[1])
                     if _holds(area, chunk, size, pad, fonts)), None)

    # a sparse block of cards (every card on one slide at the lists' size, else in two
    # halves there, _at_lists): set as the deck's lists are, not a size under them with
    # a third of each card empty, nor shrunk to stay four on one. Cards that do not
    # hold so are at the largest size they hold, on one slide when they hold at the
    # dense size or over, else continued; a family of their own, so a table's or a
    # role's smaller text does not take them down
    pages = _at_lists(area, cards, pad, fonts)
    family = LIST_TEXT if pages else own_family(DENSE_TEXT, block)
    pages = pages or paginate(cards, split_first(fit, DENSE[0],
                                                 lambda chunk: sum(words(c) for c in chunk),
                                                 whole=len(cards)))
    if pages is None:
        alone = next((card for card in cards if fit([card]) is None), cards[0])
        raise too_long(deck, planned, "one practice", para_text(alone), minimum=DENSE[1])
    _one_line_heads(area, pages, fonts)
    typo = deck.guide.typography
    # what the card leaves out: why the practice matters (the card says what it is)
    why = {id(card): typo.pair(plain(p.title, lang), plain(p.why, lang))
           for card, p in zip(cards, block.items, strict=True)}
    title = title_of(deck, planned, deck.guide.chapters[0].title)
    # a later slide: its title marked as continued in the guide's words (DeckContext.
    # page_title), "Four practices keep both teams in step (continued)", as a presenter
    # says it; not the cards' places ("...: 3–4") nor their names (the cards name them)
    continues = _continues(deck, planned, title, len(pages))
    _balanced_heads(area, pages, fonts, deck.own_body_fonts)
    for number, page in enumerate(pages):
        if deck.fitting:
            deck.fit_slide(planned, title, number, continues[number])
            continue
        slide = deck.new_slide(planned, title, number,
                               extra="\n".join(why[id(card)] for card in page.items),
                               pages=len(pages), continues=continues[number])
        for card, cell in zip(page.items, _rows(area, page.items, page.size, pad, fonts),
                              strict=True):
            _card(deck, slide, cell, card, page.size, pad, family)
        drop_empty(slide)


def _at_lists(area: Area, cards: list[list[Para]], pad: Box, fonts: Fonts
              ) -> list[Page[list[Para]]] | None:
    """A sparse block's slides at the lists' size (up to four cards within MAX_WORDS):
    one where they hold there; else, where they would hold on one only under it, split
    rather than shrunk, in equal halves (2 + 2) on two slides at the lists' size, as
    the cards are on a deck where they hold (the German cards on the 4:3 template took
    20 pt to stay four on one, 152 + 180 pt of 338 pt at 24); None where neither holds
    or the block is not sparse (then it is fitted as dense text)."""
    size = float(BODY[0])
    if len(cards) > 4 or sum(words(c) for c in cards) > MAX_WORDS:
        return None
    if _holds(area, cards, size, pad, fonts):
        return [Page(cards, size)]
    half = -(-len(cards) // 2)
    chunks = [cards[:half], cards[half:]]
    if len(cards) < 2 or not all(_holds(area, chunk, size, pad, fonts) for chunk in chunks):
        return None
    return [Page(chunk, size) for chunk in chunks]


def _one_line_heads(area: Area, pages: list[Page[list[Para]]], fonts: Fonts) -> None:
    """A dense block's card headings a step of the type scale over their text where each
    of them stays on one line there and every slide's cards still hold their text at its
    size, else at the text's size (bold, in colour, as a sparse slide's are): a heading
    that wraps ("Clear roles, shared / goals") reads as two, and the text keeps the size
    it was fitted at. A sparse slide's (at the lists' size) stay at it. (A smaller common
    size, set at the end, takes the headings down with the text.)"""
    def whole(step: int) -> bool:
        return all(_heads_whole(area, page.items, page.size, step, fonts) for page in pages)

    def raised(page: Page[list[Para]]) -> list[list[Para]]:
        return [[replace(card[0], step=1), *card[1:]] for card in page.items]

    if any(page.size >= BODY[0] for page in pages) or not whole(1) or not all(
            _holds(area, raised(page), page.size, PAD, fonts) for page in pages):
        return
    for page in pages:
        for card in page.items:  # in place: the cards are known by their identity
            card[0] = replace(card[0], step=1)


def _balanced_heads(area: Area, pages: list[Page[list[Para]]], fonts: Fonts,
                    own: Fonts) -> None:
    """A heading that wraps in its card, in the deck's own font (`own`), broken into
    even lines (textfit.lines_broken_into, the rule titles follow: each line fits the
    wider of the fonts it is measured with, so it takes as many lines in each):
    "Clear roles, / shared goals", never "Klare Rollen, gemeinsame / Ziele" with one
    word alone on its last line; one that is one line in the own font is left whole.
    Then the cards of a row start their text level (_level_rows)."""
    for page in pages:
        width = _grid(area, len(page.items))[0].width / 12700 - 2 * PAD.inset_x
        for card in page.items:  # in place: the cards are known by their identity
            head = card[0]
            size = head.size_at(page.size)
            if lines_broken_into(head, width, size, own, fonts) < 2:
                continue
            lines = balanced_lines(head, width, size, fonts)
            if len(lines) > 1:
                broken = replace(head.spans[0], text=LINE_BREAK.join(lines))
                card[0] = replace(head, spans=(broken,))
        _level_rows(area, page, width, fonts, own)


def _head_lines(head: Para, width: float, size: float, own: Fonts) -> int:
    """The lines a card's heading takes in the deck's own font: as broken, else as the
    client wraps it."""
    text = "".join(span.text for span in head.spans)
    if LINE_BREAK in text:
        return text.count(LINE_BREAK) + 1
    return line_count(head, width, head.size_at(size), own)


def _level_rows(area: Area, page: Page[list[Para]], width: float, fonts: Fonts,
                own: Fonts) -> None:
    """The text of the cards of one row starting at one height, in the deck's own font
    and in the fonts shown in its place: beside a heading of more lines, a heading that
    takes as many lines as its neighbour's only in the fonts shown in its place ("Clear
    roles, shared goals" in Arial, beside "Talk and / coordinate often") is broken into
    those lines, so it takes them in every font; one that takes its own lines in every
    font has the room of its missing lines before its text (in lines of the own font's
    height at the heading's size). Kept only where the slide's cards still hold their
    text (else as they were)."""
    cards = page.items
    cols = 1 if len(cards) <= 2 else 2
    before = [list(card) for card in cards]
    for row in range(0, len(cards), cols):
        members = cards[row:row + cols]
        counts = [_head_lines(card[0], width, page.size, own) for card in members]
        for card, count in zip(members, counts, strict=True):
            missing = max(counts) - count
            if not missing or len(card) < 2:
                continue
            head, size = card[0], card[0].size_at(page.size)
            shown = _head_lines(head, width, page.size, fonts)
            lines = balanced_lines(head, width, size, fonts)
            if shown == max(counts) and len(lines) == shown:
                card[0] = replace(head, spans=(replace(head.spans[0],
                                                       text=LINE_BREAK.join(lines)),))
            elif shown == count:
                card[1] = replace(card[1], space_before=card[1].space_before + missing
                                  * size * own.regular.line / card[1].size_at(page.size))
    if not _holds(area, cards, page.size, PAD, fonts):
        for card, kept in zip(cards, before, strict=True):
            card[:] = kept


def _heads_whole(area: Area, cards: Sequence[list[Para]], size: float, step: int,
                 fonts: Fonts) -> bool:
    """Whether every card's heading, `step`s of the scale over its text at `size`, stays on
    one line of its card."""
    width = _grid(area, len(cards))[0].width / 12700 - 2 * PAD.inset_x
    return all(line_count(head, width, head.size_at(size), fonts) == 1
               for head in (replace(card[0], step=step) for card in cards))


def _rows(area: Area, cards: Sequence[list[Para]], size: float, pad: Box,
          fonts: Fonts) -> list[Area]:
    """The grid's cells in equal rows that share the area's height (down to the footer's
    clearance), a gap apart, so the cards use the slide rather than its top half and no
    row is taller than its neighbour."""
    cells = _grid(area, len(cards))
    cols = 1 if len(cards) <= 2 else 2
    rows = -(-len(cards) // cols)
    height = (area.height - GAP * (rows - 1)) // rows
    return [Area(cell.left, area.top + (n // cols) * (height + GAP), cell.width, height)
            for n, cell in enumerate(cells)]


def _holds(area: Area, cards: Sequence[list[Para]], size: float, pad: Box,
           fonts: Fonts) -> bool:
    """Whether equal rows, each as tall as the tallest card needs at `size`, fit the area
    together, every card's words within its width."""
    needs = _needs(area, cards, size, pad, fonts)
    rows = len(needs)
    tallest = max(needs)
    if tallest * rows + GAP * (rows - 1) > area.height:
        return False
    return all(fits(card, Box(cell.width / 12700, tallest / 12700, pad.inset_x,
                              pad.inset_y), size, fonts)
               for card, cell in zip(cards, _grid(area, len(cards)), strict=True))


def _needs(area: Area, cards: Sequence[list[Para]], size: float, pad: Box,
           fonts: Fonts) -> list[int]:
    """The height (EMU) each row of the grid needs for its tallest card at `size`, with
    the card's padding and a little air below its text."""
    cells = _grid(area, len(cards))
    cols = 1 if len(cards) <= 2 else 2
    needs = []
    for row in range(0, len(cards), cols):
        need = max(text_height(card, cell.width / 12700 - 2 * pad.inset_x, size, fonts)
                   for card, cell in zip(cards[row:row + cols], cells[row:row + cols],
                                         strict=True))
        needs.append(round((need + 2 * pad.inset_y + size * 0.4) * 12700))
    return needs


def _card(deck: DeckContext, slide: Slide, cell: Area, paras: list[Para], size: float,
          pad: Box, family: str = DENSE_TEXT) -> None:
    """A card on the theme's panel colour, its text and heading at the dense size
    (DENSE_TEXT); a sparse slide's at the lists' (LIST_TEXT)."""
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Pt

    shape = filled_shape(slide, (cell.left, cell.top, cell.width, cell.height), "Card",
                         MSO_THEME_COLOR.BACKGROUND_2, rounding=0.06)
    deck.scale.fill(family, shape, [p if p.tone else replace(p, tone="tx1") for p in paras],
                    size)
    frame = shape.text_frame  # the card's rounded corners inset its text too
    inset = geometry_inset(shape)
    frame.margin_left = frame.margin_right = Pt(pad.inset_x) - inset
    frame.margin_top = frame.margin_bottom = Pt(pad.inset_y) - inset
    frame.vertical_anchor = MSO_ANCHOR.TOP
