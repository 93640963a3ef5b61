"""How well a deck's text reads on what is really behind it, read back from the saved file.

For every run of text: its colours (its own fill, else what it inherits: the layout's and
the master's placeholder styles, the master's title or body style, a table style's text;
a gradient counts with every stop) against what stands behind it (a table cell's fill,
from the cell or the table style's bands; the filled shape under it; else the slide's,
layout's or master's background: a solid fill, every stop of a gradient, a picture's
lightest and darkest pixels, a picture that cannot be read as black and white). The
WCAG contrast of the worst pair. Used by the deck tests and bench/deck_contrast.py.
"""

from __future__ import annotations

import colorsys
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from smguide.model.colors import contrast, luminance

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"a": A, "p": P}
FILLS = ("solidFill", "gradFill", "blipFill", "pattFill", "noFill")


@dataclass(frozen=True)
class Reading:
    """One run of text: where it is, its colour(s), what is behind it, the worst contrast,
    its size in points (0 when inherited) and weight."""

    slide: int
    shape: str
    text: str
    colours: tuple[str, ...]
    behind: tuple[str, ...]
    ratio: float
    size: float
    bold: bool = False

    @property
    def large(self) -> bool:
        """WCAG's large text (18 pt, or 14 pt bold) or a list's marker: 3:1 is enough."""
        return self.size >= 18 or (self.size >= 14 and self.bold) or "(marker)" in self.shape

    @property
    def needs(self) -> float:
        return 3.0 if self.large else 4.5

    def line(self) -> str:
        return (f"slide {self.slide} {self.shape!r} {self.text[:30]!r}: "
                f"{'/'.join(self.colours)} on {'/'.join(self.behind)} = {self.ratio:.2f}:1")


class _Colours:
    """A master's theme colours through its colour map."""

    def __init__(self, master: Any) -> None:
        theme = next(rel.target_part for rel in master.part.rels.values()
                     if rel.reltype.endswith("/theme"))
        root = etree.fromstring(theme.blob)
        self.theme = root
        self.slots: dict[str, str] = {}
        for slot in root.find(".//a:clrScheme", NS):
            colour = slot[0]
            value = colour.get("val") if colour.tag.endswith("srgbClr") else colour.get("lastClr")
            if value:
                self.slots[etree.QName(slot).localname] = "#" + value.lower()
        mapping = master._element.find(f"{{{P}}}clrMap")
        for tone, slot in {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}.items():
            mapped = mapping.get(tone, slot) if mapping is not None else slot
            if mapped in self.slots:
                self.slots[tone] = self.slots[mapped]

    def of(self, element: Any, holder: str | None = None) -> str | None:
        name = etree.QName(element).localname
        value = {"srgbClr": lambda: "#" + element.get("val", "").lower(),
                 "sysClr": lambda: "#" + element.get("lastClr", "").lower(),
                 "schemeClr": lambda: (holder if element.get("val") == "phClr"
                                       else self.slots.get(element.get("val", ""))) or "",
                 "prstClr": lambda: {"black": "#000000", "white": "#ffffff"}.get(
                     element.get("val", ""), "")}.get(name, lambda: "")()
        if len(value) != 7:
            return None
        rgb = [int(value[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        for change in element:
            what, amount = etree.QName(change).localname, int(change.get("val", "100000")) / 1e5
            if what in ("lumMod", "lumOff"):
                h, li, s = colorsys.rgb_to_hls(*rgb)
                li = li * amount if what == "lumMod" else li + amount
                rgb = list(colorsys.hls_to_rgb(h, min(1, max(0, li)), s))
            elif what == "shade":
                rgb = [c * amount for c in rgb]
            elif what == "tint":
                rgb = [c + (1 - c) * (1 - amount) for c in rgb]
        return "#" + "".join(f"{round(min(1, max(0, c)) * 255):02x}" for c in rgb)

    def fill(self, fill: Any, part: Any, holder: str | None = None) -> tuple[str, ...] | None:
        """The colours a fill element shows; () for no fill; None when it is none."""
        name = etree.QName(fill).localname
        if name == "noFill":
            return ()
        if name == "solidFill" and len(fill):
            found = self.of(fill[0], holder)
            return (found,) if found else None
        if name == "gradFill":
            stops = [self.of(gs[0], holder) for gs in fill.findall("a:gsLst/a:gs", NS)]
            return tuple(s for s in stops if s) or None
        if name == "pattFill":
            sides = [fill.find(f"a:{s}", NS) for s in ("fgClr", "bgClr")]
            return tuple(c for c in (self.of(s[0]) for s in sides if s is not None and len(s))
                         if c) or None
        if name == "blipFill":
            blip = fill.find("a:blip", NS)
            try:
                return _picture(part.related_part(blip.get(f"{{{R}}}embed")).blob)
            except Exception:  # noqa: BLE001 - unreadable: either may be behind
                return ("#000000", "#ffffff")
        return None

    def first_fill(self, holder: Any, part: Any) -> tuple[str, ...] | None:
        if holder is None:
            return None
        for child in holder:
            if etree.QName(child).localname in FILLS:
                return self.fill(child, part)
        return None


def _picture(data: bytes) -> tuple[str, ...]:
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    if image.mode.startswith("I;16"):
        image = image.convert("I").point(lambda v: v / 257).convert("L")
    image = image.convert("RGB")
    image.thumbnail((64, 64), Image.Resampling.BOX)  # averages: no ringing
    seen = {f"#{r:02x}{g:02x}{b:02x}" for _, (r, g, b) in image.getcolors(64 * 64)}
    return (max(seen, key=luminance), min(seen, key=luminance))


def _background(slide: Any, colours: _Colours) -> tuple[str, ...]:
    for part in (slide.part, slide.slide_layout.part, slide.slide_layout.slide_master.part):
        bg = part._element.find(f"{{{P}}}cSld/{{{P}}}bg")
        if bg is None:
            continue
        props = bg.find(f"{{{P}}}bgPr")
        if props is not None:
            found = colours.first_fill(props, part)
            if found:
                return found
        ref = bg.find(f"{{{P}}}bgRef")
        if ref is not None:
            index = int(ref.get("idx", "0"))
            holder = colours.of(ref[0]) if len(ref) else None
            styles = colours.theme.find(".//a:fmtScheme/a:" + (
                "bgFillStyleLst" if index > 1000 else "fillStyleLst"), NS)
            position = index - 1001 if index > 1000 else index - 1
            if styles is not None and 0 <= position < len(styles):
                found = colours.fill(styles[position], part, holder)
                if found:
                    return found
    return (colours.slots.get("bg1", "#ffffff"),)


def _inherited(shape: Any, level: int, colours: _Colours) -> tuple[str, ...] | None:
    """The colours a placeholder's run inherits: layout, master placeholder, txStyles."""
    ph = shape._element.find(f".//{{{P}}}nvPr/{{{P}}}ph")
    kind = ph.get("type", "body") if ph is not None else None
    trees = []
    if ph is not None:
        layout = shape.part.slide_layout
        for tree in (layout.shapes._spTree, layout.slide_master.shapes._spTree):
            for element in tree.iterchildren():
                other = element.find(f"./*/{{{P}}}nvPr/{{{P}}}ph")
                if other is not None and (other.get("type", "body") == kind
                                          or (kind in ("ctrTitle", "title")
                                              and other.get("type") == "title")):
                    trees.append((element.find(f".//{{{A}}}lstStyle"), element))
                    break
    master = shape.part.slide_layout.slide_master._element
    if ph is not None:
        style = {"title": "titleStyle", "ctrTitle": "titleStyle"}.get(kind or "", "bodyStyle")
        trees.append((master.find(f"{{{P}}}txStyles/{{{P}}}{style}"), None))
    else:  # a text box: the presentation's default text style
        presentation = shape.part.package.presentation_part._element
        trees.append((presentation.find(f"{{{P}}}defaultTextStyle"), None))
    for lst, _ in trees:
        if lst is None:
            continue
        props = lst.find(f"{{{A}}}lvl{level + 1}pPr/{{{A}}}defRPr")
        found = colours.first_fill(props, shape.part)
        if found:
            return found
    return None


def _shapes(shapes: Any) -> Iterator[Any]:
    for shape in shapes:
        if shape.shape_type == 6:
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _under(shape: Any, before: list[Any], colours: _Colours) -> tuple[str, ...] | None:
    """The fill of the topmost filled shape drawn before `shape` that holds its middle."""
    if shape.left is None or shape.width is None:
        return None
    x, y = shape.left + shape.width / 2, shape.top + shape.height / 2
    for other in reversed(before):
        if other.left is None or other.width is None or other.shape_type == 13:
            continue
        if (other.left <= x <= other.left + other.width
                and other.top <= y <= other.top + other.height):
            found = colours.first_fill(other._element.find(f"{{{P}}}spPr"), other.part)
            if found:
                return found
    return None


def _table_fills(shape: Any, colours: _Colours) -> dict[str, tuple[tuple[str, ...] | None,
                                                                 tuple[str, ...] | None]]:
    """Table style part -> (fill, text) per table part (wholeTbl, firstRow, band1H...)."""
    props = shape._element.find(f".//{{{A}}}tblPr")
    style_id = props.findtext(f"{{{A}}}tableStyleId") if props is not None else None
    package = shape.part.package.presentation_part
    styles = next((rel.target_part for rel in package.rels.values()
                   if rel.reltype.endswith("/tableStyles")), None)
    out: dict[str, Any] = {}
    if styles is None or not style_id:
        return out
    for style in etree.fromstring(styles.blob).iter(f"{{{A}}}tblStyle"):
        if style.get("styleId") != style_id:
            continue
        for part in style:
            fill = part.find(f"{{{A}}}tcStyle/{{{A}}}fill")
            text = part.find(f"{{{A}}}tcTxStyle")
            colour = next((c for c in text if etree.QName(c).localname.endswith("Clr")
                           and etree.QName(c).localname != "prstClr"), None) \
                if text is not None else None
            out[etree.QName(part).localname] = (
                colours.first_fill(fill, shape.part) if fill is not None else None,
                (colours.of(colour),) if colour is not None and colours.of(colour) else None)
    return out


def _runs(frame: Any) -> Iterator[tuple[Any, int]]:
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            if run.text.strip():
                yield run, paragraph.level


def _own(run: Any, colours: _Colours, part: Any) -> tuple[str, ...] | None:
    props = run._r.find(f"{{{A}}}rPr")
    return colours.first_fill(props, part) if props is not None else None


def readings(path: Path) -> list[Reading]:
    """Every run of text of a saved deck, read as it shows."""
    from pptx import Presentation

    return deck_readings(Presentation(str(path)))


def deck_readings(prs: Any) -> list[Reading]:
    """Every run of text of a deck read back with python-pptx, read as it shows."""
    out = []
    for number, slide in enumerate(prs.slides, 1):
        colours = _Colours(slide.slide_layout.slide_master)
        ground = _background(slide, colours)
        drawn: list[Any] = []
        for shape in _shapes(slide.shapes):
            if getattr(shape, "has_table", False) and shape.has_table:
                out += _table_readings(number, shape, ground, colours)
            elif shape.has_text_frame:
                behind = _under(shape, drawn, colours) or ground
                own_fill = colours.first_fill(shape._element.find(f"{{{P}}}spPr"), shape.part)
                behind = own_fill or behind
                for paragraph in shape.text_frame.paragraphs:  # a list's numbers, bullets
                    marker = paragraph._p.find(f"{{{A}}}pPr/{{{A}}}buClr")
                    if marker is not None and len(marker) and paragraph.runs:
                        found = colours.of(marker[0])
                        if found:
                            out.append(_reading(number, shape.name + " (marker)",
                                                paragraph.runs[0], (found,), behind))
                for run, level in _runs(shape.text_frame):
                    text = _own(run, colours, shape.part) or _inherited(
                        shape, level, colours) or (colours.slots.get("tx1", "#000000"),)
                    out.append(_reading(number, shape.name, run, text, behind))
            drawn.append(shape)
    return out


def _table_readings(number: int, shape: Any, ground: tuple[str, ...],
                    colours: _Colours) -> list[Reading]:
    table = shape.table
    parts = _table_fills(shape, colours)
    first = table.first_row
    out = []
    for r, row in enumerate(table.rows):
        band = "firstRow" if first and r == 0 else (
            ("band1H" if (r - first) % 2 == 0 else "band2H") if table.horz_banding
            else "wholeTbl")
        for cell in row.cells:
            fill = colours.first_fill(cell._tc.find(f"{{{A}}}tcPr"), shape.part)
            behind = fill or parts.get(band, (None, None))[0] or \
                parts.get("wholeTbl", (None, None))[0] or ground
            styled = parts.get(band, (None, None))[1] or parts.get("wholeTbl", (None, None))[1]
            for run, _ in _runs(cell.text_frame):
                text = _own(run, colours, shape.part) or styled or (colours.slots["tx1"],)
                out.append(_reading(number, shape.name, run, text, behind))
    return out


def _reading(number: int, name: str, run: Any, text: tuple[str, ...],
             behind: tuple[str, ...]) -> Reading:
    ratio = min(contrast(t, b) for t in text for b in behind)
    size = run.font.size.pt if run.font.size else 0.0
    return Reading(number, name, run.text, text, behind, ratio, size, bool(run.font.bold))


def lowest(path: Path) -> Reading | None:
    """The run of text that reads worst."""
    return min(readings(path), key=lambda r: r.ratio, default=None)
