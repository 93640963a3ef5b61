"""How each chapter of a laid-out handbook ends: on which pages, and how full each is.

Read from the laid-out pages through WeasyPrint's public API: each chapter's start, its
blocks and the empty marker at its end are anchors (`Page.anchors`, positions in CSS
pixels). The fitting (fitting.py) chooses each chapter's spacing from these endings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

FULL_ENOUGH = 0.55  # a last page at least this full is left alone (the limit is half
# full: the anchors' boxes reach a little lower than the glyphs a reader sees)
NO_HOLE = 0.73  # a page before a chapter's last at least this full has no hole (the
# limit is 30% white, floats.GAP)
# a chapter's opening page (not its last) with more white than this many lines of the
# body's leading under its text stops short (a kept block overleaf): fewer lines than a
# hole, it still reads short to a designer (tests/pagequality.py SHORT_PAGE_LINES, 5; the
# anchors' boxes reach a little lower than the glyphs a reader sees)
SHORT_LINES = 4.6


@dataclass(frozen=True)
class Fit:
    """Where the text block is (CSS px from the page's top), the opening drop every
    chapter has (fitting never changes it), the chapters' anchors in order (the end
    marker is ANCHOR--end) and the blocks (ANCHOR-N) that may be set as wide as the
    opener: cards and tables, on a paper whose opener reaches into the
    outer margin; and the back matter, whose opener may stand at the text block's top."""

    top: float
    bottom: float
    drop: float
    chapters: tuple[str, ...]
    wide: tuple[str, ...] = ()
    back: tuple[str, ...] = ()  # the chapters that are back matter (html.back_matter)
    # the blocks that hold a list, table or card kept together (facing.KEEP_TYPES)
    kept: tuple[str, ...] = ()
    line: float = 0.0  # the body's leading (CSS px; 0: not known, no short pages)

    @property
    def full(self) -> float:
        """How full (of the text block) a chapter's opening page before its last is at
        least, not to stop short: no more than SHORT_LINES of white under its text (and
        no hole: NO_HOLE)."""
        height = self.bottom - self.top
        return max(NO_HOLE, 1 - SHORT_LINES * self.line / height) if height > 0 else NO_HOLE


@dataclass(frozen=True)
class Ending:
    first_page: int
    last_page: int
    fills: tuple[float, ...]  # how full each of its pages is, 0..1 of the text block
    overleaf: int = 0  # the number N of its first block (ANCHOR-N) that starts after its
    # first page (0: none, or not known)
    turned: tuple[int, ...] = ()  # the numbers of its blocks that a page turn runs through
    full: float = NO_HOLE  # its opening page at least this full is not short (Fit.full)

    @property
    def fill(self) -> float:
        return self.fills[-1]

    @property
    def poor(self) -> int:
        """Its pages with a hole (more than 30% white before its last page) and a last
        page less than half full (none when it has one page)."""
        if len(self.fills) < 2:
            return 0
        return sum(f < NO_HOLE for f in self.fills[:-1]) + (self.fills[-1] < FULL_ENOUGH)

    @property
    def shorts(self) -> int:
        """1 when its opening page, not its last, has no hole but stops short (more than
        SHORT_LINES white under its text: `full`), else 0."""
        return int(len(self.fills) > 1 and NO_HOLE <= self.fills[0] < self.full)

    @property
    def short(self) -> float:
        """How far its pages fall short of those limits, together (0..: smaller is
        better): of two endings with as many poor pages, the one nearer to none."""
        if len(self.fills) < 2:
            return 0.0
        return sum(max(0.0, NO_HOLE - f) for f in self.fills[:-1]) + max(
            0.0, FULL_ENOUGH - self.fills[-1])


# a block's text before its kept-whole part (an empty marker), that part (a diagram with
# its key) and a lesson (a callout) after it or, moved up, before it (floats.py); in the
# kept-whole part, the diagram (FIGURE) and its key table (MAP)
TEXT, KEPT, LESSON = "-text", "-key", "-lesson"
FIGURE, MAP = "-figure", "-map"
# in running text, a list after a paragraph (BLOCK-listN) and an empty marker at the end
# of that paragraph (BLOCK-leadN): a list kept whole that goes overleaf leaves white
# under its lead that the block's box reaches over (floats.mark_leads)
LEAD, LIST = "-lead", "-list"
_LIST = re.compile(r"(.+)-list(\d+)$")


def text_feet(where: dict[str, dict[int, tuple[float, float]]]
              ) -> dict[tuple[str, int], float]:
    """Where a block's text stops on a page when its kept-whole part (ids BLOCK-key,
    after BLOCK-text) went on to a later page: (block, page) -> the lowest bottom of the
    block's parts on that page (the text's end, and a lesson set above the diagram). The
    block's own box reaches that page's foot, so the hole it leaves is not seen in it.
    When its diagram and key have ids of their own (BLOCK-figure, BLOCK-map), so on every
    page of the block's parts: on A5 the key goes overleaf whole and leaves white under
    the diagram, which the kept-whole part's box reaches over, and the block's box
    reaches the foot of the key's page when the lesson goes on after it. And where a
    block's running text stops when a list in it, kept whole, went on from its lead's
    page (BLOCK-leadN, BLOCK-listN): the lead's foot.
    `where`: each anchor's (top, bottom) on each page it is on."""
    feet: dict[tuple[str, int], float] = {}
    for name, on in where.items():
        listed = _LIST.match(name)
        lead = where.get(f"{listed.group(1)}{LEAD}{listed.group(2)}") if listed else None
        if listed and lead and on:  # the list went on from its lead's page: white there
            for page in (p for p in lead if p < min(on)):
                feet[(listed.group(1), page)] = lead[page][1]
            continue
        block = name.removesuffix(KEPT)
        if block == name or block + TEXT not in where or not on:
            continue
        parts = [where[n] for n in where if n.startswith(block + "-") and n != name]
        inside = block + FIGURE in where or block + MAP in where
        for page in {p for part in parts for p in part
                     if p < min(on) or inside}:
            feet[(block, page)] = max(part[page][1] for part in parts if page in part)
    return feet


def endings(document: Any, fit: Fit) -> dict[str, Ending]:
    """Each chapter's pages and how full each is: the lowest bottom of the chapter's
    anchored boxes on the page (its blocks have ids ANCHOR-N; a block that goes on to the
    next page reaches the page's foot, unless its kept-whole part went on before it
    did: `text_feet`), the end marker's top on its last page."""
    height = fit.bottom - fit.top
    first: dict[str, tuple[int, float]] = {}
    where: dict[str, dict[int, tuple[float, float]]] = {}
    blocks: dict[str, list[tuple[int, int]]] = {}  # chapter -> (page, block number)
    owners = set(fit.chapters)
    for number, page in enumerate(document.pages):
        for name, box in page.anchors.items():  # (left, top, right, bottom) in WeasyPrint 70
            first.setdefault(name, (number, float(box[1])))
            where.setdefault(name, {})[number] = (float(box[1]), float(box[3]))
    feet = text_feet(where)
    lowest: dict[tuple[int, str], float] = {}
    for name, spans in where.items():
        owner, _, number_ = name.rpartition("-")
        if owner in owners and number_.isdigit():  # a block (the section reaches the foot)
            for number, (_, bottom) in spans.items():
                key = (number, owner)
                lowest[key] = max(lowest.get(key, 0.0), feet.get((name, number), bottom))
                blocks.setdefault(owner, []).append((number, int(number_)))
    found = {}
    for anchor in fit.chapters:
        if anchor not in first or f"{anchor}--end" not in first:
            continue
        start, (last, end_y) = first[anchor][0], first[f"{anchor}--end"]
        fills = [min(1.0, max(0.0, (lowest.get((p, anchor), fit.bottom) - fit.top) / height))
                 for p in range(start, last)]
        fills.append(max(0.0, min(1.0, (end_y - fit.top) / height)))
        on: dict[int, int] = {}
        for page, block in blocks.get(anchor, []):
            on.setdefault(block, page)  # the page each block starts on
        overleaf = min((block for block, page in on.items() if page > start), default=0)
        turned = sorted({block for page, block in blocks.get(anchor, []) if page > on[block]})
        found[anchor] = Ending(start, last, tuple(fills), overleaf, tuple(turned), fit.full)
    return found



def recorded(found: dict[str, Ending]) -> dict[str, list[Any]]:
    """The endings as kept in the cache (and compared with a layout's)."""
    return {name: [e.first_page, e.last_page, [round(f, 4) for f in e.fills]]
            for name, e in found.items()}
