"""A paragraph's lines as laid out, read from the page boxes for handbook/rags.py: the
lines' texts and pages, and how its last lines end (a lone last word, a tie notch, a
hyphen rule broken: breaks.py's, a hyphen the rag does not need among them, so that a
setting kept leaves breaks.settle nothing to take back). WeasyPrint has no public API
for its lines, so they are read as breaks.py reads them; a version that lays them out
otherwise gives no paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from smguide.handbook.breaks import MOST_IN_A_PARAGRAPH, MOST_IN_A_ROW, SHY, spare_break

TAGS = ("p", "li", "dd", "td")  # the paragraphs set again (not headings or labels):
# notched ones, and those ending on a lone word; one set smaller than the body (a card's
# item, a table's cell: "akquirieren", "closes.") is first tried with its last two words
# tied (kept when the line before them is then not notched, as in a short item)
# a chapter opener's lead (its summary under the title; the back matter's intro): set
# larger than the body, and set again as the body's paragraphs are
LEADS = ("chapter-summary",)
SPACE_SHARE = 0.3  # a word space, as a share of the font size (tests/pagequality.py's)
SLACK = 0.97  # a line shorter than this share of the measure by more than the next word
# (and a space) was broken early: the rag is notched there
HYPHENS = ("-", "\u2010")
UNSEEN = re.compile("[\u00ad\u200b\u200c\u2060\\s]")  # none of these is matched


@dataclass(frozen=True)
class Set:
    """One paragraph as laid out: its lines' texts, the page of each, how its lines end
    (faults: a lone last word, a tie notch) and whether they break a hyphen rule; and of
    its line before the last, how much room it leaves (CSS px), its spaces and letters
    and its font size (px), and the word broken at the end of the line before that
    (as in the text, with its soft hyphens; "" when none is)."""

    text: str  # its text, as matched in the HTML
    tag: str
    lines: tuple[str, ...]
    pages: tuple[int, ...]
    faults: int
    hyphen_fault: bool
    slack: float = 0.0
    spaces: int = 0
    letters: int = 0
    size: float = 0.0
    broken: str = ""
    ending: str = ""  # the last word of its line before the last, when it has soft hyphens
    notched: bool = False  # its line before the last is one of its faults
    faulty: tuple[str, ...] = ()  # the words broken where a hyphen rule is (with soft hyphens)
    rooms: tuple[float, ...] = ()  # the room each line leaves before the measure (CSS px)
    em: float = 0.0  # the paragraph's own font size (px): what its edits' em are of
    lead: bool = False  # a chapter opener's lead (LEADS)


def paragraphs(document: Any) -> list[Set]:
    """The paragraphs (TAGS) of the document's flow, in order, with their lines."""
    from weasyprint.formatting_structure import boxes

    grouped: dict[int, tuple[Any, list[tuple[int, Any, Any]]]] = {}

    def walk(box: Any) -> Iterator[tuple[Any, Any]]:
        if isinstance(box, boxes.MarginBox):
            return
        for child in getattr(box, "children", ()):
            if isinstance(child, boxes.LineBox):
                yield child, box
            else:
                yield from walk(child)

    for number, page in enumerate(document.pages):
        root = getattr(page, "_page_box", None)
        if root is None:
            return []
        for line, parent in walk(root):
            element = getattr(parent, "element", None)
            if element is None or getattr(parent, "element_tag", None) not in TAGS:
                continue
            grouped.setdefault(id(element), (parent, []))[1].append((number, line, parent))
    found = [(_set(parent.element_tag, lines), parent) for parent, lines in grouped.values()]
    return [replace(paragraph, lead=_lead(parent)) if _lead(parent) else paragraph
            for paragraph, parent in found if paragraph is not None]


def _lead(box: Any) -> bool:
    """Whether a paragraph's box is a chapter opener's lead (LEADS)."""
    classes = (box.element.get("class") or "").split()
    return any(name in classes for name in LEADS)


def _texts(line: Any) -> list[Any]:
    from weasyprint.formatting_structure import boxes

    return [box for box in line.descendants() if isinstance(box, boxes.TextBox)
            and "::" not in box.element_tag]


def _set(tag: str, laid: list[tuple[int, Any, Any]]) -> Set | None:
    texts, rights, lefts, pages, spare, rooms = [], [], [], [], [], []
    for page, line, parent in laid:
        boxes_ = _texts(line)
        if not boxes_:
            return None
        texts.append("".join(box.text for box in boxes_))
        spare.append(hyphenated(texts[-1]) and spare_break(boxes_[-1], parent))
        rights.append(max(box.position_x + box.width for box in boxes_))
        lefts.append(min(box.position_x for box in boxes_))
        rooms.append(float(parent.content_box_x() + parent.width - rights[-1]))
        pages.append(page)
    plain = "".join(_drawn(text) for text in texts)
    first = _texts(laid[-1][1])
    size = float(first[0].style["font_size"])
    if len(texts) < 2:
        return Set(plain, tag, tuple(texts), tuple(pages), 0, False, size=size)
    faults, notched = 0, False
    last = texts[-1].replace(SHY, "").split()
    if len(last) == 1 and any(c.isalpha() for c in last[0]):
        faults += 1
    if pages[-2] == pages[-1] and not hyphenated(texts[-2]):
        room = max(rights) - min(lefts)
        notched = rights[-2] - min(lefts) + SPACE_SHARE * size + _first_word(first) < \
            room * SLACK
        faults += notched
    ends = [hyphenated(text) for text in texts]
    run, hyphen_fault, faulty = 0, False, []
    for i, ended in enumerate(ends):
        run = run + 1 if ended else 0
        if ended and (run > MOST_IN_A_ROW or i == len(ends) - 2 or spare[i]
                      or i + 1 < len(ends) and pages[i + 1] != pages[i]
                      or sum(e for e, p in zip(ends, pages, strict=True) if p == pages[i])
                      > MOST_IN_A_PARAGRAPH):
            hyphen_fault = True
            if i + 1 < len(texts):
                faulty.append(broken_word(texts[i], texts[i + 1]))
    parent = laid[-2][2]
    slack = parent.content_box_x() + parent.width - rights[-2]
    broken = broken_word(texts[-3], texts[-2]) if len(texts) > 2 and ends[-3] else ""
    line = texts[-2].replace(SHY, "")
    ending = re.split(r"[ \u00a0]", texts[-2])[-1]
    return Set(plain, tag, tuple(texts), tuple(pages), faults, hyphen_fault, float(slack),
               line.count(" ") + line.count("\u00a0"), len(line), size, broken,
               ending if SHY in ending and not hyphenated(texts[-2]) else "", notched,
               tuple(word for word in faulty if word), tuple(rooms),
               float(laid[0][2].style["font_size"]))


def broken_word(line: str, next_line: str) -> str:
    """The word a hyphenated line breaks (as in the text, with its soft hyphens), from its
    piece there and the next line's first; "" when one of them is not found."""
    head = re.split(r"[ \u00a0]", line[:-1])[-1]
    tail = re.split(r"[ \u00a0]", next_line, maxsplit=1)[0]
    return head + tail if head and tail else ""


def _drawn(text: str) -> str:
    """A line's text as matched in the HTML: without the hyphen drawn at a soft hyphen
    it ends at, and without UNSEEN characters."""
    if SHY in text and text.endswith(HYPHENS) and text[:-1].endswith(SHY):
        text = text[:-1]
    return UNSEEN.sub("", text)


def hyphenated(text: str) -> bool:
    return text.endswith(HYPHENS) and text[:-1].endswith(SHY)


def _first_word(texts: list[Any]) -> float:
    """About how wide the first word of a line is (up to its first space, a no-break
    space too: a tied pair's first word), in CSS px: its share of the first text box."""
    box = texts[0]
    text = box.text
    word = re.split(r"[ \u00a0]", text, maxsplit=1)[0]
    return float(box.width) * len(word) / max(1, len(text))
