"""Guide + brand -> the handbook's HTML and CSS, through the (overridable) Jinja templates."""

from __future__ import annotations

import base64
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from smguide.errors import Problem, RenderError, Where
from smguide.handbook.fitting import Fit
from smguide.handbook.hyphenation import hyphenator
from smguide.handbook.manuscript import Manuscript, PrintSpec
from smguide.handbook.templatedata import Record, to_data
from smguide.handbook.templating import make_env, render, template_dirs
from smguide.handbook.typeset import Hyphenate, typeset
from smguide.model.colors import palette, shade
from smguide.model.diagram import Label, PartSpec, Scene, layout
from smguide.model.guide import Analogy, Guide
from smguide.model.options import PrintOptions
from smguide.model.pictograms import (
    PALETTE_KEY,
    PICTOGRAMS,
    ROLES,
    Oval,
    Pictogram,
    Poly,
    Rect,
    Tone,
)
from smguide.paths import link_loop, real
from smguide.resources import ASSETS_DIR
from smguide.sources.brand import Brand
from smguide.sources.markdown import use_quotes

# CSS size name, text scale against the brand's base size, width and height (mm)
PAPERS = {"a4": ("A4", 1.05, 210, 297), "letter": ("letter", 1.05, 215.9, 279.4),
          "a5": ("A5", 0.9, 148, 210)}
PT_PER_MM = 72 / 25.4
LETTER_RUNS = re.compile(r"[^\W\d_]+")
# The measure: body text is set for this many characters per line on average (the
# comfortable range is 60 to 75; ragged lines run up to about 12% longer than average).
CHARACTERS_PER_LINE = 68
OPENING_DROP = 0.125
PX_PER_MM = 96 / 25.4
MIN_BODY_PT = 9.5  # the smallest text (table headings, 0.85 of it) stays above 8 pt
DIAGRAM_LABEL_PT = 9.0  # the analogy diagram's labels, at every paper size


# text, rules, writing lines and the footer: on the black plate only when near-grey
K_ONLY = ("foreground", "text", "muted", "rule", "dark", "arrow")


@dataclass(frozen=True)
class TextGrid:
    """The type area of one paper size: body size (pt), measure and margins (mm)."""

    font_size: float
    measure: float
    top: float
    bottom: float
    inner: float
    outer: float
    height: float  # of the page

    @property
    def drop(self) -> float:
        """The space above every chapter's title: an opening drop of an eighth of the
        text block, the same for every chapter (fitting.py changes only the spacing)."""
        return round((self.height - self.top - self.bottom) * OPENING_DROP, 1)


def text_grid(paper: str, brand: Brand, sample: str = "") -> TextGrid:
    """Body size from the brand's, scaled for the paper; the measure set for
    CHARACTERS_PER_LINE characters of the brand's own font (its average width over
    `sample`, the guide's text); the inner margin for binding, the rest goes to a wide
    outer margin with room for notes (two columns would give under 50 characters a line
    on A4 at a readable size, so a single column it is)."""
    _, scale, width_mm, height_mm = PAPERS[paper]
    font_size = max(MIN_BODY_PT, round(brand.base_size_pt * scale * 2) / 2)
    em = average_character_width(brand, sample)
    measure = float(round(CHARACTERS_PER_LINE * em * font_size / PT_PER_MM))
    if paper == "a5":
        top, bottom, inner = 15.0, 18.0, 17.0
    else:
        top, bottom, inner = 20.0, 22.0, 22.0
    measure = min(measure, width_mm - inner - 12)
    return TextGrid(font_size, measure, top, bottom, inner, round(width_mm - inner - measure, 1),
                    height_mm)


FALLBACK_EM = 0.47  # Lato's average character width, in ems, over ordinary prose
ENGLISH = ("Teams work together, and each team needs the others to do its own job well. "
           "The company earns its living when all of them do their part.")


def average_character_width(brand: Brand, sample: str = "") -> float:
    """The average advance width (in ems) of the brand's regular text face over `sample`
    (or an English sentence); FALLBACK_EM when the face is not a file we can read."""
    face = next((f for f in brand.faces if f.family == brand.base_family
                 and f.weight == 400 and f.style == "normal"), None)
    if face is None:
        return FALLBACK_EM
    return _average_width(face.path, (sample or ENGLISH)[:4000])


@lru_cache(maxsize=16)
def _average_width(path: Path, sample: str) -> float:
    face = _advances(path)
    if face is None:  # a font fontTools cannot read: WeasyPrint will say so
        return FALLBACK_EM
    units, advances = face
    widths = [advances[ord(c)] for c in sample if ord(c) in advances]
    return sum(widths) / len(widths) / units if widths and units else FALLBACK_EM


@lru_cache(maxsize=8)
def _advances(path: Path) -> tuple[int, dict[int, int]] | None:
    """(units per em, advance width per code point) of a font file, read once; None for a
    font fontTools cannot read."""
    from smguide.io.cache import font_file_widths

    try:
        units, _, advances = font_file_widths(path)  # as the deck measures, cached
    except Exception:  # noqa: BLE001 - any damage to the file: the callers' fallbacks
        return None
    return units, advances


RUNNING_HEAD_PT = 8.5  # brand.css.j2's running head
ELLIPSIS = "\u2026"


def running_head(title: str, measure_mm: float, brand: Brand) -> str:
    """`title` as the running head prints it on one line of the text's width: whole, or
    cut after the last word that fits, with an ellipsis (the brand's regular text face,
    measured with fontTools, 3% kept for kerning; a face we cannot read: FALLBACK_EM)."""
    face = next((f for f in brand.faces if f.family == brand.base_family
                 and f.weight == 400 and f.style == "normal"), None)
    room = measure_mm * 0.97 * PT_PER_MM / RUNNING_HEAD_PT  # in ems

    def width(text: str) -> float:
        return _text_width(face.path, text) if face else len(text) * FALLBACK_EM

    if width(title) <= room:
        return title
    words = title.split()
    while len(words) > 1:
        words.pop()
        cut = " ".join(words).rstrip(",;:–—-") + ELLIPSIS
        if width(cut) <= room:
            return cut
    return title  # one word longer than the line: the head shows it whole


@lru_cache(maxsize=256)
def _text_width(path: Path, text: str) -> float:
    """The advance width of `text` in ems (characters the face lacks count 0.6 em)."""
    face = _advances(path)
    if face is None:  # a font fontTools cannot read: WeasyPrint will say so
        return len(text) * FALLBACK_EM
    units, advances = face[0] or 1000, face[1]
    return sum(advances[ord(c)] / units if ord(c) in advances else 0.6 for c in text)


HEADING = re.compile(r"(<h([1-3])\b[^>]*>)([^<]*)(</h[1-3]>)")
HEADING_EM = 2.2  # the largest heading in the text (a chapter's title), in body ems
HEADING_RUNT = 8  # a heading's last word shorter than this (in letters) never ends alone
HEADING_ROOM = 0.8  # the tied pair's widest share of the line (kerning and bold kept)


def tie_headings(html: str, measure_mm: float, body_pt: float, brand: Brand) -> str:
    """Every heading's last two words tied with a no-break space when the last is short
    (a chapter's title, h1: whatever its length), so that no heading ends on a line of
    one short word, and no chapter title on a line of one word: only when the two fit in
    HEADING_ROOM of the text's width at the largest heading size (the brand's heading
    face, measured with fontTools), so the tie never makes a line overflow."""
    face = next((f for f in brand.faces if f.family == brand.heading_family
                 and f.style == "normal" and f.weight >= 600), None) or next(
        (f for f in brand.faces if f.family == brand.heading_family), None)
    room = measure_mm * PT_PER_MM * HEADING_ROOM / (HEADING_EM * body_pt)  # in ems

    def tie(match: re.Match[str]) -> str:
        start, level, text, end = match.groups()
        words = text.rstrip().split(" ")
        if len(words) < 2 or not all(words[-2:]):
            return match.group(0)
        letters = LETTER_RUNS.findall(words[-1])
        pair = f"{words[-2]} {words[-1]}"
        width = _text_width(face.path, pair) if face else len(pair) * FALLBACK_EM * 1.1
        short = level == "1" or len("".join(letters)) < HEADING_RUNT
        if not letters or not short or width > room:
            return match.group(0)
        tied = " ".join([*words[:-2], f"{words[-2]}\u00a0{words[-1]}"])
        # the PDF's bookmark keeps the heading as written (handbook.css: [data-plain]);
        # `text` is already escaped HTML, so it goes into the attribute as it is
        plain = f'{start[:-1]} data-plain="{text.strip()}">'
        return plain + tied + text[len(text.rstrip()):] + end

    return HEADING.sub(tie, html)


MIN_LINE_PT = 0.3  # the thinnest pictogram line printed (preflight refuses under 0.25 pt)
SWATCH_MM = 5  # a key row's pictogram, as handbook.css sizes .swatch

def diagram_width(column_mm: float) -> int:
    """The diagram's width in user units for a column this wide, so that its 15-unit
    labels print at DIAGRAM_LABEL_PT (at least 8 pt even at the narrowest, 460 units)."""
    units = round(15 * column_mm * PT_PER_MM / DIAGRAM_LABEL_PT)
    return max(460, min(720, units))


def part_specs(block: Record) -> list[PartSpec]:
    """What the diagram's layout needs of each of an analogy block's parts."""
    listed = block.get("parts")
    return [part_spec(part) for part in listed if isinstance(part, Record)] \
        if isinstance(listed, tuple) else []


def part_spec(part: Record) -> PartSpec:
    """What the diagram's layout needs of one part, from its template record."""
    def text(key: str) -> str | None:
        value = part.get(key)
        return value if isinstance(value, str) else None

    role = text("role")
    return PartSpec(text("name") or "", text("stands_for") or "", text("symbol"),
                    text("picture"), role if role in ROLES else None)  # type: ignore[arg-type]


def _typeset_after(filter_: Callable[[str], Markup], words: Hyphenate | None,
                   names: tuple[str, ...], capitalised_names: bool
                   ) -> Callable[..., Markup]:
    """`filter_` followed by typeset.py; `hyphenate=False` in a template: no hyphenation
    (a list of takeaways, a summary)."""
    def typeset_text(text: str, hyphenate: bool = True) -> Markup:
        return typeset(filter_(text), hyphenate=words if hyphenate else None, names=names,
                       capitalised_names=capitalised_names)
    return typeset_text


# languages that write every noun with a capital letter: a capital does not make a name
NOUNS_CAPITALISED = ("de", "lb", "gsw")


def wrap_text(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


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
        use_quotes(guide.language, guide.typography.quotes)  # Markdown's smart quotes
        self.env = make_env(templates, language=guide.language, typography=guide.typography)
        self.env.filters["wrap"] = wrap_text
        inline = self.env.filters["md_inline"]
        # table cells and a role card's columns: compounds kept whole, nothing tied
        self.env.filters["md_cell"] = lambda text: typeset(inline(text), tie=False)
        # no runts, compounds kept whole, our own hyphenation (typeset.py); never of a name
        names = tuple(LETTER_RUNS.findall(brand.name or ""))
        language = guide.language.split("-")[0].lower()
        for name in ("md", "md_inline"):
            self.env.filters[name] = _typeset_after(
                self.env.filters[name], hyphenator(guide.language), names,
                language not in NOUNS_CAPITALISED)
        self.env.globals["analogy_diagram"] = self.analogy_diagram
        self.env.globals["analogy_key"] = self.analogy_key
        self.env.globals["asset_uri"] = self.asset_uri
        self.env.globals["running_head"] = self.running_head
        self.css_env = make_env(templates, html=False, language=guide.language,
                                typography=guide.typography)
        grid = self.grid(PrintOptions())
        self.column_mm, self.body_pt = float(grid.measure), grid.font_size  # per paper size

    def running_head(self, chapter: Record) -> str:
        """A chapter's running head: its short_title, else its title, on one line."""
        data = to_data(chapter)
        if not isinstance(data, Record):
            return ""
        title = data.get("short_title") or data.get("title") or ""
        return running_head(str(title), self.column_mm, self.brand)

    def asset_uri(self, relative: str) -> str:
        return real(Path(self.guide.root) / relative).as_uri()

    def analogy_svg(self, block: Analogy | Record) -> str:
        """The diagram's SVG: the scene model.diagram lays out for the block's parts, in
        the brand's colours, at the width of the column it fills."""
        data = to_data(block)
        assert isinstance(data, Record)
        specs = part_specs(data)
        scene = layout(specs, diagram_width(self.column_mm))
        return render(self.env, "handbook/analogy.svg.j2", scene=self._drawn(scene),
                      colours=self.colours, font=self.brand.base_family, alt=data["alt"])

    def _drawn(self, scene: Scene) -> dict[str, Any]:
        """The scene with every tone turned into its colour and every picture read."""
        colour = self.colour
        shapes = self.pictogram_shapes
        unit_pt = self.column_mm * PT_PER_MM / scene.width  # the diagram fills the column

        parts = [{"name": part.name, "x": part.x, "y": part.y, "size": part.size,
                  "scale": part.size / 100, "label": part.label,
                  "pictogram": part.pictogram.name if part.pictogram else "",
                  "shapes": (shapes(part.pictogram, unit_pt * part.size / 100)
                             if part.pictogram else []),
                  "picture": self.picture_uri(part.picture) if part.picture else ""}
                 for part in scene.parts]
        arrows = [{"x1": a.points[0], "y1": a.points[1], "x2": a.points[2], "y2": a.points[3],
                   "stroke": colour(a.tone), "dashed": a.dashed, "width": 3 if a.dashed else 4,
                   "head": 16 if a.dashed else 18}
                  for a in scene.arrows]
        band = scene.band and {"x": scene.band.x, "y": scene.band.y, "w": scene.band.w,
                               "h": scene.band.h, "fill": colour(scene.band.tone)}
        return {"width": scene.width, "height": scene.height, "band": band, "parts": parts,
                "arrows": arrows}

    def pictogram_shapes(self, pictogram: Pictogram, pt_per_unit: float
                         ) -> list[dict[str, Any]]:
        """A pictogram's pieces as the template draws them, in the handbook's colours; a
        stroke printed thinner than MIN_LINE_PT (at `pt_per_unit` points per pictogram
        unit) is drawn that thick, so that a print shop's preflight finds no hairline."""
        floor = MIN_LINE_PT / pt_per_unit
        colour = self.colour
        out: list[dict[str, Any]] = []
        for shape in pictogram.parts:
            if isinstance(shape, Rect):
                out.append({"kind": "rect", "x": shape.x, "y": shape.y, "w": shape.w,
                            "h": shape.h, "radius": shape.radius, "fill": colour(shape.tone)})
            elif isinstance(shape, Oval):
                out.append({"kind": "oval", "cx": shape.cx, "cy": shape.cy, "rx": shape.rx,
                            "ry": shape.ry, "rotation": shape.rotation,
                            "fill": colour(shape.tone)})
            else:
                points = " ".join(f"{x:g},{y:g}" for x, y in shape.points)
                if isinstance(shape, Poly):
                    out.append({"kind": "poly", "points": points, "fill": colour(shape.tone)})
                else:
                    out.append({"kind": "stroke", "points": points,
                                "width": round(max(shape.width, floor), 2),
                                "stroke": colour(shape.tone)})
        return out

    def colour(self, tone: Tone) -> str:
        """A pictogram's tone in the handbook's (paper-readable) palette; the arrows'
        line is the page's own grey (on the black plate only, when printed)."""
        if tone.slot == "line":
            return self.colours[PALETTE_KEY["line"]]
        return shade(self.colours[PALETTE_KEY[tone.slot]], tone.brightness)

    def picture_uri(self, relative: str) -> str:
        """The author's own SVG for a part (checked when the content was read), inline."""
        data = (real(Path(self.guide.root) / relative)).read_bytes()
        return "data:image/svg+xml;base64," + base64.b64encode(data).decode()

    def analogy_key(self, block: Analogy | Record) -> list[str]:
        """Each part's pictogram (or picture) small, as a data URL, for its row of the key
        table: drawn by the diagram's template, alone in its 100-unit box."""
        data = to_data(block)
        specs = part_specs(data) if isinstance(data, Record) else []
        icons = []
        for spec in specs:
            pictogram = PICTOGRAMS.get(spec.symbol or "")
            if pictogram is None and spec.picture:
                icons.append(self.picture_uri(spec.picture))
                continue
            part = {"name": spec.name, "x": 0, "y": 0, "size": 100, "scale": 1,
                    "label": Label(0, 0, 100, 0, "l", (), (), False),
                    "pictogram": pictogram.name if pictogram else "", "picture": "",
                    "shapes": (self.pictogram_shapes(pictogram, SWATCH_MM * PT_PER_MM / 100)
                               if pictogram else [])}
            svg = render(self.env, "handbook/analogy.svg.j2", scene={
                "width": 100, "height": 100, "band": None, "parts": [part], "arrows": []},
                colours=self.colours, font=self.brand.base_family, alt="")
            icons.append("data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode())
        return icons

    def analogy_diagram(self, block: Record) -> str:
        """The diagram as a data: URL, so the <img> carries real alt text in the tagged PDF."""
        svg = self.analogy_svg(block).encode()
        return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()

    def manuscript(self, options: PrintOptions, created: str | None = None,
                   html: str | None = None, extra_css: str | None = None) -> Manuscript:
        """The handbook's HTML and CSS rendered (or `html` and `extra_css`, for the personal
        copies), with what the PDF engine may read: the content, the brand's files, our
        assets and the template folders."""
        brand_base = self.brand.root.as_uri() + "/"
        grid = self.grid(options)
        self.column_mm, self.body_pt = float(grid.measure), grid.font_size
        fit = Fit(top=grid.top * PX_PER_MM, bottom=(grid.height - grid.bottom) * PX_PER_MM,
                  drop=grid.drop * PX_PER_MM,
                  chapters=tuple(chapter.anchor for chapter in self.guide.chapters))
        css = [(self.css(options), brand_base)] + ([(extra_css, brand_base)] if extra_css else [])
        printed = options.pdfx and html is None  # the handbook for a print shop
        if printed:
            css.append((self.css(options, "handbook/print.css.j2"), brand_base))
        return Manuscript(
            html=self.html(created, printed) if html is None else html,
            base_url=Path(self.guide.root).as_uri() + "/", stylesheet=self.stylesheet(),
            stylesheets=tuple(css),
            allowed=(Path(self.guide.root), *self.brand.files(), ASSETS_DIR,
                     *self.template_dirs),
            template_dirs=tuple(self.template_dirs), print_spec=self.print_spec(options),
            fit=fit)

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
                                          if self.brand.print_profile else "")
        k_only = tuple(dict.fromkeys(self.colours[name] for name in K_ONLY))
        return PrintSpec(profile, self.brand.print_cmyk, k_only, self.raster_logo())

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
        raise RenderError("handbook/handbook.css not found in the template folders")

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
        return tie_headings(html, self.column_mm, self.body_pt, self.brand)

    def grid(self, options: PrintOptions) -> TextGrid:
        return text_grid(options.paper, self.brand, self.sample_text())

    def sample_text(self) -> str:
        """Some of the guide's running text, to measure the brand's font over."""
        found: list[str] = []

        def walk(value: object) -> None:
            if isinstance(value, str) and len(value) > 60:
                found.append(value)
            elif isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, list | tuple):
                for item in value:
                    walk(item)

        walk([chapter.model_dump() for chapter in self.guide.chapters[:4]])
        return " ".join(found)[:4000]

    def css(self, options: PrintOptions, template: str = "handbook/brand.css.j2") -> str:
        size, _, width_mm, height_mm = PAPERS[options.paper]
        small = options.paper == "a5"
        grid = self.grid(options)
        top, bottom, inner, outer = grid.top, grid.bottom, grid.inner, grid.outer
        notes_w, notes_h = width_mm - inner - outer, height_mm - top - bottom
        page: dict[str, Any] = {
            "size": size, "font_size": grid.font_size,
            "margin_top": f"{top:g}mm", "margin_bottom": f"{bottom:g}mm",
            "margin_inner": f"{inner:g}mm", "margin_outer": f"{outer:g}mm",
            "measure": f"{grid.measure:g}mm", "drop": f"{grid.drop:g}mm",
            "cover_margin": "18mm 16mm" if small else "28mm 24mm",
            "cover_height": f"{height_mm - (36 if small else 56) - 1:g}mm",
            "content_height": f"{height_mm - top - bottom - 1:g}mm",
            "bleed": f"{options.bleed_mm:g}mm" if options.bleed_mm else None,
            "marks": False,  # drawn outside the bleed by printmarks.add_crop_marks
        }
        faces = [{"family": f.family, "uri": f.path.as_uri(), "weight": f.weight,
                  "style": f.style} for f in self.brand.faces]
        return render(self.css_env, template, brand=self.brand, c=self.colours,
                      labels=self.guide.labels, page=page, faces=faces,
                      footer=self.guide.footer or self.brand.footer,
                      notes_lines=self.ruled_lines(notes_w, notes_h))

    def ruled_lines(self, width_mm: float, height_mm: float) -> str:
        """Writing lines for the notes pages, as an SVG data: URL sized in millimetres."""
        ys = [y / 2 for y in range(24, int(height_mm * 2), 17)]  # every 8.5 mm
        lines = "".join(f'<line x1="0" x2="{width_mm:g}" y1="{y:g}" y2="{y:g}"/>' for y in ys)
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width_mm:g} '
               f'{height_mm:g}" preserveAspectRatio="none">'
               f'<g stroke="{self.colours["rule"]}" stroke-width="0.18">{lines}</g></svg>')
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
