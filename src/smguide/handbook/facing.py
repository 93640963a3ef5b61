"""Chapters opened on a left-hand page, as a designer lets one open, so that a list kept
together lies open on one spread instead of turning the page.

A chapter starts on a right-hand page (`.chapter { break-before: right }`); when the
chapter before it ends on a right-hand page, the left-hand page between them is a notes
page. If that chapter's opening page then runs a keep-together block (the practices'
cards, the questions, a role card, the comparison, the checklist) on to the next page,
the reader turns the sheet in the middle of it. Opened on the notes page instead, the
chapter's first two pages face each other: the block runs from a left page onto the
facing right one and is read at once. The opener spans the text block and the outer
margin, which on a left-hand page is at the left. The chapter keeps its pages and its
lines (the margins are mirrored, the text block as wide); a notes page follows it
instead of preceding it, when it ends on a right-hand page.

Read from the laid-out pages (endings.py, page numbers from 0: a right-hand page is an
even one); `fitting_css` writes the CSS.
"""

from __future__ import annotations

from typing import Any

from smguide.handbook.endings import Ending, Fit, endings
from smguide.handbook.spacing import scope

# the blocks that hold a list, table or card kept together (html.py marks them: Fit.kept)
KEEP_TYPES = ("practices", "questions", "role", "comparison", "checklist")
# how the CSS opens a chapter on the left (binding.py lays its part out from a left-hand
# page, and the stub of it that ends the part before breaks before to the left)
OPENS_LEFT = "break-before: left"


def _turns(ending: Ending, fit: Fit, anchor: str) -> bool:
    """Whether a kept-together block that starts on the chapter's first page (a
    right-hand one) goes on to the page overleaf."""
    return ending.first_page % 2 == 0 and any(
        f"{anchor}-{block}" in fit.kept and (ending.overleaf == 0 or block < ending.overleaf)
        for block in ending.turned)


def to_open_left(document: Any, fit: Fit, css: str) -> list[str]:
    """The chapters (anchors) to open on the left-hand page before them: a notes page
    (the chapter before ends two pages earlier), whose first page turns a kept-together
    block overleaf. Not back matter, and not a chapter whose fitting sets a block as
    wide as the opener (into the right-hand margin: `css`)."""
    found = endings(document, fit)
    chosen: list[str] = []
    before: Ending | None = None
    for anchor in fit.chapters:
        ending = found.get(anchor)
        if ending is not None and before is not None and anchor not in fit.back \
                and before.last_page == ending.first_page - 2 \
                and _turns(ending, fit, anchor) and not _wide(css, anchor):
            chosen.append(anchor)
        before = ending
    return chosen


def _wide(css: str, anchor: str) -> bool:
    return any(line.startswith(scope(anchor)) and "--reach" in line
               for line in css.splitlines())


def opened_left(document: Any, fit: Fit, earlier: Any, anchors: list[str]) -> bool:
    """Whether the chapters `anchors`, opened on the left in `document`, came out as
    meant: each a page earlier than in `earlier` (its first page a left-hand one, the
    block its opening page ran on with it on the facing page), on as many pages, and the
    handbook no longer."""
    now, then = endings(document, fit), endings(earlier, fit)
    return len(document.pages) <= len(earlier.pages) and all(
        a in now and a in then and now[a].first_page == then[a].first_page - 1
        and now[a].last_page - now[a].first_page == then[a].last_page - then[a].first_page
        for a in anchors)


def left_css(anchors: list[str]) -> str:
    """The CSS that opens each chapter on the left-hand page, its opener reaching into
    the left (outer) margin instead of the right."""
    return "\n".join(
        f"{scope(anchor)} {{ {OPENS_LEFT}; }}\n"
        f"{scope(anchor)} > .chapter-head {{ margin-right: 0; margin-left: var(--reach, 0); }}"
        for anchor in anchors)
