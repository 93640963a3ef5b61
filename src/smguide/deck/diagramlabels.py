"""An analogy diagram's labels on a slide: one size for all, the largest at which each
name stays on one line and what it stands for on at most two (else wrapped as they fit,
down to 14 pt), never leaving a short word alone on a line, in a colour that reads on
the band."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from smguide.deck.diagramcanvas import LABEL, Canvas, label_span
from smguide.deck.diagramcolours import is_dark
from smguide.deck.slides import too_long
from smguide.deck.textfit import (
    Box,
    Fonts,
    Para,
    fits,
    largest_size,
    line_count,
    on_scale,
    shortest_line,
)
from smguide.deck.write import fill, typed_spans
from smguide.model.diagram import Placed, Scene

if TYPE_CHECKING:
    from smguide.deck.context import DeckContext
    from smguide.deck.plan import PlannedSlide

def _anchors() -> dict[str, Any]:
    from pptx.enum.text import MSO_ANCHOR

    return {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


LABEL_INSET = 45720  # a label's text box's left and right insets (EMU)


def _label_box(c: Canvas, part: Placed, room: float = 0.0) -> Box:
    # as tall again as the handbook's label where the slide is short (a scene of many
    # rows, scaled down): 14 pt lines need more room than the scaled 15-unit lines;
    # `room`: the scene units its text box reaches on to the right (room_right)
    return Box(c.d(part.label.w + room) / 12700, c.d(part.label.h * c.grow) / 12700,
               3.6, 1.8)


def _measured_box(deck: DeckContext, c: Canvas, scene: Scene, part: Placed,
                  paras: list[Para]) -> Box:
    """The box a label is fitted in: its text box as add_labels draws it, the free room
    at its right included, where no font shown in place of the deck's own is wider for
    its words (the dark template's DejaVu Sans: that room is kept for a wider stand-in,
    and there is none, so the German seed's 'Der Samen' took the labels to 14 pt at a
    hair over its box); the scene's label box elsewhere, and for a result (moved to the
    margin after the labels are fitted, diagramroom.to_the_margin)."""
    own, shown = deck.own_body_fonts, deck.body_fonts
    wider = any(shown.face(span.bold, span.italic).width(span.text, 1.0)
                > own.face(span.bold, span.italic).width(span.text, 1.0) + 1e-6
                for para in paras for span in para.spans)
    if wider or part.role == "results":
        return _label_box(c, part)
    return _label_box(c, part, room_right(part, scene, c.grow))


def _two_lines(paras: list[Para], box: Box, fonts: Fonts) -> float | None:
    """The largest label size at which the name takes one line and what it stands for at
    most two, within the box."""
    width = box.inner_width
    return next((size for size in on_scale(*LABEL)
                 if line_count(paras[0], width, size, fonts) == 1
                 and all(line_count(p, width, size, fonts) <= 2 for p in paras[1:])
                 and fits(paras, box, size, fonts)), None)


def fit_labels(deck: DeckContext, planned: PlannedSlide, c: Canvas, scene: Scene,
                lines: bool, said: set[int] | frozenset[int] = frozenset()
                ) -> tuple[float, dict[int, list[Para]]] | None:
    """(one size for every label, each label's paragraphs): name (bold) and what it
    stands for, in the band's text colour on the band (band_text), else the text colour.
    With `lines`, None unless every label holds them on one and two lines at 14 pt or
    more; without, a label too long for 14 pt keeps its name only, as do the parts
    `said` (their stands_for taken out of the scene), with a warning once the labels
    fit, and one whose name does not fit is refused."""
    lang = deck.lang
    texts: dict[int, list[Para]] = {}
    on_band = band_text(deck)
    # off the band, on the slide's own background (a template's picture, say)
    off_band = deck.tones.readable("tx1", deck.tones.behind(deck.pick_of(planned).layout))
    for part in scene.parts:
        tone = on_band if part.label.on_band else off_band
        align = part.label.align
        name = typed_spans(part.name, lang, bold=True)
        texts[part.index] = [Para(name, tone=tone, align=align)]
        if part.index not in said:
            texts[part.index].append(Para(typed_spans(part.stands_for, lang), tone=tone,
                                          align=align))
    sizes = {}
    short = [part for part in scene.parts if part.index in said]
    fonts = deck.own_body_fonts  # the labels' tiles leave no room for a wider stand-in font
    for part in scene.parts:
        paras = texts[part.index]
        box = _measured_box(deck, c, scene, part, paras)
        if lines:
            size = _two_lines(paras, box, fonts)
            if size is None:
                return None
            sizes[part.index] = size
            continue
        size = largest_size(paras, box, fonts, *LABEL)
        if size is None:  # too long to read at 14 pt: the name stays, the rest is said
            texts[part.index] = paras[:1]
            size = largest_size(paras[:1], box, fonts, *LABEL)
            short.append(part)
        if size is None:
            raise too_long(deck, planned, "a label of the diagram",
                           f"{part.name}: {part.stands_for}" if part.stands_for
                           else part.name, minimum=LABEL[1])
        sizes[part.index] = size
    for part in short:
        deck.warn(deck.at(planned, f"the diagram's label for {part.name} shows only its "
                          f"name: what it stands for does not fit at {LABEL[1]:g} pt "
                          "(shorten stands_for)", "shorten stands_for"))
    size = min(sizes.values())
    for part in scene.parts:
        width = _measured_box(deck, c, scene, part, texts[part.index]).inner_width
        texts[part.index] = [tied(para, width, size, fonts) for para in texts[part.index]]
    return size, texts


def tied(para: Para, width: float, size: float, fonts: Fonts) -> Para:
    """A label's paragraph with its last two words tied by a no-break space where that
    leaves no line shorter than the wrap without it did, so a short word is never left
    alone on a line: "Revenue and / customer value", not "Revenue and customer / value",
    but "Umsatz und / Kundennutzen", not "Umsatz / und Kundennutzen" (its long last word
    alone is the wider line); as it was when the tie would take a line more."""
    last = para.spans[-1] if para.spans else None
    lines = line_count(para, width, size, fonts)
    if last is None or lines < 2 or " " not in last.text.strip():
        return para
    head, _, tail = last.text.rstrip().rpartition(" ")
    joined = replace(para, spans=(*para.spans[:-1], replace(last, text=f"{head}\u00a0{tail}")))
    if line_count(joined, width, size, fonts) != lines:
        return para
    return joined if shortest_line(joined, width, size, fonts) >= shortest_line(
        para, width, size, fonts) else para


def band_text(deck: DeckContext) -> str:
    """The labels' colour on the band: dark on a light deck's tint (whatever the slide's
    background), the text colour on a dark deck's panel."""
    return "tx1" if is_dark(deck.tones.colours()) else deck.tones.darkest()


def add_labels(shapes: Any, c: Canvas, scene: Scene, size: float,
            texts: dict[int, list[Para]]) -> None:
    """Each label's text box, all at one size."""
    for part in scene.parts:
        label = part.label
        top, bottom = label_span(part, c.grow)
        # the text, an inset in, starts where the scene's label does (as in the handbook);
        # a left-aligned label's box reaches on into the free room at its right
        box = shapes.add_textbox(c.x(label.x) - LABEL_INSET, c.y(top),
                                 c.d(label.w + room_right(part, scene, c.grow)),
                                 c.d(bottom - top))
        box.name = f"Label: {part.name}"
        fill(box, texts[part.index], size)
        frame = box.text_frame
        frame.margin_left = frame.margin_right = LABEL_INSET
        frame.margin_top = frame.margin_bottom = 22860
        frame.vertical_anchor = _anchors()[label.anchor]


ROOM = 0.35  # a label's box may reach this much of its width further right
GAP = 4.0  # and stops this far (scene units) short of what is there


def room_right(part: Placed, scene: Scene, grow: float) -> float:
    """How much wider a left-aligned label's text box may be, into the free room at its
    right (up to ROOM of its width): the labels were measured with the fonts the theme
    names, and a computer that lacks them shows a wider one (LibreOffice's DejaVu Sans is
    about 30% wider than Lato), which would break a name ("Le / navire") in a box
    measured to the letter. What the slide shows is unchanged where the fonts are there;
    the room is taken only where no other part's pictogram or label is, and for a label
    on the band, inside the band (the German soil's "Marktforschung und Strategie" ran
    to the band's edge at 16:9)."""
    label = part.label
    if label.align != "l":
        return 0.0
    top, bottom = label_span(part, grow)
    right = label.x + label.w
    limit = scene.width
    if label.on_band and scene.band is not None:  # a label on the band stays on it
        limit = scene.band.x + scene.band.w - 2 * GAP
    for other in scene.parts:
        if other is part:
            continue
        o_top, o_bottom = label_span(other, grow)
        boxes = [(other.label.x, o_top, other.label.x + other.label.w, o_bottom)]
        if other.drawn:
            boxes.append((other.x, other.y, other.x + other.size, other.y + other.size))
        for x0, y0, _x1, y1 in boxes:
            if y1 > top and y0 < bottom and x0 >= right - 0.5:
                limit = min(limit, x0 - GAP)
    return max(0.0, min(limit - right, label.w * ROOM))
