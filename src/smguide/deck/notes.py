"""Speaker notes: what the author wrote for a slide (the plan's, a block's or chapter's
`notes:`, guide.yaml's `deck:`), shared out over the slides a block runs over; where the
author wrote none, what a presenter says (a lead-in in the guide's language, what the
slide leaves out, a line leading on to the next slide), never the slide's text read
back; set on each slide so that no two slides have the same notes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from smguide.deck.write import plain
from smguide.sources.markdown import writing

if TYPE_CHECKING:
    from pptx.slide import Slide

    from smguide.deck.plan import PlannedSlide
    from smguide.model.guide import Guide


@dataclass
class _Said:
    """One slide's notes as set: its frame, text, title, planned slide and whether they
    lead on to the next slide (notes the deck made, not the author's)."""

    frame: Any
    text: str
    title: str
    planned: int
    leads_on: bool


class Notes:
    """The notes of one deck's slides so far."""

    def __init__(self) -> None:
        self._seen: set[str] = set()
        self.told: set[tuple[int, int, int]] = set()  # prose paragraphs said: (chapter, block, n)
        self.leads: set[str] = set()  # the lead-ins said (each kind's once a deck)
        self._blank: Any = None  # the shapes of a notes slide python-pptx made, before text
        self._said: list[_Said] = []

    def put(self, slide: Slide, notes: str, title: str, planned: object = None,
            leads_on: bool = False) -> None:
        """Speaker notes, one paragraph per line; never the same as another slide's.
        `leads_on`: the deck's own notes, which close (lead_on) with a line leading on
        to the next slide; until then they may be empty."""
        text = notes.strip()
        if not leads_on:
            text = text or title
        if text and text in self._seen:  # said already (a title slide's and closing's name line)
            text = title if title not in self._seen else f"{title}\n{text}"
        self._seen.add(text)
        frame = self._notes_slide(slide).notes_text_frame
        assert frame is not None  # python-pptx's notes slide always has its body
        frame.text = text
        self._said.append(_Said(frame, text, title, id(planned), leads_on))

    def lead_on(self, guide: Guide) -> None:
        """The deck's own notes end with the line that leads on to the next slide, on a
        block's last slide: "Next: <its title>" in the guide's words (`spoken.next`,
        the colon as its typography writes it), else "→ <its title>"; a block's continued
        slide with nothing else to say says where the block is (`spoken.continued`,
        _continued), as does one with the author's share of the block's notes (which
        may point back to the slide before: "Tick them off as you go") or with what the
        slide leaves out (why its cards matter), before them; other notes still empty
        get their slide's title."""
        told: set[str] = set()
        word = guide.spoken.next
        for n, said in enumerate(self._said):
            after = self._said[n + 1] if n + 1 < len(self._said) else None
            text = said.text
            if not text or text == said.title:  # nothing said but the slide's title
                text = self._continued(guide, n) or text
            else:  # the author's share on a continued slide, or what it leaves out (why
                bridge = self._continued(guide, n)  # each card matters): said after where
                text = f"{bridge}\n{text}" if bridge else text  # the block is, as its own
            if said.leads_on and after is not None and after.planned != said.planned:
                title = after.title.strip()
                line = guide.typography.pair(word, title) if word else f"→ {title}"
                if line not in told:
                    told.add(line)
                    text = f"{text}\n{line}" if text else line
            text = text or said.title
            if text != said.text:
                said.frame.text = said.text = text
    def _continued(self, guide: Guide, n: int) -> str:
        """The notes of slide `n` where it continues a block and nothing else is said on
        it: "We carry on with part 2 of 5: a checklist of twenty-five items." in the
        guide's words (`spoken.continued`; "" for a first slide, or without the line); on
        the block's last slide what comes, not its place ("part 2 of 2" is not what a
        presenter says): "On to the rest: a checklist of twenty-five items."
        (`spoken.continued_last`, else `continued`)."""
        said = self._said[n]
        block = [s for s in self._said if s.planned == said.planned]
        if not guide.spoken.continued or said.planned == id(None) or block[0] is said:
            return ""
        title = block[0].title.replace("\v", "").strip()
        if guide.language.split("-")[0] == "en" and title[:1].isupper() \
                and not title[1:2].isupper():  # after a colon, as titles writes it
            title = title[0].lower() + title[1:]
        part = block.index(said) + 1
        said_as = guide.spoken.continued_last if part == len(block) else ""
        line = (said_as or guide.spoken.continued).format(part=part, parts=len(block),
                                                          title=title)
        return re.sub(r"([.!?…])\.$", r"\1", line)  # a title's own full stop kept alone

    def _notes_slide(self, slide: Slide) -> Any:
        """The slide's new notes slide. python-pptx makes the first (and the notes master)
        and clones the master's placeholders into it, each with XPath lookups; the others
        get a copy of the first one's shapes, as cloned (the same every time), in a
        notes slide part python-pptx adds and relates as its own."""
        from copy import deepcopy

        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.parts.slide import NotesSlidePart

        part = slide.part
        if self._blank is None or part.has_notes_slide:
            made = slide.notes_slide
            if self._blank is None:
                self._blank = deepcopy(made.shapes._spTree)
            return made
        package = part.package
        master = package.presentation_part.notes_master_part
        notes_part = NotesSlidePart._add_notes_slide_part(package, part, master)
        part.relate_to(notes_part, RT.NOTES_SLIDE)
        tree = notes_part._element.cSld.spTree
        tree.getparent().replace(tree, deepcopy(self._blank))
        return slide.notes_slide


def authored_notes(guide: Guide, plan: list[PlannedSlide], planned: PlannedSlide,
                   page: int = 0, pages: int = 1) -> str | None:
    """The notes the author wrote for this slide, as plain text, one line a paragraph:
    the plan's notes, else a block's `notes:` (after the chapter's on the chapter's
    first slide when it has no divider; never with the chapter's `deck:` line, which
    belongs on the chapter's own slide), a divider's: the chapter's; the title, agenda,
    summary and closing slides: guide.yaml's `deck:`. A block over several slides
    shares its notes' paragraphs out in order (shares_of); a slide left without one has
    none (None)."""
    lang = writing(guide.language, guide.typography)
    chapter, block = planned.chapter, planned.block
    deck = guide.deck
    own: list[str | None] = [None if page else planned.notes]
    if planned.kind == "section" and chapter is not None:
        own += [chapter.notes, chapter.summary]
    elif planned.kind == "block" and chapter is not None and block is not None:
        alone = not any(p.kind == "section" and p.chapter == chapter for p in plan)
        first = next(p for p in plan if p.chapter == chapter)
        lead = chapter.notes if alone and first == planned and not page else None
        shares = shares_of(block.notes.split("\n\n") if block.notes else [], pages)
        share = "\n\n".join(shares[page]) if page < len(shares) else None
        own += ["\n\n".join(t for t in (lead, share) if t) or None]
    elif page:
        return None
    elif deck is not None:
        own += [{"title": deck.opening, "agenda": deck.agenda, "summary": deck.summary,
                 "closing": deck.closing}.get(planned.kind)]
    for text in own:
        if text:
            return "\n".join(plain(part, lang) for part in text.split("\n\n"))
    return None


def shares_of(paragraphs: list[str], pages: int) -> list[list[str]]:
    """Paragraphs shared out over `pages` slides in order, as evenly as they go (the first
    slides take one more); with fewer paragraphs than slides, one each to the first."""
    paragraphs = [p for p in paragraphs if p.strip()]
    if len(paragraphs) <= pages:
        return [[p] for p in paragraphs]
    per, more = divmod(len(paragraphs), pages)
    out, start = [], 0
    for n in range(pages):
        end = start + per + (1 if n < more else 0)
        out.append(paragraphs[start:end])
        start = end
    return out


def deck_notes(guide: Guide, planned: PlannedSlide, parts: list[str]) -> str:
    """The notes of a title, agenda, summary, closing or divider slide where the author
    wrote none: the guide's lines for it (`guide.spoken`); on the title slide the
    welcome, the guide's description and what the talk covers (`spoken.opening`, from
    `parts`, the titles the agenda lists); the summary's lead-in for the points
    guide.yaml gives (`deck.recap`: `spoken.summary_recap`) or for one line a chapter;
    never the slide's own text. (The deck leaves out a sentence that speaks to a
    reader, such as a description naming the document: see DeckContext.new_slide.)"""
    lang = writing(guide.language, guide.typography)
    spoken = guide.spoken
    recap = guide.deck is not None and bool(guide.deck.recap)
    lines = {"title": [spoken.welcome, plain(guide.description, lang) if guide.description
                       else "", _opening(spoken.opening, parts)],
             "agenda": [spoken.agenda, spoken.agenda_end],
             "summary": [spoken.summary_recap if recap else spoken.summary,
                         spoken.summary_end],
             "closing": [spoken.closing, spoken.closing_end],
             "section": [spoken.section]}.get(planned.kind, [])
    return "\n".join(line for line in lines if line.strip())


def _opening(line: str, parts: list[str]) -> str:
    """What the talk covers, said from the agenda: `line` with {count}, {first} and
    {last} filled in; nothing for fewer than two parts (the agenda is the talk)."""
    if len(parts) < 2 or not line:
        return ""
    return (line.replace("{count}", str(len(parts))).replace("{first}", parts[0])
            .replace("{last}", parts[-1]))


def unwritten_notes(guide: Guide, plan: list[PlannedSlide], planned: PlannedSlide, page: int,
                    said: str, extra: str, notes: Notes) -> str:
    """A block's notes where the author wrote none: what the slide leaves out, never its
    text read back: on the chapter's first slide, the chapter's `summary` (and its
    `deck:` line when no slide shows it); the lead-in of the block's kind
    (`guide.spoken`: a table's, a checklist's, questions', takeaways', once a deck);
    `extra` (a role's mission, why each practice matters, the full text a `slide:`
    replaces); a diagram's account of its parts (`said`); else a paragraph of the
    chapter's prose that no slide shows, the nearest after the block first, each said
    once. With none of them, nothing (Notes.lead_on adds the line to the next slide)."""
    lang = writing(guide.language, guide.typography)
    chapter, block = planned.chapter, planned.block
    assert chapter is not None and block is not None
    parts = []
    first = next(p for p in plan if p.chapter == chapter)
    if first == planned and not page and chapter.summary and block.type != "analogy":
        parts.append(plain(chapter.summary, lang))
    if first == planned and not page and chapter.deck and chapter.recap and \
            planned.title is None and \
            sum(p.chapter == chapter for p in plan) > 1:  # no slide shows the deck: line
        parts.append(plain(chapter.deck, lang))
    lead = guide.spoken.lead(block.type) if block.type in LEADS and not page else ""
    if lead and lead not in notes.leads:
        notes.leads.add(lead)
        parts.append(lead)
    if extra:
        parts.append(extra)
    if block.type == "analogy" and said:
        parts.append(said)
    if not extra and not (block.type == "analogy" and said):
        paragraph = _unshown_prose(guide, chapter, block, notes)
        if paragraph:
            parts.append(paragraph)
    return "\n".join(parts)


LEADS = ("comparison", "checklist", "questions", "takeaways")  # the blocks with a lead-in


def _unshown_prose(guide: Guide, chapter: Any, block: Any, notes: Notes) -> str | None:
    """The first paragraph not yet said of the chapter's prose that no slide shows (no
    `slide:`), from the blocks after `block`, then those before it, as plain text: not a
    list, nor one that leads into a list (ending in a colon), nor one that speaks to a
    reader (`spoken.reader_word`: its sentences lean on each other, so it is passed
    whole)."""
    from smguide.deck.plan import on_slides

    lang = writing(guide.language, guide.typography)
    index = chapter.blocks.index(block)
    number = guide.chapters.index(chapter)
    order = [*range(index + 1, len(chapter.blocks)), *range(index - 1, -1, -1)]
    for n in order:
        prose = chapter.blocks[n]
        if prose.type != "prose" or on_slides(prose):
            continue
        for k, paragraph in enumerate(p for p in prose.text.split("\n\n") if p.strip()):
            if (number, n, k) in notes.told or paragraph.lstrip().startswith("-") \
                    or paragraph.rstrip().endswith(":"):
                continue
            said = plain(paragraph, lang)
            if not guide.spoken.reader_word(said):
                notes.told.add((number, n, k))
                return said
    return None
