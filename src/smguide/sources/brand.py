"""The brand: a core subset of posit's `_brand.yml`, validated strictly.

Every value that reaches CSS or the deck theme passes a whitelist pattern here (hex
colours, plain font names, sizes with units), so a brand file cannot inject CSS.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from smguide.errors import BrandError, quote
from smguide.model.base import Explained
from smguide.model.base import Strict as _Strict
from smguide.model.colors import HEX, contrast, normalise_hex
from smguide.paths import display_path, link_loop, real
from smguide.resources import FONTS_DIR
from smguide.safety.images import check_image
from smguide.sources.content import LOOP, check_file_ref, file_line
from smguide.sources.validate import dotted, suggest, validate
from smguide.sources.yamlsource import YamlProblem, read_yaml

FontName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9 _-]{0,62}$"),
                     Explained("a font family name (letters, digits, spaces, dashes)")]
ColourRef = Annotated[
    str, StringConstraints(pattern=r"^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-z][a-z0-9_-]{0,30})$"),
    Explained('a hex colour such as "#2f6b4f" or a palette name')]
PaletteName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,30}$"),
                        Explained("a lowercase name such as forest or brand-blue")]
Size = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,2}(\.[0-9]{1,2})?(pt|px|rem|em)$"),
                 Explained('a size such as "10.5pt", "14px" or "1rem"')]
RelPath = Annotated[str, StringConstraints(min_length=1, max_length=300)]


class MetaName(_Strict):
    short: str | None = None
    full: str | None = None


class Meta(_Strict):
    name: str | MetaName | None = None
    link: str | dict[str, str] | None = None


class LogoImage(_Strict):
    path: RelPath
    alt: str | None = None


LogoRef = RelPath | LogoImage | dict[Literal["light", "dark"], RelPath | LogoImage]


class Logo(_Strict):
    images: dict[str, RelPath | LogoImage] = {}
    small: LogoRef | None = None
    medium: LogoRef | None = None
    large: LogoRef | None = None


class Colour(_Strict):
    palette: dict[PaletteName, ColourRef] = {}
    foreground: ColourRef | None = None
    background: ColourRef | None = None
    primary: ColourRef | None = None
    secondary: ColourRef | None = None
    tertiary: ColourRef | None = None
    success: ColourRef | None = None
    info: ColourRef | None = None
    warning: ColourRef | None = None
    danger: ColourRef | None = None
    light: ColourRef | None = None
    dark: ColourRef | None = None


class FontFile(_Strict):
    path: RelPath
    weight: Annotated[int, Field(ge=100, le=900)] | Literal["normal", "bold"] = 400
    style: Literal["normal", "italic"] = "normal"


class FontSource(_Strict):
    family: FontName
    source: Literal["file", "system", "google", "bunny"] = "file"
    files: list[RelPath | FontFile] = []
    weight: Any = None
    style: Any = None
    display: Any = None


class BaseType(_Strict):
    family: FontName | None = None
    size: Size | None = None
    line_height: Annotated[float, Field(ge=1.0, le=2.5)] | None = Field(None, alias="line-height")
    weight: Annotated[int, Field(ge=100, le=900)] | None = None


class HeadingsType(_Strict):
    family: FontName | None = None
    weight: Annotated[int, Field(ge=100, le=900)] | Literal["normal", "bold"] | None = None
    style: Literal["normal", "italic"] | None = None
    color: ColourRef | None = None
    line_height: Annotated[float, Field(ge=0.9, le=2.5)] | None = Field(None, alias="line-height")


class Typography(_Strict):
    fonts: list[FontSource] = []
    base: FontName | BaseType | None = None
    headings: FontName | HeadingsType | None = None
    monospace: Any = None
    link: Any = None


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


class SmguideDefaults(_Strict):
    footer: Annotated[str, StringConstraints(max_length=120)] | None = None
    layouts: dict[LayoutKind, LayoutPin] | None = None
    template_theme: Literal["template", "brand"] | None = Field(None, alias="template-theme")
    template_logo: Literal["auto", "always", "never"] | None = Field(None, alias="template-logo")
    print: PrintDefaults | None = None


class Defaults(BaseModel):
    # other tools' sections are ignored
    model_config = ConfigDict(extra="allow", frozen=True, defer_build=True)
    smguide: SmguideDefaults | None = None


class BrandFile(_Strict):
    meta: Meta | None = None
    logo: RelPath | Logo | None = None
    color: Colour | None = None
    typography: Typography | None = None
    defaults: Defaults | None = None


@dataclass(frozen=True)
class FontFace:
    family: str
    path: Path
    weight: int
    style: str


@dataclass(frozen=True)
class Brand:
    """What the renderers use: resolved colours, fonts and files, all validated."""

    name: str
    footer: str | None
    logo: Path | None
    logo_alt: str
    colours: dict[str, str]  # role -> '#rrggbb'
    base_family: str
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

    def files(self) -> list[Path]:
        """The files the brand names (logo, fonts): all a renderer may read from its folder,
        which may be a whole project or home folder."""
        return [path for path in (self.logo, *(face.path for face in self.faces)) if path]


ROLES = ("foreground", "background", "primary", "secondary", "tertiary", "success", "info",
         "warning", "danger", "light", "dark")
DEFAULT_COLOURS = {"foreground": "#1d2327", "background": "#ffffff", "primary": "#2f6b4f",
                   "secondary": "#b5652a", "tertiary": "#4a7fb0", "light": "#f3f1ea",
                   "dark": "#1d2327"}
BUNDLED = (("Lato", "Lato-Regular.ttf", 400, "normal"), ("Lato", "Lato-Italic.ttf", 400, "italic"),
           ("Lato", "Lato-Bold.ttf", 700, "normal"), ("Lato", "Lato-BoldItalic.ttf", 700, "italic"))
CONTRAST_PAIRS = (("foreground", "background", "body text on the page"),
                  ("headings", "background", "headings on the page"),
                  ("background", "primary", "cover and table-header text on the primary colour"),
                  ("primary", "background", "links and accents on the page"))


def _size_pt(size: str | None) -> float:
    if not size:
        return 10.5
    number, unit = float(re.sub(r"[a-z]+$", "", size)), re.sub(r"^[0-9.]+", "", size)
    return {"pt": number, "px": number * 0.75, "rem": number * 10.5, "em": number * 10.5}[unit]


def _weight(value: int | str | None, default: int) -> int:
    return {"normal": 400, "bold": 700}.get(value, value) if value is not None else default  # type: ignore[arg-type]


def pick_logo(logo: Any) -> tuple[str, str | None] | None:
    """The file (and its alt text) a brand's `logo:` names: a path, or the largest size."""
    if isinstance(logo, str):
        return _logo_spec(logo, {})
    return _logo_spec(logo.large or logo.medium or logo.small, logo.images)


def _logo_spec(spec: Any, images: dict[str, Any]) -> tuple[str, str | None] | None:
    if spec is None:
        return None
    if isinstance(spec, dict):
        spec = spec.get("light") or spec.get("dark")
    if isinstance(spec, str) and spec in images:
        spec = images[spec]
    if isinstance(spec, LogoImage):
        return spec.path, spec.alt
    return (spec, None) if isinstance(spec, str) else None


def _is_font(path: Path) -> bool:
    """Whether fontTools can read the file's tables (a renamed picture is not a font)."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(BytesIO(path.read_bytes()), lazy=True) as font:
            return "cmap" in font and "head" in font
    except (TTLibError, OSError, ValueError, AssertionError, KeyError, EOFError):
        return False


def load_brand(path: Path) -> tuple[Brand, list[str]]:
    """Validate a brand file; return the Brand and contrast warnings, or raise BrandError."""
    shown = display_path(path)
    if link_loop(path):
        raise BrandError([f"{shown}:1:1: {LOOP}"])
    if not path.is_file():
        raise BrandError([f"{shown}:1:1: brand file not found; pass --brand FILE or create it"])
    try:
        located = read_yaml(path)
    except YamlProblem as exc:
        raise BrandError([f"{shown}:{exc.line}:{exc.column}: {exc.message}"]) from None
    except OSError as exc:
        raise BrandError([f"{shown}:1:1: cannot read the file ({exc.strerror})"]) from None
    if located.data is None:
        located.data = {}
    parsed, problems = validate(BrandFile, located, shown)
    if parsed is None:
        raise BrandError(problems)
    root = real(path).parent

    def where(*field: str | int) -> str:
        line, col = located.position(tuple(field))
        return f"{shown}:{line}:{col}: {dotted(field)}"

    colour_spec = parsed.color or Colour()
    palette = {k: v for k, v in colour_spec.palette.items()}
    colours = dict(DEFAULT_COLOURS)

    def resolve(value: str, field: tuple[str, ...], seen: int = 0) -> str | None:
        if HEX.match(value):
            return normalise_hex(value)
        if value in palette and seen < 5:
            return resolve(palette[value], field, seen + 1)
        if value in ROLES and value not in palette and seen < 5:
            own = getattr(colour_spec, value)  # a role naming another role: follow it
            return resolve(own, field, seen + 1) if own else colours[value]
        names = sorted(palette) or ["(no palette defined)"]
        problems.append(f'{where(*field)}: {quote(value)} is not a hex colour (#rrggbb) or a '
                        f"palette name{suggest(value, palette)}; palette: {', '.join(names)}")
        return None

    for role in ROLES:
        value = getattr(colour_spec, role)
        if value is not None:
            resolved = resolve(value, ("color", role))
            if resolved:
                colours[role] = resolved

    typo = parsed.typography or Typography()
    base = BaseType(family=typo.base) if isinstance(typo.base, str) else (typo.base or BaseType())
    heads = (HeadingsType(family=typo.headings) if isinstance(typo.headings, str)
             else (typo.headings or HeadingsType()))
    colours["headings"] = colours["primary"]
    if heads.color:
        resolved = resolve(heads.color, ("typography", "headings", "color"))
        if resolved:
            colours["headings"] = resolved

    faces = [FontFace(f, FONTS_DIR / file, w, s) for f, file, w, s in BUNDLED]
    for i, font in enumerate(typo.fonts):
        if font.source in ("google", "bunny"):
            problems.append(f"{where('typography', 'fonts', i, 'source')}: fonts are never "
                            "downloaded; get the font files and use source: file with files:")
            continue
        for j, entry in enumerate(font.files):
            spec = FontFile(path=entry) if isinstance(entry, str) else entry
            before = len(problems)
            place = where("typography", "fonts", i, "files", j)
            check_file_ref(root, spec.path, place, {".ttf", ".otf", ".woff", ".woff2"},
                            problems, "font file")
            if len(problems) == before and not _is_font(real(root / spec.path)):
                problems.append(f'{place}: {quote(spec.path)} is not a font file that can be read; '
                                "use the .ttf or .otf file from the font's download")
            if len(problems) == before:
                faces.append(FontFace(font.family, real(root / spec.path),
                                      _weight(spec.weight, 400), spec.style))
    known = {face.family for face in faces}
    system = {font.family for font in typo.fonts if font.source == "system"}
    for field, family in ((("typography", "base", "family"), base.family),
                          (("typography", "headings", "family"), heads.family)):
        if family and family not in known | system:
            problems.append(f'{where(*field)}: the font {quote(family)} has no files; add it under '
                            f"typography.fonts with source: file (bundled: Lato)")

    logo_path: Path | None = None
    logo_alt: str | None = None
    if parsed.logo is not None:
        picked = pick_logo(parsed.logo)
        if picked is None:
            problems.append(f"{where('logo')}: give a logo file path (e.g. logo: logo.svg)")
        else:
            before = len(problems)
            check_file_ref(root, picked[0], where("logo"),
                            {".svg", ".png", ".jpg", ".jpeg", ".webp"}, problems, "logo image")
            refused = check_image(root / picked[0]) if len(problems) == before else None
            if refused:
                problems.append(f'{where("logo")}: {quote(picked[0])}: {refused}')
            elif len(problems) == before:
                logo_path, logo_alt = real(root / picked[0]), picked[1]

    meta = parsed.meta or Meta()
    name = meta.name if isinstance(meta.name, str) else (
        (meta.name.full or meta.name.short) if meta.name else None)
    smguide = parsed.defaults.smguide if parsed.defaults and parsed.defaults.smguide else None
    print_profile, print_cmyk = _print_defaults(smguide.print if smguide else None, root,
                                                colours, palette, resolve, where, problems)
    if problems:
        raise BrandError(sorted(problems, key=file_line))
    brand = Brand(
        name=name or "", footer=smguide.footer if smguide else None, logo=logo_path,
        logo_alt=logo_alt or (f"{name} logo" if name else "Logo"), colours=colours,
        base_family=base.family or "Lato", base_size_pt=_size_pt(base.size),
        line_height=base.line_height or 1.45, heading_family=heads.family or base.family or "Lato",
        heading_weight=_weight(heads.weight, 700), faces=tuple(faces), root=root, source=shown,
        layouts=dict(smguide.layouts or {}) if smguide else {},
        layout_where={kind: where("defaults", "smguide", "layouts", kind)
                      for kind in (smguide.layouts or {} if smguide else {})},
        template_theme=(smguide.template_theme if smguide else None) or "template",
        template_logo=(smguide.template_logo if smguide else None) or "auto",
        print_profile=print_profile, print_cmyk=print_cmyk)
    warnings, seen = [], set()
    for a, b, what in CONTRAST_PAIRS:
        pair = frozenset((colours[a], colours[b]))
        if contrast(colours[a], colours[b]) < 4.5 and pair not in seen:
            seen.add(pair)
            warnings.append(f"{shown}: low contrast {contrast(colours[a], colours[b]):.1f}:1 "
                            f"between {a} {colours[a]} and {b} {colours[b]} ({what}); "
                            "WCAG AA needs 4.5:1")
    return brand, warnings


def _print_defaults(spec: PrintDefaults | None, root: Path, colours: dict[str, str],
                    palette: dict[str, str], resolve: Any, where: Any,
                    problems: list[str]) -> tuple[Path | None, tuple[Any, ...]]:
    """The print profile (an existing .icc file) and the exact CMYK values, by the hex
    colour of the role or palette name each is given for."""
    if spec is None:
        return None, ()
    profile = None
    field = ("defaults", "smguide", "print", "profile")
    if spec.profile is not None:
        before = len(problems)
        check_file_ref(root, spec.profile, where(*field), {".icc", ".icm"}, problems,
                       "ICC profile")
        if len(problems) == before:
            from smguide.errors import RenderError
            from smguide.safety.iccprofile import load_output_profile

            try:
                profile = load_output_profile((root / spec.profile).resolve(),
                                              where(*field)).path
            except RenderError as exc:
                problems.append(str(exc.message))
    exact: dict[str, tuple[float, float, float, float]] = {}
    for name, values in spec.cmyk.items():
        place = ("defaults", "smguide", "print", "cmyk", name)
        if name in palette:
            hex_value = resolve(palette[name], place)
        elif name in colours:
            hex_value = colours[name]
        else:
            names = sorted({*palette, *colours})
            problems.append(f'{where(*place)}: "{name}" is not a colour role or palette '
                            f"name{suggest(name, names)}; known: {', '.join(names)}")
            continue
        if hex_value:
            exact[hex_value] = tuple(round(v / 100, 4) for v in values)  # type: ignore[assignment]
    return profile, tuple(sorted(exact.items()))
