"""What every slide builder of one deck shares, made before the first slide: the guide,
the brand and the options, the deck plan, the opened template (or the built-in theme),
its layouts, the logo, the fonts text is measured with (measuring), its colours (tones),
its type scale (typescale) and notes (notes); and the helpers that put a slide on its
layout with its title (titles), eyebrow, notes and footer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smguide.deck import slides
from smguide.deck.builtinlayouts import KnownSheet
from smguide.deck.footer import LayoutFooter, add_footer
from smguide.deck.layouts import LayoutPicker, Pick
from smguide.deck.legible import legible_text
from smguide.deck.logo import Logo, load_logo
from smguide.deck.measuring import deck_fonts
from smguide.deck.notes import Notes, authored_notes, deck_notes, unwritten_notes
from smguide.deck.placeholders import PptxSheet, Sheet
from smguide.deck.plan import PlannedSlide, load_plan
from smguide.deck.textfit import HEIGHT_MARGIN, Box, Para, Span, stepped, text_height
from smguide.deck.theme import open_deck
from smguide.deck.titles import EYEBROW, TITLE_SIZES, eyebrow_of, set_title, title_size
from smguide.deck.tones import Tones
from smguide.deck.typescale import TypeScale
from smguide.deck.write import INSET_X, INSET_Y, Area, frame_box, plain
from smguide.errors import Problem, Severity, Where
from smguide.model.guide import Guide
from smguide.model.options import DeckOptions
from smguide.sources.brand import Brand
from smguide.sources.markdown import writing

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import Slide, SlideLayout


class DeckContext:
    """One deck's shared state; `warnings` collects what the user should know (e.g.
    unknown fonts). `plan` replaces the deck plan's slides (e.g. the roster's cohort
    slide); `on_page(planned, page)` is told of every slide made, before it is (`page`:
    0 for a planned slide's first, 1 and on for its "(cont.)" slides).

    `fitting`: the builders measure every text as for the real deck and tell `on_page`
    of every slide, but make no slide (fit_slide instead of new_slide): what `check`
    needs to know, which texts overflow, without building the deck. Only for the
    built-in theme (a company template's placeholders are named as each slide is made)."""

    def __init__(self, guide: Guide, brand: Brand, options: DeckOptions,
                 templates: Path | None = None, plan: list[PlannedSlide] | None = None,
                 on_page: Callable[[PlannedSlide, int], None] | None = None,
                 warnings: list[Problem] | None = None, fitting: bool = False) -> None:
        if fitting and options.template is not None:
            raise ValueError("fitting without slides is for the built-in theme only")
        self.guide, self.brand, self.options = guide, brand, options
        self.fitting = fitting
        self._fitted = 0  # slides counted while fitting
        self.on_page = on_page
        self.warnings: list[Problem] = [] if warnings is None else warnings
        # the guide's language and quotation marks, for every text the slides set
        self.lang = writing(guide.language, guide.typography)
        self.plan: list[PlannedSlide] = load_plan(guide, templates) if plan is None else plan
        logo = load_logo(brand)
        if logo is not None and guide.labels.logo_alt:  # in the guide's language
            logo = replace(logo, alt=guide.labels.logo_alt)
        self.logo: Logo | None = logo
        template = options.template
        self._prs: Presentation | None = None
        self.sheet: Sheet
        if fitting:  # the built-in theme's layouts known as data: no deck opened
            self.sheet = KnownSheet(brand, options.aspect or "16:9", logo)
        else:
            self._prs = open_deck(brand, template, options.aspect, logo)
            if template is not None:  # its text styles where they do not read on its
                legible_text(self._prs)  # own backgrounds (the built-in theme's do)
            self.sheet = PptxSheet(self._prs)
        self.source = str(template) if template else "the built-in theme"
        self.head_fonts, self.body_fonts, self.own_body_fonts, self.own_head_fonts = deck_fonts(
            brand, self._prs, template is not None, self.warn)
        self.picker = LayoutPicker(self.sheet, brand.layouts if template else {}, self.source,
                                   brand.layout_where,
                                   self._title_room(TITLE_SIZES["slide"][0]) if template else 0,
                                   self._title_room(stepped(TITLE_SIZES["slide"][0], -1)))
        for planned in self.plan:  # every layout is found (or a pin refused) before any slide
            self.pick_of(planned)
        if template is not None and len(self.sheet.layouts) == 1:
            self._one_layout(self.sheet.layouts[0].name)
        # per layout, computed once: its footer/number placeholders and the frames slide
        # placeholders inherit (python-pptx looks each up by XPath every time)
        self.footer_marks: dict[int, LayoutFooter] = {}
        self._boxes: dict[tuple[int, int], Box] = {}
        self._geometries: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        self.unsummarised: list[int] = []  # chapters whose divider could not show `deck:`
        self._override: dict[int, Area] = {}  # planned slide -> a larger content area
        self.tones = Tones(self.sheet)
        self.scale = TypeScale(self.box_of, self.body_fonts, self.own_body_fonts)
        self.notes = Notes()
        self.title_lines: dict[str, list[str]] = {}  # a title -> the lines it is set in

    def _one_layout(self, name: str) -> None:
        """A template of a single layout: what the deck does with it, and the fix."""
        title = self.picker.by_role("content").title
        how = ("their titles and content in text boxes" if title is None else
               "the title moved up from the slide's foot, the content under it"
               if title.top >= self.sheet.height / 2 else "the content under the title")
        self.warn(Problem.fix(Where(""), f'the template has only one slide layout ("{name}"): '
                              f"every slide is made on it, content slides with {how}",
                              'add "Title and Content", "Two Content" and "Title Only" '
                              "layouts to its slide master to lay content slides out as "
                              "its designer would", severity="warning"))

    def _title_room(self, size: float) -> int:
        """The height (EMU) a content slide's title box needs for the eyebrow and two
        lines of a content title at `size`, in the heading fonts (LayoutPicker: a
        company template's title box too small for them at 28 pt grows to hold them at
        32, a third over the lists' 24, by at most the eyebrow's height)."""
        two = text_height([Para((Span("M", True),))] * 2, 1000.0, float(size),
                          self.head_fonts)
        return round((EYEBROW * 1.6 + two / HEIGHT_MARGIN + 2 * INSET_Y + 1) * 12700)

    @property
    def prs(self) -> Presentation:
        """The deck the slides go into (there is none while fitting)."""
        if self._prs is None:
            raise ValueError("a deck laid out with fitting=True makes no slides")
        return self._prs

    @property
    def slide_count(self) -> int:
        """The slides made so far (counted, while fitting)."""
        return self._fitted if self.fitting else len(self.prs.slides)

    def drop_slides_after(self, count: int) -> None:
        """Remove the slides after the first `count` (a block that did not fit)."""
        if self.fitting:
            self._fitted = min(self._fitted, count)
            return
        ids = self.prs.slides._sldIdLst
        for slide_id in list(ids)[count:]:
            self.prs.part.drop_rel(slide_id.rId)
            ids.remove(slide_id)

    def pick_of(self, planned: PlannedSlide) -> Pick:
        """The template's layout for this slide, and where its content goes."""
        block = planned.block.type if planned.block is not None else None
        return self.picker.pick(planned.kind, block, planned.layout, planned.where)

    def layout_of(self, planned: PlannedSlide) -> SlideLayout:
        """The slide layout of the deck the slide goes on (not while fitting)."""
        layout = self.pick_of(planned).layout
        if layout is None:
            raise ValueError("a deck laid out with fitting=True has no slide layouts")
        return layout

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
                inside, box = self.area_of(planned), texts[column]
                if len(texts) == 1 and _trimmed(box, inside):
                    shape.left, shape.top = Emu(inside.left), Emu(inside.top)
                    shape.width, shape.height = Emu(inside.width), Emu(inside.height)
                elif box.top > self.geometry(shape)[1]:  # under a title grown for its
                    shape.left, shape.top = Emu(box.left), Emu(box.top)  # eyebrow
                    shape.width, shape.height = Emu(box.width), Emu(box.height)
                return shape
        return self.text_box(slide, area or self.area_of(planned))

    def target_box(self, planned: PlannedSlide, column: int = 0) -> tuple[Box, bool]:
        """(text frame, whether a placeholder) of what text_target would give, without a
        slide (while fitting)."""
        texts = self.own_texts(planned)
        if column < len(texts):
            idx = texts[column].idx
            size = self.cloned(planned).get(idx)
            if size is not None:
                inside = self.area_of(planned)
                if len(texts) == 1 and _trimmed(texts[column], inside):
                    return inside.box, True
                return Area(0, 0, *size).box, True
        return self.area_of(planned).box, False

    def cloned(self, planned: PlannedSlide) -> dict[int, tuple[int, int]]:
        """idx -> (width, height) of the placeholders a slide on the planned layout gets."""
        return self.sheet.cloned(self.picker.layouts[self.pick_of(planned).number - 1])

    def text_box(self, slide: Slide, area: Area) -> Any:
        """A text box standing in for a placeholder the layout lacks."""
        from pptx.util import Emu

        box = slide.shapes.add_textbox(Emu(area.left), Emu(area.top), Emu(area.width),
                                       Emu(area.height))
        box.name = "Text"
        return box

    def new_slide(self, planned: PlannedSlide, title: str, page: int = 0,
                  said: str = "", extra: str = "", pages: int = 1,
                  continues: str | None = None) -> Slide:
        """A slide on the planned layout (page `page` of the `pages` a block runs over):
        its eyebrow and title fitted (a later page's: `continues`, naming what
        continues, else the title marked as continued), its own notes (the author's
        share for this page, else what the slide leaves out: `extra`, and for a
        diagram `said`, its account of its parts; see notes.unwritten_notes; on the
        deck's own slides `extra` follows their lead-in) and footer."""
        if self.on_page is not None:
            self.on_page(planned, page)
        layout = self.layout_of(planned)
        slide = self.prs.slides.add_slide(layout)
        title = self.page_title(title, page, continues)
        kind = planned.kind if planned.kind in TITLE_SIZES else "slide"
        eyebrow = eyebrow_of(self, planned, title)
        set_title(self, slide, title, kind, planned, eyebrow)
        authored = authored_notes(self.guide, self.plan, planned, page, pages)
        # the author's notes are what the presenter says, whole; without them a block's
        # slide says what it leaves out (unwritten_notes), another the guide's lines
        # for its kind (deck_notes); both then lead on to the next slide
        if authored:
            notes = authored
        elif planned.kind == "block":
            notes = unwritten_notes(self.guide, self.plan, planned, page, said, extra,
                                    self.notes)
        else:
            parts = [plain(c.title, self.lang) for c in self.agenda_chapters()]
            notes = deck_notes(self.guide, planned, parts)
            if extra:  # what the slide leaves out (a summary's other points), after the lead-in
                lead, _, rest = notes.partition("\n")
                notes = "\n".join(part for part in (lead, extra, rest) if part)
        if not authored:  # never a sentence that speaks to a reader of the handbook
            notes = self.guide.spoken.unaddressed(notes)
        self.notes.put(slide, notes, title, planned, leads_on=not authored)
        if planned.kind not in ("title", "closing"):
            add_footer(self, slide, layout, self.pick_of(planned))
        return slide

    def page_title(self, title: str, page: int, continues: str | None = None) -> str:
        """The title of a block's page `page`: its title on the first, then `continues`
        (what continues, named), else the title marked as continued."""
        if not page:
            return title
        return continues or f"{title} ({self.guide.labels.continued})"

    def fit_slide(self, planned: PlannedSlide, title: str, page: int = 0,
                  continues: str | None = None) -> float:
        """What new_slide measures, without a slide (while fitting): `on_page` is told,
        the slide counted and its title fitted to the title placeholder it would get (the
        size it gets, returned)."""
        if self.on_page is not None:
            self.on_page(planned, page)
        self._fitted += 1
        title = self.page_title(title, page, continues)
        kind = planned.kind if planned.kind in TITLE_SIZES else "slide"
        eyebrow = eyebrow_of(self, planned, title)
        box, shape = self.title_box(planned)
        return title_size(self, title, kind, planned, eyebrow, box, shape)[0]

    def title_box(self, planned: PlannedSlide) -> tuple[Box, Any]:
        """(text frame, shape or area) of the title a slide on the planned layout gets,
        without a slide: its placeholder 0, cloned from the layout's (dates, footers and
        slide numbers are not cloned), at the layout placeholder's position; else where
        titles go."""
        size = self.cloned(planned).get(0)
        pick = self.pick_of(planned)
        area = pick.title_area
        own = self.picker.layouts[pick.number - 1].title
        if size is not None and pick.title is not None and own is not None and \
                own.top >= self.sheet.height / 2 > pick.title.top:
            size = (pick.title.width, pick.title.height)  # moved up from the slide's foot
        elif size is not None and pick.title is not None and pick.title.height > size[1]:
            size = (size[0], pick.title.height)  # grown to hold the eyebrow (LayoutPicker)
        shape = Area(0, 0, *size) if size is not None else None
        box = shape.box if shape is not None and shape.width and shape.height else area.box
        return box, shape if shape is not None else area

    def fit_pages(self, planned: PlannedSlide, title: str,
                  continues: Sequence[str | None]) -> None:
        """fit_slide for each of a block's slides, the later ones titled `continues`."""
        for page, named in enumerate(continues):
            self.fit_slide(planned, title, page, named)

    def chapter_number(self, chapter: Any) -> int:
        """The chapter's place among the chapters the deck shows (as the agenda counts)."""
        shown = self.agenda_chapters()
        return shown.index(chapter) + 1 if chapter in shown else chapter.number

    def agenda_chapters(self) -> list[Any]:
        """The chapters that have slides, in the order the deck shows them."""
        seen: list[Any] = []
        for planned in self.plan:
            if planned.chapter is not None and planned.chapter not in seen:
                seen.append(planned.chapter)
        return seen

    def set_override(self, planned: PlannedSlide, area: Area) -> None:
        """Lay `planned` out in `area` (a larger part of the slide), in text boxes."""
        self._override[id(planned)] = area

    def geometry(self, shape: Any) -> tuple[int, int, int, int]:
        """(left, top, width, height) of `shape`; a slide placeholder without its own
        position has its layout placeholder's (python-pptx reads it from the layout, and
        the master, by XPath for each value), looked up once per layout and placeholder."""
        element = shape._element
        if not shape.is_placeholder or element.xfrm is not None:
            return shape.left, shape.top, shape.width, shape.height
        key = (id(shape.part.slide_layout), element.ph_idx)
        found = self._geometries.get(key)
        if found is None:
            found = self._geometries[key] = (shape.left, shape.top, shape.width,
                                             shape.height)
        return found

    def where(self, planned: PlannedSlide) -> str:
        if planned.chapter is None:
            return f"the {planned.kind} slide"
        where = planned.chapter.source
        if planned.block is not None:
            index = planned.chapter.blocks.index(planned.block)
            where += f": block {index + 1} ({planned.block.type})"
        return where

    def area_of(self, planned: PlannedSlide) -> Area:
        """Where a slide's content goes: the layout's body, else below the title."""
        return self._override.get(id(planned)) or self.pick_of(planned).area

    def edge_area(self, planned: PlannedSlide) -> Area:
        """The content area from where the title's text starts to where it ends: for what
        shows its own edge (a panel, a table, a card, a banner), so that everything on a
        slide starts at one left edge with the text of the title and lists (text boxes
        take the whole area_of and start their text an inset in)."""
        return self.area_of(planned).narrowed(round(INSET_X * 12700))

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


    def at(self, planned: PlannedSlide, message: str, suggestion: str | None = None,
           severity: Severity = "warning") -> Problem:
        """A problem of a planned slide, where `where` says it is: at its chapter file and
        block (field blocks[N], said "block N+1 (type)"), at its chapter file, or, for a
        slide of its own, at no file ("the title slide: ...")."""
        chapter, block = planned.chapter, planned.block
        if chapter is None:
            return Problem(severity, "", None, None, None, f"{self.where(planned)}: {message}",
                           None, suggestion)
        if block is None:
            return Problem(severity, chapter.source, None, None, None, message, None,
                           suggestion)
        index = chapter.blocks.index(block)
        return Problem(severity, chapter.source, None, None, f"blocks[{index}]", message, None,
                       suggestion, label=f"block {index + 1} ({block.type})")

    def warn(self, problem: Problem) -> None:
        """A warning; on a company template, at the template (the line names it first,
        then the place in the content)."""
        if self.options.template:
            problem = Problem("warning", self.source, None, None, None, problem.line_text(),
                              problem.expected, problem.suggestion)
        if problem not in self.warnings:
            self.warnings.append(problem)



def _trimmed(box: Any, inside: Area) -> bool:
    """Whether the content area `inside` lies within the placeholder `box` and differs
    from it: the placeholder is then trimmed to the area (text_target, target_box)."""
    return (inside.left >= box.left and inside.top >= box.top
            and inside.left + inside.width <= box.right
            and inside.top + inside.height <= box.bottom
            and (box.left, box.top, box.width, box.height)
            != (inside.left, inside.top, inside.width, inside.height))

