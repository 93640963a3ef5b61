"""The shape of labels.yaml's `typography:` and of the shipped table's entries
(assets/typography.yaml): the quotation marks, the space before : ; ? !, the short words
tied to the next, the units tied to their number and the day's ordinal suffix in dates,
checked as written (model/typography.py: what it becomes)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from smguide.sources.strict import Strict, twins

Mark = Literal[":", ";", "?", "!"]
Category = Literal["zero", "one", "two", "few", "many", "other"]
Quote = Annotated[str, Field(min_length=1, max_length=3)]
Space = Annotated[str, Field(pattern="^[ \u00a0\u2009\u202f]{0,2}$")]
Unit = Annotated[str, Field(pattern=r"^[^\s\d]{1,8}$")]
TiedWord = Annotated[str, Field(pattern=r"^[^\W\d_]{1,4}\.?$")]


class TypographyFile(Strict):
    """labels.yaml's `typography:` (and one entry of the shipped table): all optional."""

    quotes: Annotated[list[Quote], Field(min_length=4, max_length=4, description=(
        "Opening and closing double quotes, then single quotes, each with its own spacing, "
        'e.g. ["«\\u202f", "\\u202f»", "“", "”"].'))] | None = None
    space_before: dict[Mark, Space] | None = Field(None, description=(
        'The space before ":", ";", "?" and "!" in text smguide composes, e.g. '
        '{":": "\\u202f"} (a narrow no-break space); "" for none.'))
    ordinal_day: dict[Category, Annotated[str, Field(max_length=4)]] | None = Field(
        None, description='The suffix after the day in dates by its ordinal category, '
                          'e.g. {one: "er"} for "1er mars".')
    tie_after: list[TiedWord] | None = Field(None, description=(
        "Short words never left at a line's end: the space typed after each becomes a "
        'no-break space, e.g. [w, z, i, a, o, u, "np."] in Polish (each also with a '
        "capital); [] for none."))
    units: list[Unit] | None = Field(None, description=(
        "Units and signs a number is never parted from: the space typed between a number "
        'and one becomes a no-break space ("49 €", "3 dni"; a sign before it too: "€ 49"), '
        'e.g. ["%", "€", "km", "zł", "dni"]; [] for none.'))


twins(__name__, "smguide.model.typography")
