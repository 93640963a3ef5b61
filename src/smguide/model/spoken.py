"""What a presenter says where the author wrote no speaker notes: a lead-in for each kind
of slide and the word that leads on to the next slide, in the guide's language. The
values come from the shipped table (assets/spoken.yaml) and labels.yaml's `spoken:`
(sources/spoken.py); the deck only reads this."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from smguide.model.base import Strict

Line = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
FIELDS = {
    "welcome": "the title slide's first line, before the guide's description",
    "agenda": "the agenda's lead-in",
    "agenda_end": "said after the agenda's lead-in",
    "section": "a chapter divider's line when the chapter has no notes or summary",
    "comparison": "a comparison table's lead-in",
    "checklist": "a checklist's lead-in",
    "questions": "a questions slide's lead-in",
    "takeaways": "a takeaways slide's lead-in",
    "summary": "the summary slide's lead-in",
    "summary_recap": "the summary slide's lead-in when guide.yaml gives its points "
                     "(`deck.recap`) rather than one line for each chapter",
    "summary_end": "said after the summary's lead-in",
    "closing": "the closing slide's first line",
    "closing_end": "the closing slide's last line",
    "next": 'the word before the next slide\'s title, where the notes lead on to it '
            '("Next" for "Next: <title>")',
}


class SpokenFile(Strict):
    """labels.yaml's `spoken:` (and one entry of the shipped table): all optional; "" for
    a line the deck does not say."""

    welcome: Line | None = Field(None, description=FIELDS["welcome"])
    agenda: Line | None = Field(None, description=FIELDS["agenda"])
    agenda_end: Line | None = Field(None, description=FIELDS["agenda_end"])
    section: Line | None = Field(None, description=FIELDS["section"])
    comparison: Line | None = Field(None, description=FIELDS["comparison"])
    checklist: Line | None = Field(None, description=FIELDS["checklist"])
    questions: Line | None = Field(None, description=FIELDS["questions"])
    takeaways: Line | None = Field(None, description=FIELDS["takeaways"])
    summary: Line | None = Field(None, description=FIELDS["summary"])
    summary_recap: Line | None = Field(None, description=FIELDS["summary_recap"])
    summary_end: Line | None = Field(None, description=FIELDS["summary_end"])
    closing: Line | None = Field(None, description=FIELDS["closing"])
    closing_end: Line | None = Field(None, description=FIELDS["closing_end"])
    next: Line | None = Field(None, description=FIELDS["next"])


class Spoken(Strict):
    """The resolved lines of one guide ("" where its language has none)."""

    welcome: str = ""
    agenda: str = ""
    agenda_end: str = ""
    section: str = ""
    comparison: str = ""
    checklist: str = ""
    questions: str = ""
    takeaways: str = ""
    summary: str = ""
    summary_recap: str = ""
    summary_end: str = ""
    closing: str = ""
    closing_end: str = ""
    next: str = ""  # "" leads on with an arrow: "→ <title>"

    def lead(self, kind: str) -> str:
        """The lead-in of a kind of slide or block ("" for none)."""
        value = getattr(self, kind, "") if kind in FIELDS else ""
        return value if isinstance(value, str) else ""
