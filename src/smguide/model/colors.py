"""Colour parsing and WCAG 2.x contrast, so a brand can't make text unreadable unnoticed;
the one palette both renderers derive from a brand's colour roles."""

from __future__ import annotations

import re
from collections.abc import Mapping

_HEX6 = re.compile(r"#[0-9a-fA-F]{6}")


def parse_colour(value: str, over: str = "#ffffff") -> str | None:
    """Any CSS colour a brand file may give (hex in 3, 4, 6 or 8 digits, a CSS name,
    rgb()/rgba()/hsl()/hwb(), read by tinycss2 as a browser would) -> '#rrggbb', a
    translucent one composited over `over`; None when it is not a colour smguide can print
    (not a colour, currentcolor, or a colour space without an sRGB conversion). A colour
    in 6 hex digits, the brand files' usual one, is read without tinycss2 (the same
    value: it is opaque sRGB already), so reading such a brand does not import it."""
    if len(value) > 100:
        return None
    if _HEX6.fullmatch(value.strip()):
        return value.strip().lower()
    import tinycss2.color4

    parsed = tinycss2.color4.parse_color(value.strip())
    if parsed is None or isinstance(parsed, str):  # None, or 'currentcolor'
        return None
    try:
        red, green, blue = (min(1.0, max(0.0, c)) for c in parsed.to("srgb").coordinates)
    except (NotImplementedError, TypeError, ValueError):
        return None
    alpha = parsed.alpha if parsed.alpha is not None else 1.0
    under = [int(over[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    mixed = [c * alpha + u * (1 - alpha) for c, u in zip((red, green, blue), under, strict=True)]
    return "#" + "".join(f"{round(c * 255):02x}" for c in mixed)


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of a '#rrggbb' colour."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two '#rrggbb' colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(a: str, b: str, amount: float) -> str:
    """`amount` of colour a over colour b (for tints such as callout backgrounds)."""
    out = [round(int(a[i:i + 2], 16) * amount + int(b[i:i + 2], 16) * (1 - amount))
           for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in out)


def palette(roles: Mapping[str, str]) -> dict[str, str]:
    """Every colour the handbook and the deck use, derived from the brand's colour roles
    (role -> '#rrggbb'): the roles themselves, then tints, shades and readable variants."""
    c = dict(roles)
    bg, fg = c["background"], c["foreground"]
    c["text"] = fg
    c["muted"] = mix(fg, bg, 0.72)
    c["rule"] = mix(fg, bg, 0.25)
    c["tint"] = mix(c["primary"], bg, 0.10)
    c["warm_tint"] = mix(c["secondary"], bg, 0.10)
    # callouts: a tip in the brand's `info` colour (else tertiary), a warning in its
    # `warning` (else secondary), each bar at least 3:1 on its tint, since the bar is what
    # tells a warning from a tip; a note keeps the primary colour, a lesson the secondary
    tip, warning = c.get("info") or c["tertiary"], c.get("warning") or c["secondary"]
    c["cool_tint"] = mix(tip, bg, 0.10)
    c["alert_tint"] = mix(warning, bg, 0.10)
    c["tip_bar"] = graphic(tip, c["cool_tint"], fg)
    c["warning_bar"] = graphic(warning, c["alert_tint"], fg)
    # a callout's label (TIP, NOTE, WARNING) in its bar's colour where that reads as small
    # type on the page (4.5:1), else darkened towards the text until it does
    for style, bar in (("note", c["primary"]), ("tip", c["tip_bar"]),
                       ("warning", c["warning_bar"])):
        c[f"{style}_label"] = graphic(bar, bg, fg, least=4.5)
    c["secondary_text"] = c["secondary"] if contrast(c["secondary"], bg) >= 4.5 else fg
    c["sun"] = c.get("warning") or "#e3a72f"
    c["arrow"] = c["muted"]
    c["light"] = c.get("light") or mix(c["primary"], bg, 0.08)
    return c


def graphic(colour: str, under: str, towards: str, least: float = 3.0) -> str:
    """`colour` as a graphic on `under` (a bar, a rule: WCAG's 3:1 for what carries
    meaning), mixed in steps of a tenth towards `towards` (the text colour) until it is."""
    out = colour
    for step in range(1, 11):
        if contrast(out, under) >= least:
            break
        out = mix(towards, colour, step / 10)
    return out


def shade(hex_colour: str, brightness: float) -> str:
    """A colour made lighter (brightness > 0, towards white) or darker (< 0, towards
    black) as PowerPoint does for a theme colour's brightness (lumMod and lumOff on the
    HSL lightness), so a tint in the handbook is the deck's tint."""
    import colorsys

    if not brightness:
        return hex_colour
    red, green, blue = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
    light = light * (1 - brightness) + brightness if brightness > 0 else light * (1 + brightness)
    out = colorsys.hls_to_rgb(hue, min(1.0, max(0.0, light)), sat)
    return "#" + "".join(f"{round(c * 255):02x}" for c in out)
