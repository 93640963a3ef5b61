"""Guide + brand -> the handbook's HTML and CSS, through the (overridable) Jinja templates."""

from __future__ import annotations

import base64
import textwrap
from pathlib import Path
from typing import Any, get_args

from smguide.errors import RenderError
from smguide.handbook.pdf import Manuscript, PrintSpec
from smguide.handbook.templatedata import Record, to_data
from smguide.handbook.templating import make_env, render, template_dirs
from smguide.model.colors import contrast, mix
from smguide.model.guide import Analogy, Guide, Symbol
from smguide.model.options import PrintOptions
from smguide.resources import ASSETS_DIR
from smguide.sources.brand import Brand

# CSS size name, text scale against the brand's base size, width and height (mm)
PAPERS = {"a4": ("A4", 1.0, 210, 297), "letter": ("letter", 1.0, 215.9, 279.4),
          "a5": ("A5", 0.9, 148, 210)}


# text, rules, writing lines and the footer: on the black plate only when near-grey
K_ONLY = ("foreground", "text", "muted", "rule", "dark", "arrow")


def derived_colours(brand: Brand) -> dict[str, str]:
    """The full set of colours the templates use, all derived from the brand's roles."""
    c = dict(brand.colours)
    bg, fg = c["background"], c["foreground"]
    c["text"] = fg
    c["muted"] = mix(fg, bg, 0.72)
    c["rule"] = mix(fg, bg, 0.25)
    c["tint"] = mix(c["primary"], bg, 0.10)
    c["warm_tint"] = mix(c["secondary"], bg, 0.10)
    c["cool_tint"] = mix(c["tertiary"], bg, 0.10)
    c["garden"] = mix(c["primary"], bg, 0.16)
    c["leaf"] = mix(c["primary"], bg, 0.6)
    c["soil"] = mix(c["secondary"], "#2b1d12", 0.55)
    c["soil_text"] = bg if contrast(bg, c["soil"]) >= 4.5 else fg
    c["seed_edge"] = mix(c["secondary"], "#000000", 0.7)
    c["seed_text"] = c["secondary"] if contrast(c["secondary"], c["garden"]) >= 4.5 else fg
    c["secondary_text"] = c["secondary"] if contrast(c["secondary"], bg) >= 4.5 else fg
    c["sun"] = c.get("warning") or "#e3a72f"
    c["basket"] = mix(c["secondary"], bg, 0.7)
    c["basket_line"] = mix(c["secondary"], "#000000", 0.6)
    c["arrow"] = c["muted"]
    c.setdefault("light", mix(c["primary"], bg, 0.08))
    return c


def wrap_text(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width) or [""]


class HandbookRenderer:
    """Renders the handbook's HTML and CSS; knows nothing of PDF or files on disk."""

    def __init__(self, guide: Guide, brand: Brand, templates: Path | None):
        self.guide, self.brand = guide, brand
        self.colours = derived_colours(brand)
        self.template_dirs = template_dirs(templates)
        self.env = make_env(templates, language=guide.language)
        self.env.filters["wrap"] = wrap_text
        self.env.globals["analogy_diagram"] = self.analogy_diagram
        self.env.globals["asset_uri"] = self.asset_uri
        self.css_env = make_env(templates, html=False, language=guide.language)

    def asset_uri(self, relative: str) -> str:
        return (Path(self.guide.root) / relative).resolve().as_uri()

    def analogy_svg(self, block: Analogy | Record) -> str:
        """The diagram's SVG; `parts` has every symbol, None for those the block lacks."""
        data = to_data(block)
        listed = data.get("parts") if isinstance(data, Record) else None
        given = {part["symbol"]: part for part in listed or () if isinstance(part, Record)} \
            if isinstance(listed, tuple) else {}
        parts = {symbol: given.get(symbol) for symbol in get_args(Symbol)}
        return render(self.env, "handbook/analogy.svg.j2", parts=parts, colours=self.colours,
                      alt=data["alt"] if isinstance(data, Record) else "",
                      font=self.brand.base_family)

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
        css = [(self.css(options), brand_base)] + ([(extra_css, brand_base)] if extra_css else [])
        return Manuscript(
            html=self.html(created) if html is None else html,
            base_url=Path(self.guide.root).as_uri() + "/", stylesheet=self.stylesheet(),
            stylesheets=tuple(css),
            allowed=(Path(self.guide.root), *self.brand.files(), ASSETS_DIR,
                     *self.template_dirs),
            template_dirs=tuple(self.template_dirs), print_spec=self.print_spec(options))

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
        return PrintSpec(profile, self.brand.print_cmyk, k_only)

    def stylesheet(self) -> Path:
        """handbook.css from the override folder when it has one, else the built-in one."""
        for folder in self.template_dirs:
            candidate = folder / "handbook" / "handbook.css"
            if candidate.is_file():
                if not candidate.resolve().is_relative_to(folder.resolve()):
                    raise RenderError(f"{candidate}: the stylesheet is a link to a file "
                                      f"outside the template folders; put the file itself there")
                return candidate
        raise RenderError("handbook/handbook.css not found in the template folders")

    def html(self, created: str | None = None) -> str:
        logo = self.brand.logo.as_uri() if self.brand.logo else None
        return render(self.env, "handbook/handbook.html.j2", guide=self.guide,
                      labels=self.guide.labels, brand=self.brand, logo_uri=logo,
                      created=created)

    def css(self, options: PrintOptions) -> str:
        size, scale, width_mm, height_mm = PAPERS[options.paper]
        font_size = round(self.brand.base_size_pt * scale, 2)
        small = options.paper == "a5"
        top, inner, outer = (17, 19, 14) if small else (22, 25, 19)
        notes_w, notes_h = width_mm - inner - outer, height_mm - 2 * top
        page: dict[str, Any] = {
            "size": size, "font_size": font_size,
            "margin_top": f"{top}mm", "margin_bottom": f"{top}mm",
            "margin_inner": f"{inner}mm", "margin_outer": f"{outer}mm",
            "cover_margin": "18mm 16mm" if small else "28mm 24mm",
            "cover_height": f"{height_mm - (36 if small else 56) - 1:g}mm",
            "bleed": f"{options.bleed_mm:g}mm" if options.bleed_mm else None,
            "marks": False,  # drawn outside the bleed by printmarks.add_crop_marks
        }
        faces = [{"family": f.family, "uri": f.path.as_uri(), "weight": f.weight,
                  "style": f.style} for f in self.brand.faces]
        return render(self.css_env, "handbook/brand.css.j2", brand=self.brand, c=self.colours,
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
