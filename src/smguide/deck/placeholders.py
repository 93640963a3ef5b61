"""A deck's layouts read once: each layout's placeholders (title, body, subtitle, picture,
footer marks) with their kind, number and rectangle, inherited from the master where the
layout gives none; and the `Sheet`, what the layout picker and the text fitting read of a
deck (its size, layouts, margins, graphics, the placeholders a slide clones, the colours
the master shows), here read from an opened deck (`PptxSheet`); deck/builtinlayouts has
the built-in theme's as data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from smguide.deck.oxml import inch_emu as inches
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

    layout: SlideLayout | None  # None: known as data, without python-pptx (the built-in theme)
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


class Sheet:
    """What the layout picker and the text fitting read of a deck: the slide size, the
    layouts, the content margins, the shapes each layout shows, the placeholders a slide
    on a layout is given (python-pptx clones them) and the colours the master shows."""

    width: int
    height: int
    layouts: list[Layout]

    def margins(self) -> tuple[int, int]:
        """Left and right edges of content: the master's body placeholder, else 5%."""
        raise NotImplementedError

    def graphics(self, info: Layout) -> list[Area]:
        """The template's own shapes on the layout (and the master, when the layout shows
        it): pictures, bands, boxes; not the slide-wide background ones."""
        raise NotImplementedError

    def cloned(self, info: Layout) -> dict[int, tuple[int, int]]:
        """idx -> (width, height) in EMU of each placeholder a slide on the layout is given
        (not its date, footer and slide number), as python-pptx reads the layout's (0 where
        neither the layout nor the master gives one)."""
        raise NotImplementedError

    def colours(self) -> dict[str, str]:
        """Tone -> '#rrggbb' as the master shows it (theme.shown_colours)."""
        raise NotImplementedError

    def grounds(self, layout: Any) -> tuple[str, ...] | None:
        """The colours the background of a slide on `layout` (python-pptx's; None: the
        first master's) shows (deck/grounds); None when it is the background tone's."""
        return None


class PptxSheet(Sheet):
    """The sheet of a deck opened with python-pptx (a company template, the built-in one)."""

    def __init__(self, prs: Presentation) -> None:
        self.prs = prs
        self.width = prs.slide_width or inches(13.333)
        self.height = prs.slide_height or inches(7.5)
        self.layouts = read_layouts(prs)

    def margins(self) -> tuple[int, int]:
        from pptx.enum.shapes import PP_PLACEHOLDER as PH

        edge = max(round(self.width * 0.05), inches(0.4))
        for ph in self.prs.slide_master.placeholders:
            if ph.placeholder_format.type in (PH.BODY, PH.OBJECT) and ph.width:
                left, right = int(ph.left or 0), int((ph.left or 0) + ph.width)
                if left >= 0 and right <= self.width and right - left > self.width / 2:
                    return max(left, inches(0.25)), min(right, self.width - inches(0.25))
        return edge, self.width - edge

    def graphics(self, info: Layout) -> list[Area]:
        layout = info.layout
        assert layout is not None  # read from this deck
        shown = [self.own_graphics(layout.shapes)]
        if layout._element.get("showMasterSp") != "0":
            shown.append(self.own_graphics(layout.slide_master.shapes))
        return [area for areas in shown for area, _ in areas]

    def own_graphics(self, shapes: Any) -> list[tuple[Area, str]]:
        """(rectangle, name) of each shape in `shapes` that graphics() counts."""
        found = []
        for shape in shapes:
            if shape.is_placeholder or not shape.width or not shape.height:
                continue
            if shape.width * shape.height >= self.width * self.height * 0.6:
                continue
            found.append((Area(int(shape.left or 0), int(shape.top or 0), int(shape.width),
                               int(shape.height)), shape.name))
        return found

    def cloned(self, info: Layout) -> dict[int, tuple[int, int]]:
        layout = info.layout
        assert layout is not None
        found = {}
        for ph in layout.iter_cloneable_placeholders():
            idx = ph.placeholder_format.idx
            if idx not in found:
                shape = layout.placeholders.get(idx=idx) or ph
                found[idx] = (int(shape.width or 0), int(shape.height or 0))
        return found

    def colours(self) -> dict[str, str]:
        from smguide.deck.theme import shown_colours

        return shown_colours(self.prs.slide_master)

    def grounds(self, layout: Any) -> tuple[str, ...] | None:
        from smguide.deck.grounds import backgrounds
        from smguide.deck.theme import shown_colours

        if layout is None:
            layout = next(iter(self.prs.slide_master.slide_layouts), None)
        return None if layout is None else backgrounds(layout,
                                                       shown_colours(layout.slide_master))
