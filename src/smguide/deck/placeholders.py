"""A company template's layouts read once: each layout's placeholders (title, body,
subtitle, picture, footer marks) with their kind, number and rectangle, inherited from
the master where the layout gives none."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from smguide.deck.write import Area

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import SlideLayout


@dataclass(frozen=True)
class Box:
    """A placeholder of a layout: its kind, number (idx) and rectangle in EMU."""

    kind: str  # title, center, subtitle, body, picture, mark, other
    idx: int
    left: int
    top: int
    width: int
    height: int
    vertical: bool = False

    @property
    def area(self) -> Area:
        return Area(self.left, self.top, self.width, self.height)

    @property
    def bottom(self) -> int:
        return self.top + self.height

    @property
    def right(self) -> int:
        return self.left + self.width


@dataclass
class Layout:
    """What one layout holds, read once."""

    layout: SlideLayout
    number: int  # 1-based, over every master's layouts in order
    name: str
    type: str
    boxes: list[Box] = field(default_factory=list)

    @property
    def title(self) -> Box | None:
        return next((b for b in self.boxes if b.kind in ("title", "center")), None)

    @property
    def subtitle(self) -> Box | None:
        return next((b for b in self.boxes if b.kind == "subtitle"), None)

    def bodies(self) -> list[Box]:
        return [b for b in self.boxes if b.kind == "body"]

    def pictures(self) -> list[Box]:
        return [b for b in self.boxes if b.kind == "picture"]

    def marks(self) -> list[Box]:
        return [b for b in self.boxes if b.kind == "mark"]


_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# a placeholder's type (p:ph type, "obj" when absent) -> what smguide calls it
KINDS = {"title": "title", "ctrTitle": "center", "subTitle": "subtitle", "body": "body",
         "obj": "body", "pic": "picture", "dt": "mark", "ftr": "mark", "sldNum": "mark"}
# where a layout placeholder without a position inherits it from, on the master
# (as python-pptx and PowerPoint resolve it)
MASTER_TYPE = {"ctrTitle": "title", "subTitle": "body", "obj": "body", "pic": "body",
               "chart": "body", "tbl": "body", "clipArt": "body", "dgm": "body",
               "media": "body"}


def _placeholders(tree: Any) -> list[tuple[str, int, Any, Any]]:
    """(type, idx, p:ph, xfrm or None) of each placeholder shape in a shape tree, straight
    from the XML (python-pptx resolves inherited positions with an XPath per property)."""
    found = []
    for element in tree.iterchildren():
        ph = element.find(f"./*/{_P}nvPr/{_P}ph")
        if ph is None:
            continue
        xfrm = element.find(f"./{_P}spPr/{_A}xfrm")
        found.append((ph.get("type", "obj"), _number(ph.get("idx", "0")), ph, xfrm))
    return found


def _number(text: str | None) -> int:
    """An integer attribute; a malformed one (a hand-edited file) counts as 0."""
    try:
        return int(text or 0)
    except ValueError:
        return 0


def _rect(xfrm: Any) -> tuple[int, int, int, int] | None:
    off = xfrm.find(f"{_A}off") if xfrm is not None else None
    ext = xfrm.find(f"{_A}ext") if xfrm is not None else None
    if off is None or ext is None:
        return None
    return (_number(off.get("x")), _number(off.get("y")), _number(ext.get("cx")),
            _number(ext.get("cy")))


def read_layouts(prs: Presentation) -> list[Layout]:
    found: list[Layout] = []
    for master in prs.slide_masters:
        inherited = {}
        for kind, _, _, xfrm in _placeholders(master.shapes._spTree):
            rect = _rect(xfrm)
            if rect and kind not in inherited:
                inherited[kind] = rect
        for layout in master.slide_layouts:
            info = Layout(layout, len(found) + 1, layout.name or "", layout._element.get(
                "type", ""))
            for kind, idx, ph, xfrm in _placeholders(layout.shapes._spTree):
                rect = _rect(xfrm) or inherited.get(MASTER_TYPE.get(kind, kind))
                if rect is None or not rect[2] or not rect[3]:
                    continue
                vertical = ph.get("orient") == "vert"
                body = ph.getparent().getparent().getparent().find(f".//{_A}bodyPr")
                if body is not None and body.get("vert", "horz") not in ("horz", ""):
                    vertical = True
                info.boxes.append(Box(KINDS.get(kind, "other"), idx, *rect, vertical))
            found.append(info)
    return found
