"""A PDF content stream followed operator by operator with its graphics state
(transformation, clip, colours and colour spaces, line width, text font, size and
position), forms included: what preflight checks is told each thing painted, where."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

MAX_DEPTH = 12  # forms inside forms

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def mul(m: Matrix, n: Matrix) -> Matrix:
    """m, then n (PDF order: `cm` makes the new CTM = M x CTM)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def scale(m: Matrix) -> float:
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))


def box_of(points: list[tuple[float, float]]) -> Box | None:
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def intersect(a: Box | None, b: Box | None) -> Box | None:
    if a is None or b is None:
        return a or b
    box = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return box if box[0] <= box[2] and box[1] <= box[3] else None


def _numbers(operands: Any) -> list[float]:
    return [float(v) for v in operands if isinstance(v, (int, float)) or
            type(v).__name__ == "Decimal"]


@dataclass
class State:
    ctm: Matrix = IDENTITY
    clip: Box | None = None
    fill: tuple[str, tuple[float, ...]] = ("gray", (0.0,))
    stroke: tuple[str, tuple[float, ...]] = ("gray", (0.0,))
    fill_space: str = "/DeviceGray"
    stroke_space: str = "/DeviceGray"
    width: float = 1.0
    font: Any = None
    size: float = 0.0
    render: int = 0

    def copy(self) -> State:
        return State(**self.__dict__)



class Interpreter:
    """Follows content streams; a subclass is told what they paint (`paint`, `text`,
    `image`), which fonts they use (`font_used`) and where device RGB appears."""

    def __init__(self) -> None:
        import pikepdf

        self.pikepdf = pikepdf

    def paint(self, state: State, box: Box | None, fill: bool, stroke: bool) -> None:
        """A path filled and/or stroked, covering `box` (page space)."""

    def text(self, state: State, matrix: Matrix) -> None:
        """Text shown with the text `matrix`."""

    def image(self, state: State, xobject: Any, name: str) -> None:
        """A picture painted."""

    def font_used(self, font: Any) -> None:
        """A font selected (Tf)."""

    def device_rgb(self, what: str) -> None:
        """Device RGB used by `what`."""

    def _interpret(self, instructions: Any, resources: Any, state: State, depth: int,
                   forms: set[tuple[int, int]]) -> None:
        """Follow one content stream (a page's or a form's), operator by operator."""
        run = _Run(state, resources if resources is not None else self.pikepdf.Dictionary(),
                   depth, forms)
        for instruction in instructions:
            if isinstance(instruction, self.pikepdf.ContentStreamInlineImage):
                continue
            op = str(instruction.operator)
            handler = _OPERATORS.get(op)
            if handler is not None:
                handler(self, run, op, instruction.operands, _numbers(instruction.operands))

    def _graphics(self, run: _Run, op: str, operands: Any, nums: list[float]) -> None:
        """q Q cm w: the graphics state saved, restored, transformed; the line width."""
        if op == "q":
            run.stack.append(run.state.copy())
        elif op == "Q":
            if run.stack:
                run.state = run.stack.pop()
        elif op == "cm" and len(nums) == 6:
            run.state.ctm = mul(tuple(nums), run.state.ctm)  # type: ignore[arg-type]
        elif op == "w" and nums:
            run.state.width = nums[0]

    def _path(self, run: _Run, op: str, operands: Any, nums: list[float]) -> None:
        """m l c v y re W W*: the path being built (in page space), and a clip to come."""
        ctm = run.state.ctm
        if op in ("m", "l") and len(nums) >= 2:
            run.path.append(apply(ctm, nums[0], nums[1]))
        elif op in ("c", "v", "y"):
            for i in range(0, len(nums) - 1, 2):
                run.path.append(apply(ctm, nums[i], nums[i + 1]))
        elif op == "re" and len(nums) == 4:
            x, y, w, h = nums
            run.path += [apply(ctm, px, py)
                         for px, py in ((x, y), (x + w, y), (x, y + h), (x + w, y + h))]
        elif op in ("W", "W*"):
            run.clip_pending = True

    def _paint_path(self, run: _Run, op: str, operands: Any, nums: list[float]) -> None:
        """f F f* S s B B* b b* n: the path painted (or not), then clipped if asked."""
        state, path = run.state, run.path
        box = box_of(path)
        if box is not None and op in ("S", "s", "B", "B*", "b", "b*"):
            half = state.width * scale(state.ctm) / 2
            box = (box[0] - half, box[1] - half, box[2] + half, box[3] + half)
        if op != "n":
            self.paint(state, box, fill=op not in ("S", "s"),
                       stroke=op in ("S", "s", "B", "B*", "b", "b*"))
        if run.clip_pending:
            state.clip = intersect(state.clip, box_of(path)) if state.clip else box_of(path)
            if state.clip is None:
                state.clip = (0.0, 0.0, 0.0, 0.0)
            run.clip_pending = False
        run.path = []

    def _colour(self, run: _Run, op: str, operands: Any, nums: list[float]) -> None:
        """rg RG k K g G: a fill or stroke colour in a device space."""
        state = run.state
        if op in ("rg", "RG"):
            self.device_rgb("a colour")
            key = "fill" if op == "rg" else "stroke"
            setattr(state, key, ("rgb", tuple(nums)))
        elif op in ("k", "K") and len(nums) == 4:
            setattr(state, "fill" if op == "k" else "stroke", ("cmyk", tuple(nums)))
        elif op in ("g", "G") and nums:
            setattr(state, "fill" if op == "g" else "stroke", ("cmyk", (0, 0, 0, 1 - nums[0])))

    def _colour_space(self, run: _Run, op: str, operands: Any, nums: list[float]) -> None:
        """cs CS sc scn SC SCN: a colour space chosen, and a colour in it."""
        state = run.state
        if op in ("cs", "CS") and operands:
            space = str(operands[0])
            resolved = run.resources.get("/ColorSpace", {}).get(space) if \
                space not in ("/DeviceRGB", "/DeviceCMYK", "/DeviceGray", "/Pattern") \
                else space
            if resolved == "/DeviceRGB" or (isinstance(resolved, self.pikepdf.Array) and
                                             len(resolved) and resolved[0] == "/CalRGB"):
                self.device_rgb("a colour space")
            label = _space_label(resolved)
            setattr(state, "fill_space" if op == "cs" else "stroke_space", label)
        elif op in ("sc", "scn", "SC", "SCN"):
            label = state.fill_space if op in ("sc", "scn") else state.stroke_space
            colour: tuple[str, tuple[float, ...]] = (
                ("cmyk", tuple(nums)) if label == "cmyk" and len(nums) == 4 else
                ("sep", tuple(nums)) if label == "separation" else (label, tuple(nums)))
            setattr(state, "fill" if op in ("sc", "scn") else "stroke", colour)

    def _text_state(self, run: _Run, op: str, operands: Any, nums: list[float]) -> None:
        """BT Tf Tr TL: a text object begun; the font, its size, the render mode, leading."""
        state = run.state
        if op == "BT":
            run.text_matrix = run.line_matrix = IDENTITY
        elif op == "Tf" and len(operands) == 2:
            state.font = run.resources.get("/Font", {}).get(str(operands[0]))
            state.size = float(operands[1])
            if state.font is not None:
                self.font_used(state.font)
        elif op == "Tr" and nums:
            state.render = int(nums[0])
        elif op == "TL" and nums:
            run.leading = nums[0]

    def _text_show(self, run: _Run, op: str, operands: Any, nums: list[float]) -> None:
        """Tm Td TD T* ' " Tj TJ: where the text goes, and text shown there."""
        if op == "Tm" and len(nums) == 6:
            run.text_matrix = run.line_matrix = tuple(nums)  # type: ignore[assignment]
        elif op in ("Td", "TD") and len(nums) == 2:
            if op == "TD":
                run.leading = -nums[1]
            run.line_matrix = mul((1, 0, 0, 1, nums[0], nums[1]), run.line_matrix)
            run.text_matrix = run.line_matrix
        elif op in ("T*", "'", '"'):
            run.line_matrix = mul((1, 0, 0, 1, 0, -run.leading), run.line_matrix)
            run.text_matrix = run.line_matrix
            if op != "T*":
                self.text(run.state, run.text_matrix)
        elif op in ("Tj", "TJ"):
            self.text(run.state, run.text_matrix)

    def _xobject(self, run: _Run, op: str, operands: Any, nums: list[float]) -> None:
        """Do: a picture painted, or a form followed (with its matrix and clip)."""
        if not operands:
            return
        resources, state = run.resources, run.state
        xobject = resources.get("/XObject", {}).get(str(operands[0]))
        if xobject is None:
            return
        subtype = xobject.get("/Subtype")
        if subtype == "/Image":  # named by its size: the PDF's own names mean nothing
            self.image(state, xobject, f"{int(xobject.get('/Width', 0))} x "
                                       f"{int(xobject.get('/Height', 0))} px picture")
        elif subtype == "/Form" and run.depth < MAX_DEPTH and xobject.objgen not in run.forms:
            group = xobject.get("/Group")
            if group is not None and group.get("/CS") == "/DeviceRGB":
                self.device_rgb("a transparency group")
            inner = state.copy()
            matrix = tuple(float(v) for v in xobject.get("/Matrix", IDENTITY))
            inner.ctm = mul(matrix, state.ctm)  # type: ignore[arg-type]
            bbox = [float(v) for v in xobject.get("/BBox", [0, 0, 0, 0])]
            form_box = box_of([apply(inner.ctm, bbox[0], bbox[1]),
                             apply(inner.ctm, bbox[2], bbox[3]),
                             apply(inner.ctm, bbox[0], bbox[3]),
                             apply(inner.ctm, bbox[2], bbox[1])])
            inner.clip = intersect(state.clip, form_box) if state.clip else form_box
            self._interpret(self.pikepdf.parse_content_stream(xobject),
                            xobject.get("/Resources", resources), inner, run.depth + 1,
                            run.forms | {xobject.objgen})

    def _shading(self, run: _Run, op: str, operands: Any, nums: list[float]) -> None:
        """sh: a gradient painted."""
        if not operands:
            return
        shading = run.resources.get("/Shading", {}).get(str(operands[0]))
        if shading is not None and shading.get("/ColorSpace") == "/DeviceRGB":
            self.device_rgb("a gradient")


@dataclass
class _Run:
    """What one content stream's interpreter keeps between operators."""

    state: State
    resources: Any
    depth: int
    forms: set[tuple[int, int]]
    stack: list[State] = field(default_factory=list)
    path: list[tuple[float, float]] = field(default_factory=list)
    clip_pending: bool = False
    text_matrix: Matrix = IDENTITY
    line_matrix: Matrix = IDENTITY
    leading: float = 0.0


_Handler = Callable[[Interpreter, _Run, str, Any, list[float]], None]
# each operator preflight follows, and the method that follows it (others change nothing
# that is checked: gs, marked content, ...)
_OPERATORS: dict[str, _Handler] = {
    **dict.fromkeys(("q", "Q", "cm", "w"), Interpreter._graphics),
    **dict.fromkeys(("m", "l", "c", "v", "y", "re", "W", "W*"), Interpreter._path),
    **dict.fromkeys(("f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "n"), Interpreter._paint_path),
    **dict.fromkeys(("rg", "RG", "k", "K", "g", "G"), Interpreter._colour),
    **dict.fromkeys(("cs", "CS", "sc", "scn", "SC", "SCN"), Interpreter._colour_space),
    **dict.fromkeys(("BT", "Tf", "Tr", "TL"), Interpreter._text_state),
    **dict.fromkeys(("Tm", "Td", "TD", "T*", "'", '"', "Tj", "TJ"), Interpreter._text_show),
    "Do": Interpreter._xobject,
    "sh": Interpreter._shading,
}



def _space_label(space: Any) -> str:
    name = str(space[0]) if hasattr(space, "__len__") and not isinstance(space, str) \
        and len(space) else str(space)
    if name == "/DeviceCMYK":
        return "cmyk"
    if name == "/ICCBased":
        try:
            return "cmyk" if int(space[1].get("/N", 0)) == 4 else "icc"
        except (AttributeError, TypeError, ValueError):
            return "icc"
    if name in ("/Separation", "/DeviceN"):
        return "separation"
    return name.lstrip("/").lower()
