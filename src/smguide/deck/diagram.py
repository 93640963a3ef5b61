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
from smguide.deck.theme import plain_shape
from smguide.deck.write import Area, fill, spans

if TYPE_CHECKING:
    from smguide.deck.plan import PlannedSlide
    from smguide.deck.render import DeckRenderer
    from smguide.model.guide import Analogy

VIEW_W, VIEW_H = 720, 340
LABEL = (16, 11)  # base and smallest label size


@dataclass(frozen=True)
class Canvas:
    """Maps diagram units to EMU inside the content area, keeping proportions."""

    left: int
    top: int
    unit: float  # EMU per diagram unit

    @classmethod
    def inside(cls, area: Area) -> Canvas:
        unit = min(area.width / VIEW_W, area.height / VIEW_H)
        return cls(round(area.left + (area.width - VIEW_W * unit) / 2),
                   round(area.top + (area.height - VIEW_H * unit) / 2), unit)

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
          "soil": (32, 264, 240, 50, "l"), "harvest": (575, 258, 150, 80, "ctr")}


def analogy_slide(deck: DeckRenderer, planned: PlannedSlide, block: Analogy) -> None:
    chapter = planned.chapter
    assert chapter is not None
    slide = deck.new_slide(planned, title_of(deck, planned, chapter.title))
    canvas = Canvas.inside(deck.area_of(planned.layout))
    group = slide.shapes.add_group_shape()
    group.name = "Analogy diagram"
    parts: dict[str, Any] = {part.symbol: part for part in block.parts}
    for symbol in ("garden", "soil", "seed", "sunlight", "water", "harvest"):
        if symbol in parts:
            DRAW[symbol](group.shapes, canvas)
    _labels(deck, planned, group.shapes, canvas, parts)
    group_element: Any = group._element  # python-pptx types its children loosely
    group_element.nvGrpSpPr.cNvPr.set("descr", block.alt)
    drop_empty(slide)


def _labels(deck: DeckRenderer, planned: PlannedSlide, shapes: Any, canvas: Canvas,
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
    sizes = [largest_size(paras, boxes[s], deck.body_fonts, *LABEL) for s, paras in texts.items()]
    if None in sizes:
        raise too_long(deck, planned, "a label of the diagram")
    size = min(s for s in sizes if s is not None)
    for symbol, paras in texts.items():
        x, y, w, h, _ = LABELS[symbol]
        box = shapes.add_textbox(canvas.x(x), canvas.y(y), canvas.d(w), canvas.d(h))
        box.name = f"Label: {symbol}"
        fill(box, paras, size)
        frame = box.text_frame
        frame.margin_left = frame.margin_right = 45720
        frame.margin_top = frame.margin_bottom = 22860


# -- the symbols --------------------------------------------------------------------


def _shape(shapes: Any, kind: str, canvas: Canvas, x: float, y: float, w: float, h: float,
           colour: str, brightness: float = 0.0, name: str = "") -> Any:
    from pptx.enum.shapes import MSO_SHAPE

    shape = shapes.add_shape(getattr(MSO_SHAPE, kind), canvas.x(x), canvas.y(y),
                             canvas.d(w), canvas.d(h))
    shape.name = name or kind.title()
    _solid(shape.fill, colour, brightness)
    shape.line.fill.background()
    plain_shape(shape)
    return shape


def _solid(fill_format: Any, colour: str, brightness: float = 0.0) -> None:
    from pptx.enum.dml import MSO_THEME_COLOR

    fill_format.solid()
    fill_format.fore_color.theme_color = getattr(MSO_THEME_COLOR, colour)
    if brightness:
        fill_format.fore_color.brightness = brightness


def _line(shapes: Any, canvas: Canvas, start: tuple[float, float], end: tuple[float, float],
          colour: str, width: float, dashed: bool = False, arrow: bool = True,
          brightness: float = 0.0, name: str = "Connector") -> Any:
    """A straight connector in a theme colour, optionally dashed, with an arrow head."""
    from lxml import etree
    from pptx.enum.dml import MSO_LINE
    from pptx.enum.shapes import MSO_CONNECTOR
    from pptx.util import Pt

    line = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, canvas.x(start[0]), canvas.y(start[1]),
                                canvas.x(end[0]), canvas.y(end[1]))
    line.name = name
    plain_shape(line)
    _solid(line.line.fill, colour, brightness)
    line.line.width = Pt(width)
    if dashed:
        line.line.dash_style = MSO_LINE.DASH
    if arrow:
        ln = line.line._get_or_add_ln()
        etree.SubElement(ln, "{http://schemas.openxmlformats.org/drawingml/2006/main}tailEnd",
                         type="triangle", w="med", len="med")
    return line


def _garden(shapes: Any, c: Canvas) -> None:
    bed = _shape(shapes, "ROUNDED_RECTANGLE", c, 20, 165, 480, 150, "ACCENT_1", 0.84, "Garden")
    bed.adjustments[0] = 0.1


def _soil(shapes: Any, c: Canvas) -> None:
    _shape(shapes, "RECTANGLE", c, 20, 262, 480, 53, "ACCENT_2", -0.6, "Soil")


def _seed(shapes: Any, c: Canvas) -> None:
    _line(shapes, c, (300, 276), (300, 138), "ACCENT_1", 4, arrow=False, name="Stem")
    left = _shape(shapes, "OVAL", c, 238, 163, 64, 24, "ACCENT_1", name="Leaf")
    left.rotation = 20
    right = _shape(shapes, "OVAL", c, 300, 136, 64, 24, "ACCENT_1", 0.4, "Leaf")
    right.rotation = -20
    seed = _shape(shapes, "OVAL", c, 283, 271, 34, 22, "ACCENT_2", name="Seed")
    seed.line.fill.solid()
    seed.line.fill.fore_color.theme_color = seed.fill.fore_color.theme_color
    seed.line.fill.fore_color.brightness = -0.3


def _sunlight(shapes: Any, c: Canvas) -> None:
    _shape(shapes, "SUN", c, 30, 22, 80, 80, "ACCENT_4", name="Sun")
    _line(shapes, c, (104, 100), (258, 150), "ACCENT_4", 2.25, dashed=True, name="Sunlight")


def _water(shapes: Any, c: Canvas) -> None:
    big = _shape(shapes, "TEAR", c, 372, 24, 32, 32, "ACCENT_3", name="Water drop")
    big.rotation = -45
    small = _shape(shapes, "TEAR", c, 406, 52, 20, 20, "ACCENT_3", name="Water drop")
    small.rotation = -45
    _line(shapes, c, (392, 84), (328, 142), "ACCENT_3", 2.25, dashed=True, name="Watering")


def _harvest(shapes: Any, c: Canvas) -> None:
    _line(shapes, c, (508, 220), (582, 220), "TEXT_1", 3, brightness=0.35, name="Grows into")
    for x, colour in ((612, "ACCENT_2"), (636, "ACCENT_1"), (660, "ACCENT_3")):
        _shape(shapes, "OVAL", c, x, 178, 28, 28, colour, name="Fruit")
    _shape(shapes, "FLOWCHART_MANUAL_OPERATION", c, 596, 202, 108, 48, "ACCENT_2", 0.55,
           "Basket")


DRAW = {"garden": _garden, "soil": _soil, "seed": _seed, "sunlight": _sunlight,
        "water": _water, "harvest": _harvest}
