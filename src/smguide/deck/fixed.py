"""The slides every deck has around its chapters: title, agenda, section dividers, summary
and closing, and the logo on the title and closing slides."""

from __future__ import annotations

from math import ceil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smguide.deck import blocks as deckblocks
from smguide.deck.fitting import fit_into, fit_target
from smguide.deck.footer import overlap
from smguide.deck.logo import add_picture
from smguide.deck.oxml import NS, inches
from smguide.deck.plan import shown_line
from smguide.deck.subtitle import (
    aligned,
    anchor_of,
    distance,
    make_room,
    place_under,
    room_for,
    text_extent,
    under_title,
    used_height,
)
from smguide.deck.textfit import Para, Span
from smguide.deck.typescale import LIST_SPACE
from smguide.deck.write import bullet_indent, plain, spans, typed_spans
from smguide.errors import Problem, Where
from smguide.model.guide import Takeaways
from smguide.paths import display_path

if TYPE_CHECKING:
    from pptx.slide import Slide, SlideLayout

    from smguide.deck.context import DeckContext
    from smguide.deck.plan import PlannedSlide
    from smguide.model.guide import Guide


def title_slide(deck: DeckContext, planned: PlannedSlide) -> None:
    """The guide's title, its subtitle, the brand's name and the date; not the edition
    (a printed copy's imprint detail: the handbook's cover, back cover and imprint)."""
    guide, lang = deck.guide, deck.lang
    lines = [Para(typed_spans(guide.subtitle, lang))] if guide.subtitle else []
    names = ["the subtitle"] if guide.subtitle else []
    if deck.brand.name:
        lines.append(Para(typed_spans(deck.brand.name, lang), space_before=1.0 if lines else 0,
                          step=-1))
        names.append("the brand's name")
    if guide.date:
        from smguide.sources.languages import format_date

        when = format_date(guide.date, lang.language, guide.typography.ordinal_day)
        lines.append(Para(spans(when, lang), step=-1))
        names.append("the date")
    _title_block(deck, planned, planned.title or guide.title, lines, names)


def closing_slide(deck: DeckContext, planned: PlannedSlide) -> None:
    """What happens next: the guide's next step and contact (after their labels; the
    contact is deck.contact, else guide.yaml's, the back cover's), then the brand's name."""
    guide, lang, labels = deck.guide, deck.lang, deck.guide.labels
    lines: list[Para] = []
    names, said = [], []
    said_deck = guide.deck
    for label, text, name in ((labels.next_step, said_deck.next_step if said_deck else None,
                               "the next step"),
                              (labels.contact, (said_deck.contact if said_deck else None)
                               or _reach(guide), "the contact")):
        if text:
            head = (Span(guide.typography.colon(label) + " ", bold=True),) if label \
                else ()
            lines.append(Para((*head, *spans(text, lang)), space_before=0.6 if lines
                              else 0))
            names.append(name)
            said.append(plain(guide.typography.pair(label, text) if label else text, lang))
    if deck.brand.name:
        lines.append(Para(typed_spans(deck.brand.name, lang), step=-1,
                          space_before=1.0 if lines else 0))
        names.append("the brand's name")
    title = planned.title or labels.questions_title
    _title_block(deck, planned, title, lines, names, "\n".join(said) or plain(title, lang))


def _reach(guide: Guide) -> str | None:
    """Whom to ask, from guide.yaml's contact (the back cover's) when deck.contact says
    nothing: its team and its e-mail address (else its phone, else its web address)."""
    found = guide.contact_details
    if found is None:
        return None
    way = found.email or found.phone or found.web
    return ", ".join(part for part in (found.team, way) if part) or None


def _left_out(deck: DeckContext, kind: str, why: str, fix: str) -> None:
    """A deck slide that would be empty is left out; said only when the author wrote
    speaker notes for it (guide.yaml deck.agenda or deck.summary), which are lost."""
    notes = deck.guide.deck
    if notes is not None and getattr(notes, kind, None):
        where = display_path(Path(deck.guide.root) / "guide.yaml")
        deck.warn(Problem.fix(Where(where, field=f"deck.{kind}"), f"the deck has no {kind} "
                              f"slide for these notes: {why}", f"{fix}, or remove deck.{kind}",
                              severity="warning"))


def agenda_slide(deck: DeckContext, planned: PlannedSlide) -> None:
    """The chapters the deck shows, numbered in the order it shows them; none shown, no
    agenda slide (never an empty one)."""
    lang = deck.lang
    shown = deck.agenda_chapters()
    if not shown:
        _left_out(deck, "agenda", "no chapter has a slide", "give a chapter a block that "
                  "has a slide (role, comparison, analogy, practices, takeaways, checklist, "
                  "questions, or any block with slide:)")
        return
    items = [Para(typed_spans(c.title, lang), bullet="#", number=n,
                  indent=bullet_indent("#", len(shown)), space_before=LIST_SPACE)
             for n, c in enumerate(shown, 1)]
    said = [plain(deck.guide.typography.pair(c.title, c.deck) if c.deck else c.title, lang)
            for c in shown]
    deckblocks.list_slides(deck, planned, planned.title or deck.guide.labels.agenda, items,
                           said=said, one_slide=True)


def summary_slide(deck: DeckContext, planned: PlannedSlide) -> None:
    """The talk's points under its message (guide.yaml `deck.summary_title`, else
    `labels.summary`), each without its full stop: guide.yaml's `deck.recap` (the three a
    presenter says at the end), else one line per chapter shown: its point (`recap:`),
    else its `deck:` line, else its first takeaway that does not speak to a reader
    ("This handbook explains...": spoken.reader_word). The chapters' lines `deck.recap`
    leaves out are said in the notes (where none are written). With no line at all there
    is no summary slide (never an empty one)."""
    lang = deck.lang
    lines, said = [], []
    for chapter in deck.agenda_chapters():
        first = next((item for b in chapter.blocks if isinstance(b, Takeaways)
                      for item in b.items if not deck.guide.spoken.reader_word(item)), None)
        text = chapter.recap or chapter.deck or first
        if text:  # a bullet without its full stop; said as the sentence it is
            lines.append(Para(typed_spans(shown_line(text), lang) if chapter.recap
                              or chapter.deck else spans(shown_line(text), lang),
                              bullet="•", indent=1.0, space_before=LIST_SPACE))
            said.append(plain(text, lang))
    labels, spoken = deck.guide.labels, deck.guide.deck
    extra: list[str] = []
    if spoken is not None and spoken.recap:
        lines = [Para(typed_spans(shown_line(text), lang), bullet="•", indent=1.0,
                      space_before=LIST_SPACE) for text in spoken.recap]
        said, chapters = [plain(text, lang) for text in spoken.recap], said
        extra = [line for line in chapters if line not in said]  # each said once
    if not lines:
        _left_out(deck, "summary", "no chapter shown has a deck: line or a takeaways block",
                  "give a chapter deck: (the chapter in one spoken line)")
        return
    title = planned.title or (spoken.summary_title if spoken else None) or labels.summary \
        or labels.key_takeaways
    deckblocks.list_slides(deck, planned, title, lines, said=said, extra=extra,
                           one_slide=True)


def section_slide(deck: DeckContext, planned: PlannedSlide) -> None:
    """The divider: "Chapter N" above the chapter's title, its `deck:` line under it."""
    chapter = planned.chapter
    assert chapter is not None
    lang = deck.lang
    title = planned.title or chapter.title
    if deck.fitting:  # the line keeps the width and height of its placeholder
        deck.fit_slide(planned, title)
        if chapter.deck:
            fit_target(deck, planned, [Para(typed_spans(chapter.deck, lang))], 24, 18, 1)
        return
    slide = deck.new_slide(planned, title, said=plain(chapter.deck or title, lang))
    if not chapter.deck:
        return
    from pptx.util import Emu

    body = deck.text_target(slide, planned)
    title_shape = slide.shapes.title
    if body.is_placeholder and title_shape is not None and body.top < title_shape.top:
        # a layout with its text above the title: the eyebrow and title move up to
        # where the text was, and the line goes under them
        eyebrow = next((s for s in slide.shapes if s.name == "Eyebrow"), None)
        left, top, width, height = body.left, body.top, body.width, body.height
        shift = (eyebrow.top if eyebrow is not None else title_shape.top) - top
        for moved in (eyebrow, title_shape):
            if moved is not None:
                box = moved.left, moved.top - shift, moved.width, moved.height
                moved.left, moved.top, moved.width, moved.height = (Emu(v) for v in box)
        body.left, body.width, body.height = Emu(left), Emu(width), Emu(height)
        body.top = Emu(title_shape.top + title_shape.height)
        place_under(deck, title_shape, body, shift - height)  # the layout's own gap
    elif title_shape is not None:
        under_title(deck, title_shape, body)
    if fit_into(deck, body, [Para(typed_spans(chapter.deck, lang))], 24, 18, planned,
                           1, slide):
        deck.unsummarised.append(chapter.number)



def _title_block(deck: DeckContext, planned: PlannedSlide, title: str, lines: list[Para],
                 names: list[str], said: str = "") -> None:
    """Title and lines (`names` says what each is); lines that do not fit in the
    layout's subtitle box even at 12 pt (on a company template: at 14 pt; where the
    layout sets the box above the title, the title goes first, _title_first)
    are left out from the last, with a warning."""
    if deck.fitting:  # in the room the slide's lines get (make_room)
        title_size = deck.fit_slide(planned, title)
        if lines:
            shown = [Para(typed_spans(title, deck.lang,
                                      bold=deck.brand.heading_weight >= 600))]
            room = room_for(deck.target_box(planned)[0], deck.title_box(planned)[0], shown,
                            title_size, deck.head_fonts)
            fit_target(deck, planned, lines, 24, 12, len(lines) - 1, room=room)
        return
    slide = deck.new_slide(planned, title, said=said)
    if lines:
        target = deck.text_target(slide, planned)
        base, least = 24.0, 12.0
        if slide.shapes.title is not None:
            under_title(deck, slide.shapes.title, target)
            if deck.options.template is not None:
                base, least = _layout_base(target), 14.0
                _title_first(deck, slide, slide.shapes.title, target, lines, base)
            box = deck.box_of(target)  # the lines at the base size, room made for them
            make_room(deck, slide.shapes.title, target, ceil(
                used_height(lines, box, base, deck.body_fonts) * 12700) + 1)
        left = fit_into(deck, target, lines, base, least, planned, len(lines) - 1,
                        slide, LINES)  # one size on the title and closing slides
        if left:
            size = deck.box_of(target)
            kind = "placeholder" if target.is_placeholder else "text box"
            deck.warn(Problem.warn(Where(""), f'the {planned.kind} slide: its {kind} '
                                   f'"{target.name}" on layout "{deck.pick_of(planned).name}" '
                                   f"({size.width / 72:.1f} x {size.height / 72:.1f} in) is too "
                                   f"small for everything; left out: "
                                   f"{', '.join(names[-len(left):])}"))
    place_logo(deck, slide, planned)


# the title and closing slides' lines: one size, each broken where it reads best (as body
# text: typescale._unbroken)
LINES = "title:lines"
SUBTITLE_SIZES = (24, 20, 18)  # the lines under (or over) a title: the body's size at most


def _layout_base(line: Any) -> float:
    """The size to set the lines of a company template's title or closing slide at: the
    layout's own size for its subtitle (the type scale's step at or under it, 18 to 24
    pt: the body's size, as on the built-in theme)."""
    own = _layout_size(line)
    return float(next((size for size in SUBTITLE_SIZES if own is None or size <= own), 18))


def _title_first(deck: DeckContext, slide: Slide, title: Any, line: Any, lines: list[Para],
                 size: float) -> None:
    """Where the layout puts the subtitle box above the title, the title is read first
    all the same (a title slide's convention): the title takes the top of the room the
    two boxes span on the layout, its box hugging its text, and the lines go under it at
    the template's distance, down to where the title's box ended; the boxes keep their
    left edges, widths and alignment. When the lines need more room at `size`, the two
    move up together into the free room above (to a quarter of the slide's height from
    the top, clear of the layout's other shapes)."""
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Emu

    left, top, width, height = deck.geometry(line)
    title_left, title_top, title_width, title_height = deck.geometry(title)
    if top + height > title_top + height / 2:  # not above the title
        return
    bottom = title_top + title_height
    start, end = text_extent(deck, title)
    gap = distance(title, title_top - (top + height))
    box = deck.box_of(line)
    need = ceil(used_height(lines, box, size, deck.body_fonts) * 12700) + 1
    ceiling = min(_ceiling(deck, slide, line), top)
    first = max(ceiling, min(top, bottom - need - gap - (end - start)))
    title.left, title.top = Emu(title_left), Emu(first)
    title.width, title.height = Emu(title_width), Emu(end - start)
    line.left, line.top = Emu(left), Emu(first + end - start + gap)
    line.width, line.height = Emu(width), Emu(bottom - (first + end - start + gap))
    if anchor_of(line) != "t":
        line.text_frame.vertical_anchor = MSO_ANCHOR.TOP


def _ceiling(deck: DeckContext, slide: Slide, line: Any) -> int:
    """How high the title slide's text may go above the `line` box: a quarter of the
    slide's height from the top, or under the layout's own shapes above the box."""
    left, top, width, _ = deck.geometry(line)
    ceiling = (deck.prs.slide_height or 0) // 4
    for shape in slide.slide_layout.shapes:  # the layout's own shapes above the box
        if shape.width and shape.height and shape.top is not None and \
                shape.top + shape.height <= top and shape.left < left + width and \
                shape.left + shape.width > left and shape._element is not line._element:
            ceiling = max(ceiling, shape.top + shape.height)
    return int(ceiling)


def _layout_size(line: Any) -> float | None:
    """The size (pt) a placeholder's first level is set at by its layout (or master)."""
    if not line.is_placeholder:
        return None
    layout = line.part.slide_layout
    own = layout.placeholders.get(idx=line.placeholder_format.idx)
    for owner in (own,):
        props = owner._element.find(".//a:lstStyle/a:lvl1pPr/a:defRPr", NS) \
            if owner is not None else None
        if props is not None and (props.get("sz") or "").isdigit():
            return int(props.get("sz")) / 100
    return None


def place_logo(deck: DeckContext, slide: Slide, planned: PlannedSlide) -> None:
    """The logo on the title (and closing) slide. On a company template, only where the
    template shows no picture of its own (brand: template-logo: always / never), in a
    top corner clear of the layout's placeholders and graphics."""
    if deck.logo is None:
        return
    if deck.options.template is None:  # on the disc the title layout draws
        height = min(1.2, 1.2 / deck.logo.ratio)
        left = 1.0 + 0.85 - height * deck.logo.ratio / 2  # centred in the disc
        add_picture(slide, deck.logo, inches(left), inches(1.6 - height / 2), inches(height))
        return
    mode = deck.brand.template_logo
    layout = deck.layout_of(planned)
    if mode == "never" or (mode == "auto" and has_picture(layout)):
        return
    spot = _logo_spot(deck, slide, mode == "auto")
    if spot is not None:
        add_picture(slide, deck.logo, *spot)

def _logo_spot(deck: DeckContext, slide: Slide,
               clear_of_graphics: bool) -> tuple[int, int, int] | None:
    """(left, top, height) of the logo: at the top, aligned with the text block as the
    template aligns its title (centred over a centred title, at a left-aligned title's
    left edge), else the first corner (top ones first), where it covers no text (nor,
    with `clear_of_graphics`, the template's shapes), shrinking down to 0.45 in."""
    assert deck.logo is not None
    width, height = deck.prs.slide_width or 0, deck.prs.slide_height or 0
    taken = [shape for shape in slide.shapes if shape.width and shape.height]
    layout = slide.slide_layout
    if clear_of_graphics:
        taken += [shape for owner in (layout, layout.slide_master) for shape in owner.shapes
                  if not shape.is_placeholder and shape.width and shape.height
                  and shape.width * shape.height < width * height * 0.6]
    margin = inches(0.35)
    for size in (0.9, 0.7, 0.45):
        tall = inches(min(size, 1.6 / deck.logo.ratio))
        wide = round(tall * deck.logo.ratio)
        spots = [(left, top) for top in (margin, height - margin - tall)
                 for left in (width - margin - wide, margin)]
        for left, top in [*_aligned_spot(slide, wide, margin), *spots]:
            box = (left, top, wide, tall)
            if not any(overlap(box, (s.left, s.top, s.width, s.height)) for s in taken):
                return left, top, tall
    return None


def _aligned_spot(slide: Slide, wide: int, top: int) -> list[tuple[int, int]]:
    """Where a logo `wide` EMU wide lines up with the slide's title as its text is
    aligned (the block a company template centres or sets left or right), `top` EMU from
    the slide's top; none for a slide without a title."""
    title = slide.shapes.title
    if title is None or title.width is None or title.left is None:
        return []
    frame = title.text_frame
    start, end = title.left + frame.margin_left, title.left + title.width - frame.margin_right
    left = {"ctr": (start + end - wide) // 2, "r": end - wide}.get(aligned(title), start)
    return [(int(left), top)]


def has_picture(layout: SlideLayout) -> bool:
    """Whether the layout or its master shows a picture of its own (a company logo)."""
    pic = "{http://schemas.openxmlformats.org/presentationml/2006/main}pic"
    for owner in (layout, layout.slide_master):
        tree = owner.shapes._spTree
        if owner is layout.slide_master and layout._element.get("showMasterSp") == "0":
            continue
        if any(True for _ in tree.iter(pic)):
            return True
    return False
