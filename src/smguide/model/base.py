"""What every model shares: the one strict configuration, and the words a text pattern
is explained with when a value does not match it."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

STRICT = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class Strict(BaseModel):
    """A file's shape: no silent coercions, unknown keys refused, immutable once read."""

    model_config = STRICT


@dataclass(frozen=True)
class Explained:
    """Metadata for a constrained text type (`Annotated[str, StringConstraints(pattern=...),
    Explained("...")]`): what the pattern asks for, in the user's words."""

    text: str
