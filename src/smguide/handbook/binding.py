"""The handbook bound from its parts laid out alone, as a book is: the front matter, each
chapter, each laid out by itself and numbered where it goes (numbering.py), the pages put
together with WeasyPrint's `Document.copy` (each page carries its own links, anchors and
bookmarks). A chapter starts a new right-hand page, so its pages depend on it alone: a
part already laid out (a fitting trial, the layout before) is laid out once.

Each part is the elements of the body from one chapter to the next (the front matter: up
to the first chapter; the last chapter: to the end), followed by a stub of the element
that comes next (its tag and class, nothing in it), so the part ends as it would in the
whole: with the notes page a chapter ending on a right-hand page leaves. The pages from
the stub's on are not the part's. The front matter's contents point to the chapters: it
is laid out after them, once, with an empty anchor for each chapter on a page numbered as
that chapter's first, after its stub (each numbered from the one before, `@page`
counter-increment: its own length need not be known first).

A chapter the fitting opens on the left-hand page (facing.py: its CSS says OPENS_LEFT)
is laid out from a left-hand page (its part's root breaks before it to the left), and
the stub of it that ends the part before breaks before to the left as it does: no notes
page between them.

A part that does not come out as it would in the whole (a chapter starting on another
side, a stub sharing a page with the part's text) makes the whole handbook laid out as
before (`render` returns None); so does CSS the parts cannot be laid out with (the
Manuscript says so: `in_parts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

from smguide.handbook.alone import moved_in
from smguide.handbook.facing import OPENS_LEFT
from smguide.handbook.floats import Move
from smguide.handbook.numbering import Margins, deferred, number, unnumbered
from smguide.handbook.settled import drop_words

CUT = "smguide-cut"  # the stub's id: the part's pages end before its page
# the part of a chapter opened on the left starts on a left-hand page (WeasyPrint takes
# the first page's side from the root's break-before)
LEFT_FIRST = f"html {{ {OPENS_LEFT}; }}"
# a rule of the fitting CSS is one line, its selectors scoped to one chapter (fitting.py)
SCOPED = re.compile(r'^\.chapter\[id="((?:[^"\\]|\\[0-9a-f]+ |\\.)*)"\]')


@dataclass
class Part:
    """A part laid out: its document (WeasyPrint's, without margin boxes), what each page
    is numbered with, and how many of its pages are its own (before the stub's)."""

    document: Any
    margins: list[Margins]
    pages: int
    anchors: set[str] = field(default_factory=set)


Lay = Callable[[Any, str], Any]  # (a parsed HTML, extra CSS) -> a WeasyPrint Document


class Binding:
    """Parts of one handbook laid out with `lay` (Layouts.laid), kept while it is laid
    out (a trial's part is the bound handbook's part when it is the same)."""

    def __init__(self, lay: Lay, chapters: tuple[str, ...]) -> None:
        self.lay, self.chapters = lay, chapters
        self.parts: dict[tuple[str, str], Part | None] = {}
        self.used: set[tuple[str, str]] = set()  # the keys of the parts a render used
        self.own: dict[tuple[str, str], tuple[str, str]] = {}  # key -> (chapter, its CSS)

    def trial(self, html: Any, anchor: str, extra_css: str, made: tuple[Move, ...],
              dropped: frozenset[int] = frozenset()) -> Any | None:
        """The chapter `anchor` alone (its pages only, as alone.chapter_alone lays it out),
        as the bound handbook's part of it, when it is followed by another chapter or
        nothing; None when it is not (then it is laid out alone as before). `dropped`:
        the soft hyphens of the words whose breaks these are (numbered in the chapter)
        taken back, as the handbook's HTML will lose them (settled.py): the part the
        bound handbook is then made of."""
        cut = _split(html.etree_element, self.chapters)
        if cut is None:
            return None
        holder, groups, _ = cut
        at = next((n for n, g in enumerate(groups) if g[0].get("id") == anchor), None)
        if at is None or len(groups[at]) > 1:
            return None
        following = groups[at + 1][0] if at + 1 < len(groups) else None
        part = self.part(html, holder, groups[at], following, _own(extra_css, groups[at][0]),
                         made, dropped=dropped, left=_left(extra_css, groups[at][0]),
                         stub_left=_left(extra_css, following))
        if part is None:
            return None
        return part.document.copy(part.document.pages[:part.pages])

    def forget(self, anchor: str, extra_css: str | None = None) -> None:
        """Drop the parts of the chapter `anchor` laid out so far (its trials, its part as
        it was), but the one laid out with `extra_css`: the spacing chosen for it, which
        the bound handbook may use (None: none is kept)."""
        keep = None if extra_css is None else _own_css(extra_css, anchor)
        for key, (chapter, css) in list(self.own.items()):
            if chapter == anchor and css != keep:
                self.parts.pop(key, None)
                del self.own[key]

    def render(self, html: Any, extra_css: str, numbered: bool = True) -> Any | None:
        """The handbook parsed (`html`, a WeasyPrint HTML) laid out in parts and bound; None
        when it cannot be (laid out whole instead). Not `numbered`: its pages without
        their margin boxes (the running heads, the folios), to read the flow from."""
        cut = _split(html.etree_element, self.chapters)
        if cut is None:
            return None
        holder, groups, front = cut
        self.used = set()
        laid: list[Part] = []
        for index, group in enumerate(groups):
            following = groups[index + 1][0] if index + 1 < len(groups) else None
            part = self.part(html, holder, group, following, _own(extra_css, group[0]),
                             left=_left(extra_css, group[0]),
                             stub_left=_left(extra_css, following))
            if part is None:
                return None
            laid.append(part)
        if front:
            front_part = self.front(html, holder, front, groups, laid, _global(extra_css),
                                    extra_css)
            if front_part is None:
                return None
            laid.insert(0, front_part)
        if not _sides_match(laid):
            return None  # a part that starts on another side than in the whole
        # what this handbook is bound from is kept; the rest (the trials not chosen, the
        # parts of an earlier render now set otherwise) is not used again
        self.parts = {key: self.parts[key] for key in self.used if key in self.parts}
        self.own = {key: mine for key, mine in self.own.items() if key in self.parts}
        total = sum(part.pages for part in laid)
        pages, at = [], 0
        for part in laid:
            for margins in part.margins[:part.pages]:
                at += 1
                pages.append(number(margins, at, total) if numbered else unnumbered(margins))
        return laid[0].document.copy(pages)

    def front(self, html: Any, holder: Any, front: list[Any], groups: list[list[Any]],
              laid: list[Part], extra_css: str, whole_css: str = "") -> Part | None:
        """The front matter laid out with the chapters' first pages known (its contents
        point there), once: each chapter's anchor is on a page numbered as far after
        the first chapter's as it starts in the book (`_cut`), so the front matter's own
        length need not be known before it is laid out."""
        after, at = {}, 0
        for group, chapter in zip(groups, laid, strict=True):
            after[group[0].get("id") or ""] = at
            at += chapter.pages
        return self.part(html, holder, front, groups[0][0], extra_css, targets=after,
                         stub_left=_left(whole_css, groups[0][0]))

    def part(self, html: Any, holder: Any, group: list[Any], following: Any,
             extra_css: str, made: tuple[Move, ...] = (),
             targets: dict[str, int] | None = None,
             dropped: frozenset[int] = frozenset(), left: bool = False,
             stub_left: bool = False) -> Part | None:
        """`group` (elements of `holder`, with the `made` moves of their blocks and the
        `dropped` soft hyphens of its first taken back) laid out alone with a stub of
        `following` after it (and, for the front matter, the chapters' anchors on their
        pages: `targets`); `left`: from a left-hand page (a chapter opened on the left),
        `stub_left`: the stub breaking before to the left (`following` is one). A part
        is known by its tree and CSS: one laid out before (a trial, the same chapter
        with the same breaks taken back) is not laid out again."""
        tree, css = _cut(html.etree_element, holder, group, following, made, targets,
                         stub_left)
        if left:
            css = f"\n{LEFT_FIRST}{css}"
        if dropped:
            mine = group[0].get("id")
            drop_words(next(e for e in tree.iter() if e.get("id") == mine), set(dropped))
        key = (ElementTree.tostring(tree, encoding="unicode"), extra_css + css)
        self.used.add(key)
        if key in self.parts:
            return self.parts[key]
        alone = _alone(html, tree)
        with deferred() as margins:
            document = self.lay(alone, extra_css + css)
        own = len(document.pages)
        anchors: set[str] = set()
        for index, page in enumerate(document.pages):
            if CUT in page.anchors:
                own = index
                break
            anchors |= set(page.anchors)
        part = Part(document, margins, own, anchors)
        late = any(set(page.anchors) - {CUT} - set(targets or ())
                   for page in document.pages[own:])
        self.parts[key] = None if late or len(margins) != len(document.pages) else part
        if group[0].get("id") in self.chapters:
            self.own[key] = group[0].get("id"), extra_css
        return self.parts[key]


def _split(root: Any, chapters: tuple[str, ...]) -> tuple[Any, list[list[Any]], list[Any]] | None:
    """The element holding the chapters, the chapters with the elements after each (up to
    the next), and the elements before the first; None when the chapters are not all
    there, in order, side by side."""
    found = {e.get("id"): e for e in root.iter() if e.get("id") in chapters}
    if not chapters or len(found) != len(chapters):
        return None
    holder = next((e for e in root.iter() if found[chapters[0]] in list(e)), None)
    if holder is None or holder is root:
        return None
    children = list(holder)
    try:
        starts = [children.index(found[name]) for name in chapters]
    except ValueError:
        return None
    if starts != sorted(starts):
        return None
    ends = starts[1:] + [len(children)]
    return holder, [children[a:b] for a, b in zip(starts, ends, strict=True)], \
        children[:starts[0]]


def _sides_match(parts: list[Part]) -> bool:
    """Whether every page of the parts is on the side (left, right) it would be on in the
    whole: the first page's side, then each other side in turn."""
    sides = [m.box.page_type.side for part in parts for m in part.margins[:part.pages]]
    return all(side == sides[n % 2] for n, side in enumerate(sides)) and (
        len(sides) < 2 or sides[0] != sides[1])


def _cut(root: Any, holder: Any, group: list[Any], following: Any, made: tuple[Move, ...],
         targets: dict[str, int] | None, stub_left: bool = False) -> tuple[Any, str]:
    """A copy of the tree with only `group` in `holder` (and the head), the stub (breaking
    before to the left: `stub_left`) and the targets after it; and the CSS that numbers
    the targets' pages."""
    import copy

    parents = {child: parent for parent in root.iter() for child in parent}
    path = [holder]
    while path[-1] in parents:
        path.append(parents[path[-1]])
    path.reverse()

    def shallow(element: Any) -> Any:
        clone = element.makeelement(element.tag, dict(element.attrib))
        clone.text, clone.tail = element.text, element.tail
        return clone

    top = shallow(root)
    inner = top
    for depth, element in enumerate(path[1:], 1):
        for child in path[depth - 1]:
            if child is element:
                break
            if depth == 1 and child.tag == "head":
                inner.append(copy.deepcopy(child))
        clone = shallow(element)
        inner.append(clone)
        inner = clone
    inner.text = holder.text
    for element in group:
        inner.append(moved_in(copy.deepcopy(element), made))
    if following is None:
        return top, ""
    stub = {**following.attrib, "id": CUT}
    if stub_left:  # (its scoped CSS does not reach it: the id is the stub's)
        stub["style"] = f"{stub.get('style', '')}; {OPENS_LEFT}".lstrip("; ")
    inner.append(following.makeelement(following.tag, stub))
    return top, _anchors(inner, targets or {})


def _anchors(inner: Any, targets: dict[str, int]) -> str:
    """Each target's anchor appended to `inner` on a page of its own, after the stub's;
    the CSS that numbers those pages. The stub's page is numbered as the first chapter's
    first page (the part's own pages before it are the front matter, numbered from 1),
    each anchor's as many pages after the one before as there are between their
    chapters (`targets`: how many pages after the first chapter's start each starts)."""
    css, steps, before = "", set(), 0
    for name, after in targets.items():
        step, before = after - before, after
        inner.append(inner.makeelement("div", {
            "id": name, "style": f"page: smguide-step-{step}; break-before: page"}))
        if step not in steps:
            steps.add(step)
            css += f"\n@page smguide-step-{step} {{ counter-increment: page {step} }}"
    return css


def _alone(html: Any, tree: Any) -> Any:
    """A copy of the parsed handbook holding `tree` instead (as alone.chapter_alone)."""
    import copy

    import cssselect2

    alone = copy.copy(html)
    alone.wrapper_element = cssselect2.ElementWrapper.from_html_root(
        tree, content_language=None)
    alone.etree_element = alone.wrapper_element.etree_element
    return alone


def _lines(extra_css: str) -> list[tuple[str | None, str]]:
    """Each line of the extra CSS with the chapter it is scoped to (None: every part)."""
    found = []
    for line in extra_css.split("\n"):
        match = SCOPED.match(line)
        found.append((match.group(1) if match else None, line))
    return found


def _quoted(anchor: str) -> str:
    """An id as fitting.py writes it inside a CSS attribute selector's quotes."""
    return "".join(c if c.isalnum() or c in "-_" else f"\\{ord(c):x} " for c in anchor)


def _own(extra_css: str, chapter: Any) -> str:
    """The lines of the extra CSS for this chapter's part: its own and every part's."""
    return _own_css(extra_css, chapter.get("id") or "")


def _own_css(extra_css: str, anchor: str) -> str:
    mine = _quoted(anchor)
    return "\n".join(line for scope, line in _lines(extra_css) if scope in (None, mine))


def _left(extra_css: str, chapter: Any) -> bool:
    """Whether the extra CSS opens this chapter (an element, or None) on the left."""
    if chapter is None:
        return False
    mine = _quoted(chapter.get("id") or "")
    return any(scope == mine and OPENS_LEFT in line for scope, line in _lines(extra_css))


def _global(extra_css: str) -> str:
    return "\n".join(line for scope, line in _lines(extra_css) if scope is None)
