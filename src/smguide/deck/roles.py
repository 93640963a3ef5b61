"""A role block's slides: the role's two lists side by side under a coloured header,
on one slide or continued."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from smguide.deck.fitting import (
    COLUMNS,
    GAP,
    MAX_WORDS,
    ONE_SLIDE,
    listed,
    sentences,
    two_columns,
    words,
)
from smguide.deck.slides import drop_empty, title_of, too_long
from smguide.deck.textfit import Box, Fonts, Para, Span, largest_size, text_height
from smguide.deck.theme import filled_shape
from smguide.deck.titles import continuation
from smguide.deck.typescale import LIST_TEXT, ROLE_TEXT
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
from smguide.sources.markdown import Writing

if TYPE_CHECKING:
    from pptx.slide import Slide

    from smguide.deck.context import DeckContext
    from smguide.deck.plan import PlannedSlide


def _label(text: str, lang: Writing, space: float = 0.0) -> Para:
    """A column's label: at the size of its items (one type scale), set apart from them
    in bold and the secondary colour."""
    return Para(tuple(Span(s.text, True, s.italic, s.href) for s in spans(text, lang)),
                tone="accent2", space_before=space)


def _item(text: str, lang: Writing) -> Para:
    return Para(spans(text, lang), bullet="•", indent=1.0, space_before=0.3)


HEADER = 0.75  # the role card's coloured header, inches
EDGE = round(INSET_X * 12700)  # the header's edges where the columns' text starts


def role_slides(deck: DeckContext, planned: PlannedSlide, role: Role) -> None:
    """The handbook's role card: a header in the primary colour with the role's name and
    time horizon, then what they do and what it takes in two columns; the mission is
    said (the notes). A card too long for one slide is split by meaning: what they do
    on the first slide, what it takes on the next (titled so: "Sales: what it takes"),
    each list across both columns."""
    labels, lang, fonts = deck.guide.labels, deck.lang, deck.body_fonts
    focus = labels.short_term if role.focus == "short-term" else labels.long_term
    names = (labels.activities, labels.skills)
    columns_head = ([_label(names[0], lang)], [_label(names[1], lang)])
    full = (role.activities, role.skills)
    shown = _shown(role)
    lists = ([_item(item, lang) for item in shown[0]], [_item(item, lang) for item in shown[1]])
    # what the slides leave out of the block's lists: said in the notes, on the first
    left_out = [_said(deck, n, names[n], items) for n, items in enumerate(full)
                if items != shown[n]]
    area = _both_columns(deck, planned)
    header_h = round(HEADER * 914400)
    inner = Area(area.left, area.top + header_h + GAP // 2, area.width,
                 area.height - header_h - GAP // 2)
    found = _fitted(lists, columns_head, inner, fonts)
    if found is None:
        raise too_long(deck, planned, "the role", role.name, minimum=COLUMNS[1])
    columns, pages = found
    mission = sentences(md_paras(role.mission, lang))
    title = title_of(deck, planned, role.name)
    for number, page in enumerate(pages):
        continues = _continues(deck, planned, role.name, names, pages, number)
        if deck.fitting:
            deck.fit_slide(planned, title, number, continues)
            continue
        said = [listed(names[n], items) for n, items in enumerate(page.items) if items]
        slide = deck.new_slide(planned, title, number, said="\n".join(said),
                               extra="\n".join([*left_out, *mission]) if number == 0 else "",
                               pages=len(pages), continues=continues)
        _role_header(deck, slide, area.narrowed(EDGE), header_h, role.name,
                     deck.guide.typography.pair(labels.focus, focus))
        from pptx.util import Emu

        for n, (column, paras) in enumerate(zip(columns, page.columns, strict=True)):
            if not paras:
                continue
            box = slide.shapes.add_textbox(Emu(column.left), Emu(column.top),
                                           Emu(column.width), Emu(column.height))
            box.name = ("Activities", "Skills")[n if page.topic is None else page.topic]
            deck.scale.fill(ROLE_TEXT, box, _on_ground(deck, planned, paras), page.size,
                            spread_with=ROLE_TEXT, alike=True)  # the role slides alike
        drop_empty(slide)


def _shown(role: Role) -> tuple[list[str], list[str]]:
    """The lists the card shows: the block's `slide:` lists where it gives them (short
    items for the room), else its own."""
    slide = role.slide or None
    return (slide.activities if slide and slide.activities else role.activities,
            slide.skills if slide and slide.skills else role.skills)


def _on_ground(deck: DeckContext, planned: PlannedSlide, paras: list[Para]) -> list[Para]:
    """The columns' labels, items and bullets in colours that read on the slide's own
    background (a template's picture, say): as they are where they do."""
    behind = deck.tones.behind(deck.pick_of(planned).layout)
    label = deck.tones.readable("accent2", behind, large=True)
    text = deck.tones.readable("tx1", behind)
    dots = deck.tones.readable("accent1", behind, large=True)
    return [replace(p, tone=label) if p.tone == "accent2" else
            replace(p, tone=None if text == "tx1" else text,
                    marker=p.marker if dots == "accent1" else dots) for p in paras]


def _continues(deck: DeckContext, planned: PlannedSlide, name: str, names: tuple[str, str],
               pages: list[RolePage], number: int) -> str | None:
    """The title of slide `number` of a card split by meaning: what it shows ("Sales: what
    it takes"), with its place among that list's slides when the list runs over several
    ("Sales: what they do (2/3)")."""
    topic = pages[number].topic
    if topic is None:
        return None
    same = [n for n, page in enumerate(pages) if page.topic == topic]
    named = continuation(deck, planned, name, [names[topic]], number + 1, len(pages))
    return named if len(same) == 1 else f"{named} ({same.index(number) + 1}/{len(same)})"


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


Chunks = tuple[list[Para], list[Para]]


def _split(inner: Area) -> list[Area]:
    """The card's two columns: text boxes whose text stands on the format's two-column
    grid (fitting.two_columns, as the practice cards do), each box an inset out from
    its column's edges."""
    return [column.narrowed(-EDGE) for column in two_columns(inner.narrowed(EDGE))]


@dataclass(frozen=True)
class RolePage:
    """One slide of a role card: its two columns' paragraphs (labels and items) at
    `size`; the items it shows of each list (`items`: what they do, what it takes); and,
    when the card is split by meaning, which list the slide is about (`topic`)."""

    size: float
    columns: tuple[list[Para], list[Para]]
    items: Chunks
    topic: int | None = None


TIGHT = 0.1  # lines before a role's list item where 0.3 would take its card a size down


def _fitted(lists: Chunks, heads: Chunks, inner: Area, fonts: Fonts
            ) -> tuple[list[Area], list[RolePage]] | None:
    """_column_pages, and where the card comes out under the lists' size, the same with
    its items closer together (TIGHT): a card that holds at the lists' size so, on as
    few slides, stays at it (the type scale opens the items up again as far as its
    slide has room, typescale.SPREAD). On a company template whose title takes two
    lines at 4:3, the Sales card's first column missed 24 pt by 14 pt and took both role
    slides to 20 pt."""
    found = _column_pages(lists, heads, inner, fonts)
    if found is None or min(page.size for page in found[1]) >= COLUMNS[0]:
        return found
    tight = ([replace(p, space_before=TIGHT) for p in lists[0]],
             [replace(p, space_before=TIGHT) for p in lists[1]])
    closer = _column_pages(tight, heads, inner, fonts)
    if closer is not None and min(page.size for page in closer[1]) >= COLUMNS[0] and \
            len(closer[1]) <= len(found[1]):
        return closer
    return found


def _column_pages(lists: Chunks, heads: Chunks, inner: Area, fonts: Fonts
                  ) -> tuple[list[Area], list[RolePage]] | None:
    """The columns and the slides of a role card: the whole card on one slide, which
    may come down to ONE_SLIDE (a step below the base size: one full card reads better
    than two half-empty ones), in the deck's two columns (never widened for one card:
    sibling slides share one grid); else split by meaning (_by_meaning)."""
    columns = _split(inner)
    size = _page(lists, heads, [c.box for c in columns], fonts, alone=True)
    if size is not None:
        return columns, [RolePage(size, ([*heads[0], *lists[0]], [*heads[1], *lists[1]]),
                                  lists)]
    pages = _by_meaning(lists, heads, [c.box for c in columns], fonts)
    return None if pages is None else (columns, pages)


def _by_meaning(lists: Chunks, heads: Chunks, boxes: list[Box], fonts: Fonts
                ) -> list[RolePage] | None:
    """Each list on slides of its own (what they do, then what it takes), its label over
    the first column and its items across both columns, cut where the two columns'
    heights are even; a list too long for one slide runs over the fewest that hold it
    (each within MAX_WORDS). Every slide at the smallest size any of them needs; the
    slides after the first, titled with their list, show no label above it."""
    pages: list[tuple[float, list[Para], list[Para], int]] = []
    for topic, items in enumerate(lists):
        if not items:
            continue
        head = heads[topic]
        # the second column starts level with the first's items: an empty label line
        blank = [replace(p, spans=(Span(" "),)) for p in head]
        for count in range(2, 2 * len(items) + 1, 2):
            runs = _balanced(items, head, count, boxes[0], fonts)
            found = []
            for first, second in zip(runs[::2], runs[1::2], strict=True):
                if not first:
                    break  # fewer slides hold it: this count is not the fewest
                size = _page((first, second), (head, blank), boxes, fonts, alone=False)
                if size is None:
                    break
                found.append((size, [*head, *first], [*blank, *second] if second else [],
                              topic))
            else:
                pages += found
                break
        else:
            return None
    common = min(size for size, *_ in pages)
    out = []
    for number, (_, left, right, topic) in enumerate(pages):
        shown = [p for p in (*left, *right) if p.bullet]
        if number:  # its title names the list ("Sales: what it takes"): no label repeats it
            left, right = [p for p in left if p.bullet], [p for p in right if p.bullet]
        out.append(RolePage(common, (left, right), (shown, []) if topic == 0 else ([], shown),
                            topic))
    return out


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

    lang = deck.lang
    shape = filled_shape(slide, (area.left, area.top, area.width, height), "Role header",
                         MSO_THEME_COLOR.ACCENT_1, rounding=0.12)
    line = Para((*typed_spans(name, lang, bold=True),
                 Span("   ·   "), *spans(focus, lang)), tone=deck.tones.readable("bg1", "accent1"))
    box = Box(area.width / 12700, height / 12700, 14.4, 3.6)
    size = largest_size([line], box, deck.body_fonts, 24, 18) or 18
    deck.scale.fill(LIST_TEXT, shape, [line], size)
    frame = shape.text_frame
    frame.margin_left = frame.margin_right = 182880
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE


def _said(deck: DeckContext, column: int, label: str, items: list[str]) -> str:
    """A role's full list as a presenter says it: the language's line around it
    (`spoken.activities`, `spoken.skills`: "They do three things: a, b and c."), the
    items joined as the language lists them (Babel); without a line, the list after its
    label ("What they do: a; b.")."""
    line = (deck.guide.spoken.activities, deck.guide.spoken.skills)[column]
    lang = deck.lang
    if not line:
        return listed(label, [Para(spans(item, lang)) for item in items])
    from smguide.deck.write import plain
    from smguide.sources.languages import format_list

    parts = [plain(item, lang).strip().rstrip(".") for item in items]
    try:
        joined = format_list(parts, deck.guide.language)
    except (ValueError, LookupError):
        joined = ", ".join(parts)
    return line.replace("{count}", str(len(parts))).replace("{items}", joined)
