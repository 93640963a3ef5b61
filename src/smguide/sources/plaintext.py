"""Plain-text fields typeset once, as the guide is read: titles, headings, names, terms,
labels, a table's columns and aspects, alt texts, the deck's lines.

They are never read as Markdown, but they get the body's smart typography (markdown.py's
`typed`: curly quotes and apostrophes, dashes, the language's spaces before : ; ? ! and
inside « »), so "c'est" in a heading prints as the body's "c’est", in the handbook (its
contents, running heads and bookmarks), in the deck and in its notes alike. Markdown
fields are left to the renderers' Markdown, which does the same to their text; file
names, ids, codes and dates are never touched.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from smguide.model.guide import Guide, Labels
from smguide.sources.markdown import Writing, typed, writing

# the plain-text fields of the content model (model/guide.py's `Text`), by name, in every
# model that has them; a Labels' every text field is one (the footer is typeset once
# chosen, guide's or brand's: commands/inputs.py)
PLAIN = frozenset({
    "title", "short_title", "subtitle", "edition", "description", "contact",
    "printed_by", "deck", "recap", "heading", "name", "aspect", "columns", "term",
    "stands_for", "alt", "summary_title", "next_step", "team", "address"})

Model = TypeVar("Model")


def typeset_guide(guide: Guide) -> Guide:
    """`guide` with every plain-text field typeset as its language writes."""
    return _model(guide, writing(guide.language, guide.typography))


def typeset_text(text: str, lang: Writing) -> str:
    """One plain-text value (a roster's name, a label) as the guide writes it."""
    return typed(text, lang.language, lang.quotes, lang.spacing)


def _model(model: Model, lang: Writing) -> Model:
    every = isinstance(model, Labels)
    changed: dict[str, Any] = {}
    for name in (field.name for field in dataclasses.fields(model)):  # type: ignore[arg-type]
        value = getattr(model, name)
        new = _value(value, lang, every or name in PLAIN)
        if new is not value:
            changed[name] = new
    return dataclasses.replace(model, **changed) if changed else model  # type: ignore[type-var]


def _value(value: Any, lang: Writing, plain: bool) -> Any:
    if isinstance(value, str):
        if not plain:
            return value
        text = typeset_text(value, lang)
        return value if text == value else text
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _model(value, lang)
    if isinstance(value, list | tuple):
        items = [_value(item, lang, plain) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return type(value)(items)
    return value
