"""What every slide builder of one deck shares, made before the first slide: the guide,
the brand and the options, the deck plan, the opened template (or the built-in theme),
its layouts, the logo and the fonts text is measured with; and the helpers that put a
slide on its layout with its title, eyebrow, notes and footer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smguide.deck import slides
from smguide.deck.fonts import face_file
from smguide.deck.footer import add_footer
from smguide.deck.layouts import LayoutPicker, Pick
from smguide.deck.logo import Logo, load_logo
from smguide.deck.plan import PlannedSlide, load_plan
from smguide.deck.textfit import (
    Box,
    Fonts,
    Para,
    Span,
    largest_size,
    load_metrics,
    room_between,
    spread,
    system_fonts,
    widest,
)
from smguide.deck.theme import open_deck, theme_fonts
from smguide.deck.write import INSET_X, Area, fill, frame_box, plain, typed_spans
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
HIERARCHY = 1.2  # a content title is at least this many times the size of body text
SPREAD = 0.7  # lines a role card's list items may open up by, to fill the card's height


def family_fonts(brand: Brand, family: str, widen: float = 1.0) -> Fonts:
    """The brand's font files for `family` (falling back to its closest faces)."""
    return Fonts(*(load_metrics(face_file(brand, family, b, i), widen)
                   for b, i in ((False, False), (True, False), (False, True), (True, True))))


# fonts every copy of PowerPoint has (Windows, macOS, Microsoft 365): never substituted
EVERYWHERE = frozenset(name.lower() for name in (
    "Arial", "Arial Black", "Arial Narrow", "Calibri", "Calibri Light", "Cambria", "Candara",
    "Century Gothic", "Consolas", "Constantia", "Corbel", "Courier New", "Franklin Gothic",
    "Garamond", "Georgia", "Gill Sans MT", "Helvetica", "Helvetica Neue", "Segoe UI",
    "Tahoma", "Times New Roman", "Trebuchet MS", "Verdana", "Aptos"))
# what PowerPoint shows for a font it does not have is Arial; Liberation Sans has Arial's
# widths (fonts-liberation). Without it, the deck's own font 8% wider stands in (Arial
# Bold is 7.6% wider than Lato Bold; the regular faces are within 1%).
SUBSTITUTE, SUBSTITUTE_WIDEN = "Liberation Sans", 1.08


@lru_cache(maxsize=1)
def _substitute_fonts() -> Fonts | None:
    return system_fonts(SUBSTITUTE)


def substitute_for(family: str, fonts: Fonts) -> Fonts:
    """`fonts`, or for a family PowerPoint may not have, the wider of them and the font
    PowerPoint puts in its place: text measured so fits on a computer without it too."""
    if family.lower() in EVERYWHERE:
        return fonts
    other = _substitute_fonts()
    if other is None:
        other = Fonts(*(replace(face, advances={code: width * SUBSTITUTE_WIDEN
                                                for code, width in face.advances.items()},
                                fallback=face.fallback * SUBSTITUTE_WIDEN)
                        for face in (fonts.regular, fonts.bold, fonts.italic,
                                     fonts.bold_italic)))
    return widest(fonts, other)




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
                 warnings: list[str] | None = None, fitting: bool = False) -> None:
        from smguide.sources.markdown import use_quotes

        if fitting and options.template is not None:
            raise ValueError("fitting without slides is for the built-in theme only")
        self.guide, self.brand, self.options = guide, brand, options
        self.fitting = fitting
        self._fitted = 0  # slides counted while fitting
        self.on_page = on_page
        self.warnings: list[str] = [] if warnings is None else warnings
        use_quotes(guide.language, guide.typography.quotes)
        self.plan: list[PlannedSlide] = load_plan(guide, templates) if plan is None else plan
        logo = load_logo(brand)
        if logo is not None and guide.labels.logo_alt:  # in the guide's language
            logo = replace(logo, alt=guide.labels.logo_alt)
        self.logo: Logo | None = logo
        template = options.template
        self.prs: Presentation = open_deck(brand, template, options.aspect, logo)
        self.source = str(template) if template else "the built-in theme"
        self.picker = LayoutPicker(self.prs, brand.layouts if template else {}, self.source,
                                   brand.layout_where)
        for planned in self.plan:  # every layout is found (or a pin refused) before any slide
            self.pick_of(planned)
        # per layout, computed once: its footer/number placeholders and the frames slide
        # placeholders inherit (python-pptx looks each up by XPath every time)
        self.footer_marks: dict[int, dict[Any, Any]] = {}
        self._boxes: dict[tuple[int, int], Box] = {}
        self._geometries: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        self.unsummarised: list[int] = []  # chapters whose divider could not show `deck:`
        self._override: dict[int, Area] = {}  # planned slide -> a larger content area
        self.head_fonts, self.body_fonts = self._fonts()
        self._sized: dict[str, list[tuple[Any, list[Para], float]]] = {}
        self._spread: dict[object, list[int]] = {}  # a slide's columns -> their ids
        # id(shape) -> what follows its text's final size (a panel sized to its text)
        self._then: dict[int, Callable[[float], None]] = {}
        self._notes: dict[str, int] = {}

    def _fonts(self) -> tuple[Fonts, Fonts]:
        """Measure with the fonts the deck's theme names (theme_fonts_for), and, for a
        family a presenter's computer may lack, with the font PowerPoint shows instead
        as well (substitute_for): text fits with either."""
        head, body = self._theme_fonts()
        self.own_body_fonts = body  # the theme's own, for text with no room to spare
        families = (theme_fonts(self.prs.slide_master) if self.options.template is not None
                    else (self.brand.heading_family, self.brand.base_family))
        return (substitute_for(families[0], head), substitute_for(families[1], body))

    def _theme_fonts(self) -> tuple[Fonts, Fonts]:
        """The fonts the deck's theme names: the brand's files, else installed ones, else
        the brand's font widened by 15% (and say so)."""
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
                inside = self.area_of(planned)
                if len(texts) == 1 and _trimmed(texts[column], inside):
                    shape.left, shape.top = Emu(inside.left), Emu(inside.top)
                    shape.width, shape.height = Emu(inside.width), Emu(inside.height)
                return shape
        return self.text_box(slide, area or self.area_of(planned))

    def target_box(self, planned: PlannedSlide, column: int = 0) -> tuple[Box, bool]:
        """(text frame, whether a placeholder) of what text_target would give, without a
        slide (while fitting)."""
        texts = self.own_texts(planned)
        if column < len(texts):
            idx = texts[column].idx
            layout = self.pick_of(planned).layout
            if any(ph.placeholder_format.idx == idx
                   for ph in layout.iter_cloneable_placeholders()):
                inside = self.area_of(planned)
                if len(texts) == 1 and _trimmed(texts[column], inside):
                    return inside.box, True
                return frame_box(layout.placeholders.get(idx=idx)), True
        return self.area_of(planned).box, False

    def text_box(self, slide: Slide, area: Area) -> Any:
        """A text box standing in for a placeholder the layout lacks."""
        from pptx.util import Emu

        box = slide.shapes.add_textbox(Emu(area.left), Emu(area.top), Emu(area.width),
                                       Emu(area.height))
        box.name = "Text"
        return box

    def new_slide(self, planned: PlannedSlide, title: str, page: int = 0,
                  said: str = "", extra: str = "", pages: int = 1) -> Slide:
        """A slide on the planned layout (page `page` of the `pages` a block runs over):
        its eyebrow and title fitted, its own notes (the author's share for this page,
        else `said`: what the slide shows, as sentences, then `extra`: what it leaves
        out) and footer."""
        if self.on_page is not None:
            self.on_page(planned, page)
        layout: SlideLayout = self.pick_of(planned).layout
        slide = self.prs.slides.add_slide(layout)
        if page:
            title = f"{title} ({self.guide.labels.continued})"
        kind = planned.kind if planned.kind in TITLE_SIZES else "slide"
        eyebrow = self.eyebrow_of(planned, title)
        self.set_title(slide, title, kind, planned, eyebrow)
        authored = self.authored_notes(planned, page, pages)
        # the author's notes are what the presenter says, whole; without them the slide's
        # own text is said, then what it leaves out
        notes = authored or (f"{said}\n{extra}" if extra else said)
        self.set_notes(slide, notes, title)
        if planned.kind not in ("title", "closing"):
            add_footer(self, slide, layout, self.pick_of(planned))
        return slide

    def fit_slide(self, planned: PlannedSlide, title: str, page: int = 0) -> None:
        """What new_slide measures, without a slide (while fitting): `on_page` is told,
        the slide counted and its title fitted to the title placeholder it would get."""
        if self.on_page is not None:
            self.on_page(planned, page)
        self._fitted += 1
        if page:
            title = f"{title} ({self.guide.labels.continued})"
        kind = planned.kind if planned.kind in TITLE_SIZES else "slide"
        eyebrow = self.eyebrow_of(planned, title)
        layout = self.pick_of(planned).layout
        # a slide's title is its placeholder 0, cloned from the layout's (dates, footers
        # and slide numbers are not cloned), at the layout placeholder's position
        cloned = any(ph.placeholder_format.idx == 0
                     for ph in layout.iter_cloneable_placeholders())
        shape = layout.placeholders.get(idx=0) if cloned else None
        area = self.pick_of(planned).title_area
        box = frame_box(shape) if shape is not None and shape.width and shape.height \
            else area.box
        self._title_size(title, kind, planned, eyebrow, box, shape if shape is not None
                         else area)

    def fit_pages(self, planned: PlannedSlide, title: str, pages: int) -> None:
        """fit_slide for each of a block's `pages` slides."""
        for page in range(pages):
            self.fit_slide(planned, title, page)

    def eyebrow_of(self, planned: PlannedSlide, title: str) -> str | None:
        """The uppercase line above a title, as in the handbook: the chapter's title on
        its slides, "Chapter N" on a slide titled like the chapter. A divider has none: its
        title is the chapter's, and the deck's only divider saying "Chapter 7" reads as
        generated (only chapters of several content blocks get one)."""
        chapter = planned.chapter
        if chapter is None or planned.kind != "block":
            return None
        if title.startswith(plain(chapter.title,
                                                                 self.guide.language)):
            return f"{self.guide.labels.chapter} {self.chapter_number(chapter)}"
        return plain(chapter.title, self.guide.language)

    def readable(self, tone: str, on: str, large: bool = False) -> str:
        """`tone` for text on a fill of tone `on`, if it reads there (WCAG: 4.5:1, 3:1 for
        large or bold text), else whichever of the text and background colours reads
        better (a dark deck's lightened primary on its shaded boxes, say)."""
        from smguide.deck.theme import shown_colours
        from smguide.model.colors import contrast

        if not hasattr(self, "_colours"):
            self._colours = shown_colours(self.prs.slide_master)
        colours = self._colours
        if tone not in colours or on not in colours:
            return tone
        if contrast(colours[tone], colours[on]) >= (3.0 if large else 4.5):
            return tone
        return max(("tx1", "bg1", "dk1", "lt1"),
                   key=lambda other: contrast(colours.get(other, colours[on]), colours[on]))

    def lightened(self, tone: str, on: str) -> str | None:
        """`tone` with the least lightness added (in steps of 2 %, as PowerPoint's lumOff)
        at which it reads as text on `on` (4.5:1), as "tone:lumOff"; None if none does
        (or `on` is the lighter)."""
        import colorsys

        from smguide.deck.theme import shown_colours
        from smguide.model.colors import contrast, luminance

        if not hasattr(self, "_colours"):
            self._colours = shown_colours(self.prs.slide_master)
        base, ground = self._colours.get(tone), self._colours.get(on)
        if base is None or ground is None or luminance(ground) > luminance(base):
            return None
        hue, light, sat = colorsys.rgb_to_hls(*(int(base[i:i + 2], 16) / 255
                                                for i in (1, 3, 5)))
        for step in range(1, 50):
            rgb = colorsys.hls_to_rgb(hue, min(1.0, light + step / 50), sat)
            if contrast("#" + "".join(f"{round(c * 255):02x}" for c in rgb), ground) >= 4.5:
                return f"{tone}:{step * 2000}"
        return None

    def darkest(self) -> str:
        """The darker of the theme's two text slots, for text on a light tint whatever the
        slide's background (a dark deck swaps dk1 and lt1)."""
        from smguide.deck.theme import shown_colours
        from smguide.model.colors import luminance

        if not hasattr(self, "_colours"):
            self._colours = shown_colours(self.prs.slide_master)
        found = [slot for slot in ("dk1", "lt1") if slot in self._colours]
        return min(found, key=lambda slot: luminance(self._colours[slot])) if found else "dk1"

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
        elif not all(self.geometry(shape)[2:]):  # no position on the layout nor the master
            shape.left, shape.top = Emu(area.left), Emu(area.top)
            shape.width, shape.height = Emu(area.width), Emu(area.height)
        paras = [Para(typed_spans(text, self.guide.language))]
        bold = [Para(tuple(Span(s.text, True, s.italic) for s in paras[0].spans))]
        box = self.box_of(shape)
        size, eyebrow = self._title_size(text, kind, planned, eyebrow, box, shape)
        room = EYEBROW * 1.6
        # in the brand's heading weight (bold for 600 and up), whatever the template's title
        # style says: measured bold, so set bold
        self.fill_family(f"title:{kind}", shape, bold if self.brand.heading_weight >= 600
                         else paras, size)
        if eyebrow:
            left, top, width, height = self.geometry(shape)
            shape.left, shape.top, shape.width = Emu(left), Emu(top + Pt(room)), Emu(width)
            shape.height = Emu(height - Pt(room))
            line = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Pt(room))
            line.name = "Eyebrow"
            words = Para(typed_spans(eyebrow, self.guide.language, bold=True),
                         tone="accent2")
            short = planned.chapter.short_title if planned.chapter is not None else None
            if not self._one_line(words, width, box.inset_x) and short:
                words = Para(typed_spans(short, self.guide.language, bold=True),
                             tone="accent2")  # the running head's short title
            if not self._one_line(words, width, box.inset_x):
                words = Para((Span(f"{self.guide.labels.chapter} "
                                   f"{self.chapter_number(planned.chapter)}", True),),
                             tone="accent2")
            fill(line, [words], EYEBROW)
            for run in line.text_frame.paragraphs[0].runs:  # capitals shown, words kept
                run.font._rPr.set("cap", "all")
            line.text_frame.margin_top = line.text_frame.margin_bottom = 0
            line.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM


    def _title_size(self, text: str, kind: str, planned: PlannedSlide, eyebrow: str | None,
                    box: Box, shape: Any) -> tuple[float, str | None]:
        """(size, eyebrow kept) of a title in the `box` of its `shape`: an eyebrow takes
        the top of the box when there is room for both, else the title has the whole
        box; a title that fits in neither is refused."""
        base, minimum = TITLE_SIZES[kind]
        bold = [Para(tuple(Span(s.text, True, s.italic)
                           for s in typed_spans(text, self.guide.language)))]
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
        return size, eyebrow

    def _one_line(self, words: Para, width: int, inset: float) -> bool:
        """Does `words`, in capitals, fit on one eyebrow line `width` EMU wide?"""
        capitals = Para(tuple(replace(s, text=s.text.upper()) for s in words.spans))
        one_line = Box(width / 12700, EYEBROW * 1.6, inset, 0)
        return largest_size([capitals], one_line, self.body_fonts, EYEBROW, EYEBROW) is not None

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

    def fill_family(self, family: str, shape: Any, paras: list[Para], size: float,
                    spread_with: object = None) -> None:
        """Fill `shape`, remembering it: siblings (every content title, every list, both
        role slides) are set to one size at the end (see unify). Shapes given the same
        `spread_with` (the columns of one slide) open up the gaps between their list
        items by one amount once that size is known, so their text fills their height."""
        fill(shape, paras, size)
        self._sized.setdefault(family, []).append((shape, paras, size))
        if spread_with is not None:
            self._spread.setdefault(spread_with, []).append(id(shape))

    def then_sized(self, shape: Any, follow: Callable[[float], None]) -> None:
        """Call `follow` with the size a filled family member's text ends up at (after
        unify), so what is drawn around it (the takeaways panel) fits that text."""
        self._then[id(shape)] = follow

    def unify(self) -> None:
        """One type scale: each family at the smallest size any of its members needed
        (a smaller size always fits where a larger one did); where a template's small
        title box takes content titles down, the lists and role cards step down with
        them, so a title stays HIERARCHY times their size (never below 18 pt)."""
        commons = {family: min(size for _, _, size in members)
                   for family, members in self._sized.items()}
        title = commons.get("title:slide")
        if title is not None:
            for family in ("list", "list:lead", "role", "role header"):
                if family in commons:
                    commons[family] = min(commons[family],
                                          max(18.0, round(title / HIERARCHY * 2) / 2))
        extra = self._spread_gaps(commons)
        for family, members in self._sized.items():
            common = commons[family]
            for shape, paras, size in members:
                if id(shape) in extra:
                    paras = spread(paras, extra[id(shape)])
                if size != common or id(shape) in extra:
                    frame = shape.text_frame  # fill() resets the insets: keep them
                    insets = (frame.margin_left, frame.margin_right, frame.margin_top,
                              frame.margin_bottom)
                    fill(shape, paras, common)
                    (frame.margin_left, frame.margin_right, frame.margin_top,
                     frame.margin_bottom) = insets
                if id(shape) in self._then:
                    self._then[id(shape)](common)

    def _spread_gaps(self, commons: dict[str, float]) -> dict[int, float]:
        """id(shape) -> the lines added before its list items: for each group of shapes
        (a slide's columns), the least any of them has room for, up to SPREAD."""
        sized = {id(shape): (shape, paras, commons[family])
                 for family, members in self._sized.items() for shape, paras, _ in members}
        out: dict[int, float] = {}
        for ids in self._spread.values():
            rooms = [room for key in ids if (room := room_between(
                sized[key][1], self.box_of(sized[key][0]), sized[key][2], self.body_fonts,
                SPREAD)) is not None]
            if rooms and min(rooms) > 0:
                out.update(dict.fromkeys(ids, min(rooms)))
        return out

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
            where += f": block {index + 1} ({planned.block.type})"
        return where

    def authored_notes(self, planned: PlannedSlide, page: int = 0, pages: int = 1
                       ) -> str | None:
        """The notes the author wrote for this slide, as plain text, one line a paragraph:
        the plan's notes, else a block's `notes:` (after the chapter's on the chapter's
        first slide when it has no divider), a divider's: the chapter's; the title,
        agenda, summary and closing slides: guide.yaml's `deck:`. A block over several
        slides shares its notes' paragraphs out in order (shares_of); a slide left
        without one has none (None)."""
        lang, chapter, block = self.guide.language, planned.chapter, planned.block
        deck = self.guide.deck
        own: list[str | None] = [None if page else planned.notes]
        if planned.kind == "section" and chapter is not None:
            own += [chapter.notes, chapter.summary]
        elif planned.kind == "block" and chapter is not None and block is not None:
            alone = not any(p.kind == "section" and p.chapter == chapter for p in self.plan)
            first = next(p for p in self.plan if p.chapter == chapter)
            lead = chapter.notes if alone and first == planned and not page else None
            shares = shares_of(block.notes.split("\n\n") if block.notes else [], pages)
            share = "\n\n".join(shares[page]) if page < len(shares) else None
            own += ["\n\n".join(t for t in (lead, share) if t) or None]
        elif page:
            return None
        elif deck is not None:
            own += [{"title": deck.opening, "agenda": deck.agenda, "summary": deck.summary,
                     "closing": deck.closing}.get(planned.kind)]
        if planned.kind == "title":
            own += [self.guide.description]
        for text in own:
            if text:
                return "\n".join(plain(part, lang) for part in text.split("\n\n"))
        return None

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


    def warn(self, message: str) -> None:
        """A warning, naming the template when there is one."""
        if self.options.template:
            message = f"{self.source}: {message}"
        if message not in self.warnings:
            self.warnings.append(message)


def _trimmed(box: Any, inside: Area) -> bool:
    """Whether the content area `inside` lies within the placeholder `box` and differs
    from it: the placeholder is then trimmed to the area (text_target, target_box)."""
    return (inside.left >= box.left and inside.top >= box.top
            and inside.left + inside.width <= box.right
            and inside.top + inside.height <= box.bottom
            and (box.left, box.top, box.width, box.height)
            != (inside.left, inside.top, inside.width, inside.height))


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
