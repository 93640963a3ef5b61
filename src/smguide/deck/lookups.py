"""python-pptx's placeholder mark found without XPath while a deck is made.

python-pptx finds a shape's `p:ph` (what makes it a placeholder, with its idx and type)
with `element.xpath("./*[1]/p:nvPr/p:ph")`, which lxml compiles again on every call, and
it asks for it whenever it looks at a shape: iterating a slide's, layout's or master's
shapes, cloning a layout's placeholders, inheriting a position from the layout. Making
the default deck asks about 2,200 times, a fifth of the renderer's own time. `quick_marks`
answers the same question with lxml's `find` (the first child element, then its
`p:nvPr/p:ph`: the same element, see tests/deck/test_lookups.py) for the length of a
`with` block, and puts python-pptx's own property back when the block ends, however it
ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from smguide.deck.oxml import P

_MARK = f"{{{P}}}nvPr/{{{P}}}ph"  # under a shape's first child (its p:nvSpPr, p:nvPicPr...)


def placeholder_mark(element: Any) -> Any | None:
    """The `p:ph` of a shape element (`./*[1]/p:nvPr/p:ph`), or None: the first child
    element's (comments and processing instructions are not elements), as XPath's
    `*[1]` counts."""
    for child in element:
        if isinstance(child.tag, str):
            return child.find(_MARK)
    return None


@contextmanager
def quick_marks() -> Iterator[None]:
    """python-pptx's `ph` (every shape element's placeholder mark) read by
    `placeholder_mark` inside the block; its own property again after it."""
    from pptx.oxml.shapes.shared import BaseShapeElement

    own = BaseShapeElement.__dict__["ph"]
    BaseShapeElement.ph = property(placeholder_mark)  # type: ignore[assignment,method-assign]
    try:
        yield
    finally:
        BaseShapeElement.ph = own  # type: ignore[method-assign]
