"""One Pydantic error in the user's words: what is wrong, what was expected and how to
fix it, with a "did you mean" for misspelt keys and choices."""

from __future__ import annotations

import difflib
import typing
from collections.abc import Callable
from typing import Any, NamedTuple

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from smguide.errors import quote
from smguide.sources.dates import how_to_write
from smguide.sources.located import Path_
from smguide.sources.typeinfo import (
    choices_of,
    explanations,
    keys_of,
    models_of,
    pattern_of,
    tag_of,
    type_at,
    type_variants,
)
from smguide.sources.yamlhints import curly_wrapped

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # model.guide.IsoDate's


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
    language: str = "en"  # the file's `language:` (guide.yaml), for a date's example


def describe(error: ErrorDetails, root: Any, data: Any,
             helps: dict[str, str] | None = None) -> Described:
    """One Pydantic error described; `helps` maps a text pattern to the words that
    explain it (default: those of `root`)."""
    if helps is None:
        helps = explanations(typing.cast(typing.Hashable, root))
    loc = tuple(error["loc"])
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    path = _data_path(data, loc, keep_last=kind in ("missing", "extra_forbidden"))
    language = data.get("language") if isinstance(data, dict) else None
    found = _Error(path, loc, value, ctx, error["msg"], root, type_at(root, loc), helps,
                   language if isinstance(language, str) and language else "en")
    if kind in _NUMBER_KINDS and isinstance(value, str) and curly_wrapped(value) and (
            kind not in ("literal_error", "enum") or value[1:-1] in choices_of(found.field_type)
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


def _elsewhere(e: _Error, key: str) -> str | None:
    """Where `key` belongs when it is a key of another part of the file: the top of the
    file (a chapter's summary written inside a block) or another type of block."""
    here = type_at(e.root, e.loc[:-1])
    models = models_of(e.root)
    kind = tag_of(here) if isinstance(here, type) and issubclass(here, BaseModel) else None
    if len(e.path) > 1 and models and key in keys_of(models[0]):
        return ("it belongs at the top of the file, at column 1" +
                (", not in a block" if kind else ""))
    tags = [tag for model in models if model is not here and key in keys_of(model)
            for tag in [tag_of(model)] if tag]
    if not tags:
        return None
    blocks = "blocks" if len(tags) > 3 else f"{', '.join(tags)} blocks"
    if kind:
        return f"a {kind} block has no {key}: (it is a key of {blocks})"
    return f"it is a key of {blocks}: move it into a block under blocks:"


def _unknown_key(e: _Error) -> Described:
    allowed = [k for k in keys_of(type_at(e.root, e.loc[:-1])) if k != "type"]
    elsewhere = _elsewhere(e, str(e.loc[-1]))
    if elsewhere is not None:
        return Described(e.path, f"unknown key {quote(e.loc[-1])} here: {elsewhere}; allowed "
                                 f"here: {', '.join(allowed)}", True, suggestion=elsewhere)
    meant = closest(str(e.loc[-1]), allowed)
    fix = f"did you mean {quote(meant)}?" if meant else None
    hint = f" ({fix})" if fix else f" (allowed: {', '.join(allowed)})"
    return Described(e.path, f"unknown key {quote(e.loc[-1])}{hint}", True, suggestion=fix,
                     meant=meant)


def _choice(e: _Error) -> Described:
    choices = choices_of(e.field_type) or [c.strip("'") for c in
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
    for model in type_variants(union):
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            continue
        for name, info in model.model_fields.items():
            if name != "type" and word in choices_of(info.annotation):
                return f"use type: {tag_of(model)} with {info.alias or name}: {word}"
    return None


def _refused(e: _Error) -> Described:
    refusal = e.ctx.get("error", e.msg)
    return Described(e.path, str(refusal), suggestion=getattr(refusal, "fix", None))


def _no_block_type(e: _Error) -> Described:
    return Described(e.path, 'each block needs a "type:" line (for example "type: prose")')


def _not_text(e: _Error) -> Described:
    pattern = pattern_of(e.field_type)
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
        # 03/02/2026: both days it may mean, written our way and in the guide's language
        advice = how_to_write(e.value, e.language)
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
    meant = closest(str(value), choices)
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


def closest(word: str, choices: typing.Iterable[str]) -> str | None:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None
