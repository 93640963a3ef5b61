"""The brand file's shape: posit's `_brand.yml` as Pydantic models (what each field
may hold), for validating a file and for its JSON schema."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from smguide.model.base import Explained
from smguide.sources.strict import OtherTools
from smguide.sources.strict import Strict as _Strict

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
WeightName = Literal["thin", "extra-light", "ultra-light", "light", "normal", "regular",
                     "medium", "semi-bold", "demi-bold", "bold", "extra-bold", "ultra-bold",
                     "black"]
Weight = Annotated[int, Field(ge=1, le=1000)] | WeightName
WeightRange = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,4}\.\.[0-9]{1,4}$"),
                        Explained('a weight range such as "300..700"')]
Style = Literal["normal", "italic", "oblique"]
RelPath = Annotated[str, StringConstraints(min_length=1, max_length=300)]
AltText = Annotated[str, StringConstraints(max_length=500)]


class MetaName(_Strict):
    short: str | None = None
    full: str | None = None


class Meta(OtherTools):  # other tools' keys allowed (brand-yml allows them)
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
    template: RelPath | None = None  # the company template the deck is built on by default
    print: PrintDefaults | None = None


class Defaults(OtherTools):
    # other tools' sections are kept unread, whatever they hold (brand-yml allows them)
    smguide: SmguideDefaults | None = None


class BrandFile(_Strict):
    meta: Meta | None = None
    logo: RelPath | LogoImage | Logo | None = None
    color: Colour | None = None
    typography: Typography | None = None
    defaults: Defaults | None = None

