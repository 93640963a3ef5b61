"""The shape of labels.yaml's `spoken:` and of the shipped table's entries
(assets/spoken.yaml): what a presenter says where the author wrote no speaker notes
(model/spoken.py: what it becomes)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from smguide.model.spoken import FIELDS, READER
from smguide.sources.strict import Strict, twins

Line = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


class SpokenFile(Strict):
    """labels.yaml's `spoken:` (and one entry of the shipped table): all optional; "" for
    a line the deck does not say."""

    welcome: Line | None = Field(None, description=FIELDS["welcome"])
    opening: Line | None = Field(None, description=FIELDS["opening"])
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
    activities: Line | None = Field(None, description=FIELDS["activities"])
    skills: Line | None = Field(None, description=FIELDS["skills"])
    continued: Line | None = Field(None, description=FIELDS["continued"])
    continued_last: Line | None = Field(None, description=FIELDS["continued_last"])
    next: Line | None = Field(None, description=FIELDS["next"])
    reader: list[Word] | None = Field(None, description=READER)


twins(__name__, "smguide.model.spoken")
