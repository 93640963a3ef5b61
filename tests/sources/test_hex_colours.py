"""model.colors.parse_colour reads a colour of 6 hex digits without tinycss2, and gives
what tinycss2 read as a browser would gives: the same '#rrggbb' for every such colour."""

from __future__ import annotations

import random

import tinycss2.color4

from smguide.model.colors import parse_colour
from tests.conftest import modules_after


def as_tinycss2_reads_it(value: str) -> str:
    parsed = tinycss2.color4.parse_color(value.strip())
    red, green, blue = (min(1.0, max(0.0, c)) for c in parsed.to("srgb").coordinates)
    alpha = parsed.alpha if parsed.alpha is not None else 1.0
    return "#" + "".join(f"{round((c * alpha + 1.0 * (1 - alpha)) * 255):02x}"
                         for c in (red, green, blue))


def test_six_hex_digits_read_as_tinycss2_reads_them() -> None:
    pick = random.Random(19)
    values = ["#000000", "#FFFFFF", "#2f6b4f", " #2F6B4F ", "#aBcDeF"]
    values += ["#" + "".join(pick.choice("0123456789abcdefABCDEF") for _ in range(6))
               for _ in range(3000)]
    for value in values:
        assert parse_colour(value) == as_tinycss2_reads_it(value), value
    # what is not 6 hex digits is still tinycss2's to read
    assert parse_colour("#2f6b4") is None and parse_colour("#2f6b4fg") is None
    assert parse_colour("#abc") == "#aabbcc" and parse_colour("rebeccapurple") == "#663399"
    assert parse_colour("#2f6b4f80") == as_tinycss2_reads_it("#2f6b4f80")


def test_a_hex_colour_imports_no_css_parser() -> None:
    code = "from smguide.model.colors import parse_colour\n"
    assert modules_after(code + "parse_colour('#2f6b4f')", ("tinycss2",)) == []
    assert "tinycss2" in modules_after(code + "parse_colour('rgb(1, 2, 3)')", ("tinycss2",))
