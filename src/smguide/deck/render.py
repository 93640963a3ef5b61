"""Guide + brand -> PowerPoint bytes: a native, editable deck laid out by the deck plan.

The renderer reads the company template, the brand's files and the fonts it measures
with (the brand's, else the system's through fontconfig); the fonts' measured widths are
kept in the user's cache (io.usercache). It writes no file: it returns the deck's bytes.
Each planned slide is made by the builder BUILDERS names for its kind, from the content
model and the deck's shared state (deck.context); every text frame is measured with the
real font metrics (textfit) and shrunk within limits, moved to a larger part of the slide,
or continued on a "(cont.)" slide; text that fits none of them is refused (TooLong).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from smguide.deck import blocks as deckblocks
from smguide.deck import slides
from smguide.deck.cohort import cohort_slide
from smguide.deck.context import DeckContext
from smguide.deck.fixed import (
    agenda_slide,
    closing_slide,
    section_slide,
    summary_slide,
    title_slide,
)
from smguide.deck.fonts import face_file
from smguide.deck.lookups import quick_marks
from smguide.deck.plan import PlannedSlide, SlideKind
from smguide.deck.theme import theme_colours, theme_fonts
from smguide.deck.titles import even_siblings
from smguide.deck.write import plain
from smguide.errors import Problem, Where
from smguide.model.guide import Guide
from smguide.model.options import DeckOptions
from smguide.sources.brand import Brand

Builder = Callable[[DeckContext, PlannedSlide], None]


def block_slides(deck: DeckContext, planned: PlannedSlide) -> None:
    """A block's slides; a block too long for its layout's content area is laid out in
    the slide's larger free areas (with a warning) before it is refused."""
    made = deck.slide_count
    try:
        deckblocks.add_block(deck, planned)
        return
    except slides.TooLong as first:
        refused = first
    pick = deck.pick_of(planned)
    for area in pick.fallbacks:  # a larger part of the slide, in text boxes
        deck.drop_slides_after(made)
        deck.set_override(planned, area)
        try:
            deckblocks.add_block(deck, planned)
        except slides.TooLong:
            continue
        deck.warn(deck.at(planned, f'the content area of layout "{pick.name}" '
                          f"({pick.area.width / 914400:.1f} x {pick.area.height / 914400:.1f} "
                          f"in) is too small for this block; it was laid out in the slide's "
                          f"free area"))
        return
    deck.drop_slides_after(made)
    raise refused


# the builder of each kind of planned slide
BUILDERS: Mapping[SlideKind, Builder] = {
    "title": title_slide,
    "agenda": agenda_slide,
    "section": section_slide,
    "block": block_slides,
    "summary": summary_slide,
    "closing": closing_slide,
    "cohort": cohort_slide,
}


@dataclass
class DeckRenderer:
    """Builds the deck; `warnings` collects what the user should know (e.g. unknown fonts).
    The template, the plan, the logo and the fonts are read at construction (`deck`);
    `plan` and `on_page` as in DeckContext."""

    guide: Guide
    brand: Brand
    options: DeckOptions = field(default_factory=DeckOptions)
    templates: Path | None = None
    plan: list[PlannedSlide] | None = None
    on_page: Callable[[PlannedSlide, int], None] | None = None
    warnings: list[Problem] = field(default_factory=list)
    fitting: bool = False  # for `fit`, not `render`
    deck: DeckContext = field(init=False)

    def __post_init__(self) -> None:
        # fitting makes no slide, so it never imports python-pptx (check runs without it)
        with nullcontext() if self.fitting else quick_marks():
            self.deck = DeckContext(self.guide, self.brand, self.options, self.templates,
                                    self.plan, self.on_page, self.warnings, self.fitting)

    def fit(self) -> int:
        """Lay the deck's text out as `render` does, slide by slide, without making the
        slides (made with `fitting`; the built-in theme only): `on_page` hears of the
        same slides, a text that cannot fit is refused with the same TooLong. Returns
        the slide count."""
        if not self.fitting:
            raise ValueError("fit() needs a DeckRenderer made with fitting=True")
        deck = self.deck
        for planned in deck.plan:
            BUILDERS[planned.kind](deck, planned)
        return deck.slide_count

    def render(self) -> tuple[bytes, int]:
        """Return (pptx bytes, slide count)."""
        with quick_marks():  # python-pptx's placeholder lookups without XPath (deck.lookups)
            return self._render()

    def _render(self) -> tuple[bytes, int]:
        deck = self.deck
        for planned in deck.plan:
            BUILDERS[planned.kind](deck, planned)
        deck.scale.unify()
        even_siblings(deck)  # sibling slides' titles in as many lines
        deck.notes.lead_on(self.guide)
        for slide in deck.prs.slides:  # no "Click to add text" left in a layout's spare boxes
            slides.drop_empty(slide)
        if deck.unsummarised:
            chapters = ", ".join(str(number) for number in deck.unsummarised)
            pin = "pin a section layout with more room in the brand file"
            deck.warn(Problem.warn(Where(""), f"the section slides of chapters {chapters} show "
                                   f"no deck: line: it does not fit at 18 pt in the section "
                                   f"layout's text box (the summary slide has it; {pin})",
                                   suggestion=pin))
        from smguide.deck.finish import finish
        from smguide.deck.unbroken import keep_names_whole

        keep_names_whole(deck.prs, deck.body_fonts)  # "#sales-marketing" never splits
        if self.options.template is not None:  # its layouts' alignment wins (deck/fidelity)
            from smguide.deck.fidelity import follow_alignment

            follow_alignment(deck.prs)
        finish(deck.prs, self.guide.language, self.brand.name or "Brand")
        if self.options.embed_fonts:
            from smguide.deck.fonts import embed_fonts

            families = list(theme_fonts(deck.prs.slide_master))
            for warning in embed_fonts(deck.prs, self.brand, families):
                deck.warn(warning)
        deck.prs.core_properties.revision = 1  # python-pptx adds the part if missing
        return _reproducible(deck), len(deck.prs.slides)


def _reproducible(deck: DeckContext) -> bytes:
    """Core and app properties from the guide, the brand and the deck, zip times from
    SOURCE_DATE_EPOCH."""
    from smguide.deck.package import app_xml, core_xml, entries, moment, repack

    guide, lang, when = deck.guide, deck.guide.language, moment()
    core = core_xml(plain(guide.title, deck.lang), plain(guide.subtitle or "", deck.lang),
                    deck.brand.name, plain(guide.description or "", deck.lang), lang, when)
    made = deck.prs.slides
    wide = (deck.prs.slide_width or 0) * 3 > (deck.prs.slide_height or 0) * 4
    app = app_xml(len(made), sum(1 for slide in made if slide.has_notes_slide),
                  "16:9" if wide else "4:3", deck.brand.name)
    return repack(entries(deck.prs), core, app, when, _thumbnail(deck))


def _thumbnail(deck: DeckContext) -> bytes:
    """The title slide drawn small, in its colours and fonts (see deck.thumbnail)."""
    from smguide.deck.theme import scheme_colours
    from smguide.deck.thumbnail import TitleCard, cached_thumbnail
    from smguide.sources.brandcolours import deck_on_primary

    guide, brand = deck.guide, deck.brand
    lang = deck.lang
    if deck.options.template is None:
        colours = theme_colours(brand)
        ink = "lt1" if deck_on_primary(brand.colours) == brand.colours["background"] else "dk1"
        background, ink, disc = colours["accent1"], colours[ink], colours["lt1"]
    else:  # a template's own colours (its fonts are seldom files here: the brand's)
        colours = scheme_colours(deck.prs.slide_master)
        background, ink, disc = (colours.get("lt1", "#ffffff"),
                                 colours.get("dk1", "#000000"), None)
    fonts = (face_file(brand, brand.heading_family, brand.heading_weight >= 600),
             face_file(brand, brand.base_family, False))
    width, height = deck.prs.slide_width or 1, deck.prs.slide_height or 1
    logo = deck.logo
    return cached_thumbnail(TitleCard(
        plain(guide.title, lang), plain(guide.subtitle or "", lang), background, ink,
        disc, logo.png if logo else None, logo.ratio if logo else 1.0, *fonts,
        width / height))
