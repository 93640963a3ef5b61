"""The content files' shapes: Pydantic validates the raw YAML against these classes
(strict: no silent coercions, unknown keys refused) and the same classes give `smguide
schema` its JSON Schema. A value validated becomes the model's plain dataclass of the
same name and fields (model/guide.py, sources/strict.py's `plain`), which the renderers
read. Prose fields hold Markdown; the renderers decide how to show it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from smguide.model.base import Explained, Mistake
from smguide.model.guide import COMPARED, PartRole, Symbol
from smguide.sources.contactfile import ContactField
from smguide.sources.spokenfile import SpokenFile
from smguide.sources.strict import Strict, twins
from smguide.sources.typographyfile import TypographyFile

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[str, StringConstraints(min_length=1), Field(description="Markdown text")]
Items = Annotated[list[Markdown], Field(min_length=1)]
Anchor = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$"),
                   Explained('lowercase letters, digits and dashes (e.g. "next-steps")')]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"),
                         Explained('a language code such as "en", "de" or "en-GB"')]
IsoDate = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
                    Explained('a date written year-month-day, such as "2026-03-01" for 1 March '
                              '2026')]


class BlockBase(Strict):
    heading: Text | None = Field(None, description="Starts a section (a PDF bookmark).")
    notes: Markdown | None = Field(None, description="Speaker notes for the deck: what the "
                                                     "presenter says on this block's slide.")


SlideText = Annotated[Markdown | Literal[False] | None, Field(
    description="What this block's slide shows, in the presenter's words (Markdown; a list "
                "becomes bullets). Replaces the block's own text on the slide; a prose block "
                "with it gets a slide. `false`: the block has no slide.")]


class Prose(BlockBase):
    type: Literal["prose"]
    text: Markdown
    slide: SlideText = None


class Callout(BlockBase):
    type: Literal["callout"]
    style: Literal["tip", "note", "warning"] = "note"
    title: Text | None = None
    text: Markdown
    slide: SlideText = None


class Takeaways(BlockBase):
    type: Literal["takeaways"]
    items: Items
    slide: SlideText = None


class RoleSlide(Strict):
    """What a role card shows on its slide instead of the block's own lists."""

    activities: Items | None = Field(
        None, description="A few short items in place of `activities` on the slide; the "
                          "block's `activities` are said in the notes.")
    skills: Items | None = Field(
        None, description="A few short items in place of `skills` on the slide; the "
                          "block's `skills` are said in the notes.")


class Role(BlockBase):
    type: Literal["role"]
    name: Text
    focus: Literal["short-term", "long-term"]
    mission: Markdown
    activities: Items
    skills: Items
    slide: RoleSlide | Literal[False] | None = Field(
        None, description="What the card shows on the slide: short `activities` and "
                          "`skills` lists in place of the block's own (a few words each), "
                          "the full lists said in the notes. `false`: the block has no slide.")


class ComparisonRow(Strict):
    aspect: Text
    values: Annotated[list[Markdown], Field(min_length=COMPARED[0], max_length=COMPARED[1],
                                            description="One value per column, in order.")]


class Comparison(BlockBase):
    type: Literal["comparison"]
    columns: Annotated[list[Text], Field(min_length=COMPARED[0], max_length=COMPARED[1],
                                         description="What is compared: 2 to 4 names.")]
    rows: Annotated[list[ComparisonRow], Field(min_length=1)]
    slide: Annotated[list[ComparisonRow], Field(min_length=1)] | Literal[False] | None = Field(
        None, description="The rows the slide shows instead of `rows`: a few, each value a "
                          "few words; the block's rows are said in the notes. `false`: the "
                          "block has no slide.")

    @field_validator("rows", "slide")
    @classmethod
    def _one_value_per_column(cls, rows: list[ComparisonRow] | Literal[False] | None,
                              info: ValidationInfo) -> list[ComparisonRow] | Literal[False] | None:
        columns = info.data.get("columns")
        if columns is None or not rows:  # the columns were refused already; no slide rows
            return rows
        for number, row in enumerate(rows, 1):
            if len(row.values) != len(columns):
                raise ValueError(
                    f'row {number} ("{row.aspect}") has {len(row.values)} values for '
                    f"{len(columns)} columns; give one value per column, in the columns' order")
        return rows


class AnalogyPart(Strict):
    symbol: Symbol | None = Field(None, description="A bundled pictogram, by name.")
    picture: Text | None = Field(None, description="Or your own SVG file, inside the "
                                                   "content folder.")
    role: PartRole | None = Field(None, description="Where the part goes in the diagram: "
                                                    "helps, grows, ground or results.")
    name: Text
    stands_for: Text
    explanation: Markdown

    @model_validator(mode="after")
    def _one_picture(self) -> AnalogyPart:
        if (self.symbol is None) == (self.picture is None):
            both = self.symbol is not None
            raise Mistake("the part has both a symbol and a picture" if both else
                          "the part has no symbol and no picture",
                          "give either symbol (a pictogram, such as lighthouse) or picture "
                          "(an SVG file of your own)")
        return self


class Analogy(BlockBase):
    type: Literal["analogy"]
    intro: Markdown | None = None
    parts: Annotated[list[AnalogyPart], Field(min_length=2, max_length=9)]
    lesson: Markdown | None = None
    alt: Text = Field(description="Alt text describing the diagram; without it, the "
                                  "parts' names and what they stand for.")

    @model_validator(mode="before")
    @classmethod
    def _alt_from_the_parts(cls, data: Any) -> Any:
        """No alt: the diagram described by its own labels (never by another picture)."""
        if isinstance(data, dict) and "alt" not in data:
            parts = data.get("parts")
            named = [part for part in parts if isinstance(part, dict)
                     and isinstance(part.get("name"), str)
                     and isinstance(part.get("stands_for"), str)] \
                if isinstance(parts, list) else []
            data = {**data, "alt": "; ".join(f"{part['name'].strip()} "
                                             f"({part['stands_for'].strip()})"
                                             for part in named) + "."}
        return data


class Practice(Strict):
    title: Text
    what: Markdown
    why: Markdown
    slide: Markdown | None = Field(
        None, description="What the practice's card says on the slide instead of `what` "
                          "(a short line); `what` and `why` go to the notes.")


class Practices(BlockBase):
    type: Literal["practices"]
    items: Annotated[list[Practice], Field(min_length=1)]


class Checklist(BlockBase):
    type: Literal["checklist"]
    items: Items
    slide: SlideText = None


class Term(Strict):
    term: Text
    definition: Markdown


NoSlide = Annotated[Literal[False] | None, Field(
    description="`false`: the block stays in the handbook and has no slide (smguide check "
                "then no longer says no slide shows it).")]


class Glossary(BlockBase):
    type: Literal["glossary"]
    terms: Annotated[list[Term], Field(min_length=1)]
    slide: NoSlide = None


class Questions(BlockBase):
    type: Literal["questions"]
    items: Items
    lines: Annotated[int, Field(ge=1, le=20)] = 4
    slide: SlideText = None


class Image(BlockBase):
    type: Literal["image"]
    src: Text = Field(description="An image file inside the content folder.")
    alt: Text = Field(description="What the image shows, for readers who cannot see it.")
    caption: Markdown | None = None
    width: Annotated[int, Field(ge=10, le=100, description="Percent of the text width.")] = 100
    slide: NoSlide = None


Block = Annotated[
    Prose | Callout | Takeaways | Role | Comparison | Analogy | Practices | Checklist | Glossary
    | Questions | Image,
    Field(discriminator="type"),
]


class ChapterFile(Strict):
    """One file under content/chapters/."""

    title: Text
    short_title: Text | None = Field(
        None, description="The title in the running head at the top of the chapter's "
                          "pages; defaults to the title (shortened with … when too long).")
    id: Anchor | None = Field(
        None, description="Anchor name; defaults to the file name.")
    summary: Markdown | None = None
    notes: Markdown | None = None
    deck: Text | None = Field(None, description="The chapter in one spoken line, for the "
                                               "deck's summary slide.")
    recap: Text | None = Field(None, description="The chapter's point on the deck's summary "
                                                "slide, as said at the end; defaults to deck:.")
    blocks: Annotated[list[Block], Field(min_length=1)]


class DeckFile(Strict):
    """guide.yaml's `deck:`: what the deck's own slides say (all optional)."""

    opening: Markdown | None = Field(None, description="Speaker notes for the title slide.")
    agenda: Markdown | None = Field(None, description="Speaker notes for the agenda.")
    summary: Markdown | None = Field(None, description="Speaker notes for the summary slide.")
    summary_title: Text | None = Field(
        None, description="The summary slide's title: the talk's message in one line "
                          "(default: the summary label).")
    recap: Annotated[list[Text], Field(min_length=1, max_length=3)] | None = Field(
        None, description="The summary slide's points: up to three lines a presenter says "
                          "at the end (default: one a chapter shown, from its recap:); the "
                          "chapters' lines it leaves out go to its speaker notes.")
    closing: Markdown | None = Field(None, description="Speaker notes for the closing slide.")
    next_step: Text | None = Field(None, description="What happens next, on the closing slide.")
    contact: Text | None = Field(None, description="Who to ask, on the closing slide.")


class GuideFile(Strict):
    """content/guide.yaml: the book's metadata and the order of its chapters."""

    title: Text
    subtitle: Text | None = None
    language: LanguageCode
    edition: Text | None = None
    footer: Annotated[str, StringConstraints(max_length=120)] | None = Field(
        None, description="Footer text for this language; overrides the brand's footer.")
    date: IsoDate | None = Field(None, description="Date of this edition, YYYY-MM-DD; "
                                                   "printed as the language writes dates.")
    description: Text | None = None
    deck: DeckFile | None = None
    contact: ContactField | None = None
    printed_by: Text | None = Field(None, description="The printer's line in the printed "
                                    "handbook's imprint, e.g. 'Printed by Druckhaus Nord'.")
    personal_week_before: Anchor | None = Field(
        None, description="The id of the chapter a personal copy's week page faces (it goes "
                          "just before it); else the first chapter with a checklist, else "
                          "the end of the book.")
    chapters: Annotated[list[Text], Field(min_length=1)]


class Labels(Strict):
    """content/labels.yaml: every word the templates print that is not content."""

    contents: Text
    chapter: Text
    page: Text
    of: Text
    key_takeaways: Text
    glossary: Text
    notes: Text
    checklist_done: Text | None = None  # printed nowhere; older labels files have it
    what: Text
    why: Text
    focus: Text
    activities: Text
    skills: Text
    stands_for: Text
    cover_prepared_for: Text
    agenda: Text
    questions_title: Text
    continued: Text
    part: Text
    meaning: Text
    short_term: Text = Field(alias="short-term")
    long_term: Text = Field(alias="long-term")
    # the printed handbook's imprint: the word before an edition that is a number
    # ("Edition 2026"); else the number alone
    edition: Text | None = None
    callout_tip: Text | None = None  # the handbook: a callout's label, by its style
    callout_note: Text | None = None
    callout_warning: Text | None = None
    # the deck: optional (a guide without them gets the fallback each one names)
    logo_alt: Text | None = None  # the logo's alt text in this language; else the brand's
    summary: Text | None = None  # the summary slide's title; else key_takeaways
    next_step: Text | None = None  # the closing slide: above deck.next_step
    contact: Text | None = None  # the closing slide: above deck.contact
    # the personal copies (smguide pdf --roster): needed only there, checked there
    personal_prepared_for: Text | None = None
    personal_week_title: Text | None = None
    personal_week_intro: Markdown | None = None
    start_date: Text | None = None
    team: Text | None = None
    role: Text | None = None
    manager: Text | None = None
    counterpart: Text | None = None
    # the typography of text smguide composes and of smart quotes: the shipped table's
    # for the guide's language, with these fields replacing its own
    typography: TypographyFile | None = None
    # the presenter's lines where the author wrote no notes: the shipped table's for the
    # guide's language, with these fields replacing its own
    spoken: SpokenFile | None = None


# a guide's files, as the renderers read them: its plain dataclass of the same name
twins(__name__, "smguide.model.guide")
