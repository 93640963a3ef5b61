"""What every model shares: the one strict configuration (and its one exception, for the
keys of other tools that a brand file may hold), and the words a text pattern is explained
with when a value does not match it."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

STRICT = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)
# posit's brand-yml lets a brand file carry other tools' keys (in `meta`, and other tools'
# sections of `defaults`): only those models keep keys they do not know (and never read
# them); everything else is as STRICT
OTHER_TOOLS = ConfigDict(extra="allow", frozen=True, strict=True, defer_build=True)


class Strict(BaseModel):
    """A file's shape, or the model made from it: no silent coercions, unknown keys
    refused, immutable once made."""

    model_config = STRICT


class OtherTools(BaseModel):
    """A part of a brand file where other tools' keys are allowed (OTHER_TOOLS)."""

    model_config = OTHER_TOOLS


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
