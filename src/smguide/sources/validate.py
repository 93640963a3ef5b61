"""Turn Pydantic's validation errors into one-line messages a non-programmer can act on.

Each problem reads `file:line:col: field.path: what is wrong (how to fix it)`, with a
"did you mean" suggestion for misspelt keys and choices.
"""

from __future__ import annotations

import difflib
import functools
import types
import typing
from typing import Any, Literal, NamedTuple, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from smguide.errors import Problem, human_field, quote
from smguide.model.base import Explained
from smguide.sources.yamlhints import CURLY
from smguide.sources.yamlsource import Located, Path_

M = TypeVar("M")


def dotted(path: Path_) -> str:
    """('blocks', 1, 'focus') -> 'blocks[1].focus'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def suggest(word: str, choices: typing.Iterable[str]) -> str:
    """' (did you mean "x"?)' when a close match exists, else ''."""
    meant = _closest(word, choices)
    return f" (did you mean {quote(meant)}?)" if meant else ""


def _unwrap(tp: Any) -> Any:
    while get_origin(tp) is typing.Annotated:
        tp = get_args(tp)[0]
    return tp


def _variants(tp: Any) -> list[Any]:
    tp = _unwrap(tp)
    if get_origin(tp) in (Union, types.UnionType):
        return [_unwrap(a) for a in get_args(tp) if a is not type(None)]
    return [tp]


def _field_type(model: type[BaseModel], key: str) -> Any:
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return info.annotation
    return None


def _tag_of(model: type[BaseModel]) -> str | None:
    info = model.model_fields.get("type")
    if info is not None and get_origin(info.annotation) is Literal:
        return get_args(info.annotation)[0]
    return None


def type_at(root: Any, loc: tuple[str | int, ...]) -> Any:
    """The declared type at a Pydantic error location (discriminator tags included)."""
    tp: Any = root
    for part in loc:
        options = _variants(tp)
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
                      and part in (_tag_of(o), o.__name__)]
            if not tagged:
                return None
            nxt = tagged[0]
        tp = nxt
    return tp


def _keys_of(tp: Any) -> list[str]:
    keys: list[str] = []
    for option in _variants(tp):
        if isinstance(option, type) and issubclass(option, BaseModel):
            keys += [info.alias or name for name, info in option.model_fields.items()]
    return keys


def _choices(tp: Any) -> list[str]:
    return [str(v) for option in _variants(tp) if get_origin(option) is Literal
            for v in get_args(option)]


def _show(value: Any) -> str:
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return str(value).lower() if isinstance(value, bool) else str(value)


def _data_path(data: Any, loc: tuple[str | int, ...], keep_last: bool) -> Path_:
    """Drop discriminator tags from a Pydantic location so it matches the YAML."""
    path: list[str | int] = []
    for i, part in enumerate(loc):
        in_list = isinstance(data, list) and isinstance(part, int) and part < len(data)
        if in_list or (isinstance(data, dict) and part in data):
            data = data[part]
        elif i < len(loc) - 1 or not isinstance(data, dict) or not keep_last:
            continue  # a union tag inserted by Pydantic, not a key of the file
        path.append(part)
    return tuple(path)


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


class Described(NamedTuple):
    """One Pydantic error in the user's words: where in the file, the message, whether
    it points at the key (not the value), what was expected, the fix, and the key a
    misspelt one was probably meant to be."""

    path: Path_
    message: str
    at_key: bool = False
    expected: str | None = None
    suggestion: str | None = None
    meant: str | None = None


def describe(error: ErrorDetails, root: Any, data: Any,
             helps: dict[str, str] | None = None) -> Described:
    """One Pydantic error described; `helps` maps a text pattern to the words that
    explain it (default: those of `root`)."""
    if helps is None:
        helps = explanations(typing.cast(typing.Hashable, root))
    loc = tuple(error["loc"])
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    path = _data_path(data, loc, keep_last=kind in ("missing", "extra_forbidden"))
    field_type = type_at(root, loc)
    if kind == "missing":
        add = f'add "{loc[-1]}:"'
        return Described(path, f"required field is missing; {add}", suggestion=add)
    if kind == "extra_forbidden":
        allowed = [k for k in _keys_of(type_at(root, loc[:-1])) if k != "type"]
        meant = _closest(str(loc[-1]), allowed)
        fix = f"did you mean {quote(meant)}?" if meant else None
        hint = f" ({fix})" if fix else f" (allowed: {', '.join(allowed)})"
        return Described(path, f"unknown key {quote(loc[-1])}{hint}", True, suggestion=fix,
                         meant=meant)
    if kind in ("literal_error", "enum"):
        choices = _choices(field_type) or [c.strip("'") for c in
                                           str(ctx.get("expected", "")).replace(" or ", ", ")
                                           .split(", ")]
        return _one_of(path, choices, value)
    if kind == "union_tag_invalid":
        tags = [t.strip("'") for t in str(ctx.get("expected_tags", "")).split(", ")]
        curly = _curly_wrapped(ctx.get("tag"))
        if curly:
            return Described((*path, "type"), curly, suggestion=curly.rpartition("; ")[2])
        return _one_of((*path, "type"), tags, ctx.get("tag"))
    if kind == "value_error":
        refusal = ctx.get("error", error["msg"])
        return Described(path, str(refusal), suggestion=getattr(refusal, "fix", None))
    if kind == "union_tag_not_found":
        return Described(path, 'each block needs a "type:" line (for example "type: prose")')
    if kind == "string_type":
        pattern = _pattern_of(field_type)
        if pattern:
            wanted = helps.get(pattern, "text")
            return Described(path, f"expected {wanted}; got {_show(value)}", expected=wanted)
        fix = (f"put it in quotes: {quote(_show(value))}"
               if isinstance(value, (int, float)) else None)
        return Described(path, f"expected text; got {_show(value)}"
                               f"{f' ({fix})' if fix else ''}", expected="text", suggestion=fix)
    if kind == "string_too_long":
        return Described(path, f"too long: at most {ctx.get('max_length')} characters; "
                               f"got {len(str(value))}")
    if kind == "string_too_short":
        fix = "write some text or remove the key"
        return Described(path, f"must not be empty; {fix}", suggestion=fix)
    curly = _curly_wrapped(value)
    if curly and kind in ("string_pattern_mismatch", "literal_error", "enum"):
        return Described(path, curly, suggestion=curly.rpartition("; ")[2])
    if kind == "string_pattern_mismatch":
        wanted = helps.get(str(ctx.get("pattern")), "a different format")
        return Described(path, f"{_show(value)} is not allowed here; expected {wanted}",
                         expected=wanted)
    if kind in ("list_type", "tuple_type"):
        return _expected(path, 'a list (one "- item" per line)', value)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return _expected(path, 'a group of "key: value" lines', value)
    if kind in ("too_short", "too_long"):
        return _count(path, kind, ctx)
    if kind in ("int_type", "int_parsing"):
        return _expected(path, "a whole number", value)
    if kind in ("greater_than_equal", "less_than_equal"):
        low = ctx.get("ge")
        limit = f"at least {low}" if low is not None else f"at most {ctx.get('le')}"
        return _expected(path, f"a number {limit}", value)
    return Described(path, f"{error['msg']}; got {_show(value)}")


def _curly_wrapped(value: Any) -> str | None:
    """What to say when a refused value is only wrapped in a word processor's curly
    quotes (`“2026-12-01”`), which YAML keeps as letters of the text."""
    if not isinstance(value, str) or len(value) < 2:
        return None
    if value[0] not in CURLY or value[-1] not in CURLY:
        return None
    return (f"the value is in curly quotes ({value[0]} {value[-1]}) from a word processor, "
            f"which YAML keeps as part of the text; use straight quotes: "
            f"{quote(value[1:-1])}")


def _expected(path: Path_, wanted: str, value: Any) -> Described:
    return Described(path, f"expected {wanted}; got {_show(value)}", expected=wanted)


def _one_of(path: Path_, choices: list[str], value: Any) -> Described:
    meant = _closest(str(value), choices)
    wanted = f"one of {', '.join(choices)}"
    hint = f"did you mean {quote(meant)}?" if meant else None
    return Described(path, f"expected {wanted}; got {_show(value)}{f' ({hint})' if hint else ''}",
                     expected=wanted, suggestion=hint)


def _count(path: Path_, kind: str, ctx: dict[str, Any]) -> Described:
    if ctx.get("min_length") == ctx.get("max_length"):
        want = f"exactly {ctx.get('max_length', ctx.get('min_length'))}"
    else:
        want = (f"at least {ctx['min_length']}" if kind == "too_short"
                else f"at most {ctx['max_length']}")
    got = ctx.get("actual_length")
    empty_chapter = path[-1:] == ("blocks",) and want == "at least 1" and got == 0
    items = "item" if want.endswith(" 1") else "items"
    return Described(path, f"expected {want} {items}; got {got}", expected=f"{want} {items}",
                     suggestion="the chapter is empty: add a block, or remove the chapter "
                                "from guide.yaml" if empty_chapter else None)


def _closest(word: str, choices: typing.Iterable[str]) -> str | None:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


_ADAPTERS: dict[object, TypeAdapter[Any]] = {}


def _adapter(root: Any) -> TypeAdapter[Any]:
    """One validator per type, built on first use (building one costs more than using it:
    a guide of 16 chapter files built 16)."""
    adapter = _ADAPTERS.get(root)
    if adapter is None:
        adapter = _ADAPTERS[root] = TypeAdapter(root)
    return adapter


def validate(root: type[M] | Any, located: Located,
             display: str) -> tuple[M | None, list[Problem]]:
    """Validate located YAML against a type; return (value, problems)."""
    found = _empty_values(located)
    try:
        value = _adapter(root).validate_python(located.data)
    except ValidationError as exc:
        value = None
        helps = explanations(typing.cast(typing.Hashable, root))
        described = _most_specific([describe(error, root, located.data, helps)
                                    for error in exc.errors(include_url=False)])
        misspelt = {(*entry.path[:-1], entry.meant) for entry in described
                    if entry.at_key and entry.meant}
        empty = {entry.path for entry in found}
        found += [entry for entry in described  # "expected text; got nothing" says less
                  if not (entry.message.startswith("required field is missing")
                          and entry.path in misspelt) and entry.path not in empty]
    problems = []
    for entry in found:
        line, col = ((located.key_pos.get(entry.path) if entry.at_key else None)
                     or located.position(entry.path))
        where = dotted(entry.path)
        problems.append(Problem("error", display, line, col, where, entry.message,
                                entry.expected, entry.suggestion,
                                human_field(where, located.data)))
    problems.sort(key=lambda p: (p.line, p.column, p.line_text()))
    return (None if problems else value), problems


def _most_specific(described: list[Described]) -> list[Described]:
    """Where a field may take several shapes (text or a group of keys), Pydantic reports
    one error per shape; drop the bare shape mismatch when a more telling error exists."""
    unique = list(dict.fromkeys(described))
    shape = ("expected text;", "expected a group of")

    def telling(other: Described, path: Path_) -> bool:
        deeper = len(other[0]) > len(path) and other[0][:len(path)] == path
        return deeper or (other[0] == path and not other[1].startswith(shape))

    return [entry for entry in unique
            if not (entry[1].startswith(shape) and any(telling(o, entry[0]) for o in unique))]


def _pattern_of(tp: Any) -> str | None:
    """The regex a text field must match, if it has one (for a helpful example)."""
    for option in [tp, *get_args(tp)]:
        for meta in getattr(option, "__metadata__", ()):
            if getattr(meta, "pattern", None):
                return str(meta.pattern)
    return None


def _empty_values(located: Located) -> list[Described]:
    """Keys written with nothing after them: usually a value lost to a `#` comment."""
    fix = ('write one or remove the key (text after # is a comment: put such text in '
           'quotes, e.g. "#1 rule")')
    return [Described(path, f"the value is empty; {fix}", True, suggestion=fix)
            for path in located.key_pos if _get(located.data, path) is None]


def _get(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data
