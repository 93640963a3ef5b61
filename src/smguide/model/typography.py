"""Typography by language: the quotation marks, the space before : ; ? !, the short words
tied to the next, the units tied to their number and the day's ordinal suffix in dates,
for the text smguide composes itself and for Markdown's smart quotes. The values come
from the shipped table (assets/typography.yaml) and labels.yaml's `typography:`
(sources/typography.py); the renderers only read this."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, kw_only=True)
class TypographyFile:
    """labels.yaml's `typography:` (and one entry of the shipped table): all optional
    (its shape: sources/typographyfile.py)."""

    quotes: list[str] | None = None
    space_before: dict[str, str] | None = None
    ordinal_day: dict[str, str] | None = None
    tie_after: list[str] | None = None
    units: list[str] | None = None


@dataclass(frozen=True, kw_only=True)
class Typography:
    """The resolved typography of one guide."""

    quotes: tuple[str, str, str, str] = ("“", "”", "‘", "’")
    space_before: dict[str, str] = field(default_factory=dict)
    ordinal_day: dict[str, str] = field(default_factory=dict)
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
