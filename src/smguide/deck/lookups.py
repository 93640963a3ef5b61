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

Each replacement is made only when what it replaces is there and shaped as python-pptx
1.0.2 has it (checked once, as the outermost block is entered): the property asking the
same XPath, `qn` python-pptx's own, `xpath` taking only the query, `_base_placeholder` a
property of each class. What another version has otherwise is left as it is (python-pptx's
own, slower lookup), with a debug line at most. Blocks may nest and overlap (threads): the
first one in makes the replacements, the last one out undoes them; a child forked while
another thread held the lock has one of its own.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from functools import cache
from types import FunctionType
from typing import Any

from smguide.deck.oxml import P

_MARK = f"{{{P}}}nvPr/{{{P}}}ph"  # under a shape's first child (its p:nvSpPr, p:nvPicPr...)
_QUERY = "./*[1]/p:nvPr/p:ph"  # python-pptx's own (BaseShapeElement.ph)
# python-pptx's placeholder classes that look up the placeholder they inherit from
INHERITING = ("_BaseSlidePlaceholder", "PlaceholderPicture", "LayoutPlaceholder",
              "NotesSlidePlaceholder")

_STARRED = 0x04 | 0x08  # a code's CO_VARARGS, CO_VARKEYWORDS: *args, **kwargs

_lock = threading.Lock()
_open: list[ExitStack] = []  # per block open (in any thread): the replacements, to undo


def _unlocked() -> None:
    """A forked child's lock free: the thread holding the parent's is not in the child."""
    global _lock
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_unlocked)


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
    its own properties and functions again after it (each one left as it is when it
    is not shaped as expected)."""
    with _lock:
        _open.append(_open[0] if _open else _replaced())
    try:
        yield
    finally:
        with _lock:
            replaced = _open.pop()
            if not _open:
                replaced.close()


def _replaced() -> ExitStack:
    """Each replacement made whose original is shaped as expected, held until the stack
    is closed."""
    held = ExitStack()
    try:
        from pptx.oxml import ns, xmlchemy
        from pptx.oxml.shapes.shared import BaseShapeElement
        from pptx.shapes import placeholder
    except ImportError as error:
        _skip("python-pptx's modules", error)
        return held
    found: dict[tuple[Any, ...], tuple[Any, Any]] = {}
    replacements: list[tuple[str, Callable[[], AbstractContextManager[bool]]]] = [
        ("BaseShapeElement.ph", lambda: _quick_ph(BaseShapeElement, ns)),
        ("xmlchemy.qn", lambda: _quick_qn(xmlchemy, ns)),
        ("BaseOxmlElement.xpath", lambda: _quick_xpath(xmlchemy)),
        *((f"{name}._base_placeholder",
           lambda name=name: _quick_base(getattr(placeholder, name, None),
                                         BaseShapeElement, found))
          for name in INHERITING)]
    for what, replacement in replacements:
        why: object = "not shaped as expected"
        try:
            made = held.enter_context(replacement())
        except Exception as error:  # noqa: BLE001 - any surprise: python-pptx's own
            made, why = False, error
        if not made:
            _skip(what, why)
    return held


def _skip(what: str, why: object) -> None:
    """python-pptx's own lookup kept: a debug line, for whoever looks."""
    import logging

    logging.getLogger(__name__).debug("python-pptx's own %s kept: %s", what, why)


@contextmanager
def _quick_ph(element: Any, ns: Any) -> Iterator[bool]:
    """`ph` by `placeholder_mark`, if python-pptx's asks the same XPath with p: as P."""
    own = element.__dict__.get("ph")
    code = getattr(getattr(own, "fget", None), "__code__", None)
    if not (type(own) is property and code is not None and _QUERY in code.co_consts
            and ns.qn("p:ph") == f"{{{P}}}ph"):
        yield False
        return
    element.ph = property(placeholder_mark)
    try:
        yield True
    finally:
        element.ph = own


@contextmanager
def _quick_qn(xmlchemy: Any, ns: Any) -> Iterator[bool]:
    """The XML classes' `qn` answered once per tag, if it is python-pptx's (a function of
    the tag alone)."""
    own = vars(xmlchemy).get("qn")
    if own is None or own is not getattr(ns, "qn", None) or type(own) is not FunctionType:
        yield False
        return
    xmlchemy.qn = cache(own)
    try:
        yield True
    finally:
        xmlchemy.qn = own


@contextmanager
def _quick_xpath(xmlchemy: Any) -> Iterator[bool]:
    """`BaseOxmlElement.xpath` compiled once per expression, if it takes the query alone
    and asks it with python-pptx's namespaces (its module's `_nsmap`)."""
    oxml = getattr(xmlchemy, "BaseOxmlElement", None)
    own = vars(oxml).get("xpath") if isinstance(oxml, type) else None
    code = own.__code__ if type(own) is FunctionType else None
    namespaces = own.__globals__.get("_nsmap") if type(own) is FunctionType else None
    if (oxml is None or code is None or code.co_argcount != 2 or code.co_kwonlyargcount
            or code.co_flags & _STARRED or getattr(own, "__defaults__", None)
            or "_nsmap" not in code.co_names or not isinstance(namespaces, dict)):
        yield False
        return
    oxml.xpath = _compiled_xpath(namespaces)
    try:
        yield True
    finally:
        oxml.xpath = own


@contextmanager
def _quick_base(kind: Any, element: type, found: dict[tuple[Any, ...], tuple[Any, Any]]
                ) -> Iterator[bool]:
    """`kind._base_placeholder` looked up once per part, idx and type (in `found`), if it
    is a property of the class and a shape's element tells its idx and type."""
    own = vars(kind).get("_base_placeholder") if isinstance(kind, type) else None
    if not (type(own) is property and own.fget is not None and hasattr(kind, "part")
            and hasattr(element, "ph_idx") and hasattr(element, "ph_type")):
        yield False
        return
    kind._base_placeholder = _found_once(own, found)
    try:
        yield True
    finally:
        kind._base_placeholder = own


def _compiled_xpath(namespaces: dict[str, str]) -> Any:
    """python-pptx's `BaseOxmlElement.xpath` (an XPath query with its namespaces) with
    each expression compiled once."""
    from lxml import etree

    compiled: dict[str, etree.XPath] = {}

    def xpath(element: Any, xpath_str: str) -> Any:
        query = compiled.get(xpath_str)
        if query is None:
            query = compiled[xpath_str] = etree.XPath(xpath_str, namespaces=namespaces)
        return query(element)

    return xpath


def _found_once(looked_up: property, found: dict[tuple[Any, ...], tuple[Any, Any]]
                ) -> property:
    """`looked_up` (a `_base_placeholder` property) answered once per kind of shape, part
    (a slide's, a layout's), idx and type, in `found`."""
    def base(shape: Any) -> Any:
        try:
            part, element = shape.part, shape._element
            key = (type(shape), id(part), element.ph_idx, element.ph_type)
        except AttributeError:  # a shape of another make: python-pptx's own lookup
            return looked_up.__get__(shape)
        if key not in found:  # the part is kept with it: its id is not another's
            found[key] = (part, looked_up.__get__(shape))
        return found[key][1]

    return property(base)
