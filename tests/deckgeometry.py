"""Where a deck's shapes really are: on the slide, and text boxes that do not overlap.

Read back with python-pptx from the saved file. A placeholder without its own position
takes its layout's (python-pptx resolves that); a shape inside a group is mapped through
the group's child coordinate space. Used by the deck tests and bench/template_corpus.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smguide.deck.textfit import Para, Span

EMU_PER_PT = 12700
TOLERANCE = EMU_PER_PT  # a point of slack: touching edges and rounding are not overlaps


@dataclass(frozen=True)
class Placed:
    """A shape's rectangle on the slide, in EMU, and whether it shows text."""

    name: str
    left: float
    top: float
    width: float
    height: float
    text: str

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def overlaps(self, other: Placed) -> bool:
        return (min(self.right, other.right) - max(self.left, other.left) > TOLERANCE
                and min(self.bottom, other.bottom) - max(self.top, other.top) > TOLERANCE)


def _text(shape: Any) -> str:
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        return shape.text_frame.text.strip()
    if getattr(shape, "has_table", False) and shape.has_table:
        return " ".join(cell.text for row in shape.table.rows for cell in row.cells).strip()
    return ""


def placed_shapes(shapes: Any, transform: tuple[float, float, float, float] = (0, 0, 1, 1)
                  ) -> Iterator[Placed]:
    """Every shape with its rectangle on the slide; groups are opened, not listed."""
    dx, dy, sx, sy = transform
    for shape in shapes:
        left, top = shape.left, shape.top
        width, height = shape.width, shape.height
        if None in (left, top, width, height):
            continue  # no position anywhere (a placeholder whose layout lacks it)
        if shape.shape_type == 6:  # a group: children are in its child coordinate space
            xfrm = shape._element.grpSpPr.find(
                "{http://schemas.openxmlformats.org/drawingml/2006/main}xfrm")
            ns = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
            off, ext = xfrm.find(f"{ns}chOff"), xfrm.find(f"{ns}chExt")
            cx, cy = (int(off.get("x")), int(off.get("y"))) if off is not None else (0, 0)
            cw = int(ext.get("cx")) if ext is not None else width
            ch = int(ext.get("cy")) if ext is not None else height
            gx, gy = width / cw if cw else 1, height / ch if ch else 1
            inner = (dx + sx * (left - cx * gx), dy + sy * (top - cy * gy), sx * gx, sy * gy)
            yield from placed_shapes(shape.shapes, inner)
            continue
        yield Placed(shape.name, dx + sx * left, dy + sy * top, sx * width, sy * height,
                     _text(shape))


def slide_problems(slide: Any, width: int, height: int) -> list[str]:
    """What is wrong on one slide: shapes off it, text shapes on top of each other."""
    problems = []
    shapes = list(placed_shapes(slide.shapes))
    for shape in shapes:
        if (shape.left < -TOLERANCE or shape.top < -TOLERANCE
                or shape.right > width + TOLERANCE or shape.bottom > height + TOLERANCE):
            problems.append(f'"{shape.name}" lies off the slide ({_box(shape)})')
    texts = [shape for shape in shapes if shape.text]
    for index, first in enumerate(texts):
        for second in texts[index + 1:]:
            if first.overlaps(second):
                problems.append(f'"{first.name}" ({_box(first)}) overlaps "{second.name}" '
                                f"({_box(second)})")
    return problems


def deck_problems(path: Path) -> list[str]:
    """Every geometric problem of a saved deck, each as 'slide N: ...'."""
    from pptx import Presentation

    prs = Presentation(str(path))
    width, height = prs.slide_width or 0, prs.slide_height or 0
    return [f"slide {number}: {problem}" for number, slide in enumerate(prs.slides, 1)
            for problem in slide_problems(slide, width, height)]


def _box(shape: Placed) -> str:
    def inch(value: float) -> str:
        return f"{value / 914400:.2f}"

    return (f"{inch(shape.left)},{inch(shape.top)} {inch(shape.width)}x{inch(shape.height)} "
            f"in")


A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def paras_of(frame: Any) -> list[Para]:
    """A written text frame read back as textfit paragraphs (scale = the size in points)."""
    paras = []
    for paragraph in frame.paragraphs:
        runs = [run for run in paragraph.runs if run.font.size]
        if not runs:
            continue
        size = runs[0].font.size.pt
        ppr = paragraph._p.pPr
        indent = int(ppr.get("marL", "0")) / 12700 if ppr is not None else 0.0
        before = ppr.find(f"{A}spcBef/{A}spcPts") if ppr is not None else None
        space = int(before.get("val")) / 100 / size if before is not None else 0.0
        paras.append(Para(tuple(Span(r.text, bool(r.font.bold)) for r in runs), scale=size,
                          space_before=space, indent=indent / size))
    return paras


def column_edges(slide: Any) -> list[tuple[float, float]]:
    """(left, right) in EMU of each column a two-column slide shows, left to right: where a
    column's text starts and ends (a role card's lists: the text box less its insets), or
    a card's own edges (the practice cards, filled shapes); [] on other slides."""
    columns: set[tuple[float, float]] = set()
    for shape in slide.shapes:
        if shape.name in ("Activities", "Skills"):
            frame = shape.text_frame
            columns.add((shape.left + frame.margin_left,
                         shape.left + shape.width - frame.margin_right))
        elif shape.name == "Card":
            columns.add((shape.left, shape.left + shape.width))
    return sorted(columns) if len(columns) == 2 else []
