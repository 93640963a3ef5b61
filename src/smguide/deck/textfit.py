"""Measure text with the real font metrics, so slide text is shrunk or split, never clipped.

PowerPoint and LibreOffice wrap lines themselves; we predict where they will wrap by
summing glyph advances from the font files (fontTools) and wrapping greedily at spaces,
with a small safety margin for kerning and rounding differences between clients.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

from smguide.io.usercache import font_file_widths

# The deck's type scale, in whole points: every text a deck sets is at one of these. From
# the top: the cover's, closing's and dividers' titles; content titles (32, or 28 where
# one of them needs two lines at 32: a German or 4:3 deck's); lists and sparse text (and
# a card's heading over dense text); dense text (cards, tables, a role's
# columns); the smallest body text; eyebrows and a figure's smallest labels; the footer.
# A line set a step under (or over) its text is at the next step down (or up).
SCALE = (12.0, 14.0, 18.0, 20.0, 24.0, 28.0, 32.0, 40.0)
WIDTH_MARGIN = 1.02  # clients' widths differ slightly (hinting, kerning); measure wider
HEIGHT_MARGIN = 0.96  # and use a little less than the full box height
T = TypeVar("T")


@dataclass(frozen=True, eq=False)  # compared by identity: load_metrics makes one per file
class Metrics:
    """Advance widths of one font file, in em units, and its single line height in em."""

    advances: dict[int, float]
    fallback: float
    line: float

    def width(self, text: str, size: float) -> float:
        return sum(self.advances.get(ord(c), self.fallback) for c in text) * size * WIDTH_MARGIN


@lru_cache(maxsize=32)
def load_metrics(path: Path, scale: float = 1.0) -> Metrics:
    """Read a TTF/OTF once; `scale` widens every glyph (used when the real font is unknown).

    The advance widths come from the cache (keyed by the font file's hash, see
    smguide.io.usercache), else from the font file itself with fontTools."""
    upm, line_units, widths = font_file_widths(path)
    advances = {code: units / upm * scale for code, units in widths.items()}
    fallback = advances.get(ord("M"), 0.8)
    return Metrics(advances, fallback, line_units / upm)


@dataclass(frozen=True)
class Fonts:
    """The faces of one family: regular, bold, italic, bold italic."""

    regular: Metrics
    bold: Metrics
    italic: Metrics
    bold_italic: Metrics

    def face(self, bold: bool, italic: bool) -> Metrics:
        return ((self.bold_italic if italic else self.bold) if bold
                else (self.italic if italic else self.regular))


STYLES = ("Regular", "Bold", "Italic", "Bold Italic")


@lru_cache(maxsize=32)
def _wider(a: Metrics, b: Metrics) -> Metrics:
    codes = a.advances.keys() | b.advances.keys()
    return Metrics({c: max(a.advances.get(c, a.fallback), b.advances.get(c, b.fallback))
                    for c in codes}, max(a.fallback, b.fallback), max(a.line, b.line))


def widest(a: Fonts, b: Fonts) -> Fonts:
    """Each glyph at the wider of two families' advances and lines at the taller height:
    text that fits with these fits with either family."""
    return Fonts(_wider(a.regular, b.regular), _wider(a.bold, b.bold),
                 _wider(a.italic, b.italic), _wider(a.bold_italic, b.bold_italic))


def system_fonts(family: str) -> Fonts | None:
    """The installed files of `family`, found with fontconfig (what LibreOffice will use)."""
    from smguide.handbook.glyphs import font_match

    paths = []
    for style in STYLES:
        found = font_match(family, style)
        if found is None:
            return None
        names, path = found
        if family.lower() not in (name.lower() for name in names):
            return None  # fontconfig fell back to another family
        paths.append(path)
    return Fonts(*(load_metrics(path) for path in paths))


@dataclass(frozen=True)
class Span:
    """A run of text with one style; `href` is a checked link target."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Para:
    """A paragraph as the deck writes it: its spans, bullet, and size relative to the box."""

    spans: tuple[Span, ...]
    bullet: str | None = None  # None, "•", or "#" for a numbered item
    number: int = 1  # the number of a numbered item
    scale: float = 1.0  # of the box's font size (a text read back at its size)
    step: int = 0  # steps of the type scale over (+) or under (-) the box's size
    space_before: float = 0.0  # in lines of this paragraph's size
    indent: float = 0.0  # hanging indent for the bullet, in ems of this paragraph's size
    tone: str | None = None  # a theme colour slot for the text, such as "accent2"
    marker: str | None = None  # the bullet's or number's slot, when not the text's (accent1)
    align: str | None = None  # "ctr" to centre

    def size_at(self, size: float) -> float:
        """The paragraph's size when its box's text is at `size`."""
        return stepped(size * self.scale, self.step)


def stepped(size: float, steps: int) -> float:
    """`size` moved `steps` steps along SCALE: -1 is the next step under it, 1 the next
    over it (at the scale's ends, its smallest or largest step); 0 is `size` itself."""
    if steps < 0:
        under = [step for step in SCALE if step < size]
        return under[max(0, len(under) + steps)] if under else SCALE[0]
    if steps > 0:
        over = [step for step in SCALE if step > size]
        return over[min(len(over), steps) - 1] if over else SCALE[-1]
    return size


def on_scale(base: float, minimum: float) -> list[float]:
    """The steps of SCALE from `base` down to `minimum`, largest first: the sizes text
    between them may be set at (none when no step lies between them)."""
    return [step for step in reversed(SCALE) if minimum <= step <= base]


@dataclass(frozen=True)
class Box:
    """A text frame: outer size and insets, all in points."""

    width: float
    height: float
    inset_x: float = 7.2
    inset_y: float = 3.6

    @property
    def inner_width(self) -> float:
        return self.width - 2 * self.inset_x

    @property
    def inner_height(self) -> float:
        return (self.height - 2 * self.inset_y) * HEIGHT_MARGIN


# a word and the spaces after it: lines break at spaces, never at a no-break space (a tie)
WORDS = re.compile(r"(?:\S|[\u00a0\u202f])+[^\S\u00a0\u202f]*|[^\S\u00a0\u202f]+")


@lru_cache(maxsize=4096)
def _word_widths(para: Para, fonts: Fonts) -> tuple[tuple[float, float], ...]:
    """Each word's width and its trailing spaces' width at 1 pt, in its span's face.

    Measured once per paragraph: fitting tries the same text at many sizes and widths."""
    widths = []
    for span in para.spans:
        face = fonts.face(span.bold, span.italic)
        for word in WORDS.findall(span.text):
            ink = word.rstrip()
            widths.append((face.width(ink, 1.0), face.width(word[len(ink):], 1.0)))
    return tuple(widths)


def line_count(para: Para, width: float, size: float, fonts: Fonts) -> int:
    """How many lines `para` takes in `width` points at `size` (greedy wrap at spaces)."""
    lines, used = 1, 0.0
    for ink_pt, space_pt in _word_widths(para, fonts):
        ink = ink_pt * size
        if used and used + ink > width:
            lines, used = lines + 1, 0.0
        while ink > width:  # a word longer than the line breaks anywhere
            lines, ink = lines + 1, ink - width
        used += ink + space_pt * size
    return lines


def _greedy(widths: Sequence[tuple[float, float]], width: float,
            size: float) -> list[list[int]]:
    """The words (their indices) on each line of a greedy wrap in `width` points."""
    lines: list[list[int]] = [[]]
    used = 0.0
    for index, (ink_pt, space_pt) in enumerate(widths):
        ink = ink_pt * size
        if used and used + ink > width:
            lines.append([])
            used = 0.0
        lines[-1].append(index)
        used += ink + space_pt * size
    return lines


def line_starts(para: Para, width: float, size: float, fonts: Fonts) -> list[tuple[int, int]]:
    """Where each line after the first of a greedy wrap of `para` in `width` points at
    `size` starts: (its span, the character in that span's text)."""
    starts, index = [], 0
    first = {}
    for number, span in enumerate(para.spans):
        offset = 0
        for word in WORDS.findall(span.text):
            first[index] = (number, offset)
            index, offset = index + 1, offset + len(word)
    for line in _greedy(_word_widths(para, fonts), width, size)[1:]:
        if line:
            starts.append(first[line[0]])
    return starts


def _line_inks(para: Para, width: float, size: float, fonts: Fonts) -> list[float]:
    """The width (points) of each line `para` takes wrapped in `width` points at `size`
    (its ink: a line's trailing space left out)."""
    widths = _word_widths(para, fonts)
    return [sum(widths[i][0] * size for i in line) + sum(widths[i][1] * size for i in line[:-1])
            for line in _greedy(widths, width, size) if line]


def widest_line(para: Para, width: float, size: float, fonts: Fonts) -> float:
    """The width (points) of the widest line `para` takes wrapped in `width` points at
    `size` (its ink: a line's trailing space left out)."""
    return max(_line_inks(para, width, size, fonts), default=0.0)


def shortest_line(para: Para, width: float, size: float, fonts: Fonts) -> float:
    """The width (points) of the narrowest line `para` takes wrapped in `width` points at
    `size` (its ink, as widest_line measures it)."""
    return min(_line_inks(para, width, size, fonts), default=0.0)


def lines_broken_into(para: Para, width: float, size: float, own: Fonts,
                      shown: Fonts) -> int:
    """How many lines the deck breaks `para` into, in `width` points at `size`: the one
    rule for titles, card headings, list items and cells. Whether it wraps, and into how
    many lines, is decided in the deck's own font (`own`: the font the deck names and
    embeds); the breaks are then chosen to fit `shown` (the widest of it and the fonts
    shown in its place), so no client re-wraps them into a ragged extra line. 1: not
    broken, left to the client's wrap, when it is one line in the own font (its frame,
    measured in `shown`, keeps room for the lines a substitute takes), a line fewer there
    without the measuring's safety margin (a client may show it so), or when `shown` has
    no break into as many lines (a greedy wrap takes the fewest lines there are)."""
    lines = line_count(para, width, size, own)
    if lines < 2 or line_count(para, width * WIDTH_MARGIN, size, own) < lines:
        return 1
    return lines if line_count(para, width, size, shown) == lines else 1


def balanced_lines(para: Para, width: float, size: float, fonts: Fonts) -> list[str]:
    """The text of a one-style paragraph (a title) in the lines it takes in `width` points
    at `size`, made as even as that number of lines allows (the narrowest width that still
    wraps into as many lines, as CSS's text-wrap: balance does): each line fits `width` in
    `fonts`, so with the lines broken there, the title takes as many lines in every font
    whose words are no wider. One line (the text itself) when it fits on one, or when it
    has several styles or a word longer than the line. Each line but the last keeps the
    space it broke at, so the lines joined again are the text itself: a reader that drops
    the line breaks (an outline, a screen reader) still has its words apart."""
    text = "".join(span.text for span in para.spans)
    widths = _word_widths(para, fonts)
    if len(para.spans) != 1 or any(ink * size > width for ink, _ in widths):
        return [text]
    count = len(_greedy(widths, width, size))
    if count < 2:
        return [text]
    narrow, wide = max(ink for ink, _ in widths) * size, width
    for _ in range(24):  # to a hundredth of a point or so
        middle = (narrow + wide) / 2
        if len(_greedy(widths, middle, size)) == count:
            wide = middle
        else:
            narrow = middle
    words = WORDS.findall(text)
    return ["".join(words[index] for index in line) for line in _greedy(widths, wide, size)]


def text_height(paras: Sequence[Para], width: float, size: float, fonts: Fonts,
                spacing: float = 1.0) -> float:
    """Points of height the paragraphs need in a frame `width` points wide."""
    total = 0.0
    for index, para in enumerate(paras):
        psize = para.size_at(size)
        line = psize * fonts.regular.line * spacing
        if index:
            total += para.space_before * psize
        total += line_count(para, width - para.indent * psize, psize, fonts) * line
    return total


def fits(paras: Sequence[Para], box: Box, size: float, fonts: Fonts) -> bool:
    return text_height(paras, box.inner_width, size, fonts) <= box.inner_height


def _gaps(paras: Sequence[Para]) -> list[int]:
    """The list items that follow another item (the gaps a list may open up)."""
    return [i for i, para in enumerate(paras) if i and para.bullet and paras[i - 1].bullet]


def room_between(paras: Sequence[Para], box: Box, size: float, fonts: Fonts,
                 most: float) -> float | None:
    """How much more space before each list item after the first (in lines of its size)
    would make the paragraphs fill the box's height, up to `most`; None without two
    items."""
    gaps = _gaps(paras)
    if not gaps:
        return None
    spare = box.inner_height - text_height(paras, box.inner_width, size, fonts)
    return max(0.0, min(most, spare / len(gaps) / size))


def spread(paras: Sequence[Para], extra: float) -> list[Para]:
    """The paragraphs with `extra` lines more before each list item after the first."""
    from dataclasses import replace

    gaps = set(_gaps(paras))
    return [replace(para, space_before=para.space_before + extra) if i in gaps else para
            for i, para in enumerate(paras)]


def largest_size(paras: Sequence[Para], box: Box, fonts: Fonts, base: float,
                 minimum: float) -> float | None:
    """The largest step of the type scale from `base` down to `minimum` at which it fits
    (a smaller text is set at a smaller step, never between two)."""
    return next((size for size in on_scale(base, minimum) if fits(paras, box, size, fonts)),
                None)


@dataclass
class Page(Generic[T]):
    """One slide's share of a list that did not fit on one slide."""

    items: list[T] = field(default_factory=list)
    size: float = 0.0


def paginate(items: Sequence[T], size_for: Callable[[Sequence[T]], float | None]
             ) -> list[Page[T]] | None:
    """Split `items` into as few pages as possible, each fitting at some size.

    `size_for(chunk)` returns the size a chunk fits at (or None). Pages are filled
    greedily, then balanced so the last page is not a lonely item; all pages then use
    the smallest of their sizes, so continuation slides look like the first one.
    Returns None when a single item cannot fit on a page by itself.
    """
    if size_for(items) is not None:
        return [Page(list(items), size_for(items) or 0.0)]
    pages: list[list[T]] = [[]]
    for item in items:
        if size_for([*pages[-1], item]) is None:
            if not pages[-1]:
                return None
            pages.append([])
            if size_for([item]) is None:
                return None
        pages[-1].append(item)
    balanced = _balance(list(items), len(pages), size_for) or pages
    sizes = [size_for(chunk) for chunk in balanced]
    common = min(s for s in sizes if s is not None)
    return [Page(chunk, common) for chunk in balanced]


def _balance(items: list[T], count: int, size_for: Callable[[Sequence[T]], float | None]
             ) -> list[list[T]] | None:
    """Equal-length chunks, when they fit (nicer than a full page and a one-item page)."""
    per = -(-len(items) // count)
    chunks = [items[i:i + per] for i in range(0, len(items), per)]
    if len(chunks) == count and all(size_for(chunk) is not None for chunk in chunks):
        return chunks
    return None
