"""An analogy diagram laid out: where each part's pictogram, its label and the arrows
between the parts go, in the units both renderers draw in (the handbook's SVG user units,
the deck's scaled to its slide), so the two show the same picture.

The layout follows the parts' roles (docs/content.md, "analogy"):

- `helps` (what helps): a row across the top (more rows when they do not fit), each with
  a dashed arrow to the nearest part that grows;
- `grows` (what grows, the heart of the picture): side by side in the middle;
- `ground` (where it grows): a tinted band under the parts that grow, with the ground's
  parts in a strip along its bottom;
- `results` (what results): a column on the right, with an arrow from the band (or from
  what grows) to each.

A part without a role takes its pictogram's (model.pictograms); a part with the author's
own picture and no role helps. When nothing grows, the first part that is not a result
does.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, replace
from typing import Literal

from smguide.model.pictograms import PICTOGRAMS, Pictogram, Role, Tone

LINE = 18.0  # a label's line height, for its 15-unit type
PER_CHAR = 7.6  # the average width of a character of that type
ICON = {"helps": 72.0, "grows": 116.0, "ground": 56.0, "results": 96.0}
EDGE = 20.0  # the drawing's left edge, where the text column starts

# connection sites (ECMA-376 presetShapeDefinitions: the cxnLst of each preset), as
# fractions of the shape's box, in the order their idx counts: the deck glues its arrows
# to them, and the handbook's arrows start and end at the same points
_C = 0.5 - 0.5 ** 1.5  # where a 45-degree ray leaves an ellipse, as a fraction of its box
ELLIPSE_SITES = ((0.5, 0), (_C, _C), (0, 0.5), (_C, 1 - _C), (0.5, 1), (1 - _C, 1 - _C),
                 (1, 0.5), (1 - _C, _C))
RECT_SITES = ((0.5, 0), (0, 0.5), (0.5, 1), (1, 0.5))


@dataclass(frozen=True)
class PartSpec:
    """What the layout needs of one part of the block."""

    name: str
    stands_for: str
    symbol: str | None  # a bundled pictogram's name
    picture: str | None  # or the author's own SVG file (relative to the content)
    role: Role | None


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    w: float
    h: float
    align: Literal["l", "ctr"]
    name: tuple[str, ...]  # the name's lines (bold), wrapped for the handbook
    means: tuple[str, ...]  # what it stands for, wrapped likewise
    on_band: bool  # sits on the band's light tint (dark text whatever the background)
    # the edge it keeps where the deck needs a taller box: beside a pictogram its middle,
    # under one its top, above one its bottom
    anchor: Literal["top", "middle", "bottom"] = "top"


@dataclass(frozen=True)
class Placed:
    """One part where it is drawn: its pictogram (or picture) in a square box."""

    index: int  # the part's place in the block's list
    name: str
    stands_for: str
    role: Role
    pictogram: Pictogram | None
    picture: str | None
    x: float
    y: float
    size: float
    label: Label

    def site(self, idx: int) -> tuple[float, float]:
        fx, fy = ELLIPSE_SITES[idx]
        return self.x + fx * self.size, self.y + fy * self.size

    @property
    def tone(self) -> Tone:
        return self.pictogram.tone if self.pictogram else Tone("primary")


@dataclass(frozen=True)
class Band:
    x: float
    y: float
    w: float
    h: float
    tone: Tone

    def site(self, idx: int) -> tuple[float, float]:
        fx, fy = RECT_SITES[idx]
        return self.x + fx * self.w, self.y + fy * self.h


@dataclass(frozen=True)
class Arrow:
    """From a site of one shape to a site of another: a part (its index in `Scene.parts`)
    or the band (None)."""

    start: tuple[int | None, int]
    end: tuple[int | None, int]
    points: tuple[float, float, float, float]
    tone: Tone
    dashed: bool


@dataclass(frozen=True)
class Scene:
    width: float
    height: float
    parts: tuple[Placed, ...]
    band: Band | None
    arrows: tuple[Arrow, ...]


def roles(specs: list[PartSpec]) -> list[Role]:
    """Each part's role: the author's, else its pictogram's, else `helps`; when nothing
    grows, the first part that is not a result grows (else the first part)."""
    out: list[Role] = [spec.role or (PICTOGRAMS[spec.symbol].role if spec.symbol in PICTOGRAMS
                                     else "helps") for spec in specs]
    if "grows" not in out and out:
        first = next((i for i, role in enumerate(out) if role != "results"), 0)
        out[first] = "grows"
    return out


def _lines(text: str, width: float, t: float = 1.0) -> tuple[str, ...]:
    return tuple(textwrap.wrap(text, max(8, int(width / (PER_CHAR * t))),
                               break_long_words=False)) or ("",)


def _label(spec: PartSpec, x: float, y: float, w: float, align: Literal["l", "ctr"],
           on_band: bool, centre_on: float | None = None, t: float = 1.0) -> Label:
    """A label `w` wide at (x, y); with `centre_on`, centred vertically on that y."""
    name, means = _lines(spec.name, w, t), _lines(spec.stands_for, w, t)
    h = (len(name) + len(means)) * LINE * t + 6
    if centre_on is not None:
        y = centre_on - h / 2
    return Label(x, y, w, h, align, name, means, on_band, "middle" if align == "l" else "top")


def _needs(spec: PartSpec, icon: float, t: float = 1.0) -> float:
    """The narrowest tile a part's pictogram and label fit in: its longest word whole, and
    room for ten characters a line."""
    longest = max(len(word) for word in f"{spec.name} {spec.stands_for}".split())
    return icon + 28 + PER_CHAR * t * max(10, longest + 1)


def _wants(spec: PartSpec, icon: float, t: float = 1.0) -> float:
    """The tile a part's label would like: its longer line whole, up to 24 characters."""
    return max(_needs(spec, icon, t), icon + 28 + PER_CHAR * t * min(
        24, max(len(spec.name), len(spec.stands_for)) + 1))


def _shares(specs: list[PartSpec], row: list[int], width: float, icon: float,
            t: float = 1.0) -> list[float]:
    """`width` shared out: each part what it needs, the rest as far as each wants more."""
    needs = [_needs(specs[i], icon, t) for i in row]
    more = [_wants(specs[i], icon, t) - need for i, need in zip(row, needs, strict=True)]
    spare = width - sum(needs)
    if sum(more) <= 0:
        return [need + spare / len(row) for need in needs]
    return [need + spare * extra / sum(more) for need, extra in zip(needs, more, strict=True)]


def _rows(specs: list[PartSpec], indices: list[int], left: float, width: float, icon: float,
          even: bool, t: float = 1.0) -> list[list[tuple[int, float, float]]]:
    """Tiles (index, x, width) in rows across `width`: as many a row as fit every part's
    needs, each row's tiles shared out evenly (centred, at most as wide as they want) or as
    far as their labels want more than they need."""
    if not indices:
        return []
    per_row = len(indices)
    while per_row > 1:
        rows = [indices[i:i + per_row] for i in range(0, len(indices), per_row)]
        if all((width / len(row) >= max(_needs(specs[i], icon, t) for i in row)) if even else
               (width >= sum(_needs(specs[i], icon, t) for i in row)) for row in rows):
            break
        per_row -= 1
    out = []
    for start in range(0, len(indices), per_row):
        row = indices[start:start + per_row]
        if even:
            tile = min(width / len(row), max(max(_wants(specs[i], icon, t) for i in row),
                                             240.0 * t))
            x0 = left + (width - tile * len(row)) / 2
            out.append([(index, x0 + n * tile, tile) for n, index in enumerate(row)])
        else:
            shares = _shares(specs, row, width, icon, t)
            out.append([(index, left + sum(shares[:n]), shares[n])
                        for n, index in enumerate(row)])
    return out


def _moved(label: Label, y: float) -> Label:
    return replace(label, y=y)


def layout(specs: list[PartSpec], width: float, t: float = 1.0  # noqa: C901, PLR0912, PLR0915
           ) -> Scene:
    """The scene for these parts in a drawing `width` units wide; its height follows.
    `t` scales the labels' type against the pictograms (1: the handbook's 15-unit type;
    the deck asks for more, to set its labels at a size read from the back of a room)."""
    pc = PER_CHAR * t
    given = roles(specs)
    by_role: dict[Role, list[int]] = {"helps": [], "grows": [], "ground": [], "results": []}
    for index, role in enumerate(given):
        by_role[role].append(index)
    placed: dict[int, Placed] = {}

    def place(index: int, x: float, y: float, size: float, label: Label) -> None:
        spec = specs[index]
        placed[index] = Placed(index, spec.name, spec.stands_for, given[index],
                               PICTOGRAMS.get(spec.symbol or ""), spec.picture, x, y, size,
                               label)

    # the top rows: what helps
    y = 8.0
    helps = by_role["helps"]
    size = ICON["helps"]
    rows = _rows(specs, helps, EDGE, width - EDGE, size, even=True, t=t)
    small = size * 0.85  # more than a row beside their labels: one row, labels above
    compact = [pc * max(8, max(len(w) for w in f"{specs[i].name} {specs[i].stands_for}"
                                     .split())) + 10 for i in helps]
    if len(rows) > 1 and (width - EDGE) / len(helps) >= max(compact):
        tile = (width - EDGE) / len(helps)
        small = min(small, tile - 8)
        labels = [_label(specs[index], EDGE + n * tile + 4, y, tile - 8, "ctr", False, t=t)
                  for n, index in enumerate(helps)]
        tallest = max(label.h for label in labels)
        for n, (index, label) in enumerate(zip(helps, labels, strict=True)):
            place(index, EDGE + n * tile + (tile - small) / 2, y + tallest + 2, small,
                  replace(label, y=y + tallest - label.h, anchor="bottom"))
        y += tallest + 2 + small + 12
        rows = []
    for row in rows:
        labels = [_label(specs[index], x + size + 8, 0, w - size - 20, "l", False, t=t)
                  for index, x, w in row]
        height = max([size, *(label.h for label in labels)])
        for (index, x, _), label in zip(row, labels, strict=True):
            place(index, x, y + (height - size) / 2, size,
                  _moved(label, y + (height - label.h) / 2))
        y += height + 12
    top = y + (34 if helps else 0)  # room for the arrows down

    # the right column: what results
    results = by_role["results"]
    column_w = min(220.0, width * 0.26) if results else 0.0
    band_right = width - column_w - (40 if results else 0)
    # the middle: what grows, standing in the band of its ground
    grows, ground = by_role["grows"], by_role["ground"]
    band_w = band_right - EDGE
    reserve = _reserve(specs, ground, grows, band_w, t)  # the band's name, at its left
    tile = (band_w - reserve) / max(1, len(grows))
    size = min(ICON["grows"], tile - 12)  # many side by side: each smaller, none overlapping
    icon_y = top
    grows_bottom = icon_y + size
    # the label beside the pictogram in the band (the arrows leave from the band's edge)
    # or with nothing to its right; else under it, out of the way of the arrows
    beside = (bool(ground) or not results) and all(
        tile - size - 36 >= _needs(specs[index], 0, t) - 28 for index in grows)
    for column, index in enumerate(grows):
        left = EDGE + reserve + column * tile
        if beside:
            longer = max(len(specs[index].name), len(specs[index].stands_for))
            label_w = min(tile - size - 36, pc * (longer + 2))
            x = left + (tile - size - 10 - label_w) / 2
            label = _label(specs[index], x + size + 10, 0, label_w, "l", bool(ground),
                           centre_on=icon_y + size * 0.55, t=t)
        else:
            x = left + (tile - size) / 2
            label_w = min(tile - 16, 280.0 * t)
            label = _label(specs[index], left + (tile - label_w) / 2, icon_y + size + 4,
                           label_w, "ctr", bool(ground), t=t)
        grows_bottom = max(grows_bottom, label.y + label.h)
        place(index, x, icon_y, size, label)
    band = None
    bottom = grows_bottom
    if ground:
        gsize = ICON["ground"]
        band_top = min([icon_y + size * 0.4, *(placed[i].label.y - 8 for i in grows)])
        # the first ground part is what the band is (the garden the seed grows in): it
        # names the band from its top left corner, where what grows left it room
        # (level with what grows: a tall label beside it may take the band's top up)
        corner = _corner(specs[ground[0]], max(band_top, icon_y + size * 0.4) + 8,
                         EDGE + reserve - 8, gsize, t) if reserve else None
        strip, strip_left, strip_y, corner_bottom = ground, EDGE, grows_bottom + 6, 0.0
        if corner is not None:  # the rest of the ground under what grows, right of it
            (x, y), label = corner
            place(ground[0], x, y, gsize, label)
            strip, strip_left = ground[1:], EDGE + reserve
            corner_bottom = max(y + gsize, label.y + label.h)
        strip_h = 0.0
        for row in _rows(specs, strip, strip_left, band_right - strip_left, gsize,
                         even=False, t=t):
            labels = [_label(specs[index], x + 12 + gsize + 8, 0, w - gsize - 28, "l", True,
                             t=t) for index, x, w in row]
            height = max([gsize, *(label.h for label in labels)])
            for (index, x, _), label in zip(row, labels, strict=True):
                place(index, x + 12, strip_y + strip_h + (height - gsize) / 2, gsize,
                      _moved(label, strip_y + strip_h + (height - label.h) / 2))
            strip_h += height + 6
        bottom = max(strip_y + strip_h - 6 if strip else grows_bottom, corner_bottom) + 10
        first = placed[ground[0]].pictogram
        band_tone = Tone(first.tone.slot if first else "primary", 0.84)
        band = Band(EDGE, band_top, band_w, bottom - band_top, band_tone)
    middle = (band.y + band.h / 2) if band else icon_y + ICON["grows"] / 2
    rsize = ICON["results"]
    stack = []
    for index in results:
        label = _label(specs[index], 0, 0, column_w, "ctr", False, t=t)
        stack.append((index, label))
    total = sum(rsize + 6 + label.h for _, label in stack) + 14 * max(0, len(stack) - 1)
    # one result: its pictogram level with the middle (the arrow runs straight across)
    ry = middle - rsize / 2 if len(stack) == 1 else middle - total / 2
    ry = max(top - 10, ry)
    for index, label in stack:
        x = width - column_w + (column_w - rsize) / 2
        label = _label(specs[index], width - column_w, ry + rsize + 6, column_w, "ctr", False,
                       t=t)
        place(index, x, ry, rsize, label)
        ry += rsize + 6 + label.h + 14
        bottom = max(bottom, label.y + label.h)

    arrows: list[Arrow] = []
    for index in helps:
        target = min(grows, key=lambda g: abs(placed[g].x - placed[index].x)) if grows else None
        if target is not None:
            arrows.append(_arrow(placed, None, index, target, placed[index].tone, True))
    for index in results:
        if band is not None:
            arrows.append(_arrow(placed, band, None, index, Tone("line", 0.35), False))
        elif grows:
            arrows.append(_arrow(placed, None, grows[-1], index, Tone("line", 0.35), False))
    parts = tuple(placed[i] for i in sorted(placed))
    # a tall label beside what grows, with nothing above it, may reach above the top
    low = min(min(part.y, part.label.y) for part in parts)
    if low < 4:
        return _shifted(Scene(width, math.ceil(bottom + 8), parts, band, tuple(arrows)),
                        4 - low)
    return Scene(width, math.ceil(bottom + 8), parts, band, tuple(arrows))


def _reserve(specs: list[PartSpec], ground: list[int], grows: list[int], band_w: float,
             t: float) -> float:
    """The width kept at the band's left for the part that names the band (the first
    ground part: its pictogram and its label as wide as in the strip, or a third of the
    band, or as wide as it would like), when what grows keeps its labels as they were
    (beside it, on as many lines) in the rest; else 0 (it goes in the strip with the rest
    of the ground)."""
    if not ground:
        return 0.0
    want = 12 + ICON["ground"] + 8 + (_wants(specs[ground[0]], 0, t) - 28) + 8
    strip = _rows(specs, ground, EDGE, band_w, ICON["ground"], even=False, t=t)[0][0][2]
    # first as wide as it would be in the strip, then a third of the band, then its wish
    count = max(1, len(grows))
    for reserve in (max(want, strip), max(want, band_w * 0.3), want):
        if min(ICON["grows"], band_w / count - 12) == min(  # the pictograms no smaller
                ICON["grows"], (band_w - reserve) / count - 12) and all(
                _beside_lines(specs[i], band_w - reserve, count, t) is not None and
                _beside_lines(specs[i], band_w - reserve, count, t)
                == _beside_lines(specs[i], band_w, count, t) for i in grows):
            return reserve
    return 0.0


def _beside_lines(spec: PartSpec, width: float, count: int, t: float) -> int | None:
    """The lines of a growing part's label beside its pictogram, `count` of them side by
    side in `width`; None when it does not fit beside it."""
    tile = width / max(1, count)
    size = min(ICON["grows"], tile - 12)
    if tile - size - 36 < _needs(spec, 0, t) - 28:
        return None
    longer = max(len(spec.name), len(spec.stands_for))
    label_w = min(tile - size - 36, PER_CHAR * t * (longer + 2))
    return len(_lines(spec.name, label_w, t)) + len(_lines(spec.stands_for, label_w, t))


def _corner(spec: PartSpec, top: float, right: float, size: float, t: float
            ) -> tuple[tuple[float, float], Label] | None:
    """((x, y) of the pictogram, its label) of the part that names the band, in the band's
    top left corner up to `right`; None when its label does not fit there beside it."""
    x = EDGE + 12
    width = right - x - size - 8
    if width < _needs(spec, 0, t) - 28:
        return None
    label = _label(spec, x + size + 8, 0, width, "l", True, t=t)
    height = max(size, label.h)
    return (x, top + (height - size) / 2), _moved(label, top + (height - label.h) / 2)


def _shifted(scene: Scene, dy: float) -> Scene:
    """The scene moved `dy` units down (and that much taller)."""
    parts = tuple(replace(part, y=part.y + dy, label=replace(part.label, y=part.label.y + dy))
                  for part in scene.parts)
    band = replace(scene.band, y=scene.band.y + dy) if scene.band else None
    arrows = tuple(replace(arrow, points=(arrow.points[0], arrow.points[1] + dy,
                                          arrow.points[2], arrow.points[3] + dy))
                   for arrow in scene.arrows)
    return Scene(scene.width, math.ceil(scene.height + dy), parts, band, arrows)


def _arrow(placed: dict[int, Placed], band: Band | None, start: int | None, end: int,
           tone: Tone, dashed: bool) -> Arrow:
    """The arrow between the two sites that face each other best (the closest pair): a
    help's arrow reaches what grows from above (its label is beside or under it), a
    result's arrow leaves to the right and arrives from the left."""
    begin_shape = band if start is None else placed[start]
    assert begin_shape is not None
    finish = placed[end]
    begins: tuple[int, ...]
    ends: tuple[int, ...]
    if start is None:
        begins, ends = (3,), (1, 2, 3)
    elif dashed:
        begins, ends = (3, 4, 5), (0, 1, 7)
    else:
        begins, ends = (5, 6, 7), (1, 2, 3)
    best = min(((i, j) for i in begins for j in ends),
               key=lambda pair: math.dist(begin_shape.site(pair[0]), finish.site(pair[1])))
    (x1, y1), (x2, y2) = begin_shape.site(best[0]), finish.site(best[1])
    return Arrow((start, best[0]), (end, best[1]), (x1, y1, x2, y2), tone, dashed)
