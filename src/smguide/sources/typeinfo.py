"""What a Pydantic type allows, read from its annotations: the keys of its models, the
choices of its literals, its text patterns and the words that explain them, the type at
an error's location."""

from __future__ import annotations

import functools
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, Tag

from smguide.model.base import Explained


def _unwrap(tp: Any) -> Any:
    while get_origin(tp) is typing.Annotated:
        tp = get_args(tp)[0]
    return tp


def type_variants(tp: Any) -> list[Any]:
    tp = _unwrap(tp)
    if get_origin(tp) in (Union, types.UnionType):
        return [_unwrap(a) for a in get_args(tp) if a is not type(None)]
    return [tp]


def _field_type(model: type[BaseModel], key: str) -> Any:
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return info.annotation
    return None


def tag_of(model: type[BaseModel]) -> str | None:
    info = model.model_fields.get("type")
    if info is not None and get_origin(info.annotation) is Literal:
        return get_args(info.annotation)[0]
    return None


def type_at(root: Any, loc: tuple[str | int, ...]) -> Any:
    """The declared type at a Pydantic error location (discriminator tags included)."""
    tp: Any = root
    for part in loc:
        options = type_variants(tp)
        nxt = None
        for option in options:
            if isinstance(part, int) and get_origin(option) in (list, tuple):
                nxt = get_args(option)[0]
            elif isinstance(option, type) and issubclass(option, BaseModel):
                nxt = _field_type(option, str(part))
            if nxt is not None:
                break
        if nxt is None:  # a union member's name or discriminator tag: pick that member
            tagged = [o for o in options if isinstance(o, type) and issubclass(o, BaseModel)
                      and part in (tag_of(o), o.__name__)] or _tagged(tp, part)
            if not tagged:
                return None
            nxt = tagged[0]
        tp = nxt
    return tp


def _tagged(tp: Any, tag: str | int) -> list[Any]:
    """The member of a union that a callable discriminator names `tag` (pydantic's Tag)."""
    tp = _unwrap(tp)
    if get_origin(tp) not in (Union, types.UnionType):
        return []
    found: list[Any] = []
    for member in get_args(tp):
        if any(isinstance(meta, Tag) and meta.tag == tag
               for meta in getattr(member, "__metadata__", ())):
            found.append(_unwrap(member))
        else:  # a union inside this one (an Annotated union, with its discriminator)
            found += _tagged(member, tag)
    return found


def keys_of(tp: Any) -> list[str]:
    keys: list[str] = []
    for option in type_variants(tp):
        if isinstance(option, type) and issubclass(option, BaseModel):
            keys += [info.alias or name for name, info in option.model_fields.items()]
    return keys


def choices_of(tp: Any) -> list[str]:
    return [str(v) for option in type_variants(tp) if get_origin(option) is Literal
            for v in get_args(option)]


@functools.cache
def explanations(root: typing.Hashable) -> dict[str, str]:
    """Every text pattern in a type, with the words its `Explained` metadata gives."""
    found: dict[str, str] = {}
    models: set[type] = set()

    def visit(tp: Any, metadata: typing.Sequence[Any] = ()) -> None:
        metadata = [*metadata, *getattr(tp, "__metadata__", ())]
        pattern = next((m.pattern for m in metadata if getattr(m, "pattern", None)), None)
        text = next((m.text for m in metadata if isinstance(m, Explained)), None)
        if pattern and text:
            found[str(pattern)] = text
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp in models:
                return
            models.add(tp)
            for info in tp.model_fields.values():
                visit(info.annotation, info.metadata)
        for arg in get_args(tp):
            visit(arg)

    visit(root)
    return found


def models_of(root: Any) -> list[type[BaseModel]]:
    """Every model reachable from `root`, root first."""
    found: list[type[BaseModel]] = []

    def visit(tp: Any) -> None:
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp in found:
                return
            found.append(tp)
            for info in tp.model_fields.values():
                visit(info.annotation)
        for arg in get_args(tp):
            visit(arg)

    visit(root)
    return found


def pattern_of(tp: Any) -> str | None:
    """The regex a text field must match, if it has one (for a helpful example)."""
    for option in [tp, *get_args(tp)]:
        for meta in getattr(option, "__metadata__", ()):
            if getattr(meta, "pattern", None):
                return str(meta.pattern)
    return None
