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

In the same block python-pptx's `qn` (a prefixed tag such as "a:t" made its Clark name,
"{http://...}t"), which its XML classes call on every child lookup, about 8,600 times for
the default deck, building two objects each time, answers from a table of the tags it
made: the same string for the same tag. And a placeholder's position and size, which
python-pptx inherits from the layout's (a layout's from the master's) by going through
the layout's shapes for the one with the same idx (type) every time it is asked, is
inherited from the one found the first time for the same part, idx and type: the
layouts' and masters' placeholders are not added or removed while a deck is made.
python-pptx's own XPath queries (a new shape's next id, "//@id"; a shape's properties
element, "./*[1]"), which lxml compiled again on each call, about 320 a deck, are
compiled once per expression: the same query with the same namespaces.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
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
    `placeholder_mark`, its XML classes' `qn` answered once per tag, a placeholder's
    base looked up once and its XPath compiled once per expression inside the block;
    its own properties and functions again after it."""
    from pptx.oxml import xmlchemy
    from pptx.oxml.shapes.shared import BaseShapeElement

    own = BaseShapeElement.__dict__["ph"]
    own_qn = xmlchemy.qn
    own_xpath = xmlchemy.BaseOxmlElement.__dict__["xpath"]
    xmlchemy.BaseOxmlElement.xpath = _compiled_xpath()  # type: ignore[method-assign]
    owns = {kind: kind.__dict__["_base_placeholder"] for kind in _inheriting()}
    BaseShapeElement.ph = property(placeholder_mark)  # type: ignore[assignment,method-assign]
    xmlchemy.qn = cache(own_qn)
    found: dict[tuple[Any, ...], tuple[Any, Any]] = {}
    for kind, looked_up in owns.items():
        kind._base_placeholder = _found_once(looked_up, found)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        BaseShapeElement.ph = own  # type: ignore[method-assign]
        xmlchemy.qn = own_qn
        xmlchemy.BaseOxmlElement.xpath = own_xpath  # type: ignore[method-assign]
        for kind, looked_up in owns.items():
            kind._base_placeholder = looked_up  # type: ignore[attr-defined]


def _compiled_xpath() -> Any:
    """python-pptx's `BaseOxmlElement.xpath` (an XPath query with its namespaces) with
    each expression compiled once."""
    from lxml import etree
    from pptx.oxml.ns import _nsmap

    compiled: dict[str, etree.XPath] = {}

    def xpath(element: Any, xpath_str: str) -> Any:
        query = compiled.get(xpath_str)
        if query is None:
            query = compiled[xpath_str] = etree.XPath(xpath_str, namespaces=_nsmap)
        return query(element)

    return xpath


def _inheriting() -> tuple[type, ...]:
    """python-pptx's placeholder classes that look up the placeholder they inherit from."""
    from pptx.shapes import placeholder

    return (placeholder._BaseSlidePlaceholder, placeholder.PlaceholderPicture,
            placeholder.LayoutPlaceholder, placeholder.NotesSlidePlaceholder)


def _found_once(looked_up: property, found: dict[tuple[Any, ...], tuple[Any, Any]]
                ) -> property:
    """`looked_up` (a `_base_placeholder` property) answered once per kind of shape, part
    (a slide's, a layout's), idx and type, in `found`."""
    def base(shape: Any) -> Any:
        part, element = shape.part, shape._element
        key = (type(shape), id(part), element.ph_idx, element.ph_type)
        if key not in found:  # the part is kept with it: its id is not another's
            found[key] = (part, looked_up.__get__(shape))
        return found[key][1]

    return property(base)
