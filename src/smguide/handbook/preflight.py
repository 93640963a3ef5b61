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
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from smguide.handbook.contentstream import (
    Box,
    Interpreter,
    Matrix,
    State,
    apply,
    box_of,
    intersect,
    mul,
    scale,
)

MAX_INK = 3.0  # 300% total area coverage
MIN_TYPE_PT = 6.0
MIN_LINE_PT = 0.25
WARN_PPI, ERROR_PPI = 300, 150
TOUCH_PT = 0.6  # an edge this close to the trim touches it
MM = 72 / 25.4


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" or "warning"
    check: str  # pdfx, boxes, fonts, rgb, ink, type, lines, images, bleed
    message: str
    page: int | None = None  # 1-based; None: the whole file
    # a picture under WARN_PPI: its size in pixels, and the pixels print needs where it is
    pixels: tuple[int, int] | None = None
    needed: tuple[int, int] | None = None

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


class _Page(Interpreter):
    """One page's content, interpreted."""

    def __init__(self, number: int, page: Any, report: Report,
                 fonts: dict[str, tuple[Any, set[int]]]):
        super().__init__()
        self.number, self.report, self.fonts = number, report, fonts
        obj = page.obj
        media = [float(v) for v in obj.MediaBox]
        trim = obj.get("/TrimBox")
        bleed = obj.get("/BleedBox")
        self.trim: Box = tuple(float(v) for v in (trim or media))  # type: ignore[assignment]
        self.bleed: Box = tuple(float(v) for v in (bleed or trim or media))  # type: ignore[assignment]
        self.seen: set[tuple[str, str]] = set()  # (check, key): one finding each per page
        self.rgb = False
        self._interpret(self.pikepdf.parse_content_stream(page), obj.get("/Resources"), State(), 0,
                        set())

    # --- findings ---------------------------------------------------------------------
    def add(self, severity: str, check: str, key: str, message: str,
            pixels: tuple[int, int] | None = None,
            needed: tuple[int, int] | None = None) -> None:
        if (check, key) not in self.seen:
            self.seen.add((check, key))
            self.report.findings.append(Finding(severity, check, message, self.number,
                                                pixels, needed))

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
        return box is not None and intersect(box, self.bleed) is not None

    # --- painting -----------------------------------------------------------------------
    def paint(self, state: State, box: Box | None, fill: bool, stroke: bool) -> None:
        box = intersect(box, state.clip) if state.clip is not None else box
        if box is None or not self.in_bleed(box):
            return
        if stroke:
            width = state.width * scale(state.ctm)
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

    def text(self, state: State, matrix: Matrix) -> None:
        if state.render in (3, 7) or state.font is None:
            return
        full = mul(matrix, state.ctm)
        size = state.size * scale(full)
        x, y = apply(full, 0, 0)
        box = (x, y, x + size, y + size)
        if not self.in_bleed(box):
            return
        if size < MIN_TYPE_PT - 0.01:
            self.add("error", "type", f"{size:.1f}", f"text {size:.1f} pt {self.where(box)}: "
                     f"type under {MIN_TYPE_PT:g} pt may not print legibly")
        self.ink(state.fill, box)

    def image(self, state: State, xobject: Any, name: str) -> None:
        corners = [apply(state.ctm, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
        box = box_of(corners)
        if box is None or not self.in_bleed(intersect(box, state.clip) if state.clip
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
        pixels = int(xobject.Width), int(xobject.Height)
        ppi = min(pixels[0] / width_in, pixels[1] / height_in)
        shown = math.floor(ppi + 1e-6)  # never "150 ppi" for a picture a limit of 150 refuses
        size = f"{width_in * 25.4:.0f} x {height_in * 25.4:.0f} mm"
        self.report.images.append(f"page {self.number}: a {name} printed {size} "
                                  f"{self.where(box)}: {shown} ppi")
        if ppi < WARN_PPI:
            severity = "error" if ppi < ERROR_PPI else "warning"
            needed = needed_pixels(width_in, height_in)
            self.add(severity, "images", f"{name} {box}", f"a {name} is {shown} ppi at "
                     f"its printed size ({size}, {self.where(box)}): print needs {WARN_PPI} "
                     f"ppi, {needed[0]} x {needed[1]} px at that size (use a larger "
                     f"picture, or print it smaller)", pixels, needed)
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

    def font_used(self, font: Any) -> None:
        self.fonts.setdefault(_font_key(font), (font, set()))[1].add(self.number)


def needed_pixels(width_in: float, height_in: float) -> tuple[int, int]:
    """The pixels a picture printed `width_in` x `height_in` inches needs for WARN_PPI."""
    return (math.ceil(width_in * WARN_PPI - 1e-6), math.ceil(height_in * WARN_PPI - 1e-6))


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
