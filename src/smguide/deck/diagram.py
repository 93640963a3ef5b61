"""An analogy as a native diagram: editable shapes, glued connectors and labels.

The scene comes from smguide.model.diagram, laid out by the parts' roles in the same
units as the handbook's SVG, and is scaled into the slide's content area. Each part's
pictogram (smguide.model.pictograms) becomes a group named after the part: an invisible
frame (what the arrows are glued to) and its rectangles, ellipses, polygons and strokes
as autoshapes and freeforms. Every fill refers to a theme colour with a brightness, so
the diagram follows the brand (and a template's palette). An author's own SVG becomes a
picture (PNG, with the SVG kept beside it). The whole diagram is one group whose alt text
is the block's `alt`. This module lays the scene out for the slide and puts it together;
diagramcanvas maps it onto the slide, diagramcolours colours it, diagramshapes draws
its shapes and diagramlabels sets its labels.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from smguide.deck.diagramcanvas import GROW, LABEL, MAX_W, VIEW_W, Canvas, label_span
from smguide.deck.diagramcolours import Grounds
from smguide.deck.diagramlabels import add_labels, fit_labels
from smguide.deck.diagramroom import meets, result_above, to_the_margin
from smguide.deck.diagramshapes import (
    band_shape,
    connector,
    grouped,
    part_shape,
    picture_png,
    settle,
)
from smguide.deck.slides import TooLong, drop_empty, title_of
from smguide.deck.textfit import Para
from smguide.deck.write import INSET_X, Area
from smguide.model.diagram import EDGE, Label, PartSpec, Placed, Scene, layout

if TYPE_CHECKING:
    from smguide.deck.context import DeckContext
    from smguide.deck.plan import PlannedSlide
    from smguide.model.guide import Analogy


def specs_of(block: Analogy) -> list[PartSpec]:
    return [PartSpec(part.name, part.stands_for, part.symbol, part.picture, part.role)
            for part in block.parts]


def _said(deck: DeckContext, block: Analogy) -> str:
    """What the presenter says over the diagram (without the author's notes): its intro,
    why each part stands for what it does (the slide names both), and its lesson, a
    paragraph each; never the slide's labels read back."""
    from smguide.deck.fitting import sentences
    from smguide.deck.write import md_paras

    lang = deck.lang
    said = sentences(md_paras(block.intro, lang)) if block.intro else []
    for part in block.parts:
        if part.explanation:
            said.append(" ".join(sentences(md_paras(part.explanation, lang))))
    if block.lesson:
        said += sentences(md_paras(block.lesson, lang))
    return "\n".join(said)


def analogy_slide(deck: DeckContext, planned: PlannedSlide, block: Analogy) -> None:
    chapter = planned.chapter
    assert chapter is not None
    title = title_of(deck, planned, chapter.title)
    if deck.fitting:
        deck.fit_slide(planned, title)
    else:
        slide = deck.new_slide(planned, title, said=_said(deck, block))
    area = deck.area_of(planned)
    scene, canvas, labels = _scene(deck, planned, area, block)  # the labels fitted
    if deck.fitting:  # what may be refused: the pictures drawn, the labels fitted
        for part in scene.parts:
            if part.picture is not None:
                picture_png(deck, part)
        return
    group = grouped(slide.shapes, "Analogy diagram")
    grounds = Grounds.of(deck, scene)
    band = band_shape(group.shapes, canvas, scene, grounds) if scene.band else None
    frames = {}
    for part in scene.parts:
        frames[part.index] = part_shape(deck, group.shapes, canvas, part, grounds)
    for arrow in scene.arrows:
        begin = band if arrow.start[0] is None else frames[arrow.start[0]]
        finish = band if arrow.end[0] is None else frames[arrow.end[0]]
        names = [("the band" if end[0] is None else _name_of(scene, end[0]))
                 for end in (arrow.start, arrow.end)]
        connector(group.shapes, canvas, arrow.points, (begin, arrow.start[1]),
                   (finish, arrow.end[1]), grounds.seen(arrow.tone, grounds.background),
                   grounds.slots, 2.25 if arrow.dashed else 3,
                   arrow.dashed, f"Arrow: {names[0]} to {names[1]}")
    add_labels(group.shapes, canvas, scene, *labels)
    group_element: Any = group.shape._element  # python-pptx types its children loosely
    settle(group_element)
    group_element.nvGrpSpPr.cNvPr.set("descr", block.alt)
    drop_empty(slide)


TYPE_STEPS = tuple(round(1 + n / 10, 1) for n in range(15))  # labels/pictograms: 1 to 2.4


def _scene(deck: DeckContext, planned: PlannedSlide, area: Area, block: Analogy
           ) -> tuple[Scene, Canvas, tuple[float, dict[int, list[Para]]]]:
    """The scene laid out for the slide, with its labels' size and text: the labels' type
    made as large against the pictograms as gives the largest size at which every name
    stays on one line and what it stands for on at most two (the slide's type is larger
    than the handbook's against the same drawing): the least scale that sets them at
    18 pt, the body text's least size (a wide font, DejaVu Sans on a 4:3 template, takes
    about 1.8), else the one with the largest size; where no scale does that at 14 pt,
    the handbook's proportions with the labels wrapped as they fit."""
    best: tuple[float, Scene, Canvas, tuple[float, dict[int, list[Para]]]] | None = None
    for t in TYPE_STEPS:
        scene, canvas = _laid_out(area, block, t)
        found = fit_labels(deck, planned, canvas, scene, lines=True)
        if found is None or found[0] < LABEL[0] and best is not None and \
                found[0] <= best[0]:
            continue
        if best is None or found[0] > best[0] or found[0] >= LABEL[0] and \
                _names_the_band(scene) and not _names_the_band(best[1]):
            best = (found[0], scene, canvas, found)
        if found[0] >= LABEL[0] and _names_the_band(best[1]):
            break
    scene, canvas, labels = (best[1], best[2], best[3]) if best is not None else \
        _names_only(deck, planned, area, specs_of(block))
    return to_the_margin(scene, canvas, *labels, deck.own_body_fonts), canvas, labels


def _names_the_band(scene: Scene) -> bool:
    """Whether the ground's first part names the band from its corner (its pictogram not
    drawn), as the decks whose labels reach 18 pt at the first scale show the garden:
    of the scales that set the labels at 18 pt the least that does so is taken, else
    the least (the German template's garden went into the strip, its pictogram drawn,
    at the first)."""
    return scene.band is not None and any(
        part.role == "ground" and not part.drawn for part in scene.parts)


def _names_only(deck: DeckContext, planned: PlannedSlide, area: Area,
                specs: list[PartSpec]) -> tuple[Scene, Canvas, tuple[float, dict[int, list[Para]]]]:
    """The handbook's proportions with the labels wrapped as they fit; where they do not,
    the longest of what the parts stand for goes to the notes (the part shows its name),
    and the scene is laid out again without it, and so on: a part that stands for far too
    much would otherwise take its neighbours' room, and the refusal would name one of
    them. Refused when a name alone does not fit."""
    said: set[int] = set()
    while True:
        scene, canvas = _laid_out(area, specs, 1.0)
        try:
            found = fit_labels(deck, planned, canvas, scene, lines=False, said=said)
        except TooLong:
            left = [n for n, spec in enumerate(specs) if spec.stands_for and n not in said]
            if not left:
                raise
            longest = max(left, key=lambda n: len(specs[n].stands_for))
            said.add(longest)
            specs = [replace(spec, stands_for="") if n == longest else spec
                     for n, spec in enumerate(specs)]
            continue
        assert found is not None  # without the line rule, labels fit or are refused
        return scene, canvas, found


def _laid_out(area: Area, block: Analogy | list[PartSpec], t: float) -> tuple[Scene, Canvas]:
    specs = block if isinstance(block, list) else specs_of(block)
    scene = layout(specs, VIEW_W, t)
    # a slide is wider than a page's column: the same picture spread to the area's shape
    # (its height barely changes), so it fills the slide rather than shrinking in it
    wide = (area.width - INSET_X * 12700) / area.height * scene.height + EDGE
    if wide > VIEW_W:
        scene = layout(specs, min(wide, MAX_W), t)
    grow = max(1.15, GROW / t)
    scene = result_above(clear_of_own_arrows(soil_under(scene, grow)), grow)
    # labels laid out for larger type need less of the extra height (`grow`); the drawing
    # is fitted with its labels' boxes as tall as the slide makes them
    spans = [label_span(part, grow) for part in scene.parts]
    low = min([0.0, *(top for top, _ in spans)])
    high = max([float(scene.height), *(bottom for _, bottom in spans)])
    canvas = Canvas.inside(area, scene.width, high - low)
    return scene, replace(canvas, top=round(canvas.top - low * canvas.unit), grow=grow)


def _name_of(scene: Scene, index: int) -> str:
    return next(part.name for part in scene.parts if part.index == index)


SOIL = 0.8  # the ground's pictogram under what grows, against what grows (its size)
CLEAR = 8.0  # a label's box kept this far (scene units) from an arrow that passes it


def soil_under(scene: Scene, grow: float) -> Scene:
    """On a slide, the one pictogram of the ground's strip (the soil) as the ground the
    one part that grows stands in: centred under it, its top edge at the pot's foot, a
    band as wide as the plant's pot and more, its label beside it (the handbook's page
    sets it smaller, a little to the left and lower, where on a slide it read as a
    thing beside the plant). The harvest's arrow runs between the plant's label, lifted
    clear above it where its type is large (a wide font such as DejaVu Sans), and the
    soil's, clear under it. The scene as it was where its labels would meet or it has
    more than one part growing or in the strip."""
    grows = [p for p in scene.parts if p.role == "grows"]
    strip = [p for p in scene.parts if p.role == "ground" and p.drawn]
    pictogram = strip[0].pictogram if len(strip) == 1 else None
    if len(grows) != 1 or pictogram is None or scene.band is None:
        return scene
    plant, soil = grows[0], strip[0]
    x1, y1, x2, y2 = pictogram.ink
    size = max(soil.size, plant.size * SOIL)
    ink_x, ink_y, ink_w, ink_h = plant.ink
    x = ink_x + ink_w / 2 - (x1 + x2) / 200 * size
    y = ink_y + ink_h - y1 / 100 * size + 1
    label = soil.label
    moved_label = replace(label, x=x + x2 / 100 * size + 10,
                          y=y + (y1 + y2) / 200 * size - label.h / 2)
    band = scene.band
    room = band.x + band.w - 8 - moved_label.x  # the label kept inside the band
    if room < label.w * 0.9:
        return scene
    moved_label = replace(moved_label, w=min(label.w, room))
    lifted = _over_arrows(scene, plant, grow)
    below = [top + CLEAR for top in _crossing(scene, moved_label)]
    if lifted is not plant:  # under the plant's label too
        below.append(label_span(lifted, grow)[1] + 2)
    if below:
        down = max(below) - label_span(replace(soil, label=moved_label), grow)[0]
        moved_label = replace(moved_label, y=moved_label.y + max(0.0, down))
        if moved_label.y > y + y2 / 100 * size - 8:  # no longer beside the soil
            return scene
    moved = replace(soil, x=x, y=y, size=size, label=moved_label)
    parts = tuple(moved if p is soil else lifted if p is plant else p for p in scene.parts)
    if any(meets(part, [p for p in parts if p is not part], grow) for part in (moved, lifted)):
        return scene
    lowest = max(y + y2 / 100 * size, moved_label.y + moved_label.h) + 10
    grown = replace(band, h=max(band.h, lowest - band.y))
    height = max(scene.height, grown.y + grown.h + 8)
    return replace(scene, parts=parts, band=grown, height=math.ceil(height))


def clear_of_own_arrows(scene: Scene) -> Scene:
    """A label beside its pictogram (to its right, centred on it) lifted where the
    arrow leaving that pictogram runs down to the right under its first words: with the
    larger type of a wide font (DejaVu Sans on a template) the water's "Campaigns and
    promotion" sat on its own arrow. The label's box ends 2 units above the arrow where
    the arrow passes its left edge; the labels of its row (level with it) go up with it,
    so they stay level."""
    ups: dict[int, float] = {}
    for part in scene.parts:
        label = part.label
        if label.align != "l" or label.anchor != "middle":
            continue
        under = [y0 + (max(label.x, x0) - x0) * (y1 - y0) / (x1 - x0)
                 for arrow in scene.arrows if arrow.start[0] == part.index
                 for x0, y0, x1, y1 in (arrow.points,) if x1 > max(x0, label.x) and y1 > y0]
        up = max([label.y + label.h + 2 - y for y in under], default=0.0)
        if up > 0:
            ups[part.index] = up
    if not ups:
        return scene
    rows = {(part.role, round(part.label.y)): ups[part.index] for part in scene.parts
            if part.index in ups}

    def lift(part: Placed) -> float:
        return max([up for (role, y), up in rows.items() if role == part.role
                    and abs(y - part.label.y) <= 1 and part.label.anchor == "middle"],
                   default=0.0)

    return replace(scene, parts=tuple(
        replace(part, label=replace(part.label, y=part.label.y - lift(part)))
        for part in scene.parts))


def _crossing(scene: Scene, label: Label) -> list[float]:
    """The lowest points of the arrows that pass over or through `label`'s columns
    above its bottom (the harvest's, from the plant's lower right)."""
    return [max(a.points[1], a.points[3]) for a in scene.arrows
            if min(a.points[0], a.points[2]) < label.x + label.w
            and max(a.points[0], a.points[2]) > label.x
            and min(a.points[1], a.points[3]) < label.y + label.h]


def _over_arrows(scene: Scene, plant: Placed, grow: float) -> Placed:
    """The plant, its label (beside it) lifted until its box, as tall as the slide makes
    it, ends CLEAR above a level arrow that runs under it (the harvest's, from its lower
    right: large type, DejaVu Sans on a template, took the label down onto it); as it
    was where none does, or where lifted it would meet another part."""
    label = plant.label
    _, bottom = label_span(plant, grow)
    levels = [a.points[1] for a in scene.arrows if abs(a.points[1] - a.points[3]) < 1
              and min(a.points[0], a.points[2]) < label.x + label.w
              and max(a.points[0], a.points[2]) > label.x and a.points[1] > label.y]
    up = max([bottom - (level - CLEAR) for level in levels], default=0.0)
    if up <= 0:
        return plant
    lifted = replace(plant, label=replace(label, y=label.y - up))
    others = [p for p in scene.parts if p.index != plant.index and p.role != "ground"]
    return plant if meets(lifted, others, grow) else lifted
