"""Typography by language: the quotation marks, the space before : ; ? !, the short words
tied to the next, the units tied to their number and the day's ordinal suffix in dates,
for the text smguide composes itself and for Markdown's smart quotes. The values come
from the shipped table (assets/typography.yaml) and labels.yaml's `typography:`
(sources/typography.py); the renderers only read this."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from smguide.model.base import Strict

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


class Typography(Strict):
    """The resolved typography of one guide."""

    quotes: tuple[str, str, str, str] = ("“", "”", "‘", "’")
    space_before: dict[str, str] = Field(default_factory=dict)
    ordinal_day: dict[str, str] = Field(default_factory=dict)
    tie_after: tuple[str, ...] = ()
    units: tuple[str, ...] = ()

    def punct(self, mark: str) -> str:
        """`mark` with the space this language puts before it."""
        return self.space_before.get(mark, "") + mark

    def colon(self, label: str) -> str:
        """'Label:' ('Label\u202f:' in French), for 'Label: value'; a label that ends
        in its own mark ("Questions?", "Note:") keeps it and gets no colon."""
        if label.rstrip().endswith(("?", "!", ":", "\u2026")):
            return label.rstrip()
        return label + self.punct(":")

    def pair(self, label: str, value: str) -> str:
        """'Label: value' as this language writes it."""
        return f"{self.colon(label)} {value}"

    def quoted(self, text: str) -> str:
        return f"{self.quotes[0]}{text}{self.quotes[1]}"
