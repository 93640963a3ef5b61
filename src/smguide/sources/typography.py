"""The typography table shipped with smguide (assets/typography.yaml), looked up by
language and overridden by labels.yaml's `typography:`."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from smguide.model.typography import Typography, TypographyFile
from smguide.sources.validated import shipped_table


@lru_cache(maxsize=1)
def _table() -> dict[str, TypographyFile]:
    return shipped_table("typography.yaml", "smguide.sources.typographyfile:TypographyFile")


def _fields(entry: Typography | TypographyFile | None) -> dict[str, Any]:
    """The fields `entry` gives (not None), each list and dict a copy: the values are
    texts, lists and dicts of texts."""
    if entry is None:
        return {}
    return {name: type(value)(value) if isinstance(value, list | dict) else value
            for name, value in vars(entry).items() if value is not None}


@lru_cache(maxsize=32)
def shipped(language: str) -> Typography:
    """The table's entry for `language` ("fr-CH", else "fr", else the default)."""
    table, code = _table(), language.lower()
    entry = table.get(code) or table.get(code.split("-")[0])
    fields = _fields(table["default"]) | _fields(entry)
    return _typography(fields)


def _typography(fields: dict[str, Any]) -> Typography:
    fields["quotes"] = tuple(fields["quotes"])
    fields["tie_after"] = tuple(fields.get("tie_after", ()))
    fields["units"] = tuple(fields.get("units", ()))
    return Typography(**fields)  # of values validated already


def typography_for(language: str, override: TypographyFile | None = None) -> Typography:
    """The shipped typography of `language`, with labels.yaml's fields replacing its own."""
    base = shipped(language)
    if override is None:
        return base
    return _typography(_fields(base) | _fields(override))
