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
from dataclasses import dataclass, field, replace

from smguide.model.diagramtiles import (
    EDGE,
    ICON,
    PER_CHAR,
    Label,
    PartSpec,
    corner_of,
    label_for,
    moved,
    needs,
    reserve_for,
    tile_rows,
)
from smguide.model.pictograms import PICTOGRAMS, Pictogram, Role, Tone

__all__ = ["EDGE", "Arrow", "Band", "Label", "PartSpec", "Placed", "Scene", "layout", "roles"]

# connection sites (ECMA-376 presetShapeDefinitions: the cxnLst of each preset), as
# fractions of the shape's box, in the order their idx counts: the deck glues its arrows
# to them, and the handbook's arrows start and end at the same points
_C = 0.5 - 0.5 ** 1.5  # where a 45-degree ray leaves an ellipse, as a fraction of its box
ELLIPSE_SITES = ((0.5, 0), (_C, _C), (0, 0.5), (_C, 1 - _C), (0.5, 1), (1 - _C, 1 - _C),
                 (1, 0.5), (1 - _C, _C))
RECT_SITES = ((0.5, 0), (0, 0.5), (0.5, 1), (1, 0.5))
HARVEST_SITE = 5  # what grows sends its arrow to what results from its lower right
# A drawing narrower than this (units) draws its pictograms and the room for the arrows
# between them smaller, in proportion to its width, while its labels keep their type: the
# picture keeps its shape on a narrow column (A5's, 477 units, where it stood 89 mm tall,
# most of a page) instead of growing taller around pictograms of a wide one's size
FULL_WIDTH = 540.0


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
    drawn: bool = True  # False: the part names the band, its label alone shows it

    @property
    def ink(self) -> tuple[float, float, float, float]:
        """(x, y, w, h) of what the part draws: its pictogram's ink, else its whole box
        (the author's picture); the arrows meet it at the sites of the ellipse in it."""
        if self.pictogram is None:
            return self.x, self.y, self.size, self.size
        x1, y1, x2, y2 = self.pictogram.ink
        s = self.size / 100
        return self.x + x1 * s, self.y + y1 * s, (x2 - x1) * s, (y2 - y1) * s

    def site(self, idx: int) -> tuple[float, float]:
        fx, fy = ELLIPSE_SITES[idx]
        x, y, w, h = self.ink
        return x + fx * w, y + fy * h

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


@dataclass
class _Placing:
    """The parts placed so far while laying a scene out."""

    specs: list[PartSpec]
    given: list[Role]
    t: float
    scale: float = 1.0  # the pictograms' size against ICON's (FULL_WIDTH)
    placed: dict[int, Placed] = field(default_factory=dict)

    def icon(self, role: Role) -> float:
        return ICON[role] * self.scale

    def place(self, index: int, x: float, y: float, size: float, label: Label,
              drawn: bool = True) -> None:
        spec = self.specs[index]
        self.placed[index] = Placed(index, spec.name, spec.stands_for, self.given[index],
                                    PICTOGRAMS.get(spec.symbol or ""), spec.picture, x, y,
                                    size, label, drawn)


def layout(specs: list[PartSpec], width: float, t: float = 1.0) -> Scene:
    """The scene for these parts in a drawing `width` units wide; its height follows.
    `t` scales the labels' type against the pictograms (1: the handbook's 15-unit type;
    the deck asks for more, to set its labels at a size read from the back of a room).
    Laid out from the top: what helps, what grows in the band of its ground, what results
    on the right, then the arrows."""
    given = roles(specs)
    by_role: dict[Role, list[int]] = {"helps": [], "grows": [], "ground": [], "results": []}
    for index, role in enumerate(given):
        by_role[role].append(index)
    at = _Placing(specs, given, t, min(1.0, width / FULL_WIDTH))
    helps, grows, ground, results = (by_role[role] for role in
                                     ("helps", "grows", "ground", "results"))
    top = _helps(at, helps, width) + (34 * at.scale if helps else 0)  # the arrows' room
    column_w = min(220.0, width * 0.26) if results else 0.0
    band_right = width - column_w - (40 if results else 0)
    reserve = reserve_for(specs, ground, grows, band_right - EDGE, t)  # the band's name
    size, bottom = _grows(at, grows, bool(ground), bool(results), top, band_right, reserve)
    band = None
    if ground:
        band, bottom = _ground(at, ground, grows, top, size, bottom, band_right, reserve)
    middle = (band.y + band.h / 2) if band else top + at.icon("grows") / 2
    if grows and results:  # the harvest's arrow leaves what grows, level to the right
        middle = at.placed[grows[-1]].site(HARVEST_SITE)[1]
    bottom = max(bottom, _results(at, results, width, column_w, top, middle))
    arrows = _arrows(at.placed, helps, grows, results, band)
    parts = tuple(at.placed[i] for i in sorted(at.placed))
    # a tall label beside what grows, with nothing above it, may reach above the top
    low = min(min(part.y, part.label.y) for part in parts)
    if low < 4:
        return _shifted(Scene(width, math.ceil(bottom + 8), parts, band, arrows), 4 - low)
    return Scene(width, math.ceil(bottom + 8), parts, band, arrows)


def _helps(at: _Placing, helps: list[int], width: float) -> float:
    """The top rows: what helps, beside its labels (or one row with the labels above it
    when that takes more than a row); the y below them."""
    specs, t = at.specs, at.t
    y = 8.0
    size = at.icon("helps")
    rows = tile_rows(specs, helps, EDGE, width - EDGE, size, even=True, t=t)
    small = size * 0.85  # more than a row beside their labels: one row, labels above
    compact = [PER_CHAR * t * max(8, max(len(w) for w in
                                         f"{specs[i].name} {specs[i].stands_for}".split()))
               + 10 for i in helps]
    if len(rows) > 1 and (width - EDGE) / len(helps) >= max(compact):
        tile = (width - EDGE) / len(helps)
        small = min(small, tile - 8)
        labels = [label_for(specs[index], EDGE + n * tile + 4, y, tile - 8, "ctr", False, t=t)
                  for n, index in enumerate(helps)]
        tallest = max(label.h for label in labels)
        for n, (index, label) in enumerate(zip(helps, labels, strict=True)):
            at.place(index, EDGE + n * tile + (tile - small) / 2, y + tallest + 2, small,
                     replace(label, y=y + tallest - label.h, anchor="bottom"))
        return y + tallest + 2 + small + 12
    for row in rows:
        labels = [label_for(specs[index], x + size + 8, 0, w - size - 20, "l", False, t=t)
                  for index, x, w in row]
        height = max([size, *(label.h for label in labels)])
        for (index, x, _), label in zip(row, labels, strict=True):
            at.place(index, x, y + (height - size) / 2, size,
                     moved(label, y + (height - label.h) / 2))
        y += height + 12
    return y


def _grows(at: _Placing, grows: list[int], ground: bool, results: bool, top: float,
           band_right: float, reserve: float) -> tuple[float, float]:
    """The middle: what grows, side by side right of the band's name (`reserve`); the
    label beside the pictogram in the band (the arrows leave from the band's edge) or with
    nothing to its right, else under it, out of the way of the arrows. (pictogram size,
    bottom of the lowest label)."""
    specs, t = at.specs, at.t
    tile = (band_right - EDGE - reserve) / max(1, len(grows))
    size = min(at.icon("grows"), tile - 12)  # many side by side: each smaller, none overlapping
    bottom = top + size
    beside = (ground or not results) and all(
        tile - size - 36 >= needs(specs[index], 0, t) - 28 for index in grows)
    for column, index in enumerate(grows):
        left = EDGE + reserve + column * tile
        if beside:
            longer = max(len(specs[index].name), len(specs[index].stands_for))
            label_w = min(tile - size - 36, PER_CHAR * t * (longer + 2))
            x = left + (tile - size - 10 - label_w) / 2
            label = label_for(specs[index], x + size + 10, 0, label_w, "l", ground,
                              centre_on=top + size * 0.55, t=t)
        else:
            x = left + (tile - size) / 2
            label_w = min(tile - 16, 280.0 * t)
            label = label_for(specs[index], left + (tile - label_w) / 2, top + size + 4,
                              label_w, "ctr", ground, t=t)
        bottom = max(bottom, label.y + label.h)
        at.place(index, x, top, size, label)
    return size, bottom


def _ground(at: _Placing, ground: list[int], grows: list[int], top: float, size: float,
            grows_bottom: float, band_right: float, reserve: float) -> tuple[Band, float]:
    """The band of the ground under and around what grows, tinted by its first part, which
    names it from its top left corner where `reserve` keeps it room (level with what
    grows: a tall label beside it may take the band's top up); the rest of the ground in
    a strip along its bottom. (the band, its bottom)."""
    specs, t = at.specs, at.t
    gsize = at.icon("ground")
    band_top = min([top + size * 0.4, *(at.placed[i].label.y - 8 for i in grows)])
    corner = corner_of(specs[ground[0]], max(band_top, top + size * 0.4) + 8,
                       EDGE + reserve - 8, gsize, t) if reserve else None
    strip, strip_left, strip_y, corner_bottom = ground, EDGE, grows_bottom + 6, 0.0
    if corner is not None:  # the rest of the ground under what grows, right of it
        (x, y), label = corner
        at.place(ground[0], x, y, gsize, label, drawn=False)
        strip, strip_left = ground[1:], EDGE + reserve
        corner_bottom = max(y + gsize, label.y + label.h)
    strip_h = 0.0
    rows = tile_rows(specs, strip, strip_left, band_right - strip_left, gsize, even=False, t=t)
    if len(rows) == 1 and grows:  # one row: its first pictogram under what grows
        xs = [at.placed[i].ink for i in grows]
        centre = (min(x for x, _, _, _ in xs) + max(x + w for x, _, w, _ in xs)) / 2
        shift = max(0.0, centre - gsize / 2 - 12 - strip_left)
        under = tile_rows(specs, strip, strip_left + shift, band_right - strip_left - shift,
                          gsize, even=False, t=t)
        rows = under if len(under) == 1 else rows
    for row in rows:
        labels = [label_for(specs[index], x + 12 + gsize + 8, 0, w - gsize - 28, "l", True,
                            t=t) for index, x, w in row]
        height = max([gsize, *(label.h for label in labels)])
        for (index, x, _), label in zip(row, labels, strict=True):
            at.place(index, x + 12, strip_y + strip_h + (height - gsize) / 2, gsize,
                     moved(label, strip_y + strip_h + (height - label.h) / 2))
        strip_h += height + 6
    bottom = max(strip_y + strip_h - 6 if strip else grows_bottom, corner_bottom) + 10
    first = at.placed[ground[0]].pictogram
    tone = Tone(first.tone.slot if first else "primary", 0.84)
    return Band(EDGE, band_top, band_right - EDGE, bottom - band_top, tone), bottom


def _results(at: _Placing, results: list[int], width: float, column_w: float, top: float,
             middle: float) -> float:
    """The right column: what results, around `middle` (one result level with it, so its
    arrow runs straight across), each pictogram at the column's left with its label under
    it, left-aligned with what it draws as every other label is with its pictogram; the
    bottom of its last label."""
    rsize = at.icon("results")
    left = width - column_w
    stack = [(index, label_for(at.specs[index], 0, 0, column_w, "l", False, t=at.t))
             for index in results]
    total = sum(rsize + 6 + label.h for _, label in stack) + 14 * max(0, len(stack) - 1)
    bottom = 0.0
    ry = None
    for index, _ in stack:
        symbol = PICTOGRAMS.get(at.specs[index].symbol or "")
        x1, y1, _, y2 = symbol.ink if symbol is not None else (0.0, 0.0, 100.0, 100.0)
        if ry is None:  # the first, level with `middle` alone, else the stack around it
            ry = max(top - 10, middle - (y1 + y2) / 200 * rsize if len(stack) == 1
                     else middle - total / 2)
        inset = x1 / 100 * rsize
        label = label_for(at.specs[index], left + inset, ry + rsize + 6, column_w - inset,
                          "l", False, t=at.t)
        at.place(index, left, ry, rsize, label)
        ry += rsize + 6 + label.h + 14
        bottom = max(bottom, label.y + label.h)
    return bottom


def _arrows(placed: dict[int, Placed], helps: list[int], grows: list[int],
            results: list[int], band: Band | None) -> tuple[Arrow, ...]:
    """A dashed arrow from each help to the nearest part that grows; one from what grows
    (else the band) to each result."""
    arrows: list[Arrow] = []
    for index in helps:
        target = min(grows, key=lambda g: abs(placed[g].x - placed[index].x)) if grows else None
        if target is not None:
            arrows.append(_arrow(placed, None, index, target, placed[index].tone, True))
    for index in results:
        if grows:
            arrows.append(_arrow(placed, None, grows[-1], index, Tone("line", 0.35), False))
        elif band is not None:
            arrows.append(_arrow(placed, band, None, index, Tone("line", 0.35), False))
    return tuple(arrows)


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
    else:  # from what grows: under its label beside it, to the result's left
        begins, ends = (HARVEST_SITE,), (1, 2, 3)
    best = min(((i, j) for i in begins for j in ends),
               key=lambda pair: math.dist(begin_shape.site(pair[0]), finish.site(pair[1])))
    (x1, y1), (x2, y2) = begin_shape.site(best[0]), finish.site(best[1])
    return Arrow((start, best[0]), (end, best[1]), (x1, y1, x2, y2), tone, dashed)
