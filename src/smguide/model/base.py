"""What every model shares: a model validator's refusal, the words a text pattern is
explained with when a value does not match it, and the plain record a validated part of
a file becomes when no renderer reads it as a type of its own.

The model's classes are plain frozen dataclasses: the renderers read them, pickled values
of them are kept in the user's cache, and none of it imports Pydantic. The files' shapes
that Pydantic validates are in sources/ (sources/strict.py makes their values these)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class Mistake(ValueError):
    """A model validator's refusal: what is wrong, and how to fix it (`fix`), kept apart
    so the problem reported carries its suggestion as data."""

    def __init__(self, what: str, fix: str):
        super().__init__(f"{what}; {fix}")
        self.fix = fix


@dataclass(frozen=True)
class Explained:
    """Metadata for a constrained text type (`Annotated[str, StringConstraints(pattern=...),
    Explained("...")]`): what the pattern asks for, in the user's words."""

    text: str


@dataclass(frozen=True)
class Record:
    """A validated part of a file no renderer reads as a type of its own (the brand file's
    sections, the deck plan's entries): its fields read as attributes, `_shape` the name
    of the shape it was validated as (BrandFile, Meta, SlideRef...)."""

    _shape: str
    _fields: tuple[tuple[str, Any], ...]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        for key, value in self._fields:
            if key == name:
                return value
        raise AttributeError(f"{self._shape} has no field {name!r}")
