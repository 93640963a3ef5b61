"""One type scale for a deck: text is filled as it is made, remembered by family, and set
to one size per family once every slide is made. The families: the titles of each kind of
slide, and two sizes of body text, LIST_TEXT (lists and sparse slides: the agenda, checklists,
takeaways, prose, the summary, the role card's header) and DENSE_TEXT (slides that hold more:
tables, cards). The role cards' columns (ROLE_TEXT) are one of the two: the list size when
every role card reaches it, else the dense size. The columns of one slide open up their
list items by one amount to fill their height; the deck's lists (the agenda, checklists,
takeaways, the summary) at one size open theirs by one amount too, the most their fullest
slide has room for, so lists of one size are spaced alike on every slide."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from smguide.deck.linebreaks import broken_paras
from smguide.deck.textfit import Box, Fonts, Para, room_between, spread, stepped
from smguide.deck.write import fill

SPREAD = 0.7  # lines a role card's list items may open up by, to fill the card's height
LIST_TEXT, DENSE_TEXT = "list", "dense"  # the two sizes of body text (families)
ROLE_TEXT = "role"  # the role cards' columns: LIST_TEXT's size or DENSE_TEXT's (commons)
LIST_SPACE = 0.45  # lines before each item of a list slide's list (then opened up: LISTS)
# a list slide's items open up (by one amount for a family's lists) until its fullest slide
# fills this share of its text's height, by at most this many lines
LISTS = (0.75, 1.5)


def lists_of(family: str) -> tuple[str, str]:
    """The spread group of a family's list slides: every list at one size."""
    return ("lists", family)


def own_family(family: str, owner: object) -> str:
    """A family of its own for the slides of one block (`owner`) set under `family`'s
    size: a list that could not be split shrinks by itself, not every list of the deck."""
    return f"{family}:{id(owner)}"


def _unbroken(family: str) -> bool:
    """Whether a family's text keeps the lines it wraps into: the titles (titles.py
    balances their lines itself), but not the title and closing slides' lines
    (fixed.LINES), broken as body text is: "...warum sie sich / brauchen" at 24 pt left
    one word on the German subtitle's last line."""
    return family.startswith("title:") and family != "title:lines"


def _gap_of(paras: list[Para]) -> float | None:
    """The space before a list's items after the first (lines), None without two."""
    gaps = [para.space_before for i, para in enumerate(paras)
            if i and para.bullet and paras[i - 1].bullet]
    return max(gaps) if gaps else None


class TypeScale:
    """The text frames filled so far, by family; `box_of` gives a shape's text frame,
    `fonts` measure the body text, `own` is the body's own font (where it wraps)."""

    def __init__(self, box_of: Callable[[Any], Box], fonts: Fonts, own: Fonts) -> None:
        self._box_of, self._fonts, self._own = box_of, fonts, own
        self._sized: dict[str, list[tuple[Any, list[Para], float]]] = {}
        # (group, the slide's place in the deck, what is remembered) in the deck's order
        self._siblings: list[tuple[object, int, Any]] = []
        self._alike: set[object] = set()  # spread groups opened up to one gap (fill)
        self._spread: dict[object, list[int]] = {}  # a slide's columns -> their ids
        # a spread group -> the share of its height it fills and the most it opens up by
        self._limits: dict[object, tuple[float, float]] = {}
        self._shown: dict[int, list[Para]] = {}  # id(shape) -> its paragraphs as set
        # id(shape) -> what follows its text's final size (a panel sized to its text)
        self._then: dict[int, Callable[[float], None]] = {}
        # text that is not one text frame (a table's cells): (size, refill at a size)
        self._others: dict[str, list[tuple[float, Callable[[float], None]]]] = {}

    def fill(self, family: str, shape: Any, paras: list[Para], size: float,
             spread_with: object = None, limits: tuple[float, float] = (1.0, SPREAD),
             alike: bool = False) -> None:
        """Fill `shape`, remembering it: siblings (every content title, all text of one of
        the two body sizes, LIST_TEXT or DENSE_TEXT) are set to one size at the end (see
        unify). Shapes given the same `spread_with` (the columns of one slide) open up the
        gaps between their list items by one amount once that size is known, so their
        text fills their height (`limits`: the share of it, and the most lines they open
        up by); `alike`: the group's shapes on several slides (the role cards' columns)
        open up to one gap between their items, the least any of them has room for, so
        sibling slides space their lists alike."""
        fill(shape, paras, size)
        self._sized.setdefault(family, []).append((shape, paras, size))
        self._shown[id(shape)] = paras
        if spread_with is not None:
            self._spread.setdefault(spread_with, []).append(id(shape))
            self._limits[spread_with] = limits
        if alike:
            self._alike.add(spread_with)

    def shown(self, shape: Any) -> list[Para]:
        """The paragraphs a filled shape's text frame holds (opened up, after unify)."""
        return self._shown[id(shape)]

    def add(self, family: str, size: float, refill: Callable[[float], None]) -> None:
        """Remember text filled at `size` that is not one text frame (a table's cells):
        `refill` sets it at the family's size at the end, if that differs."""
        self._others.setdefault(family, []).append((size, refill))

    def sibling(self, group: object, place: int, member: Any) -> None:
        """Remember `member` of the slide at `place` (from 0) as one of `group`'s (the
        slides of one kind of block: the role cards)."""
        self._siblings.append((group, place, member))

    def sibling_runs(self) -> list[list[Any]]:
        """The members of each run of two or more slides next to each other in one
        group (the two role slides), in the deck's order."""
        runs: list[list[Any]] = []
        last: tuple[object, int] | None = None
        for group, place, member in self._siblings:
            if last == (group, place - 1):
                runs[-1].append(member)
            else:
                runs.append([member])
            last = (group, place)
        return [run for run in runs if len(run) > 1]

    def then_sized(self, shape: Any, follow: Callable[[float], None]) -> None:
        """Call `follow` with the size a filled family member's text ends up at (after
        unify), so what is drawn around it (the takeaways panel) fits that text."""
        self._then[id(shape)] = follow

    def unify(self) -> None:
        """One type scale: each family at the smallest size any of its members needed
        (a smaller size always fits where a larger one did; see commons), text frames
        refilled and list items spread at that size, each wrapped paragraph of body text
        (and of the title and closing slides' lines) broken where it reads best at it
        (linebreaks)."""
        commons = self.commons()
        for family, others in self._others.items():
            for size, refill in others:
                if size != commons[family]:
                    refill(commons[family])
        extra = self._spread_gaps(commons)
        for family, members in self._sized.items():
            common = commons[family]
            for shape, paras, size in members:
                if id(shape) in extra:
                    paras = spread(paras, extra[id(shape)])
                    self._shown[id(shape)] = paras
                shown = paras if _unbroken(family) else broken_paras(
                    shape, paras, common, self._fonts, self._own)
                if size != common or id(shape) in extra or shown != paras:
                    paras = shown
                    frame = shape.text_frame  # fill() resets the insets: keep them
                    insets = (frame.margin_left, frame.margin_right, frame.margin_top,
                              frame.margin_bottom)
                    fill(shape, paras, common)
                    (frame.margin_left, frame.margin_right, frame.margin_top,
                     frame.margin_bottom) = insets
                if id(shape) in self._then:
                    self._then[id(shape)](common)

    def commons(self) -> dict[str, float]:
        """Family -> its size: the smallest any member needed; where a template's small
        title box takes content titles down, the body text steps down with them, so a
        title stays at least a step of the type scale over it (never below 18 pt)."""
        sizes: dict[str, list[float]] = {}
        for family, members in self._sized.items():
            sizes.setdefault(family, []).extend(size for _, _, size in members)
        for family, others in self._others.items():
            sizes.setdefault(family, []).extend(size for size, _ in others)
        commons = {family: min(found) for family, found in sizes.items()}
        title = commons.get("title:slide")
        if title is not None:
            for family in commons:
                if family.partition(":")[0] in (LIST_TEXT, DENSE_TEXT, ROLE_TEXT):
                    commons[family] = min(commons[family], max(18.0, stepped(title, -1)))
        if ROLE_TEXT in commons:  # every role card at the list size, else at the dense one
            role = commons[ROLE_TEXT]
            if LIST_TEXT in commons and role >= commons[LIST_TEXT]:
                commons[ROLE_TEXT] = commons[LIST_TEXT]
            else:
                commons[ROLE_TEXT] = commons[DENSE_TEXT] = min(
                    role, commons.get(DENSE_TEXT, role))
        return commons

    def _spread_gaps(self, commons: dict[str, float]) -> dict[int, float]:
        """id(shape) -> the lines added before its list items: for each group of shapes
        (a slide's columns, a family's list slides), the least any of them has room for,
        to fill its share of their height, up to its most."""
        from dataclasses import replace

        sized = {id(shape): (shape, paras, commons[family])
                 for family, members in self._sized.items() for shape, paras, _ in members}
        out: dict[int, float] = {}
        for group, ids in self._spread.items():
            share, most = self._limits[group]
            boxes = {key: self._box_of(sized[key][0]) for key in ids}
            rooms = [room for key in ids if (room := room_between(
                sized[key][1], replace(boxes[key], height=boxes[key].height * share),
                sized[key][2], self._fonts, most)) is not None]
            if group in self._alike:  # one gap between items wherever they are
                bases = {key: _gap_of(sized[key][1]) for key in ids}
                open_by = {key: room for key in ids if bases[key] is not None and (
                    room := room_between(sized[key][1], replace(
                        boxes[key], height=boxes[key].height * share), sized[key][2],
                        self._fonts, most)) is not None}
                gap = min((bases[key] or 0.0) + room for key, room in open_by.items()) \
                    if open_by else None
                if gap is not None:
                    out.update({key: gap - (bases[key] or 0.0) for key in open_by})
            elif rooms and min(rooms) > 0:
                out.update(dict.fromkeys(ids, min(rooms)))
        return out

