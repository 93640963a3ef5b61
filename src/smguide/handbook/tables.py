"""How a comparison table is set on the page: its columns side by side at a size where
every word fits its column; where none at 8 pt or more does, each row's aspect set above
its values, which then share the whole measure; and where even that does not fit,
stacked.

In print, where the brand's primary prints in several inks, the column names reversed out
of it (white on the header's fill) are at least `reversed_pt` (handbook.inks: 10 pt, bold
under 12): set larger when every column name still fits its column at that size, else
not reversed, in the headings' colour over a rule (A5's narrow columns).

A table cell is never hyphenated (a proofreader's rule) and a word is never broken
inside: so the longest word of every cell, measured with the brand's faces (fontTools,
as the measure is set), must fit its column, with the cell's padding and 3% for kerning
kept. Side by side, the text steps down with the number of columns (COLUMN_STEP of the
table's size, as handbook.css has it), never under MIN_PT, and further, to MIN_PT at the
least, when a word needs it. When even MIN_PT is too large, each row's aspect goes on a
row of its own above the row's values ("over"), so the columns share the whole measure.
When that is too narrow as well, the table is stacked: each row's aspect as a heading
row, then one row per column, its name beside its value (two columns, the value's
about two thirds of the measure).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from smguide.handbook.grid import FALLBACK_EM, PT_PER_MM, text_width
from smguide.sources.brand import Brand

MIN_PT = 8.0  # nothing in print under 8 pt
TABLE_EM = 0.92  # a table's text, in body ems (handbook.css: table)
HEADER_EM = 1.08  # the column names, in the table's ems (table.comparison thead th)
COLUMN_STEP = {2: 1.0, 3: 0.86, 4: 0.8}  # the table's text by its number of columns
ASPECT_SHARE = {2: 0.24, 3: 0.20, 4: 0.17}  # the row labels' column (col.aspect)
PADDING_MM = {2: 2.4, 3: 2.4, 4: 1.6}  # each side of a cell
KERNING = 0.97  # the share of a column a word may fill
WORDS = re.compile(r"[ \t\n]+")  # a no-break space joins two words into one
# the first of two compared columns' share of their width, tried from even outwards: the
# one at which the fewest cells end on a stub (STUB_CHARS) or a word alone
SPLITS = (0.5, 0.51, 0.49, 0.52, 0.48, 0.53, 0.47, 0.54, 0.46)
STUB_CHARS = 8  # a cell's last line shorter than this ("binden", "in it") is a stub


@dataclass(frozen=True)
class TableLayout:
    kind: str  # "columns" (the aspects beside), "over" (the aspects above), "stacked"
    font_pt: float  # the table's text (a cell's); the column names are HEADER_EM of it
    header_pt: float | None = None  # the column names' size when not HEADER_EM of font_pt
    reversed_header: bool = True  # the column names white on the primary, else over a rule
    widths: tuple[float, ...] = ()  # the compared columns' widths (% of the table), if uneven


def comparison_layout(columns: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]],
                      measure_mm: float, body_pt: float, brand: Brand,
                      reversed_pt: float | None = None,
                      wide_mm: float | None = None) -> TableLayout:
    """The layout of a comparison of `columns` with `rows` ((aspect, values), as plain
    text) on a measure of `measure_mm` with body text at `body_pt`; `reversed_pt`: the
    least size of type reversed out of the header's fill (None: no least size); `wide_mm`:
    the width it is set at when it reaches into the notes margin on a chapter's opening
    page (fitting.py), where two compared columns may share their width unevenly
    (`_split`)."""
    n = len(columns)
    regular, bold = _face(brand, 400), _face(brand, 700)
    nominal = max(MIN_PT, body_pt * TABLE_EM * COLUMN_STEP.get(n, COLUMN_STEP[4]))
    share = ASPECT_SHARE.get(n, ASPECT_SHARE[4])
    padding = 2 * PADDING_MM.get(n, PADDING_MM[4])

    def size(column_mm: float, aspect_mm: float | None) -> float:
        """The largest size up to `nominal` at which every word fits its column."""
        found = [nominal,
                 *(_largest(word, bold, column_mm, HEADER_EM) for name in columns
                   for word in _words(name)),
                 *(_largest(word, regular, column_mm) for _, values in rows
                   for value in values for word in _words(value))]
        if aspect_mm is not None:
            found += [_largest(word, bold, aspect_mm) for name, _ in rows
                      for word in _words(name)]
        return min(found)

    def header(kind: str, font_pt: float, column_mm: float) -> TableLayout:
        """The layout with its column names at `reversed_pt` at least, or not reversed
        when a name would not fit its column (`column_mm` wide) at that size."""
        if reversed_pt is None or font_pt * HEADER_EM >= reversed_pt:
            return TableLayout(kind, round(font_pt, 2))
        fits = all(_largest(word, bold, column_mm) >= reversed_pt
                   for name in columns for word in _words(name))
        return TableLayout(kind, round(font_pt, 2), reversed_pt if fits else None, fits)

    column = measure_mm * (1 - share) / max(n, 1) - padding
    beside = size(column, measure_mm * share - padding)
    if beside >= MIN_PT:
        layout = header("columns", beside, column)
        if n != 2:
            return layout
        split = _split(columns, rows, [measure_mm, *([wide_mm] if wide_mm else [])],
                       1 - share, padding, round(beside, 2), regular, bold)
        return replace(layout, widths=tuple(round(100 * (1 - share) * part, 2)
                                            for part in (split, 1 - split))) \
            if split != SPLITS[0] else layout
    over = size(measure_mm / max(n, 1) - padding, None)
    if over >= MIN_PT:
        return header("over", over, measure_mm / max(n, 1) - padding)
    return TableLayout("stacked", round(max(MIN_PT, body_pt * TABLE_EM), 2))


def _split(columns: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]],
           widths_mm: Sequence[float], share: float, padding: float, font_pt: float,
           regular: Path | None, bold: Path | None) -> float:
    """The first of two compared columns' share of their width (`share` of the table's)
    at which the fewest of their cells end on a stub or a word alone at the widest of the
    widths the table may be set at (`widths_mm`: the measure, and the opener's when it
    reaches into the notes margin, as a comparison on a chapter's opening page is), then
    at the next, the nearest to even first (SPLITS); only where every word of each
    column, and its name, still fits it at `font_pt`. Lines broken as the text's are,
    each word's advance widths (fontTools) against the cell's width."""
    def room(width_mm: float, part: float) -> float:
        return width_mm * share * part - padding

    def fits(part: float) -> bool:
        narrow = min(widths_mm)
        return all(_largest(word, regular, room(narrow, p)) >= font_pt
                   for index, p in enumerate((part, 1 - part))
                   for _, values in rows if index < len(values)
                   for word in _words(values[index])) and all(
            _largest(word, bold, room(narrow, p), HEADER_EM) >= font_pt
            for name, p in zip(columns, (part, 1 - part), strict=False)
            for word in _words(name))

    def stubs(part: float) -> tuple[int, ...]:
        return tuple(sum(_stub(_lines(value, room(width, p), font_pt, regular))
                         for _, values in rows
                         for value, p in zip(values, (part, 1 - part), strict=False))
                     for width in sorted(widths_mm, reverse=True))

    found = [(stubs(part), order, part) for order, part in enumerate(SPLITS)
             if order == 0 or fits(part)]
    return min(found)[2]


def _lines(text: str, room_mm: float, font_pt: float, face: Path | None) -> list[str]:
    """`text` broken into lines `room_mm` wide at `font_pt`, as a line breaker fills them."""
    room = room_mm * PT_PER_MM / font_pt  # in ems

    def width(words: list[str]) -> float:
        line = " ".join(words)
        return text_width(face, line) if face else len(line) * FALLBACK_EM

    lines: list[list[str]] = [[]]
    for word in _words(text):
        if lines[-1] and width([*lines[-1], word]) > room:
            lines.append([])
        lines[-1].append(word)
    return [" ".join(line) for line in lines]


def _stub(lines: list[str]) -> bool:
    """Whether a cell's lines end on a stub (under STUB_CHARS) or one word alone."""
    return len(lines) > 1 and (len(lines[-1]) < STUB_CHARS or len(lines[-1].split()) == 1)


def _words(text: str) -> list[str]:
    return [word for word in WORDS.split(text) if word]


def _largest(word: str, face: Path | None, room_mm: float, scale: float = 1.0) -> float:
    """The largest size (pt) of the table's text at which `word` (at `scale` of it, in
    `face`) fits `room_mm`."""
    ems = (text_width(face, word) if face else len(word) * FALLBACK_EM) * scale
    return room_mm * KERNING * PT_PER_MM / ems if ems else float("inf")


def _face(brand: Brand, weight: int) -> Path | None:
    """The brand's text face of `weight` (or the nearest it has), upright."""
    faces = [f for f in brand.faces if f.family == brand.base_family and f.style == "normal"]
    if not faces:
        return None
    return min(faces, key=lambda f: abs(f.weight - weight)).path
