"""An analogy diagram's shapes on a slide: each part's pictogram as a group named after
the part (an invisible frame the arrows are glued to, and its rectangles, ellipses,
polygons and strokes as autoshapes and freeforms, in theme colours), an author's own SVG
as a picture, the band, and the connectors glued from one part to another."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smguide.deck.diagramcanvas import Canvas
from smguide.deck.diagramcolours import Grounds, solid
from smguide.deck.logo import svg_png
from smguide.deck.oxml import NS
from smguide.deck.theme import plain_shape
from smguide.errors import Problem, Where
from smguide.model.diagram import Band, Placed, Scene
from smguide.model.pictograms import Oval, Poly, Rect, Stroke, Tone, bounds

if TYPE_CHECKING:
    from smguide.deck.context import DeckContext

A, P = NS["a"], NS["p"]


@dataclass(frozen=True)
class Group:
    """A group shape (python-pptx's `shape`) and its `shapes`, which do not recompute the
    group's extents for every shape added to them (see grouped)."""

    shape: Any
    shapes: Any

    @property
    def part(self) -> Any:
        return self.shape.part


@cache
def _unsettled() -> type:
    """python-pptx's group shapes, less their recomputing of the group's extents."""
    from pptx.shapes.shapetree import GroupShapes

    class Unsettled(GroupShapes):
        def _recalculate_extents(self) -> None:
            """Left to settle, once the diagram is complete."""

    return Unsettled


def grouped(shapes: Any, name: str) -> Group:
    """A group shape whose shapes do not recompute its extents for every shape added to
    it: python-pptx does, and through every group around it (a third of the diagram's
    time). settle computes them once, when the diagram is complete, to the same values."""
    group = shapes.add_group_shape()
    group.name = name
    return Group(group, _unsettled()(group._element, group))


def settle(group: Any) -> None:
    """The extents of `group` and of the groups in it, from their shapes, innermost first,
    as python-pptx computes them (CT_GroupShape.recalculate_extents, without going on to
    the groups around each one)."""
    for inner in reversed(list(group.iter(f"{{{P}}}grpSp"))):
        x, y, cx, cy = inner._child_extents
        inner.chOff.x = inner.x = x
        inner.chOff.y = inner.y = y
        inner.chExt.cx = inner.cx = cx
        inner.chExt.cy = inner.cy = cy


def band_shape(shapes: Any, c: Canvas, scene: Scene, grounds: Grounds) -> Any:
    band: Band | None = scene.band
    assert band is not None
    ground = [part.name for part in scene.parts if part.role == "ground"]
    return _autoshape(shapes, "ROUNDED_RECTANGLE", c, band.x, band.y, band.w, band.h,
                      grounds.band_tone or band.tone, f"Ground: {', '.join(ground)}",
                      grounds.slots, rounding=min(0.5, 16 / min(band.w, band.h)))


def _on_ground(shapes: tuple[Rect | Oval | Poly | Stroke, ...]) -> list[bool]:
    """Which of a pictogram's shapes stand on the ground, not inside one drawn before
    them (a highlight on a drop, pebbles in the soil are seen against their shape)."""
    out = []
    for n, shape in enumerate(shapes):
        x1, y1, x2, y2 = bounds(shape)
        inside = any(a <= x1 and b <= y1 and x2 <= c and y2 <= d
                     for a, b, c, d in (bounds(other) for other in shapes[:n]))
        out.append(not inside)
    return out


def part_shape(deck: DeckContext, shapes: Any, c: Canvas, part: Placed, grounds: Grounds) -> Any:
    """The part's pictogram (or picture) as a group named after the part; returns its
    frame, the invisible ellipse the arrows are glued to, around what the pictogram
    draws (Placed.ink), so that they reach it. Its shapes that stand on the ground are
    kept seen there (SEEN:1), in a darker or lighter shade of their colour."""
    group = grouped(shapes, part.name)
    ids = _next_id(group.shapes)
    frame = _autoshape(group.shapes, "OVAL", c, *part.ink, None, f"{part.name}: frame",
                       grounds.slots, ids)
    if not part.drawn:  # it names the band: its label alone shows it
        return frame
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
            _autoshape(group.shapes, kind, c, x, y, w, h, shape.tone, name, grounds.slots, ids,
                       min(0.5, shape.radius / min(shape.w, shape.h)) if shape.radius else None)
        elif isinstance(shape, Oval):
            _autoshape(group.shapes, "OVAL", c, part.x + (shape.cx - shape.rx) * s,
                       part.y + (shape.cy - shape.ry) * s, shape.rx * 2 * s, shape.ry * 2 * s,
                       shape.tone, name, grounds.slots, ids, rotation=shape.rotation)
        else:
            points = [(part.x + x * s, part.y + y * s) for x, y in shape.points]
            _freeform(group.shapes, c, points, shape, s, name, grounds.slots, ids)
    return frame


def _picture(deck: DeckContext, group: Group, c: Canvas, part: Placed) -> None:
    """The author's own SVG as a picture that fills the part's box at its own proportions:
    a PNG drawn from it (python-pptx cannot insert SVG), with the SVG itself beside it for
    the clients that draw SVG (as the logo is placed)."""
    from smguide.deck.logo import Logo, add_picture

    png, svg, ratio = picture_png(deck, part)
    w, h = (part.size, part.size / ratio) if ratio >= 1 else (part.size * ratio, part.size)
    # no alt text of its own: the diagram's group carries it
    pic = add_picture(group, Logo(png, svg, ratio, ""), c.x(part.x + (part.size - w) / 2),
                      c.y(part.y + (part.size - h) / 2), c.d(h))
    pic.nvPicPr.cNvPr.set("name", f"{part.name}: picture")


def picture_png(deck: DeckContext, part: Placed) -> tuple[bytes, bytes, float]:
    """(PNG, SVG, width / height) of the part's own picture."""
    from PIL import Image

    from smguide.io.usercache import cached_png

    assert part.picture is not None
    svg = (Path(deck.guide.root) / part.picture).read_bytes()
    png = cached_png(svg, 600, lambda: _draw(svg, part.picture or ""))
    with Image.open(io.BytesIO(png)) as image:
        return png, svg, image.width / image.height


def _draw(svg: bytes, name: str) -> bytes:
    return svg_png(svg, lambda exc: Problem.fix(Where(name), f"drawing an SVG for the deck "
                                                f"needs CairoSVG with libcairo2 ({exc})",
                                                "install them"),
                   lambda exc: Problem.at(Where(name), f"cannot draw this SVG ({exc})",
                                          "an SVG file CairoSVG can draw"))


# the shapes python-pptx's add_shape and build_freeform make (their p:style dropped, as
# plain_shape does), written as one string each: through python-pptx, the diagram's fifty
# shapes cost a third of its slide (a shape id looked up by XPath and a fill and a line
# made through its proxies, for each one); the XML is the same, byte for byte
_SHAPE = ('<p:sp xmlns:a="' + A + '" xmlns:p="' + P + '"><p:nvSpPr><p:cNvPr id="{id}" '
          'name="{name}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm{rot}><a:off '
          'x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>{geometry}{fill}{line}'
          '</p:spPr><p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr '
          'algn="ctr"/></a:p></p:txBody></p:sp>')
_PRESET = {"OVAL": "ellipse", "RECTANGLE": "rect", "ROUNDED_RECTANGLE": "roundRect"}
_NONE = "<a:noFill/>"
_NO_LINE = "<a:ln><a:noFill/></a:ln>"


def _attr(value: str) -> str:
    """`value` as an XML attribute's text (what lxml reads back as the same string)."""
    from xml.sax.saxutils import escape

    return escape(value, {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _fill(tone: Tone, slots: dict[str, str]) -> str:
    """`<a:solidFill>` in the tone's colour, as `solid` writes it through python-pptx."""
    key = (tone.slot, tone.brightness, slots.get(tone.slot))
    made = _FILLS.get(key)
    if made is None:
        from lxml import etree
        from pptx.dml.fill import FillFormat
        from pptx.oxml import parse_xml

        spPr = parse_xml(f'<p:spPr xmlns:a="{A}" xmlns:p="{P}"/>')
        solid(FillFormat.from_fill_parent(spPr), tone, slots)
        made = _FILLS[key] = etree.tostring(spPr[0], encoding="unicode").replace(
            f' xmlns:a="{A}"', "").replace(f' xmlns:p="{P}"', "")
    return made


_FILLS: dict[tuple[str, float, str | None], str] = {}


def _add(shapes: Any, shape_id: int, name: str, box: tuple[int, int, int, int],
         geometry: str, fill: str, line: str, rotation: float = 0.0) -> Any:
    """The shape's p:sp added to `shapes` (python-pptx's), returned as python-pptx's shape."""
    from pptx.oxml import parse_xml
    from pptx.oxml.simpletypes import ST_Angle

    x, y, cx, cy = box
    rot = f' rot="{ST_Angle.convert_to_xml(rotation)}"' if rotation else ""
    sp = parse_xml(_SHAPE.format(id=shape_id, name=_attr(name), rot=rot, x=x, y=y, cx=cx,
                                 cy=cy, geometry=geometry, fill=fill, line=line))
    shapes._spTree.insert_element_before(sp, "p:extLst")
    return shapes._shape_factory(sp)


def _next_id(shapes: Any) -> Iterator[int]:
    """The ids of shapes added to `shapes` one after another (python-pptx's: one more than
    the largest on the slide)."""
    return itertools.count(shapes._spTree.max_shape_id + 1)


def _autoshape(shapes: Any, kind: str, c: Canvas, x: float, y: float, w: float, h: float,
               tone: Tone | None, name: str, slots: dict[str, str],
               ids: Iterator[int] | None = None, rounding: float | None = None,
               rotation: float = 0.0) -> Any:
    """An autoshape filled with a tone (None: invisible), without an outline; a rounded
    rectangle's corners `rounding` (a share of its shorter side), turned by `rotation`
    degrees. `ids`: the shape ids to take (`_next_id`)."""
    guides = "" if rounding is None else \
        f'<a:gd name="adj" fmla="val {int(rounding * 100000.0)}"/>'
    geometry = f'<a:prstGeom prst="{_PRESET[kind]}"><a:avLst>{guides}</a:avLst></a:prstGeom>'
    return _add(shapes, next(ids or _next_id(shapes)), name,
                (c.x(x), c.y(y), max(1, c.d(w)), max(1, c.d(h))), geometry,
                _NONE if tone is None else _fill(tone, slots), _NO_LINE, rotation)


def _freeform(shapes: Any, c: Canvas, points: list[tuple[float, float]], shape: Poly | Stroke,
              scale: float, name: str, slots: dict[str, str], ids: Iterator[int]) -> Any:
    """A polygon (filled) or a polyline (stroked, round caps and joins) as a freeform, as
    python-pptx's FreeformBuilder draws it at scale 1 (its box the points' extents)."""
    at = [(c.x(x), c.y(y)) for x, y in points]
    left, top = min(x for x, _ in at), min(y for _, y in at)
    width, height = max(x for x, _ in at) - left, max(y for _, y in at) - top
    (x0, y0), rest = at[0], at[1:]
    path = (f'<a:path w="{width}" h="{height}"><a:moveTo><a:pt x="{x0 - left}" '
            f'y="{y0 - top}"/></a:moveTo>'
            + "".join(f'<a:lnTo><a:pt x="{x - left}" y="{y - top}"/></a:lnTo>'
                      for x, y in rest)
            + ("<a:close/>" if isinstance(shape, Poly) else "") + "</a:path>")
    geometry = ('<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="l" t="t" '
                f'r="r" b="b"/><a:pathLst>{path}</a:pathLst></a:custGeom>')
    if isinstance(shape, Poly):
        fill, line = _fill(shape.tone, slots), _NO_LINE
    else:
        fill = _NONE
        line = (f'<a:ln w="{c.d(shape.width * scale)}" cap="rnd">'
                f'{_fill(shape.tone, slots)}<a:round/></a:ln>')
    return _add(shapes, next(ids), name, (left, top, width, height), geometry, fill, line)


def connector(shapes: Any, c: Canvas, points: tuple[float, float, float, float],
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
    solid(line.line.fill, tone, slots)
    line.line.width = Pt(width)
    if dashed:
        line.line.dash_style = MSO_LINE.DASH
    ln = line.line._get_or_add_ln()
    etree.SubElement(ln, f"{{{A}}}tailEnd", type="triangle", w="med", len="med")
    props = line._element.find(f"{{{P}}}nvCxnSpPr/{{{P}}}cNvCxnSpPr")
    for tag, (shape, idx) in (("stCxn", start), ("endCxn", end)):
        etree.SubElement(props, f"{{{A}}}{tag}", id=str(shape.shape_id), idx=str(idx))
    return line
