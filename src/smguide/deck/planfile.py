"""The shape of the rendered deck plan (deck/plan.yaml.j2), which Pydantic validates; an
entry validated is a plain record of these fields (sources/strict.py), so a run whose plan
was kept (deck/plan.py) imports neither this nor Pydantic."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from smguide.deck.plan import Kind
from smguide.sources.strict import Strict

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]


class SlideRef(Strict):
    """One entry of the rendered plan."""

    kind: Kind
    layout: Name | Annotated[int, Field(ge=1)]  # a layout's name, or its number (1 = first)
    chapter: Annotated[int, Field(ge=1)] | None = None
    block: Annotated[int, Field(ge=1)] | None = None
    title: Name | None = None
    notes: str | None = None


SlideRefs = list[SlideRef]
