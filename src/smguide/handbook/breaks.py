"""Hyphens taken back after layout, as a typesetter takes them back: no word hyphenated
across a page turn, never two hyphenated lines in a row (a proofreader's rule: the second
of two hyphens in a row goes) and at most two in one paragraph on a page (a designer's
limit: three in a short paragraph read as a ladder), and none at the
end of a paragraph's line before its last (TeX's \\finalhyphendemerits, the German
compositor's "keine Trennung in der vorletzten Zeile": the last line would open with a
word's end).

The text comes with every place a word may break written in as a soft hyphen
(handbook/typeset.py), so one break can be taken back without touching the others: the
soft hyphens of that one word are removed from the HTML and the document is laid out
again. Which breaks to take back is read from the laid-out lines: a line that ends at a
soft hyphen (the hyphen WeasyPrint adds after it) and whose next line is on another page,
or is its paragraph's last, or that follows such a line, or that is the third such line in
its paragraph on a page; and a break the rag does not need, as a typesetter sets a hyphen
in ragged-right text only where the line would end short without it (ZONE: the line
without the word's piece and the space before it still ends within ZONE of the measure:
a tenth, in German 0.15; CSS's hyphenate-limit-zone, which WeasyPrint applies to
`hyphens: auto` only). Lines are
counted in the flow's order, soft hyphens too: the n-th soft hyphen of the laid-out text
is the n-th of the HTML's body (when the two counts differ, nothing is taken back).
WeasyPrint has no public API for its lines (no `hyphenate-limit-lines` either), so they
are read from the page boxes; a version that lays them out otherwise gives no lines, and
the document is kept as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

SHY = "\u00ad"
IN_WORD = (SHY, "\u200c")  # not letters, but inside a word: a soft hyphen, a non-joiner
MOST_IN_A_ROW = 1  # hyphenated lines in a row
MOST_IN_A_PARAGRAPH = 2  # hyphenated lines of one paragraph on one page
ROUNDS = 4  # layouts at most, to take back the breaks that the first ones made
TAG = re.compile(r"<[^>]*>")


# a break is needed when the line without it would end more than this share of the
# measure short (hyphenate-limit-zone's idea), by language: a tenth (about six
# characters; a tenth of the English body's lines end that short anyway), in German,
# whose long words make a deeper rag, 0.15 (as short as one line in twenty of the German
# body's lines that end on a whole word)
ZONE = {"de": 0.15}
DEFAULT_ZONE = 0.1
SPACE_SHARE = 0.25  # a word space, as a share of the font size (Lato's is 0.256 em)


@dataclass(frozen=True)
class Line:
    page: int
    breaks_at: int | None  # the soft hyphen (its number in the text) the line ends at
    block: int = 0  # which paragraph (element) it is a line of
    closes: bool = False  # the last line of its paragraph on its page
    spare: bool = False  # ends in a hyphen the rag does not need (within ZONE without it)


def lines(document: Any) -> tuple[list[Line], int]:
    """The lines of the document's flow (not its running heads or footers), in order,
    and how many soft hyphens they hold."""
    from weasyprint.formatting_structure import boxes

    found: list[Line] = []
    count = 0

    def walk(box: Any, page: int) -> Iterator[tuple[Any, Any, bool]]:
        if isinstance(box, boxes.MarginBox):
            return
        children = list(getattr(box, "children", ()))
        last = max((i for i, c in enumerate(children) if isinstance(c, boxes.LineBox)),
                   default=-1)
        for i, child in enumerate(children):
            if isinstance(child, boxes.LineBox):
                yield child, box, i == last
            else:
                yield from walk(child, page)

    for number, page in enumerate(document.pages):
        root = getattr(page, "_page_box", None)
        if root is None:
            return [], -1
        for line, parent, closes in walk(root, number):
            texts = [box for box in line.descendants() if isinstance(box, boxes.TextBox)]
            count += sum(box.text.count(SHY) for box in texts)
            last = texts[-1] if texts else None
            ends, spare = None, False
            if last is not None and SHY in last.text:
                after = last.text[last.text.rindex(SHY) + 1:]
                if after and after == last.style["hyphenate_character"]:
                    ends = count - 1
                    spare = spare_break(last, parent)
            found.append(Line(number, ends, id(getattr(parent, "element", parent)), closes,
                              spare))
    return found, count


def spare_break(last: Any, parent: Any) -> bool:
    """Whether a line whose last text box (`last`) ends in a hyphen would end within ZONE
    of its block's measure (`parent`'s content box) without the piece of the word before
    the hyphen (and the space before it): a break the rag does not need. The piece's
    width is its share of the box's characters; a piece that starts in an earlier box
    (no space in this one) counts as needed."""
    shown = last.text.replace(SHY, "")
    if " " not in shown.rstrip() or not parent.width:
        return False
    piece = shown.rstrip().rsplit(" ", 1)[1]
    size = float(last.style["font_size"])
    without = last.position_x + last.width * (1 - len(piece) / len(shown)) \
        - SPACE_SHARE * size
    language = str(last.style["lang"] or "").split("-")[0].lower()
    zone = ZONE.get(language, DEFAULT_ZONE)
    return parent.content_box_x() + parent.width - without <= zone * parent.width


def soft_hyphens(html: str) -> list[int]:
    """Where the soft hyphens of the HTML's body text are (offsets in `html`)."""
    start = html.find("<body")
    offsets = []
    for match in re.finditer(SHY, html):
        if match.start() > start:
            offsets.append(match.start())
    inside = [m.span() for m in TAG.finditer(html)]
    if not inside:
        return offsets
    tags = iter(inside)
    tag = next(tags, None)
    kept = []
    for offset in offsets:  # none of a tag's own (an attribute's value)
        while tag is not None and tag[1] <= offset:
            tag = next(tags, None)
        if tag is None or not tag[0] <= offset < tag[1]:
            kept.append(offset)
    return kept


def to_take_back(found: list[Line]) -> set[int]:
    """The soft hyphens whose breaks go: at a page turn, before a paragraph's last line,
    one the rag does not need (`Line.spare`), the second in a row and the third of a
    paragraph on a page."""
    wanted: set[int] = set()
    run = 0
    kept: dict[tuple[int, int], int] = {}  # (paragraph, page) -> its hyphenated lines
    for i, line in enumerate(found):
        if line.breaks_at is None:
            run = 0
            continue
        run += 1
        place = (line.block, line.page)
        following = found[i + 1] if i + 1 < len(found) else None
        after = found[i + 2] if i + 2 < len(found) else None
        last = following is not None and following.block == line.block and \
            following.closes and (after is None or after.block != following.block)
        if following is not None and following.page != line.page or last or line.spare \
                or run > MOST_IN_A_ROW or kept.get(place, 0) >= MOST_IN_A_PARAGRAPH:
            wanted.add(line.breaks_at)
            run = 0
        else:
            kept[place] = kept.get(place, 0) + 1
    return wanted


def word_at(text: str, offset: int) -> range:
    """Where the word around `offset` is in `text`: its letters, soft hyphens and
    non-joiners (in HTML, a tag or an entity ends it)."""
    start = end = offset
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in IN_WORD):
        start -= 1
    while end + 1 < len(text) and (text[end + 1].isalpha() or text[end + 1] in IN_WORD):
        end += 1
    return range(start, end + 1)


def take_back(html: str, numbers: set[int]) -> str:
    """`html` without the soft hyphens of the words whose `numbers`-th soft hyphens
    (counted over the body's text) are given."""
    offsets = soft_hyphens(html)
    drop: set[int] = set()
    for number in numbers:
        if not 0 <= number < len(offsets):
            continue
        drop.update(i for i in word_at(html, offsets[number]) if html[i] == SHY)
    pieces, last = [], 0
    for offset in sorted(drop):
        pieces.append(html[last:offset])
        last = offset + 1
    return "".join(pieces) + html[last:]


def settle(document: Any, html: str, render: Callable[[str], Any]
           ) -> tuple[Any, str]:
    """The document (and its HTML) laid out again, up to ROUNDS times, until no word is
    hyphenated across a page turn or before a paragraph's last line and no more than
    MOST_IN_A_ROW lines in a row end in a hyphen; as it was when there is nothing to take
    back (or its lines cannot be read)."""
    for _ in range(ROUNDS):
        found, laid_out = lines(document)
        wanted = to_take_back(found)
        if not wanted or laid_out != len(soft_hyphens(html)):
            break  # nothing to take back, or the text and the layout do not match
        html = take_back(html, wanted)
        document = render(html)
    return document, html
