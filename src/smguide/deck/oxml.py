"""The Open XML names and units the deck's modules share: the DrawingML, PresentationML
and relationship namespaces, the relationship types smguide adds, and EMU (914400 an
inch)."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
