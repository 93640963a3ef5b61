"""Turn Pydantic's validation errors into one-line messages a non-programmer can act on.

Each problem reads `file:line:col: field.path: what is wrong (how to fix it)`, with a
"did you mean" suggestion for misspelt keys and choices.
"""

from __future__ import annotations

import difflib
import functools
import re
import types
import typing
from collections.abc import Callable
from typing import Any, Literal, NamedTuple, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from smguide.errors import Problem, human_field, quote
from smguide.model.base import Explained
from smguide.sources.dates import how_to_write
from smguide.sources.yamlhints import curly_wrapped
from smguide.sources.yamlsource import Located, Path_

M = TypeVar("M")
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # model.guide.IsoDate's


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


class _Error(NamedTuple):
    """One Pydantic error, with what describing it needs."""

    path: Path_  # where in the file
    loc: tuple[str | int, ...]  # Pydantic's location
    value: Any
    ctx: dict[str, Any]
    msg: str
    root: Any
    field_type: Any
    helps: dict[str, str]


def describe(error: ErrorDetails, root: Any, data: Any,
             helps: dict[str, str] | None = None) -> Described:
    """One Pydantic error described; `helps` maps a text pattern to the words that
    explain it (default: those of `root`)."""
    if helps is None:
        helps = explanations(typing.cast(typing.Hashable, root))
    loc = tuple(error["loc"])
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    path = _data_path(data, loc, keep_last=kind in ("missing", "extra_forbidden"))
    found = _Error(path, loc, value, ctx, error["msg"], root, type_at(root, loc), helps)
    if kind in _NUMBER_KINDS and isinstance(value, str) and curly_wrapped(value) and (
            kind not in ("literal_error", "enum") or value[1:-1] in _choices(found.field_type)
            or value[1:-1].isdigit()):
        return _curly_number(found)
    how = _BY_KIND.get(kind)
    if how is not None:
        return how(found)
    return Described(path, f"{error['msg']}; got {_show(value)}")


# numbers and choices: written bare (`weight: 700`, `style: tip`), in curly quotes a mistake
_NUMBER_KINDS = {"int_type", "int_parsing", "float_type", "float_parsing", "int_from_float",
                 "literal_error", "enum"}


def _curly_number(e: _Error) -> Described:
    """`weight: “700”`: a number or a choice in a word processor's curly quotes is text
    to YAML, and none of the numbers or choices."""
    fix = f"remove them: {e.value[1:-1]}"
    return Described(e.path, f"the value is in curly quotes ({e.value[0]} {e.value[-1]}) from "
                             f"a word processor, which YAML keeps as part of the text; {fix}",
                     suggestion=fix)


def _missing(e: _Error) -> Described:
    add = f'add "{e.loc[-1]}:"'
    return Described(e.path, f"required field is missing; {add}", suggestion=add)


def _models(root: Any) -> list[type[BaseModel]]:
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


def _elsewhere(e: _Error, key: str) -> str | None:
    """Where `key` belongs when it is a key of another part of the file: the top of the
    file (a chapter's summary written inside a block) or another type of block."""
    here = type_at(e.root, e.loc[:-1])
    models = _models(e.root)
    kind = _tag_of(here) if isinstance(here, type) and issubclass(here, BaseModel) else None
    if len(e.path) > 1 and models and key in _keys_of(models[0]):
        return ("it belongs at the top of the file, at column 1" +
                (", not in a block" if kind else ""))
    tags = [tag for model in models if model is not here and key in _keys_of(model)
            for tag in [_tag_of(model)] if tag]
    if not tags:
        return None
    blocks = "blocks" if len(tags) > 3 else f"{', '.join(tags)} blocks"
    if kind:
        return f"a {kind} block has no {key}: (it is a key of {blocks})"
    return f"it is a key of {blocks}: move it into a block under blocks:"


def _unknown_key(e: _Error) -> Described:
    allowed = [k for k in _keys_of(type_at(e.root, e.loc[:-1])) if k != "type"]
    elsewhere = _elsewhere(e, str(e.loc[-1]))
    if elsewhere is not None:
        return Described(e.path, f"unknown key {quote(e.loc[-1])} here: {elsewhere}; allowed "
                                 f"here: {', '.join(allowed)}", True, suggestion=elsewhere)
    meant = _closest(str(e.loc[-1]), allowed)
    fix = f"did you mean {quote(meant)}?" if meant else None
    hint = f" ({fix})" if fix else f" (allowed: {', '.join(allowed)})"
    return Described(e.path, f"unknown key {quote(e.loc[-1])}{hint}", True, suggestion=fix,
                     meant=meant)


def _choice(e: _Error) -> Described:
    choices = _choices(e.field_type) or [c.strip("'") for c in
                                         str(e.ctx.get("expected", "")).replace(" or ", ", ")
                                         .split(", ")]
    return _one_of(e.path, choices, e.value)


def _block_type(e: _Error) -> Described:
    tags = [t.strip("'") for t in str(e.ctx.get("expected_tags", "")).split(", ")]
    curly = _curly_wrapped(e.ctx.get("tag"))
    if curly:
        return Described((*e.path, "type"), *curly)
    other = _choice_of_another_type(e.field_type, e.ctx.get("tag"))
    if other is not None:  # `type: warning`: a style of callout, not a type of block
        wanted = f"one of {', '.join(tags)}"
        return Described((*e.path, "type"), f"expected {wanted}; got {_show(e.ctx.get('tag'))}"
                                            f" ({other})", expected=wanted, suggestion=other)
    return _one_of((*e.path, "type"), tags, e.ctx.get("tag"))


def _choice_of_another_type(union: Any, tag: Any) -> str | None:
    """'use type: callout with style: warning' when a refused tag is one of the choices
    of a field of one of the union's types (a callout's style, written as its type)."""
    if not isinstance(tag, str):
        return None
    word = tag.strip().lower()
    for model in _variants(union):
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            continue
        for name, info in model.model_fields.items():
            if name != "type" and word in _choices(info.annotation):
                return f"use type: {_tag_of(model)} with {info.alias or name}: {word}"
    return None


def _refused(e: _Error) -> Described:
    refusal = e.ctx.get("error", e.msg)
    return Described(e.path, str(refusal), suggestion=getattr(refusal, "fix", None))


def _no_block_type(e: _Error) -> Described:
    return Described(e.path, 'each block needs a "type:" line (for example "type: prose")')


def _not_text(e: _Error) -> Described:
    pattern = _pattern_of(e.field_type)
    if pattern:
        wanted = e.helps.get(pattern, "text")
        return Described(e.path, f"expected {wanted}; got {_show(e.value)}", expected=wanted)
    joined = _colon_text(e.value)
    if joined is not None:  # `- Note: bring your ID` is read as a key "Note"
        quoted = f"put the whole text in quotes: {quote(joined)}"
        return Described(e.path, f'this text has ": " in it, which YAML reads as '
                                 f'"key: value"; {quoted}', expected="text", suggestion=quoted)
    fix = (f"put it in quotes: {quote(_show(e.value))}"
           if isinstance(e.value, (int, float)) else None)
    return Described(e.path, f"expected text; got {_show(e.value)}"
                             f"{f' ({fix})' if fix else ''}", expected="text", suggestion=fix)


def _too_long_text(e: _Error) -> Described:
    return Described(e.path, f"too long: at most {e.ctx.get('max_length')} characters; "
                             f"got {len(str(e.value))}")


def _empty_text(e: _Error) -> Described:
    fix = "write some text or remove the key"
    return Described(e.path, f"must not be empty; {fix}", suggestion=fix)


def _wrong_format(e: _Error) -> Described:
    curly = _curly_wrapped(e.value)
    if curly:
        return Described(e.path, *curly)
    if str(e.ctx.get("pattern")) == DATE_PATTERN and isinstance(e.value, str):
        advice = how_to_write(e.value)  # 03/02/2026: both days it may mean, written our way
        return Described(e.path, f"{quote(e.value)} is not a date smguide reads; {advice}",
                         expected="year-month-day", suggestion=advice)
    wanted = e.helps.get(str(e.ctx.get("pattern")), "a different format")
    return Described(e.path, f"{_show(e.value)} is not allowed here; expected {wanted}",
                     expected=wanted)


def _shape(wanted: str) -> Callable[[_Error], Described]:
    return lambda e: _expected(e.path, wanted, e.value)


def _limit(e: _Error) -> Described:
    low = e.ctx.get("ge")
    limit = f"at least {low}" if low is not None else f"at most {e.ctx.get('le')}"
    return _expected(e.path, f"a number {limit}", e.value)


# how each kind of Pydantic error is said (others: Pydantic's words and the value)
_BY_KIND: dict[str, Callable[[_Error], Described]] = {
    "missing": _missing,
    "extra_forbidden": _unknown_key,
    "literal_error": _choice,
    "enum": _choice,
    "union_tag_invalid": _block_type,
    "value_error": _refused,
    "union_tag_not_found": _no_block_type,
    "string_type": _not_text,
    "string_too_long": _too_long_text,
    "string_too_short": _empty_text,
    "string_pattern_mismatch": _wrong_format,
    **dict.fromkeys(("list_type", "tuple_type"), _shape('a list (one "- item" per line)')),
    **dict.fromkeys(("model_type", "dict_type", "model_attributes_type"),
                    _shape('a group of "key: value" lines')),
    "too_short": lambda e: _count(e.path, "too_short", e.ctx),
    "too_long": lambda e: _count(e.path, "too_long", e.ctx),
    **dict.fromkeys(("int_type", "int_parsing"), _shape("a whole number")),
    **dict.fromkeys(("greater_than_equal", "less_than_equal"), _limit),
}


def _colon_text(value: Any) -> str | None:
    """The text a one-key group was meant to be (`Note: bring your ID`), if it is one."""
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (key, rest), = value.items()
    if not isinstance(key, str) or not isinstance(rest, (str, int, float)) or isinstance(
            rest, bool):
        return None
    return f"{key}: {rest}"


def _curly_wrapped(value: Any) -> tuple[str, bool, None, str] | None:
    """What to say (the message, whether at the key, what was expected, the fix) when a
    refused value is only wrapped in a word processor's curly quotes (`“2026-12-01”`)."""
    found = curly_wrapped(value)
    return (found[0], False, None, found[1]) if found else None


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
    if located.data is None and isinstance(root, type) and issubclass(root, BaseModel):
        needed = [info.alias or name for name, info in root.model_fields.items()
                  if info.is_required()]
        keys = [k + ":" for k in needed]
        said = " and ".join([", ".join(keys[:-1]), keys[-1]] if len(keys) > 1 else keys)
        fix = (f"write at least {said} in it (see smguide docs)" if 0 < len(needed) <= 4
               else "copy its lines from the same file of a new project (smguide init "
                    "FOLDER), or see smguide docs")
        return None, [Problem("error", display, 1, 1, None, f"the file is empty; {fix}",
                              suggestion=fix)]
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
    found = []
    for path, (line, column) in located.key_pos.items():
        if _get(located.data, path) is not None:
            continue
        written = located.lines[line - 1] if 0 < line <= len(located.lines) else ""
        cut = re.match(r"^\s*(?:-\s+)?([^:#]+):\s+(#.*?)\s*$", written[column - 1:] if
                       column > 0 else written)
        if cut:  # `green: #2f6b4f`: the colour is read as a comment
            quoted = f"put it in quotes: {cut[1].strip()}: {quote(cut[2])}"
            found.append(Described(path, f"the value is empty: YAML reads {quote(cut[2])} "
                                         f"as a comment; {quoted}", True, suggestion=quoted))
        else:
            found.append(Described(path, f"the value is empty; {fix}", True, suggestion=fix))
    return found


def _get(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data
