"""The content model: what a guide is made of, as the renderers read it.

Plain frozen dataclasses, with the names and fields of the files' shapes that Pydantic
validates the raw YAML against (sources/guidefile.py: strict, no silent coercions,
unknown keys refused; the same shapes give `smguide schema` its JSON Schema): a value
validated there is made one of these (sources/strict.py's `plain`), so rendering, and a
run whose files were all validated before, never imports Pydantic. Prose fields hold
Markdown; the renderers decide how to show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from smguide.model.contact import Contact
from smguide.model.spoken import Spoken, SpokenFile
from smguide.model.typography import Typography, TypographyFile
from smguide.paths import display_path

COMPARED = (2, 4)  # a comparison sets two to four things side by side

Symbol = Literal[
    "anchor", "book", "bridge", "building", "chart", "compass", "engine", "flag", "garden",
    "gear", "handshake", "harbour", "harvest", "key", "lightbulb", "lighthouse", "lock", "map",
    "megaphone", "mountain", "package", "person", "puzzle", "rocket", "road", "seed", "ship",
    "shield", "soil", "star", "sunlight", "target", "team", "tree", "water"]
PartRole = Literal["helps", "grows", "ground", "results"]
SlideText = str | Literal[False] | None  # the block's slide in the presenter's words


@dataclass(frozen=True, kw_only=True)
class BlockBase:
    heading: str | None = None
    notes: str | None = None


@dataclass(frozen=True, kw_only=True)
class Prose(BlockBase):
    type: Literal["prose"] = "prose"
    text: str
    slide: SlideText = None


@dataclass(frozen=True, kw_only=True)
class Callout(BlockBase):
    type: Literal["callout"] = "callout"
    style: Literal["tip", "note", "warning"] = "note"
    title: str | None = None
    text: str
    slide: SlideText = None


@dataclass(frozen=True, kw_only=True)
class Takeaways(BlockBase):
    type: Literal["takeaways"] = "takeaways"
    items: list[str]
    slide: SlideText = None


@dataclass(frozen=True, kw_only=True)
class RoleSlide:
    """What a role card shows on its slide instead of the block's own lists."""

    activities: list[str] | None = None
    skills: list[str] | None = None


@dataclass(frozen=True, kw_only=True)
class Role(BlockBase):
    type: Literal["role"] = "role"
    name: str
    focus: Literal["short-term", "long-term"]
    mission: str
    activities: list[str]
    skills: list[str]
    slide: RoleSlide | Literal[False] | None = None


@dataclass(frozen=True, kw_only=True)
class ComparisonRow:
    aspect: str
    values: list[str]


@dataclass(frozen=True, kw_only=True)
class Comparison(BlockBase):
    type: Literal["comparison"] = "comparison"
    columns: list[str]
    rows: list[ComparisonRow]
    slide: list[ComparisonRow] | Literal[False] | None = None


@dataclass(frozen=True, kw_only=True)
class AnalogyPart:
    symbol: Symbol | None = None
    picture: str | None = None
    role: PartRole | None = None
    name: str
    stands_for: str
    explanation: str


@dataclass(frozen=True, kw_only=True)
class Analogy(BlockBase):
    type: Literal["analogy"] = "analogy"
    intro: str | None = None
    parts: list[AnalogyPart]
    lesson: str | None = None
    alt: str


@dataclass(frozen=True, kw_only=True)
class Practice:
    title: str
    what: str
    why: str
    slide: str | None = None


@dataclass(frozen=True, kw_only=True)
class Practices(BlockBase):
    type: Literal["practices"] = "practices"
    items: list[Practice]


@dataclass(frozen=True, kw_only=True)
class Checklist(BlockBase):
    type: Literal["checklist"] = "checklist"
    items: list[str]
    slide: SlideText = None


@dataclass(frozen=True, kw_only=True)
class Term:
    term: str
    definition: str


@dataclass(frozen=True, kw_only=True)
class Glossary(BlockBase):
    type: Literal["glossary"] = "glossary"
    terms: list[Term]
    slide: Literal[False] | None = None


@dataclass(frozen=True, kw_only=True)
class Questions(BlockBase):
    type: Literal["questions"] = "questions"
    items: list[str]
    lines: int = 4
    slide: SlideText = None


@dataclass(frozen=True, kw_only=True)
class Image(BlockBase):
    type: Literal["image"] = "image"
    src: str
    alt: str
    caption: str | None = None
    width: int = 100
    slide: Literal[False] | None = None


Block = (Prose | Callout | Takeaways | Role | Comparison | Analogy | Practices | Checklist
         | Glossary | Questions | Image)


@dataclass(frozen=True, kw_only=True)
class ChapterFile:
    """One file under content/chapters/."""

    title: str
    short_title: str | None = None
    id: str | None = None
    summary: str | None = None
    notes: str | None = None
    deck: str | None = None
    recap: str | None = None
    blocks: list[Block]


@dataclass(frozen=True, kw_only=True)
class DeckFile:
    """guide.yaml's `deck:`: what the deck's own slides say (all optional)."""

    opening: str | None = None
    agenda: str | None = None
    summary: str | None = None
    summary_title: str | None = None
    recap: list[str] | None = None
    closing: str | None = None
    next_step: str | None = None
    contact: str | None = None


@dataclass(frozen=True, kw_only=True)
class GuideFile:
    """content/guide.yaml: the book's metadata and the order of its chapters."""

    title: str
    subtitle: str | None = None
    language: str
    edition: str | None = None
    footer: str | None = None
    date: str | None = None
    description: str | None = None
    deck: DeckFile | None = None
    contact: Contact | list[str] | None = None
    printed_by: str | None = None
    personal_week_before: str | None = None
    chapters: list[str]


@dataclass(frozen=True, kw_only=True)
class Labels:
    """content/labels.yaml: every word the templates print that is not content."""

    contents: str
    chapter: str
    page: str
    of: str
    key_takeaways: str
    glossary: str
    notes: str
    checklist_done: str | None = None  # printed nowhere; older labels files have it
    what: str
    why: str
    focus: str
    activities: str
    skills: str
    stands_for: str
    cover_prepared_for: str
    agenda: str
    questions_title: str
    continued: str
    part: str
    meaning: str
    short_term: str  # labels.yaml's short-term
    long_term: str  # labels.yaml's long-term
    # the printed handbook's imprint: the word before an edition that is a number
    # ("Edition 2026"); else the number alone
    edition: str | None = None
    callout_tip: str | None = None  # the handbook: a callout's label, by its style
    callout_note: str | None = None
    callout_warning: str | None = None
    # the deck: optional (a guide without them gets the fallback each one names)
    logo_alt: str | None = None  # the logo's alt text in this language; else the brand's
    summary: str | None = None  # the summary slide's title; else key_takeaways
    next_step: str | None = None  # the closing slide: above deck.next_step
    contact: str | None = None  # the closing slide: above deck.contact
    # the personal copies (smguide pdf --roster): needed only there, checked there
    personal_prepared_for: str | None = None
    personal_week_title: str | None = None
    personal_week_intro: str | None = None
    start_date: str | None = None
    team: str | None = None
    role: str | None = None
    manager: str | None = None
    counterpart: str | None = None
    # the typography of text smguide composes and of smart quotes: the shipped table's
    # for the guide's language, with these fields replacing its own
    typography: TypographyFile | None = None
    # the presenter's lines where the author wrote no notes: the shipped table's for the
    # guide's language, with these fields replacing its own
    spoken: SpokenFile | None = None


@dataclass(frozen=True, kw_only=True)
class Chapter:
    """A validated chapter, with the anchor and number the renderers need."""

    number: int
    anchor: str
    path: Path  # the chapter's file, absolute
    title: str
    summary: str | None
    notes: str | None
    blocks: tuple[Block, ...]
    deck: str | None = None  # the chapter in one spoken line
    recap: str | None = None  # its point on the summary slide (else `deck`)
    short_title: str | None = None  # the running head's, when the title is too long

    @property
    def source(self) -> str:
        """The chapter's file as messages name it (see paths.display_path)."""
        return display_path(self.path)


@dataclass(frozen=True, kw_only=True)
class Guide:
    """Everything the renderers need, validated and immutable."""

    title: str
    subtitle: str | None
    language: str
    edition: str | None
    description: str | None
    chapters: tuple[Chapter, ...]
    labels: Labels
    root: Path  # the content folder, absolute
    date: str | None = None  # the edition's date, ISO (YYYY-MM-DD)
    footer: str | None = None  # this language's footer, else the brand's
    deck: DeckFile | None = None  # what the deck's own slides say
    contact: tuple[str, ...] = ()  # the printed handbook's back cover, line by line
    contact_details: Contact | None = None  # the same, when given as keys (team, email, ...)
    printed_by: str | None = None  # the printed handbook's imprint
    week_before: str | None = None  # the chapter (anchor) a personal week page faces; else last
    # the language's, with labels.yaml's overrides
    typography: Typography = field(default_factory=Typography)
    spoken: Spoken = field(default_factory=Spoken)  # the presenter's default lines
