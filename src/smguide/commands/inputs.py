"""The one loader of a project's inputs: the guide and the brand, read and validated
together so that every mistake in either is found at once, with the brand's warnings
(contrast, fonts missing here); `build` and `check` both use it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from smguide.errors import ContentError

if TYPE_CHECKING:
    from smguide.model.guide import Guide
    from smguide.model.options import Sources
    from smguide.sources.brand import Brand


@dataclass(frozen=True)
class Inputs:
    """What was read: the guide and the brand (None where they had errors), the errors
    and the warnings, each a `file:line:col: field: message` line."""

    guide: Guide | None
    brand: Brand | None
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_inputs(sources: Sources, network: bool = False) -> Inputs:
    """Read and validate the content folder, the brand file and the template folder (with
    `network`, the brand's Google or Bunny fonts that are not here are downloaded)."""
    from smguide.sources.brand import load_brand
    from smguide.sources.content import load_guide

    problems: list[str] = []
    warnings: list[str] = []
    guide = brand = None
    try:
        guide = load_guide(sources.content)
    except ContentError as exc:
        problems += exc.problems
    try:
        brand, warnings = load_brand(sources.brand, network=network)
    except ContentError as exc:
        problems += exc.problems
    if sources.templates is not None and not sources.templates.is_dir():
        problems.append(f"{sources.templates}: template folder not found")
    if brand is not None:
        from smguide.handbook.glyphs import font_warnings

        warnings = warnings + font_warnings(brand)
    from smguide.sources.content import file_line

    # in file order (then line and column), as check lists them too
    return Inputs(guide, brand, sorted(problems, key=file_line), warnings)
