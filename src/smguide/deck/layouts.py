"""Which layout of the deck's master each slide goes on, picked by what the layout holds.

The deck plan names PowerPoint's English layouts ("Title Slide", "Title and Content",
"Section Header", "Two Content", "Title Only"). Each stands for a *role*; a layout is
picked for a role by its placeholders (title, body, two bodies, subtitle, picture) and
their geometry, in the spirit of how PowerPoint re-applies layouts by type: the layout's
own type (`<p:sldLayout type="obj">`) and its name (in English, French, German, Spanish,
Google Slides' and LibreOffice's spellings) are hints among others. So "Titre et contenu",
TITLE_AND_BODY and "Title, Content" work because their structure does.

A user pins a slide kind to a layout by name or by number (1 = the first layout) in the
brand file (`defaults.smguide.layouts`), or writes any other layout name or number in the
deck plan; a pin that names no layout is a one-line error listing the layouts there are.

Each pick also says where the slide's content goes (the chosen body placeholder, else the
free area between the title and the footer row, inside the master's body margins) and
where a text box stands in for a missing title or body.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from smguide.deck.layoutnames import HINTS, KIND_ROLES, ROLE_OF, TYPES, normal_name
from smguide.deck.oxml import inch_emu as inches
from smguide.deck.placeholders import Box, Layout, Sheet
from smguide.deck.write import Area
from smguide.errors import Problem, RenderError, Where

if TYPE_CHECKING:
    from pptx.slide import SlideLayout

BIG = 0.12  # a body that covers this share of the slide holds content
SIDE = 0.06  # each of two side-by-side bodies at least this share
# what the free area keeps clear above the footer row: the built-in theme's body ends
# this far above its footer, so a slide laid out in the free area (the practice cards,
# the diagram) ends where a list does
CLEARANCE = 228600  # a quarter inch, in EMU
EYEBROW_ROOM = 284480  # the line above a content title: 14 pt type in 1.6 lines, in EMU


@dataclass(frozen=True)
class Pick:
    """A layout chosen for a role: which placeholders hold the text, and where the rest goes.

    `texts` are the body (or subtitle) placeholders to fill, left to right; `area` is the
    content area; `title_area` is where a text box stands in when the layout has no title.
    """

    layout: SlideLayout | None  # None: the layout known as data (deck/builtinlayouts)
    number: int  # 1-based, over every master's layouts in order
    name: str
    role: str
    title: Box | None
    texts: tuple[Box, ...]
    area: Area
    title_area: Area
    free: Area  # between the title and the footer row: room for a text box
    # larger areas to try, in order, when the content does not fit in `area`: the free
    # area, then the free area over the template's graphics
    fallbacks: tuple[Area, ...] = ()

    def describe(self, box: Box | Area | None = None) -> str:
        """'layout "Name" (its body placeholder, 9.0 x 4.9 in)' for messages."""
        if box is None:
            return f'layout "{self.name}"'
        what = "text box" if isinstance(box, Area) else (
            "title placeholder" if box.kind in ("title", "center") else
            "subtitle placeholder" if box.kind == "subtitle" else "body placeholder")
        return (f'layout "{self.name}" ({what}, {box.width / 914400:.1f} x '
                f"{box.height / 914400:.1f} in)")


class LayoutPicker:
    """Picks and caches a layout per slide; `source` names the template in messages."""

    def __init__(self, sheet: Sheet, pins: dict[str, str | int], source: str,
                 pin_where: dict[str, Where], title_room: int = 0, title_least: int = 0):
        self.sheet = sheet
        # a company template's title box, drawn for its title alone, too small for
        # smguide's line above the title and two lines of it at 28 pt (`title_least`,
        # EMU), grows down on content slides to hold them at 32 (`title_room`), by at
        # most the eyebrow's height: else titles fall to 24, level with the lists, and
        # take the body text down to 20 (typescale.commons)
        self.title_room, self.title_least = title_room, title_least
        self.width, self.height = sheet.width, sheet.height
        self.layouts = sheet.layouts
        self.pins = pins
        self.source = source
        self.pin_where = pin_where  # kind -> where the brand file pins its layout
        self._by_role: dict[str, Layout] = {}
        self._picks: dict[tuple[str, int, str], Pick] = {}
        self._margins: tuple[int, int] | None = None
        if not self.layouts:
            raise RenderError(Problem.fix(Where(""), f"{source} has no slide layouts at all",
                                          "add at least one layout with a title to its slide "
                                          "master"))

    # -- one slide ------------------------------------------------------------------

    def pick(self, kind: str, block_type: str | None, layout: str | int,
             source: Where | None = None) -> Pick:
        """The layout for a slide of `kind` (and block type) planned on `layout`; `source`
        says where the plan names it."""
        role = ROLE_OF.get(layout) if isinstance(layout, str) else None
        role = role or KIND_ROLES.get(block_type or kind, "content")
        pinned_by = block_type if block_type and block_type in self.pins else kind
        if isinstance(layout, int) or layout not in ROLE_OF:
            named = (source.with_field(f"{source.field}: layout") if source and source.field
                     else Where("the deck plan", field="layout"))
            info = self._find(layout, named)  # its own
        elif pinned_by in self.pins:
            info = self._find(self.pins[pinned_by], self.pin_where.get(
                pinned_by, Where("", field=f"defaults.smguide.layouts.{pinned_by}")))
        else:
            info = self.by_role(role)
        key = (role, info.number, "")
        found = self._picks.get(key)
        if found is None:
            found = self._picks[key] = self._make(info, role)
        return found

    def _find(self, wanted: str | int, where: Where) -> Layout:
        if isinstance(wanted, int):
            if wanted <= len(self.layouts):
                return self.layouts[wanted - 1]
        else:
            for info in self.layouts:
                if info.name == wanted:
                    return info
            for info in self.layouts:
                if info.name.strip().lower() == wanted.strip().lower():
                    return info
        have = ", ".join(f'{info.number} "{info.name}"' for info in self.layouts)
        shown = f"number {wanted}" if isinstance(wanted, int) else f'named "{wanted}"'
        raise RenderError(Problem.fix(where, f"{self.source} has no slide layout {shown}",
                                      f"its layouts are: {have}. Give one of these names or "
                                      f"numbers"))

    # -- by structure -----------------------------------------------------------------

    def by_role(self, role: str) -> Layout:
        found = self._by_role.get(role)
        if found is None:
            found = self._by_role[role] = self._best(role)
        return found

    def _best(self, role: str) -> Layout:
        usable = [info for info in self.layouts if self._qualifies(info, role)]
        if not usable:
            fallback = {"two": "content", "title-only": "content", "section": "title",
                        "title": "content"}.get(role)
            if fallback:
                return self.by_role(fallback)
            usable = [info for info in self.layouts if info.title] or self.layouts
        return max(usable, key=lambda info: (self._score(info, role), -info.number))

    def _share(self, box: Box) -> float:
        return box.width * box.height / (self.width * self.height)

    def _big(self, info: Layout) -> list[Box]:
        return [b for b in info.bodies() if not b.vertical and self._share(b) >= BIG]

    def _pair(self, info: Layout) -> tuple[Box, Box] | None:
        """Two bodies side by side, of about the same height: the two columns."""
        wide = sorted((b for b in info.bodies() if not b.vertical and self._share(b) >= SIDE),
                      key=lambda b: -b.width * b.height)
        for i, first in enumerate(wide):
            for second in wide[i + 1:]:
                left, right = sorted((first, second), key=lambda b: b.left)
                if left.right <= right.left + inches(0.05) and \
                        min(left.height, right.height) >= 0.6 * max(left.height, right.height):
                    return left, right
        return None

    def _qualifies(self, info: Layout, role: str) -> bool:
        title = info.title
        if title is None or title.vertical or title.height > title.width:
            return False
        if role == "content":
            return bool(self._big(info))
        if role == "two":
            return self._pair(info) is not None
        if role == "title-only":
            return not any(self._share(b) >= 0.03 for b in info.bodies())
        return True

    def _score(self, info: Layout, role: str) -> float:
        score = 0.0
        title, bodies, big = info.title, info.bodies(), self._big(info)
        if info.type in TYPES[role]:
            score += 3
        name = normal_name(info.name)
        if name in {normal_name(hint) for hint in HINTS[role]}:
            score += 2
        if info.name in ROLE_OF and ROLE_OF[info.name] == role:
            score += 2  # PowerPoint's own English name
        score -= len(info.pictures())
        score -= 3 * sum(b.vertical for b in bodies)
        if role == "title":
            score += 2 if title and title.kind == "center" else 0
            score += 3 if info.subtitle else (1 if len(bodies) == 1 and not big else 0)
            score -= 2 * len(big)
        elif role == "section":
            texts = bodies + ([info.subtitle] if info.subtitle else [])
            score += 1.5 if len(texts) == 1 else 0
            score -= 2 * len([b for b in big if self._share(b) >= 0.3])
            score -= 1 if title and title.kind == "center" and info.subtitle else 0
        elif role == "content":
            score += 5 - 3 * (len(big) - 1) - (len(bodies) - len(big))
            if title and big and big[0].top >= title.top:
                score += 1
            score -= 2 if info.subtitle else 0
        elif role == "two":
            score += 6 - (len(bodies) - 2)
        else:
            score += 4 - 2 * len(bodies)
        return score

    # -- where things go --------------------------------------------------------------

    def _make(self, info: Layout, role: str) -> Pick:
        info = self._with_room(self._on_top(info, role), role)
        title = info.title
        texts: tuple[Box, ...]
        pair = self._pair(info) if role == "two" else None
        if pair:
            texts = pair
        elif role in ("content", "two"):  # two columns of text boxes in the one body's place
            texts = tuple(sorted(self._big(info), key=lambda b: -b.width * b.height)[:1])
        elif role in ("title", "section"):
            small = [b for b in ([info.subtitle] if info.subtitle else []) + info.bodies()
                     if not b.vertical]
            texts = tuple(small[:1])
        else:
            texts = ()
        free = self.free_area(info)
        if len(texts) == 1:
            area = self._inside(texts[0].area, title)
        elif texts:
            left, right = texts
            area = self._inside(Area(left.left, min(left.top, right.top), right.right - left.left,
                                     max(left.bottom, right.bottom) - min(left.top, right.top)),
                                title)
        else:
            area = free
        if role in ("content", "two", "title-only") and texts and \
                area.width * area.height * 3 < free.width * free.height:
            texts, area = (), free  # a small body in a big free slide: use the room
        if pair is None and role == "two":
            texts = ()  # the renderer splits the area into two text boxes
        fallbacks: list[Area] = []
        for candidate in (free, self.free_area(info, graphics=False)):
            if candidate.width * candidate.height > max(
                    [area.width * area.height, *(c.width * c.height for c in fallbacks)]):
                fallbacks.append(candidate)
        return Pick(info.layout, info.number, info.name, role, title, texts, area,
                    self.title_area(info), free, tuple(fallbacks))

    def _on_top(self, info: Layout, role: str) -> Layout:
        """`info` with a title it sets in the slide's bottom half moved to the top band,
        where the content area begins, on a content slide's layout with no body for the
        content (a template of one layout, its title slide's): the slide then reads title
        first, content under it. The band spans the content margins and is as tall as a
        content title and its eyebrow need (title_room; else where titles go)."""
        title = info.title
        if role in ("title", "section") or title is None or title.top < self.height / 2 \
                or (self._big(info) and role != "title-only"):
            return info
        band = self.title_area(info)
        height = max(band.height, self.title_room)
        moved = replace(title, left=band.left, top=band.top, width=band.width, height=height)
        return replace(info, boxes=[moved if box is title else box for box in info.boxes])

    def _with_room(self, info: Layout, role: str) -> Layout:
        """`info` with its title box grown down to title_room on a content slide's layout,
        by at most the eyebrow's height, where it is shorter than title_least (the
        eyebrow is smguide's own line: the template's title keeps the room its designer
        gave it), and every body under the title starting that much lower (the
        template's gap between them kept); as it is for a title or divider layout, a
        title box tall enough or in the slide's bottom half, or a body too short to give
        the room."""
        title = info.title
        if not self.title_room or role in ("title", "section") or title is None or \
                title.top >= self.height / 2:
            return info
        room = min(self.title_room - title.height, EYEBROW_ROOM)
        if room <= 0 or title.height >= self.title_least:
            return info
        grown = replace(title, height=title.height + room)
        boxes = []
        for box in info.boxes:
            if box is title:
                box = grown
            elif box.kind in ("body", "subtitle") and box.top >= title.top + title.height / 2 \
                    and box.top < grown.bottom + room:
                if box.height < room * 4:
                    return info
                lower = min(box.height, max(0, grown.bottom + max(
                    0, box.top - title.bottom) - box.top))
                box = replace(box, top=box.top + lower, height=box.height - lower)
            boxes.append(box)
        return replace(info, boxes=boxes)

    def _inside(self, area: Area, title: Box | None) -> Area:
        """`area` kept below a title above it and on the slide."""
        top, bottom = area.top, area.top + area.height
        if title is not None and title.top < top + area.height / 2 and title.bottom > top:
            top = title.bottom
        left, right = max(area.left, 0), min(area.left + area.width, self.width)
        top, bottom = max(top, 0), min(bottom, self.height)
        return Area(left, top, max(right - left, inches(1)), max(bottom - top, inches(0.5)))

    def margins(self) -> tuple[int, int]:
        """Left and right edges of content: the master's body placeholder, else 5%."""
        if self._margins is None:
            self._margins = self.sheet.margins()
        return self._margins

    def free_area(self, info: Layout, graphics: bool = True) -> Area:
        """Between the title and the footer row (CLEARANCE above it), inside the content
        margins (and, with `graphics`, clear of the template's own shapes)."""
        left, right = self.margins()
        title = info.title
        gap = inches(0.2)
        feet = [b.top for b in info.marks() if b.top > self.height / 2]
        bottom = (min(feet) if feet else self.height - inches(0.6)) - CLEARANCE
        top = title.bottom + gap if title is not None and title.top < self.height / 2 else \
            self.title_area(info).top + self.title_area(info).height + gap
        if title is not None and title.top >= self.height / 2:  # a title at the bottom
            bottom = title.top - gap
            top = inches(0.5)
        free = Area(left, top, right - left, max(bottom - top, inches(1)))
        return clear_of(free, self.graphics(info)) if graphics else free

    def graphics(self, info: Layout) -> list[Area]:
        """The template's own shapes on the layout (and the master, when the layout shows
        it): pictures, bands, boxes; not the slide-wide background ones."""
        return self.sheet.graphics(info)

    def title_area(self, info: Layout) -> Area:
        """Where a title goes when the layout has none: a band at the top."""
        left, right = self.margins()
        return Area(left, round(self.height * 0.06), right - left, round(self.height * 0.16))


def _meets(a: Area, b: Area) -> bool:
    return (min(a.left + a.width, b.left + b.width) > max(a.left, b.left)
            and min(a.top + a.height, b.top + b.height) > max(a.top, b.top))


def clear_of(free: Area, graphics: list[Area]) -> Area:
    """The largest part of `free` that no graphic covers: `free` itself, or the band above,
    below, left or right of one graphic that meets no other. When the graphics leave less
    than a quarter of it, `free` as it is (text over graphics beats no room)."""
    hits = [g for g in graphics if _meets(free, g)]
    if not hits:
        return free
    right, bottom = free.left + free.width, free.top + free.height
    candidates = []
    for g in hits:
        candidates += [Area(free.left, free.top, free.width, g.top - free.top),
                       Area(free.left, g.top + g.height, free.width, bottom - g.top - g.height),
                       Area(free.left, free.top, g.left - free.left, free.height),
                       Area(g.left + g.width, free.top, right - g.left - g.width, free.height)]
    usable = [c for c in candidates if c.width > 0 and c.height > 0
              and not any(_meets(c, g) for g in hits)]
    best = max(usable, key=lambda c: c.width * c.height, default=None)
    if best is None or best.width * best.height * 4 < free.width * free.height:
        return free
    return best

