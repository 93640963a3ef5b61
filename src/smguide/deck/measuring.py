"""The fonts a deck's text is measured with: the brand's font files (or the template's
fonts, installed or widened), and for a family PowerPoint may not have, the wider of them,
the font PowerPoint shows instead and the one LibreOffice shows when it is not installed,
so text measured so fits on any computer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from smguide.deck.fonts import face_file
from smguide.deck.textfit import Fonts, load_metrics, system_fonts, widest
from smguide.deck.theme import theme_fonts
from smguide.errors import Problem, Where, quote
from smguide.sources.brand import Brand

if TYPE_CHECKING:
    from pptx.presentation import Presentation


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


@lru_cache(maxsize=8)
def fallback_fonts(family: str) -> Fonts | None:
    """What LibreOffice shows for `family` on this computer when it is not installed:
    fontconfig's nearest family in each style (DejaVu Sans on a stock Linux, wider than
    Arial); None when `family` is installed (or fontconfig is not there)."""
    from smguide.deck.textfit import STYLES, load_metrics
    from smguide.handbook.glyphs import font_match

    paths = []
    for style in STYLES:
        found = font_match(family, style)
        if found is None or family.lower() in (name.lower() for name in found[0]):
            return None
        paths.append(found[1])
    try:
        return Fonts(*(load_metrics(path) for path in paths))
    except Exception:  # noqa: BLE001 - a font file fontTools cannot read: not measured
        return None


def substitute_for(family: str, fonts: Fonts) -> Fonts:
    """`fonts`, or for a family PowerPoint may not have, the wider of them, the font
    PowerPoint puts in its place and the one LibreOffice shows instead here (when the
    family is not installed: fallback_fonts): text measured so fits, and no word is
    broken, on a computer without it too."""
    if family.lower() in EVERYWHERE:
        return fonts
    other = _substitute_fonts()
    if other is None:
        other = Fonts(*(replace(face, advances={code: width * SUBSTITUTE_WIDEN
                                                for code, width in face.advances.items()},
                                fallback=face.fallback * SUBSTITUTE_WIDEN)
                        for face in (fonts.regular, fonts.bold, fonts.italic,
                                     fonts.bold_italic)))
    office = fallback_fonts(family)
    return widest(widest(fonts, other), office) if office is not None else widest(fonts, other)


def deck_fonts(brand: Brand, prs: Presentation | None, template: bool,
               warn: Callable[[Problem], None]) -> tuple[Fonts, Fonts, Fonts, Fonts]:
    """(heading, body, the body's own, the heading's own) fonts of a deck: measured with
    the fonts the deck's theme names (theme_fonts_of), and, for a family a presenter's
    computer may lack, with the font PowerPoint shows instead as well (substitute_for):
    text fits with either. The body's own fonts are for text with no room to spare; the
    heading's own say whether a title is one line (titles: never broken when it is)."""
    head, body = theme_fonts_of(brand, prs, template, warn)
    families = (theme_fonts(prs.slide_master) if template and prs is not None
                else (brand.heading_family, brand.base_family))
    return (substitute_for(families[0], head), substitute_for(families[1], body), body, head)


def theme_fonts_of(brand: Brand, prs: Presentation | None, template: bool,
                   warn: Callable[[Problem], None]) -> tuple[Fonts, Fonts]:
    """The fonts the deck's theme names: the brand's files, else installed ones, else
    the brand's font widened by 15% (and say so). `prs` is the template's deck (none for
    the built-in theme measured without slides: its fonts are the brand's)."""
    if not template or prs is None:
        return (family_fonts(brand, brand.heading_family),
                family_fonts(brand, brand.base_family))
    known = {face.family for face in brand.faces}
    chosen = []
    for family, brand_family in zip(theme_fonts(prs.slide_master),
                                    (brand.heading_family, brand.base_family),
                                    strict=True):
        fonts = family_fonts(brand, family) if family in known else system_fonts(family)
        if fonts is None:
            fix = "add the font under typography.fonts to measure it exactly"
            warn(Problem.warn(Where(""), f"the template's font {quote(family)} has no font "
                              f"file in the brand and is not installed; text was measured "
                              f"with {brand_family} plus 15% ({fix})", suggestion=fix))
            fonts = family_fonts(brand, brand_family, widen=1.15)
        chosen.append(fonts)
    return chosen[0], chosen[1]
