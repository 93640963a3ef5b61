"""The Open XML names and units the deck's modules share: the DrawingML, PresentationML
and relationship namespaces, the relationship types smguide adds, EMU (914400 an
inch), and the inset a preset geometry gives its text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pptx.util import Length

EMU_PER_INCH = 914400
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
RT_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
SVG_EXT = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
NS = {"a": A, "p": P, "r": R}


def inches(value: float) -> Length:
    """`value` inches as python-pptx's length (EMU)."""
    from pptx.util import Emu

    return Emu(inch_emu(value))


def inch_emu(value: float) -> int:
    """`value` inches in EMU, without python-pptx (for geometry measured as data)."""
    return round(value * EMU_PER_INCH)


# a rounded rectangle's own text rectangle is inset on each side by this share of its
# corners' radius (ECMA-376 part 1, presetShapeDefinitions.xml, roundRect: il = x1 *
# 29289 / 100000), inside the text frame's insets, in PowerPoint as in LibreOffice
ROUND_TEXT = 0.29289
ROUND_DEFAULT = 0.16667  # roundRect's adj when the shape does not give one


def geometry_inset(shape: Any) -> int:
    """EMU by which `shape`'s preset geometry insets its text on each side, before the
    text frame's own insets: a rounded rectangle's (a card's: about 3 pt at 16:9),
    0 for any other shape."""
    props = getattr(shape._element, "spPr", None)
    geometry = props.find(f"{{{A}}}prstGeom") if props is not None else None
    if geometry is None or geometry.get("prst") != "roundRect":
        return 0
    guide = geometry.find(f"{{{A}}}avLst/{{{A}}}gd[@name='adj']")
    fmla = guide.get("fmla", "") if guide is not None else ""
    adj = int(fmla[4:]) / 100000 if fmla.startswith("val ") else ROUND_DEFAULT
    return round(min(shape.width, shape.height) * min(adj, 0.5) * ROUND_TEXT)
