"""A slide's title: fitted to its placeholder (or where titles go), at the type scale's
size for its kind of slide, with the uppercase eyebrow above it as in the handbook."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from smguide.deck import slides
from smguide.deck.fidelity import content_title_style, master_title_size
from smguide.deck.subtitle import anchor_of, text_extent
from smguide.deck.textfit import (
    SCALE,
    Box,
    Para,
    Span,
    balanced_lines,
    fits,
    largest_size,
    line_count,
    lines_broken_into,
    on_scale,
)
from smguide.deck.write import LINE_BREAK, fill, plain, typed_spans, write_paras

if TYPE_CHECKING:
    from pptx.slide import Slide

    from smguide.deck.context import DeckContext
    from smguide.deck.plan import PlannedSlide

# base and smallest size of titles, steps of the type scale (textfit.SCALE); a template's
# small title placeholder takes them down to 14 pt on content slides, the floor for text
# on a slide. One type scale: the cover, the closing slide and the dividers share the
# largest step, every content slide's title at the next (32 pt, a third over the lists'
# 24) where all of them fit it, else at the step under it
TITLE_SIZES = {"title": (40, 14), "closing": (40, 14), "section": (40, 14), "slide": (32, 14)}
EYEBROW = 14  # the small line in capitals above a title (pt)


def eyebrow_of(deck: DeckContext, planned: PlannedSlide, title: str) -> str | None:
    """The uppercase line above a title, as in the handbook: the chapter's title on
    its slides, "Chapter N" on a slide titled like the chapter. A divider has none: its
    title is the chapter's, and the deck's only divider saying "Chapter 7" reads as
    generated (only chapters of several content blocks get one). The summary slide's is
    `labels.summary` ("In short") over a title of its own (`deck.summary_title`); titled
    with the label, it has none, as the agenda."""
    if planned.kind == "summary":
        label = deck.guide.labels.summary
        return label if label and label != title else None
    chapter = planned.chapter
    if chapter is None or planned.kind != "block":
        return None
    if title.startswith(plain(chapter.title, deck.lang)):
        return f"{deck.guide.labels.chapter} {deck.chapter_number(chapter)}"
    return plain(chapter.title, deck.lang)


def set_title(deck: DeckContext, slide: Slide, text: str, kind: str,
              planned: PlannedSlide, eyebrow: str | None = None) -> None:
    """The title fitted to its placeholder (or a text box where the layout has none);
    an eyebrow takes the top of the title's box and the title moves down under it,
    so every title is measured in the room it really has."""
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Emu, Pt

    shape = _placed_title(deck, slide, planned)
    paras = [Para(typed_spans(text, deck.lang))]
    bold = [Para(tuple(Span(s.text, True, s.italic) for s in paras[0].spans))]
    box = deck.box_of(shape)
    size, eyebrow = title_size(deck, text, kind, planned, eyebrow, box, shape)
    room = EYEBROW * 1.6
    # in the brand's heading weight (bold for 600 and up), whatever the template's title
    # style says: measured bold, so set bold
    shown = bold if deck.brand.heading_weight >= 600 else paras
    deck.scale.fill(f"title:{kind}", shape, shown, size)
    if not eyebrow and kind == "slide":  # the agenda, the summary: as their siblings
        left, top, width, height = deck.geometry(shape)  # its own place (the layout's)
        shape.left, shape.top, shape.width, shape.height = (Emu(left), Emu(top), Emu(width),
                                                            Emu(height))
        deck.scale.then_sized(shape, lambda size: _above_the_text(deck, shape, None, top))
    if eyebrow:
        left, top, width, height = deck.geometry(shape)
        shape.left, shape.top, shape.width = Emu(left), Emu(top + Pt(room)), Emu(width)
        shape.height = Emu(height - Pt(room))
        line = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Pt(room))
        deck.scale.then_sized(shape, lambda size: _under_the_eyebrow(
            deck, shape, shown[0], size, line, top))
        if planned.kind == "block" and planned.block is not None:
            deck.scale.sibling(planned.block.type, len(deck.prs.slides) - 1,
                               (shape, shown[0], line, top))
        line.name = "Eyebrow"
        # the secondary colour where it reads on what is behind (14 pt bold: large text)
        tone = deck.tones.readable("accent2", deck.tones.behind(deck.pick_of(planned).layout),
                                   large=True)
        words = Para(typed_spans(eyebrow, deck.lang, bold=True), tone=tone)
        short = planned.chapter.short_title if planned.chapter is not None else None
        if not _one_line(deck, words, width, box.inset_x) and short:
            words = Para(typed_spans(short, deck.lang, bold=True),
                         tone=tone)  # the running head's short title
        if not _one_line(deck, words, width, box.inset_x) and planned.chapter is not None:
            words = Para((Span(f"{deck.guide.labels.chapter} "
                               f"{deck.chapter_number(planned.chapter)}", True),),
                         tone=tone)
        fill(line, [words], EYEBROW)
        for run in line.text_frame.paragraphs[0].runs:  # capitals shown, words kept
            run.font._rPr.set("cap", "all")
        line.text_frame.margin_top = line.text_frame.margin_bottom = 0
        line.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM


def _placed_title(deck: DeckContext, slide: Slide, planned: PlannedSlide) -> Any:
    """The slide's title shape where the layout picker puts it: its placeholder (moved up
    from the slide's foot, or grown to hold the eyebrow, on a company template), else a
    text box where titles go."""
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Emu

    shape = slide.shapes.title
    area = deck.pick_of(planned).title_area
    if shape is None:  # a layout without a title: a text box where titles go
        shape = slide.shapes.add_textbox(Emu(area.left), Emu(area.top), Emu(area.width),
                                         Emu(area.height))
        shape.name = "Title"
    elif not all(deck.geometry(shape)[2:]):  # no position on the layout nor the master
        shape.left, shape.top = Emu(area.left), Emu(area.top)
        shape.width, shape.height = Emu(area.width), Emu(area.height)
    else:  # a company template's title box grown to hold the eyebrow too, or moved up
        grown = deck.pick_of(planned).title  # from the slide's foot (LayoutPicker)
        left, top, width, height = deck.geometry(shape)
        if grown is not None and top >= deck.sheet.height / 2 > grown.top:
            shape.left, shape.top = Emu(grown.left), Emu(grown.top)
            shape.width, shape.height = Emu(grown.width), Emu(grown.height)
            content_title_style(shape)  # its text on the band's foot, over the content
            shape.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
        elif grown is not None and grown.height > height and (grown.left, grown.top) == (
                left, top):
            shape.left, shape.top = Emu(left), Emu(top)
            shape.width, shape.height = Emu(width), Emu(grown.height)
    return shape


def _under_the_eyebrow(deck: DeckContext, shape: Any, title: Para, size: float, line: Any,
                       top: int) -> None:
    """A title under its eyebrow in any font, by the rule body text follows too
    (textfit.lines_broken_into): a title that wraps in the deck's own font is broken
    into as many even lines (textfit.balanced_lines), each fitting the wider of the
    brand's font and the fonts shown in its place (measuring), so it takes as many lines
    in Lato as in Arial. A title one line in the deck's own font is left whole where it
    is one line in the font shown in its place too, and broken into the lines it takes
    there where it wraps: a title's text sits at its box's foot, on the line under it,
    and the eyebrow sits on its first line (_above_the_text), so it takes as many lines
    in every font or its eyebrow would stand a line off it (or over it) in one of them.
    Every content title's box ends where the layout's title area does: its last line is
    one distance above the rule under it on every slide, with one line or two."""
    width = deck.box_of(shape).inner_width
    count = lines_broken_into(title, width, size, deck.own_head_fonts, deck.head_fonts)
    if count < 2:  # one line in Lato, wrapping in its substitute: broken for both
        count = line_count(title, width, size, deck.head_fonts)
    lines = balanced_lines(title, width, size, deck.head_fonts) if count > 1 else []
    text = "".join(span.text for span in title.spans)
    lines = _as_first(deck, text, width, size, title) or lines
    deck.title_lines[text] = lines or [text]
    if len(lines) > 1:
        broken = replace(title.spans[0], text=LINE_BREAK.join(lines))
        write_paras(shape.text_frame, [replace(title, spans=(broken,))], size)
    _above_the_text(deck, shape, line, top)


def _as_first(deck: DeckContext, text: str, width: float, size: float,
              title: Para) -> list[str] | None:
    """A block's continued title ("<title> (<continued>)") in the lines its first slide's
    title is set in, the marker after its last line ("Ihre Checkliste für / die erste
    Woche (Fortsetzung)", not "... für die / erste Woche (Fortsetzung)"), where that
    line fits `width` in the deck's own font and those shown in its place; else None
    (the title broken as any other)."""
    marker = f" ({deck.guide.labels.continued})"
    first = deck.title_lines.get(text[: -len(marker)]) if text.endswith(marker) else None
    if not first or len(first) < 2 or len(title.spans) != 1:
        return None
    last = replace(title, spans=(replace(title.spans[0], text=first[-1] + marker),))
    if any(line_count(last, width, size, fonts) > 1
           for fonts in (deck.own_head_fonts, deck.head_fonts)):
        return None
    return [*first[:-1], first[-1] + marker]


def _above_the_text(deck: DeckContext, shape: Any, line: Any, top: int) -> None:
    """The eyebrow `line` at the top of the title's box, in one place on every slide,
    the title's text just under it at its final size (the deck's one title size, set at
    the end): on a company template a title of one line in a box that holds two is
    anchored at its box's top, which starts under the eyebrow, rather than the eyebrow
    coming down to it (it moved up a line over every two-line title); in the built-in
    theme, whose titles stand on its accent rule, the eyebrow comes down to a title's
    first line, a one-line title's wherever its siblings' is. `top` is where
    the title's box began. With no `line` (a
    content slide without an eyebrow: the agenda, the summary) the title is placed as
    if it had one, so its text starts where its siblings' does: where there is room
    for one above its text."""
    from pptx.util import Emu, Pt

    room = Pt(EYEBROW * 1.6)
    start, end = text_extent(deck, shape)
    bottom = shape.top + shape.height
    if anchor_of(shape) == "ctr":
        start = bottom - (end - start)
    if line is None and start - room < top:
        return  # a title of more lines than the siblings' room allows keeps its box
    eyebrow = max(top, start - room)
    if deck.options.template is not None and eyebrow - top >= room:  # hung from the
        # eyebrow's one place (a line's slack kept; the built-in theme's one-line titles
        # stand on its accent rule, their eyebrows in one place there)
        from pptx.enum.text import MSO_ANCHOR

        shape.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        eyebrow = top
    if line is not None:
        line.top = Emu(eyebrow)
    shape.top = Emu(eyebrow + room)
    shape.height = Emu(bottom - shape.top)


def title_size(deck: DeckContext, text: str, kind: str, planned: PlannedSlide,
               eyebrow: str | None, box: Box, shape: Any) -> tuple[float, str | None]:
    """(size, eyebrow kept) of a title in the `box` of its `shape`: an eyebrow takes
    the top of the box when there is room for both, else the title has the whole
    box; a title that fits in neither is refused. On a company template a content
    title starts at its master's title size (the type scale's step at or under it, up to
    40 pt: the designer's size) and is set at the largest step at which it fits its box
    in at most two lines."""
    base, minimum = float(TITLE_SIZES[kind][0]), TITLE_SIZES[kind][1]
    two_lines = False
    if kind == "slide" and deck.options.template is not None and hasattr(shape, "part"):
        own = master_title_size(shape)
        if own is not None and own >= minimum:
            base, two_lines = max(s for s in SCALE if s <= min(own, 40.0)), True
    bold = [Para(tuple(Span(s.text, True, s.italic)
                       for s in typed_spans(text, deck.lang)))]
    room = EYEBROW * 1.6

    def largest(inside: Box) -> float | None:
        return next((size for size in on_scale(base, minimum)
                     if fits(bold, inside, size, deck.head_fonts) and (not two_lines or line_count(
                         bold[0], inside.inner_width, size, deck.head_fonts) <= 2)), None)

    size = None
    if eyebrow and kind != "title" and box.height > room * 2:
        size = largest(Box(box.width, box.height - room, box.inset_x, box.inset_y))
    if size is None:  # no eyebrow, or no room for one: the title has the whole box
        eyebrow = None
        size = largest(box) if two_lines else largest_size(bold, box, deck.head_fonts, base,
                                                           minimum)
    if size is None:
        raise slides.too_long(deck, planned, "the title", text, shape, minimum)
    return size, eyebrow


def _one_line(deck: DeckContext, words: Para, width: int, inset: float) -> bool:
    """Does `words`, in capitals, fit on one eyebrow line `width` EMU wide?"""
    capitals = Para(tuple(replace(s, text=s.text.upper()) for s in words.spans))
    one_line = Box(width / 12700, EYEBROW * 1.6, inset, 0)
    return largest_size([capitals], one_line, deck.body_fonts, EYEBROW, EYEBROW) is not None


def continued_title(deck: DeckContext, planned: PlannedSlide, title: str,
                    shown: list[str], alone: bool = True) -> str | None:
    """The title of a slide that continues a block, naming what it shows (`shown`: the
    rows, lists or items on it): "Sales: what it takes" (in English a word after a colon
    starts in lower case), "Deals now, or trust over time: Scope · Goal" (several names
    kept as written, in any language), else, where that does not fit the title's box at
    the content titles' size, what it shows alone ("Scope · Goal"; unless not `alone`: a
    range of numbers says nothing alone); None when neither fits."""
    if not shown:
        return None
    names = [plain(part, deck.lang).strip().rstrip(".") for part in shown]
    listed = _lowered(deck, names[0]) if len(names) == 1 else " · ".join(names)
    box = deck.title_box(planned)[0]
    base = TITLE_SIZES["slide"][0]
    tried = [deck.guide.typography.pair(title, listed)]
    if alone:
        tried.append(" · ".join(names))
    for text in tried:
        room = box
        if eyebrow_of(deck, planned, text) and box.height > EYEBROW * 1.6 * 2:
            room = Box(box.width, box.height - EYEBROW * 1.6, box.inset_x, box.inset_y)
        bold = [Para(tuple(Span(s.text, True, s.italic)
                           for s in typed_spans(text, deck.lang)))]
        if largest_size(bold, room, deck.head_fonts, base, base) is not None:
            return text
    return None


def continuation(deck: DeckContext, planned: PlannedSlide, title: str, shown: list[str],
                 number: int, pages: int, alone: bool = True) -> str:
    """Slide `number` (from 1) of a block's `pages`: titled with what it shows
    (continued_title), else with its place among them ("Key takeaways (2/3)")."""
    return continued_title(deck, planned, title, shown, alone) or f"{title} ({number}/{pages})"


def places_of(numbers: list[int]) -> str:
    """The places of what a continued slide shows among its block's (from 1): "6–10",
    or "5" for one."""
    first, last = min(numbers), max(numbers)
    return f"{first}–{last}" if last > first else str(first)


def _lowered(deck: DeckContext, text: str) -> str:
    """`text` after a colon: in English its first letter in lower case (not an acronym's:
    "CRM" stays); other languages keep it as written."""
    if deck.guide.language.split("-")[0] != "en" or not text[:1].isupper() \
            or text[1:2].isupper():
        return text
    return text[0].lower() + text[1:]


def even_siblings(deck: DeckContext) -> None:
    """Sibling slides' titles in as many lines (slides of one kind of block next to each
    other: the two role slides): where one takes two lines in its box and its sibling
    one ("Marketing cares for / the whole market" beside "Sales wins customers, deal by
    deal" on a 4:3 template in a wide font), the shorter is broken into as many even
    lines (textfit.balanced_lines, each fitting the fonts shown in its place) where they
    fit its box, so both title bands look alike and their text ends at one height over
    content that starts at one height."""
    for run in deck.scale.sibling_runs():
        counts = [_lines_of(shape) for shape, *_ in run]
        most = max(counts)
        model = run[counts.index(most)][0]._element.txBody.bodyPr  # the longest's
        for (shape, title, line, top), count in zip(run, counts, strict=True):
            if count >= most:
                continue
            size = _size_of(shape)
            width = deck.box_of(shape).inner_width
            lines = _into(title, width, size, deck.head_fonts, most)
            if lines is None:
                continue
            broken = replace(title.spans[0], text=LINE_BREAK.join(lines))
            candidate = [replace(title, spans=(broken,))]
            if not fits(candidate, deck.box_of(shape), size, deck.head_fonts):
                continue
            write_paras(shape.text_frame, candidate, size)
            anchor, own = model.get("anchor"), shape._element.txBody.bodyPr
            if anchor is None:  # its text hung as the longest's is
                own.attrib.pop("anchor", None)
            else:
                own.set("anchor", anchor)
            _above_the_text(deck, shape, line, top)


def _lines_of(shape: Any) -> int:
    """The lines a title's text is broken into (its line breaks)."""
    return shape.text_frame.text.count(LINE_BREAK) + 1


def _size_of(shape: Any) -> float:
    """The size a title is set at (its first run's)."""
    return next(run.font.size.pt for para in shape.text_frame.paragraphs
                for run in para.runs if run.font.size is not None)


def _into(title: Para, width: float, size: float, fonts: Any, count: int
          ) -> list[str] | None:
    """`title` in `count` even lines that each fit `width` (the narrowest width at which
    it wraps into that many), or None where it cannot be."""
    for step in range(100, 30, -2):
        lines = balanced_lines(title, width * step / 100, size, fonts)
        if len(lines) == count:
            return lines
        if len(lines) > count:
            return None
    return None
