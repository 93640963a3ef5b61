"""A table's columns sized to their text: the row names' column and the compared
columns sharing the rest, each wide enough for its longest word, inside cell margins in
proportion to the type."""

from __future__ import annotations

from smguide.deck.fitting import BODY, DENSE
from smguide.deck.textfit import Fonts, Para
from smguide.deck.write import plain
from smguide.sources.markdown import Writing

# a table cell's inner margins, in ems of its type: as a designer sets a table, the
# space between two columns' text (twice CELL_X) grows with the type, 0.8 em of it
# whatever size the table is set at (9.6 pt each side at the lists' 24 pt, 7.2 at 18:
# a fixed 7.2 pt set 24 pt columns too close)
CELL_X, CELL_Y = 0.4, 0.2


def cell_x(size: float) -> float:
    """A cell's left and right margins (points) for text at `size`."""
    return CELL_X * size


def cell_y(size: float) -> float:
    """A cell's top and bottom margins (points) for text at `size`."""
    return CELL_Y * size


LABEL_MOST = 0.34  # the first column widens to hold a row's name whole up to this share
# and is never wider than this share of a compared column: a table is a column of row names
# and compared columns of one width (not the two-column grid of the role and card slides:
# a name column and two equal columns cannot meet both of its columns), the names
# narrower, as they name what the others compare
LABEL_OF_VALUE = 0.9
def names_whole(total: float, rows: list[list[str]], fonts: Fonts, lang: Writing,
                size: float = BODY[0]) -> list[float]:
    """The widths of a first column that holds each row's name on one line at `size`
    (the lists' unless told; up to LABEL_MOST of the width)."""
    return [min(fonts.bold.width(plain(row[0], lang), size) + 2 * cell_x(size) + 2,
                total * LABEL_MOST) for row in rows]


def column_widths(total: float, rows: list[list[str]], lines: list[list[list[Para]]],
                   fonts: Fonts, lang: Writing, names: bool = True
                   ) -> tuple[list[float], list[float]]:
    """Each column's longest word at 1 pt, and the columns' widths (points) in `total`:
    the first column's share of the width, or its longest name's, whole (up to
    LABEL_MOST of the width; only with `names`), never wider than LABEL_OF_VALUE of a
    compared column, or its longest word's (up to 45 % of the width; more where the word
    needs it at the smallest size, as long as the others keep room for theirs); a long
    compound ("Voorraadnauwkeurigheid") is never broken inside when a size or a share of
    the width keeps it whole."""
    share = {2: 0.3, 3: 0.24, 4: 0.2}.get(len(rows[0]), 0.17)  # the first column's share
    longest = max((fonts.bold.width(word, DENSE[0]) for row in rows
                   for word in plain(row[0], lang).split()), default=0.0)
    # a row's name on one line where that takes no more than LABEL_MOST of the width, at
    # the largest size a table is set at ("Time horizon" wrapped on a 4:3 template)
    label = max((fonts.bold.width(plain(row[0], lang), BODY[0]) for row in rows),
                default=0.0) + 2 * cell_x(BODY[0]) + 2
    values = len(rows[0]) - 1
    narrower = total * LABEL_OF_VALUE / (values + LABEL_OF_VALUE) if values else total
    whole = min(label, total * LABEL_MOST, narrower) if names else 0.0
    first = min(max(min(total * share, narrower), longest + 2 * cell_x(DENSE[0]) + 2, whole),
                total * 0.45)
    words_at_1 = [max((fonts.face(span.bold, span.italic).width(word, 1.0)
                       for cells in lines for para in cells[c] for span in para.spans
                       for word in span.text.split()), default=0.0)
                  for c in range(len(rows[0]))]
    # a first word too long for that even at the scale's smallest size: the column
    # widened to hold it, while the other columns keep room for their longest words
    least = words_at_1[0] * DENSE[1] + 2 * cell_x(DENSE[1]) + 2
    spare = total - sum(word * DENSE[1] + 2 * cell_x(DENSE[1]) + 1 for word in words_at_1[1:])
    first = max(first, min(least, spare))
    widths = value_widths(first, total, words_at_1[1:], float(DENSE[0]))
    if widths[1:] == value_widths(first, total, [0.0] * (len(widths) - 1), 1.0)[1:]:
        widths = value_widths(first, total, words_at_1[1:], float(DENSE[1]))
    return words_at_1, widths


def value_widths(first: float, total: float, longest: list[float], size: float
                  ) -> list[float]:
    """Column widths: the first column's, then the value columns sharing the rest
    equally, except that a column whose longest word (at 1 pt, `longest`) would not fit
    at `size` gets the width it needs, taken from the others while they keep theirs."""
    room = total - first
    need = [word * size + 2 * cell_x(size) + 1 for word in longest]
    widths = [room / len(need)] * len(need)
    if sum(need) > room or all(n <= w for n, w in zip(need, widths, strict=True)):
        return [first, *widths]
    fixed = {i for i, n in enumerate(need) if n > room / len(need)}
    while True:
        share = (room - sum(need[i] for i in fixed)) / (len(need) - len(fixed))
        more = {i for i, n in enumerate(need) if i not in fixed and n > share}
        if not more:
            break
        fixed |= more
    return [first, *(need[i] if i in fixed else share for i in range(len(need)))]
