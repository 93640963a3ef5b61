"""The bundled pictograms an analogy diagram draws its parts with, each designed once as
simple geometry in a 100 x 100 box (y downwards): rectangles (optionally rounded),
ellipses (optionally turned), filled polygons and stroked polylines. The handbook writes
them as SVG elements and the deck as native shapes (autoshapes and freeforms), from these
same definitions, so both show the same picture.

Every part has a tone: a colour slot of the brand (primary, secondary, tertiary, sun for
the warm highlight, text, paper; line for the arrows, in the handbook the page's muted
grey, on the black plate when printed; panel for what a dark deck's band is, the colour
its cards stand on) and a brightness from -1 (black) to 1 (white),
applied as PowerPoint applies it (lumMod/lumOff on the HSL lightness;
`model.colors.shade`), so a tint in the deck is the same colour as in the handbook.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal, get_args

Slot = Literal["primary", "secondary", "tertiary", "sun", "text", "paper", "line", "panel"]
Point = tuple[float, float]

# what each slot is in the palette (model.colors.palette) and in the deck's theme
PALETTE_KEY = {"primary": "primary", "secondary": "secondary", "tertiary": "tertiary",
               "sun": "sun", "text": "text", "paper": "background", "line": "arrow",
               "panel": "light"}
THEME_SLOT = {"primary": "ACCENT_1", "secondary": "ACCENT_2", "tertiary": "ACCENT_3",
              "sun": "ACCENT_4", "text": "TEXT_1", "paper": "BACKGROUND_1", "line": "TEXT_1",
              "panel": "BACKGROUND_2"}


@dataclass(frozen=True)
class Tone:
    slot: Slot
    brightness: float = 0.0


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    tone: Tone
    radius: float = 0.0  # corner radius, in the same units


@dataclass(frozen=True)
class Oval:
    cx: float
    cy: float
    rx: float
    ry: float
    tone: Tone
    rotation: float = 0.0  # degrees, clockwise about the centre


@dataclass(frozen=True)
class Poly:
    points: tuple[Point, ...]
    tone: Tone


@dataclass(frozen=True)
class Stroke:
    points: tuple[Point, ...]
    tone: Tone
    width: float  # in the same units


Primitive = Rect | Oval | Poly | Stroke
Role = Literal["helps", "grows", "ground", "results"]


@dataclass(frozen=True)
class Pictogram:
    name: str
    role: Role  # where a part drawn with it goes when the author gives no role
    tone: Tone  # its main colour: the arrows from it and its dot in the key
    parts: tuple[Primitive, ...]

    @property
    def ink(self) -> tuple[float, float, float, float]:
        """(x1, y1, x2, y2) of what it draws in its 100 x 100 box: where arrows meet it."""
        x1, y1, x2, y2 = zip(*(bounds(part) for part in self.parts), strict=True)
        return min(x1), min(y1), max(x2), max(y2)


def bounds(shape: Primitive) -> tuple[float, float, float, float]:
    """A primitive's box (x1, y1, x2, y2) in the pictogram's units."""
    if isinstance(shape, Rect):
        return shape.x, shape.y, shape.x + shape.w, shape.y + shape.h
    if isinstance(shape, Oval):
        return shape.cx - shape.rx, shape.cy - shape.ry, shape.cx + shape.rx, shape.cy + shape.ry
    xs, ys = [x for x, _ in shape.points], [y for _, y in shape.points]
    pad = shape.width / 2 if isinstance(shape, Stroke) else 0.0
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


# -- tones and geometry helpers ---------------------------------------------------------

PRIMARY, SECONDARY, TERTIARY = Tone("primary"), Tone("secondary"), Tone("tertiary")
SUN, PAPER = Tone("sun"), Tone("paper")


def tint(slot: Slot, brightness: float) -> Tone:
    return Tone(slot, brightness)


def arc(cx: float, cy: float, rx: float, ry: float, start: float, end: float,
        steps: int = 12) -> tuple[Point, ...]:
    """Points along an ellipse from `start` to `end` degrees (0 = east, 90 = south)."""
    return tuple((round(cx + rx * math.cos(math.radians(a)), 2),
                  round(cy + ry * math.sin(math.radians(a)), 2))
                 for a in (start + (end - start) * i / steps for i in range(steps + 1)))


def drop(cx: float, cy: float, r: float) -> tuple[Point, ...]:
    """A water drop: a round bottom of radius r centred at (cx, cy), a point above."""
    return ((cx, round(cy - 2.1 * r, 2)), *arc(cx, cy, r, r, -28, 208, 14))


def dome(cx: float, base: float, rx: float, ry: float) -> tuple[Point, ...]:
    """The top half of an ellipse standing on y = base (a person's shoulders, a hill)."""
    return arc(cx, base, rx, ry, 180, 360, 14)


def star(cx: float, cy: float, outer: float, inner: float, points: int = 5
         ) -> tuple[Point, ...]:
    out = []
    for i in range(points * 2):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + i * 180 / points)
        out.append((round(cx + radius * math.cos(angle), 2),
                    round(cy + radius * math.sin(angle), 2)))
    return tuple(out)


def cog(cx: float, cy: float, outer: float, inner: float, teeth: int) -> tuple[Point, ...]:
    """A gear's outline: `teeth` flat-topped teeth between radii inner and outer."""
    out = []
    step = 360 / teeth
    for i in range(teeth):
        base = -90 + i * step
        for angle, radius in ((base - step * 0.28, inner), (base - step * 0.16, outer),
                              (base + step * 0.16, outer), (base + step * 0.28, inner)):
            out.append((round(cx + radius * math.cos(math.radians(angle)), 2),
                        round(cy + radius * math.sin(math.radians(angle)), 2)))
    return tuple(out)


def rays(cx: float, cy: float, r1: float, r2: float, count: int, tone: Tone, width: float,
         start: float = -90, sweep: float = 360) -> tuple[Stroke, ...]:
    full = sweep >= 360
    angles = [start + sweep * i / (count if full else max(count - 1, 1)) for i in range(count)]
    return tuple(Stroke(((round(cx + r1 * math.cos(math.radians(a)), 2),
                          round(cy + r1 * math.sin(math.radians(a)), 2)),
                         (round(cx + r2 * math.cos(math.radians(a)), 2),
                          round(cy + r2 * math.sin(math.radians(a)), 2))), tone, width)
                 for a in angles)


def wave(x1: float, x2: float, y: float, height: float, tone: Tone, width: float,
         humps: int = 3) -> Stroke:
    steps = humps * 8
    return Stroke(tuple((round(x1 + (x2 - x1) * i / steps, 2),
                         round(y - height * math.sin(math.pi * 2 * humps * i / steps), 2))
                        for i in range(steps + 1)), tone, width)


def person(cx: float, top: float, scale: float, tone: Tone) -> tuple[Primitive, ...]:
    """A head and shoulders, `top` the head's top, 1 = 56 units tall."""
    head = 11 * scale
    return (Oval(cx, top + head, head, head, tone),
            Poly(dome(cx, top + 56 * scale, 22 * scale, 26 * scale), tone))


# -- the pictograms ---------------------------------------------------------------------

P_LIGHT, P_PALE, P_DARK = tint("primary", 0.45), tint("primary", 0.75), tint("primary", -0.35)
S_LIGHT, S_PALE, S_DARK = tint("secondary", 0.4), tint("secondary", 0.7), tint("secondary", -0.45)
T_LIGHT, T_PALE = tint("tertiary", 0.45), tint("tertiary", 0.75)
SUN_PALE = tint("sun", 0.55)
# the greys are dark and light tints of the tertiary colour, not of the text colour: a
# dark deck swaps text and background, and the pictures must not change with it
GREY, GREY_LIGHT, INK = tint("tertiary", -0.3), tint("tertiary", 0.35), tint("tertiary", -0.6)
CREAM = tint("sun", 0.88)

PICTOGRAMS: dict[str, Pictogram] = {}


def _add(name: str, role: Role, tone: Tone, *parts: Primitive | tuple[Primitive, ...]) -> None:
    flat: list[Primitive] = []
    for part in parts:
        flat.extend(part if isinstance(part, tuple) else (part,))
    PICTOGRAMS[name] = Pictogram(name, role, tone, tuple(flat))


_add("seed", "grows", PRIMARY,
     Oval(50, 86, 14, 9, SECONDARY),
     Stroke(((50, 80), (50, 62), (51, 44), (50, 28)), PRIMARY, 5),
     Oval(34, 50, 17, 7.5, PRIMARY, 28),
     Oval(66, 34, 17, 7.5, P_LIGHT, -28))
_add("soil", "ground", S_DARK,
     Rect(6, 40, 88, 18, tint("secondary", -0.2), 4),
     Rect(6, 54, 88, 40, S_DARK, 4),
     Oval(18, 82, 5, 3.5, S_LIGHT), Oval(64, 84, 7, 4, S_LIGHT), Oval(82, 70, 4.5, 3, S_LIGHT),
     Oval(28, 66, 3.5, 2.5, S_LIGHT),
     Stroke(((44, 56), (42, 66), (36, 74)), S_PALE, 2.5),
     Stroke(((42, 66), (48, 76)), S_PALE, 2.5))
_add("water", "helps", TERTIARY,
     Poly(drop(40, 56, 20), TERTIARY),
     Poly(drop(72, 74, 11), T_LIGHT),
     Oval(33, 60, 4, 7, T_PALE, 20))
_add("sunlight", "helps", SUN,
     Oval(50, 50, 23, 23, SUN),
     rays(50, 50, 31, 43, 8, SUN, 5.5))
_add("garden", "ground", PRIMARY,
     tuple(Poly(((x, 34), (x + 5, 26), (x + 10, 34), (x + 10, 74), (x, 74)), P_PALE)
           for x in (10, 26, 42, 58, 74)),
     Rect(8, 44, 84, 5, P_PALE), Rect(8, 62, 84, 5, P_PALE),
     Oval(26, 66, 18, 14, PRIMARY), Oval(52, 62, 16, 18, P_DARK), Oval(76, 68, 16, 12, P_LIGHT),
     Oval(45, 46, 5, 5, SECONDARY), Oval(70, 52, 4.5, 4.5, SUN),
     Rect(4, 78, 92, 14, S_DARK, 3))
_add("harvest", "results", SECONDARY,
     Oval(34, 38, 12, 12, SECONDARY), Oval(52, 33, 12, 12, PRIMARY),
     Oval(69, 40, 11, 11, TERTIARY),
     Poly(((12, 46), (88, 46), (78, 86), (22, 86)), S_LIGHT),
     Stroke(((18, 60), (82, 60)), S_DARK, 2.5), Stroke(((21, 73), (79, 73)), S_DARK, 2.5))
_add("building", "ground", PRIMARY,
     Rect(22, 12, 56, 82, PRIMARY, 2),
     tuple(Rect(x, y, 10, 9, P_PALE) for y in (20, 34, 48, 62) for x in (30, 45, 60)),
     Rect(43, 76, 14, 18, P_DARK),
     Rect(10, 92, 80, 4, GREY))
_add("bridge", "helps", PRIMARY,
     Rect(4, 78, 92, 14, T_PALE, 3),
     Rect(22, 16, 8, 70, P_DARK), Rect(70, 16, 8, 70, P_DARK),
     Stroke(((4, 50), (14, 40), (26, 18), (38, 38), (50, 46), (62, 38), (74, 18), (86, 40),
             (96, 50)), SECONDARY, 3),
     tuple(Stroke(((x, y), (x, 56)), SECONDARY, 2) for x, y in ((38, 38), (50, 46), (62, 38),
                                                                  (14, 40), (86, 40))),
     Rect(2, 56, 96, 9, PRIMARY, 2))
_add("engine", "helps", PRIMARY,
     Rect(30, 14, 40, 10, P_DARK, 2), Rect(46, 24, 8, 8, P_DARK),
     Rect(18, 32, 62, 46, PRIMARY, 6),
     Rect(6, 44, 12, 22, P_LIGHT, 2), Rect(80, 40, 14, 8, P_LIGHT, 2),
     Rect(80, 56, 14, 8, P_LIGHT, 2),
     Poly(((52, 38), (38, 58), (48, 58), (44, 72), (60, 50), (50, 50), (56, 38)), SUN),
     Rect(26, 78, 10, 10, P_DARK), Rect(62, 78, 10, 10, P_DARK))
_add("lighthouse", "helps", SUN,
     Poly(((44, 24), (8, 14), (8, 36)), SUN_PALE), Poly(((56, 24), (92, 14), (92, 36)), SUN_PALE),
     Poly(((40, 38), (60, 38), (66, 88), (34, 88)), CREAM),
     Poly(((39.2, 46), (60.8, 46), (62.2, 58), (37.8, 58)), SECONDARY),
     Poly(((36.6, 68), (63.4, 68), (64.8, 80), (35.2, 80)), SECONDARY),
     Stroke(((40, 38), (34, 88)), GREY, 1.5), Stroke(((60, 38), (66, 88)), GREY, 1.5),
     Rect(41, 18, 18, 14, SUN, 1), Rect(38, 31, 24, 7, P_DARK, 1),
     Poly(((37, 19), (63, 19), (50, 7)), P_DARK),
     Rect(26, 88, 48, 7, P_DARK, 2))
_add("harbour", "ground", TERTIARY,
     Rect(4, 64, 92, 30, T_LIGHT, 4),
     wave(10, 90, 76, 2.5, T_PALE, 2.5, 4), wave(10, 90, 86, 2.5, T_PALE, 2.5, 4),
     Rect(4, 52, 50, 14, GREY, 2),
     Rect(20, 10, 6, 42, P_DARK), Rect(20, 10, 58, 6, P_DARK),
     Stroke(((26, 30), (40, 16)), P_DARK, 3),
     Stroke(((70, 16), (70, 32)), INK, 1.5),
     Rect(62, 32, 16, 12, SECONDARY, 1),
     Rect(8, 42, 14, 10, SECONDARY, 1), Rect(34, 42, 14, 10, PRIMARY, 1),
     Rect(62, 60, 5, 6, INK, 1))
_add("ship", "grows", PRIMARY,
     Rect(30, 42, 36, 16, P_PALE, 2),
     tuple(Rect(x, 47, 6, 5, PRIMARY) for x in (35, 45, 55)),
     Rect(50, 26, 10, 16, SECONDARY, 1), Rect(50, 26, 10, 4, S_DARK),
     Poly(((6, 58), (94, 58), (82, 80), (16, 80)), PRIMARY),
     Rect(12, 62, 78, 4, P_PALE),
     wave(4, 96, 88, 3, TERTIARY, 3.5, 4))
_add("team", "grows", PRIMARY,
     person(24, 26, 0.78, P_LIGHT), person(76, 26, 0.78, P_LIGHT),
     person(50, 16, 1.0, PRIMARY),
     Rect(4, 72, 92, 6, tint("primary", 0.6), 3))
_add("person", "grows", PRIMARY,
     Oval(50, 30, 16, 16, PRIMARY),
     Poly(dome(50, 90, 32, 38), PRIMARY),
     Poly(((44, 54), (56, 54), (50, 66)), P_PALE))
_add("map", "helps", PRIMARY,
     Poly(((6, 20), (34, 12), (34, 84), (6, 92)), P_LIGHT),
     Poly(((34, 12), (66, 20), (66, 92), (34, 84)), P_PALE),
     Poly(((66, 20), (94, 12), (94, 84), (66, 92)), P_LIGHT),
     Stroke(((14, 76), (26, 64), (42, 68), (52, 52), (66, 50)), SECONDARY, 3),
     Oval(74, 36, 10, 10, SECONDARY),
     Poly(((66, 40), (82, 40), (74, 56)), SECONDARY),
     Oval(74, 36, 4, 4, PAPER))
_add("compass", "helps", PRIMARY,
     Oval(50, 50, 42, 42, PRIMARY), Oval(50, 50, 34, 34, P_PALE),
     rays(50, 50, 26, 32, 4, P_DARK, 3, start=0),
     Poly(((50, 22), (58, 50), (42, 50)), SECONDARY),
     Poly(((50, 78), (58, 50), (42, 50)), GREY),
     Oval(50, 50, 4.5, 4.5, PAPER))
_add("key", "helps", SUN,
     Oval(30, 50, 22, 22, SUN), Oval(24, 50, 8, 8, PAPER),
     Rect(48, 45, 44, 10, SUN, 2),
     Rect(72, 55, 7, 12, SUN), Rect(84, 55, 8, 16, SUN))
_add("lock", "helps", PRIMARY,
     Stroke(arc(50, 42, 18, 20, 180, 360, 14), GREY, 8),
     Stroke(((32, 42), (32, 48)), GREY, 8), Stroke(((68, 42), (68, 48)), GREY, 8),
     Rect(20, 46, 60, 46, PRIMARY, 6),
     Oval(50, 64, 7, 7, PAPER), Poly(((46, 66), (54, 66), (56, 80), (44, 80)), PAPER))
_add("gear", "helps", PRIMARY,
     Poly(cog(50, 50, 44, 34, 9), PRIMARY),
     Oval(50, 50, 16, 16, PAPER), Oval(50, 50, 24, 24, P_LIGHT), Oval(50, 50, 12, 12, PAPER))
_add("rocket", "grows", PRIMARY,
     Poly(((50, 98), (42, 78), (58, 78)), SUN), Poly(((50, 90), (46, 78), (54, 78)), SUN_PALE),
     Poly(((36, 60), (22, 80), (36, 76)), SECONDARY),
     Poly(((64, 60), (78, 80), (64, 76)), SECONDARY),
     Poly((*arc(50, 46, 14, 40, 180, 360, 16), (64, 78), (36, 78)), P_PALE),
     Poly(arc(50, 46, 14, 40, 212, 328, 12), PRIMARY),
     Oval(50, 46, 7, 7, TERTIARY), Rect(45, 76, 10, 4, P_DARK))
_add("tree", "grows", PRIMARY,
     Poly(((45, 94), (47, 58), (53, 58), (55, 94)), S_DARK),
     Oval(50, 32, 24, 22, P_DARK), Oval(30, 52, 20, 17, PRIMARY), Oval(70, 52, 20, 17, PRIMARY),
     Oval(50, 56, 18, 12, P_LIGHT))
_add("road", "helps", GREY,
     Poly(((40, 8), (60, 8), (94, 94), (6, 94)), GREY),
     Poly(((38.8, 8), (40, 8), (8, 94), (4, 94)), GREY_LIGHT),
     Poly(((60, 8), (61.2, 8), (96, 94), (92, 94)), GREY_LIGHT),
     tuple(Poly(((50 - w, y), (50 + w, y), (50 + w * 1.3, y + h), (50 - w * 1.3, y + h)), SUN)
           for y, h, w in ((14, 8, 1.2), (34, 12, 1.8), (60, 16, 2.6))))
_add("target", "results", SECONDARY,
     Oval(46, 54, 40, 40, SECONDARY), Oval(46, 54, 30, 30, PAPER),
     Oval(46, 54, 20, 20, SECONDARY), Oval(46, 54, 10, 10, PAPER), Oval(46, 54, 5, 5, SECONDARY),
     Stroke(((46, 54), (86, 14)), P_DARK, 4),
     Poly(((86, 14), (96, 4), (96, 16), (84, 16), (84, 4)), P_DARK),
     Poly(((46, 54), (58, 46), (54, 42)), P_DARK))
_add("shield", "helps", PRIMARY,
     Poly(((50, 6), (88, 18), (86, 52), (50, 94), (14, 52), (12, 18)), PRIMARY),
     Poly(((50, 14), (80, 24), (78, 50), (50, 84)), P_LIGHT),
     Stroke(((32, 50), (45, 62), (68, 36)), PAPER, 7))
_add("handshake", "grows", PRIMARY,
     Poly(((2, 52), (20, 40), (32, 58), (12, 72)), PRIMARY),
     Poly(((98, 52), (80, 40), (68, 58), (88, 72)), SECONDARY),
     Poly(((20, 42), (46, 32), (64, 38), (68, 48), (52, 50), (32, 62)), S_PALE),
     Poly(((80, 42), (60, 34), (40, 42), (36, 52), (44, 62), (60, 68), (72, 60)), S_LIGHT),
     tuple(Stroke(((x, y), (x + 8, y + 8)), S_DARK, 2.5)
           for x, y in ((42, 50), (49, 46), (56, 44))))
_add("chart", "results", PRIMARY,
     Rect(16, 62, 14, 28, P_LIGHT, 1), Rect(38, 48, 14, 42, TERTIARY, 1),
     Rect(60, 30, 14, 60, PRIMARY, 1),
     Stroke(((8, 8), (8, 92), (94, 92)), GREY, 3),
     Stroke(((16, 48), (38, 36), (56, 26), (80, 12)), SECONDARY, 3.5),
     Poly(((88, 6), (76, 8), (84, 18)), SECONDARY))
_add("flag", "results", SECONDARY,
     Rect(18, 8, 6, 88, GREY, 2),
     Poly((*((round(24 + 66 * i / 12, 2), round(14 + 5 * math.sin(math.pi * 2 * i / 12), 2))
             for i in range(13)),
           *((round(90 - 66 * i / 12, 2), round(52 + 5 * math.sin(math.pi * 2 * (12 - i) / 12), 2))
             for i in range(13))), SECONDARY),
     Rect(10, 90, 22, 6, GREY, 2))
_add("lightbulb", "helps", SUN,
     rays(50, 40, 34, 44, 5, SUN, 4, start=-170, sweep=160),
     Oval(50, 40, 24, 24, SUN),
     Poly(((38, 56), (62, 56), (58, 70), (42, 70)), SUN),
     Rect(40, 70, 20, 6, GREY, 2), Rect(42, 78, 16, 6, GREY, 2), Rect(45, 85, 10, 5, GREY, 2),
     Stroke(((44, 44), (50, 54), (56, 44)), SUN_PALE, 2.5))
_add("anchor", "ground", PRIMARY,
     Stroke(arc(50, 16, 8, 8, 0, 360, 16), PRIMARY, 5),
     Stroke(((50, 24), (50, 88)), PRIMARY, 6), Stroke(((32, 36), (68, 36)), PRIMARY, 6),
     Stroke(arc(50, 54, 34, 34, 10, 170, 16), PRIMARY, 6),
     Poly(((10, 56), (24, 62), (12, 70)), PRIMARY), Poly(((90, 56), (76, 62), (88, 70)), PRIMARY))
_add("package", "results", SECONDARY,
     Poly(((50, 8), (92, 26), (50, 44), (8, 26)), S_PALE),
     Poly(((8, 26), (50, 44), (50, 94), (8, 76)), S_LIGHT),
     Poly(((50, 44), (92, 26), (92, 76), (50, 94)), SECONDARY),
     Poly(((29, 17), (71, 35), (71, 48), (63, 44), (63, 38), (21, 20)), tint("secondary", -0.2)))
_add("megaphone", "helps", PRIMARY,
     Poly(((14, 40), (60, 16), (60, 80), (14, 58)), PRIMARY),
     Rect(6, 38, 12, 22, P_DARK, 3), Rect(60, 12, 6, 72, P_DARK, 2),
     Poly(((22, 58), (34, 62), (32, 84), (24, 84)), P_DARK),
     rays(60, 48, 16, 32, 3, SECONDARY, 4, start=-30, sweep=60))
_add("star", "results", SUN,
     Poly(star(50, 54, 44, 19), SUN), Poly(star(50, 54, 24, 10), SUN_PALE))
_add("mountain", "results", PRIMARY,
     Poly(((2, 92), (38, 26), (74, 92)), PRIMARY),
     Poly(((38, 92), (68, 40), (98, 92)), P_DARK),
     Poly(((38, 26), (48, 44), (42, 40), (36, 46), (30, 40)), PAPER),
     Rect(66, 8, 3, 30, GREY), Poly(((69, 8), (88, 14), (69, 20)), SECONDARY))
_add("book", "helps", PRIMARY,
     Poly(((4, 24), (46, 18), (50, 24), (50, 90), (46, 84), (4, 88)), PRIMARY),
     Poly(((96, 24), (54, 18), (50, 24), (50, 90), (54, 84), (96, 88)), P_DARK),
     Poly(((10, 26), (46, 22), (46, 80), (10, 82)), P_PALE),
     Poly(((90, 26), (54, 22), (54, 80), (90, 82)), P_PALE),
     tuple(Stroke(((16, y), (40, y - 3)), P_LIGHT, 2.5) for y in (40, 52, 64)),
     tuple(Stroke(((60, y - 3), (84, y)), P_LIGHT, 2.5) for y in (40, 52, 64)))
_add("puzzle", "grows", PRIMARY,
     Rect(10, 22, 40, 36, PRIMARY, 2), Rect(50, 22, 40, 36, TERTIARY, 2),
     Rect(10, 58, 40, 36, SECONDARY, 2), Rect(50, 58, 40, 36, P_LIGHT, 2),
     Oval(50, 40, 8, 8, PRIMARY), Oval(30, 58, 8, 8, PRIMARY),
     Oval(70, 58, 8, 8, TERTIARY), Oval(50, 76, 8, 8, SECONDARY))

NAMES: tuple[str, ...] = tuple(sorted(PICTOGRAMS))
ROLES: tuple[str, ...] = get_args(Role)
