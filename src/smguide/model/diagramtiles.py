"""The tiles an analogy diagram's parts stand in: what each part is given (PartSpec), its
label (Label) and how wide its tile and label need and would like to be, the rows they
make, and the corner of the band the ground's first part names the band from, in the
handbook's SVG units (model.diagram lays the scene out with them)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace
from typing import Literal

from smguide.model.pictograms import Role

LINE = 18.0  # a label's line height, for its 15-unit type
PER_CHAR = 7.6  # the average width of a character of that type
ICON = {"helps": 72.0, "grows": 116.0, "ground": 56.0, "results": 96.0}
EDGE = 20.0  # the drawing's left edge, where the text column starts


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


def lines(text: str, width: float, t: float = 1.0) -> tuple[str, ...]:
    return tuple(textwrap.wrap(text, max(8, int(width / (PER_CHAR * t))),
                               break_long_words=False)) or ("",)


def label_for(spec: PartSpec, x: float, y: float, w: float, align: Literal["l", "ctr"],
           on_band: bool, centre_on: float | None = None, t: float = 1.0) -> Label:
    """A label `w` wide at (x, y); with `centre_on`, centred vertically on that y."""
    name, means = lines(spec.name, w, t), lines(spec.stands_for, w, t)
    h = (len(name) + len(means)) * LINE * t + 6
    if centre_on is not None:
        y = centre_on - h / 2
    return Label(x, y, w, h, align, name, means, on_band, "middle" if align == "l" else "top")


def needs(spec: PartSpec, icon: float, t: float = 1.0) -> float:
    """The narrowest tile a part's pictogram and label fit in: its longest word whole, and
    room for ten characters a line."""
    longest = max(len(word) for word in f"{spec.name} {spec.stands_for}".split())
    return icon + 28 + PER_CHAR * t * max(10, longest + 1)


def wants(spec: PartSpec, icon: float, t: float = 1.0) -> float:
    """The tile a part's label would like: its longer line whole, up to 24 characters."""
    return max(needs(spec, icon, t), icon + 28 + PER_CHAR * t * min(
        24, max(len(spec.name), len(spec.stands_for)) + 1))


def _shares(specs: list[PartSpec], row: list[int], width: float, icon: float,
            t: float = 1.0) -> list[float]:
    """`width` shared out: each part what it needs, the rest as far as each wants more."""
    needed = [needs(specs[i], icon, t) for i in row]
    more = [wants(specs[i], icon, t) - need for i, need in zip(row, needed, strict=True)]
    spare = width - sum(needed)
    if sum(more) <= 0:
        return [need + spare / len(row) for need in needed]
    return [need + spare * extra / sum(more) for need, extra in zip(needed, more, strict=True)]


def tile_rows(specs: list[PartSpec], indices: list[int], left: float, width: float, icon: float,
          even: bool, t: float = 1.0) -> list[list[tuple[int, float, float]]]:
    """Tiles (index, x, width) in rows across `width`: as many a row as fit every part's
    needs, each row's tiles shared out evenly (centred, at most as wide as they want) or as
    far as their labels want more than they need."""
    if not indices:
        return []
    per_row = len(indices)
    while per_row > 1:
        rows = [indices[i:i + per_row] for i in range(0, len(indices), per_row)]
        if all((width / len(row) >= max(needs(specs[i], icon, t) for i in row)) if even else
               (width >= sum(needs(specs[i], icon, t) for i in row)) for row in rows):
            break
        per_row -= 1
    out = []
    for start in range(0, len(indices), per_row):
        row = indices[start:start + per_row]
        if even:
            tile = min(width / len(row), max(max(wants(specs[i], icon, t) for i in row),
                                             240.0 * t))
            x0 = left + (width - tile * len(row)) / 2
            out.append([(index, x0 + n * tile, tile) for n, index in enumerate(row)])
        else:
            shares = _shares(specs, row, width, icon, t)
            out.append([(index, left + sum(shares[:n]), shares[n])
                        for n, index in enumerate(row)])
    return out


def moved(label: Label, y: float) -> Label:
    return replace(label, y=y)


def reserve_for(specs: list[PartSpec], ground: list[int], grows: list[int], band_w: float,
             t: float) -> float:
    """The width kept at the band's left for the part that names the band (the first
    ground part: its pictogram and its label as wide as in the strip, or a third of the
    band, or as wide as it would like), when what grows keeps its labels as they were
    (beside it, on as many lines) in the rest; else 0 (it goes in the strip with the rest
    of the ground)."""
    if not ground:
        return 0.0
    want = 12 + ICON["ground"] + 8 + (wants(specs[ground[0]], 0, t) - 28) + 8
    strip = tile_rows(specs, ground, EDGE, band_w, ICON["ground"], even=False, t=t)[0][0][2]
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
    if tile - size - 36 < needs(spec, 0, t) - 28:
        return None
    longer = max(len(spec.name), len(spec.stands_for))
    label_w = min(tile - size - 36, PER_CHAR * t * (longer + 2))
    return len(lines(spec.name, label_w, t)) + len(lines(spec.stands_for, label_w, t))


def corner_of(spec: PartSpec, top: float, right: float, size: float, t: float
            ) -> tuple[tuple[float, float], Label] | None:
    """((x, y) of the pictogram, its label) of the part that names the band, in the band's
    top left corner up to `right`; None when its label does not fit there. The label
    names the band itself, so its pictogram is not drawn there (Placed.drawn): the label
    starts at the corner, where the pictogram would have been."""
    x = EDGE + 12
    if right - x - size - 8 < needs(spec, 0, t) - 28:
        return None
    label = label_for(spec, x, 0, right - x, "l", True, t=t)
    height = max(size, label.h)
    return (x, top + (height - size) / 2), moved(label, top + (height - label.h) / 2)
