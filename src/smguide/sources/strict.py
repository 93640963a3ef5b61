"""The files' shapes that Pydantic validates, and what their values become once valid:
the one strict configuration (and its one exception, for the keys of other tools that a
brand file may hold), and `plain`, which makes a validated value the model's plain
frozen dataclasses (model/), so a renderer, and a run whose every file was validated
before (its values kept in the user's cache), never imports Pydantic."""

from __future__ import annotations

import dataclasses
import importlib
import sys
from typing import Any

from pydantic import BaseModel, ConfigDict

from smguide.model.base import Record

STRICT = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)
# posit's brand-yml lets a brand file carry other tools' keys (in `meta`, and other tools'
# sections of `defaults`): only those models keep keys they do not know (and never read
# them); everything else is as STRICT
OTHER_TOOLS = ConfigDict(extra="allow", frozen=True, strict=True, defer_build=True)


class Strict(BaseModel):
    """A file's shape: no silent coercions, unknown keys refused, immutable once made."""

    model_config = STRICT


class OtherTools(BaseModel):
    """A part of a brand file where other tools' keys are allowed (OTHER_TOOLS)."""

    model_config = OTHER_TOOLS


_TWINS: dict[type, type] = {}  # a shape -> the model's dataclass its values become


def twins(module: str, plain: str) -> None:
    """Each shape defined in `module` becomes the dataclass of the same name in the model
    module `plain` (sources/guidefile.py's Prose: model/guide.py's Prose)."""
    shapes, model = sys.modules[module], importlib.import_module(plain)
    for name, shape in vars(shapes).items():
        twin = getattr(model, name, None)
        if isinstance(shape, type) and issubclass(shape, BaseModel) and \
                shape.__module__ == module and dataclasses.is_dataclass(twin):
            _TWINS[shape] = twin  # type: ignore[assignment]


def plain(value: Any) -> Any:
    """A validated value with every model in it made plain: its twin (see `twins`), else
    a Record of its fields (the keys of other tools it allows are never read: left out);
    lists, tuples and dicts of them alike."""
    if isinstance(value, BaseModel):
        shape = type(value)
        fields = {name: plain(getattr(value, name)) for name in shape.model_fields}
        twin = _TWINS.get(shape)
        return twin(**fields) if twin is not None else Record(shape.__name__,
                                                              tuple(fields.items()))
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, tuple):
        return tuple(plain(item) for item in value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value
