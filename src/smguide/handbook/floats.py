"""Kept-whole blocks placed as a designer places a figure: after the text that follows
them, when keeping them in place leaves a hole.

A role card, a comparison table, a checklist, a picture or a callout is never split by a
page turn, so when it is too tall for what is left of a page it goes overleaf and leaves
the rest of the page white. When that white is more than GAP of the text block, on a page
that is not its chapter's last, the running text after the block (its prose blocks, as
many as the hole needs) is set before it: the text fills the page, and the block opens
the next one, as a figure floats to the top of the next page in a book. When no such text
follows (the takeaways come next), the block goes before the prose block before it, as a
designer moves a callout up. Each block moves at most once, only past prose (and the
questions, which may turn the page between two), never past the takeaways (they sum up
the text before them) or another block kept whole.

A diagram and its key are kept whole inside their block, after the block's text: when
they go overleaf and leave such a hole under the text, the diagram's lesson (a callout
after the key) is set above the diagram, right after the text, so the text and the
lesson fill the page and the diagram opens the next (the block's parts have ids of
their own: BLOCK-text, BLOCK-key, BLOCK-lesson). Where the key is kept whole apart from
its diagram (A5: the two are taller than a page) and goes overleaf, leaving the diagram
alone on its page, the lesson is set under the diagram (BLOCK-figure), before its key
(BLOCK-map), when it fits in the white there: the key still opens the next page, the
facing one when the diagram is on a left-hand page.

A block never leaves its section, as in a book. A section is a block with a heading of
its own (an <h2> first in it) and the blocks without one after it. So a block with its
own heading (it opens a section: "Sales at a glance", "Your first-week checklist")
never moves, since any move would carry text into or out of its section; a block
without one moves only past, or up before, blocks of its own section (never past or
before a block that opens a section). A callout is the one exception: a sidebar, not
running text, it is set up into the hole a block with its own heading leaves on the
page before it ("At a glance" after a chapter's short first section on A5), when it
fits there, as a designer sets a box where the page has room for it. The running text
of every edition, paper size and language is then printed in the order the content
gives it, which is the order the text describes ("Reading the table" after the table,
the checklist before the questions). A move is kept only when its chapter comes out
better: fewer holes, never more pages (and, for a block moved up, no last page left
less than half full).

Read from the laid-out pages through WeasyPrint's public API (`Page.anchors`: each block
of a chapter has the id ANCHOR-N on every page it is on, positions in CSS pixels); the
blocks are moved in the HTML the templates made (`<div class="block block-TYPE"
id="...">`), so a template override without that shape is laid out as it is. A chapter
starts on a new page, so its moves are tried on it laid out alone (`place_floats_alone`,
a small document) rather than on the whole handbook.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from smguide.handbook.endings import (
    FIGURE,
    KEPT,
    LESSON,
    MAP,
    TEXT,
    Fit,
    text_feet,
)

GAP = 0.3  # a page inside a chapter more than this white has a hole (tests/pagequality.py)
FLOATS = ("role", "comparison", "checklist", "image", "callout")  # kept whole, may move
FLOWING = ("prose", "questions")  # text a page turn may break (questions: between two)
ROOM = 0.05  # room a callout needs beyond its box (its margins), of the text block
ROUNDS = 2  # layouts spent on moving blocks, at most (each move is then laid out anew)

_BLOCK = re.compile(r'<div class="block block-([\w-]+)" id="([^"]+)">')
_TAGS = re.compile(r"<(/?)(div|aside|figure)\b[^>]*>")  # what a moved element is and holds
_HEADING = re.compile(r"\s*<h[2-6]\b")  # a block's own heading, first in it


@dataclass(frozen=True)
class Move:
    """Set the block `block` right after the block `after` (both ids)."""

    block: str
    after: str


def blocks(html: str) -> list[tuple[str, str]]:
    """The chapters' blocks in order: (id, type)."""
    return [(match.group(2), match.group(1)) for match in _BLOCK.finditer(html)]


def moved(html: str, moves: list[Move]) -> str:
    """The HTML with each block set right after its `after` block, earlier or later (a
    move whose blocks are not both found whole is left out)."""
    for move in moves:
        block = _span(html, move.block)
        if block is None or move.block == move.after or _span(html, move.after) is None:
            continue
        text = html[block[0]:block[1]]
        rest = html[:block[0]] + html[block[1]:]
        after = _span(rest, move.after)
        if after is None:
            continue
        html = rest[:after[1]] + text + rest[after[1]:]
    return html


def _span(html: str, anchor: str) -> tuple[int, int] | None:
    """Where the element with id `anchor` (a block's <div>, or a <div> or <aside> in
    one) starts and ends (its tag and the one that closes it), with the white space
    after it."""
    start = next((m for m in _TAGS.finditer(html) if not m.group(1)
                  and f' id="{anchor}"' in m.group()), None)
    if start is None:
        return None
    depth = 0
    for tag in _TAGS.finditer(html, start.start()):
        if tag.group(2) == start.group(2):
            depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = tag.end()
            while end < len(html) and html[end] in " \n":
                end += 1
            return start.start(), end
    return None


def placements(document: Any) -> dict[str, dict[int, tuple[float, float]]]:
    """Each anchored element's (top, bottom) on each page it is on (CSS px)."""
    found: dict[str, dict[int, tuple[float, float]]] = {}
    for number, page in enumerate(document.pages):
        for name, box in page.anchors.items():
            found.setdefault(name, {})[number] = (float(box[1]), float(box[3]))
    return found


def moves(document: Any, html: str, fit: Fit, done: frozenset[str] = frozenset()
          ) -> list[Move]:
    """The blocks to set after the text that follows them: each float that opens a page
    after a hole on the page before (in its chapter), past as many prose blocks after it
    as fill the hole (measured on this layout). `done`: blocks moved already."""
    where = placements(document)
    height = fit.bottom - fit.top
    order = blocks(html)
    found: list[Move] = []
    for i, (anchor, kind) in enumerate(order):
        chapter = _chapter(anchor)
        pages = where.get(anchor)
        if kind not in FLOATS or anchor in done or not pages or i == 0 or _opens_section(
                html, anchor):
            continue  # not a float, moved already, or a section of its own: it stays
        before = order[i - 1][0]
        first = min(pages)
        if _chapter(before) != chapter or max(where.get(before) or [-1]) != first - 1:
            continue  # the first block of its chapter, or not pushed overleaf
        hole = _white(where, chapter, first - 1, fit)
        if hole <= GAP * height:
            continue
        after, filled = None, 0.0
        for name, following in order[i + 1:]:
            if following not in FLOWING or _chapter(name) != chapter or _opens_section(
                    html, name):
                break  # past text of its own section only
            after = name
            filled += sum(bottom - top for top, bottom in where.get(name, {}).values())
            if filled >= hole:
                break
        if after is None and i >= 2 and order[i - 1][1] in FLOWING and _chapter(
                order[i - 2][0]) == chapter and not _opens_section(html, before):
            after = order[i - 2][0]  # nothing to set before it: it goes before the text
            # before it, as a designer moves a callout up (the layout shows if it fits)
        if after is not None:
            found.append(Move(anchor, after))
    return found + _sidebars_up(where, html, fit, done) + _lessons_up(where, fit, done) + \
        _lessons_under(where, fit, done)


def _white(where: dict[str, dict[int, tuple[float, float]]], chapter: str | None,
           page: int, fit: Fit) -> float:
    """The white under the lowest block of `chapter` on `page` (CSS px)."""
    return fit.bottom - max(bottom for name, on in where.items() if _chapter(name) == chapter
                            for number, (_, bottom) in on.items() if number == page)


def _sidebars_up(where: dict[str, dict[int, tuple[float, float]]], html: str, fit: Fit,
                 done: frozenset[str]) -> list[Move]:
    """A callout set up into the hole a block with a heading of its own leaves when it
    goes overleaf (such a block opens a section and never moves: "At a glance" after a
    chapter's short first section): the first callout without a heading after it in its
    chapter that fits in the hole is set before it, at the foot of the page before. A
    callout is a sidebar, not running text, so it may leave its section, as a designer
    sets a box where the page has room for it; running text never does."""
    height = fit.bottom - fit.top
    order = blocks(html)
    found = []
    for i, (anchor, kind) in enumerate(order[1:], start=1):
        chapter, pages, before = _chapter(anchor), where.get(anchor), order[i - 1][0]
        if kind not in FLOATS or not pages or not _opens_section(html, anchor) or \
                _chapter(before) != chapter or max(where.get(before) or [-1]) != min(pages) - 1:
            continue  # not a float of a section of its own pushed overleaf
        hole = _white(where, chapter, min(pages) - 1, fit)
        if hole <= GAP * height:
            continue
        for name, following in order[i + 1:]:
            on = where.get(name, {})
            if _chapter(name) != chapter:
                break
            if following == "callout" and name not in done and len(on) == 1 and not \
                    _opens_section(html, name) and sum(
                        bottom - top for top, bottom in on.values()) + ROOM * height < hole:
                found.append(Move(name, before))
                break
    return found


def _lessons_up(where: dict[str, dict[int, tuple[float, float]]], fit: Fit,
                done: frozenset[str]) -> list[Move]:
    """A diagram's lesson set above the diagram (right after its block's text), as a
    designer moves a callout up, when the diagram with its key went overleaf and left
    more than GAP of the page before white under the text (the lesson is after the key,
    on a later page)."""
    found = []
    for (block, page), foot in text_feet(where).items():
        lesson, key = where.get(block + LESSON), where.get(block + KEPT)
        if lesson and key and block + LESSON not in done and page == min(key) - 1 and \
                min(lesson) >= min(key) and fit.bottom - foot > GAP * (fit.bottom - fit.top):
            found.append(Move(block + LESSON, block + TEXT))
    return found


def _lessons_under(where: dict[str, dict[int, tuple[float, float]]], fit: Fit,
                   done: frozenset[str]) -> list[Move]:
    """A diagram's lesson set under the diagram (before its key), as a designer fills the
    white a figure leaves, when the key went overleaf from the diagram and left more than
    GAP of the diagram's page white, and the lesson (after the key, on a later page) fits
    in that white: the key then opens the next page as before."""
    found = []
    height = fit.bottom - fit.top
    for name, figure in where.items():
        block = name.removesuffix(FIGURE)
        lesson, key = where.get(block + LESSON), where.get(block + MAP)
        if block == name or not figure or not lesson or not key or \
                block + LESSON in done or len(figure) > 1:
            continue
        page = min(figure)
        white = fit.bottom - figure[page][1]
        tall = sum(bottom - top for top, bottom in lesson.values()) + ROOM * height
        if min(key) > page and min(lesson) >= min(key) and white > GAP * height and \
                tall < white:
            found.append(Move(block + LESSON, block + FIGURE))
    return found


def _opens_section(html: str, anchor: str) -> bool:
    """Whether the block `anchor` starts with a heading of its own (a new section)."""
    span = _span(html, anchor)
    opening = _BLOCK.match(html, span[0]) if span is not None else None
    return opening is not None and _HEADING.match(html, opening.end()) is not None


def _chapter(anchor: str) -> str | None:
    """The chapter of a block's id (ANCHOR-N, or ANCHOR-N-lesson: the lesson of a diagram
    in it), None for any other id."""
    chapter, _, number = anchor.removesuffix(LESSON).rpartition("-")
    return chapter if number.isdigit() and chapter else None


def holes(document: Any, fit: Fit, ends: bool = False) -> dict[str, tuple[int, int]]:
    """Each chapter's pages and its pages with a hole: more than GAP white before its
    last (`ends`: or a last page less than half full, a few lines and the takeaways)."""
    where = placements(document)
    feet = text_feet(where)  # a block's text before its diagram, which went overleaf
    height = fit.bottom - fit.top
    lowest: dict[str, dict[int, float]] = {}
    for name, on in where.items():
        chapter = _chapter(name)
        if chapter is not None:
            for page, (_, bottom) in on.items():
                pages = lowest.setdefault(chapter, {})
                pages[page] = max(pages.get(page, 0.0), feet.get((name, page), bottom))
    return {chapter: (len(pages), sum(fit.bottom - bottom > GAP * height
                                      for page, bottom in pages.items() if page < max(pages))
                      + (ends and len(pages) > 1 and pages[max(pages)] - fit.top < height / 2))
            for chapter, pages in lowest.items()}


def place_floats(lay_out: Callable[[str], Any], html: str, fit: Fit
                 ) -> tuple[str, Any | None, list[Move]]:
    """Lay out `html`, move the floats that leave holes and lay out again, keeping the
    moves of each chapter that came out better (fewer holes, never more pages); at most
    ROUNDS times. Returns the HTML as placed, its layout (None when the last layout was
    of moves not all kept) and the moves kept."""
    document: Any | None = lay_out(html)
    made: list[Move] = []
    tried: set[str] = set()
    for _ in range(ROUNDS):
        if document is None:
            document = lay_out(html)
        wanted = moves(document, html, fit, frozenset(tried))
        if not wanted:
            break
        tried.update(m.block for m in wanted)
        trial = lay_out(moved(html, wanted))
        # a block moved up may leave its chapter's last page short, which fitting.py
        # cannot always mend: such a move must not leave it so
        ups = {_chapter(m.block) for m in wanted if _up(html, m)}
        before, after = holes(document, fit), holes(trial, fit)
        before_ends, after_ends = holes(document, fit, True), holes(trial, fit, True)
        kept = [m for m in wanted if _better(
            (after_ends if _chapter(m.block) in ups else after).get(_chapter(m.block) or ""),
            (before_ends if _chapter(m.block) in ups else before).get(_chapter(m.block) or ""))]
        if kept:
            html = moved(html, kept)
            made += kept
        document = trial if kept == wanted else (document if not kept else None)
    return html, document, made


# (the moves made in a chapter, its anchor) -> that chapter laid out alone with them (a
# WeasyPrint Document), or None when it cannot be cut out
Alone = Callable[[list[Move], str], Any]


def place_floats_alone(lay_out: Callable[[str], Any], html: str, fit: Fit, alone: Alone
                       ) -> tuple[str, Any, list[Move], dict[str, Any]] | None:
    """`place_floats` with the moves tried on each chapter laid out alone (a chapter
    starts on a new page, so its pages depend on it alone): the same moves kept, in one
    layout of the whole HTML. Returns the HTML as placed, the layout of the HTML as given,
    the moves kept and the layout (alone) of each chapter whose blocks moved; None when a
    chapter cannot be laid out alone."""
    document = lay_out(html)
    made: list[Move] = []
    tried: set[str] = set()
    changed: dict[str, Any] = {}
    sources = [document]  # where new moves may be: all chapters, then those that moved
    for _ in range(ROUNDS):
        wanted = [m for source in sources for m in moves(source, html, fit, frozenset(tried))]
        if not wanted:
            break
        tried.update(m.block for m in wanted)
        sources = []
        for chapter in dict.fromkeys(_chapter(m.block) or "" for m in wanted):
            mine = [m for m in wanted if _chapter(m.block) == chapter]
            trial = alone([m for m in made if _chapter(m.block) == chapter] + mine, chapter)
            if trial is None:
                return None
            ends = any(_up(html, m) for m in mine)  # moved up: no short last page either
            before = holes(changed.get(chapter, document), fit, ends).get(chapter)
            if _better(holes(trial, fit, ends).get(chapter), before):
                html = moved(html, mine)
                made += mine
                changed[chapter] = trial
                sources.append(trial)
    return html, document, made, changed


def _up(html: str, move: Move) -> bool:
    """Whether the move sets its block (or a diagram's lesson) earlier than it was."""
    after, block = _span(html, move.after), _span(html, move.block)
    return after is not None and block is not None and after[1] < block[0]


def _better(after: tuple[int, int] | None, before: tuple[int, int] | None) -> bool:
    """Fewer holes in no more pages."""
    return after is not None and before is not None and after < before
