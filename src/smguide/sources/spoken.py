"""The presenter's lines shipped with smguide (assets/spoken.yaml), looked up by language
and overridden by labels.yaml's `spoken:`."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from smguide.model.spoken import Spoken, SpokenFile
from smguide.sources.validated import shipped_table


@lru_cache(maxsize=1)
def _table() -> dict[str, SpokenFile]:
    return shipped_table("spoken.yaml", "smguide.sources.spokenfile:SpokenFile")


def _fields(entry: SpokenFile | None) -> dict[str, Any]:
    """Its fields given (not None)."""
    return {} if entry is None else {name: value for name, value in vars(entry).items()
                                     if value is not None}


def spoken_for(language: str, override: SpokenFile | None = None) -> Spoken:
    """The shipped lines of `language` ("de-CH", else "de"; a language the table lacks
    has none but the arrow that leads on), with labels.yaml's fields replacing them."""
    table, code = _table(), language.lower()
    entry = table.get(code) or table.get(code.split("-")[0])
    return Spoken(**(_fields(entry) | _fields(override)))  # validated already
