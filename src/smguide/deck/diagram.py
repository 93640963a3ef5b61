"""The seed-and-garden analogy as a native diagram: editable shapes, connectors and labels.

Drawn in the same 720 x 340 coordinate space as the handbook's SVG (analogy.svg.j2) and
scaled into the slide's content area. Every fill refers to a theme colour, so the diagram
follows the brand (and a template's palette). Only the parts the content names are drawn;
labels come from the content. The whole diagram is one group whose alt text is the
block's `alt`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from smguide.deck.slides import drop_empty, title_of, too_long
from smguide.deck.textfit import Box, Para, Span, largest_size
from smguide.deck.theme import NS, plain_shape
from smguide.deck.write import INSET_X, Area, fill, spans

if TYPE_CHECKING:
    from smguide.deck.context import DeckContext
    from smguide.deck.plan import PlannedSlide
    from smguide.model.guide import Analogy

A, P = NS["a"], NS["p"]
VIEW_W, VIEW_H = 720, 340
LEFT = 20  # the leftmost drawn unit (the garden bed's edge)
LABEL = (18, 14)  # base and smallest label size: nothing on a slide below 14 pt


@dataclass(frozen=True)
class Canvas:
    """Maps diagram units to EMU inside the content area, keeping proportions."""

    left: int
    top: int
    unit: float  # EMU per diagram unit

    @classmethod
    def inside(cls, area: Area) -> Canvas:
        """As large as the area allows, the garden's left edge on the text's left margin
        (where the titles and body text start) and its top under the title."""
        inset = INSET_X * 12700
        unit = min((area.width - inset) / (VIEW_W - LEFT), area.height / VIEW_H)
        return cls(round(area.left + inset - LEFT * unit), round(area.top), unit)

    def x(self, value: float) -> int:
        return round(self.left + value * self.unit)

    def y(self, value: float) -> int:
        return round(self.top + value * self.unit)

    def d(self, value: float) -> int:
        return round(value * self.unit)


# labels on a shape: dark text on the light garden bed, light text on the dark soil,
# whatever the slide's background; the other labels sit on the background (tx1)
ON_SHAPE = {"garden": "dk1", "seed": "dk1", "soil": "lt1"}
# label boxes (x, y, width, height) and alignment, per symbol, in diagram units
LABELS = {"sunlight": (112, 24, 220, 60, "l"), "water": (430, 24, 280, 60, "l"),
          "garden": (32, 172, 200, 80, "l"), "seed": (326, 190, 168, 70, "l"),
          "soil": (32, 264, 240, 50, "l"), "harvest": (575, 270, 150, 70, "ctr")}


def analogy_slide(deck: DeckContext, planned: PlannedSlide, block: Analogy) -> None:
    chapter = planned.chapter
    assert chapter is not None
    slide = deck.new_slide(planned, title_of(deck, planned, chapter.title))
    canvas = Canvas.inside(deck.area_of(planned))
    group = slide.shapes.add_group_shape()
    group.name = "Analogy diagram"
    parts: dict[str, Any] = {part.symbol: part for part in block.parts}
    drawn: dict[str, Drawn] = {}
    for symbol in ("garden", "soil", "seed", "sunlight", "water", "harvest"):
        if symbol in parts:
            DRAW[symbol](group.shapes, canvas, drawn)
    _labels(deck, planned, group.shapes, canvas, parts)
    group_element: Any = group._element  # python-pptx types its children loosely
    group_element.nvGrpSpPr.cNvPr.set("descr", block.alt)
    drop_empty(slide)


def _labels(deck: DeckContext, planned: PlannedSlide, shapes: Any, canvas: Canvas,
            parts: dict[str, Any]) -> None:
    """Name (bold) and what it stands for, all at one size that fits every label."""
    lang = deck.guide.language
    texts = {}
    for symbol, part in parts.items():
        tone = ON_SHAPE.get(symbol, "tx1")
        name = tuple(Span(s.text, True, s.italic) for s in spans(part.name, lang))
        align = LABELS[symbol][4]
        texts[symbol] = [Para(name, tone=tone, align=align),
                         Para(spans(part.stands_for, lang), tone=tone, align=align)]
    boxes = {s: Box(canvas.d(LABELS[s][2]) / 12700, canvas.d(LABELS[s][3]) / 12700, 3.6, 1.8)
             for s in texts}
    sizes = {}
    for symbol, paras in texts.items():
        size = largest_size(paras, boxes[symbol], deck.body_fonts, *LABEL)
        if size is None:  # too long to read at 14 pt: the name stays, the rest is said
            texts[symbol] = paras[:1]
            size = largest_size(paras[:1], boxes[symbol], deck.body_fonts, *LABEL)
            deck.warn(f"{deck.where(planned)}: the diagram's label for {symbol} shows only "
                      f'"{parts[symbol].name}": what it stands for does not fit at '
                      f"{LABEL[1]:g} pt (shorten stands_for)")
        if size is None:
            raise too_long(deck, planned, "a label of the diagram",
                           f"{parts[symbol].name}: {parts[symbol].stands_for}",
                           minimum=LABEL[1])
        sizes[symbol] = size
    size = min(sizes.values())
    for symbol, paras in texts.items():
        x, y, w, h, _ = LABELS[symbol]
        box = shapes.add_textbox(canvas.x(x), canvas.y(y), canvas.d(w), canvas.d(h))
        box.name = f"Label: {symbol}"
        fill(box, paras, size)
        frame = box.text_frame
        frame.margin_left = frame.margin_right = 45720
        frame.margin_top = frame.margin_bottom = 22860


# -- the symbols --------------------------------------------------------------------

# connection sites (ECMA-376 presetShapeDefinitions: the cxnLst of each preset), as
# fractions of the shape's box before rotation, in the order their idx counts
_C = 0.5 - 0.5 ** 1.5  # where a 45-degree ray leaves an ellipse, as a fraction of its box
SITES = {"rect": ((0.5, 0), (0, 0.5), (0.5, 1), (1, 0.5)),
         "ellipse": ((0.5, 0), (_C, _C), (0, 0.5), (_C, 1 - _C), (0.5, 1), (1 - _C, 1 - _C),
                     (1, 0.5), (1 - _C, _C))}
SITES |= {kind: SITES["rect"] for kind in ("roundRect", "sun", "teardrop")}
SITES["flowChartManualOperation"] = ((0.5, 0), (0.1, 0.5), (0.5, 1), (0.9, 0.5))


@dataclass(frozen=True)
class Drawn:
    """A shape of the diagram: its id (for connectors) and box, in diagram units."""

    shape: Any
    preset: str
    x: float
    y: float
    w: float
    h: float
    rotation: float = 0.0

    def site(self, idx: int) -> tuple[float, float]:
        """Where connection site `idx` is, after the shape's rotation about its centre."""
        import math

        fx, fy = SITES[self.preset][idx]
        cx, cy = self.x + self.w / 2, self.y + self.h / 2
        dx, dy = self.x + fx * self.w - cx, self.y + fy * self.h - cy
        turn = math.radians(self.rotation)
        return (cx + dx * math.cos(turn) - dy * math.sin(turn),
                cy + dx * math.sin(turn) + dy * math.cos(turn))


def _shape(shapes: Any, kind: str, canvas: Canvas, x: float, y: float, w: float, h: float,
           colour: str, brightness: float = 0.0, name: str = "", rotation: float = 0.0
           ) -> Drawn:
    from pptx.enum.shapes import MSO_SHAPE

    shape = shapes.add_shape(getattr(MSO_SHAPE, kind), canvas.x(x), canvas.y(y),
                             canvas.d(w), canvas.d(h))
    shape.name = name or kind.title()
    _solid(shape.fill, colour, brightness)
    shape.line.fill.background()
    plain_shape(shape)
    if rotation:
        shape.rotation = rotation
    preset = shape._element.spPr.find(f"{{{A}}}prstGeom").get("prst")
    return Drawn(shape, preset, x, y, w, h, rotation)


def _solid(fill_format: Any, colour: str, brightness: float = 0.0) -> None:
    from pptx.enum.dml import MSO_THEME_COLOR

    fill_format.solid()
    fill_format.fore_color.theme_color = getattr(MSO_THEME_COLOR, colour)
    if brightness:
        fill_format.fore_color.brightness = brightness


def _line(shapes: Any, canvas: Canvas, start: tuple[Drawn, int], end: tuple[Drawn, int],
          colour: str, width: float, dashed: bool = False, arrow: bool = True,
          brightness: float = 0.0, name: str = "Connector") -> Any:
    """A straight connector glued from a site of one shape to a site of another (it
    follows them when they move), in a theme colour, optionally dashed, with an arrow."""
    from lxml import etree
    from pptx.enum.dml import MSO_LINE
    from pptx.enum.shapes import MSO_CONNECTOR
    from pptx.util import Pt

    (x1, y1), (x2, y2) = start[0].site(start[1]), end[0].site(end[1])
    line = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, canvas.x(x1), canvas.y(y1),
                                canvas.x(x2), canvas.y(y2))
    line.name = name
    plain_shape(line)
    _solid(line.line.fill, colour, brightness)
    line.line.width = Pt(width)
    if dashed:
        line.line.dash_style = MSO_LINE.DASH
    if arrow:
        ln = line.line._get_or_add_ln()
        etree.SubElement(ln, f"{{{A}}}tailEnd", type="triangle", w="med", len="med")
    props = line._element.find(f"{{{P}}}nvCxnSpPr/{{{P}}}cNvCxnSpPr")
    for tag, (drawn, idx) in (("stCxn", start), ("endCxn", end)):
        etree.SubElement(props, f"{{{A}}}{tag}", id=str(drawn.shape.shape_id), idx=str(idx))
    return line


def _garden(shapes: Any, c: Canvas, drawn: dict[str, Drawn]) -> None:
    bed = _shape(shapes, "ROUNDED_RECTANGLE", c, 20, 165, 480, 150, "ACCENT_1", 0.84, "Garden")
    bed.shape.adjustments[0] = 0.1
    drawn["garden"] = bed


def _soil(shapes: Any, c: Canvas, drawn: dict[str, Drawn]) -> None:
    drawn["soil"] = _shape(shapes, "RECTANGLE", c, 20, 262, 480, 53, "ACCENT_2", -0.6, "Soil")


def _seed(shapes: Any, c: Canvas, drawn: dict[str, Drawn]) -> None:
    left = _shape(shapes, "OVAL", c, 238, 163, 64, 24, "ACCENT_1", name="Leaf", rotation=20)
    right = _shape(shapes, "OVAL", c, 300, 136, 64, 24, "ACCENT_1", 0.4, "Leaf", rotation=-20)
    seed = _shape(shapes, "OVAL", c, 283, 271, 34, 22, "ACCENT_2", name="Seed")
    seed.shape.line.fill.solid()
    seed.shape.line.fill.fore_color.theme_color = seed.shape.fill.fore_color.theme_color
    seed.shape.line.fill.fore_color.brightness = -0.3
    _line(shapes, c, (seed, 0), (right, 2), "ACCENT_1", 4, arrow=False, name="Stem")
    drawn |= {"seed": seed, "leaf": left, "top leaf": right}


def _sunlight(shapes: Any, c: Canvas, drawn: dict[str, Drawn]) -> None:
    sun = _shape(shapes, "SUN", c, 30, 22, 80, 80, "ACCENT_4", name="Sun")
    if "leaf" in drawn:
        _line(shapes, c, (sun, 2), (drawn["leaf"], 0), "ACCENT_4", 2.25, dashed=True,
              name="Sunlight")


def _water(shapes: Any, c: Canvas, drawn: dict[str, Drawn]) -> None:
    big = _shape(shapes, "TEAR", c, 372, 24, 32, 32, "ACCENT_3", name="Water drop",
                 rotation=-45)
    _shape(shapes, "TEAR", c, 406, 52, 20, 20, "ACCENT_3", name="Water drop", rotation=-45)
    if "top leaf" in drawn:
        _line(shapes, c, (big, 2), (drawn["top leaf"], 0), "ACCENT_3", 2.25, dashed=True,
              name="Watering")


def _harvest(shapes: Any, c: Canvas, drawn: dict[str, Drawn]) -> None:
    for x, colour in ((612, "ACCENT_2"), (636, "ACCENT_1"), (660, "ACCENT_3")):
        _shape(shapes, "OVAL", c, x, 188, 28, 28, colour, name="Fruit")
    basket = _shape(shapes, "FLOWCHART_MANUAL_OPERATION", c, 596, 216, 108, 48, "ACCENT_2",
                    0.55, "Basket")
    if "garden" in drawn:
        _line(shapes, c, (drawn["garden"], 3), (basket, 1), "TEXT_1", 3, brightness=0.35,
              name="Grows into")


DRAW = {"garden": _garden, "soil": _soil, "seed": _seed, "sunlight": _sunlight,
        "water": _water, "harvest": _harvest}
