"""One function per block type: the content model's blocks as native slide content.

Each builder measures its text for the slide's content area. A slide holds at most
MAX_WORDS words and its text at its family's base size; what does not fit continues on
"(cont.)" slides (split rather than shrink: only a single item too long for a slide of
its own is made smaller, never below the family's minimum). Siblings share one size
(TypeScale.unify). Sizes are in points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from smguide.deck.callouts import Look, add_label, lighten, look_of
from smguide.deck.cards import practice_slides
from smguide.deck.fitting import (
    BODY,
    para_text,
    sentences,
    split_first,
    words,
)
from smguide.deck.plan import left_out
from smguide.deck.roles import role_slides
from smguide.deck.slides import drop_empty, title_of, too_long
from smguide.deck.tables import said_rows, table_slides
from smguide.deck.textfit import Box, Para, largest_size, paginate, text_height
from smguide.deck.theme import filled_shape
from smguide.deck.titles import continuation
from smguide.deck.typescale import LIST_SPACE, LIST_TEXT, LISTS, lists_of, own_family
from smguide.deck.write import (
    INSET_X,
    bullet_indent,
    md_paras,
    plain,
    spans,
    theme_slots,
)
from smguide.model.guide import (
    Callout,
    Checklist,
    Comparison,
    Glossary,
    Practices,
    Prose,
    Questions,
    Role,
    Takeaways,
)
from smguide.sources.markdown import Writing

if TYPE_CHECKING:
    from pptx.slide import Slide

    from smguide.deck.context import DeckContext
    from smguide.deck.plan import PlannedSlide


def _list_items(items: Sequence[str], bullet: str, lang: Writing) -> list[Para]:
    indent = bullet_indent(bullet, len(items))
    return [Para(spans(item, lang), bullet=bullet, number=n, indent=indent,
                 space_before=LIST_SPACE)
            for n, item in enumerate(items, 1)]


def _authored(text: str, lang: Writing, bullet: str = "•") -> list[Para]:
    """What the author wrote for the slide: its list items as bullets (`bullet`; "#":
    numbered, with the hanging indent the largest number needs, as the items' own list
    has), else paragraphs."""
    paras = md_paras(text, lang)
    count = sum(1 for p in paras if p.bullet)
    out = []
    for p in paras:
        if p.bullet == "•" and bullet != "•":
            p = replace(p, bullet=bullet, indent=bullet_indent(bullet, count))
        out.append(replace(p, space_before=LIST_SPACE if p.bullet else p.space_before))
    return out


def add_block(deck: DeckContext, planned: PlannedSlide) -> None:
    block, lang, labels = planned.block, deck.lang, deck.guide.labels
    typo = deck.guide.typography
    chapter = planned.chapter
    assert block is not None and chapter is not None
    if isinstance(block, Takeaways | Checklist | Questions):
        _list_block(deck, planned, block)
    elif isinstance(block, Role):
        role_slides(deck, planned, block)
    elif isinstance(block, Comparison):
        header = ["", *block.columns]
        shown = block.slide or block.rows  # the author's rows for the slide, else the block's
        rows = [[row.aspect, *row.values] for row in shown]
        title = title_of(deck, planned, chapter.title)
        alt = (f"{typo.colon(plain(title, lang))} {' / '.join(block.columns)} "
               f"({', '.join(row.aspect for row in shown)})")
        # the block's rows the slide leaves out are said
        aspects = {row.aspect for row in shown}
        full = said_rows([[row.aspect, *row.values] for row in block.rows
                          if row.aspect not in aspects], header, typo, lang)
        table_slides(deck, planned, title, header, rows, alt, extra=full)
    elif isinstance(block, Glossary):
        rows = [[term.term, term.definition] for term in block.terms]
        title = title_of(deck, planned, labels.glossary)
        alt = typo.pair(plain(title, lang), ", ".join(term.term for term in block.terms))
        table_slides(deck, planned, title, None, rows, alt)
    elif isinstance(block, Practices):
        practice_slides(deck, planned, block)
    elif isinstance(block, Callout | Prose):
        _text_block(deck, planned, block)
    else:
        from smguide.deck.diagram import analogy_slide

        analogy_slide(deck, planned, block)  # type: ignore[arg-type]


def _list_block(deck: DeckContext, planned: PlannedSlide,
                block: Takeaways | Checklist | Questions) -> None:
    """A takeaways, checklist or questions block: the author's `slide:` (every item then
    said in the notes), else its items but those that speak to a reader (plan.left_out:
    `smguide check` names them); none left, no slide (a plan of one's own named it)."""
    lang, chapter = deck.lang, planned.chapter
    assert chapter is not None
    bullet = "#" if isinstance(block, Checklist) else "•"
    gone = left_out(block, deck.guide.spoken)
    items = _list_items([item for n, item in enumerate(block.items) if n not in gone],
                        bullet, lang)
    if not items:
        return
    default = deck.guide.labels.key_takeaways if isinstance(block, Takeaways) \
        else chapter.title
    title = title_of(deck, planned, default)
    panel = isinstance(block, Takeaways)
    if block.slide:  # the author's slide text; every item stays in the notes
        list_slides(deck, planned, title, _authored(block.slide, lang, bullet),
                    extra=sentences(items), panel=panel)
    else:
        list_slides(deck, planned, title, items, panel=panel)


def _text_block(deck: DeckContext, planned: PlannedSlide, block: Callout | Prose) -> None:
    """A callout or prose block: the author's `slide:` (the text then said in the notes),
    else its paragraphs but those that speak to a reader (`smguide check` names them);
    none left, no slide. A callout's text is on its panel (deck/callouts)."""
    lang, chapter = deck.lang, planned.chapter
    assert chapter is not None
    heading = block.title if isinstance(block, Callout) else None
    title = planned.title or heading or block.heading or chapter.title
    look = look_of(deck, block) if isinstance(block, Callout) else None
    if block.slide:
        list_slides(deck, planned, title, _authored(block.slide, lang),
                    extra=sentences(md_paras(block.text, lang)), callout=look)
        return
    paras = [p for p in md_paras(block.text, lang)
             if not deck.guide.spoken.reader_word(para_text([p]))]
    if paras:
        list_slides(deck, planned, title, paras, callout=look)


# -- lists ------------------------------------------------------------------------


PANEL_X, PANEL_Y = 21.6, 14.4  # the takeaways panel's padding, points
RULE = 0.06  # the accent rule along its left edge, inches


def list_slides(deck: DeckContext, planned: PlannedSlide, title: str,
                items: Sequence[Para], sizes: tuple[float, float] = BODY,
                said: Sequence[str] | None = None, extra: Sequence[str] = (),
                panel: bool = False, one_slide: bool = False,
                callout: Look | None = None) -> None:
    """Paragraphs in the body placeholder, continued on more slides when they don't fit
    at the base size or pass MAX_WORDS: split rather than shrunk. Each slide's default
    notes are its own items (`said`, one line per item, else their text); `extra` (what
    the slide leaves out) goes to the first slide's notes. `panel`: on the handbook's
    takeaways panel (a light panel with an accent rule along its top). `one_slide` (the
    agenda, the summary: a list read as one) shrinks to stay on one slide before it is
    continued; `callout`: on a callout's panel (its rule's colour, its label). A list
    set under the base size (one item, or a `one_slide` list, that does not fit at it)
    is at its own size: it does not take the deck's other lists
    down with it (typescale.own_family). The items of every list at one size open up by
    one amount, the most the fullest of them has room for (typescale.LISTS), so the deck's
    lists are spaced alike."""
    area = deck.area_of(planned)
    panel = panel or callout is not None
    label = callout.room if callout is not None else 0.0
    lines = list(said) if said is not None else sentences(items)
    index = {id(item): n for n, item in enumerate(items)}
    room = Box(area.width / 12700, area.height / 12700, INSET_X + PANEL_X,
               PANEL_Y + label / 2) if panel else area.box
    fit = split_first(lambda chunk: largest_size(_first(chunk), room, deck.body_fonts,
                                                 *sizes), sizes[0], words,
                      whole=len(items) if one_slide else 0)
    pages = paginate(items, fit)
    if pages is None:
        alone = next((item for item in items if largest_size(
            _first([item]), room, deck.body_fonts, *sizes) is None), items[0])
        raise too_long(deck, planned, "one item of the list", para_text([alone]),
                       minimum=sizes[1])
    numbers, dots, text = _inks(deck, planned, panel)
    continues = _continued(deck, planned, title, [page.items for page in pages])
    family = LIST_TEXT if pages[0].size >= sizes[0] else own_family(LIST_TEXT, planned)
    for number, page in enumerate(pages):
        if deck.fitting:
            deck.fit_slide(planned, title, number, continues[number])
            continue
        own = [lines[index[id(item)]] for item in page.items if index[id(item)] < len(lines)]
        slide = deck.new_slide(planned, title, number, said="\n".join(own),
                               extra="\n".join(extra) if number == 0 else "",
                               pages=len(pages), continues=continues[number])
        target = deck.text_target(slide, planned)
        shown = [replace(p, marker=numbers if p.bullet == "#" else dots)
                 if p.bullet and (numbers if p.bullet == "#" else dots) != "accent1" else p
                 for p in _first(page.items)]
        shown = [replace(p, tone=text) if text and not p.tone else p for p in shown]
        deck.scale.fill(family, target, shown, page.size, spread_with=lists_of(family),
                        limits=LISTS)
        if panel:
            _panel(deck, slide, target, shown, page.size, callout)
        drop_empty(slide)


def _inks(deck: DeckContext, planned: PlannedSlide, panel: bool
          ) -> tuple[str, str, str | None]:
    """A list's numbers, bullets and text colour (None: the text style's).

    Numbers are text: in the primary colour where it reads on the slide, else in it
    lightened until it does (a dark deck's green), else in the text's; on the panel's
    fill, else on the slide's own background (a template's picture). A template's text
    style reads on its background (deck/legible), not on the panel."""
    behind = "bg2" if panel else deck.tones.behind(deck.pick_of(planned).layout)
    text = deck.tones.readable("tx1", "bg2") if panel and deck.options.template else None
    numbers = deck.tones.readable("accent1", behind)
    if numbers != "accent1":
        numbers = deck.tones.lightened("accent1", behind) or numbers
    dots = deck.tones.readable("accent1", behind, large=True)  # bullets: graphics, 3:1
    return numbers, dots, text


def _continued(deck: DeckContext, planned: PlannedSlide, title: str,
               pages: Sequence[Sequence[Para]]) -> list[str | None]:
    """Each slide's title after the first: a numbered list's on two slides is its title
    marked as continued in the guide's words (None: DeckContext.page_title), "Your
    first-week checklist (continued)", as a presenter says it (its items keep counting,
    so the numbers said again in the title, "...: 6–10", read as a document's); any
    other list's, or one on three slides or more, its place among the list's slides
    ("Key takeaways (2/3)"), so no two slides' titles are alike."""
    out: list[str | None] = [None]
    for number, items in enumerate(pages[1:], 2):
        numbered = any(p.bullet == "#" and p.number for p in items)
        # two slides: "(continued)"; more: their places, so no two titles are alike
        out.append(None if numbered and len(pages) == 2 else continuation(
            deck, planned, title, [], number, len(pages), alone=False))
    return out


def _panel(deck: DeckContext, slide: Slide, target: Any, paras: list[Para],
           size: float, callout: Look | None = None) -> None:
    """The takeaways panel behind `target`'s text: as tall as the text needs, light,
    with the handbook's accent rule, here along its left edge (as the handbook's
    callouts have it): under a slide's title, which has its own short accent bar, a
    rule along the panel's top was a second rule stacked under it; its edges where the title's
    text starts and ends (an inset in from `target`'s), its text PANEL_X further in.
    Sized again to the text as the type scale sets it (its size, its items opened up).
    `callout`: a callout's panel, its rule in the callout style's colour and its label
    above the text (deck/callouts)."""
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.util import Emu, Inches, Pt

    frame = target.text_frame
    frame.margin_left = frame.margin_right = Pt(INSET_X + PANEL_X)
    label = callout.room if callout is not None else 0.0
    frame.margin_top, frame.margin_bottom = Pt(PANEL_Y + label), Pt(PANEL_Y)
    edge = Pt(INSET_X)
    left, top, width = target.left + edge, target.top, target.width - 2 * edge
    text_width = width / 12700 - 2 * PANEL_X

    def need(size: float, paras: list[Para] = paras) -> int:
        return min(target.height, Pt(text_height(paras, text_width, size, deck.body_fonts)
                                     + 2 * PANEL_Y + label + size * 0.4))

    height = need(size)
    shapes = []
    kind = "Callout" if callout is not None else "Takeaways"
    slot, _, lighter = callout.rule.partition(":") if callout is not None else ("", "", "")
    rule = theme_slots(MSO_THEME_COLOR)[slot] if slot else MSO_THEME_COLOR.ACCENT_2
    for name, box, colour in ((f"{kind} panel", (left, top, width, height),
                               MSO_THEME_COLOR.BACKGROUND_2),
                              (f"{kind} rule", (left, top, Inches(RULE), height), rule)):
        shape = filled_shape(slide, box, name, colour)
        inner = shape.text_frame  # empty: no insets to outgrow a thin rule
        inner.margin_left = inner.margin_right = inner.margin_top = inner.margin_bottom = 0
        shapes.append(shape)
    if lighter:  # the rule's colour lightened until it reads on the panel (lumOff)
        lighten(shapes[1], lighter)
    for shape in shapes:  # behind the text
        target._element.addprevious(shape._element)
    if callout is not None and callout.label:
        add_label(deck, slide, callout, (left + Pt(PANEL_X), top + Pt(PANEL_Y),
                                         width - Pt(2 * PANEL_X)))

    def resize(common: float) -> None:  # the list's size once the type scale is one
        shapes[0].height = shapes[1].height = Emu(need(common, deck.scale.shown(target)))
    deck.scale.then_sized(target, resize)


def _first(paras: Sequence[Para]) -> list[Para]:
    """The first paragraph of a box gets no space above it."""
    out = list(paras)
    if out and out[0].space_before:
        out[0] = replace(out[0], space_before=0.0)
    return out
