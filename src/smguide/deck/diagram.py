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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smguide.deck.logo import svg_png
from smguide.deck.slides import drop_empty, title_of, too_long
from smguide.deck.textfit import Box, Para, largest_size
from smguide.deck.theme import NS, plain_shape
from smguide.deck.write import INSET_X, Area, fill, typed_spans
from smguide.model.diagram import EDGE, Band, PartSpec, Placed, Scene, layout
from smguide.model.pictograms import THEME_SLOT, Oval, Poly, Rect, Stroke, Tone

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
    scene = layout(specs_of(block), VIEW_W)
    # a slide is wider than a page's column: the same picture spread to the area's shape
    # (its height barely changes), so it fills the slide rather than shrinking in it
    wide = (area.width - INSET_X * 12700) / area.height * scene.height + EDGE
    if wide > VIEW_W:
        scene = layout(specs_of(block), min(wide, MAX_W))
    canvas = Canvas.inside(area, scene.width, scene.height)
    if deck.fitting:  # what may be refused: the pictures drawn, the labels fitted
        for part in scene.parts:
            if part.picture is not None:
                _picture_png(deck, part)
        _label_fit(deck, planned, canvas, scene)
        return
    group = slide.shapes.add_group_shape()
    group.name = "Analogy diagram"
    band = _band(group.shapes, canvas, scene) if scene.band else None
    frames = {}
    for part in scene.parts:
        frames[part.index] = _part(deck, group.shapes, canvas, part)
    for arrow in scene.arrows:
        begin = band if arrow.start[0] is None else frames[arrow.start[0]]
        finish = band if arrow.end[0] is None else frames[arrow.end[0]]
        names = [("the band" if end[0] is None else _name_of(scene, end[0]))
                 for end in (arrow.start, arrow.end)]
        _connector(group.shapes, canvas, arrow.points, (begin, arrow.start[1]),
                   (finish, arrow.end[1]), arrow.tone, 2.25 if arrow.dashed else 3,
                   arrow.dashed, f"Arrow: {names[0]} to {names[1]}")
    _labels(deck, planned, group.shapes, canvas, scene)
    group_element: Any = group._element  # python-pptx types its children loosely
    group_element.nvGrpSpPr.cNvPr.set("descr", block.alt)
    drop_empty(slide)


def _anchors() -> dict[str, Any]:
    from pptx.enum.text import MSO_ANCHOR

    return {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


def _name_of(scene: Scene, index: int) -> str:
    return next(part.name for part in scene.parts if part.index == index)


def _band(shapes: Any, c: Canvas, scene: Scene) -> Any:
    band: Band | None = scene.band
    assert band is not None
    ground = [part.name for part in scene.parts if part.role == "ground"]
    shape = _autoshape(shapes, "ROUNDED_RECTANGLE", c, band.x, band.y, band.w, band.h,
                       band.tone, f"Ground: {', '.join(ground)}")
    shape.adjustments[0] = min(0.5, 16 / min(band.w, band.h))
    return shape


def _part(deck: DeckContext, shapes: Any, c: Canvas, part: Placed) -> Any:
    """The part's pictogram (or picture) as a group named after the part; returns its
    frame, the invisible ellipse the arrows are glued to."""
    group = shapes.add_group_shape()
    group.name = part.name
    frame = _autoshape(group.shapes, "OVAL", c, part.x, part.y, part.size, part.size, None,
                       f"{part.name}: frame")
    if part.picture is not None:
        _picture(deck, group, c, part)
        return frame
    assert part.pictogram is not None
    s = part.size / 100
    for number, shape in enumerate(part.pictogram.parts, 1):
        name = f"{part.name}: {part.pictogram.name} {number}"
        if isinstance(shape, Rect):
            x, y, w, h = part.x + shape.x * s, part.y + shape.y * s, shape.w * s, shape.h * s
            kind = "ROUNDED_RECTANGLE" if shape.radius else "RECTANGLE"
            drawn = _autoshape(group.shapes, kind, c, x, y, w, h, shape.tone, name)
            if shape.radius:
                drawn.adjustments[0] = min(0.5, shape.radius / min(shape.w, shape.h))
        elif isinstance(shape, Oval):
            drawn = _autoshape(group.shapes, "OVAL", c, part.x + (shape.cx - shape.rx) * s,
                               part.y + (shape.cy - shape.ry) * s, shape.rx * 2 * s,
                               shape.ry * 2 * s, shape.tone, name)
            if shape.rotation:
                drawn.rotation = shape.rotation
        else:
            points = [(part.x + x * s, part.y + y * s) for x, y in shape.points]
            _freeform(group.shapes, c, points, shape, s, name)
    return frame


def _picture(deck: DeckContext, group: Any, c: Canvas, part: Placed) -> None:
    """The author's own SVG as a picture that fills the part's box at its own proportions:
    a PNG drawn from it (python-pptx cannot insert SVG), with the SVG itself beside it for
    the clients that draw SVG (as the logo is placed)."""
    from smguide.deck.theme import Logo, add_picture

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
               tone: Tone | None, name: str) -> Any:
    """An autoshape filled with a tone (None: invisible), without an outline."""
    from pptx.enum.shapes import MSO_SHAPE

    shape = shapes.add_shape(getattr(MSO_SHAPE, kind), c.x(x), c.y(y), max(1, c.d(w)),
                             max(1, c.d(h)))
    shape.name = name
    if tone is None:
        shape.fill.background()
    else:
        _solid(shape.fill, tone)
    shape.line.fill.background()
    plain_shape(shape)
    return shape


def _freeform(shapes: Any, c: Canvas, points: list[tuple[float, float]], shape: Poly | Stroke,
              scale: float, name: str) -> Any:
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
        _solid(drawn.fill, shape.tone)
        drawn.line.fill.background()
    else:
        drawn.fill.background()
        _solid(drawn.line.fill, shape.tone)
        drawn.line.width = Emu(c.d(shape.width * scale))
        ln = drawn.line._get_or_add_ln()
        ln.set("cap", "rnd")
        etree.SubElement(ln, f"{{{A}}}round")
    return drawn


def _solid(fill_format: Any, tone: Tone) -> None:
    from pptx.enum.dml import MSO_THEME_COLOR

    fill_format.solid()
    fill_format.fore_color.theme_color = getattr(MSO_THEME_COLOR, THEME_SLOT[tone.slot])
    if tone.brightness:
        fill_format.fore_color.brightness = tone.brightness


def _connector(shapes: Any, c: Canvas, points: tuple[float, float, float, float],
               start: tuple[Any, int], end: tuple[Any, int], tone: Tone, width: float,
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
    _solid(line.line.fill, tone)
    line.line.width = Pt(width)
    if dashed:
        line.line.dash_style = MSO_LINE.DASH
    ln = line.line._get_or_add_ln()
    etree.SubElement(ln, f"{{{A}}}tailEnd", type="triangle", w="med", len="med")
    props = line._element.find(f"{{{P}}}nvCxnSpPr/{{{P}}}cNvCxnSpPr")
    for tag, (shape, idx) in (("stCxn", start), ("endCxn", end)):
        etree.SubElement(props, f"{{{A}}}{tag}", id=str(shape.shape_id), idx=str(idx))
    return line


def _labels(deck: DeckContext, planned: PlannedSlide, shapes: Any, c: Canvas,
            scene: Scene) -> None:
    """Name (bold) and what it stands for, all at one size that fits every label: dark
    text on the band's light tint whatever the slide's background, else the text colour."""
    texts, size = _label_fit(deck, planned, c, scene)
    for part in scene.parts:
        label = part.label
        height = label.h * GROW
        top = {"top": label.y, "middle": label.y - (height - label.h) / 2,
               "bottom": label.y + label.h - height}[label.anchor]
        box = shapes.add_textbox(c.x(label.x), c.y(top), c.d(label.w), c.d(height))
        box.name = f"Label: {part.name}"
        fill(box, texts[part.index], size)
        frame = box.text_frame
        frame.margin_left = frame.margin_right = 45720
        frame.margin_top = frame.margin_bottom = 22860
        frame.vertical_anchor = _anchors()[label.anchor]


def _label_fit(deck: DeckContext, planned: PlannedSlide, c: Canvas, scene: Scene
               ) -> tuple[dict[int, list[Para]], float]:
    """Each part's label paragraphs and the one size they all fit at; a label too long
    even for its name alone is refused."""
    lang = deck.guide.language
    texts, boxes = {}, {}
    for part in scene.parts:
        tone = deck.darkest() if part.label.on_band else "tx1"
        align = part.label.align
        name = typed_spans(part.name, lang, bold=True)
        texts[part.index] = [Para(name, tone=tone, align=align),
                             Para(typed_spans(part.stands_for, lang), tone=tone, align=align)]
        # as tall again as the handbook's label where the slide is short (a scene of many
        # rows, scaled down): 14 pt lines need more room than the scaled 15-unit lines
        boxes[part.index] = Box(c.d(part.label.w) / 12700, c.d(part.label.h * GROW) / 12700,
                                3.6, 1.8)
    sizes = {}
    fonts = deck.own_body_fonts  # the labels' tiles leave no room for a wider stand-in font
    for part in scene.parts:
        paras = texts[part.index]
        size = largest_size(paras, boxes[part.index], fonts, *LABEL)
        if size is None:  # too long to read at 14 pt: the name stays, the rest is said
            texts[part.index] = paras[:1]
            size = largest_size(paras[:1], boxes[part.index], fonts, *LABEL)
            deck.warn(f"{deck.where(planned)}: the diagram's label for {part.name} shows "
                      f"only its name: what it stands for does not fit at {LABEL[1]:g} pt "
                      "(shorten stands_for)")
        if size is None:
            raise too_long(deck, planned, "a label of the diagram",
                           f"{part.name}: {part.stands_for}", minimum=LABEL[1])
        sizes[part.index] = size
    return texts, min(sizes.values())
