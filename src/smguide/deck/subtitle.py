"""Where the line under a title goes on the title, closing and divider slides: at the
title's text edge, a designed distance under the title's last line.

A company template places its title and subtitle boxes for its own design (a centred
title slide, a divider with its text above the title); the subtitle box lines up with
the title as its text is aligned (left-aligned: starting where the title's box does;
centred, as a template may centre both: across the title's box), and goes under the
title's text (not its box: a title centred in a tall box leaves a gap that reads as a
mistake). The
distance is the template's own, from its layout's boxes, kept between a quarter and
three fifths of the title's size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from smguide.deck.fidelity import inherited
from smguide.deck.placeholders import MASTER_TYPE
from smguide.deck.textfit import HEIGHT_MARGIN, Box, Fonts, Para, Span, text_height
from smguide.deck.write import frame_box

if TYPE_CHECKING:
    from smguide.deck.context import DeckContext

EMU_PER_PT = 12700
CLOSEST, FARTHEST = 0.25, 0.6  # the distance's bounds, in title sizes
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def anchor_of(shape: Any) -> str:
    """How the shape's text sits in its box (t, ctr, b): its own, else its layout
    placeholder's, else the master's placeholder of its type; top when none says."""
    owners = [shape]
    if shape.is_placeholder:
        layout = shape.part.slide_layout
        owners.append(layout.placeholders.get(idx=shape.placeholder_format.idx))
        wanted = MASTER_TYPE.get(_type(shape), _type(shape))
        owners.append(next((ph for ph in layout.slide_master.placeholders
                            if MASTER_TYPE.get(_type(ph), _type(ph)) == wanted), None))
    for owner in owners:
        body = owner._element.find(f".//{_A}bodyPr") if owner is not None else None
        if body is not None and body.get("anchor"):
            return str(body.get("anchor"))
    return "t"


def aligned(shape: Any) -> str:
    """How the shape's first paragraph is aligned (l, ctr, r): as a company template
    aligns its placeholder's text (fidelity.inherited: the template's alignment wins),
    else as smguide set it, else left."""
    own = inherited(shape, _type(shape), 0) if shape.is_placeholder else None
    if own is None and shape.has_text_frame and shape.text_frame.paragraphs:
        props = shape.text_frame.paragraphs[0]._p.pPr
        own = props.get("algn") if props is not None else None
    return {"just": "l", "dist": "ctr"}.get(own, own) if own else "l"


def _type(shape: Any) -> str:
    """A placeholder's type as its XML says it (obj when it says none)."""
    ph = shape._element.find(f".//{_P}nvPr/{_P}ph")
    return str(ph.get("type", "obj")) if ph is not None else "obj"


def text_extent(deck: DeckContext, title: Any, fonts: Fonts | None = None
                ) -> tuple[int, int]:
    """(top, bottom) of the title's text with its frame's insets (EMU), from the size and
    lines it was set in and how its text sits in the box (a little slack kept, as the
    fitting keeps it), measured in `fonts` (default: the deck's heading fonts)."""
    _, top, _, height = deck.geometry(title)
    paras = [line for paragraph in title.text_frame.paragraphs for line in _lines(paragraph)]
    size = _size(title)
    if not paras or size is None:
        return int(top), int(top + height)
    used = min(height, used_height(paras, frame_box(title), size, fonts or deck.head_fonts)
               * EMU_PER_PT)
    anchor = anchor_of(title)
    start = top + height - used if anchor == "b" else \
        top + (height - used) / 2 if anchor == "ctr" else top
    return round(start), round(start + used)


def used_height(paras: list[Para], box: Box, size: float, fonts: Fonts) -> float:
    """Points of a text frame's height its text takes at `size`, with its insets (a
    little slack kept, as the fitting keeps it)."""
    return text_height(paras, box.inner_width, size, fonts) / HEIGHT_MARGIN + 2 * box.inset_y


def spare_above(deck: DeckContext, title: Any) -> int:
    """EMU of the title's box on its layout above its text: a layout's title box holds
    more lines than a short title takes (a bottom-anchored one leaves them empty at its
    top; a centred one, made to hug its text, half of them)."""
    start, _ = text_extent(deck, title)
    top = deck.geometry(title)[1]
    if title.is_placeholder:
        own = title.part.slide_layout.placeholders.get(idx=title.placeholder_format.idx)
        top = own.top if own is not None and own.top is not None else top
    return max(0, start - top)


def make_room(deck: DeckContext, title: Any, line: Any, need: int) -> None:
    """Where the lines under the title need `need` EMU and their box is shorter, the
    title and the lines move up together into the title's spare room (spare_above), the
    title's box hugging its text and the lines' box growing by as much, so the lines
    keep their size (fitting measures the same room: room_for)."""
    from pptx.util import Emu

    left, top, width, height = deck.geometry(line)
    up = max(0, min(need - height, spare_above(deck, title)))
    down = max(0, min(need - height - up, _floor(deck, line) - (top + height)))
    if up + down <= 0:
        return
    if up:
        start, end = text_extent(deck, title)
        title_left, _, title_width, _ = deck.geometry(title)
        title.left, title.top = Emu(title_left), Emu(start - up)
        title.width, title.height = Emu(title_width), Emu(end - start)
    line.left, line.top, line.width, line.height = (Emu(left), Emu(top - up), Emu(width),
                                                    Emu(height + up + down))


def _floor(deck: DeckContext, line: Any) -> int:
    """How far down the lines' box may grow: to a quarter inch above the first of the
    layout's shapes under it (a company template's footer), else to the slide's foot
    less the box's distance from the slide's left edge (the built-in theme's boxes
    already reach it)."""
    left, top, width, height = deck.geometry(line)
    floor = (deck.prs.slide_height or 0) - left
    for shape in line.part.slide_layout.shapes if line.is_placeholder else ():
        if shape.top is not None and shape.height and shape.top >= top + height and \
                shape.left < left + width and shape.left + shape.width > left:
            floor = min(floor, shape.top - 228600)
    return int(floor)


def room_for(box: Box, title_box: Box, title: list[Para], size: float, fonts: Fonts) -> Box:
    """The room the lines under a title have (`box`, their frame), without a slide: grown
    by the title's box's spare room above its text at `size`, as make_room grows it."""
    spare = max(0.0, title_box.height - used_height(title, title_box, size, fonts))
    return Box(box.width, box.height + spare, box.inset_x, box.inset_y)


def _lines(paragraph: Any) -> list[Para]:
    """A paragraph's runs as text to measure, one Para per line its line breaks (<a:br>)
    end; none for an empty paragraph."""
    lines: list[list[Span]] = [[]]
    for child in paragraph._p:
        if child.tag == f"{_A}br":
            lines.append([])
        elif child.tag == f"{_A}r":
            props = child.find(f"{_A}rPr")
            bold, italic = ((props.get("b") in ("1", "true"), props.get("i") in ("1", "true"))
                            if props is not None else (False, False))
            lines[-1].append(Span("".join(t.text or "" for t in child.iter(f"{_A}t")),
                                  bold, italic))
    return [Para(tuple(spans)) for spans in lines if spans] if any(lines) else []


def _size(shape: Any) -> float | None:
    """The size a shape's text was set at (its first run's)."""
    return next((run.font.size.pt for p in shape.text_frame.paragraphs for run in p.runs
                 if run.font.size), None)


def distance(title: Any, gap: int) -> int:
    """`gap` (the template's own, in EMU) kept within the bounds for the title's size."""
    size = _size(title) or 40.0
    return round(min(max(gap, CLOSEST * size * EMU_PER_PT), FARTHEST * size * EMU_PER_PT))


def under_title(deck: DeckContext, title: Any, line: Any) -> None:
    """The line (subtitle) where the layout has it below the title: at the title's text
    edge; and, when the layout means the two to read together (its box at most the
    title's size below the title's box), under the title's text at the layout's distance
    (place_under). A line the template set well apart (on a panel of its own, say) stays
    at its height."""
    _, top, _, height = deck.geometry(title)
    line_top = deck.geometry(line)[1]
    if line_top < top + height / 2:
        return
    gap = line_top - (top + height)
    if gap <= (_size(title) or 40.0) * EMU_PER_PT:
        place_under(deck, title, line, gap)
    else:
        _at_edge(deck, title, line)


def _at_edge(deck: DeckContext, title: Any, line: Any, top: int | None = None) -> None:
    """`line` lined up with the title as the template aligns the line's text: left-aligned
    text starts where the title's box does (the text edges meet: both frames have
    smguide's insets), its right edge kept; centred text takes the title's box across
    (a template's subtitle box narrower than its title's centred its lines off the
    title's centre), right-aligned text ends where the title's box does; at `top` when
    given."""
    from pptx.util import Emu

    left, _, width, _ = deck.geometry(title)
    was = deck.geometry(line)
    align = aligned(line)
    if align == "ctr":
        edges = (left, width)
    elif align == "r":
        edges = (was[0], max(left + width - was[0], 0))
    else:
        edges = (left, was[0] + was[2] - left)
    now = (edges[0], was[1] if top is None else top, edges[1], was[3])
    if now != tuple(was):  # else it keeps inheriting its layout's box
        line.left, line.top = Emu(now[0]), Emu(now[1])
        line.width, line.height = Emu(now[2]), Emu(now[3])


def place_under(deck: DeckContext, title: Any, line: Any, gap: int) -> None:
    """Move `line` (the subtitle box) to the title's text edge and under its text, `gap`
    (the template's distance, bounded) below it, its text set at the box's top; the box
    keeps the height the template gave it. A title box taller than its text (a centred
    title) is made to hug its text, so the two boxes never overlap."""
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Emu

    left, title_top, width, title_height = deck.geometry(title)
    text_top, text_bottom = text_extent(deck, title)
    new_top = text_bottom + distance(title, gap)
    if new_top < title_top + title_height:  # the title's box hugs its text
        title.left, title.top = Emu(left), Emu(text_top)  # (all four: a placeholder
        title.width, title.height = Emu(width), Emu(text_bottom - text_top)  # inherits)
    _at_edge(deck, title, line, new_top)
    if anchor_of(line) != "t":
        line.text_frame.vertical_anchor = MSO_ANCHOR.TOP
