"""Headings' words, measured with the brand's faces: the running head cut to one line,
and a heading's last two words tied so that none ends on one short word."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from smguide.handbook.grid import FALLBACK_EM, PT_PER_MM, text_width
from smguide.handbook.hyphenation import SOFT_HYPHEN
from smguide.sources.brand import Brand

LETTER_RUNS = re.compile(r"[^\W\d_]+")

RUNNING_HEAD_PT = 8.5  # brand.css.j2's running head
ELLIPSIS = "\u2026"


def running_head(title: str, measure_mm: float, brand: Brand) -> str:
    """`title` as the running head prints it on one line of the text's width: whole, or
    cut after the last word that fits, with an ellipsis (the brand's regular text face,
    measured with fontTools, 3% kept for kerning; a face we cannot read: FALLBACK_EM)."""
    face = next((f for f in brand.faces if f.family == brand.base_family
                 and f.weight == 400 and f.style == "normal"), None)
    room = measure_mm * 0.97 * PT_PER_MM / RUNNING_HEAD_PT  # in ems

    def width(text: str) -> float:
        return text_width(face.path, text) if face else len(text) * FALLBACK_EM

    if width(title) <= room:
        return title
    words = title.split()
    while len(words) > 1:
        words.pop()
        cut = " ".join(words).rstrip(",;:–—-") + ELLIPSIS
        if width(cut) <= room:
            return cut
    return title  # one word longer than the line: the head shows it whole



HEADING = re.compile(r"(<h([1-3])\b[^>]*>)([^<]*)(</h[1-3]>)")
HEADING_EM = 2.2  # the largest heading in the text (a chapter's title), in body ems
HEADING_RUNT = 8  # a heading's last word shorter than this (in letters) never ends alone
HEADING_ROOM = 0.8  # the tied pair's widest share of the line (kerning and bold kept)
BALANCE_ROOM = 0.95  # a balanced title's lines take at most this share of the line
# a lead of two lines is balanced when its last line, as it falls, would take less than
# this share of its first ("Short definitions ... most often in your first" / "weeks.")
LEAD_SHORT = 0.5
KERNING = 0.97  # the share of a line a word may fill when measured without kerning


def tie_headings(html: str, measure_mm: float, body_pt: float, brand: Brand,
                 apart: Callable[[str], str] | None = None,
                 title_mm: float | None = None) -> str:
    """Every heading's last two words tied with a no-break space when the last is short
    (a chapter's title, h1: whatever its length), so that no heading ends on a line of
    one short word, and no chapter title on a line of one word: only when the two fit in
    HEADING_ROOM of the text's width at the largest heading size (the brand's heading
    face, measured with fontTools), so the tie never makes a line overflow. A chapter's
    title (h1 class="chapter-title", `title_mm` wide: the text and the notes margin it
    reaches into) that takes two lines is balanced: broken where its two lines are
    closest in width ("Sales and marketing / side by side", not "Sales and marketing
    side / by side"; WeasyPrint has no `text-wrap: balance`). With `apart`
    (the language's hyphenator, handbook/hyphenation.py), its words get the non-joiners
    it gives, no soft hyphen: no ligature across a compound's joint ("Auf|bau") in a
    heading either, as in the text (typeset.py)."""
    face = next((f for f in brand.faces if f.family == brand.heading_family
                 and f.style == "normal" and f.weight >= 600), None) or next(
        (f for f in brand.faces if f.family == brand.heading_family), None)
    room = measure_mm * PT_PER_MM * HEADING_ROOM / (HEADING_EM * body_pt)  # in ems
    title_room = (title_mm or measure_mm) * PT_PER_MM / (HEADING_EM * body_pt)  # in ems

    def width(text: str) -> float:
        return text_width(face.path, text) if face else len(text) * FALLBACK_EM * 1.1

    def tie(match: re.Match[str]) -> str:
        start, level, text, end = match.groups()
        words = text.rstrip().split(" ")
        set_text = text.rstrip()
        two = balanced(words, title_room, width) if 'class="chapter-title"' in start \
            and all(words) else None
        if two is not None:
            set_text = two
        elif len(words) >= 2 and all(words[-2:]):
            letters = LETTER_RUNS.findall(words[-1])
            pair = f"{words[-2]} {words[-1]}"
            short = level == "1" or len("".join(letters)) < HEADING_RUNT
            if letters and short and width(pair) <= room:
                set_text = " ".join([*words[:-2], f"{words[-2]}\u00a0{words[-1]}"])
        if apart is not None:
            set_text = LETTER_RUNS.sub(lambda m: apart(m.group(0)).replace(SOFT_HYPHEN, ""),
                                       set_text)
        if set_text == text.rstrip():
            return match.group(0)
        # the PDF's bookmark keeps the heading as written (handbook.css: [data-plain]);
        # `text` is already escaped HTML, so it goes into the attribute as it is
        plain = f'{start[:-1]} data-plain="{text.strip()}">'
        return plain + set_text + text[len(text.rstrip()):] + end

    return HEADING.sub(tie, html)


def balanced(words: list[str], room: float, width: Callable[[str], float],
             wider_first: bool = False) -> str | None:
    """`words` set as two lines about as wide as each other (the words of each tied with
    no-break spaces), when they take more than one line `room` ems wide and fit on two
    within BALANCE_ROOM of it; else None (one line, or three and more: as they fall). A
    first line shorter than the second counts its difference half again: a title reads
    best wider at the top ("Why sales and marketing / get mixed up"); `wider_first`: it
    is never shorter (a lead)."""
    if len(words) < 3 or width(" ".join(words)) <= room:
        return None
    fits = []
    for cut in range(1, len(words)):
        first, second = width(" ".join(words[:cut])), width(" ".join(words[cut:]))
        if wider_first and first < second:
            continue
        if max(first, second) <= room * BALANCE_ROOM:
            fits.append((abs(first - second) * (1.5 if first < second else 1), cut))
    if not fits:
        return None
    cut = min(fits)[1]
    return "\u00a0".join(words[:cut]) + " " + "\u00a0".join(words[cut:])


def balance_leads(html: str, lead_mm: float, lead_pt: float, brand: Brand,
                  name: str = "chapter-summary") -> str:
    """Every chapter opener's lead (its summary, plain text) that takes two lines and whose
    last line would take less than LEAD_SHORT of its first, set on a narrower measure so
    that its two lines are about as wide as each other, the first the wider (`balanced`:
    as a chapter's title is), and its last line is not a stub under a full one ("... most
    often in your first" / "weeks."): a max-width on the paragraph between its balanced
    lines' wider one and its first line with the next word (the brand's regular text
    face, measured with fontTools; KERNING kept), so the lines fall where they are
    balanced with no no-break space (rags.py reads a line that stops before the box's
    edge as notched). `lead_mm`: the lead's measure (the text and the notes margin it
    reaches into); `name`: the paragraphs' class (the cover's subtitle is set so too:
    "What the two teams do, how they differ / and why they need each other", not "... and
    why" / "they need each other")."""
    face = next((f for f in brand.faces if f.family == brand.base_family
                 and f.weight == 400 and f.style == "normal"), None)
    room = lead_mm * PT_PER_MM / lead_pt  # in ems

    def width(text: str) -> float:
        return text_width(face.path, text) if face else len(text) * FALLBACK_EM

    def balance(match: re.Match[str]) -> str:
        start, close, text, end = match.groups()
        words = text.split()
        lines = _falling(words, room * KERNING, width)
        if len(lines) != 2 or width(lines[1]) >= LEAD_SHORT * width(lines[0]):
            return match.group(0)
        two = balanced(words, room * KERNING, width, wider_first=True)
        if two is None:
            return match.group(0)
        cut = two.split(" ")[0].count("\u00a0") + 1
        wide = max(width(" ".join(words[:cut])), width(" ".join(words[cut:])))
        measure = math.ceil(wide * lead_pt / PT_PER_MM * 10 + 1) / 10  # mm, 0.1 to spare
        if width(" ".join(words[:cut + 1])) * KERNING * lead_pt / PT_PER_MM <= measure:
            return match.group(0)  # no measure between the two: as it falls
        return f'{start} style="max-width: {measure:g}mm"{close}{text}{end}'

    return re.sub(rf'(<p class="{re.escape(name)}")(>)([^<]*)(</p>)', balance, html)


def _falling(words: list[str], room: float, width: Callable[[str], float]) -> list[str]:
    """`words` broken into lines of at most `room` ems, as a line breaker fills them."""
    lines: list[list[str]] = [[]]
    for word in words:
        if lines[-1] and width(" ".join([*lines[-1], word])) > room:
            lines.append([])
        lines[-1].append(word)
    return [" ".join(line) for line in lines]
