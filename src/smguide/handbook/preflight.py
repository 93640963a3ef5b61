"""Preflight: a PDF checked the way a print shop's preflight checks it, finding by finding.

Reads any PDF (ours or not) with pikepdf and follows each page's content streams, forms
included, with their graphics state (transformation, clip, colours, line width, text
size), so every finding says on which page, and where on it:

- PDF/X identification and a CMYK output intent with an embedded profile;
- TrimBox and BleedBox on every page;
- every font embedded;
- no device RGB (colour operators, colour spaces, pictures, groups, gradients);
- total ink over 300% in a fill, stroke or CMYK picture;
- type under 6 pt, lines under 0.25 pt;
- pictures under 300 ppi at their printed size (a warning), under 150 ppi (an error);
- painted objects that touch the trim without reaching into the bleed (a white sliver
  when the cut is off by a hair).

Paint entirely outside the bleed (crop marks on the slug) is not the job's, so it is not
checked for ink, size or lines.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

MAX_INK = 3.0  # 300% total area coverage
MIN_TYPE_PT = 6.0
MIN_LINE_PT = 0.25
WARN_PPI, ERROR_PPI = 300, 150
TOUCH_PT = 0.6  # an edge this close to the trim touches it
MM = 72 / 25.4
MAX_DEPTH = 12  # forms inside forms

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" or "warning"
    check: str  # pdfx, boxes, fonts, rgb, ink, type, lines, images, bleed
    message: str
    page: int | None = None  # 1-based; None: the whole file

    def line(self) -> str:
        where = f"page {self.page}" if self.page else "file"
        return f"{where}: {self.severity}: {self.check}: {self.message}"


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    images: list[str] = field(default_factory=list)  # every picture's effective resolution
    pages: int = 0

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """m, then n (PDF order: `cm` makes the new CTM = M x CTM)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _scale(m: Matrix) -> float:
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))


def _box(points: list[tuple[float, float]]) -> Box | None:
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _intersect(a: Box | None, b: Box | None) -> Box | None:
    if a is None or b is None:
        return a or b
    box = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return box if box[0] <= box[2] and box[1] <= box[3] else None


def _numbers(operands: Any) -> list[float]:
    return [float(v) for v in operands if isinstance(v, (int, float)) or
            type(v).__name__ == "Decimal"]


@dataclass
class _State:
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

    def copy(self) -> _State:
        return _State(**self.__dict__)


class _Page:
    """One page's content, interpreted."""

    def __init__(self, number: int, page: Any, report: Report,
                 fonts: dict[str, tuple[Any, set[int]]]):
        import pikepdf

        self.pikepdf = pikepdf
        self.number, self.report, self.fonts = number, report, fonts
        obj = page.obj
        media = [float(v) for v in obj.MediaBox]
        trim = obj.get("/TrimBox")
        bleed = obj.get("/BleedBox")
        self.has_boxes = trim is not None and bleed is not None
        self.trim: Box = tuple(float(v) for v in (trim or media))  # type: ignore[assignment]
        self.bleed: Box = tuple(float(v) for v in (bleed or trim or media))  # type: ignore[assignment]
        self.seen: set[tuple[str, str]] = set()  # (check, key): one finding each per page
        self.rgb = False
        self._interpret(pikepdf.parse_content_stream(page), obj.get("/Resources"), _State(), 0,
                        set())

    # --- findings ---------------------------------------------------------------------
    def add(self, severity: str, check: str, key: str, message: str) -> None:
        if (check, key) not in self.seen:
            self.seen.add((check, key))
            self.report.findings.append(Finding(severity, check, message, self.number))

    def where(self, box: Box) -> str:
        """A box as millimetres from the trim's top-left corner."""
        x = (box[0] - self.trim[0]) / MM
        y = (self.trim[3] - box[3]) / MM
        return f"at {x:.0f} mm from the left, {y:.0f} mm from the top".replace("-0 mm", "0 mm")

    def device_rgb(self, what: str) -> None:
        self.rgb = True
        self.add("error", "rgb", what, f"{what} in device RGB (convert it to CMYK for the "
                                       "output profile, or tag it with an ICC profile)")

    def in_bleed(self, box: Box | None) -> bool:
        return box is not None and _intersect(box, self.bleed) is not None

    # --- painting -----------------------------------------------------------------------
    def paint(self, state: _State, box: Box | None, fill: bool, stroke: bool) -> None:
        box = _intersect(box, state.clip) if state.clip is not None else box
        if box is None or not self.in_bleed(box):
            return
        if stroke:
            width = state.width * _scale(state.ctm)
            if width < MIN_LINE_PT:
                self.add("error", "lines", f"{width:.2f}",
                         f"a line {width:.2f} pt wide {self.where(box)}: lines under "
                         f"{MIN_LINE_PT} pt may not print (make it at least {MIN_LINE_PT} pt)")
        thin = min(box[2] - box[0], box[3] - box[1])
        if fill and not stroke and 0 < thin < MIN_LINE_PT and \
                max(box[2] - box[0], box[3] - box[1]) > 2 and not _is_white(state.fill):
            # a rule drawn as a filled strip (how WeasyPrint draws borders)
            self.add("error", "lines", f"{thin:.2f}",
                     f"a rule {thin:.2f} pt thick {self.where(box)}: lines under "
                     f"{MIN_LINE_PT} pt may not print (make it at least {MIN_LINE_PT} pt)")
        for used, colour in ((fill, state.fill), (stroke, state.stroke)):
            if used:
                self.ink(colour, box)
        if fill and not _is_white(state.fill):
            self.bleed_edge(box)

    def ink(self, colour: tuple[str, tuple[float, ...]], box: Box) -> None:
        space, values = colour
        if space == "cmyk" and sum(values) > MAX_INK + 1e-6:
            total = round(sum(values) * 100)
            parts = " ".join(f"{n} {v * 100:.0f}" for n, v in zip("CMYK", values, strict=True))
            self.add("error", "ink", f"{values}", f"total ink {total}% ({parts}) "
                     f"{self.where(box)}: over {MAX_INK * 100:.0f}% (use less colour, e.g. "
                     "a lighter rich black)")

    def bleed_edge(self, box: Box) -> None:
        t, b = self.trim, self.bleed
        edges = (("left", box[0] - t[0], t[0] - b[0] > 0.5 and box[0] > b[0] + 0.5),
                 ("bottom", box[1] - t[1], t[1] - b[1] > 0.5 and box[1] > b[1] + 0.5),
                 ("right", t[2] - box[2], b[2] - t[2] > 0.5 and box[2] < b[2] - 0.5),
                 ("top", t[3] - box[3], b[3] - t[3] > 0.5 and box[3] < b[3] - 0.5))
        has_bleed = any(abs(a - c) > 0.5 for a, c in zip(t, b, strict=True))
        for side, gap, short in edges:
            if abs(gap) < TOUCH_PT and (short or not has_bleed):
                if has_bleed:
                    self.add("error", "bleed", side, f"an object {self.where(box)} ends at "
                             f"the {side} trim edge without reaching the bleed (extend it "
                             "into the bleed)")
                else:  # a page made without bleed on purpose: the shop may cut inside it
                    self.add("warning", "bleed", side, f"an object {self.where(box)} "
                             f"reaches the {side} trim edge and the page has no bleed (a "
                             "white edge if the cut is off: give it a bleed, --bleed 3mm)")

    def text(self, state: _State, matrix: Matrix) -> None:
        if state.render in (3, 7) or state.font is None:
            return
        full = _mul(matrix, state.ctm)
        size = state.size * _scale(full)
        x, y = _apply(full, 0, 0)
        box = (x, y, x + size, y + size)
        if not self.in_bleed(box):
            return
        if size < MIN_TYPE_PT - 0.01:
            self.add("error", "type", f"{size:.1f}", f"text {size:.1f} pt {self.where(box)}: "
                     f"type under {MIN_TYPE_PT:g} pt may not print legibly")
        self.ink(state.fill, box)

    def image(self, state: _State, xobject: Any, name: str) -> None:
        corners = [_apply(state.ctm, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
        box = _box(corners)
        if box is None or not self.in_bleed(_intersect(box, state.clip) if state.clip
                                             else box):
            return
        space = xobject.get("/ColorSpace")
        if space == "/DeviceRGB":
            self.device_rgb(f"a {name}")
        if xobject.get("/ImageMask"):
            return
        width_in = math.dist(corners[0], corners[1]) / 72
        height_in = math.dist(corners[0], corners[2]) / 72
        if width_in <= 0 or height_in <= 0:
            return
        ppi = min(int(xobject.Width) / width_in, int(xobject.Height) / height_in)
        size = f"{width_in * 25.4:.0f} x {height_in * 25.4:.0f} mm"
        self.report.images.append(f"page {self.number}: a {name} printed {size} "
                                  f"{self.where(box)}: {ppi:.0f} ppi")
        if ppi < WARN_PPI:
            severity = "error" if ppi < ERROR_PPI else "warning"
            self.add(severity, "images", f"{name} {box}", f"a {name} is {ppi:.0f} ppi at "
                     f"its printed size ({size}, {self.where(box)}): print needs {WARN_PPI} "
                     f"ppi (use a larger picture, or print it smaller)")
        if space == "/DeviceCMYK" and int(xobject.Width) * int(xobject.Height) <= 4e7:
            try:
                pil = self.pikepdf.PdfImage(xobject).as_pil_image()
            except Exception:  # a picture we cannot decode is the RIP's business
                return
            if pil.mode == "CMYK":
                from PIL import ImageMath

                channels = pil.split()
                total = ImageMath.lambda_eval(
                    lambda a: a["c"] + a["m"] + a["y"] + a["k"], c=channels[0],
                    m=channels[1], y=channels[2], k=channels[3])
                peak = total.getextrema()[1] / 255
                if peak > MAX_INK + 0.01:
                    self.add("error", "ink", f"{name} {box}", f"a {name} {self.where(box)} "
                             f"has total ink up to {peak * 100:.0f}% (over "
                             f"{MAX_INK * 100:.0f}%: convert it with the output profile)")

    # --- the interpreter --------------------------------------------------------------
    def _interpret(self, instructions: Any, resources: Any, state: _State, depth: int,
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
            run.state.ctm = _mul(tuple(nums), run.state.ctm)  # type: ignore[arg-type]
        elif op == "w" and nums:
            run.state.width = nums[0]

    def _path(self, run: _Run, op: str, operands: Any, nums: list[float]) -> None:
        """m l c v y re W W*: the path being built (in page space), and a clip to come."""
        ctm = run.state.ctm
        if op in ("m", "l") and len(nums) >= 2:
            run.path.append(_apply(ctm, nums[0], nums[1]))
        elif op in ("c", "v", "y"):
            for i in range(0, len(nums) - 1, 2):
                run.path.append(_apply(ctm, nums[i], nums[i + 1]))
        elif op == "re" and len(nums) == 4:
            x, y, w, h = nums
            run.path += [_apply(ctm, px, py)
                         for px, py in ((x, y), (x + w, y), (x, y + h), (x + w, y + h))]
        elif op in ("W", "W*"):
            run.clip_pending = True

    def _paint_path(self, run: _Run, op: str, operands: Any, nums: list[float]) -> None:
        """f F f* S s B B* b b* n: the path painted (or not), then clipped if asked."""
        state, path = run.state, run.path
        box = _box(path)
        if box is not None and op in ("S", "s", "B", "B*", "b", "b*"):
            half = state.width * _scale(state.ctm) / 2
            box = (box[0] - half, box[1] - half, box[2] + half, box[3] + half)
        if op != "n":
            self.paint(state, box, fill=op not in ("S", "s"),
                       stroke=op in ("S", "s", "B", "B*", "b", "b*"))
        if run.clip_pending:
            state.clip = _intersect(state.clip, _box(path)) if state.clip else _box(path)
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
                key = _font_key(state.font)
                self.fonts.setdefault(key, (state.font, set()))[1].add(self.number)
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
            run.line_matrix = _mul((1, 0, 0, 1, nums[0], nums[1]), run.line_matrix)
            run.text_matrix = run.line_matrix
        elif op in ("T*", "'", '"'):
            run.line_matrix = _mul((1, 0, 0, 1, 0, -run.leading), run.line_matrix)
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
            inner.ctm = _mul(matrix, state.ctm)  # type: ignore[arg-type]
            bbox = [float(v) for v in xobject.get("/BBox", [0, 0, 0, 0])]
            form_box = _box([_apply(inner.ctm, bbox[0], bbox[1]),
                             _apply(inner.ctm, bbox[2], bbox[3]),
                             _apply(inner.ctm, bbox[0], bbox[3]),
                             _apply(inner.ctm, bbox[2], bbox[1])])
            inner.clip = _intersect(state.clip, form_box) if state.clip else form_box
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

    state: _State
    resources: Any
    depth: int
    forms: set[tuple[int, int]]
    stack: list[_State] = field(default_factory=list)
    path: list[tuple[float, float]] = field(default_factory=list)
    clip_pending: bool = False
    text_matrix: Matrix = IDENTITY
    line_matrix: Matrix = IDENTITY
    leading: float = 0.0


_Handler = Callable[[_Page, _Run, str, Any, list[float]], None]
# each operator preflight follows, and the method that follows it (others change nothing
# that is checked: gs, marked content, ...)
_OPERATORS: dict[str, _Handler] = {
    **dict.fromkeys(("q", "Q", "cm", "w"), _Page._graphics),
    **dict.fromkeys(("m", "l", "c", "v", "y", "re", "W", "W*"), _Page._path),
    **dict.fromkeys(("f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "n"), _Page._paint_path),
    **dict.fromkeys(("rg", "RG", "k", "K", "g", "G"), _Page._colour),
    **dict.fromkeys(("cs", "CS", "sc", "scn", "SC", "SCN"), _Page._colour_space),
    **dict.fromkeys(("BT", "Tf", "Tr", "TL"), _Page._text_state),
    **dict.fromkeys(("Tm", "Td", "TD", "T*", "'", '"', "Tj", "TJ"), _Page._text_show),
    "Do": _Page._xobject,
    "sh": _Page._shading,
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


def _is_white(colour: tuple[str, tuple[float, ...]]) -> bool:
    space, values = colour
    if space == "cmyk":
        return not any(v > 0.001 for v in values)
    if space == "rgb":
        return all(v > 0.999 for v in values)
    return False


def _font_key(font: Any) -> str:
    return f"{str(font.get('/BaseFont', '/?')).lstrip('/')}#{font.objgen}"


def _font_embedded(font: Any) -> bool:
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True
    if subtype == "/Type0":
        descendants = font.get("/DescendantFonts")
        if not descendants:
            return False
        font = descendants[0]
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _pages(numbers: set[int]) -> str:
    shown = sorted(numbers)
    text = ", ".join(str(n) for n in shown[:8]) + (", ..." if len(shown) > 8 else "")
    return f"page{'s' if len(shown) > 1 else ''} {text}"


def preflight(data: bytes) -> Report:
    """Every finding in the PDF `data`, page by page."""
    import pikepdf

    report = Report()
    try:
        pdf = pikepdf.open(BytesIO(data))
    except pikepdf.PdfError as exc:
        report.findings.append(Finding("error", "file", f"not a PDF that can be read ({exc})"))
        return report
    with pdf:
        report.pages = len(pdf.pages)
        _check_identification(pdf, report)
        fonts: dict[str, tuple[Any, set[int]]] = {}  # used: font, pages
        rgb_pages = set()
        for number, page in enumerate(pdf.pages, start=1):
            if "/TrimBox" not in page.obj or "/BleedBox" not in page.obj:
                missing = [box for box in ("/TrimBox", "/BleedBox") if box not in page.obj]
                report.findings.append(Finding(
                    "error", "boxes", f"no {' or '.join(b[1:] for b in missing)} (the print "
                    "shop needs to know where to cut)", number))
            interpreted = _Page(number, page, report, fonts)
            if interpreted.rgb:
                rgb_pages.add(number)
        for key, (font, used) in sorted(fonts.items(), key=lambda item: min(item[1][1])):
            if not _font_embedded(font):
                report.findings.append(Finding(
                    "error", "fonts", f"the font {key.split('#')[0]} is not embedded "
                    f"({_pages(used)}; embed it, or the print shop substitutes another)",
                    min(used)))
        if not rgb_pages:
            for obj in pdf.objects:
                if _mentions_device_rgb(obj):
                    report.findings.append(Finding(
                        "error", "rgb", "the file has a device RGB colour space (in an "
                        "object no page paints with; remove it)"))
                    break
    report.findings.sort(key=lambda f: (f.page or 0, f.check))
    return report


def _mentions_device_rgb(obj: Any) -> bool:
    import pikepdf

    if isinstance(obj, pikepdf.Stream | pikepdf.Dictionary):
        for key in ("/ColorSpace", "/CS"):
            value = obj.get(key)
            if value == "/DeviceRGB":
                return True
            if isinstance(value, pikepdf.Dictionary) and any(
                    v == "/DeviceRGB" for v in value.values()):
                return True
        group = obj.get("/Group")
        if isinstance(group, pikepdf.Dictionary) and group.get("/CS") == "/DeviceRGB":
            return True
    return False


def _check_identification(pdf: Any, report: Report) -> None:
    import pikepdf

    version = None
    try:
        meta = pdf.open_metadata()
        version = meta.get("pdfxid:GTS_PDFXVersion")
    except Exception:  # unreadable XMP: reported below as missing identification
        pass
    info = pdf.docinfo.get("/GTS_PDFXVersion") if pdf.docinfo else None
    if not version and not info:
        report.findings.append(Finding("error", "pdfx", "not identified as PDF/X (no "
                                       "GTS_PDFXVersion in the XMP or the info; make it with "
                                       "smguide pdf --print)"))
    elif not version:
        report.findings.append(Finding("error", "pdfx", f"{info} only in the info "
                                       "dictionary, not in the XMP metadata"))
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFX"]
    if not intents:
        report.findings.append(Finding("error", "pdfx", "no PDF/X output intent (the "
                                       "printing condition and its ICC profile)"))
        return
    profile = intents[0].get("/DestOutputProfile")
    if not isinstance(profile, pikepdf.Stream):
        identifier = str(intents[0].get("/OutputConditionIdentifier", "?"))
        report.findings.append(Finding("error", "pdfx", f"the output intent ({identifier}) "
                                       "has no embedded ICC profile"))
    elif int(profile.get("/N", 0)) != 4:
        report.findings.append(Finding("error", "pdfx", "the output intent's profile is "
                                       "not CMYK"))


def preflight_file(path: Path) -> Report:
    return preflight(path.read_bytes())
