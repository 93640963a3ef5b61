"""Hyphens taken back chapter by chapter (breaks.py's rules) before the handbook is laid
out with the spacing fitted, so that layout is the last: a fresh build lays the handbook
out whole twice (the first layout, the fitted one), not three times.

A chapter starts on a new page, so which of its breaks go (at a page turn, before a
paragraph's last line, the second in a row) depends on its own lines only: they are read
from a layout of it that is already there (the trial of the spacing chosen for it, or
the first layout of the whole handbook), and the HTML loses those soft hyphens at once,
as breaks.settle would after laying it out whole. Bound from parts, the handbook lays out
each chapter with its breaks taken back as soon as its spacing is chosen (`breaks`
says which: pdf.py), while other chapters are still tried; that is the part the
handbook is then bound from (binding.py). Otherwise a chapter that changed is not laid
out again (its new ending is not known before the whole layout); when every chapter
changed, the smallest is (`alone`: the part laid out already, when there is one), from
its own tree less the same soft hyphens, so the whole layout is still checked against a
chapter laid out alone (fitting.py). The soft hyphens are
numbered as breaks.py numbers them (the n-th of the body's text), a chapter's counted in
the parsed tree; when the tree and the HTML count otherwise, or a layout's lines do not
match its text, nothing is taken back here. breaks.settle then checks the whole layout
and settles whatever is left (a break that a take-back made)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from smguide.handbook.breaks import (
    SHY,
    Line,
    lines,
    soft_hyphens,
    take_back,
    to_take_back,
    word_at,
)
from smguide.handbook.endings import Ending, Fit, endings
from smguide.handbook.spacing import fitting_css

# (a chapter's anchor, extra CSS, soft hyphens to take back, numbered in the chapter) ->
# that chapter of the HTML as placed laid out alone, those soft hyphens taken back in its
# tree (drop_words) (Layouts.trial), or None when it cannot be cut out
Alone = Callable[[str, str, frozenset[int]], Any]


def shy_ranges(root: Any, anchors: tuple[str, ...]) -> tuple[dict[str, tuple[int, int]], int]:
    """For each chapter in the parsed tree's body: (soft hyphens before it, its own), in
    the order breaks.py numbers them; and how many the body holds."""
    body = next((e for e in root if e.tag == "body"), None)
    ranges: dict[str, tuple[int, int]] = {}
    wanted = set(anchors)
    count = 0

    def walk(element: Any) -> None:
        nonlocal count
        anchor = element.get("id")
        start = count
        count += (element.text or "").count(SHY)
        for child in element:
            if isinstance(child.tag, str):
                walk(child)
            count += (child.tail or "").count(SHY)
        if anchor in wanted and anchor not in ranges:
            ranges[anchor] = (start, count - start)

    if body is not None:
        walk(body)
    return ranges, count


def drop_words(element: Any, numbers: set[int]) -> set[int]:
    """Remove from `element`'s text (its own and its descendants', not its tail) the soft
    hyphens of the words whose `numbers`-th soft hyphens are given (counted in the
    element), as breaks.take_back does in the HTML; which went (by their numbers)."""
    count = 0
    gone: set[int] = set()

    def dropped(text: str) -> str:
        nonlocal count
        offsets = [i for i, c in enumerate(text) if c == SHY]
        drop: set[int] = set()
        for n, offset in enumerate(offsets, start=count):
            if n in numbers:
                drop.update(i for i in word_at(text, offset) if text[i] == SHY)
        gone.update(count + offsets.index(i) for i in drop)
        count += len(offsets)
        return "".join(c for i, c in enumerate(text) if i not in drop) if drop else text

    def walk(node: Any) -> None:
        if node.text:
            node.text = dropped(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                child.tail = dropped(child.tail)

    walk(element)
    return gone


class Settling:
    """The hyphens of the HTML as placed (`text`) taken back on its chapters alone.

    `alone` lays a chapter out alone (`root`: the HTML parsed); `saw` and `saw_whole` are
    given the layouts made on the way (the trials, the first layout), so a chapter is laid
    out again only when some of its breaks go."""

    def __init__(self, text: str, root: Any, fit: Fit, alone: Alone) -> None:
        self.text, self.root, self.fit, self.alone = text, root, fit, alone
        self.placed = text
        ranges, count = shy_ranges(root, fit.chapters)
        # a tree that counts otherwise than the HTML: nothing is settled here
        self.ranges = ranges if count == len(soft_hyphens(text)) else {}
        self.total = count
        self.known: dict[tuple[str, str], list[Line]] = {}  # (extra CSS, chapter) -> lines

    def saw(self, extra_css: str, anchor: str, document: Any) -> None:
        """A layout of the chapter `anchor` alone with `extra_css`, of the HTML as placed
        (or as given, with this chapter's moves)."""
        if document is None or anchor not in self.ranges:
            return
        found, count = lines(document)
        if count == self.ranges[anchor][1]:
            self.known[(extra_css, anchor)] = found

    def seen(self, anchor: str) -> dict[tuple[str, str], list[Line]]:
        """The lines read from the layouts of the chapter `anchor` seen (`knew` takes
        them: a trial done in a worker, safety.forked)."""
        return {key: found for key, found in self.known.items() if key[1] == anchor}

    def knew(self, seen: dict[tuple[str, str], list[Line]]) -> None:
        self.known.update(seen)

    def saw_whole(self, document: Any, skip: set[str]) -> None:
        """The first layout of the whole handbook, with no extra CSS (of the HTML as
        given): the lines of each chapter not in `skip` (those whose blocks moved)."""
        found, count = lines(document)
        if not self.ranges or count != self.total:
            return
        for anchor, ending in endings(document, self.fit).items():
            if anchor in skip or anchor not in self.ranges:
                continue
            start, own = self.ranges[anchor]
            mine = [line for line in found if ending.first_page <= line.page <= ending.last_page]
            numbers = [line.breaks_at for line in mine if line.breaks_at is not None]
            if all(start <= n < start + own for n in numbers):
                self.known[("", anchor)] = [line if line.breaks_at is None else replace(
                    line, breaks_at=line.breaks_at - start) for line in mine]

    def breaks(self, anchor: str, variant: str) -> frozenset[int] | None:
        """The breaks of the chapter `anchor` set with the spacing `variant` that `settle`
        takes back (its soft hyphens, numbered in the chapter), read from its lines seen
        with that spacing; None when they were not seen."""
        css = fitting_css({anchor: variant}) if variant else ""
        found = self.known.get((css, anchor)) if anchor in self.ranges else None
        return None if found is None else frozenset(to_take_back(found))

    def settle(self, chosen: dict[str, str]) -> dict[str, Ending | None]:
        """Take back the breaks that go in each chapter set with the spacing `chosen` for
        it, read from a layout of it already made; `text` (the HTML as placed) loses
        their soft hyphens. Returns the chapters that changed: None for each, but when
        none is left as it was, how one of them ends laid out again alone (so the one
        layout of the handbook is still checked against a chapter alone)."""
        self.text = self.placed
        taken: dict[str, tuple[set[int], int]] = {}  # chapter -> its breaks that go, lines
        for anchor, variant in chosen.items():
            found = self._lines(anchor, fitting_css({anchor: variant}) if variant else "")
            wanted = to_take_back(found) if found is not None else set()
            if wanted:
                taken[anchor] = wanted, len(found or ())
        if not taken:
            return {}
        changed: dict[str, Ending | None] = dict.fromkeys(taken)
        if len(taken) == len(chosen):  # the smallest one laid out again, to check with
            anchor = min(taken, key=lambda a: taken[a][1])
            variant = chosen[anchor]
            changed[anchor] = self._again(anchor, fitting_css({anchor: variant})
                                          if variant else "", taken[anchor][0])
            if changed[anchor] is None:
                return {}  # its tree did not lose what the HTML would: as it was
        self.text = take_back(self.placed, {self.ranges[anchor][0] + n
                                            for anchor, (wanted, _) in taken.items()
                                            for n in wanted})
        return changed

    def _lines(self, anchor: str, css: str) -> list[Line] | None:
        """The lines of the chapter `anchor` set with `css` (numbered from its first soft
        hyphen): from a layout seen, or of it laid out alone now; None when they do not
        match its text."""
        if anchor not in self.ranges:
            return None
        found = self.known.get((css, anchor))
        if found is None:  # not laid out alone or whole with this spacing yet
            document = self.alone(anchor, css, frozenset())
            if document is None:
                return None
            found, count = lines(document)
            if count != self.ranges[anchor][1]:
                return None
        return found

    def _again(self, anchor: str, css: str, wanted: set[int]) -> Ending | None:
        """How the chapter `anchor` ends laid out alone again, its `wanted` breaks taken
        back in its tree (laid out so already by `ahead`: not again); None when its lines
        then do not match its text."""
        import copy

        element = next((e for e in self.root.iter() if e.get("id") == anchor), None)
        if element is None:
            return None
        gone = drop_words(copy.deepcopy(element), wanted)
        document = self.alone(anchor, css, frozenset(wanted))
        if document is None or lines(document)[1] != self.ranges[anchor][1] - len(gone):
            return None
        return endings(document, replace(self.fit, chapters=(anchor,))).get(anchor)
