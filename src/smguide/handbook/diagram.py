"""The analogy block's diagram and its key's pictograms, as SVG in the handbook's
colours: the scene model.diagram lays out, drawn by templates/handbook/analogy.svg.j2."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from smguide.handbook.grid import PT_PER_MM
from smguide.handbook.templatedata import Record, to_data
from smguide.handbook.templating import DataSandbox, render
from smguide.model.colors import shade
from smguide.model.diagram import Label, PartSpec, Scene, layout
from smguide.model.guide import Analogy
from smguide.model.pictograms import (
    PALETTE_KEY,
    PICTOGRAMS,
    ROLES,
    Oval,
    Pictogram,
    Poly,
    Rect,
    Tone,
)
from smguide.paths import real

DIAGRAM_LABEL_PT = 9.0  # the analogy diagram's labels, at every paper size
MIN_LINE_PT = 0.3  # the thinnest pictogram line printed (preflight refuses under 0.25 pt)
SWATCH_MM = 5  # a key row's pictogram, as handbook.css sizes .swatch


def diagram_width(column_mm: float) -> int:
    """The diagram's width in user units for a column this wide, so that its 15-unit
    labels print at DIAGRAM_LABEL_PT (at least 8 pt even at the narrowest, 460 units)."""
    units = round(15 * column_mm * PT_PER_MM / DIAGRAM_LABEL_PT)
    return max(460, min(720, units))


def part_specs(block: Record) -> list[PartSpec]:
    """What the diagram's layout needs of each of an analogy block's parts."""
    listed = block.get("parts")
    return [part_spec(part) for part in listed if isinstance(part, Record)] \
        if isinstance(listed, tuple) else []


def part_spec(part: Record) -> PartSpec:
    """What the diagram's layout needs of one part, from its template record."""
    def text(key: str) -> str | None:
        value = part.get(key)
        return value if isinstance(value, str) else None

    role = text("role")
    return PartSpec(text("name") or "", text("stands_for") or "", text("symbol"),
                    text("picture"), role if role in ROLES else None)  # type: ignore[arg-type]



class Diagrams:
    """Draws an analogy block's diagram and its key's pictograms in `colours` (the
    handbook's, readable on paper) with the brand's `font`; an author's own SVG picture
    is read from the content folder `root`."""

    def __init__(self, env: DataSandbox, colours: dict[str, str], font: str,
                 root: Path):
        self.env, self.colours, self.font, self.root = env, colours, font, root

    def svg(self, block: Analogy | Record, column_mm: float) -> str:
        """The diagram's SVG: the scene model.diagram lays out for the block's parts, in
        the brand's colours, at the width of the column it fills."""
        data = to_data(block)
        assert isinstance(data, Record)
        specs = part_specs(data)
        scene = layout(specs, diagram_width(column_mm))
        return render(self.env, "handbook/analogy.svg.j2", scene=self._drawn(scene, column_mm),
                      colours=self.colours, font=self.font, alt=data["alt"])

    def _drawn(self, scene: Scene, column_mm: float) -> dict[str, Any]:
        """The scene with every tone turned into its colour and every picture read."""
        colour = self.colour
        shapes = self.pictogram_shapes
        unit_pt = column_mm * PT_PER_MM / scene.width  # the diagram fills the column

        parts = [{"name": part.name, "x": part.x, "y": part.y, "size": part.size,
                  "scale": part.size / 100, "label": part.label,
                  "pictogram": part.pictogram.name if part.pictogram else "",
                  "shapes": (shapes(part.pictogram, unit_pt * part.size / 100)
                             if part.pictogram and part.drawn else []),
                  "picture": self.picture_uri(part.picture)
                  if part.picture and part.drawn else ""}
                 for part in scene.parts]
        arrows = [{"x1": a.points[0], "y1": a.points[1], "x2": a.points[2], "y2": a.points[3],
                   "stroke": colour(a.tone), "dashed": a.dashed, "width": 3 if a.dashed else 4,
                   "head": 16 if a.dashed else 18}
                  for a in scene.arrows]
        band = scene.band and {"x": scene.band.x, "y": scene.band.y, "w": scene.band.w,
                               "h": scene.band.h, "fill": colour(scene.band.tone)}
        return {"width": scene.width, "height": scene.height, "band": band, "parts": parts,
                "arrows": arrows}

    def pictogram_shapes(self, pictogram: Pictogram, pt_per_unit: float
                         ) -> list[dict[str, Any]]:
        """A pictogram's pieces as the template draws them, in the handbook's colours; a
        stroke printed thinner than MIN_LINE_PT (at `pt_per_unit` points per pictogram
        unit) is drawn that thick, so that a print shop's preflight finds no hairline."""
        floor = MIN_LINE_PT / pt_per_unit
        colour = self.colour
        out: list[dict[str, Any]] = []
        for shape in pictogram.parts:
            if isinstance(shape, Rect):
                out.append({"kind": "rect", "x": shape.x, "y": shape.y, "w": shape.w,
                            "h": shape.h, "radius": shape.radius, "fill": colour(shape.tone)})
            elif isinstance(shape, Oval):
                out.append({"kind": "oval", "cx": shape.cx, "cy": shape.cy, "rx": shape.rx,
                            "ry": shape.ry, "rotation": shape.rotation,
                            "fill": colour(shape.tone)})
            else:
                points = " ".join(f"{x:g},{y:g}" for x, y in shape.points)
                if isinstance(shape, Poly):
                    out.append({"kind": "poly", "points": points, "fill": colour(shape.tone)})
                else:
                    out.append({"kind": "stroke", "points": points,
                                "width": round(max(shape.width, floor), 2),
                                "stroke": colour(shape.tone)})
        return out

    def colour(self, tone: Tone) -> str:
        """A pictogram's tone in the handbook's (paper-readable) palette; the arrows'
        line is the page's own grey (on the black plate only, when printed)."""
        if tone.slot == "line":
            return self.colours[PALETTE_KEY["line"]]
        return shade(self.colours[PALETTE_KEY[tone.slot]], tone.brightness)

    def picture_uri(self, relative: str) -> str:
        """The author's own SVG for a part (checked when the content was read), inline."""
        data = (real(Path(self.root) / relative)).read_bytes()
        return "data:image/svg+xml;base64," + base64.b64encode(data).decode()

    def key(self, block: Analogy | Record) -> list[str]:
        """Each part's pictogram (or picture) small, as a data URL, for its row of the key
        table: drawn by the diagram's template, alone in its 100-unit box."""
        data = to_data(block)
        specs = part_specs(data) if isinstance(data, Record) else []
        icons = []
        for spec in specs:
            pictogram = PICTOGRAMS.get(spec.symbol or "")
            if pictogram is None and spec.picture:
                icons.append(self.picture_uri(spec.picture))
                continue
            part = {"name": spec.name, "x": 0, "y": 0, "size": 100, "scale": 1,
                    "label": Label(0, 0, 100, 0, "l", (), (), False),
                    "pictogram": pictogram.name if pictogram else "", "picture": "",
                    "shapes": (self.pictogram_shapes(pictogram, SWATCH_MM * PT_PER_MM / 100)
                               if pictogram else [])}
            svg = render(self.env, "handbook/analogy.svg.j2", scene={
                "width": 100, "height": 100, "band": None, "parts": [part], "arrows": []},
                colours=self.colours, font=self.font, alt="")
            icons.append("data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode())
        return icons

    def data_url(self, block: Analogy | Record, column_mm: float) -> str:
        """The diagram as a data: URL, so the <img> carries real alt text in the tagged PDF."""
        svg = self.svg(block, column_mm).encode()
        return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
