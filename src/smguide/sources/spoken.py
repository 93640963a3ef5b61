"""The presenter's lines shipped with smguide (assets/spoken.yaml), looked up by language
and overridden by labels.yaml's `spoken:`."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from smguide.model.spoken import Spoken, SpokenFile
from smguide.resources import ASSETS_DIR
from smguide.sources.validated import validated


@lru_cache(maxsize=1)
def _table() -> dict[str, SpokenFile]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load((ASSETS_DIR / "spoken.yaml").read_text(encoding="utf-8"), loader)  # noqa: S506
    # validated once (sources.validated keeps what the same data gave)
    return validated(dict[str, SpokenFile], {str(key).lower(): value
                                             for key, value in raw.items()})


def _fields(entry: SpokenFile | None) -> dict[str, Any]:
    """model_dump(exclude_none=True), without building its serializer (texts only)."""
    return {} if entry is None else {name: value for name, value in entry
                                     if value is not None}


def spoken_for(language: str, override: SpokenFile | None = None) -> Spoken:
    """The shipped lines of `language` ("de-CH", else "de"; a language the table lacks
    has none but the arrow that leads on), with labels.yaml's fields replacing them."""
    table, code = _table(), language.lower()
    entry = table.get(code) or table.get(code.split("-")[0])
    return Spoken.model_construct(**(_fields(entry) | _fields(override)))  # validated already
