"""An analogy as a native diagram: editable shapes, glued connectors and labels.

The scene comes from smguide.model.diagram, laid out by the parts' roles in the same
units as the handbook's SVG, and is scaled into the slide's content area. Each part's
pictogram (smguide.model.pictograms) becomes a group named after the part: an invisible
frame (what the arrows are glued to) and its rectangles, ellipses, polygons and strokes
as autoshapes and freeforms. Every fill refers to a theme colour with a brightness, so
the diagram follows the brand (and a template's palette). An author's own SVG becomes a
picture (PNG, with the SVG kept beside it). The whole diagram is one group whose alt text
is the block's `alt`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smguide.deck.logo import svg_png
from smguide.deck.oxml import NS
from smguide.deck.slides import drop_empty, title_of, too_long
from smguide.deck.textfit import Box, Fonts, Para, fits, largest_size, line_count
from smguide.deck.theme import plain_shape
from smguide.deck.write import INSET_X, Area, fill, theme_slots, typed_spans
from smguide.model.colors import contrast, luminance, palette, shade
from smguide.model.diagram import EDGE, Band, PartSpec, Placed, Scene, layout
from smguide.model.pictograms import PALETTE_KEY, THEME_SLOT, Oval, Poly, Rect, Stroke, Tone

if TYPE_CHECKING:
    from smguide.deck.context import DeckContext
    from smguide.deck.plan import PlannedSlide
    from smguide.model.guide import Analogy

A, P = NS["a"], NS["p"]
VIEW_W = 720  # the scene's narrowest width on a slide (its height follows from the parts)
MAX_W = 1100  # and its widest
LABEL = (18, 14)  # base and smallest label size: nothing on a slide below 14 pt
GROW = 1.5  # a label's text box against the scene's label box, in height


@dataclass(frozen=True)
class Canvas:
    """Maps diagram units to EMU inside the content area, keeping proportions."""

    left: int
    top: int
    unit: float  # EMU per diagram unit
    grow: float = GROW  # a label's text box against the scene's label box, in height

    @classmethod
    def inside(cls, area: Area, width: float, height: float) -> Canvas:
        """As large as the area allows, the drawing's left edge on the text's left margin
        (where the titles and body text start), centred in the area's height."""
        inset = INSET_X * 12700
        unit = min((area.width - inset) / (width - EDGE), area.height / height)
        spare = max(0.0, area.height - height * unit)
        return cls(round(area.left + inset - EDGE * unit), round(area.top + spare / 2), unit)

    def x(self, value: float) -> int:
        return round(self.left + value * self.unit)

    def y(self, value: float) -> int:
        return round(self.top + value * self.unit)

    def d(self, value: float) -> int:
        return round(value * self.unit)


def specs_of(block: Analogy) -> list[PartSpec]:
    return [PartSpec(part.name, part.stands_for, part.symbol, part.picture, part.role)
            for part in block.parts]


def analogy_slide(deck: DeckContext, planned: PlannedSlide, block: Analogy) -> None:
    chapter = planned.chapter
    assert chapter is not None
    title = title_of(deck, planned, chapter.title)
    if deck.fitting:
        deck.fit_slide(planned, title)
    else:
        slide = deck.new_slide(planned, title)
    area = deck.area_of(planned)
    scene, canvas, labels = _scene(deck, planned, area, block)  # the labels fitted
    if deck.fitting:  # what may be refused: the pictures drawn, the labels fitted
        for part in scene.parts:
            if part.picture is not None:
                _picture_png(deck, part)
        return
    group = _grouped(slide.shapes, "Analogy diagram")
    grounds = Grounds.of(deck, scene)
    band = _band(group.shapes, canvas, scene, grounds) if scene.band else None
    frames = {}
    for part in scene.parts:
        frames[part.index] = _part(deck, group.shapes, canvas, part, grounds)
    for arrow in scene.arrows:
        begin = band if arrow.start[0] is None else frames[arrow.start[0]]
        finish = band if arrow.end[0] is None else frames[arrow.end[0]]
        names = [("the band" if end[0] is None else _name_of(scene, end[0]))
                 for end in (arrow.start, arrow.end)]
        _connector(group.shapes, canvas, arrow.points, (begin, arrow.start[1]),
                   (finish, arrow.end[1]), grounds.seen(arrow.tone, grounds.background),
                   grounds.slots, 2.25 if arrow.dashed else 3,
                   arrow.dashed, f"Arrow: {names[0]} to {names[1]}")
    _labels(group.shapes, canvas, scene, *labels)
    group_element: Any = group._element  # python-pptx types its children loosely
    _settle(group_element)
    group_element.nvGrpSpPr.cNvPr.set("descr", block.alt)
    drop_empty(slide)


def _later() -> None:
    """In place of python-pptx's recomputing of a group's extents (see _grouped)."""


def _grouped(shapes: Any, name: str) -> Any:
    """A group shape that does not recompute its extents for every shape added to it:
    python-pptx does, and through every group around it (a third of the diagram's time).
    _settle computes them once, when the diagram is complete, to the same values."""
    group = shapes.add_group_shape()
    group.name = name
    group.shapes._recalculate_extents = _later
    return group


def _settle(group: Any) -> None:
    """The extents of `group` and of the groups in it, from their shapes, innermost first,
    as python-pptx computes them (CT_GroupShape.recalculate_extents, without going on to
    the groups around each one)."""
    for inner in reversed(list(group.iter(f"{{{P}}}grpSp"))):
        x, y, cx, cy = inner._child_extents
        inner.chOff.x = inner.x = x
        inner.chOff.y = inner.y = y
        inner.chExt.cx = inner.cx = cx
        inner.chExt.cy = inner.cy = cy


TYPE_STEPS = (1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6)  # the labels' type against the pictures


def _scene(deck: DeckContext, planned: PlannedSlide, area: Area, block: Analogy
           ) -> tuple[Scene, Canvas, tuple[float, dict[int, list[Para]]]]:
    """The scene laid out for the slide, with its labels' size and text: the labels' type
    made as large against the pictograms as gives the largest size at which every name
    stays on one line and what it stands for on at most two (the slide's type is larger
    than the handbook's against the same drawing); where no scale does that at 14 pt,
    the handbook's proportions with the labels wrapped as they fit."""
    best: tuple[float, Scene, Canvas, tuple[float, dict[int, list[Para]]]] | None = None
    for t in TYPE_STEPS:
        scene, canvas = _laid_out(area, block, t)
        found = _fit_labels(deck, planned, canvas, scene, lines=True)
        if found is not None and (best is None or found[0] > best[0]):
            best = (found[0], scene, canvas, found)
            if found[0] >= LABEL[0]:
                break
    if best is not None:
        return best[1], best[2], best[3]
    scene, canvas = _laid_out(area, block, 1.0)
    found = _fit_labels(deck, planned, canvas, scene, lines=False)
    assert found is not None  # without the line rule, labels fit or are refused
    return scene, canvas, found


def _laid_out(area: Area, block: Analogy, t: float) -> tuple[Scene, Canvas]:
    scene = layout(specs_of(block), VIEW_W, t)
    # a slide is wider than a page's column: the same picture spread to the area's shape
    # (its height barely changes), so it fills the slide rather than shrinking in it
    wide = (area.width - INSET_X * 12700) / area.height * scene.height + EDGE
    if wide > VIEW_W:
        scene = layout(specs_of(block), min(wide, MAX_W), t)
    # labels laid out for larger type need less of the extra height; the drawing is fitted
    # with its labels' boxes as tall as the slide makes them
    grow = max(1.15, GROW / t)
    spans = [_label_span(part, grow) for part in scene.parts]
    low = min([0.0, *(top for top, _ in spans)])
    high = max([float(scene.height), *(bottom for _, bottom in spans)])
    canvas = Canvas.inside(area, scene.width, high - low)
    return scene, replace(canvas, top=round(canvas.top - low * canvas.unit), grow=grow)


def _label_span(part: Placed, grow: float) -> tuple[float, float]:
    """(top, bottom) of a part's label box `grow` times as tall as the scene's, kept at
    its anchor."""
    label = part.label
    height = label.h * grow
    top = {"top": label.y, "middle": label.y - (height - label.h) / 2,
           "bottom": label.y + label.h - height}[label.anchor]
    return top, top + height


def _anchors() -> dict[str, Any]:
    from pptx.enum.text import MSO_ANCHOR

    return {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


def _name_of(scene: Scene, index: int) -> str:
    return next(part.name for part in scene.parts if part.index == index)


def _band(shapes: Any, c: Canvas, scene: Scene, grounds: Grounds) -> Any:
    band: Band | None = scene.band
    assert band is not None
    ground = [part.name for part in scene.parts if part.role == "ground"]
    shape = _autoshape(shapes, "ROUNDED_RECTANGLE", c, band.x, band.y, band.w, band.h,
                       grounds.band_tone or band.tone, f"Ground: {', '.join(ground)}",
                       grounds.slots)
    shape.adjustments[0] = min(0.5, 16 / min(band.w, band.h))
    return shape


SEEN = 3.3  # a pictogram's shapes against what they stand on: 3:1 (WCAG 1.4.11,
# graphics) with a margin, so no shape sits at exactly the limit
MEANING = ("primary", "secondary", "tertiary", "sun")  # slots whose hue says something
NEAR = 30.0  # degrees of hue within which a theme colour keeps a brand colour's meaning


@dataclass(frozen=True)
class Grounds:
    """The colours the deck shows (theme slots resolved through the master), the slide's
    background and the band's tint, to keep each pictogram seen on what it stands on;
    `slots`: what each tone's slot is written as, a theme slot (accent5) or, where the
    theme has no colour of the brand's hue, the brand's colour (#2f6b4f)."""

    colours: dict[str, str]
    background: str
    band: tuple[float, float, float, float, str] | None  # x, y, w, h and its colour
    band_tone: Tone | None = None
    slots: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, deck: DeckContext, scene: Scene) -> Grounds:
        colours = deck.tones.colours()
        slots = meaning_slots(colours, palette(deck.brand.colours))
        band = tone = None
        if scene.band is not None:
            b = scene.band
            # a dark deck's band is its panels' colour (a light tint would glare there)
            tone = Tone("panel") if is_dark(colours) else b.tone
            base = colours.get(_theme_key(tone.slot), "#ffffff")
            band = (b.x, b.y, b.w, b.h, shade(_resolve(slots, colours, tone.slot, base),
                                               tone.brightness))
        return cls(colours, colours.get("bg1", "#ffffff"), band, tone, slots)

    def base(self, tone: Tone) -> str | None:
        """The colour a tone's slot shows, before its brightness."""
        found = self.colours.get(_theme_key(tone.slot))
        return _resolve(self.slots, self.colours, tone.slot, found) if found else None

    def under(self, part: Placed) -> str:
        """The colour a part's pictogram stands on: the band's where its middle is on the
        band, else the slide's background."""
        if self.band is not None:
            x, y, w, h, colour = self.band
            cx, cy = part.x + part.size / 2, part.y + part.size / 2
            if x <= cx <= x + w and y <= cy <= y + h:
                return colour
        return self.background

    def seen(self, tone: Tone, ground: str) -> Tone:
        """`tone`, or the nearest brightness of its colour (darker on a light ground,
        lighter on a dark one) at SEEN:1 against `ground`; the theme colour stays."""
        base = self.base(tone)
        if base is None or contrast(shade(base, tone.brightness), ground) >= SEEN:
            return tone
        step = -0.05 if luminance(ground) > luminance(shade(base, tone.brightness)) else 0.05
        brightness = tone.brightness
        while -0.95 <= brightness + step <= 0.95:
            brightness = round(brightness + step, 2)
            if contrast(shade(base, brightness), ground) >= SEEN:
                break
        return Tone(tone.slot, brightness)


def is_dark(colours: dict[str, str]) -> bool:
    """Whether the deck's background is darker than its text."""
    return luminance(colours.get("bg1", "#ffffff")) < luminance(colours.get("tx1", "#000000"))


def _hue(colour: str) -> tuple[float, bool]:
    """(hue in degrees, whether the colour has one: saturated, neither near black nor
    near white)."""
    import colorsys

    hue, light, sat = colorsys.rgb_to_hls(*(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))
    return hue * 360, sat >= 0.25 and 0.12 <= light <= 0.92


def _apart(a: float, b: float) -> float:
    return min(abs(a - b), 360 - abs(a - b))


def meaning_slots(colours: dict[str, str], brand: dict[str, str]) -> dict[str, str]:
    """For each slot whose hue carries meaning (a plant's green, water's blue, the sun's
    yellow, the soil's brown), what the diagram writes: its own theme slot when the
    theme's colour there has the brand's hue (the built-in theme, or a template's that
    does); else the theme's accent nearest in hue to the brand's colour, within NEAR
    degrees (a template's palette, its meaning kept); else the brand's colour itself."""
    out: dict[str, str] = {}
    for slot in MEANING:
        wanted = brand.get(PALETTE_KEY[slot])
        if wanted is None or not _hue(wanted)[1]:
            continue  # a grey brand colour: nothing to keep
        hue, own = _hue(wanted)[0], _theme_key(slot)
        gaps = {key: _apart(_hue(colours[key])[0], hue)
                for key in (own, *(f"accent{n}" for n in range(1, 7)))
                if key in colours and _hue(colours[key])[1]}
        if gaps.get(own, 360.0) <= NEAR:
            continue  # the theme's own colour for the slot has the brand's hue
        nearest = min(gaps, key=lambda key: gaps[key], default=None)
        out[slot] = nearest if nearest is not None and gaps[nearest] <= NEAR else wanted
    return out


def _resolve(slots: dict[str, str], colours: dict[str, str], slot: str, default: str) -> str:
    """The colour a slot shows: what `slots` writes for it (a theme slot or a colour),
    else `default` (its own theme slot's)."""
    given = slots.get(slot)
    if given is None:
        return default
    return given if given.startswith("#") else colours.get(given, default)


def _theme_key(slot: str) -> str:
    """The key of a tone's theme slot in shown_colours (accent1, tx1, bg1, bg2)."""
    theme = THEME_SLOT[slot]
    return {"TEXT_1": "tx1", "BACKGROUND_1": "bg1", "BACKGROUND_2": "bg2"}.get(
        theme, theme.replace("_", "").lower())


def _bounds(shape: Rect | Oval | Poly | Stroke) -> tuple[float, float, float, float]:
    """A primitive's box (x1, y1, x2, y2) in the pictogram's units."""
    if isinstance(shape, Rect):
        return shape.x, shape.y, shape.x + shape.w, shape.y + shape.h
    if isinstance(shape, Oval):
        return (shape.cx - shape.rx, shape.cy - shape.ry, shape.cx + shape.rx,
                shape.cy + shape.ry)
    xs, ys = [x for x, _ in shape.points], [y for _, y in shape.points]
    pad = shape.width / 2 if isinstance(shape, Stroke) else 0.0
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


def _on_ground(shapes: tuple[Rect | Oval | Poly | Stroke, ...]) -> list[bool]:
    """Which of a pictogram's shapes stand on the ground, not inside one drawn before
    them (a highlight on a drop, pebbles in the soil are seen against their shape)."""
    out = []
    for n, shape in enumerate(shapes):
        x1, y1, x2, y2 = _bounds(shape)
        inside = any(a <= x1 and b <= y1 and x2 <= c and y2 <= d
                     for a, b, c, d in (_bounds(other) for other in shapes[:n]))
        out.append(not inside)
    return out


def _part(deck: DeckContext, shapes: Any, c: Canvas, part: Placed, grounds: Grounds) -> Any:
    """The part's pictogram (or picture) as a group named after the part; returns its
    frame, the invisible ellipse the arrows are glued to. Its shapes that stand on the
    ground are kept seen there (SEEN:1), in a darker or lighter shade of their colour."""
    group = _grouped(shapes, part.name)
    frame = _autoshape(group.shapes, "OVAL", c, part.x, part.y, part.size, part.size, None,
                       f"{part.name}: frame", grounds.slots)
    if part.picture is not None:
        _picture(deck, group, c, part)
        return frame
    assert part.pictogram is not None
    s = part.size / 100
    ground = grounds.under(part)
    standing = _on_ground(part.pictogram.parts)
    for number, shape in enumerate(part.pictogram.parts, 1):
        name = f"{part.name}: {part.pictogram.name} {number}"
        if standing[number - 1]:
            shape = replace(shape, tone=grounds.seen(shape.tone, ground))
        if isinstance(shape, Rect):
            x, y, w, h = part.x + shape.x * s, part.y + shape.y * s, shape.w * s, shape.h * s
            kind = "ROUNDED_RECTANGLE" if shape.radius else "RECTANGLE"
            drawn = _autoshape(group.shapes, kind, c, x, y, w, h, shape.tone, name,
                               grounds.slots)
            if shape.radius:
                drawn.adjustments[0] = min(0.5, shape.radius / min(shape.w, shape.h))
        elif isinstance(shape, Oval):
            drawn = _autoshape(group.shapes, "OVAL", c, part.x + (shape.cx - shape.rx) * s,
                               part.y + (shape.cy - shape.ry) * s, shape.rx * 2 * s,
                               shape.ry * 2 * s, shape.tone, name, grounds.slots)
            if shape.rotation:
                drawn.rotation = shape.rotation
        else:
            points = [(part.x + x * s, part.y + y * s) for x, y in shape.points]
            _freeform(group.shapes, c, points, shape, s, name, grounds.slots)
    return frame


def _picture(deck: DeckContext, group: Any, c: Canvas, part: Placed) -> None:
    """The author's own SVG as a picture that fills the part's box at its own proportions:
    a PNG drawn from it (python-pptx cannot insert SVG), with the SVG itself beside it for
    the clients that draw SVG (as the logo is placed)."""
    from smguide.deck.logo import Logo, add_picture

    png, svg, ratio = _picture_png(deck, part)
    w, h = (part.size, part.size / ratio) if ratio >= 1 else (part.size * ratio, part.size)
    # no alt text of its own: the diagram's group carries it
    pic = add_picture(group, Logo(png, svg, ratio, ""), c.x(part.x + (part.size - w) / 2),
                      c.y(part.y + (part.size - h) / 2), c.d(h))
    pic.nvPicPr.cNvPr.set("name", f"{part.name}: picture")


def _picture_png(deck: DeckContext, part: Placed) -> tuple[bytes, bytes, float]:
    """(PNG, SVG, width / height) of the part's own picture."""
    from PIL import Image

    from smguide.io.cache import cached_png

    assert part.picture is not None
    svg = (Path(deck.guide.root) / part.picture).read_bytes()
    png = cached_png(svg, 600, lambda: _draw(svg, part.picture or ""))
    with Image.open(io.BytesIO(png)) as image:
        return png, svg, image.width / image.height


def _draw(svg: bytes, name: str) -> bytes:
    return svg_png(svg, lambda exc: f"{name}: drawing an SVG for the deck needs CairoSVG with "
                                    f"libcairo2 ({exc}); install them",
                   lambda exc: f"{name}: cannot draw this SVG ({exc})")


def _autoshape(shapes: Any, kind: str, c: Canvas, x: float, y: float, w: float, h: float,
               tone: Tone | None, name: str, slots: dict[str, str]) -> Any:
    """An autoshape filled with a tone (None: invisible), without an outline."""
    from pptx.enum.shapes import MSO_SHAPE

    shape = shapes.add_shape(getattr(MSO_SHAPE, kind), c.x(x), c.y(y), max(1, c.d(w)),
                             max(1, c.d(h)))
    shape.name = name
    if tone is None:
        shape.fill.background()
    else:
        _solid(shape.fill, tone, slots)
    shape.line.fill.background()
    plain_shape(shape)
    return shape


def _freeform(shapes: Any, c: Canvas, points: list[tuple[float, float]], shape: Poly | Stroke,
              scale: float, name: str, slots: dict[str, str]) -> Any:
    """A polygon (filled) or a polyline (stroked, round caps and joins) as a freeform."""
    from lxml import etree
    from pptx.util import Emu

    (x0, y0), rest = points[0], points[1:]
    builder = shapes.build_freeform(c.x(x0), c.y(y0), scale=1.0)
    builder.add_line_segments([(c.x(x), c.y(y)) for x, y in rest],
                              close=isinstance(shape, Poly))
    drawn = builder.convert_to_shape()
    drawn.name = name
    plain_shape(drawn)
    if isinstance(shape, Poly):
        _solid(drawn.fill, shape.tone, slots)
        drawn.line.fill.background()
    else:
        drawn.fill.background()
        _solid(drawn.line.fill, shape.tone, slots)
        drawn.line.width = Emu(c.d(shape.width * scale))
        ln = drawn.line._get_or_add_ln()
        ln.set("cap", "rnd")
        etree.SubElement(ln, f"{{{A}}}round")
    return drawn


def _solid(fill_format: Any, tone: Tone, slots: dict[str, str]) -> None:
    """A solid fill (or line) in the tone's colour: its theme slot (or the one `slots`
    writes for it), else the brand's colour `slots` gives; with its brightness."""
    from pptx.dml.color import RGBColor
    from pptx.enum.dml import MSO_THEME_COLOR

    fill_format.solid()
    given = slots.get(tone.slot)
    if given is not None and given.startswith("#"):
        fill_format.fore_color.rgb = RGBColor.from_string(given[1:])
    elif given is not None:
        fill_format.fore_color.theme_color = theme_slots(MSO_THEME_COLOR)[given]
    else:
        fill_format.fore_color.theme_color = getattr(MSO_THEME_COLOR, THEME_SLOT[tone.slot])
    if tone.brightness:
        fill_format.fore_color.brightness = tone.brightness


def _connector(shapes: Any, c: Canvas, points: tuple[float, float, float, float],
               start: tuple[Any, int], end: tuple[Any, int], tone: Tone,
               slots: dict[str, str], width: float,
               dashed: bool, name: str) -> Any:
    """A straight connector glued from a site of one shape to a site of another (it
    follows them when they move), in a theme colour, optionally dashed, with an arrow."""
    from lxml import etree
    from pptx.enum.dml import MSO_LINE
    from pptx.enum.shapes import MSO_CONNECTOR
    from pptx.util import Pt

    x1, y1, x2, y2 = points
    line = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, c.x(x1), c.y(y1), c.x(x2), c.y(y2))
    line.name = name
    plain_shape(line)
    _solid(line.line.fill, tone, slots)
    line.line.width = Pt(width)
    if dashed:
        line.line.dash_style = MSO_LINE.DASH
    ln = line.line._get_or_add_ln()
    etree.SubElement(ln, f"{{{A}}}tailEnd", type="triangle", w="med", len="med")
    props = line._element.find(f"{{{P}}}nvCxnSpPr/{{{P}}}cNvCxnSpPr")
    for tag, (shape, idx) in (("stCxn", start), ("endCxn", end)):
        etree.SubElement(props, f"{{{A}}}{tag}", id=str(shape.shape_id), idx=str(idx))
    return line


def _label_box(c: Canvas, part: Placed) -> Box:
    # as tall again as the handbook's label where the slide is short (a scene of many
    # rows, scaled down): 14 pt lines need more room than the scaled 15-unit lines
    return Box(c.d(part.label.w) / 12700, c.d(part.label.h * c.grow) / 12700, 3.6, 1.8)


def _two_lines(paras: list[Para], box: Box, fonts: Fonts) -> float | None:
    """The largest label size at which the name takes one line and what it stands for at
    most two, within the box."""
    size = float(LABEL[0])
    while size >= LABEL[1]:
        width = box.inner_width
        if (line_count(paras[0], width, size, fonts) == 1
                and all(line_count(p, width, size, fonts) <= 2 for p in paras[1:])
                and fits(paras, box, size, fonts)):
            return size
        size -= 0.5
    return None


def _fit_labels(deck: DeckContext, planned: PlannedSlide, c: Canvas, scene: Scene,
                lines: bool) -> tuple[float, dict[int, list[Para]]] | None:
    """(one size for every label, each label's paragraphs): name (bold) and what it
    stands for, in the band's text colour on the band (band_text), else the text colour.
    With `lines`, None unless every label holds them on one and two lines at 14 pt or
    more; without, a label too long for 14 pt keeps its name only
    (with a warning), and one whose name does not fit is refused."""
    lang = deck.lang
    texts: dict[int, list[Para]] = {}
    on_band = band_text(deck)
    for part in scene.parts:
        tone = on_band if part.label.on_band else "tx1"
        align = part.label.align
        name = typed_spans(part.name, lang, bold=True)
        texts[part.index] = [Para(name, tone=tone, align=align),
                             Para(typed_spans(part.stands_for, lang), tone=tone, align=align)]
    sizes = {}
    fonts = deck.own_body_fonts  # the labels' tiles leave no room for a wider stand-in font
    for part in scene.parts:
        paras, box = texts[part.index], _label_box(c, part)
        if lines:
            size = _two_lines(paras, box, fonts)
            if size is None:
                return None
            sizes[part.index] = size
            continue
        size = largest_size(paras, box, fonts, *LABEL)
        if size is None:  # too long to read at 14 pt: the name stays, the rest is said
            texts[part.index] = paras[:1]
            size = largest_size(paras[:1], box, fonts, *LABEL)
            deck.warn(f"{deck.where(planned)}: the diagram's label for {part.name} shows "
                      f"only its name: what it stands for does not fit at {LABEL[1]:g} pt "
                      "(shorten stands_for)")
        if size is None:
            raise too_long(deck, planned, "a label of the diagram",
                           f"{part.name}: {part.stands_for}", minimum=LABEL[1])
        sizes[part.index] = size
    size = min(sizes.values())
    for part in scene.parts:
        width = _label_box(c, part).inner_width
        texts[part.index] = [tied(para, width, size, fonts) for para in texts[part.index]]
    return size, texts


def tied(para: Para, width: float, size: float, fonts: Fonts) -> Para:
    """A label's paragraph with its last two words tied by a no-break space where it
    wraps, so its last line is never one word alone ("Revenue and / customer value",
    not "Revenue and customer / value"); as it was when the tie would take a line more."""
    last = para.spans[-1] if para.spans else None
    lines = line_count(para, width, size, fonts)
    if last is None or lines < 2 or " " not in last.text.strip():
        return para
    head, _, tail = last.text.rstrip().rpartition(" ")
    joined = replace(para, spans=(*para.spans[:-1], replace(last, text=f"{head}\u00a0{tail}")))
    return joined if line_count(joined, width, size, fonts) == lines else para


def band_text(deck: DeckContext) -> str:
    """The labels' colour on the band: dark on a light deck's tint (whatever the slide's
    background), the text colour on a dark deck's panel."""
    return "tx1" if is_dark(deck.tones.colours()) else deck.tones.darkest()


def _labels(shapes: Any, c: Canvas, scene: Scene, size: float,
            texts: dict[int, list[Para]]) -> None:
    """Each label's text box, all at one size."""
    for part in scene.parts:
        label = part.label
        top, bottom = _label_span(part, c.grow)
        box = shapes.add_textbox(c.x(label.x), c.y(top), c.d(label.w), c.d(bottom - top))
        box.name = f"Label: {part.name}"
        fill(box, texts[part.index], size)
        frame = box.text_frame
        frame.margin_left = frame.margin_right = 45720
        frame.margin_top = frame.margin_bottom = 22860
        frame.vertical_anchor = _anchors()[label.anchor]
