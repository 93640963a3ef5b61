"""Guide + brand -> PowerPoint bytes: a native, editable deck laid out by the deck plan.

The renderer reads the company template, the brand's files and the fonts it measures
with (the brand's, else the system's through fontconfig); the fonts' measured widths are
kept in the user's cache (io.cache). It writes no file: it returns the deck's bytes.
Slides are built from the content model; every text frame is measured with the real
font metrics (textfit) and shrunk within limits, moved to a larger part of the slide,
or continued on a "(cont.)" slide; text that fits none of them is refused (TooLong).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smguide.deck import blocks as deckblocks
from smguide.deck import slides
from smguide.deck.fonts import face_file
from smguide.deck.layouts import LayoutPicker, Pick
from smguide.deck.plan import PlannedSlide, load_plan
from smguide.deck.textfit import Box, Fonts, Para, Span, largest_size, load_metrics, system_fonts
from smguide.deck.theme import (
    Logo,
    add_picture,
    inches,
    load_logo,
    open_deck,
    theme_colours,
    theme_fonts,
)
from smguide.deck.write import Area, bullet_indent, fill, frame_box, plain, spans
from smguide.errors import quote
from smguide.model.guide import Guide
from smguide.model.options import DeckOptions
from smguide.sources.brand import Brand

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import Slide, SlideLayout

# base and smallest size of titles; a template's small title placeholder takes them down
# to 14 pt on content slides, the floor for text on a slide
# one type scale: every content slide's title at one size, every divider's at another
TITLE_SIZES = {"title": (40, 14), "closing": (44, 14), "section": (40, 14), "slide": (32, 14)}
EYEBROW = 14  # the small line in capitals above a title (pt)
SLIDENUM_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"


def family_fonts(brand: Brand, family: str, widen: float = 1.0) -> Fonts:
    """The brand's font files for `family` (falling back to its closest faces)."""
    return Fonts(*(load_metrics(face_file(brand, family, b, i), widen)
                   for b, i in ((False, False), (True, False), (False, True), (True, True))))


@dataclass
class DeckRenderer:
    """Builds the deck; `warnings` collects what the user should know (e.g. unknown fonts)."""

    guide: Guide
    brand: Brand
    options: DeckOptions = field(default_factory=DeckOptions)
    templates: Path | None = None
    warnings: list[str] = field(default_factory=list)

    def render(self) -> tuple[bytes, int]:
        """Return (pptx bytes, slide count)."""
        from smguide.sources.markdown import use_quotes

        use_quotes(self.guide.language, self.guide.typography.quotes)
        plan = self.plan()
        self.logo: Logo | None = load_logo(self.brand)
        if self.logo is not None and self.guide.labels.logo_alt:  # in the guide's language
            self.logo = replace(self.logo, alt=self.guide.labels.logo_alt)
        self.prs: Presentation = open_deck(self.brand, self.options.template,
                                           self.options.aspect, self.logo)
        template = self.options.template
        self.source = str(template) if template else "the built-in theme"
        self.picker = LayoutPicker(self.prs, self.brand.layouts if template else {},
                                   self.source, self.brand.layout_where)
        for planned in plan:  # every layout is found (or a pin refused) before any slide
            self.pick_of(planned)
        # per layout, computed once: its footer/number placeholders and the frames slide
        # placeholders inherit (python-pptx looks each up by XPath every time)
        self._marks: dict[int, dict[Any, Any]] = {}
        self._boxes: dict[tuple[int, int], Box] = {}
        self._unsummarised: list[int] = []
        self._override: dict[int, Area] = {}  # planned slide -> a larger content area
        self.head_fonts, self.body_fonts = self._fonts()
        self.planned = plan
        self._sized: dict[str, list[tuple[Any, list[Para], float]]] = {}
        self._notes: dict[str, int] = {}
        for planned in plan:
            self.add(planned)
        self.unify()
        for slide in self.prs.slides:  # no "Click to add text" left in a layout's spare boxes
            slides.drop_empty(slide)
        if self._unsummarised:
            chapters = ", ".join(str(number) for number in self._unsummarised)
            self.warn(f"the section slides of chapters {chapters} show no deck: line: it does not "
                      f"fit at 18 pt in the section layout's text box (the summary slide has it; "
                      f"pin a section layout with more room in the brand file)")
        from smguide.deck.finish import finish

        finish(self.prs, self.guide.language, self.brand.name or "Brand")
        if self.options.embed_fonts:
            from smguide.deck.fonts import embed_fonts

            families = list(theme_fonts(self.prs.slide_master))
            for warning in embed_fonts(self.prs, self.brand, families):
                self.warn(warning)
        out = io.BytesIO()
        self.prs.core_properties.revision = 1  # python-pptx adds the part if missing
        self.prs.save(out)
        return self._reproducible(out.getvalue()), len(self.prs.slides)

    def plan(self) -> list[PlannedSlide]:
        """The slides to make (a subclass may make others, e.g. the roster's cohort slide)."""
        return load_plan(self.guide, self.templates)

    def _reproducible(self, data: bytes) -> bytes:
        """Core and app properties from the guide, the brand and the deck, zip times from
        SOURCE_DATE_EPOCH."""
        from smguide.deck.package import app_xml, core_xml, moment, repack

        guide, lang, when = self.guide, self.guide.language, moment()
        core = core_xml(plain(guide.title, lang), plain(guide.subtitle or "", lang),
                        self.brand.name, plain(guide.description or "", lang), lang, when)
        slides = self.prs.slides
        wide = (self.prs.slide_width or 0) * 3 > (self.prs.slide_height or 0) * 4
        app = app_xml(len(slides), sum(1 for slide in slides if slide.has_notes_slide),
                      "16:9" if wide else "4:3", self.brand.name)
        return repack(data, core, app, when, self._thumbnail())

    def _thumbnail(self) -> bytes:
        """The title slide drawn small, in its colours and fonts (see deck.thumbnail)."""
        from smguide.deck.theme import scheme_colours
        from smguide.deck.thumbnail import TitleCard, thumbnail

        guide, brand = self.guide, self.brand
        lang = guide.language
        if self.options.template is None:
            colours = theme_colours(brand)
            background, ink, disc = colours["accent1"], colours["lt1"], colours["lt1"]
        else:  # a template's own colours (its fonts are seldom files here: the brand's)
            colours = scheme_colours(self.prs.slide_master)
            background, ink, disc = (colours.get("lt1", "#ffffff"),
                                     colours.get("dk1", "#000000"), None)
        fonts = (face_file(brand, brand.heading_family, brand.heading_weight >= 600),
                 face_file(brand, brand.base_family, False))
        width, height = self.prs.slide_width or 1, self.prs.slide_height or 1
        logo = self.logo
        return thumbnail(TitleCard(
            plain(guide.title, lang), plain(guide.subtitle or "", lang), background, ink,
            disc, logo.png if logo else None, logo.ratio if logo else 1.0, *fonts,
            width / height))

    def _fonts(self) -> tuple[Fonts, Fonts]:
        """Measure with the fonts the deck's theme names: the brand's files, else installed
        ones, else the brand's font widened by 15% (and say so)."""
        if self.options.template is None:
            return (family_fonts(self.brand, self.brand.heading_family),
                    family_fonts(self.brand, self.brand.base_family))
        known = {face.family for face in self.brand.faces}
        chosen = []
        for family, brand_family in zip(theme_fonts(self.prs.slide_master),
                                        (self.brand.heading_family, self.brand.base_family),
                                        strict=True):
            fonts = family_fonts(self.brand, family) if family in known else system_fonts(family)
            if fonts is None:
                self.warn(f"the template's font {quote(family)} has no font file in the brand "
                          f"and is not installed; text was measured with {brand_family} plus "
                          f"15% (add the font under typography.fonts to measure it exactly)")
                fonts = family_fonts(self.brand, brand_family, widen=1.15)
            chosen.append(fonts)
        return chosen[0], chosen[1]

    # -- slides -----------------------------------------------------------------

    def add(self, planned: PlannedSlide) -> None:
        if planned.kind != "block":
            getattr(self, f"_add_{planned.kind}")(planned)
            return
        made = len(self.prs.slides)
        try:
            deckblocks.add_block(self, planned)
            return
        except slides.TooLong as first:
            refused = first
        pick = self.pick_of(planned)
        for area in pick.fallbacks:  # a larger part of the slide, in text boxes
            self._drop_slides_after(made)
            self._override[id(planned)] = area
            try:
                deckblocks.add_block(self, planned)
            except slides.TooLong:
                continue
            self.warn(f'{self.where(planned)}: the content area of layout "{pick.name}" '
                      f"({pick.area.width / 914400:.1f} x {pick.area.height / 914400:.1f} in) "
                      f"is too small for this block; it was laid out in the slide's free area")
            return
        self._drop_slides_after(made)
        raise refused

    def _drop_slides_after(self, count: int) -> None:
        """Remove the slides after the first `count` (a block that did not fit)."""
        ids = self.prs.slides._sldIdLst
        for slide_id in list(ids)[count:]:
            self.prs.part.drop_rel(slide_id.rId)
            ids.remove(slide_id)

    def pick_of(self, planned: PlannedSlide) -> Pick:
        """The template's layout for this slide, and where its content goes."""
        block = planned.block.type if planned.block is not None else None
        return self.picker.pick(planned.kind, block, planned.layout, planned.source)

    def text_target(self, slide: Slide, planned: PlannedSlide, column: int = 0,
                    area: Area | None = None) -> Any:
        """The body placeholder `column` of the slide's layout, else a text box in `area`
        (default: the layout's content area). A lone body placeholder that reaches over
        the title or off the slide is given the content area it was measured for."""
        from pptx.util import Emu

        texts = self.own_texts(planned)
        if column < len(texts):
            shape = slides.placeholder(slide, texts[column].idx)
            if shape is not None:
                box, inside = texts[column], self.area_of(planned)
                trimmed = (inside.left >= box.left and inside.top >= box.top
                           and inside.left + inside.width <= box.right
                           and inside.top + inside.height <= box.bottom)
                if len(texts) == 1 and trimmed and (box.left, box.top, box.width, box.height) \
                        != (inside.left, inside.top, inside.width, inside.height):
                    shape.left, shape.top = Emu(inside.left), Emu(inside.top)
                    shape.width, shape.height = Emu(inside.width), Emu(inside.height)
                return shape
        return self.text_box(slide, area or self.area_of(planned))

    def text_box(self, slide: Slide, area: Area) -> Any:
        """A text box standing in for a placeholder the layout lacks."""
        from pptx.util import Emu

        box = slide.shapes.add_textbox(Emu(area.left), Emu(area.top), Emu(area.width),
                                       Emu(area.height))
        box.name = "Text"
        return box

    def new_slide(self, planned: PlannedSlide, title: str, page: int = 0,
                  said: str = "", extra: str = "") -> Slide:
        """A slide on the planned layout: its eyebrow and title fitted, its own notes (the
        author's on a first page, else `said`: what the slide shows, as sentences) and
        footer."""
        layout: SlideLayout = self.pick_of(planned).layout
        slide = self.prs.slides.add_slide(layout)
        if page:
            title = f"{title} ({self.guide.labels.continued})"
        kind = planned.kind if planned.kind in TITLE_SIZES else "slide"
        eyebrow = self.eyebrow_of(planned, title)
        self.set_title(slide, title, kind, planned, eyebrow)
        notes = self.notes_for(planned, page, said)
        self.set_notes(slide, f"{notes}\n{extra}" if extra else notes, title)
        if planned.kind not in ("title", "closing"):
            self.add_footer(slide, layout, self.pick_of(planned))
        return slide

    def eyebrow_of(self, planned: PlannedSlide, title: str) -> str | None:
        """The uppercase line above a title, as in the handbook: the chapter's title on
        its slides, "Chapter N" on its divider (or on a slide titled like the chapter)."""
        chapter = planned.chapter
        if chapter is None or planned.kind not in ("section", "block"):
            return None
        if planned.kind == "section" or title.startswith(plain(chapter.title,
                                                                 self.guide.language)):
            return f"{self.guide.labels.chapter} {self.chapter_number(chapter)}"
        return plain(chapter.title, self.guide.language)

    def chapter_number(self, chapter: Any) -> int:
        """The chapter's place among the chapters the deck shows (as the agenda counts)."""
        shown = self.agenda_chapters()
        return shown.index(chapter) + 1 if chapter in shown else chapter.number

    def agenda_chapters(self) -> list[Any]:
        """The chapters that have slides, in the order the deck shows them."""
        seen: list[Any] = []
        for planned in self.planned:
            if planned.chapter is not None and planned.chapter not in seen:
                seen.append(planned.chapter)
        return seen

    def set_title(self, slide: Slide, text: str, kind: str, planned: PlannedSlide,
                  eyebrow: str | None = None) -> None:
        """The title fitted to its placeholder (or a text box where the layout has none);
        an eyebrow takes the top of the title's box and the title moves down under it,
        so every title is measured in the room it really has."""
        from pptx.enum.text import MSO_ANCHOR
        from pptx.util import Emu, Pt

        shape = slide.shapes.title
        area = self.pick_of(planned).title_area
        if shape is None:  # a layout without a title: a text box where titles go
            shape = slide.shapes.add_textbox(Emu(area.left), Emu(area.top), Emu(area.width),
                                             Emu(area.height))
            shape.name = "Title"
        elif not shape.width or not shape.height:  # no position on the layout nor the master
            shape.left, shape.top = Emu(area.left), Emu(area.top)
            shape.width, shape.height = Emu(area.width), Emu(area.height)
        base, minimum = TITLE_SIZES[kind]
        paras = [Para(spans(text, self.guide.language))]
        bold = [Para(tuple(Span(s.text, True, s.italic) for s in paras[0].spans))]
        box = self.box_of(shape)
        room = EYEBROW * 1.6
        size = None
        if eyebrow and kind != "title" and box.height > room * 2:
            below = Box(box.width, box.height - room, box.inset_x, box.inset_y)
            size = largest_size(bold, below, self.head_fonts, base, minimum)
        if size is None:  # no eyebrow, or no room for one: the title has the whole box
            eyebrow = None
            size = largest_size(bold, box, self.head_fonts, base, minimum)
        if size is None:
            raise slides.too_long(self, planned, "the title", text, shape, minimum)
        self.fill_family(f"title:{kind}", shape, paras, size)
        if eyebrow:
            left, top, width = self._title_geometry(shape)
            height = shape.height
            shape.left, shape.top, shape.width = Emu(left), Emu(top + Pt(room)), Emu(width)
            shape.height = Emu(height - Pt(room))
            line = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Pt(room))
            line.name = "Eyebrow"
            words = Para(tuple(Span(s.text, True) for s in spans(eyebrow, self.guide.language)),
                         tone="accent2")
            if not self._one_line(words, width, box.inset_x):
                words = Para((Span(f"{self.guide.labels.chapter} "
                                   f"{self.chapter_number(planned.chapter)}", True),),
                             tone="accent2")
            fill(line, [words], EYEBROW)
            for run in line.text_frame.paragraphs[0].runs:  # capitals shown, words kept
                run.font._rPr.set("cap", "all")
            line.text_frame.margin_top = line.text_frame.margin_bottom = 0
            line.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM


    def _one_line(self, words: Para, width: int, inset: float) -> bool:
        """Does `words`, in capitals, fit on one eyebrow line `width` EMU wide?"""
        capitals = Para(tuple(replace(s, text=s.text.upper()) for s in words.spans))
        one_line = Box(width / 12700, EYEBROW * 1.6, inset, 0)
        return largest_size([capitals], one_line, self.body_fonts, EYEBROW, EYEBROW) is not None

    @staticmethod
    def _title_geometry(shape: Any) -> tuple[int, int, int]:
        """(left, top, width) of a title placeholder (python-pptx reads a slide
        placeholder's position from its layout when it has none of its own)."""
        return shape.left, shape.top, shape.width

    def fill_family(self, family: str, shape: Any, paras: list[Para], size: float) -> None:
        """Fill `shape`, remembering it: siblings (every content title, every list, both
        role slides) are set to one size at the end (see unify)."""
        fill(shape, paras, size)
        self._sized.setdefault(family, []).append((shape, paras, size))

    def unify(self) -> None:
        """One type scale: each family at the smallest size any of its members needed
        (a smaller size always fits where a larger one did)."""
        for members in self._sized.values():
            common = min(size for _, _, size in members)
            for shape, paras, size in members:
                if size != common:
                    frame = shape.text_frame  # fill() resets the insets: keep them
                    insets = (frame.margin_left, frame.margin_right, frame.margin_top,
                              frame.margin_bottom)
                    fill(shape, paras, common)
                    (frame.margin_left, frame.margin_right, frame.margin_top,
                     frame.margin_bottom) = insets

    def set_notes(self, slide: Slide, notes: str, title: str) -> None:
        """Speaker notes, one paragraph per line; never the same as another slide's."""
        text = notes.strip() or title
        if text in self._notes:
            text = f"{title}\n{text}"
        self._notes[text] = len(self.prs.slides)
        frame = slide.notes_slide.notes_text_frame
        assert frame is not None  # python-pptx's notes slide always has its body
        frame.text = text

    def where(self, planned: PlannedSlide) -> str:
        if planned.chapter is None:
            return f"the {planned.kind} slide"
        where = planned.chapter.source
        if planned.block is not None:
            index = planned.chapter.blocks.index(planned.block)
            where += f": blocks[{index}] ({planned.block.type})"
        return where

    def notes_for(self, planned: PlannedSlide, page: int = 0, said: str = "") -> str:
        """What the presenter says. A first page: the plan's notes, else the author's for
        this slide (a block's `notes:`; a divider's or a chapter's only slide: the
        chapter's), else `said`. A continuation page: `said`, what that page shows."""
        lang, chapter, block = self.guide.language, planned.chapter, planned.block
        if page:
            return said
        deck = self.guide.deck
        own: list[str | None] = [planned.notes]
        if planned.kind == "section" and chapter is not None:
            own += [chapter.notes, chapter.summary]
        elif planned.kind == "block" and chapter is not None and block is not None:
            alone = not any(p.kind == "section" and p.chapter == chapter for p in self.planned)
            first = next(p for p in self.planned if p.chapter == chapter)
            lead = chapter.notes if alone and first == planned else None
            own += ["\n\n".join(t for t in (lead, block.notes) if t) or None]
        elif deck is not None:
            own += [{"title": deck.opening, "agenda": deck.agenda, "summary": deck.summary,
                     "closing": deck.closing}.get(planned.kind)]
        if planned.kind == "title":
            own += [self.guide.description]
        for text in own:
            if text:
                return "\n".join(plain(part, lang) for part in text.split("\n\n"))
        return said

    def add_footer(self, slide: Slide, layout: SlideLayout, pick: Pick) -> None:
        """Footer text and slide number, in the layout's placeholders when it has them."""
        from pptx.enum.shapes import PP_PLACEHOLDER as PH

        number = str(len(self.prs.slides))
        footer = self.guide.footer or self.brand.footer or self.brand.name
        found = self._marks.get(id(layout))
        if found is None:
            found = self._marks[id(layout)] = {ph.placeholder_format.type: ph
                                               for ph in layout.placeholders}  # type: ignore[misc]
        for kind in (PH.FOOTER, PH.SLIDE_NUMBER):
            if kind not in found or not found[kind].width or not found[kind].height:
                found.pop(kind, None)  # absent, or with no position anywhere
                continue
            slide.shapes.clone_placeholder(found[kind])
            shape = slides.placeholder(slide, found[kind].placeholder_format.idx)
            if kind == PH.FOOTER:
                self._footer_text(shape, footer)
            else:
                _slide_number(shape, number)
        if PH.SLIDE_NUMBER not in found:  # a template without one: our own, if there is room
            from pptx.util import Emu

            width, height = self.prs.slide_width or 0, self.prs.slide_height or 0
            spot = (width - inches(1.6), height - inches(0.55), inches(1.0), inches(0.35))
            area = pick.area
            taken = [(area.left, area.top, area.width, area.height),
                     *((b.left, b.top, b.width, b.height) for b in pick.texts),
                     *((ph.left, ph.top, ph.width, ph.height) for ph in found.values()
                       if ph.width and ph.height)]
            if not any(_overlap(spot, other) for other in taken):
                box = slide.shapes.add_textbox(*(Emu(value) for value in spot))
                box.name = "Slide number"
                _slide_number(box, number)

    def _footer_text(self, shape: Any, text: str) -> None:
        """The footer, shrunk to its box; the theme font is named on the run because
        LibreOffice ignores the inherited one in footers."""
        paras = [Para(spans(text, self.guide.language))]
        fill(shape, paras, largest_size(paras, self.box_of(shape), self.body_fonts, 11, 8) or 8)
        for run in shape.text_frame.paragraphs[0].runs:
            run.font.name = "+mn-lt"

    def area_of(self, planned: PlannedSlide) -> Area:
        """Where a slide's content goes: the layout's body, else below the title."""
        return self._override.get(id(planned)) or self.pick_of(planned).area

    def own_texts(self, planned: PlannedSlide) -> tuple[Any, ...]:
        """The layout placeholders the slide's text goes into (none when the content was
        moved to a larger area, where it goes into text boxes)."""
        return () if id(planned) in self._override else self.pick_of(planned).texts

    def box_of(self, shape: Any) -> Box:
        """The text frame of `shape`; a slide placeholder without its own position has its
        layout placeholder's, looked up once per layout and placeholder."""
        element = shape._element
        if not shape.is_placeholder or element.xfrm is not None:
            return frame_box(shape)
        key = (id(shape.part.slide_layout), element.ph_idx)
        box = self._boxes.get(key)
        if box is None:
            box = self._boxes[key] = frame_box(shape)
        return box

    # -- the fixed slides -----------------------------------------------------------

    def _title_block(self, planned: PlannedSlide, title: str, lines: list[Para],
                     names: list[str], said: str = "") -> None:
        """Title and lines (`names` says what each is); lines that do not fit in the
        layout's subtitle box even at 12 pt are left out from the last, with a warning."""
        slide = self.new_slide(planned, title, said=said)
        if lines:
            target = self.text_target(slide, planned)
            left = deckblocks.fit_into(self, target, lines, 24, 12, planned, len(lines) - 1,
                                       slide)
            if left:
                size = self.box_of(target)
                kind = "placeholder" if target.is_placeholder else "text box"
                self.warn(f'the {planned.kind} slide: its {kind} "{target.name}" on layout '
                          f'"{self.pick_of(planned).name}" '
                          f"({size.width / 72:.1f} x {size.height / 72:.1f} in) is too small for "
                          f"everything; left out: {', '.join(names[-len(left):])}")
        self.place_logo(slide, planned)

    def warn(self, message: str) -> None:
        """A warning, naming the template when there is one."""
        if self.options.template:
            message = f"{self.source}: {message}"
        if message not in self.warnings:
            self.warnings.append(message)

    def _add_title(self, planned: PlannedSlide) -> None:
        guide, lang = self.guide, self.guide.language
        lines = [Para(spans(guide.subtitle, lang))] if guide.subtitle else []
        names = ["the subtitle"] if guide.subtitle else []
        if self.brand.name:
            lines.append(Para(spans(self.brand.name, lang), space_before=1.0 if lines else 0,
                              scale=0.8))
            names.append("the brand's name")
        if guide.edition:
            lines.append(Para(spans(guide.edition, lang), scale=0.8))
            names.append("the edition")
        if guide.date:
            from smguide.sources.languages import format_date

            when = format_date(guide.date, lang, guide.typography.ordinal_day)
            lines.append(Para(spans(when, lang), scale=0.8))
            names.append("the date")
        self._title_block(planned, planned.title or guide.title, lines, names)

    def _add_closing(self, planned: PlannedSlide) -> None:
        """What happens next: the guide's next step and contact (after their labels), then
        the brand's name."""
        guide, lang, labels = self.guide, self.guide.language, self.guide.labels
        lines: list[Para] = []
        names, said = [], []
        deck = guide.deck
        for label, text, name in ((labels.next_step, deck.next_step if deck else None,
                                   "the next step"),
                                  (labels.contact, deck.contact if deck else None,
                                   "the contact")):
            if text:
                head = (Span(guide.typography.colon(label) + " ", bold=True),) if label \
                    else ()
                lines.append(Para((*head, *spans(text, lang)), space_before=0.6 if lines
                                  else 0))
                names.append(name)
                said.append(plain(guide.typography.pair(label, text) if label else text, lang))
        if self.brand.name:
            lines.append(Para(spans(self.brand.name, lang), scale=0.8,
                              space_before=1.0 if lines else 0))
            names.append("the brand's name")
        title = planned.title or labels.questions_title
        self._title_block(planned, title, lines, names, "\n".join(said) or
                          f"{plain(title, lang)} {plain(guide.title, lang)}")

    def place_logo(self, slide: Slide, planned: PlannedSlide) -> None:
        """The logo on the title (and closing) slide. On a company template, only where the
        template shows no picture of its own (brand: template-logo: always / never), in a
        top corner clear of the layout's placeholders and graphics."""
        if self.logo is None:
            return
        if self.options.template is None:  # on the disc the title layout draws
            height = min(1.2, 1.2 / self.logo.ratio)
            left = 0.9 + 0.85 - height * self.logo.ratio / 2
            add_picture(slide, self.logo, inches(left), inches(1.6 - height / 2), inches(height))
            return
        mode = self.brand.template_logo
        layout = self.pick_of(planned).layout
        if mode == "never" or (mode == "auto" and has_picture(layout)):
            return
        spot = self._logo_spot(slide, mode == "auto")
        if spot is not None:
            add_picture(slide, self.logo, *spot)

    def _logo_spot(self, slide: Slide, clear_of_graphics: bool) -> tuple[int, int, int] | None:
        """(left, top, height) of the logo: the first corner (top ones first) where it covers
        no text (nor, with `clear_of_graphics`, the template's shapes), shrinking down to
        0.45 in."""
        assert self.logo is not None
        width, height = self.prs.slide_width or 0, self.prs.slide_height or 0
        taken = [shape for shape in slide.shapes if shape.width and shape.height]
        layout = slide.slide_layout
        if clear_of_graphics:
            taken += [shape for owner in (layout, layout.slide_master) for shape in owner.shapes
                      if not shape.is_placeholder and shape.width and shape.height
                      and shape.width * shape.height < width * height * 0.6]
        margin = inches(0.35)
        for size in (0.9, 0.7, 0.45):
            tall = inches(min(size, 1.6 / self.logo.ratio))
            wide = round(tall * self.logo.ratio)
            for top in (margin, height - margin - tall):
                for left in (width - margin - wide, margin):
                    box = (left, top, wide, tall)
                    if not any(_overlap(box, (s.left, s.top, s.width, s.height))
                               for s in taken):
                        return left, top, tall
        return None

    def _add_agenda(self, planned: PlannedSlide) -> None:
        """The chapters the deck shows, numbered in the order it shows them."""
        lang = self.guide.language
        shown = self.agenda_chapters()
        items = [Para(spans(c.title, lang), bullet="#", number=n,
                      indent=bullet_indent("#", len(shown)), space_before=0.5)
                 for n, c in enumerate(shown, 1)]
        said = [plain(self.guide.typography.pair(c.title, c.deck) if c.deck else c.title, lang)
                for c in shown]
        deckblocks.list_slides(self, planned, planned.title or self.guide.labels.agenda, items,
                               said=said)

    def _add_summary(self, planned: PlannedSlide) -> None:
        """One line per chapter shown: its `deck:` line, else its first takeaway."""
        lang = self.guide.language
        lines, said = [], []
        for chapter in self.agenda_chapters():
            first = next((b.items[0] for b in chapter.blocks if b.type == "takeaways"), None)
            text = chapter.deck or first
            if text:
                lines.append(Para(spans(text, lang), bullet="•", indent=1.0, space_before=0.5))
                said.append(plain(text, lang))
        title = planned.title or self.guide.labels.summary or self.guide.labels.key_takeaways
        deckblocks.list_slides(self, planned, title, lines, said=said)

    def _add_section(self, planned: PlannedSlide) -> None:
        """The divider: "Chapter N" above the chapter's title, its `deck:` line under it."""
        from pptx.util import Emu

        chapter = planned.chapter
        assert chapter is not None
        lang = self.guide.language
        title = planned.title or chapter.title
        slide = self.new_slide(planned, title, said=plain(chapter.deck or title, lang))
        if not chapter.deck:
            return
        body = self.text_target(slide, planned)
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
        if deckblocks.fit_into(self, body, [Para(spans(chapter.deck, lang))], 24, 18, planned,
                               1, slide):
            self._unsummarised.append(chapter.number)


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


def _overlap(a: tuple[int, int, int, int], b: tuple[Any, Any, Any, Any]) -> bool:
    return (min(a[0] + a[2], b[0] + b[2]) > max(a[0], b[0])
            and min(a[1] + a[3], b[1] + b[3]) > max(a[1], b[1]))


def _slide_number(shape, number: str) -> None:  # noqa: ANN001
    """A real slide-number field, so PowerPoint renumbers when slides move."""
    from lxml import etree

    from smguide.deck.theme import NS

    paragraph = shape.text_frame.paragraphs[0]
    for child in list(paragraph._p):
        if child.tag != f"{{{NS['a']}}}pPr":
            paragraph._p.remove(child)
    fld = etree.SubElement(paragraph._p, f"{{{NS['a']}}}fld", id=SLIDENUM_FIELD,
                           type="slidenum")
    etree.SubElement(fld, f"{{{NS['a']}}}rPr")
    etree.SubElement(fld, f"{{{NS['a']}}}t").text = number
