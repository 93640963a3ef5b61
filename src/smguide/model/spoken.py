"""What a presenter says where the author wrote no speaker notes: a lead-in for each kind
of slide and the word that leads on to the next slide, in the guide's language. The
values come from the shipped table (assets/spoken.yaml) and labels.yaml's `spoken:`
(sources/spoken.py); the deck only reads this."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

FIELDS = {
    "welcome": "the title slide's first line, before the guide's description",
    "opening": 'the title slide\'s line on what the talk covers: "{count}" the number of '
               'parts the agenda lists, "{first}" and "{last}" their first and last titles',
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
    "activities": 'a role\'s full list of what they do, said where its slide: shows a short '
                  'one: "{count}" the number of items, "{items}" the items in a list',
    "skills": "a role's full list of what it takes, said the same way",
    "continued": 'the notes of a block\'s continued slide where nothing else is said on '
                 'it, and the line before the author\'s share of the block\'s notes on one: '
                 '"{part}" of "{parts}" its place among the block\'s slides, "{title}" '
                 'the first slide\'s title',
    "continued_last": 'the same line on the block\'s last slide (of two or more), saying '
                      'what comes rather than its place: "{title}" the first slide\'s '
                      'title; without it, `continued`',
    "next": 'the word before the next slide\'s title, where the notes lead on to it '
            '("Next" for "Next: <title>")',
}


READER = ("words that speak to a reader of a document (\"handbook\", \"read\", \"page\"); a "
          "sentence with one is not said, nor a list item with one shown, where the author "
          "wrote no deck field for it. A word ending in * stands for every word it begins, one "
          "starting with * for every word it ends")


@dataclass(frozen=True, kw_only=True)
class SpokenFile:
    """labels.yaml's `spoken:` (and one entry of the shipped table): all optional; "" for
    a line the deck does not say (its shape: sources/spokenfile.py)."""

    welcome: str | None = None
    opening: str | None = None
    agenda: str | None = None
    agenda_end: str | None = None
    section: str | None = None
    comparison: str | None = None
    checklist: str | None = None
    questions: str | None = None
    takeaways: str | None = None
    summary: str | None = None
    summary_recap: str | None = None
    summary_end: str | None = None
    closing: str | None = None
    closing_end: str | None = None
    activities: str | None = None
    skills: str | None = None
    continued: str | None = None
    continued_last: str | None = None
    next: str | None = None
    reader: list[str] | None = None


@dataclass(frozen=True, kw_only=True)
class Spoken:
    """The resolved lines of one guide ("" where its language has none)."""

    welcome: str = ""
    opening: str = ""
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
    activities: str = ""
    skills: str = ""
    continued: str = ""  # "" for the slide's title
    continued_last: str = ""  # "" for `continued`
    next: str = ""  # "" leads on with an arrow: "→ <title>"
    reader: tuple[str, ...] | list[str] = ()  # words that speak to a document's reader

    def lead(self, kind: str) -> str:
        """The lead-in of a kind of slide or block ("" for none)."""
        value = getattr(self, kind, "") if kind in FIELDS else ""
        return value if isinstance(value, str) else ""

    def reader_word(self, text: str) -> str | None:
        """The first word of `text` that speaks to a reader of a document (`reader`:
        "handbook", "read*"), as written in `text`; None when it has none."""
        found = _pattern(tuple(self.reader)).search(text) if self.reader else None
        return found.group(0) if found else None

    def unaddressed(self, text: str) -> str:
        """`text` without the sentences that speak to a reader (reader_word), line by
        line; a line left without a sentence goes."""
        if not self.reader:
            return text
        lines = []
        for line in text.split("\n"):
            kept = [s for s in SENTENCE.split(line) if s.strip() and not self.reader_word(s)]
            if kept:
                lines.append(" ".join(s.strip() for s in kept))
        return "\n".join(lines)


# a sentence ends at ".", "!", "?" or "…" before a space and a capital (or an opening
# mark), not after an abbreviation of single letters: "e.g. the table", "e.g. Lato"
# stay one sentence
SENTENCE = re.compile(r"(?<=[.!?…])(?<!\.\w\.)\s+(?=[\"“„«¿¡(]?[^\W\d_a-zà-ÿ])")


@lru_cache(maxsize=8)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the words, each whole ("read" is not in "ready"), a word ending in
    * every word it begins, one starting with * every word it ends ("*handbuch": the
    "Einarbeitungshandbuch" too), a phrase with any spaces between its words."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        stem = word.strip("*")
        body = r"\s+".join(re.escape(w) for w in stem.split())
        parts.append((r"\w*" if word.startswith("*") else "") + body
                     + (r"\w*" if word.endswith("*") else ""))
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)
