"""A role block's slides: the role's two lists side by side under a coloured header,
on one slide or continued."""

from __future__ import annotations

from typing import TYPE_CHECKING

from smguide.deck.fitting import (
    COLUMNS,
    GAP,
    MAX_WORDS,
    ONE_SLIDE,
    listed,
    sentences,
    words,
)
from smguide.deck.slides import drop_empty, title_of, too_long
from smguide.deck.textfit import Box, Fonts, Para, Span, largest_size, text_height
from smguide.deck.theme import filled_shape
from smguide.deck.write import (
    INSET_X,
    Area,
    md_paras,
    spans,
    typed_spans,
)
from smguide.model.guide import (
    Role,
)

if TYPE_CHECKING:
    from pptx.slide import Slide

    from smguide.deck.context import DeckContext
    from smguide.deck.plan import PlannedSlide


def _label(text: str, lang: str, space: float = 0.0) -> Para:
    return Para(tuple(Span(s.text, True, s.italic, s.href) for s in spans(text, lang)),
                scale=0.8, tone="accent2", space_before=space)


HEADER = 0.75  # the role card's coloured header, inches
EDGE = round(INSET_X * 12700)  # the header's edges where the columns' text starts


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
    found = _column_pages(lists, columns_head, inner, fonts)
    if found is None:
        raise too_long(deck, planned, "the role", role.name, minimum=COLUMNS[1])
    columns, pages = found
    mission = sentences(md_paras(role.mission, lang))
    for number, (size, chunks) in enumerate(pages):
        if deck.fitting:
            deck.fit_slide(planned, title_of(deck, planned, role.name), number)
            continue
        said = [listed(label, chunk) for label, chunk in
                ((labels.activities, chunks[0]), (labels.skills, chunks[1])) if chunk]
        slide = deck.new_slide(planned, title_of(deck, planned, role.name), number,
                               said="\n".join(said),
                               extra="\n".join(mission) if number == 0 else "",
                               pages=len(pages))
        _role_header(deck, slide, area.narrowed(EDGE), header_h, role.name,
                     deck.guide.typography.pair(labels.focus, focus))
        for n, column in enumerate(columns):
            paras = [*columns_head[n], *chunks[n]]
            box = slide.shapes.add_textbox(Emu(column.left), Emu(column.top),
                                           Emu(column.width), Emu(column.height))
            box.name = "Activities" if n == 0 else "Skills"
            deck.scale.fill("role", box, paras, size, spread_with=id(slide))
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


SHARES = (0.5, 0.55, 0.45, 0.6, 0.4, 0.65, 0.35)  # the first column's share, equal first
Chunks = tuple[list[Para], list[Para]]


def _split(inner: Area, share: float) -> list[Area]:
    """The card's two columns, the first taking `share` of the width (less the gap)."""
    room = inner.width - GAP * 2
    first = round(room * share)
    return [Area(inner.left, inner.top, first, inner.height),
            Area(inner.left + first + GAP * 2, inner.top, room - first, inner.height)]


def _column_pages(lists: Chunks, heads: Chunks, inner: Area, fonts: Fonts
                  ) -> tuple[list[Area], list[tuple[float, Chunks]]] | None:
    """The columns and the fewest slides over which both run side by side, each slide's
    items within MAX_WORDS. One slide may come down to ONE_SLIDE (a step below the base
    size: one full card reads better than two half-empty ones), with the columns sized
    to their text when equal columns do not hold it; a continued card keeps equal
    columns, each cut where its slides' shares are of equal height (not of equal
    count), and may come down to the minimum."""
    equal = _split(inner, 0.5)
    whole = _page(lists, heads, [c.box for c in equal], fonts, alone=True)
    if whole is not None:
        return equal, [(whole, lists)]
    for share in SHARES[1:]:
        columns = _split(inner, share)
        size = _page(lists, heads, [c.box for c in columns], fonts, alone=True)
        if size is not None:
            return columns, [(size, lists)]
    boxes = [c.box for c in equal]
    most = max(len(items) for items in lists)
    for count in range(2, most + 1):
        parts = [_balanced(items, heads[n], count, boxes[n], fonts)
                 for n, items in enumerate(lists)]
        pages = []
        for chunks in zip(*parts, strict=True):
            size = _page(chunks, heads, boxes, fonts, alone=False)
            if size is None:
                break
            pages.append((size, chunks))
        else:
            common = min(size for size, _ in pages)
            return equal, [(common, chunks) for _, chunks in pages]
    return None


def _page(chunks: Chunks | tuple[list[Para], ...], heads: Chunks, boxes: list[Box],
          fonts: Fonts, alone: bool) -> float | None:
    """The size both columns of one slide fit at, or None: the whole card (`alone`) down
    to ONE_SLIDE, a continued card's share down to the minimum; a slide of several items
    within MAX_WORDS (a single item on each side may shrink to the minimum)."""
    left, right = chunks
    sizes = [largest_size([*heads[n], *chunk], boxes[n], fonts, *COLUMNS)
             for n, chunk in enumerate((left, right))]
    if None in sizes:
        return None
    size = min(s for s in sizes if s)
    single = len(left) <= 1 and len(right) <= 1
    if not single and (words([*left, *right]) > MAX_WORDS or (alone and size < ONE_SLIDE)):
        return None
    return size


def _balanced(items: list[Para], head: list[Para], count: int, box: Box, fonts: Fonts
              ) -> list[list[Para]]:
    """`items` cut into `count` runs (in order; the last ones may be empty) whose
    heights, measured at the base size, are as even as they can be: the tallest as
    short as it can be, then the shortest as tall."""
    from functools import cache

    @cache
    def height(start: int, end: int) -> float:
        return text_height([*head, *items[start:end]], box.inner_width, COLUMNS[0],
                           fonts) if end > start else 0.0

    @cache
    def best(start: int, left: int) -> tuple[tuple[float, float], tuple[int, ...]]:
        """((tallest, -shortest), the runs' ends) for items[start:] in `left` runs."""
        if left == 1:
            last = height(start, len(items))
            return (last, -last), (len(items),)
        found: tuple[tuple[float, float], tuple[int, ...]] | None = None
        for end in range(start + 1 if start < len(items) else start, len(items) + 1):
            (tallest, shortest), ends = best(end, left - 1)
            here = height(start, end)
            key = (max(tallest, here), max(shortest, -here))
            if found is None or key < found[0]:
                found = (key, (end, *ends))
        assert found is not None
        return found

    runs, start = [], 0
    for end in best(0, count)[1]:
        runs.append(items[start:end])
        start = end
    return runs


def _role_header(deck: DeckContext, slide: Slide, area: Area, height: int, name: str,
                 focus: str) -> None:
    """The card's header: the role's name (bold) and its time horizon, on the primary
    colour, as in the handbook."""
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.text import MSO_ANCHOR

    lang = deck.guide.language
    shape = filled_shape(slide, (area.left, area.top, area.width, height), "Role header",
                         MSO_THEME_COLOR.ACCENT_1, rounding=0.12)
    line = Para((*typed_spans(name, lang, bold=True),
                 Span("   ·   "), *spans(focus, lang)), tone=deck.tones.readable("bg1", "accent1"))
    box = Box(area.width / 12700, height / 12700, 14.4, 3.6)
    size = largest_size([line], box, deck.body_fonts, 24, 18) or 18
    deck.scale.fill("role header", shape, [line], size)
    frame = shape.text_frame
    frame.margin_left = frame.margin_right = 182880
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
