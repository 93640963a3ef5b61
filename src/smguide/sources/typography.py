"""The typography table shipped with smguide (assets/typography.yaml), looked up by
language and overridden by labels.yaml's `typography:`."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from smguide.model.typography import Typography, TypographyFile
from smguide.resources import ASSETS_DIR


@lru_cache(maxsize=1)
def _table() -> dict[str, TypographyFile]:
    import yaml

    # libyaml's loader where PyYAML has it: the same data, read five times faster
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load((ASSETS_DIR / "typography.yaml").read_text(encoding="utf-8"), loader)  # noqa: S506
    return {str(key).lower(): TypographyFile.model_validate(value) for key, value in raw.items()}


def _fields(entry: TypographyFile | None) -> dict[str, Any]:
    return {} if entry is None else entry.model_dump(exclude_none=True)


@lru_cache(maxsize=32)
def shipped(language: str) -> Typography:
    """The table's entry for `language` ("fr-CH", else "fr", else the default)."""
    table, code = _table(), language.lower()
    entry = table.get(code) or table.get(code.split("-")[0])
    fields = _fields(table["default"]) | _fields(entry)
    fields["quotes"] = tuple(fields["quotes"])
    return Typography(**fields)


def typography_for(language: str, override: TypographyFile | None = None) -> Typography:
    """The shipped typography of `language`, with labels.yaml's fields replacing its own."""
    base = shipped(language)
    if override is None:
        return base
    fields = base.model_dump() | _fields(override)
    fields["quotes"] = tuple(fields["quotes"])
    return Typography(**fields)
