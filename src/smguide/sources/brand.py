"""The brand: posit's `_brand.yml`, read as brand_yml and Quarto read it.

Colours may be any CSS colour, palette names or other theme colours, and light/dark pairs;
they reach CSS and the deck only as '#rrggbb' computed here. Font names reach CSS only as
quoted strings; sizes pass a pattern. Every problem of a file is reported at once, each as
file:line:column: field: message.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from smguide.errors import BrandError, Problem, Where, quote
from smguide.model.base import Explained
from smguide.model.base import Strict as _Strict
from smguide.model.colors import contrast, luminance, mix, parse_colour
from smguide.paths import display_path, link_loop, real
from smguide.safety.images import check_image
from smguide.sources.content import LOOP, LOOP_FIX, check_file_ref, file_line, refused_image
from smguide.sources.fonts import (
    APIS,
    BUNDLED_FAMILY,
    GENERIC,
    FetchError,
    FontFace,
    bundled_faces,
    cache_dir,
    cached_faces,
    fetch_family,
    font_style,
    generic_family,
    split_stack,
    system_faces,
)
from smguide.sources.validate import dotted, suggest, validate
from smguide.sources.yamlhints import curly_wrapped
from smguide.sources.yamlsource import Located, YamlProblem, read_yaml

# a family name, or a CSS font stack ("Noto Sans", Aptos, sans-serif): each name is checked
# when it is resolved; it reaches CSS only as a quoted string
FontName = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f;{}<>\\]{1,200}$"),
                     Explained('a font family name or a list of them ("Open Sans", Arial, '
                               "sans-serif)")]
ColourText = Annotated[str, StringConstraints(min_length=1, max_length=100)]
PaletteName = Annotated[str, StringConstraints(pattern=r"^[a-zA-Z_][a-zA-Z0-9_-]{0,80}$"),
                        Explained("a name of letters, digits, _ and - (starting with a "
                                  "letter), such as forest or brand-blue")]
Size = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,3}(\.[0-9]{1,3})?(pt|px|rem|em|%)$"),
                 Explained('a size such as "10.5pt", "14px" or "1rem"')] | Annotated[
                     float, Field(gt=0, le=200)]
LineHeight = Annotated[str, StringConstraints(
    pattern=r"^[0-9]{1,3}(\.[0-9]{1,3})?(em|rem|%|px|pt)?$"), Explained(
        'a line height such as 1.4, "1.25em", "150%" or "24px"')] | Annotated[
            float, Field(gt=0, le=100)]
WEIGHT_NAMES = {"thin": 100, "extra-light": 200, "ultra-light": 200, "light": 300,
                "normal": 400, "regular": 400, "medium": 500, "semi-bold": 600,
                "demi-bold": 600, "bold": 700, "extra-bold": 800, "ultra-bold": 800,
                "black": 900}  # posit's brand_yml (after CSS's common weight names)
WeightName = Literal["thin", "extra-light", "ultra-light", "light", "normal", "regular",
                     "medium", "semi-bold", "demi-bold", "bold", "extra-bold", "ultra-bold",
                     "black"]
Weight = Annotated[int, Field(ge=1, le=1000)] | WeightName
WeightRange = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,4}\.\.[0-9]{1,4}$"),
                        Explained('a weight range such as "300..700"')]
Style = Literal["normal", "italic", "oblique"]
RelPath = Annotated[str, StringConstraints(min_length=1, max_length=300)]
AltText = Annotated[str, StringConstraints(max_length=500)]


class _Open(BaseModel):
    """Keys of other tools are allowed here (as the spec allows)."""
    model_config = ConfigDict(extra="allow", frozen=True, strict=True, defer_build=True)


class MetaName(_Strict):
    short: str | None = None
    full: str | None = None


class Meta(_Open):
    name: str | MetaName | None = None
    link: str | dict[str, Any] | None = None
    description: str | None = None


class LogoImage(_Strict):
    path: RelPath
    alt: AltText | None = None


class LogoLightDark(_Strict):
    light: RelPath | LogoImage | None = None
    dark: RelPath | LogoImage | None = None


LogoRef = RelPath | LogoImage | LogoLightDark


class Logo(_Strict):
    images: dict[str, RelPath | LogoImage] = {}
    small: LogoRef | None = None
    medium: LogoRef | None = None
    large: LogoRef | None = None


class LightDark(_Strict):
    light: ColourText | None = None
    dark: ColourText | None = None


ColourValue = ColourText | LightDark


class Colour(_Strict):
    palette: dict[PaletteName, ColourText] = {}
    foreground: ColourValue | None = None
    background: ColourValue | None = None
    primary: ColourValue | None = None
    secondary: ColourValue | None = None
    tertiary: ColourValue | None = None
    success: ColourValue | None = None
    info: ColourValue | None = None
    warning: ColourValue | None = None
    danger: ColourValue | None = None
    light: ColourValue | None = None
    dark: ColourValue | None = None
    link: ColourValue | None = None


class FontFile(_Strict):
    path: RelPath
    weight: Weight | WeightRange | None = None
    style: Style | None = None


class FontSource(_Strict):
    family: FontName
    source: Literal["file", "system", "google", "bunny"] = "file"
    files: list[RelPath | FontFile] = []
    weight: Weight | WeightRange | list[Weight] | None = None
    style: Style | list[Style] | None = None
    display: Literal["auto", "block", "swap", "fallback", "optional"] | None = None


class BaseType(_Strict):
    family: FontName | None = None
    size: Size | None = None
    line_height: LineHeight | None = Field(None, alias="line-height")
    weight: Weight | None = None
    color: ColourValue | None = None


class HeadingsType(_Strict):
    family: FontName | None = None
    weight: Weight | None = None
    style: Style | None = None
    color: ColourValue | None = None
    line_height: LineHeight | None = Field(None, alias="line-height")


class MonoType(_Strict):
    family: FontName | None = None
    size: Size | None = None
    weight: Weight | None = None
    line_height: LineHeight | None = Field(None, alias="line-height")
    color: ColourValue | None = None
    background_color: ColourValue | None = Field(None, alias="background-color")


class LinkType(_Strict):
    color: ColourValue | None = None
    background_color: ColourValue | None = Field(None, alias="background-color")
    weight: Weight | None = None
    decoration: Annotated[str, StringConstraints(max_length=100)] | None = None


class Typography(_Strict):
    fonts: list[FontSource] = []
    base: FontName | BaseType | None = None
    headings: FontName | HeadingsType | None = None
    monospace: FontName | MonoType | None = None
    monospace_inline: FontName | MonoType | None = Field(None, alias="monospace-inline")
    monospace_block: FontName | MonoType | None = Field(None, alias="monospace-block")
    link: LinkType | None = None


# the slide kinds a brand can pin to a company template's layout: the deck plan's kinds
# and the block types that have a slide (smguide.deck.plan.SLIDE_BLOCKS)
LayoutKind = Literal["title", "agenda", "section", "closing", "role", "comparison", "analogy",
                     "practices", "takeaways", "checklist", "questions", "callout", "glossary"]
LayoutPin = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                             max_length=200)] | Annotated[int, Field(ge=1)]


Percent = Annotated[float, Field(ge=0, le=100)]


class PrintDefaults(_Strict):
    """`defaults.smguide.print`: the print shop's output profile and exact CMYK values
    (percent, per colour role or palette name)."""

    profile: RelPath | None = None
    cmyk: dict[PaletteName, Annotated[list[Percent], Field(min_length=4, max_length=4)]] = {}


FooterText = Annotated[str, StringConstraints(max_length=120)]
FooterLanguage = Annotated[str, StringConstraints(pattern=r"^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$")]


class SmguideDefaults(_Strict):
    # one line, or one line per language: {en: ..., de: ...}
    footer: FooterText | dict[FooterLanguage, FooterText] | None = None
    layouts: dict[LayoutKind, LayoutPin] | None = None
    template_theme: Literal["template", "brand"] | None = Field(None, alias="template-theme")
    template_logo: Literal["auto", "always", "never"] | None = Field(None, alias="template-logo")
    print: PrintDefaults | None = None


class Defaults(BaseModel):
    # other tools' sections are ignored, whatever they hold
    model_config = ConfigDict(extra="allow", frozen=True, defer_build=True)
    smguide: SmguideDefaults | None = None


class BrandFile(_Strict):
    meta: Meta | None = None
    logo: RelPath | LogoImage | Logo | None = None
    color: Colour | None = None
    typography: Typography | None = None
    defaults: Defaults | None = None


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
    source: str
    # on a company template (--template): slide kind -> layout name or 1-based number;
    # whose colours and fonts the deck's theme has; whether our logo goes on the slides
    layouts: dict[str, str | int] = dataclasses.field(default_factory=dict)
    layout_where: dict[str, str] = dataclasses.field(default_factory=dict)  # file:line:col: key
    template_theme: str = "template"
    template_logo: str = "auto"
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
    screen_notes: tuple[tuple[str, tuple[Problem, ...]], ...] = ()  # theme -> what the deck adapted
    footers: dict[str, str] = dataclasses.field(default_factory=dict)  # language -> footer
    footer_where: str = ""  # file:line:col: defaults.smguide.footer

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
                  f"headers) in {where}", 4.5),
                 ("secondary", c["secondary"], "background", c["background"],
                  f"the line above slide titles and the role card's column headings in "
                  f"{where}", 4.5)]
        notes = [note for name, said in self.screen_notes if name == theme for note in said]
        return notes + contrast_warnings(self.source, pairs)


ROLES = ("foreground", "background", "primary", "secondary", "tertiary", "success", "info",
         "warning", "danger", "light", "dark")
THEME_NAMES = (*ROLES, "link")
DEFAULT_COLOURS = {"foreground": "#1d2327", "background": "#ffffff", "primary": "#2f6b4f",
                   "secondary": "#a35a24", "tertiary": "#4a7fb0", "light": "#f3f1ea",
                   "dark": "#1d2327"}
LOGO_KINDS = {".svg", ".png", ".jpg", ".jpeg", ".webp"}
FONT_KINDS = {".ttf", ".otf", ".woff", ".woff2"}
MIN_LINE_HEIGHT = 1.15  # below it, a page of body text has its lines touching


def contrast_warnings(source: str, pairs: list[tuple[str, str, str, str, str, float]]
                      ) -> list[Problem]:
    """One warning per pair of colours below `need`:1 (WCAG AA: 4.5 text, 3 large text)."""
    warnings, seen = [], set()
    for a, first, b, second, what, need in pairs:
        ratio = contrast(first, second)
        if ratio < need and (first, second, what) not in seen:
            seen.add((first, second, what))
            warnings.append(Problem.warn(Where(source), f"low contrast {ratio:.1f}:1 between "
                                         f"{a} {first} and {b} {second} ({what}); WCAG AA "
                                         f"needs {need:g}:1", f"{need:g}:1"))
    return warnings


def _at(data: Any, *keys: str | int) -> Any:
    """data[k1][k2]... or None when the file has another shape there."""
    for key in keys:
        if isinstance(key, int):
            data = data[key] if isinstance(data, list) and key < len(data) else None
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return data


def _size_pt(size: str | float | None, base: float = 10.5) -> float:
    """A font size in points (rem and em relative to the 10.5pt default body text)."""
    if size is None:
        return base
    if isinstance(size, (int, float)):
        return float(size) * 0.75  # a bare number is CSS pixels
    number = float(re.sub(r"[a-z%]+$", "", size))
    unit = re.sub(r"^[0-9.]+", "", size)
    factor = {"pt": 1.0, "px": 0.75, "rem": 10.5, "em": base, "%": base / 100}[unit]
    return round(number * factor, 2)


def _line_height(value: str | float | None, size_pt: float) -> float | None:
    """A line height as a multiple of the text size: 1.4, "1.25em", "150%", "24px"."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    number = float(re.sub(r"[a-z%]+$", "", value))
    unit = re.sub(r"^[0-9.]+", "", value)
    if unit in ("", "em", "rem"):
        return number
    if unit == "%":
        return number / 100
    return number * (0.75 if unit == "px" else 1.0) / size_pt


def css_weight(value: int | str | None, default: int) -> int:
    """A weight as a number 100-900 ("semi-bold" -> 600; 350 -> 400, as fonts have them)."""
    if value is None:
        return default
    if isinstance(value, str):
        if ".." in value:  # a range a variable font covers: its lower end
            value = int(value.split("..")[0])
        else:
            return WEIGHT_NAMES.get(value, default)
    return max(100, min(900, round(int(value) / 100) * 100))


def _weights(value: Any) -> list[int]:
    """The weights a fonts entry asks for (a weight, a list, or a "300..700" range)."""
    if value is None:
        return []
    if isinstance(value, str) and ".." in value:
        low, high = (css_weight(int(part), 400) for part in value.split(".."))
        return [w for w in (300, 400, 500, 600, 700) if low <= w <= high] or [low]
    items = value if isinstance(value, list) else [value]
    return sorted({css_weight(item, 400) for item in items})


def pick_logo(logo: Any) -> tuple[str, str | None] | None:
    """The file (and its alt text) a brand's `logo:` names for print: a path, the largest
    size (its light variant), else the first of its images."""
    return _pick_logo(logo, "light")


def _pick_logo(logo: Any, mode: str) -> tuple[str, str | None] | None:
    if isinstance(logo, str):
        return logo, None
    if not isinstance(logo, dict):
        return None
    if "path" in logo:
        return _logo_spec(logo, {}, mode)
    images: dict[str, Any] = logo["images"] if isinstance(logo.get("images"), dict) else {}
    for size in ("large", "medium", "small"):
        picked = _logo_spec(logo.get(size), images, mode)
        if picked:
            return picked
    if images:  # only named images: the brand's logo is the first one
        preferred: list[str] = [n for n in ("logo", "main", "brand", "full", "mark")
                                if n in images]
        return _logo_spec((preferred or list(images))[0], images, mode)
    return None


def _logo_spec(spec: Any, images: dict[str, Any], mode: str) -> tuple[str, str | None] | None:
    if isinstance(spec, dict) and ("light" in spec or "dark" in spec):
        spec = spec.get(mode) or spec.get("light") or spec.get("dark")
    if isinstance(spec, str) and spec in images:
        spec = images[spec]
    if isinstance(spec, dict) and isinstance(spec.get("path"), str):
        alt = spec.get("alt")
        return spec["path"], alt if isinstance(alt, str) else None
    return (spec, None) if isinstance(spec, str) else None


def _is_font(path: Path) -> bool:
    """Whether fontTools can read the file's tables (a renamed picture is not a font)."""
    return font_style(path) is not None


class _Reader:
    """The checks and resolution of one brand file, on its raw data, so that every
    problem is found at once even where the file's shape is wrong elsewhere."""

    def __init__(self, located: Located, shown: str, root: Path, network: bool):
        self.located, self.shown, self.root, self.network = located, shown, root, network
        self.data = located.data if isinstance(located.data, dict) else {}
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.found: list[tuple[str, str, str]] = []  # (family asked for, used, from where)
        colour = _at(self.data, "color")
        self.palette = {k: v for k, v in (_at(colour, "palette") or {}).items()
                        if isinstance(k, str) and isinstance(v, str)}
        self.colours_light: dict[str, str] = {}
        self.roles = {name: value for name in THEME_NAMES
                      if (value := _at(colour, name)) is not None}

    def where(self, *field: str | int) -> Where:
        line, col = self.located.position(tuple(field))
        return Where(self.shown, line, col, dotted(field))

    def problem(self, found: Problem) -> None:
        if found not in self.problems:
            self.problems.append(found)

    # -- colours ----------------------------------------------------------------------

    def resolve(self, text: str, field: tuple[str | int, ...], mode: str,
                chain: tuple[str, ...] = ()) -> str | None:
        """A colour value -> '#rrggbb': a palette name, a theme colour's name, or any CSS
        colour (palette names first, as brand_yml and Quarto look them up)."""
        if text in chain:
            self.problem(Problem.fix(self.where(*field), f"{quote(text)} refers back to itself "
                                     f"({' -> '.join((*chain, text))})", "give a colour"))
            return None
        if text in self.palette:
            return self.resolve(self.palette[text], ("color", "palette", text), mode,
                                (*chain, text))
        if text in THEME_NAMES:
            own = self.roles.get(text)
            value = own.get(mode) if isinstance(own, dict) else own
            if isinstance(own, dict) and value is None:
                value = own.get("light")
            if isinstance(value, str):
                sub = ("color", text, mode) if isinstance(own, dict) else ("color", text)
                return self.resolve(value, sub, mode, (*chain, text))
            if own is None and text in DEFAULT_COLOURS and chain and chain[-1] in ROLES:
                return DEFAULT_COLOURS[text]  # a theme colour naming one left to smguide
            if own is None:  # as Quarto does: the tool's own colour for it (brand_yml refuses)
                fallback = DEFAULT_COLOURS.get(text)
                instead = (f"smguide's own {text} {fallback}" if fallback
                           else "the colour smguide would use without it")
                note = Problem.warn(self.where(*field), f"{quote(text)} names color.{text}, "
                                    f"which this file does not define; {instead} is used "
                                    f"(define color.{text} to choose)",
                                    suggestion=f"define color.{text} to choose")
                if note not in self.warnings:
                    self.warnings.append(note)
                return fallback
            return None
        parsed = parse_colour(text)
        if parsed is None:
            self._not_a_colour(text, field)
        return parsed

    def _not_a_colour(self, text: str, field: tuple[str | int, ...]) -> None:
        """The problem with a colour value that is none: in a word processor's curly
        quotes (“#1f3a5f”), or what it may be instead (never a palette entry itself)."""
        curly = curly_wrapped(text)
        if curly and self._names_colour(text[1:-1]):
            self.problem(Problem.at(self.where(*field), curly[0], suggestion=curly[1]))
            return
        said = quote(text)
        if curly:  # “gren”: the quotes, and the name inside them, are both wrong
            text = text[1:-1]
            said = f"{quote(text)} (in curly quotes, which YAML keeps as part of the text)"
        own = field[-1] if field[:2] == ("color", "palette") else None
        others = [name for name in self.palette if name != own]
        names = sorted(others) or ["(none)"]
        wanted = ('a hex colour ("#2f6b4f"), a CSS colour name, rgb() or hsl(), or a '
                  "palette name")
        self.problem(Problem.fix(self.where(*field), f"{said} is not a colour: give "
                                 f"{wanted}{suggest(text, [*others, *THEME_NAMES])}",
                                 f"palette: {', '.join(names)}", wanted))

    def _names_colour(self, text: str) -> bool:
        """Whether `text` is a colour, a palette name or a theme colour's name."""
        return text in self.palette or text in THEME_NAMES or parse_colour(text) is not None

    def value(self, raw: Any, field: tuple[str | int, ...], mode: str) -> str | None:
        """A colour field in `mode` (a {light, dark} pair gives one of its values)."""
        if isinstance(raw, dict):
            side = raw.get(mode)
            return self.resolve(side, (*field, mode), mode) if isinstance(side, str) else None
        return self.resolve(raw, field, mode) if isinstance(raw, str) else None

    def colours(self, mode: str) -> dict[str, str]:
        """Every theme colour in `mode` (light, or the dark deck's), the file's over
        smguide's, with the typography's heading, text and link colours."""
        colours = self._role_colours(mode)
        typo = _at(self.data, "typography")
        heads = _at(typo, "headings")
        colours["headings"] = colours["primary"]
        if isinstance(heads, dict) and heads.get("color") is not None:
            colours["headings"] = (self.value(heads["color"], ("typography", "headings",
                                                                "color"), mode)
                                   or colours["primary"])
        base = _at(typo, "base")
        if isinstance(base, dict) and base.get("color") is not None:
            colours["foreground"] = (self.value(base["color"], ("typography", "base", "color"),
                                                mode) or colours["foreground"])
        link = self.value(self.roles.get("link"), ("color", "link"), mode)
        typo_link = _at(typo, "link", "color")
        if typo_link is not None:
            link = self.value(typo_link, ("typography", "link", "color"), mode) or link
        colours["link"] = link or colours["primary"]
        for kind in ("monospace", "monospace-inline", "monospace-block", "link"):
            for key in ("color", "background-color"):
                raw = _at(typo, kind, key)
                if raw is not None and not (kind == "link" and key == "color"):
                    self.value(raw, ("typography", kind, key), mode)  # checked, not printed
        return colours

    def _role_colours(self, mode: str) -> dict[str, str]:
        """The colour roles in `mode`: the file's, then (light) smguide's defaults or
        (dark) a dark background and light text derived from the light ones."""
        colours: dict[str, str] = {}
        for name in ROLES:
            raw = self.roles.get(name)
            if mode == "dark" and name in ("foreground", "background") and not isinstance(
                    raw, dict):
                continue  # one value for both: the dark deck derives its own (below)
            resolved = self.value(raw, ("color", name), mode)
            if resolved:
                colours[name] = resolved
        for name in self.palette:  # a palette entry that is not a colour is a mistake too
            self.resolve(name, ("color", "palette", name), mode)
        if mode != "dark":
            for name, value in DEFAULT_COLOURS.items():
                colours.setdefault(name, value)
            return colours
        light = self.colours_light
        if "background" not in colours:
            colours["background"] = next(
                (c for c in (light.get("dark"), light.get("foreground"))
                 if c and luminance(c) < 0.18), "#16191c")
        if "foreground" not in colours:
            colours["foreground"] = next(
                (c for c in (light.get("light"), light.get("background"))
                 if c and luminance(c) > 0.6), "#f4f4f2")
        for name, value in light.items():
            colours.setdefault(name, value)
        return colours

    # -- fonts ------------------------------------------------------------------------

    def font_files(self) -> tuple[dict[str, list[FontFace]], dict[str, dict[str, Any]]]:
        """The brand's own font files (checked), and each declared family's entry."""
        faces: dict[str, list[FontFace]] = {}
        declared: dict[str, dict[str, Any]] = {}
        fonts = _at(self.data, "typography", "fonts")
        for i, font in enumerate(fonts if isinstance(fonts, list) else []):
            family = _at(font, "family")
            if not isinstance(family, str):
                continue
            declared.setdefault(family, font)
            files = _at(font, "files")
            for j, entry in enumerate(files if isinstance(files, list) else []):
                spec = {"path": entry} if isinstance(entry, str) else entry
                path = _at(spec, "path")
                if not isinstance(path, str):
                    continue
                place = self.where("typography", "fonts", i, "files", j)
                if re.match(r"^[a-z][a-z0-9+.-]*://", path, re.I):
                    self.warnings.append(Problem.warn(
                        place, f"{quote(path)} is a web address; smguide reads font files "
                               "from the brand's folder only (download it there and give its "
                               "path)", suggestion="download it there and give its path"))
                    continue
                before = len(self.problems)
                check_file_ref(self.root, path, place, FONT_KINDS, self.problems, "font file")
                if len(self.problems) > before:
                    continue
                target = real(self.root / path)
                own = font_style(target)
                if own is None:
                    self.problem(Problem.fix(place, f"{quote(path)} is not a font file that can "
                                                    "be read", "use the .ttf or .otf file from "
                                                               "the font's download"))
                    continue
                weight = css_weight(_at(spec, "weight"), own[0])
                style = _at(spec, "style")
                style = "italic" if style in ("italic", "oblique") else (
                    "normal" if style == "normal" else own[1])
                faces.setdefault(family, []).append(FontFace(family, target, weight, style))
        return faces, declared

    def family(self, stack: str, field: tuple[str, ...], files: dict[str, list[FontFace]],
               declared: dict[str, dict[str, Any]], warn: bool = True
               ) -> tuple[str, str, list[FontFace]]:
        """(the family the deck's theme names, the family used here, its faces): the first
        of a font stack that can be had, looked for in the brand's files, on this
        computer, in the font cache, then downloaded if allowed; else the bundled Lato."""
        names = split_stack(stack) or [BUNDLED_FAMILY]
        tried: list[str] = []
        for name in names:
            if name.lower() in GENERIC:  # any font of the kind will do
                return self._generic(stack, names[0], name)
            faces, origin = files.get(name) or [], "the brand's files"
            if name == BUNDLED_FAMILY and not faces:
                self.found.append((stack, name, "bundled with smguide"))
                return name, name, bundled_faces()
            if not faces:
                faces, origin = system_faces(name), "installed on this computer"
            if not faces:
                faces, origin = cached_faces(name), f"smguide's font cache ({cache_dir()})"
            entry = declared.get(name) or {}
            source = entry.get("source")
            if not faces and self.network and source in ("google", "bunny"):
                try:
                    faces = fetch_family(source, name, _weights(entry.get("weight")),
                                         _styles(entry.get("style")))
                    origin = f"downloaded from {APIS[source][2]} into {cache_dir()}"
                except FetchError as exc:
                    self.warnings.append(Problem.warn(self.where(*field), f"could not "
                                                      f"download {quote(name)}: {exc}"))
            if faces:
                self.found.append((stack, name, f"{origin}: {len(faces)} "
                                                f"face{'s' if len(faces) != 1 else ''}"))
                return name, name, faces
            tried.append(name)
        self.found.append((stack, BUNDLED_FAMILY, "not found: the bundled Lato is used"))
        if warn:
            self.warnings.append(self.missing_font(field, tried, declared))
        return tried[0], BUNDLED_FAMILY, bundled_faces()

    def _generic(self, stack: str, first: str, name: str) -> tuple[str, str, list[FontFace]]:
        """A generic family (serif, monospace...): this computer's font of the kind, else
        the bundled Lato (always for sans-serif)."""
        if name.lower() not in ("sans-serif", "system-ui", "ui-sans-serif"):
            installed = generic_family(name.lower())
            faces = system_faces(installed) if installed else []
            if installed and faces:
                self.found.append((stack, installed, f"installed on this computer "
                                                     f"(this computer's {name} font)"))
                return first, installed, faces
        self.found.append((stack, BUNDLED_FAMILY, f"bundled with smguide (the stack "
                                                  f"allows any {name} font)"))
        return first, BUNDLED_FAMILY, bundled_faces()

    def missing_font(self, field: tuple[str, ...], tried: list[str],
                     declared: dict[str, dict[str, Any]]) -> Problem:
        first = tried[0]
        curly = curly_wrapped(first) if len(tried) == 1 else None
        if curly:  # family: “Lato”, pasted from a word processor
            return Problem.warn(self.where(*field), f"{curly[0]} (until then, no font has "
                                f"that name and the bundled {BUNDLED_FAMILY} is used)",
                                suggestion=curly[1])
        fetchable = [n for n in tried if (declared.get(n) or {}).get("source") in
                     ("google", "bunny")]
        if fetchable:
            how = (f"run `smguide fonts --brand {self.shown}` to download it into the font "
                   f"cache ({cache_dir()}), or build with --allow-network")
        else:
            how = ("install it on this computer, or put its .ttf/.otf files beside the brand "
                   "file under typography.fonts (source: file)")
        names = " or ".join(quote(n) for n in tried)
        return Problem.warn(self.where(*field), f"the font {names} is not on this computer "
                            f"(nor in the brand's folder or smguide's font cache); the "
                            f"handbook uses the bundled {BUNDLED_FAMILY} instead and the deck "
                            f"names {quote(first)} (text fitted with {BUNDLED_FAMILY}'s "
                            f"measures); {how}", suggestion=how)

    # -- logo -------------------------------------------------------------------------

    def logo(self, mode: str) -> tuple[Path | None, str | None]:
        raw = _at(self.data, "logo")
        if raw is None:
            return None, None
        picked = _pick_logo(raw, mode)
        if picked is None:
            if not (isinstance(raw, dict) and not raw.get("images") and
                    all(raw.get(k) is None for k in ("small", "medium", "large", "path"))):
                self.problem(Problem.at(self.where("logo"), "give a logo file path (e.g. logo: "
                                                            "logo.svg)"))
            return None, None
        path, alt = picked
        place = self.where(*self._logo_field(raw, path))
        before = len(self.problems)
        check_file_ref(self.root, path, place, LOGO_KINDS, self.problems, "logo image")
        if len(self.problems) > before:
            self.problems[before:] = list(dict.fromkeys(self.problems[before:]))
            return None, None
        refused = check_image(self.root / path)
        if refused:
            self.problem(refused_image(place, path, refused))
            return None, None
        return real(self.root / path), alt

    def _logo_field(self, raw: Any, path: str) -> tuple[str | int, ...]:
        """Where in the file the picked logo's path is written (for the message)."""
        for field, pos in self.located.value_pos.items():
            if field[:1] == ("logo",) and _at(self.data, *field) == path:
                del pos
                return field
        return ("logo",)


def _styles(value: Any) -> list[str]:
    items = value if isinstance(value, list) else ([value] if value else [])
    return sorted({"italic" if item in ("italic", "oblique") else "normal" for item in items})


def readable_on_paper(colours: dict[str, str], reader: _Reader | None = None
                      ) -> tuple[dict[str, str], list[Problem]]:
    """The colours the handbook prints, as a designer would adapt a brand to paper: a dark
    background stays on the cover while the pages are white, body text that would be hard
    to read on the paper is set in the brand's darkest readable colour, and headings and
    links too light for the paper are darkened. Returns (colours, what was changed)."""
    c = dict(colours)
    notes: list[Problem] = []
    source = reader.shown if reader else "brand"

    def at(role: str) -> Where:
        """Where the file sets the colour of `role` (a link or heading colour may come
        from typography, or from the primary colour)."""
        where_set: dict[str, list[tuple[str, ...]]] = {
            "link": [("typography", "link", "color"), ("color", "link")],
            "headings": [("typography", "headings", "color")],
            "foreground": [("typography", "base", "color")]}
        fields = where_set.get(role, [])
        for field in [*fields, ("color", role), ("color", "primary")]:
            if reader and _at(reader.data, *field) is not None:
                return reader.where(*field)
        return Where(source, None, None, f"color.{role}")

    paper = c["background"]
    if luminance(paper) < 0.45:
        c["background"] = "#ffffff"
        notes.append(Problem.warn(at("background"), f"the background {paper} is dark; the "
                                  "handbook's pages are printed white (the cover keeps the "
                                  "brand colours) so that a whole handbook of text stays "
                                  "readable and printable"))
    paper = c["background"]
    if contrast(c["foreground"], paper) < 4.5:
        darkest = sorted({v for k, v in colours.items() if k not in ("headings", "link")}
                         | set(reader_palette(reader)), key=luminance)
        text = next((v for v in darkest if contrast(v, paper) >= 7), None) or "#1d2327"
        notes.append(Problem.warn(at("foreground"), f"body text {c['foreground']} on the "
                                  f"paper {paper} would be hard to read "
                                  f"({contrast(c['foreground'], paper):.1f}:1); the handbook "
                                  f"sets it in {text} ({contrast(text, paper):.1f}:1)"))
        c["foreground"] = text
    for role, need, what in (("headings", 3.0, "headings"), ("link", 4.5, "links")):
        if contrast(c[role], paper) < need:
            darker = _darken(c[role], paper, need)
            notes.append(Problem.warn(at(role), f"{what} in {c[role]} on the paper {paper} "
                                      f"would be too light ({contrast(c[role], paper):.1f}:1); "
                                      f"the handbook prints them in {darker}"))
            c[role] = darker
    # the brand's own secondary colour only: smguide's default (#a35a24, 5.2:1 on white)
    # reads on the default paper; on a brand's darker paper it may not, and is replaced
    # without a word, as the file did not choose it
    if reader is None or "secondary" in reader.roles:
        notes += _secondary_replaced(c, at("secondary"))
    c["on_primary"] = on_colour(c["primary"], c["background"], c["foreground"])
    return c, notes


def _secondary_replaced(c: dict[str, str], where: Where) -> list[Problem]:
    """Text the handbook would set in the secondary colour but sets in the body colour
    instead, because the pair is below 4.5:1 on the paper (model.colors.palette's
    secondary_text): a warning naming both colours."""
    secondary, paper, text = c["secondary"], c["background"], c["foreground"]
    ratio = contrast(secondary, paper)
    if ratio >= 4.5:
        return []
    fix = "choose a darker secondary colour to print them in it"
    return [Problem.warn(where, f"the secondary colour {secondary} on the paper {paper} is "
                                f"too light for text ({ratio:.1f}:1, WCAG AA needs 4.5:1); the "
                                f"handbook sets the chapter numbers above the titles, the "
                                f"practices' labels and the takeaways heading in the body "
                                f"colour {text} instead (its bars and markers keep "
                                f"{secondary}); {fix}", "4.5:1", fix)]


def deck_on_primary(c: dict[str, str]) -> str:
    """The deck's title-slide text on the primary colour: a theme colour (background or
    foreground), whichever reads better."""
    bg, fg, fill = c["background"], c["foreground"], c["primary"]
    return bg if contrast(bg, fill) >= 4.5 or contrast(bg, fill) >= contrast(fg, fill) else fg


def on_colour(fill: str, light: str, dark: str) -> str:
    """The text colour for a fill of the brand colour: the brand's background (as the cover
    and title slide have it) unless its foreground, or black or white, reads better."""
    if contrast(light, fill) >= 4.5:
        return light
    return max((dark, "#ffffff", "#000000"), key=lambda v: contrast(v, fill))


def readable_text(tone: str, background: str, foreground: str) -> str:
    """Text meant in `tone` on the background: `tone` when it reads there (4.5:1), else
    the foreground, as the deck sets the agenda's and checklist's numbers."""
    return tone if contrast(tone, background) >= 4.5 else foreground


def readable_on_screen(colours: dict[str, str], reader: _Reader, theme: str
                       ) -> tuple[dict[str, str], list[Problem]]:
    """The deck's colours on a dark background, as a designer would adapt them: boxes
    and shaded rows a shade of the background (not a light colour the light text cannot
    be read on) unless the brand gives `light`, and titles and accents in the primary
    colour lightened just enough to be seen. Returns (colours, what was changed)."""
    c = dict(colours)
    notes: list[Problem] = []
    bg, fg = c["background"], c["foreground"]
    if luminance(bg) >= 0.2:
        return c, notes
    if "light" not in reader.roles or contrast(fg, c["light"]) < 4.5:
        c["light"] = mix(fg, bg, 0.14)
    # titles are text: 4.5:1 on the background, as on a projector they must be; the
    # primary colour fills banners and table headers under light text, so it is lightened
    # only while that text still reads on it (it also draws the bullets and bars)
    for role, need in (("headings", 4.5), ("primary", 3.0)):
        if contrast(c[role], bg) < need:
            lighter = _lighten(c[role], bg, need, under=fg if role == "primary" else None)
            if lighter == c[role]:
                continue
            field = ("typography", "headings", "color") if role == "headings" else (
                "color", "primary")
            place = (reader.where(*field) if _at(reader.data, *field) is not None
                     else Where(reader.shown, None, None, f"{dotted(field)} (smguide's)"))
            what = "bullets, bars and banners" if role == "primary" else "titles"
            notes.append(Problem.warn(place, f"{what} in {c[role]} on the deck's dark "
                                      f"background {bg} ({theme} theme) would be hard to see "
                                      f"({contrast(c[role], bg):.1f}:1); the deck uses "
                                      f"{lighter}"))
            c[role] = lighter
    return c, notes


def _lighten(colour: str, background: str, need: float, under: str | None = None) -> str:
    """`colour` mixed with white until it reaches `need`:1 on `background`; with `under`
    (text set on the colour), never so far that `under` drops below 4.5:1 on it."""
    found = colour
    for step in range(1, 21):
        lighter = mix(colour, "#ffffff", 1 - step / 20)
        if under is not None and contrast(under, lighter) < 4.5:
            return found
        found = lighter
        if contrast(lighter, background) >= need:
            return lighter
    return "#ffffff" if under is None else found


def reader_palette(reader: _Reader | None) -> list[str]:
    if reader is None:
        return []
    return [v for v in (parse_colour(x) for x in reader.palette.values()) if v]


def _darken(colour: str, paper: str, need: float) -> str:
    """The brand colour mixed with black, just enough to reach `need`:1 on the paper."""
    for step in range(1, 21):
        darker = mix(colour, "#000000", 1 - step / 20)
        if contrast(darker, paper) >= need:
            return darker
    return "#000000"


def handbook_warnings(shown: str, c: dict[str, str]) -> list[Problem]:
    pairs = [("foreground", c["foreground"], "background", c["background"],
              "body text on the page", 4.5),
             ("headings", c["headings"], "background", c["background"],
              "headings on the page", 3.0),
             ("cover text", c["on_primary"], "primary", c["primary"],
              "cover and table-header text on the primary colour", 4.5),
             ("link", c["link"], "background", c["background"], "links on the page", 4.5)]
    return contrast_warnings(shown, pairs)


def _text(value: Any, default: str) -> str:
    return value if isinstance(value, str) else default


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
    parsed, problems = validate(BrandFile, checked, shown)
    root = real(path).parent
    reader = _Reader(located, shown, root, network)
    reader.problems = list(problems)

    light = reader.colours("light")
    reader.colours_light = light
    dark = reader.colours("dark")

    base, heads, fonts = _typography(reader)
    theme_base, base_used, base_faces = fonts[0]
    theme_head, head_used, head_faces = fonts[1]
    theme_mono = fonts[2][0]

    logo_path, logo_alt = reader.logo("light")
    logo_dark = reader.logo("dark")[0] if logo_path else None

    smguide = (parsed.defaults.smguide if parsed and parsed.defaults and
               parsed.defaults.smguide else None)
    print_profile, print_cmyk = _print_defaults(smguide.print if smguide else None, light,
                                                reader)
    if reader.problems or parsed is None:
        raise BrandError(sorted(dict.fromkeys(reader.problems), key=file_line))

    meta = parsed.meta
    name = meta.name if meta and isinstance(meta.name, str) else (
        (meta.name.full or meta.name.short) if meta and meta.name else None)
    size_pt = _size_pt(base.get("size") if isinstance(base.get("size"), (str, int, float))
                       else None)
    line_height = _line_height(base.get("line-height"), size_pt)
    warnings = list(reader.warnings)
    if line_height is not None and line_height < MIN_LINE_HEIGHT:
        warnings.append(Problem.warn(reader.where("typography", "base", "line-height"),
                                     f"a line height of {line_height:g} makes the lines of a "
                                     f"page of text touch; the handbook uses "
                                     f"{MIN_LINE_HEIGHT}", f"at least {MIN_LINE_HEIGHT}"))
        line_height = MIN_LINE_HEIGHT
    faces: dict[tuple[str, str, int, str], FontFace] = {}
    for face in (*bundled_faces(), *base_faces, *head_faces):
        faces.setdefault((face.family, str(face.path), face.weight, face.style), face)
    printed, notes = readable_on_paper(light, reader)
    warnings += notes + handbook_warnings(shown, printed)
    light, screen = readable_on_screen(light, reader, "light")
    dark, screen_dark = readable_on_screen(dark, reader, "dark")
    brand = Brand(
        name=name or "", footer=smguide.footer if smguide and isinstance(
            smguide.footer, str) else None, logo=logo_path,
        logo_alt=logo_alt or (f"{name} logo" if name else "Logo"), colours=light,
        base_family=base_used, base_size_pt=size_pt, line_height=line_height or 1.45,
        heading_family=head_used,
        heading_weight=css_weight(heads.get("weight") if isinstance(
            heads.get("weight"), (int, str)) else None, 700),
        faces=tuple(faces.values()), root=root, source=shown,
        layouts=dict(smguide.layouts or {}) if smguide else {},
        template_theme=(smguide.template_theme if smguide else None) or "template",
        template_logo=(smguide.template_logo if smguide else None) or "auto",
        layout_where={kind: str(reader.where("defaults", "smguide", "layouts", kind))
                      for kind in (smguide.layouts or {} if smguide else {})},
        print_profile=print_profile, print_cmyk=print_cmyk,
        print_colours=printed, dark_colours=dark,
        logo_dark=logo_dark if logo_dark != logo_path else None,
        logo_alt_given=bool(logo_alt), theme_base_family=theme_base,
        theme_heading_family=theme_head, mono_family=theme_mono,
        fonts_found=tuple(dict.fromkeys(reader.found)),
        screen_notes=(("light", tuple(screen)), ("dark", tuple(screen_dark))),
        footers={code.lower(): text for code, text in smguide.footer.items()}
        if smguide and isinstance(smguide.footer, dict) else {},
        footer_where=reader.where("defaults", "smguide", "footer"))
    return brand, list(dict.fromkeys(warnings))


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
    if located.data is None:
        located.data = {}
    return located


Family = tuple[str, str, list[FontFace]]  # the theme's name, the family used, its faces


def _typography(reader: _Reader) -> tuple[dict[str, Any], dict[str, Any],
                                          tuple[Family, Family, Family]]:
    """(typography.base, typography.headings, the base, heading and monospace families):
    each font stack's first family that can be had (see _Reader.family)."""
    typo = _at(reader.data, "typography")
    base_raw, heads_raw = _at(typo, "base"), _at(typo, "headings")
    base = {"family": base_raw} if isinstance(base_raw, str) else (
        base_raw if isinstance(base_raw, dict) else {})
    heads = {"family": heads_raw} if isinstance(heads_raw, str) else (
        heads_raw if isinstance(heads_raw, dict) else {})
    mono_raw = _at(typo, "monospace")
    mono = {"family": mono_raw} if isinstance(mono_raw, str) else (
        mono_raw if isinstance(mono_raw, dict) else {})
    files, declared = reader.font_files()
    base_field = ("typography", "base", "family") if isinstance(base_raw, dict) else (
        "typography", "base")
    head_field = ("typography", "headings", "family") if isinstance(heads_raw, dict) else (
        "typography", "headings")
    base_stack = _text(base.get("family"), BUNDLED_FAMILY)
    head_stack = _text(heads.get("family"), base_stack)
    base_family = reader.family(base_stack, base_field, files, declared)
    head_family = base_family if head_stack == base_stack else reader.family(
        head_stack, head_field, files, declared)
    mono_stack = _text(mono.get("family"), "monospace")
    mono_family = reader.family(mono_stack, ("typography", "monospace"), files, declared,
                                warn=False)
    return base, heads, (base_family, head_family, mono_family)


def _print_defaults(spec: PrintDefaults | None, colours: dict[str, str], reader: _Reader
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
