"""Pages laid out now and numbered later: a part of the handbook laid out alone (a
chapter, the front matter) gets its running heads, folios and "of M" when it is known
where it goes in the book (binding.py).

WeasyPrint lays out the margin boxes (the running heads, the folio, the footer) last,
once the pages are made, from each page's counters. It has no API to say "this document
starts at page 17 of 31", so while a part is laid out (`deferred`) the margin boxes are
not made; the page, its context and its counters are kept instead, and `number` makes
them with the page's place in the book: `counter(page)` and `counter(pages)` as the whole
handbook would have them, `string()` as the part set them (a chapter's running head is
its own). This uses WeasyPrint's layout module (`make_margin_boxes`,
`layout_box_backgrounds`, `Page`); `supported` says whether the installed WeasyPrint is
one this was written against, else the handbook is laid out whole, as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

# the WeasyPrint versions whose margin-box layout this follows (weasyprint/layout/
# __init__.py layout_document: margin boxes made page by page after the pagination)
KNOWN = ("70.",)


def supported() -> bool:
    """Whether the installed WeasyPrint lays out margin boxes as `number` expects."""
    import weasyprint
    from weasyprint import layout

    return weasyprint.__version__.startswith(KNOWN) and callable(
        getattr(layout, "make_margin_boxes", None))


@dataclass
class Margins:
    """What a page's margin boxes are made from: the layout's context, the page box and
    the page's counters (WeasyPrint's page state), and its number in its part."""

    context: Any
    box: Any
    state: Any
    number: int  # 1 for the part's first page
    body: tuple[Any, ...] = ()  # the page box's children without margin boxes


_recording: list[list[Margins]] = []


def _record(context: Any, page: Any, state: Any) -> Iterator[Any]:
    """In place of `make_margin_boxes` while a part is laid out: nothing made, the page
    kept to be numbered."""
    _recording[-1].append(Margins(context, page, state, context.current_page))
    return iter(())


@contextmanager
def deferred() -> Iterator[list[Margins]]:
    """While a part is laid out: its pages' margin boxes are not made; the list given
    fills with what `number` needs, page after page."""
    from weasyprint import layout

    made = layout.make_margin_boxes
    pages: list[Margins] = []
    _recording.append(pages)
    layout.make_margin_boxes = _record
    try:
        yield pages
    finally:
        _recording.pop()
        if not _recording:
            layout.make_margin_boxes = made


def number(margins: Margins, page: int, pages: int) -> Any:
    """The page (a new WeasyPrint Page) with its margin boxes made as page `page` of
    `pages`; it can be numbered again (another place in another book)."""
    from weasyprint.document import Page
    from weasyprint.layout.background import layout_box_backgrounds
    from weasyprint.layout.page import make_margin_boxes

    box, context = margins.box, margins.context
    if not margins.body:
        margins.body = tuple(box.children)
    counters = margins.state[1]
    counters["page"] = [page]
    counters["pages"] = [pages]
    context.current_page = margins.number
    made = list(make_margin_boxes(context, box, margins.state))
    for margin_box in made:
        layout_box_backgrounds(box, margin_box, context.get_image_from_uri)
    box.children = margins.body + tuple(made)
    return Page(box)


def unnumbered(margins: Margins) -> Any:
    """The page (a new WeasyPrint Page) without its margin boxes, for reading its flow:
    a copy of the page box, so the page as numbered (`number`) keeps its own."""
    from weasyprint.document import Page

    box = margins.box
    if not margins.body:
        margins.body = tuple(box.children)
    return Page(box.copy_with_children(margins.body))
