"""Where an analogy diagram's results go on a slide: the one result's label above its
pictogram where under it the label would hang below the band (the garden's panel), and
the results' column moved right until what it shows ends on the content's right margin,
as the title's text does, rather than short of it."""

from __future__ import annotations

import math
from dataclasses import replace

from smguide.deck.diagramcanvas import Canvas, label_span
from smguide.deck.textfit import Fonts, Para, widest_line
from smguide.deck.write import INSET_X
from smguide.model.diagram import Placed, Scene

ABOVE = 6.0  # a label set above its pictogram ends this far (scene units) over its ink


def meets(part: Placed, others: list[Placed], grow: float) -> bool:
    """Whether `part`'s label (its box as tall as the slide makes it, label_span) meets
    one of the `others`' labels or pictograms (what grows' own pictogram aside: the
    labels beside it are set clear of it)."""
    label = part.label
    top, bottom = label_span(part, grow)
    for other in others:
        o_top, o_bottom = label_span(other, grow)
        boxes = [(other.label.x, o_top, other.label.x + other.label.w, o_bottom)]
        if other.drawn and other.role != "grows":
            boxes.append((other.x, other.y, other.x + other.size, other.y + other.size))
        for bx0, by0, bx1, by1 in boxes:
            if by1 > top - 2 and by0 < bottom + 2 and bx1 > label.x and \
                    bx0 < label.x + label.w:
                return True
    return False


def result_above(scene: Scene, grow: float) -> Scene:
    """The one result's label above its pictogram (its bottom ABOVE over the ink, left-
    aligned with it as before) where under it, as the slide makes it, the label would
    end below the band: at 16:9 "The harvest / Revenue and customer value" hung under
    the garden's panel. As it was where above it would meet another part or an arrow,
    or leave the drawing's top."""
    results = [p for p in scene.parts if p.role == "results"]
    band = scene.band
    if len(results) != 1 or band is None:
        return scene
    part = results[0]
    if label_span(part, grow)[1] <= band.y + band.h + 2:
        return scene
    ink_top = part.ink[1]
    label = replace(part.label, y=ink_top - ABOVE - part.label.h, anchor="bottom")
    moved = replace(part, label=label)
    top, bottom = label_span(moved, grow)
    crossed = any(min(a.points[0], a.points[2]) < label.x + label.w
                  and max(a.points[0], a.points[2]) > label.x
                  and min(a.points[1], a.points[3]) < bottom + 2
                  and max(a.points[1], a.points[3]) > top - 2 for a in scene.arrows)
    others = [p for p in scene.parts if p is not part]
    if top < 0 or crossed or meets(moved, others, grow):
        return scene
    parts = tuple(moved if p is part else p for p in scene.parts)
    lowest = max([band.y + band.h, *(p.y + p.size for p in parts if p.drawn),
                  *(label_span(p, grow)[1] for p in parts)])
    return replace(scene, parts=parts, height=math.ceil(lowest + 8))


def to_the_margin(scene: Scene, canvas: Canvas, size: float, texts: dict[int, list[Para]],
                  fonts: Fonts) -> Scene:
    """The results' column moved right until the furthest of what it shows (a pictogram's
    ink, a label's widest line at `size` in `fonts`) ends where the content's text does
    (the scene's right edge less a text inset), its arrows' ends with it: the column
    kept a label's room to its right, which its text did not use (at 16:9 the basket
    and its label stopped an inch short of the margin)."""
    results = [p for p in scene.parts if p.role == "results"]
    if not results:
        return scene
    unit_pt = canvas.unit / 12700  # points per scene unit
    right = 0.0
    for part in results:
        label = part.label
        width = label.w * unit_pt - 2 * 3.6  # the label box's text width (_label_box)
        text = max(widest_line(para, width, para.size_at(size), fonts)
                   for para in texts[part.index])
        x, _, w, _ = part.ink
        right = max(right, x + w, label.x + text / unit_pt)
    dx = scene.width - INSET_X / unit_pt - right
    if dx <= 1:
        return scene
    index = {p.index for p in results}
    parts = tuple(replace(p, x=p.x + dx, label=replace(
        p.label, x=p.label.x + dx, w=min(p.label.w, scene.width - p.label.x - dx)))
        if p.index in index else p for p in scene.parts)
    arrows = tuple(replace(a, points=(a.points[0], a.points[1], a.points[2] + dx,
                                      a.points[3])) if a.end[0] in index else a
                   for a in scene.arrows)
    return replace(scene, parts=parts, arrows=arrows)
