"""Personal pages laid out once per shape, then stamped with each person's words.

Laying out every person's cover and first-week page costs WeasyPrint most of a copy's
time, though the pages of two people differ only in a few one-line texts: a name, a team,
a date. So the people of a chunk are grouped by which of their fields are filled in (the
templates' `{% if %}`s see only that), and each group's pages are laid out once with
*markers* in those fields (digit strings no text transform changes). Each text box that
holds a marker is a slot. For every person, each slot's text is measured with the real
font by the engine's own line breaker (Pango, with the box's computed style); if it fits
on the slot's line with the same height and baseline, it is drawn there by the engine's
own text painter, so the glyphs, their positions, the font subsets and the ToUnicode maps
are exactly what a full layout makes. The group's first person is also laid out in full,
and their stamped pages must be byte for byte the same as those: else (a template or CSS
that makes a slot depend on more than its text) the whole group is laid out in full. A
person whose words do not fit a slot (a name that wraps, a script the font lacks) is laid
out in full too. Tagging is the first person's: the same elements, the same marked
content ids.

Only the built-in personal-page templates are stamped: an override may branch on the
values themselves (`{% if hire.team == "Sales" %}`), which no marker can stand for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

MARK = "7310{:02d}0137"  # ten digits: no layout text has such a run, no transform alters it
SLOT, VARIANT, END = b"%smguide-slot", b"%smguide-variant", b"%smguide-end"
MODEL = "/SmguideStructureOf"  # on a stamped page: the page whose tagged structure it has
TEMPLATES = ("handbook/personal.html.j2", "handbook/personal-cover.html.j2",
             "handbook/personal-week.html.j2")


def shape(person: Any) -> tuple[Any, ...]:
    """What the templates can tell apart without reading the words: which fields are set."""
    hire = person.hire
    return (bool(hire.team), bool(hire.role), bool(hire.manager), bool(hire.buddy),
            bool(person.start_date), bool(person.other_team),
            tuple(sorted(key for key, value in hire.extra.items() if value)))


def values(person: Any) -> dict[str, str]:
    hire = person.hire
    found = {"name": hire.name, "team": hire.team, "role": hire.role,
             "manager": hire.manager, "buddy": hire.buddy, "start_date": person.start_date,
             "other_team": person.other_team,
             **{f"extra:{key}": value for key, value in hire.extra.items()}}
    return {key: value for key, value in found.items() if value}


def marked(person: Any) -> tuple[Any, dict[str, str]]:
    """The person with a marker in every filled-in field, and {marker: field}."""
    markers = {MARK.format(n): key for n, key in enumerate(sorted(values(person)))}
    of = {key: marker for marker, key in markers.items()}
    hire = person.hire
    stand_in = replace(hire, name=of["name"], slug="smguide-model",
                       team=of.get("team"), role=of.get("role"),
                       manager=of.get("manager"), buddy=of.get("buddy"),
                       extra={key: of.get(f"extra:{key}", "") for key in hire.extra})
    return replace(person, hire=stand_in, start_date=of.get("start_date"),
                   other_team=of.get("other_team")), markers


@dataclass
class Slot:
    box: Any  # the laid-out text box (WeasyPrint's) holding the markers
    available: float  # the width its line has from where the box starts
    line_start: bool


def _leaves(box: Any, inline: tuple[Any, ...] = ()) -> Iterator[tuple[Any, tuple[Any, ...]]]:
    from weasyprint.formatting_structure import boxes

    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.InlineBox):
            yield from _leaves(child, (*inline, child))
        else:
            yield child, inline


def find_slots(page: Any, markers: dict[str, str]) -> list[Slot] | None:
    """The page's slots, or None when a marker is where it cannot be stamped."""
    from weasyprint.formatting_structure import boxes

    slots: list[Slot] = []
    floats: list[Any] = []
    failed = False

    def walk(box: Any, parent: Any) -> None:
        nonlocal failed
        if getattr(box, "is_floated", lambda: False)():
            floats.append(box)
        if isinstance(box, boxes.LineBox):
            leaves = list(_leaves(box))
            lines = [c for c in parent.children if isinstance(c, boxes.LineBox)]
            for n, (leaf, inline) in enumerate(leaves):
                text = getattr(leaf, "text", "")
                if not any(marker in text for marker in markers):
                    if isinstance(leaf, boxes.ParentBox):
                        walk(leaf, box)
                    continue
                if not (n == len(leaves) - 1 and box is lines[-1] and _stampable(box)):
                    failed = True
                    return
                right = parent.content_box_x() + parent.width - sum(
                    a.margin_right + a.padding_right + a.border_right_width for a in inline)
                slots.append(Slot(leaf, right - leaf.position_x,
                                  line_start=n == 0 and not leaf.position_x > box.position_x))
            return
        text = getattr(box, "text", None)
        if text is not None and any(marker in text for marker in markers):
            failed = True  # text outside a line (a list marker): not a slot
            return
        for child in getattr(box, "children", ()):
            walk(child, box)

    walk(page._page_box, None)
    return None if failed or _narrowed(slots, floats) else slots


def _stampable(line: Any) -> bool:
    """Whether the end of `line` (a paragraph's last) can take a stamped name: set left to
    right, aligned at the start, and not cut off."""
    align = line.style["text_align_last"]
    if align == "auto":
        align = line.style["text_align_all"]
    return (line.style["direction"] == "ltr" and align in ("start", "left", "justify")
            and getattr(line, "text_overflow", "clip") == "clip"
            and getattr(line, "block_ellipsis", "none") == "none")


def _narrowed(slots: list[Slot], floats: list[Any]) -> bool:
    """Whether a float beside a slot's line would narrow it."""
    for slot in slots:
        top = slot.box.position_y
        bottom = top + slot.box.margin_height()
        if any(box.position_y < bottom and box.position_y + box.margin_height() > top
               for box in floats):
            return True
    return False


class LineContext:
    """What the line breaker asks of a layout context (hyphenation dictionaries)."""

    def __init__(self) -> None:
        self.dictionaries: dict[Any, Any] = {}


def fill(slot: Slot, text: str, context: LineContext) -> Any | None:
    """The slot's box with `text` in it, measured; None if it does not fit the same way."""
    from weasyprint.text.line_break import split_first_line

    model = slot.box
    box = model.copy_with_text(text)
    box.process_whitespace()
    box.process_text_transform()
    if not box.text.strip():
        return None
    layout, _, resume, width, height, baseline = split_first_line(
        box.text, box.style, context, slot.available, box.justification_spacing,
        is_line_start=slot.line_start)
    if (resume is not None or width > slot.available + 1e-6 or layout.text != box.text or
            abs(height - model.height) > 1e-6 or
            abs(baseline + model.margin_top - model.baseline) > 1e-6):
        return None
    box.width, box.pango_layout = width, layout
    return box


def substitute(text: str, markers: dict[str, str], words: dict[str, str]) -> str:
    return re.sub("|".join(markers), lambda m: words[markers[m.group(0)]], text)


@contextmanager
def stamping(variants: dict[int, list[Any]]) -> Iterator[dict[int, int]]:
    """While the engine writes the PDF: each slot box (by id) is drawn once per variant,
    between comment lines that `split` finds; yields how often each slot was drawn."""
    import weasyprint.draw as draw

    original = draw.draw_text
    drawn: dict[int, int] = {}

    def draw_text(stream: Any, textbox: Any, offset_x: float, text_overflow: str,
                  block_ellipsis: str = "none") -> None:
        boxes = variants.get(id(textbox))
        if boxes is None:
            original(stream, textbox, offset_x, text_overflow, block_ellipsis)
            return
        drawn[id(textbox)] = drawn.get(id(textbox), 0) + 1
        # the stream leaves out a colour or font it believes set: every variant starts
        # from the state the slot starts with, and must end in one same state, which the
        # content after the slot assumes
        before = _state(stream)
        after = None
        stream.stream.append(SLOT)
        painted: dict[int, list[Any]] = {}  # one box drawn for many people: drawn once
        for box in boxes:
            _restore(stream, before)
            stream.stream.append(VARIANT)
            if id(box) in painted:
                stream.stream.extend(painted[id(box)])
                continue
            start = len(stream.stream)
            original(stream, box, offset_x, text_overflow, block_ellipsis)
            painted[id(box)] = stream.stream[start:]
            if after is not None and _state(stream) != after:
                drawn[id(textbox)] = -1  # not stampable: `split` is not asked
            after = _state(stream)
        if after is not None:
            _restore(stream, after)
        stream.stream.append(END)

    draw.draw_text = draw_text
    try:
        yield drawn
    finally:
        draw.draw_text = original


def _state(stream: Any) -> dict[str, Any]:
    """What the engine's stream remembers of the graphics state (colours, alpha, font)."""
    state = {key: value for key, value in vars(stream).items()
             if key.startswith(("_current", "_old"))}
    state["_ctm_stack"] = list(stream._ctm_stack)
    return state


def _restore(stream: Any, state: dict[str, Any]) -> None:
    for key, value in state.items():
        setattr(stream, key, list(value) if key == "_ctm_stack" else value)


def split(content: bytes, count: int) -> list[bytes] | None:
    """A stamped page's content for each of `count` variants (None if it is not one)."""
    statics: list[bytes] = []
    slots: list[list[bytes]] = []
    rest = content
    while True:
        start = rest.find(b"\n" + SLOT + b"\n")
        if start < 0:
            statics.append(rest)
            break
        statics.append(rest[:start])
        end = rest.find(b"\n" + END, start)
        if end < 0:
            return None
        inner = rest[start + len(SLOT) + 2:end]
        parts = inner.split(VARIANT + b"\n")
        if parts[0] != b"" or len(parts) != count + 1:
            return None
        slots.append([part[:-1] if part.endswith(b"\n") else part for part in parts[1:]])
        rest = rest[end + 1 + len(END):]
        rest = rest[1:] if rest.startswith(b"\n") else rest
    if not slots:
        return None
    out = []
    for n in range(count):
        pieces = [statics[0]]
        for slot, static in zip(slots, statics[1:], strict=True):
            pieces += [slot[n], static]
        out.append(b"\n".join(pieces))
    return out
