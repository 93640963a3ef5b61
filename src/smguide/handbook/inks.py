"""Small type in the print PDF on one ink (smguide pdf --print).

A print designer's rule for offset print: type under 12 pt prints in one ink (a solid of
one process colour, or black), never built from two or more inks, since the plates
register to a fraction of a millimetre and a slight misregistration gives small letters
a coloured fringe; reversed-out type (paper white in a printed area of two or more
inks) is at least 10 pt, and bold when under 12 pt, so the inks do not fill its strokes
in.

This module says, for the brand's colours (any brand's), which print in more than one
ink on the output profile, and what small type set in them prints in instead: an accent
(a kicker, a label, a bullet) in the text colour; the text colours themselves, when
they are built of several inks (a navy or a brown text), as the grey of the same
lightness, which the converter prints on the black plate alone (handbook.cmyk).
"""

from __future__ import annotations

from smguide.handbook.cmyk import CmykConverter
from smguide.model.colors import luminance

INK = 0.05  # a screen of less than 5 % of an ink makes no fringe one can see
SMALL_PT = 12.0  # under this, type prints in one ink
REVERSED_PT = 10.0  # reversed-out type on several inks: at least this (bold under 12 pt)
# the colours small type is set in: accents (kickers, labels, bullets, row headings)
ACCENTS = ("headings", "secondary_text", "secondary", "primary", "link", "note_label",
           "tip_label", "warning_label")
TEXTS = ("text", "muted")  # the text colours: a grey of the same lightness instead


def inks(cmyk: tuple[float, float, float, float]) -> int:
    """How many of the four inks a CMYK colour prints with (screens of INK or more)."""
    return sum(1 for value in cmyk if value >= INK)


def one_ink(hex_value: str, converter: CmykConverter) -> bool:
    """Whether an sRGB colour ('#rrggbb') prints on one ink (or none) on this profile."""
    rgb = tuple(int(hex_value[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return inks(converter.cmyk((rgb[0], rgb[1], rgb[2]))) <= 1


def grey_of(hex_value: str) -> str:
    """The neutral grey with the same relative luminance as `hex_value`."""
    y = luminance(hex_value)
    v = 12.92 * y if y <= 0.0031308 else 1.055 * y ** (1 / 2.4) - 0.055
    level = max(0, min(255, round(v * 255)))
    return f"#{level:02x}{level:02x}{level:02x}"


def small_type(colours: dict[str, str], converter: CmykConverter) -> dict[str, str]:
    """Each colour small type is set in -> the colour it prints in, in one ink: itself when
    it already prints in one ink; else the text colour for an accent, and the grey of the
    same lightness for a text colour."""
    out: dict[str, str] = {}
    for name in TEXTS:
        value = colours[name]
        out[name] = value if one_ink(value, converter) else grey_of(value)
    for name in ACCENTS:
        accent = colours.get(name)
        if accent is not None:
            out[name] = accent if one_ink(accent, converter) else out["text"]
    return out


def reversed_type(colours: dict[str, str], converter: CmykConverter) -> bool:
    """Whether type reversed out of the brand's primary colour (the cover, a role card's
    head, a table's header, a practice's number) must be REVERSED_PT (and bold when under
SMALL_PT): when the
    primary prints in more than one ink."""
    return not one_ink(colours["primary"], converter)
