"""Guide + brand -> the handbook's HTML and CSS, through the (overridable) Jinja templates."""

from __future__ import annotations

import base64
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from smguide.errors import Problem, RenderError, Where
from smguide.handbook.diagram import Diagrams
from smguide.handbook.endings import Fit
from smguide.handbook.facing import KEEP_TYPES
from smguide.handbook.grid import (
    FOLIO_GAPS,
    LEAD_SCALE,
    PAPERS,
    PT_PER_MM,
    PX_PER_MM,
    TextGrid,
    average_character_width,
    card_lead,
    face_has,
    head_gap,
    head_room,
    text_grid,
)
from smguide.handbook.headings import LETTER_RUNS, balance_leads, running_head, tie_headings
from smguide.handbook.hyphenation import hyphenator
from smguide.handbook.leads import mark_leads
from smguide.handbook.manuscript import Manuscript, PrintSpec
from smguide.handbook.spacing import WIDE_TYPES
from smguide.handbook.tables import MIN_PT, TableLayout, comparison_layout
from smguide.handbook.templatedata import Record, to_data
from smguide.handbook.templating import make_env, render, template_dirs
from smguide.handbook.typeset import Hyphenate, apart_labels, typeset
from smguide.model.colors import palette
from smguide.model.guide import Analogy, Guide
from smguide.model.options import PrintOptions
from smguide.model.typography import Typography
from smguide.paths import link_loop, real
from smguide.resources import ASSETS_DIR
from smguide.sources.brand import Brand
from smguide.sources.languages import dating_language, format_date, format_month
from smguide.sources.markdown import to_plain
from smguide.sources.punctuation import NARROW, without_narrow

# text (headings too), rules, writing lines and the footer: on the black plate only when
# near-grey, and as solid black when near-black
K_ONLY = ("foreground", "text", "headings", "muted", "rule", "dark", "arrow")


def _typeset_after(filter_: Callable[[str], Markup], words: Hyphenate | None,
                   names: tuple[str, ...], capitalised_names: bool,
                   quotes: tuple[str, ...] = ()) -> Callable[..., Markup]:
    """`filter_` followed by typeset.py; `hyphenate=False` in a template: no hyphenation
    (a list of takeaways, a summary)."""
    def typeset_text(text: str, hyphenate: bool = True) -> Markup:
        return typeset(filter_(text), hyphenate=words if hyphenate else None, names=names,
                       capitalised_names=capitalised_names, apart=words, quotes=quotes)
    return typeset_text


# languages that write every noun with a capital letter: a capital does not make a name
NOUNS_CAPITALISED = ("de", "lb", "gsw")


def printable(typography: Typography, brand: Brand) -> Typography:
    """The guide's typography with no narrow no-break space when a face of the brand's
    text or heading font lacks it (sources/punctuation.py)."""
    families = {brand.base_family, brand.heading_family}
    if all(face_has(face.path, NARROW) for face in brand.faces if face.family in families):
        return typography
    return without_narrow(typography)


def back_matter(guide: Guide) -> frozenset[str]:
    """The anchors of the chapters at the guide's end made of glossary blocks only (not
    every chapter: the first is the story's, however it is made)."""
    found: list[str] = []
    for chapter in reversed(guide.chapters[1:]):
        if not all(block.type == "glossary" for block in chapter.blocks):
            break
        found.append(chapter.anchor)
    return frozenset(found)


def wrap_text(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


# the cover's margins (mm: top and bottom, sides) on A5 and on the larger papers
COVER_MARGINS = {True: (18.0, 16.0), False: (28.0, 24.0)}
SUBTITLE_MM, SUBTITLE_SCALE = 118.0, 1.35  # the cover's subtitle (handbook.css)


def subtitle_room(paper: str) -> float:
    """The cover subtitle's measure (mm): its max-width, or the cover's width inside its
    margins where that is narrower (A5's 116 mm)."""
    sides = COVER_MARGINS[paper == "a5"][1]
    return min(SUBTITLE_MM, PAPERS[paper][2] - 2 * sides)


class HandbookRenderer:
    """Renders the handbook's HTML and CSS, and the manuscript the PDF engine lays out
    (with the files it may read). It reads the templates, the brand's regular font (to
    set the measure) and, for a print PDF, the output profile; it writes no file."""

    def __init__(self, guide: Guide, brand: Brand, templates: Path | None):
        self.guide, self.brand = guide, brand
        # the colours made readable on paper (sources.brand.readable_on_paper)
        self.colours = palette(brand.print_colours or brand.colours)
        self.colours.setdefault("on_primary", self.colours["background"])
        self.colours.setdefault("link", self.colours["primary"])
        self.template_dirs = template_dirs(templates)
        self.typography = printable(guide.typography, brand)
        self.env = make_env(templates, language=guide.language, typography=self.typography)
        self.env.filters["wrap"] = wrap_text
        inline = self.env.filters["md_inline"]
        words = self.words = hyphenator(guide.language)
        # table cells and a role card's columns: compounds kept whole, nothing tied, no
        # ligature across a compound's joint
        self.env.filters["md_cell"] = lambda text: typeset(inline(text), tie=False,
                                                           apart=words)
        # no runts, compounds kept whole, our own hyphenation (typeset.py); never of a name
        names = tuple(LETTER_RUNS.findall(brand.name or ""))
        language = guide.language.split("-")[0].lower()
        for name in ("md", "md_inline"):
            self.env.filters[name] = _typeset_after(
                self.env.filters[name], words, names, language not in NOUNS_CAPITALISED,
            tuple(self.typography.quotes))
        self.diagrams = Diagrams(self.env, self.colours, brand.base_family, guide.root)
        self.env.globals["analogy_diagram"] = self.analogy_diagram
        self.env.globals["analogy_key"] = self.analogy_key
        self.env.globals["asset_uri"] = self.asset_uri
        self.env.globals["comparison_layout"] = self.comparison_layout
        self.env.globals["running_head"] = self.running_head
        self.env.globals["back_matter"] = self.back_matter
        self.css_env = make_env(templates, html=False, language=guide.language,
                                typography=self.typography)
        grid = self.grid(PrintOptions())
        self.column_mm, self.body_pt = float(grid.measure), grid.font_size  # per paper size
        self.title_mm = grid.measure + grid.reach  # a chapter's title: text and notes margin
        self.head_mm = head_room(grid)  # the running head's line
        self.subtitle_mm = subtitle_room(PrintOptions().paper)
        self.reversed_pt: float | None = None  # in print: reversed type's least size
        self.date_for(PrintOptions().paper)

    def date_for(self, paper: str) -> None:
        """The templates' `date` filter writes dates as an edition on `paper` does
        (sources.languages.dating_language: an English guide without a region dates its
        Letter edition as Americans do, its A4 and A5 editions "1 December 2026")."""
        language = dating_language(self.guide.language, paper)
        ordinals = self.guide.typography.ordinal_day
        self.env.filters["date"] = lambda iso: format_date(iso, language, ordinals)
        self.env.filters["month"] = lambda iso: format_month(iso, language)

    def back_matter(self, chapter: Record) -> bool:
        """Whether a chapter is back matter, printed without a chapter number (in its
        opener and the contents): one of the chapters at the guide's end that hold
        glossaries only (a glossary is looked up, not read as a chapter of the story)."""
        data = to_data(chapter)
        anchor = data.get("anchor") if isinstance(data, Record) else None
        return anchor in back_matter(self.guide)

    def running_head(self, chapter: Record) -> str:
        """A chapter's running head: its short_title, else its title, on one line."""
        data = to_data(chapter)
        if not isinstance(data, Record):
            return ""
        title = data.get("short_title") or data.get("title") or ""
        return running_head(str(title), self.head_mm, self.brand)

    def asset_uri(self, relative: str) -> str:
        return real(Path(self.guide.root) / relative).as_uri()

    def analogy_key(self, block: Analogy | Record) -> list[str]:
        """The key's pictograms (handbook.diagram)."""
        return self.diagrams.key(block)

    def comparison_layout(self, block: Record) -> Record:
        """How a comparison is set at this paper's measure (handbook.tables): side by
        side at a size where every word fits its column, the aspects above the values,
        or stacked (a record of `kind`, `font_pt`, `header_pt`, `reversed_header` and
        `widths`, for the template)."""
        layout = self.table_layout(block)
        return Record("layout", {"kind": layout.kind, "font_pt": layout.font_pt,
                                 "header_pt": layout.header_pt,
                                 "reversed_header": layout.reversed_header,
                                 "widths": layout.widths})

    def table_layout(self, block: Record) -> TableLayout:
        data = to_data(block)
        if not isinstance(data, Record):
            return TableLayout("columns", MIN_PT)
        language = self.guide.language

        def plain(value: object) -> str:
            return to_plain(str(value or ""), language)

        def items(value: object) -> tuple[object, ...]:
            return value if isinstance(value, tuple) else ()

        rows = [(plain(row.get("aspect")), [plain(v) for v in items(row.get("values"))])
                for row in items(data.get("rows")) if isinstance(row, Record)]
        wide = self.title_mm if self.title_mm > self.column_mm else None  # (fitting.py)
        return comparison_layout([plain(c) for c in items(data.get("columns"))], rows,
                                 self.column_mm, self.body_pt, self.brand, self.reversed_pt,
                                 wide)

    def analogy_diagram(self, block: Analogy | Record) -> str:
        """The diagram's SVG, at the width of the column it fills, as a data: URL, so the
        <img> carries real alt text in the tagged PDF."""
        return self.diagrams.data_url(block, self.column_mm)

    def manuscript(self, options: PrintOptions, created: str | None = None,
                   html: str | None = None, extra_css: str | None = None) -> Manuscript:
        """The handbook's HTML and CSS rendered (or `html` and `extra_css`, for the personal
        copies), with what the PDF engine may read: the content, the brand's files, our
        assets and the template folders."""
        brand_base = self.brand.root.as_uri() + "/"
        grid = self.grid(options)
        self.column_mm, self.body_pt = float(grid.measure), grid.font_size
        self.title_mm = grid.measure + grid.reach
        self.head_mm = head_room(grid)
        self.subtitle_mm = subtitle_room(options.paper)
        self.date_for(options.paper)
        fit = Fit(top=grid.top * PX_PER_MM, bottom=(grid.height - grid.bottom) * PX_PER_MM,
                  drop=grid.drop * PX_PER_MM,
                  line=self.brand.line_height * grid.font_size * PX_PER_MM / PT_PER_MM,
                  chapters=tuple(chapter.anchor for chapter in self.guide.chapters),
                  wide=tuple(f"{chapter.anchor}-{number}" for chapter in self.guide.chapters
                             for number, block in enumerate(chapter.blocks, 1)
                             if grid.reach and block.type in WIDE_TYPES),
                  back=tuple(sorted(back_matter(self.guide))),
                  kept=tuple(f"{chapter.anchor}-{number}" for chapter in self.guide.chapters
                             for number, block in enumerate(chapter.blocks, 1)
                             if block.type in KEEP_TYPES))
        css = [(self.css(options), brand_base)] + ([(extra_css, brand_base)] if extra_css else [])
        printed = options.pdfx and html is None  # the handbook for a print shop
        spec = self.print_spec(options)
        self.reversed_pt = None
        if printed and spec is not None:
            ink = self.inks(spec)
            self.reversed_pt = ink["reversed_pt"]  # the tables' column names (handbook.tables)
            css.append((self.css(options, "handbook/print.css.j2", ink), brand_base))
        return Manuscript(
            html=self.html(created, printed) if html is None else html,
            base_url=Path(self.guide.root).as_uri() + "/", stylesheet=self.stylesheet(),
            stylesheets=tuple(css),
            allowed=(Path(self.guide.root), *self.brand.files(), ASSETS_DIR,
                     *self.template_dirs),
            template_dirs=tuple(self.template_dirs), print_spec=spec,
            fit=fit, in_parts=extra_css is None and html is None and self.builtin_css())

    def print_spec(self, options: PrintOptions) -> PrintSpec | None:
        """For a PDF/X: the output profile (the option's, the brand's or the default),
        checked, and the brand's exact CMYK values."""
        if not options.pdfx:
            return None
        from smguide.safety.iccprofile import load_output_profile

        if options.output_profile is not None:
            profile = load_output_profile(options.output_profile, "--output-profile")
        else:
            profile = load_output_profile(self.brand.print_profile, self.brand.source
                                          if self.brand.print_profile else "", options.paper)
        k_only = tuple(dict.fromkeys(self.colours[name] for name in K_ONLY))
        return PrintSpec(profile, self.brand.print_cmyk, k_only, self.raster_logo())

    def inks(self, spec: PrintSpec) -> dict[str, Any]:
        """What print.css.j2 needs to set small type on one ink (handbook.inks): the colour
        each small text colour prints in, and whether reversed-out type is made at least 10
        pt and, under 12 pt, bold."""
        from smguide.handbook.cmyk import CmykConverter
        from smguide.handbook.inks import REVERSED_PT, reversed_type, small_type

        converter = CmykConverter(spec.profile, dict(spec.exact_cmyk), spec.k_only)
        return {"small": small_type(self.colours, converter),
                "reversed_pt": REVERSED_PT if reversed_type(self.colours, converter) else None}

    def raster_logo(self) -> tuple[str, int, int] | None:
        """The brand's logo as (file as shown, width, height) when it is made of pixels."""
        logo = self.brand.logo
        if logo is None or logo.suffix.lower() == ".svg":
            return None
        from PIL import Image

        from smguide.paths import display_path

        try:
            with Image.open(logo) as picture:
                width, height = picture.size
        except OSError:  # checked when the brand was read; WeasyPrint reports the rest
            return None
        return display_path(logo), width, height

    def builtin_css(self) -> bool:
        """Whether the handbook's CSS is the built-in one (no override folder has its own
        handbook.css, brand.css.j2 or print.css.j2)."""
        return not any((folder / "handbook" / name).exists()
                       for folder in self.template_dirs[:-1]
                       for name in ("handbook.css", "brand.css.j2", "print.css.j2"))

    def stylesheet(self) -> Path:
        """handbook.css from the override folder when it has one, else the built-in one."""
        for folder in self.template_dirs:
            candidate = folder / "handbook" / "handbook.css"
            if link_loop(candidate):
                raise RenderError(Problem.fix(Where(str(candidate)), "the stylesheet is a "
                                              "symbolic link that leads back to itself (a "
                                              "link loop)", "put the file itself there"))
            if candidate.is_file():
                if not real(candidate).is_relative_to(real(folder)):
                    raise RenderError(Problem.fix(Where(str(candidate)), "the stylesheet is a "
                                                  "link to a file outside the template "
                                                  "folders", "put the file itself there"))
                return candidate
        raise RenderError(Problem.at(Where(""), "handbook/handbook.css not found in the "
                                             "template folders"))

    def context(self, created: str | None = None) -> dict[str, Any]:
        """What every handbook page template gets: the guide, its labels, the brand, the
        logo's file URI and the creation date."""
        logo = self.brand.logo.as_uri() if self.brand.logo else None
        return {"guide": self.guide, "labels": self.guide.labels, "brand": self.brand,
                "logo_uri": logo, "created": created}

    def html(self, created: str | None = None, printed: bool = False) -> str:
        """The handbook's HTML; `printed`: with the imprint, the back cover and the place
        for the padding pages before it, for a print shop."""
        extra = {"printed": True} if printed else {}
        html = render(self.env, "handbook/handbook.html.j2", **self.context(created), **extra)
        html = tie_headings(html, self.column_mm, self.body_pt, self.brand, self.words,
                            self.title_mm)
        html = balance_leads(html, self.title_mm, LEAD_SCALE * self.body_pt, self.brand)
        html = balance_leads(html, self.subtitle_mm, SUBTITLE_SCALE * self.body_pt,
                             self.brand, "cover-subtitle")
        # the back cover's next step, set as the subtitle is (print.css.j2: its size, measure)
        html = balance_leads(html, self.subtitle_mm, SUBTITLE_SCALE * self.body_pt,
                             self.brand, "back-next-text")
        html = mark_leads(html)  # the foot of running text before a list overleaf
        return apart_labels(html, self.words) if self.words else html

    def grid(self, options: PrintOptions) -> TextGrid:
        """The paper's type area for the brand: the same in every language of a guide."""
        return text_grid(options.paper, self.brand)

    def css(self, options: PrintOptions, template: str = "handbook/brand.css.j2",
            ink: dict[str, Any] | None = None) -> str:
        size, _, width_mm, height_mm = PAPERS[options.paper]
        small = options.paper == "a5"
        grid = self.grid(options)
        top, bottom, inner, outer = grid.top, grid.bottom, grid.inner, grid.outer
        notes_w, notes_h = width_mm - inner - outer, height_mm - top - bottom
        page: dict[str, Any] = {
            "size": size, "font_size": grid.font_size, "small": small,
            "margin_top": f"{top:g}mm", "margin_bottom": f"{bottom:g}mm",
            "margin_inner": f"{inner:g}mm", "margin_outer": f"{outer:g}mm",
            "drop": f"{grid.drop:g}mm",
            "lead": f"{card_lead(grid, average_character_width(self.brand)):g}mm",
            "lead_size": f"{LEAD_SCALE * grid.font_size:g}pt",
            "reach": f"{-grid.reach:g}mm", "wide": f"{grid.measure + grid.reach:g}mm",
            "cover_margin": "{:g}mm {:g}mm".format(*COVER_MARGINS[small]),
            "cover_height": f"{height_mm - (36 if small else 56) - 1:g}mm",
            "content_height": f"{height_mm - top - bottom - 1:g}mm",
            "bleed": f"{options.bleed_mm:g}mm" if options.bleed_mm else None,
            "marks": False,  # drawn outside the bleed by printmarks.add_crop_marks
            # the running head HEAD_LINES of the body's leading above the text's first
            # baseline (grid.head_gap), at least 10 mm from the trim on every paper (A5's
            # top margin is set for it)
            "head_gap": f"{head_gap(grid, self.brand):g}mm",
            "folio_gap": f"{FOLIO_GAPS[options.paper]:g}mm",  # (FOLIO_GAPS: why)
            # with a notes margin to reach into, the folio stands at its outer edge, where
            # a chapter's opener ends (REACH_CLEAR inside the trim), in the margin's corner
            "folio_out": f"{grid.outer - grid.reach:g}mm" if grid.reach else None,
            "notes_head_top": f"{top - 4.5:g}mm",  # a notes page's 13 pt heading
        }
        faces = [{"family": f.family, "uri": f.path.as_uri(), "weight": f.weight,
                  "style": f.style} for f in self.brand.faces]
        return render(self.css_env, template, brand=self.brand, c=self.colours,
                      labels=self.guide.labels, page=page, faces=faces,
                      footer=self.guide.footer or self.brand.footer,
                      notes_lines=self.ruled_lines(notes_w, notes_h), ink=ink or {})

    def ruled_lines(self, width_mm: float, height_mm: float) -> str:
        """Writing lines for the notes pages, as an SVG data: URL sized in millimetres."""
        ys = [y / 2 for y in range(24, int(height_mm * 2), 17)]  # every 8.5 mm
        lines = "".join(f'<line x1="0" x2="{width_mm:g}" y1="{y:g}" y2="{y:g}"/>' for y in ys)
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width_mm:g} '
               f'{height_mm:g}" preserveAspectRatio="none">'
               f'<g stroke="{self.colours["rule"]}" stroke-width="0.18">{lines}</g></svg>')
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
