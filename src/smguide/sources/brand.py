"""The brand: posit's `_brand.yml`, read as brand_yml and Quarto read it.

Colours may be any CSS colour, palette names or other theme colours, and light/dark pairs;
they reach CSS and the deck only as '#rrggbb' computed here. Font names reach CSS only as
quoted strings; sizes pass a pattern. Every problem of a file is reported at once, each as
file:line:column: field: message.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

from smguide.errors import BrandError, Problem, Where, quote
from smguide.model.base import Record
from smguide.paths import display_path, link_loop, real
from smguide.sources.brandcolours import (
    contrast_warnings,
    deck_on_primary,
    deck_secondary,
    handbook_warnings,
    readable_on_paper,
    readable_on_screen,
    readable_text,
)
from smguide.sources.brandfonts import css_weight, line_height_of, size_pt_of, typography
from smguide.sources.brandlogo import read_logo
from smguide.sources.brandreader import BrandReader
from smguide.sources.content import LOOP, LOOP_FIX, check_file_ref, file_line
from smguide.sources.fonts import FontFace, bundled_faces
from smguide.sources.validate import suggest, validate
from smguide.sources.yamlsource import Located, YamlProblem, read_yaml

# the brand file's shape (sources/brandfile.py), named: imported only to validate it anew;
# a value validated is a Record of its sections (model/base.py)
BRAND_FILE = "smguide.sources.brandfile:BrandFile"


@dataclass(frozen=True)
class Brand:
    """What the renderers use: resolved colours, fonts and files, all validated."""

    name: str
    footer: str | None  # defaults.smguide.footer as one line (in the source edition's language)
    logo: Path | None
    logo_alt: str
    colours: dict[str, str]  # role -> '#rrggbb': the brand's light values (the deck's)
    base_family: str  # the family the handbook sets and the deck is measured with
    base_size_pt: float
    line_height: float
    heading_family: str
    heading_weight: int
    faces: tuple[FontFace, ...]
    root: Path  # the brand file's folder
    path: Path  # the brand file, absolute
    named: Path  # the brand file as the user named it (relative or absolute): what messages show
    # on a company template (--template): slide kind -> layout name or 1-based number;
    # whose colours and fonts the deck's theme has; whether our logo goes on the slides
    layouts: dict[str, str | int] = dataclasses.field(default_factory=dict)
    layout_where: dict[str, Where] = dataclasses.field(default_factory=dict)  # kind -> its pin
    template_theme: str = "template"
    template_logo: str = "auto"
    template: Path | None = None  # defaults.smguide.template: the deck's company template
    print_profile: Path | None = None  # defaults.smguide.print.profile, checked to exist
    print_cmyk: tuple[tuple[str, tuple[float, float, float, float]], ...] = ()  # hex -> 0..1
    # the colours printed in the handbook (made readable on paper), the dark values
    # (`smguide slides --theme dark`), the dark logo, and the families the brand names
    # (what the deck's theme says, even when this computer uses another font instead)
    print_colours: dict[str, str] = dataclasses.field(default_factory=dict)
    dark_colours: dict[str, str] = dataclasses.field(default_factory=dict)
    logo_dark: Path | None = None
    logo_alt_given: bool = False
    theme_base_family: str = ""
    theme_heading_family: str = ""
    mono_family: str = ""
    fonts_found: tuple[tuple[str, str, str], ...] = ()  # (family asked for, used, from where)
    font_warnings: tuple[Problem, ...] = ()  # the warnings about fonts (fonts not found...)
    # the downloads tried: (family, service, why it failed; None: it did not)
    fonts_fetched: tuple[tuple[str, str, str | None], ...] = ()
    screen_notes: tuple[tuple[str, tuple[Problem, ...]], ...] = ()  # theme -> what the deck adapted
    footers: dict[str, str] = dataclasses.field(default_factory=dict)  # language -> footer
    footer_where: Where | None = None  # where defaults.smguide.footer is
    # where the file sets each colour role it sets (color.secondary: line 24)
    colour_where: dict[str, Where] = dataclasses.field(default_factory=dict)

    @property
    def source(self) -> str:
        """The brand file as messages name it (see paths.display_path)."""
        return display_path(self.named)

    def footer_in(self, language: str) -> str | None:
        """The footer written for `language` (fr-CH, else fr) when the footer is given
        per language."""
        code = language.lower()
        return self.footers.get(code) or self.footers.get(code.split("-")[0])

    def files(self) -> list[Path]:
        """The files the brand names (logo, fonts): all a renderer may read from its folder,
        which may be a whole project or home folder."""
        return [path for path in (self.logo, self.logo_dark,
                                  *(face.path for face in self.faces)) if path]

    def themed(self, theme: str) -> Brand:
        """The brand for a deck in `theme` (light or dark): the dark colours and logo."""
        if theme != "dark":
            return self
        return dataclasses.replace(self, colours=dict(self.dark_colours),
                                   logo=self.logo_dark or self.logo)

    def deck_warnings(self, theme: str = "light") -> list[Problem]:
        """Text/background pairs of the deck below WCAG AA, naming both colours."""
        c = self.themed(theme).colours
        where = f"the deck ({theme} theme)"
        pairs = [("foreground", c["foreground"], "background", c["background"],
                  f"slide text in {where}", 4.5),
                 ("headings", c["headings"], "background", c["background"],
                  f"slide titles in {where}", 4.5),
                 ("numbers", readable_text(c["primary"], c["background"], c["foreground"]),
                  "background", c["background"], f"the agenda's and checklist's numbers in "
                  f"{where}", 4.5),
                 ("title text", deck_on_primary(c), "primary", c["primary"],
                  f"text on the primary colour (the title slide, role banners and table "
                  f"headers) in {where}", 4.5)]
        if theme == "dark":  # graphics: 3:1 (WCAG 1.4.11); the dark deck adapts them
            pairs.append(("primary", c["primary"], "background", c["background"],
                          f"bullets, bars and banners (graphics) in {where}", 3.0))
        notes = [note for name, said in self.screen_notes if name == theme for note in said]
        secondary = deck_secondary(c, theme, self.colour_where.get("secondary")
                                   or self.colour_where.get("background") or Where(self.source))
        return notes + contrast_warnings(self.source, pairs, self.colour_where) + secondary


MIN_LINE_HEIGHT = 1.15  # below it, a page of body text has its lines touching


def _empty_allowed(path: tuple[str | int, ...]) -> bool:
    """Keys that may be empty: other tools' defaults, and meta's extra keys."""
    return ((len(path) >= 2 and path[0] == "defaults" and path[1] != "smguide")
            or (len(path) >= 2 and path[0] == "meta" and path[1] not in ("name", "link")))


def load_brand(path: Path, network: bool = False) -> tuple[Brand, list[Problem]]:
    """Validate a brand file; return the Brand and its warnings, or raise BrandError with
    every problem of the file. With `network`, fonts from Google Fonts or Bunny Fonts that
    are not here are downloaded into smguide's font cache."""
    shown = display_path(path)
    located = _read_brand_file(path, shown)
    checked = Located(located.data, located.value_pos,
                      {k: v for k, v in located.key_pos.items() if not _empty_allowed(k)},
                      located.lines)
    parsed, problems = validate(BRAND_FILE, checked, shown)
    root = real(path).parent
    reader = BrandReader(located, shown, root, network, problems)
    light, dark = reader.colours.light, reader.colours.dark

    base, heads, fonts = typography(reader)
    theme_base, base_used, base_faces = fonts[0]
    theme_head, head_used, head_faces = fonts[1]
    theme_mono = fonts[2][0]

    logo_path, logo_alt = read_logo(reader, "light")
    logo_dark = read_logo(reader, "dark")[0] if logo_path else None

    smguide = (parsed.defaults.smguide if parsed and parsed.defaults and
               parsed.defaults.smguide else None)
    print_profile, print_cmyk = _print_defaults(smguide.print if smguide else None, light,
                                                reader)
    settings = _smguide_settings(smguide, reader)
    if reader.problems or parsed is None:
        raise BrandError(sorted(dict.fromkeys(reader.problems), key=file_line))

    size_pt = size_pt_of(base.get("size") if isinstance(base.get("size"), (str, int, float))
                       else None)
    line_height, warnings = _line_height(base, size_pt, reader)
    printed, notes = readable_on_paper(light, reader)
    warnings += notes + handbook_warnings(shown, printed)
    light, screen = readable_on_screen(light, reader, "light")
    dark, screen_dark = readable_on_screen(dark, reader, "dark")
    name = _name(parsed.meta)
    brand = Brand(
        name=name or "", logo=logo_path,
        logo_alt=logo_alt or (f"{name} logo" if name else "Logo"), colours=light,
        base_family=base_used, base_size_pt=size_pt, line_height=line_height,
        heading_family=head_used,
        heading_weight=css_weight(heads.get("weight") if isinstance(
            heads.get("weight"), (int, str)) else None, 700),
        faces=_faces(base_faces, head_faces), root=root, path=real(path), named=path,
        print_profile=print_profile, print_cmyk=print_cmyk,
        print_colours=printed, dark_colours=dark,
        logo_dark=logo_dark if logo_dark != logo_path else None,
        logo_alt_given=bool(logo_alt), theme_base_family=theme_base,
        theme_heading_family=theme_head, mono_family=theme_mono,
        fonts_found=tuple(dict.fromkeys(reader.found)),
        font_warnings=tuple(dict.fromkeys(reader.font_warnings)),
        fonts_fetched=tuple(dict.fromkeys(reader.fetched)),
        colour_where={role: reader.where("color", role) for role in reader.roles},
        screen_notes=(("light", tuple(screen)), ("dark", tuple(screen_dark))),
        **settings)
    return brand, list(dict.fromkeys(warnings))


def _name(meta: Any) -> str | None:
    """meta.name, or its full (else short) form."""
    return meta.name if meta and isinstance(meta.name, str) else (
        (meta.name.full or meta.name.short) if meta and meta.name else None)


def _line_height(base: dict[str, Any], size_pt: float, reader: BrandReader
                 ) -> tuple[float, list[Problem]]:
    """typography.base.line-height (1.45 when not given; at least MIN_LINE_HEIGHT), and
    the warnings so far: the reader's, and one for a line height raised to the least."""
    line_height = line_height_of(base.get("line-height"), size_pt)
    warnings = list(reader.warnings)
    if line_height is not None and line_height < MIN_LINE_HEIGHT:
        warnings.append(Problem.warn(reader.where("typography", "base", "line-height"),
                                     f"a line height of {line_height:g} makes the lines of a "
                                     f"page of text touch; the handbook uses "
                                     f"{MIN_LINE_HEIGHT}", f"at least {MIN_LINE_HEIGHT}"))
        line_height = MIN_LINE_HEIGHT
    return line_height or 1.45, warnings


def _faces(*chosen: list[FontFace]) -> tuple[FontFace, ...]:
    """The bundled faces and the brand's, each file and weight once."""
    faces: dict[tuple[str, str, int, str], FontFace] = {}
    for face in (*bundled_faces(), *(face for found in chosen for face in found)):
        faces.setdefault((face.family, str(face.path), face.weight, face.style), face)
    return tuple(faces.values())


class _Settings(TypedDict):
    footer: str | None
    footers: dict[str, str]
    footer_where: Where
    layouts: dict[str, str | int]
    layout_where: dict[str, Where]
    template_theme: str
    template_logo: str
    template: Path | None


def _smguide_settings(smguide: Record | None, reader: BrandReader) -> _Settings:
    """What the brand file's defaults.smguide says of the footer and a company template."""
    return _Settings(
        footer=smguide.footer if smguide and isinstance(smguide.footer, str) else None,
        footers={code.lower(): text for code, text in smguide.footer.items()}
        if smguide and isinstance(smguide.footer, dict) else {},
        footer_where=reader.where("defaults", "smguide", "footer"),
        layouts={kind: pin for kind, pin in (smguide.layouts or {}).items()} if smguide else {},
        layout_where={kind: reader.where("defaults", "smguide", "layouts", kind)
                      for kind in (smguide.layouts or {} if smguide else {})},
        template_theme=(smguide.template_theme if smguide else None) or "template",
        template_logo=(smguide.template_logo if smguide else None) or "auto",
        template=_template(smguide.template if smguide else None, reader))


def _template(named: str | None, reader: BrandReader) -> Path | None:
    """defaults.smguide.template: a .pptx or .potx file inside the brand's folder (what is
    in it is checked where the deck opens it, as for --template)."""
    if named is None:
        return None
    before = len(reader.problems)
    check_file_ref(reader.root, named, reader.where("defaults", "smguide", "template"),
                   {".pptx", ".potx"}, reader.problems, "PowerPoint template")
    return real(reader.root / named) if len(reader.problems) == before else None


def _read_brand_file(path: Path, shown: str) -> Located:
    """The brand file's YAML (an empty file reads as an empty mapping)."""
    top = Where(shown, 1, 1)
    if link_loop(path):
        raise BrandError([Problem.at(top, LOOP, suggestion=LOOP_FIX)])
    if not path.is_file():
        raise BrandError([Problem.fix(top, "brand file not found",
                                      "pass --brand FILE or create it")])
    try:
        located = read_yaml(path)
    except YamlProblem as exc:
        raise BrandError([exc.problem(shown)]) from None
    except OSError as exc:
        raise BrandError([Problem.at(top, f"cannot read the file ({exc.strerror})")]) from None
    if located.data is None:  # an empty file; read_yaml's result is shared: not changed
        return Located({}, located.value_pos, located.key_pos, located.lines)
    return located


def _print_defaults(spec: Record | None, colours: dict[str, str], reader: BrandReader
                    ) -> tuple[Path | None, tuple[Any, ...]]:
    """The print profile (an existing .icc file) and the exact CMYK values, by the hex
    colour of the role or palette name each is given for."""
    if spec is None:
        return None, ()
    profile = None
    field = ("defaults", "smguide", "print", "profile")
    if spec.profile is not None:
        before = len(reader.problems)
        check_file_ref(reader.root, spec.profile, reader.where(*field), {".icc", ".icm"},
                       reader.problems, "ICC profile")
        if len(reader.problems) == before:
            from smguide.errors import RenderError
            from smguide.safety.iccprofile import load_output_profile

            try:
                profile = load_output_profile(real(reader.root / spec.profile)).path
            except RenderError as exc:  # its message names the file; the field goes first
                reader.problem(Problem.at(reader.where(*field), str(exc.message)))
    exact: dict[str, tuple[float, float, float, float]] = {}
    for name, values in spec.cmyk.items():
        place = ("defaults", "smguide", "print", "cmyk", name)
        if name in reader.palette:
            hex_value = reader.resolve(name, place, "light")
        elif name in colours:
            hex_value = colours[name]
        else:
            names = sorted({*reader.palette, *colours})
            reader.problem(Problem.fix(reader.where(*place), f"{quote(name)} is not a colour role "
                                       f"or palette name{suggest(name, names)}",
                                       f"known: {', '.join(names)}"))
            continue
        if hex_value:
            c, m, y, k = (round(v / 100, 4) for v in values)
            exact[hex_value] = (c, m, y, k)
    return profile, tuple(sorted(exact.items()))
