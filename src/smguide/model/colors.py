"""Colour parsing and WCAG 2.x contrast, so a brand can't make text unreadable unnoticed."""

from __future__ import annotations

import re

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def normalise_hex(value: str) -> str:
    """'#abc' -> '#aabbcc' (lowercase)."""
    value = value.lower()
    if len(value) == 4:
        value = "#" + "".join(c * 2 for c in value[1:])
    return value


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
