"""Typographic quality of a laid-out handbook, measured from the PDF alone (pdfplumber).

What a print designer checks on every page, as numbers: characters per line of body text,
blank paper, pages that stop short inside a chapter (gaps), runts, keep-together blocks
split across a page turn (from a right page to the left page overleaf; a block that runs
from a left page onto the facing right page lies open on one spread), headings, orphans
and widows, the smallest type size and the contrast of small type, and hyphenation.

Everything is read back from the PDF: the glyphs (position, size, colour) and the tagged
structure tree WeasyPrint writes (P, H2, L, LI, Table, Figure, ...), which says what each
glyph belongs to. Running heads and footers are drawn in page-margin boxes, which are not
part of the structure tree, so they are told apart from the text block without guessing.
WeasyPrint makes one structure element per page for an element split by a page turn; a
split is recognised as the last element on one page continuing as the first on the next.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PT_PER_MM = 72 / 25.4
SENTENCE_END = (".", "!", "?", ":", "…", "”", "\u201c", ")")
LETTERS = re.compile(r"[^\W\d_]+")
KEEP_KINDS = ("list", "table", "card", "box", "figure")
# a page inside a chapter (not its last) more than this empty stopped short: what came
# next (a card, table, figure, list) was kept whole and went overleaf. A designer lets
# a kept-whole block leave a few lines white; 30% of the text block (13 lines of A4 body
# text, 11 of A5) reads as a hole in the page. Chapter openers count alike: the opening
# drop is part of the text block's top, not of the hole.
GAP_EMPTY = 0.3
# a page inside a chapter (not its last; its opener included) whose text ends more than
# this many lines of the body's leading above the text block's foot stopped short: under
# GAP_EMPTY (7 or 8 lines of an opener's page on A5, the kept block after them overleaf)
# the page still reads short to a designer, who fits it (short pages)
SHORT_PAGE_LINES = 5.0
RUNT_LETTERS = 8  # a heading's last line of one word shorter than this is a runt
# a paragraph's last line is a runt when it is shorter than this (characters, with its
# punctuation): one short word ("haben.") or a fragment ("is it."); a longer word on a
# line of its own ("Vertriebs.", "responsibilities.") is a line, not a runt, and counted
# apart (lone words)
RUNT_CHARS = 8
NOTES_LINES = 10  # a page with no text and at least this many lines drawn: a notes page
# a page whose last paragraph goes on overleaf is full: the white under its last line is
# less than this many lines of the body's leading (a line the widows sent over, and the
# fraction of a line a text block ends with); more, and the page stopped short
# mid-sentence (a kept-whole list after the paragraph took its last lines with it)
SHORT_TURN_LINES = 2.0
# a list of cards (items with a heading or room to write: the practices, the questions)
# of at most this many items that fits on a page and is split by a page turn between two
# cards is counted apart from the splits (card turns); a longer one (the glossary's
# terms) turns the page between two cards by design
KEEP_ITEMS = 6
HEADINGS = ("H1", "H2", "H3", "H4")


def _turns(page: int) -> bool:
    """Whether the reader turns the sheet after this page (0-based; a right page, odd
    counted from 1), rather than looking across an open spread to the facing page."""
    return page % 2 == 0


@dataclass
class Node:
    """One structure element on one page."""

    kind: str  # the PDF structure type: P, H2, L, LI, Table, ...
    page: int  # 0-based
    parent: Node | None
    children: list[Node] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    uid: int = 0
    bbox: tuple[float, float, float, float] | None = None  # figures: x0, top, x1, bottom (pt)

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def path(self) -> list[str]:
        return [n.kind for n in reversed([self, *self.ancestors()])]

    def descendants(self) -> Iterator[Node]:
        for child in self.children:
            yield child
            yield from child.descendants()

    def all_lines(self) -> list[Line]:
        found = list(self.lines)
        for node in self.descendants():
            found.extend(node.lines)
        return sorted(found, key=lambda line: (line.top, line.x0))


@dataclass
class Line:
    """The glyphs of one structure block (paragraph, list item, cell...) on one baseline."""

    page: int
    block: Node
    baseline: float
    chars: list[dict[str, Any]]

    @property
    def text(self) -> str:
        ordered = sorted(self.chars, key=lambda c: c["x0"])
        text = ""
        for before, char in zip([None, *ordered], ordered, strict=False):
            gap = char["x0"] - before["x1"] if before else 0
            if before and gap > 0.15 * char["size"] and not (text.endswith(" ") or
                                                             char["text"] == " "):
                text += " "  # a space drawn as no glyph (a no-break space)
            text += char["text"]
        return text.strip()

    @property
    def top(self) -> float:
        return min(c["top"] for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c["bottom"] for c in self.chars)

    @property
    def x0(self) -> float:
        return min(c["x0"] for c in self.chars)

    @property
    def x1(self) -> float:
        return max(c["x1"] for c in self.chars)

    @property
    def size(self) -> float:
        return statistics.median(c["size"] for c in self.chars)


@dataclass
class Report:
    """The figures for one PDF; `problems` says where each counted fault is (page: what)."""

    pages: int
    body_size_pt: float
    leading_pt: float
    cpl_median: float
    cpl_max: int
    notes_pages: list[int]
    blank_pages: list[int]  # no text, or only a heading (not a notes page)
    gaps: list[str]
    runts: list[str]
    splits: list[str]
    stranded: list[str]
    short_headings: list[str]
    orphans_widows: list[str]
    hyphenation: list[str]
    stray_breaks: list[str]
    hyphenated_lines: int
    smallest_pt: float
    smallest_what: str
    small_contrast: float
    diagram_label_pt: float
    opener_depths: list[float] = field(default_factory=list)  # numbered chapters' titles, pt
    page_turn_hyphens: list[str] = field(default_factory=list)  # words split by a page turn
    # 2 or more hyphenated lines in a row, or 3 or more in one paragraph on a page
    ladders: list[str] = field(default_factory=list)
    # a heading ending on a line of one short word, a chapter title on one of one word
    heading_runts: list[str] = field(default_factory=list)
    # a paragraph's second-to-last line ending in a hyphen (TeX's \finalhyphendemerits)
    final_hyphens: list[str] = field(default_factory=list)
    # every word a line's hyphen breaks, as read: "activi-ties"
    broken_words: list[str] = field(default_factory=list)
    # the running heads' and folios' nearest approach to the trim (the TrimBox of a print
    # PDF, else the page's edge), in mm, and where
    furniture_edge_mm: float = 0.0
    furniture_edge_what: str = ""
    # pages of a chapter (not notes pages) whose text block is more than half empty
    half_empty: list[int] = field(default_factory=list)
    # a paragraph's last line of one word that is not a runt ("Vertriebs.")
    lone_words: list[str] = field(default_factory=list)
    # every paragraph's last line (of a paragraph of two lines or more), as read
    last_lines: list[str] = field(default_factory=list)
    # a paragraph's line before the last ending a word early: its last words are tied
    tie_notches: list[str] = field(default_factory=list)
    # the text block's top: per page that opens with body-size text outside a box or
    # table (a paragraph, a list, a glossary's term), the distance in mm from the running
    # head's baseline down to that first line's baseline
    text_tops: dict[int, float] = field(default_factory=dict)
    # the least white between the flow (its text, rules, boxes and pictures) and the
    # folio or footer under it, in mm, and where: under the paper's FOLIO_GAPS (grid.py),
    # the flow reaches past the text block's foot into the footer zone
    foot_mm: float = 0.0
    foot_what: str = ""
    # the least white between a page's last line of text (its baseline) and the folio or
    # footer under it (its glyphs' top), in mm, and where: the foot a reader sees under
    # the text, whatever boxes or rules there are
    last_line_mm: float = 0.0
    last_line_what: str = ""
    # characters per line of a callout's text (a paragraph in a box, not its last line)
    callout_cpl: list[int] = field(default_factory=list)
    # pages inside a chapter (not its last, openers included) whose text ends more than
    # SHORT_PAGE_LINES above the text block's foot
    short_pages: list[str] = field(default_factory=list)
    # pages that stop short mid-paragraph: the paragraph goes on overleaf, and the page
    # has more than SHORT_TURN_LINES of white under it
    short_turns: list[str] = field(default_factory=list)
    # the most white between two paragraphs of running text on a page (the space their
    # baselines stand apart beyond the body's leading), and between a paragraph and the
    # section heading under it (its baseline to the heading's), in pt, and where: the
    # fitting's loosening, as far as it goes
    paragraph_space: float = 0.0
    paragraph_space_what: str = ""
    heading_space: float = 0.0
    heading_space_what: str = ""
    # lists of up to KEEP_ITEMS cards that fit on a page, split between two cards by a
    # page turn
    card_turns: list[str] = field(default_factory=list)
    # the smallest type reversed out (paper white: no ink in a print PDF, white on screen),
    # and where: on a fill of several inks at least 10 pt (handbook/inks.py); 0: none
    reversed_pt: float = 0.0
    reversed_what: str = ""

    def figures(self) -> dict[str, Any]:
        return {
            "pages": self.pages, "body pt": self.body_size_pt, "leading pt": self.leading_pt,
            "cpl median": self.cpl_median, "cpl max": self.cpl_max,
            "notes pages": len(self.notes_pages), "blank paper": len(self.blank_pages),
            "half empty": len(self.half_empty), "gaps": len(self.gaps),
            "short pages": len(self.short_pages),
            "runts": len(self.runts), "lone words": len(self.lone_words),
            "tie notches": len(self.tie_notches),
            "turn splits": len(self.splits), "card turns": len(self.card_turns),
            "stranded": len(self.stranded), "short headings": len(self.short_headings),
            "orphans/widows": len(self.orphans_widows),
            "hyphen faults": len(self.hyphenation), "hyphenated": self.hyphenated_lines,
            "page-turn hyphens": len(self.page_turn_hyphens),
            "ladders": len(self.ladders), "heading runts": len(self.heading_runts),
            "final hyphens": len(self.final_hyphens),
            "stray breaks": len(self.stray_breaks),
            "furniture mm": self.furniture_edge_mm, "foot mm": self.foot_mm,
            "smallest pt": self.smallest_pt, "margin contrast": self.small_contrast,
            "diagram pt": self.diagram_label_pt, "reversed pt": self.reversed_pt,
            "opener depths": len(set(self.opener_depths)),
            "text tops": len(set(self.text_tops.values())),
            "callout cpl": statistics.median(self.callout_cpl) if self.callout_cpl else 0,
            "callout cpl max": max(self.callout_cpl, default=0),
            "short turns": len(self.short_turns),
            "head mm": min(self.text_tops.values(), default=0.0),
            "last line mm": self.last_line_mm,
            "paragraph space pt": self.paragraph_space,
            "heading space pt": self.heading_space,
        }


def measure(pdf_path: Path, compounds: Iterable[str] = ()) -> Report:
    """Measure a handbook PDF. `compounds` are the hyphenated words of the source text
    (e.g. "one-to-one"), so a break at their own hyphen is told from an added one."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        pages = list(pdf.pages)
        heights = [float(p.height) for p in pages]
        roots, by_mcid = _structure(pdf.structure_tree)
        furniture: list[list[dict[str, Any]]] = [[] for _ in pages]
        graphics: list[list[tuple[float, float]]] = [[] for _ in pages]
        lines_drawn = [0 for _ in pages]
        all_chars: list[dict[str, Any]] = []
        blocks_by_uid: dict[int, Node] = {}
        for number, page in enumerate(pages):
            grouped: dict[tuple[int, float], list[dict[str, Any]]] = defaultdict(list)
            for char in page.chars:
                all_chars.append(char)
                node = by_mcid.get((number, char.get("mcid")))
                if node is None:
                    furniture[number].append(char)
                    continue
                block = _block_of(node)
                blocks_by_uid[block.uid] = block
                grouped[(block.uid, round(char["matrix"][5], 0))].append(char)
            for (uid, baseline), chars in grouped.items():
                block = blocks_by_uid[uid]
                block.lines.append(Line(number, block, baseline, chars))
            for obj in [*page.rects, *page.images, *page.curves, *page.lines]:
                graphics[number].append((float(obj["top"]), float(obj["bottom"])))
            lines_drawn[number] = len(page.lines)
        edge = _furniture_edge(pages, furniture)
    report = _report(roots, furniture, graphics, heights, all_chars, set(compounds),
                     lines_drawn)
    report.furniture_edge_mm, report.furniture_edge_what = edge
    report.text_tops = _text_tops(roots, furniture, heights, report.body_size_pt)
    report.foot_mm, report.foot_what = _foot(furniture, graphics, all_chars, heights)
    report.last_line_mm, report.last_line_what = _foot(furniture, [[] for _ in heights],
                                                       all_chars, heights, baselines=True)
    white = [c for c in all_chars if c["text"].strip() and _paper_white(c)]
    if white:
        least = min(white, key=lambda c: c["size"])
        report.reversed_pt = round(least["size"], 2)
        report.reversed_what = f"p{least['page_number']}: “{least['text']}”"
    return report


def _paper_white(char: dict[str, Any]) -> bool:
    """Whether a character is set in paper white: no ink (CMYK), or white (RGB, grey)."""
    colour = char.get("non_stroking_color")
    values = [float(v) for v in colour] if isinstance(colour, (list, tuple)) else (
        [float(colour)] if isinstance(colour, (int, float)) else [])
    if len(values) == 4:
        return max(values) < 0.05
    return bool(values) and min(values) > 0.95


def _text_tops(roots: list[Node], furniture: list[list[dict[str, Any]]],
               heights: list[float], body_size: float) -> dict[int, float]:
    """Where each page's text starts under its running head (the furniture's highest
    baseline in the page's top quarter), in mm between the two baselines, for the pages
    whose first line is body-size text at the top of the text block: not a heading, and
    not inside a box, a card's frame or a table (their padding or rules come first)."""
    firsts: dict[int, Line] = {}
    for root in roots:
        for node in [root, *root.descendants()]:
            for line in node.lines:
                first = firsts.get(line.page)
                if first is None or line.baseline > first.baseline:
                    firsts[line.page] = line
    tops: dict[int, float] = {}
    for page, line in firsts.items():
        head = [c["matrix"][5] for c in furniture[page] if c["text"].strip()
                and c["top"] < heights[page] / 4]
        path = set(line.block.path())
        if not head or abs(line.size - body_size) > 0.05 * body_size or path & {
                "Table", "NonStruct", *HEADINGS}:
            continue
        tops[page] = round((max(head) - line.baseline) / PT_PER_MM, 1)
    return tops


def _furniture_edge(pages: list[Any], furniture: list[list[dict[str, Any]]]
                    ) -> tuple[float, str]:
    """How near the running heads and folios (the text drawn outside the tagged
    structure, on every page but the first and last: not the covers) come to the trim:
    the page's TrimBox (a print PDF's, bleed and marks outside it) or its edge."""
    from pdfminer.pdftypes import resolve1

    nearest, what = float("inf"), ""
    for number, page in enumerate(pages[1:-1], 1):
        media = [float(v) for v in resolve1(page.page_obj.attrs["MediaBox"])]
        box = resolve1(page.page_obj.attrs.get("TrimBox")) or media
        left, bottom, right, top = (float(v) for v in box)
        for char in furniture[number]:
            if not char["text"].strip():
                continue
            # in PDF space: pdfplumber's x is the page's own, its y0/y1 are from the
            # MediaBox's bottom (below the TrimBox by the bleed and the marks in print)
            y0, y1 = char["y0"] + media[1], char["y1"] + media[1]
            if not (left <= char["x0"] and char["x1"] <= right and bottom <= y0
                    and y1 <= top):
                continue  # a printer's mark, outside the trim
            gap = min(char["x0"] - left, right - char["x1"], y0 - bottom, top - y1)
            if gap < nearest:
                nearest, what = gap, f"p{number + 1}: “{char['text']}”"
    return (round(nearest / PT_PER_MM, 1), what) if what else (0.0, "")


def _foot(furniture: list[list[dict[str, Any]]], graphics: list[list[tuple[float, float]]],
          all_chars: list[dict[str, Any]], heights: list[float], baselines: bool = False
          ) -> tuple[float, str]:
    """The least white between the flow and the folio or footer under it (the furniture's
    text in the page's lower half: its highest glyph top), over the pages that have one:
    the flow's lowest glyph (text in the tagged structure) or graphic (a rule, a box's
    ground or border, a picture) that starts above that folio; a graphic as tall as
    nine tenths of the page (a ground) does not count. With `baselines`, from the flow's
    lowest baseline instead of its glyphs' bottoms (the text matrix's y is the baseline,
    in the coordinates of the glyph's y0)."""
    furniture_ids = {id(c) for chars in furniture for c in chars}
    flow: dict[int, list[float]] = defaultdict(list)
    for char in all_chars:
        if id(char) not in furniture_ids and char["text"].strip():
            under = float(char["matrix"][5]) - float(char["y0"]) if baselines else 0.0
            flow[char["page_number"] - 1].append(float(char["bottom"]) - under)
    nearest, what = float("inf"), ""
    for number, chars in enumerate(furniture):
        folio = min((float(c["top"]) for c in chars if c["text"].strip()
                     and c["top"] > heights[number] / 2), default=None)
        if folio is None:
            continue
        bottoms = [b for b in flow[number] if b < folio + 1]
        bottoms += [bottom for top, bottom in graphics[number]
                    if top < folio and bottom - top < 0.9 * heights[number]]
        if bottoms and folio - max(bottoms) < nearest:
            nearest, what = folio - max(bottoms), f"p{number + 1}"
    return (round(nearest / PT_PER_MM, 1), what) if what else (0.0, "")


def _structure(tree: list[dict[str, Any]]) -> tuple[list[Node], dict[tuple[int, Any], Node]]:
    by_mcid: dict[tuple[int, Any], Node] = {}
    counter = iter(range(1, 10**9))

    def build(item: dict[str, Any], parent: Node | None) -> Node:
        page = item.get("page_number")
        node = Node(item["type"], (page - 1) if page else (parent.page if parent else 0),
                    parent, uid=next(counter))
        box = (item.get("attributes") or {}).get("BBox")
        if box:  # WeasyPrint writes CSS pixels, from the top left
            node.bbox = tuple(float(v) * 0.75 for v in box)  # type: ignore[assignment]
        for mcid in item.get("mcids") or ():
            by_mcid[(node.page, mcid)] = node
        node.children = [build(child, node) for child in item.get("children", [])]
        if page is None and node.children:
            node.page = node.children[0].page
        return node

    roots = [build(item, None) for item in tree]
    # the document's children, page by page: the top of each page's own tree
    tops: list[Node] = []
    for root in roots:
        tops.extend(root.children if root.kind == "Document" else [root])
    return tops, by_mcid


BLOCK_KINDS = {"P", "H1", "H2", "H3", "H4", "LBody", "Lbl", "TD", "TH", "Caption", "LI"}


def _block_of(node: Node) -> Node:
    """The nearest block-level element (paragraph, heading, list body, cell) of a glyph."""
    for candidate in [node, *node.ancestors()]:
        if candidate.kind in BLOCK_KINDS:
            return candidate
    return node


def _kind(node: Node) -> str | None:
    """Which kind of keep-together block a node is, or None."""
    path = node.path()
    inside = path[:-1]
    if node.kind == "Table":
        return "table"
    if node.kind == "L" and not {"L", "LI", "LBody", "Table", "NonStruct"} & set(inside[2:]):
        # a list of cards (items with a heading or room to write, terms in boxes) may turn
        # the page between cards: each card is a keep-together block of its own
        return "list" if "Sect" in inside and not _cards(node) else None
    if node.kind in ("LI", "Div") and node.parent and node.parent.kind == "L" and _cards(
            node.parent):
        return "card"
    if node.kind == "NonStruct" and inside[-2:] == ["Sect", "Div"]:
        kinds = {child.kind for child in node.children}
        if "Figure" in kinds:
            return "figure"
        return "box" if kinds & {"P", "H2", "L"} else None
    if node.kind == "Div" and inside[-2:] == ["Sect", "Div"]:
        divs = [child for child in node.children if child.kind == "Div"]
        has_list = any(d.kind == "L" for d in node.descendants())
        return "card" if len(divs) >= 2 and has_list else None
    return None


def _card_list(node: Node) -> bool:
    """A list of cards of a chapter (the practices, the questions with room to write),
    not inside another list, a box or a table."""
    inside = node.path()[:-1]
    return node.kind == "L" and "Sect" in inside and not {
        "L", "LI", "LBody", "Table", "NonStruct"} & set(inside[2:]) and _cards(node)


def _items(parts: list[Node], continued_from: dict[int, Node]) -> int:
    """How many items a list split by page turns has (one that goes on overleaf counted
    once)."""
    return sum(1 for part in parts for child in part.children
               if child.kind in ("LI", "Div") and child.uid not in continued_from)


def _ends_sentence(node: Node) -> bool:
    lines = node.all_lines()
    return bool(lines) and lines[-1].text.endswith(SENTENCE_END)


def _cards(node: Node) -> bool:
    """A list of cards: items with a heading, paragraphs of their own, or boxed terms."""
    return any(child.kind == "Div" for child in node.children) or any(
        d.kind in ("H3", "Div", "P") for li in node.children for d in li.descendants())


def _is_body(block: Node) -> bool:
    """Running text: paragraphs and list items of a chapter, not in a box, card or table."""
    path = block.path()
    if "Sect" not in path or {"Table", "NonStruct"} & set(path[: path.index(block.kind)]):
        return False
    above = path[path.index("Sect") + 1:-1]
    return block.kind in ("P", "LBody") and above[:1] == ["Div"] and "Div" not in above[1:2]


def _cell_or_card(block: Node) -> str | None:
    """Whether a block is a table's cell ("cell") or the text of a role card's item or
    paragraph ("card"), or neither (None)."""
    if block.kind in ("TD", "TH"):
        return "cell"
    if block.kind in ("P", "LBody") and any(_kind(node) == "card"
                                           for node in block.ancestors()):
        return "card"
    return None


def _in_callout(block: Node) -> bool:
    """A paragraph of a callout: a box of paragraphs (the takeaways' box holds a list)."""
    return block.kind == "P" and block.parent is not None and \
        block.parent.kind == "NonStruct" and block.parent.page > 0 and not any(
            child.kind in ("L", "H1", "H2", "Figure", "Table") for child in block.parent.children)


def _words(text: str) -> list[str]:
    return [w for w in text.split() if LETTERS.search(w)]


def _first_chain(node: Node) -> list[Node]:
    chain = [node]
    while chain[-1].children:
        chain.append(chain[-1].children[0])
    return chain


def _last_chain(node: Node) -> list[Node]:
    chain = [node]
    while chain[-1].children:
        chain.append(chain[-1].children[-1])
    return chain


def _report(tops: list[Node], furniture: list[list[dict[str, Any]]],
            graphics: list[list[tuple[float, float]]], heights: list[float],
            all_chars: list[dict[str, Any]], compounds: set[str],
            lines_drawn: list[int] | None = None) -> Report:
    n_pages = len(heights)
    by_page: dict[int, list[Node]] = defaultdict(list)
    for top in tops:
        by_page[top.page].append(top)
    blocks = [node for top in tops for node in [top, *top.descendants()] if node.lines]
    for block in blocks:
        block.lines.sort(key=lambda line: line.baseline, reverse=True)  # PDF y grows upward

    sizes = [round(c["size"], 2) for b in blocks if _is_body(b) for line in b.lines
             for c in line.chars]
    body_size = statistics.mode(sizes) if sizes else 0.0
    body = [b for b in blocks if _is_body(b) and b.lines and abs(b.lines[0].size - body_size)
            < 0.05 * body_size]

    # continuation: the last element on page N goes on as the first on page N+1
    continued_from: dict[int, Node] = {}  # uid of the part on N+1 -> part on page N
    for page in range(n_pages - 1):
        if not by_page[page] or not by_page[page + 1]:
            continue
        last = _last_chain(by_page[page][-1])
        first = _first_chain(by_page[page + 1][0])
        for a, b in zip(last, first, strict=False):
            if a.kind != b.kind:
                break
            if a.kind in ("P", "LBody") and a.lines and a.lines[-1].text.endswith(SENTENCE_END):
                break  # a paragraph that ended on page N: the next one only looks alike
            if a.kind == "LI" and any(c.kind == "Lbl" for c in b.children):
                break  # a list item with its own marker is a new one
            if a.kind in ("LI", "Div") and a.parent and a.parent.kind == "L" and not any(
                    c.kind == "Lbl" for c in a.children) and _ends_sentence(a):
                break  # an unmarked item (a term, a checklist line) that was complete
            continued_from[b.uid] = a
    continues = {a.uid for a in continued_from.values()}

    # characters per line: full lines of body paragraphs (not a paragraph's last line)
    cpl: list[int] = []
    runts: list[str] = []
    lone: list[str] = []
    last_lines: list[str] = []
    leading: list[float] = []
    for block in body:
        lines = block.lines
        for i, line in enumerate(lines):
            if i + 1 < len(lines):
                leading.append(round(line.baseline - lines[i + 1].baseline, 2))
        full = lines[:-1] if block.uid not in continues else lines
        cpl.extend(len(line.text) for line in full)
        if block.uid not in continues and (len(lines) > 1 or block.uid in continued_from):
            last_lines.append(lines[-1].text)
        if block.uid not in continues and (len(lines) > 1 or block.uid in continued_from) \
                and _runt(lines[-1].text):
            runts.append(f"p{lines[-1].page + 1}: “{lines[-1].text}”")
        elif block.uid not in continues and (len(lines) > 1 or block.uid in continued_from) \
                and _lone(lines[-1].text):
            lone.append(f"p{lines[-1].page + 1}: “{lines[-1].text}”")
    # a chapter opener's lead (its summary under the title, the back matter's intro) ends
    # on a runt or a lone word as a paragraph does, larger and set apart: counted with the
    # body's, marked as a lead's
    for block in blocks:
        lines = block.lines
        if _lead(block) and len(lines) > 1 and block.uid not in continues:
            if _runt(lines[-1].text):
                runts.append(f"p{lines[-1].page + 1}: “{lines[-1].text}” (lead)")
            elif _lone(lines[-1].text):
                lone.append(f"p{lines[-1].page + 1}: “{lines[-1].text}” (lead)")
    # a table's cells and a role card's items end on a lone word as a paragraph does
    # (rags.py ties their last two words): counted with the body's, marked as theirs
    # (not a line after a bold one: a cell's name, "The garden", over what it stands for;
    # nor in a label of up to three words, "Research and / strategy", "Clear, confident /
    # communication": on two lines, one of them is one word however it breaks)
    in_body = {b.uid for b in body}
    for block in blocks:
        where = _cell_or_card(block)
        lines = block.lines
        after_bold = [line for line in lines if not _bold(line)] if lines else []
        if where and block.uid not in in_body | continues and block.uid not in continued_from \
                and len(lines) > 1 and not _bold(lines[-2]) and _lone(lines[-1].text) \
                and len(_words(" ".join(line.text for line in after_bold))) > 3:
            lone.append(f"p{lines[-1].page + 1}: “{lines[-1].text}” ({where})")

    # keep-together blocks across a page turn, and what the text block can hold. A page
    # turn is from a right page (odd, counted from 1) to the left page overleaf: the
    # reader sees one part and has to turn the sheet for the rest. A block that runs from
    # a left page onto the facing right page lies open on one spread and reads at once,
    # as a diagram and its key may (below), so it is not counted
    text_top = min((line.top for b in blocks for line in b.lines if b.page > 0), default=0)
    text_bottom = max((line.bottom for b in blocks for line in b.lines if b.page > 0),
                      default=0)
    room = text_bottom - text_top
    splits: list[str] = []
    card_turns: list[str] = []
    ordered = [node for top in tops for node in [top, *top.descendants()]]
    for node in ordered:
        kind = _kind(node) or ("cards" if _card_list(node) else None)
        if kind is None or node.uid not in continued_from or node.uid in continues:
            continue
        parts = [node]
        while parts[0].uid in continued_from:
            parts.insert(0, continued_from[parts[0].uid])
        if kind == "cards" and _items(parts, continued_from) > KEEP_ITEMS:
            continue
        if not any(_turns(a.page) for a in parts[:-1]):
            continue  # on one spread
        extent = sum(_extent(p) for p in parts)
        if extent <= room:
            text = (parts[0].all_lines() or [None])[0]
            label = text.text[:40] if text else ""
            pages = "–".join(str(p.page + 1) for p in (parts[0], parts[-1]))
            (card_turns if kind == "cards" else splits).append(
                f"p{pages}: {kind} “{label}” across a page turn")
    # the diagram and its key: on one page or one spread (an even page and the next)
    # (the key: the first table after the figure, before the next heading; it may be
    # inside the figure's own block, and that block may go on overleaf)
    for i, node in enumerate(ordered):
        if node.kind != "Figure" or "Sect" not in node.path():
            continue
        key = next((n for n in ordered[i + 1:] if n.kind in ("Table", "H1", "H2")), None)
        if key is not None and key.kind == "Table" and key.page != node.page and not (
                not _turns(node.page) and key.page == node.page + 1):
            splits.append(f"p{node.page + 1}–{key.page + 1}: diagram and its key "
                          f"on different spreads")

    # takeaways (a box with a heading and a list) alone at the top of a page
    stranded: list[str] = []
    for page in range(1, n_pages):
        chapter_tops = by_page[page]
        if not chapter_tops or chapter_tops[0].uid in continued_from:
            continue
        first = [n for n in _first_chain(chapter_tops[0]) if _kind(n) == "box"]
        if first and [c.kind for c in first[0].children][:2] == ["H2", "L"]:
            stranded.append(f"p{page + 1}: takeaways box opens the page, away from its text")

    # headings: at least two lines of their text under them on the same page
    short_headings: list[str] = []
    for block in blocks:
        if block.kind not in ("H2", "H3") or block.page == 0:
            continue
        below = {(round(line.baseline), line.block.uid) for b in blocks if b.page == block.page
                 for line in b.lines if line.top > block.lines[0].bottom}
        if len({baseline for baseline, _ in below}) < 2:
            short_headings.append(f"p{block.page + 1}: “{block.lines[-1].text[:40]}”")

    # headings whose last line is one short word (a chapter title's: one word)
    heading_runts = [f"p{b.page + 1}: “{b.lines[-2].text[-30:]} / {b.lines[-1].text}”"
                     for b in blocks if b.kind in ("H1", "H2", "H3") and len(b.lines) > 1
                     and _short_word(b.lines[-1].text, 99 if b.kind == "H1" else RUNT_LETTERS)]

    # orphans and widows: a paragraph split by a page turn keeps two lines on each side
    orphans_widows: list[str] = []
    for b_uid, a in continued_from.items():
        if a.kind in ("P", "LBody") and a.lines:
            after = next((n for n in blocks if n.uid == b_uid), None)
            if after is None:
                continue
            if len(a.lines) < 2 or len(after.lines) < 2:
                orphans_widows.append(f"p{a.page + 1}–{after.page + 1}: {len(a.lines)}+"
                                      f"{len(after.lines)} lines “{a.lines[0].text[:30]}”")

    # blank paper, as a print designer means it: a page past the contents that is not a
    # notes page (no text, its writing lines drawn) and holds no text, or only headings
    # (with a chapter's kicker and summary: its opener with nothing under it);
    # half empty: a page of a chapter whose text block is more than half empty;
    # a gap: a page inside a chapter (not its last) more than GAP_EMPTY empty, where the
    # text stopped short because what comes next (a card, table, figure, list) was kept
    # whole and went overleaf
    notes_pages: list[int] = []
    blank: list[int] = []
    half_empty: list[int] = []
    gaps: list[str] = []
    fills: dict[int, float] = {}
    feet: dict[int, float] = {}  # the lowest text, rule or picture of a page's flow, pt
    first_chapter = min((n.page for top in tops for n in [top, *top.descendants()]
                         if n.kind == "H1" and n.page > 0 and "Sect" in n.path()),
                        default=1)
    opener_pages = {n.page for top in tops for n in [top, *top.descendants()]
               if n.kind == "H1" and "Sect" in n.path()}
    drawn = lines_drawn or [NOTES_LINES] * n_pages
    folioed = any(furniture)
    for page in range(n_pages):
        texts = [b for b in blocks if b.page == page]
        if not texts and drawn[page] >= NOTES_LINES:
            notes_pages.append(page + 1)
            continue
        if page < first_chapter or folioed and not furniture[page]:
            # the cover and the contents, and in a book with folios the pages with none
            # (the imprint, the back cover): designed pages of their own
            continue
        kinds = {n.kind for top in by_page[page] for n in [top, *top.descendants()]}
        if all(b.kind in HEADINGS or _opening(b) for b in texts) and not kinds & {
                "Figure", "Table", "L"}:
            blank.append(page + 1)
            continue
        bottoms = [line.bottom for b in blocks if b.page == page for line in b.lines]
        bottoms += [bottom for top_, bottom in graphics[page] if text_top - 2 <= top_
                    and bottom <= text_bottom + 12]
        fills[page] = (max(bottoms) - text_top) / room if bottoms and room else 0
        feet[page] = max(bottoms, default=text_top)
        if fills[page] < 0.5:
            half_empty.append(page + 1)
    # a page whose paragraph goes on overleaf, with white under it: it stopped short
    short_turns: list[str] = []
    line_pt = statistics.mode(leading) if leading else 0.0
    for a in continued_from.values():
        if a.kind not in ("P", "LBody") or not a.lines or not line_pt:
            continue  # (no body leading: a document of one-line blocks has no measure)
        page = a.lines[-1].page
        bottoms = [line.bottom for b in blocks if b.page == page for line in b.lines]
        bottoms += [bottom for top_, bottom in graphics[page] if text_top - 2 <= top_
                    and bottom <= text_bottom + 12]
        white = text_bottom - max(bottoms)
        if a.lines[-1].bottom >= max(bottoms) - 1 and white > SHORT_TURN_LINES * line_pt:
            short_turns.append(f"p{page + 1}: {white / line_pt:.1f} lines white under "
                               f"“{a.lines[-1].text[-30:]}”")
    for page, fill in fills.items():
        last_of_chapter = page + 1 not in fills or page + 1 in opener_pages
        if not last_of_chapter and fill < 1 - GAP_EMPTY:
            after = _opening_block(by_page[page + 1], continued_from)
            gaps.append(f"p{page + 1}: {1 - fill:.0%} empty, p{page + 2} opens with {after}")
    # a short page: the same, by the lines a reader sees white under the text (fewer
    # than a gap's), wherever the chapter's opener stands on it
    short_pages: list[str] = []
    for page, foot in feet.items():
        last_of_chapter = page + 1 not in fills or page + 1 in opener_pages
        white = (text_bottom - foot) / line_pt if line_pt else 0.0
        if not last_of_chapter and white > SHORT_PAGE_LINES:
            after = _opening_block(by_page[page + 1], continued_from)
            short_pages.append(f"p{page + 1}: {white:.1f} lines white, p{page + 2} opens "
                               f"with {after}")

    # hyphenation
    hyphenation, hyphenated, ladders, broken = _hyphenation(blocks, continued_from,
                                                            compounds)
    # a hyphen on the line before a paragraph's last (on the same page): the word's end
    # opens the last line (in a heading, cell or label any break is a fault already)
    final_hyphens = [f"p{b.lines[-2].page + 1}: “{b.lines[-2].text[-20:]} / "
                     f"{b.lines[-1].text[:30]}”"
                     for b in blocks if b.uid not in continues and len(b.lines) > 1
                     and b.kind not in NO_HYPHENS
                     and b.lines[-2].text.endswith(HYPHENS)
                     and not b.lines[-2].text.endswith((" -", "--"))
                     and not _own_hyphen(b.lines[-2].text, b.lines[-1].text, compounds)]
    page_turns = [f"p{a.page + 1}–{a.page + 2}: “{a.lines[-1].text[-20:]}”"
                  for a in continued_from.values()  # a word hyphenated across a page turn
                  if a.lines and a.lines[-1].text.endswith(HYPHENS)
                  and not a.lines[-1].text.endswith((" -", "--"))]
    # a numbered chapter's title, under its kicker ("Chapter 3"): back matter (a
    # glossary at the end) has none
    openers = sorted({round(n.lines[0].baseline) for top in tops
                      for n in [top, *top.descendants()]
                      if n.kind == "H1" and n.lines and "Sect" in n.path()
                      and n.page >= first_chapter and n.parent is not None
                      and n.parent.children[0] is not n})

    # type sizes, the contrast of small type, and the diagram's labels
    smallest = min(all_chars, key=lambda c: c["size"]) if all_chars else None
    # running heads and footers (margin boxes, on the paper itself)
    contrast = min((_contrast(c.get("non_stroking_color")) for chars in furniture[1:]
                    for c in chars if c["text"].strip()), default=21.0)
    early, notches = _early(blocks)
    figure_sizes = [c["size"] for top in tops for node in [top, *top.descendants()]
                     if node.kind == "Figure" and node.page > 0
                     for line in node.all_lines() for c in line.chars]
    paragraph, heading = _spaces(blocks, {b.uid for b in body}, line_pt)
    return Report(
        paragraph_space=paragraph[0], paragraph_space_what=paragraph[1],
        heading_space=heading[0], heading_space_what=heading[1],
        pages=n_pages, body_size_pt=round(body_size, 2),
        leading_pt=statistics.mode(leading) if leading else 0.0,
        cpl_median=statistics.median(cpl) if cpl else 0, cpl_max=max(cpl, default=0),
        notes_pages=notes_pages, blank_pages=blank, gaps=gaps, runts=runts, splits=splits,
        stranded=stranded, short_headings=short_headings, orphans_widows=orphans_widows,
        hyphenation=hyphenation, hyphenated_lines=hyphenated,
        stray_breaks=early, tie_notches=notches,
        smallest_pt=round(smallest["size"], 2) if smallest else 0.0,
        smallest_what=(f"p{smallest['page_number']}: “{smallest['text']}”"
                       if smallest else ""),
        small_contrast=round(contrast, 2),
        diagram_label_pt=round(min(figure_sizes), 2) if figure_sizes else 0.0,
        opener_depths=openers, page_turn_hyphens=page_turns, ladders=ladders,
        heading_runts=heading_runts, final_hyphens=final_hyphens, broken_words=broken,
        half_empty=half_empty, short_pages=short_pages, lone_words=lone, last_lines=last_lines,
        callout_cpl=[len(line.text) for b in blocks if _in_callout(b)
                     for line in b.lines[:-1]], short_turns=short_turns,
        card_turns=card_turns)


def _spaces(blocks: list[Node], body: set[int], leading: float
            ) -> tuple[tuple[float, str], tuple[float, str]]:
    """The most white between two paragraphs of running text that follow each other on a
    page (their baselines' distance less the body's `leading`), and the most between a
    paragraph and a section heading (H2) right under it (baseline to baseline), in pt,
    each with where."""
    paragraph, heading = (0.0, ""), (0.0, "")
    for before, after in zip(blocks, blocks[1:], strict=False):
        if before.uid not in body or before.kind != "P" or not before.lines \
                or not after.lines or after.lines[0].page != before.lines[-1].page:
            continue
        apart = before.lines[-1].baseline - after.lines[0].baseline
        where = f"p{after.lines[0].page + 1}: above “{after.lines[0].text[:30]}”"
        if after.uid in body and after.kind == "P" and apart - leading > paragraph[0]:
            paragraph = (round(apart - leading, 1), where)
        elif after.kind == "H2" and "NonStruct" not in after.path() and apart > heading[0]:
            heading = (round(apart, 1), where)
    return paragraph, heading


def _runt(text: str) -> bool:
    """A paragraph's last line a print designer calls a runt (the issue's "a last line of
    one short word"): one word or a fragment of fewer than RUNT_CHARS characters ("it.",
    "is it.")."""
    return bool(LETTERS.search(text)) and len(text.strip()) < RUNT_CHARS


def _lone(text: str) -> bool:
    """A paragraph's last line of one word that is not a runt ("Vertriebs.")."""
    return len(text.split()) == 1 and bool(LETTERS.search(text)) and not _runt(text)


def _opening(block: Node) -> bool:
    """A line of a chapter's opening (its kicker or summary, beside its title): the
    chapter head is a NonStruct straight inside the chapter's Sect."""
    path = block.path()
    return len(path) >= 3 and path[-3:-1] == ["Sect", "NonStruct"]


def _lead(block: Node) -> bool:
    """A chapter opener's lead: a paragraph of the chapter's opening (not its kicker, a
    line of one or two words over the title) that comes after its title."""
    if block.kind != "P" or not _opening(block) or block.parent is None:
        return False
    before = []
    for node in block.parent.children:
        if node.uid == block.uid:
            break
        before.append(node.kind)
    return "H1" in before


def _own_hyphen(line: str, following: str, compounds: set[str]) -> bool:
    """Whether `line` ends at a hyphen of a compound as written ("one-" / "to-one")."""
    head = line.split()[-1][:-1]
    tail = following.split()[0] if following.split() else ""
    word = re.sub(r"[^\w-]", "", head + "-" + tail).lower()
    return any(word in c.lower() for c in compounds)


def _short_word(text: str, letters: int = RUNT_LETTERS) -> bool:
    """A line of one word shorter than `letters` letters."""
    words = text.split()
    return len(words) == 1 and 0 < len("".join(LETTERS.findall(words[0]))) < letters


def _early(blocks: list[Node]) -> tuple[list[str], list[str]]:
    """Lines broken early: the next line's first word would have fitted on them (the
    block's longest line tells how wide its lines may be); a block's last line of two
    words counts as one when typeset.py tied them (a last word shorter than RUNT_CHARS,
    the pair within TIE_LIMIT characters). And tie notches: paragraphs whose line before
    the last ends a word early because the last line's words are tied (the first of them
    would have fitted: the rag is notched there)."""
    from smguide.handbook.typeset import TIE_LIMIT

    found: list[str] = []
    notches: list[str] = []
    for block in blocks:
        lines = [line for line in block.lines if line.text]
        if len(lines) < 2 or block.kind.startswith("H") or block.kind == "Figure":
            continue
        room = max(line.x1 for line in lines) - min(line.x0 for line in lines)
        for line, following in zip(lines, lines[1:], strict=False):
            if following.page != line.page:
                continue
            chars = sorted(following.chars, key=lambda c: c["x0"])
            first = []
            for char in chars:  # up to the first space (a no-break space draws none)
                if char["text"] == " ":
                    break
                first.append(char)
            if not first or line.text.endswith(HYPHENS):
                continue
            word = first[-1]["x1"] - first[0]["x0"]
            space = 0.3 * line.size
            left = min(other.x0 for other in lines)
            if following is lines[-1] and (line.x1 - left) + space + word < room * 0.97:
                notches.append(f"p{line.page + 1}: “{line.text[-25:]}” / “{following.text}”")
            words = following.text.split()
            if following is lines[-1] and len(words) == 2 and len(words[1]) < RUNT_CHARS \
                    and len(following.text.strip()) <= TIE_LIMIT:
                word = following.x1 - following.x0  # a paragraph's last words, tied
            if (line.x1 - left) + space + word < room * 0.97:
                found.append(f"p{line.page + 1}: “{line.text[-25:]}” / "
                             f"“{''.join(c['text'] for c in first)}”")
    return found, notches


def _opening_block(tops: list[Node], continued_from: dict[int, Node]) -> str:
    """What a page opens with, past its headings: a kept-whole block's kind, or "text"."""
    for node in [n for top in tops for n in [top, *top.descendants()]]:
        kind = _kind(node) or ("figure" if node.kind == "Figure" else None)
        if kind is None and node.kind not in ("P", "L", "LI", "LBody", "Table"):
            continue  # a section, a block's frame, a heading, a run of text
        if node.uid in continued_from:
            return "the rest of a block"
        return kind or "text"
    return "nothing"


def _extent(node: Node) -> float:
    lines = node.all_lines()
    return (max(line.bottom for line in lines) - min(line.top for line in lines)) if lines else 0


HYPHENS = ("-", "\u2010", "\u00ad")
NO_HYPHENS = ("H1", "H2", "H3", "H4", "TD", "TH", "Lbl", "Caption")  # never hyphenated


def _hyphenation(blocks: list[Node], continued_from: dict[int, Node],
                 compounds: set[str]) -> tuple[list[str], int, list[str], list[str]]:
    """Faults at line ends that end in a hyphen: too short a word or fragment, a break in
    a heading, table cell, label or bold run (a lead-in), a break at a compound's own
    hyphen or in a compound; the number of hyphenated lines; the ladders, two hyphenated
    lines in a row or more than two in one block on a page; and the words broken
    ("activi-ties")."""
    faults: list[str] = []
    ladders: list[str] = []
    broken: list[str] = []
    count = 0
    lowered = {c.lower() for c in compounds}
    for block in blocks:
        lines = block.lines
        run = 0
        on_page: dict[int, int] = {}  # page -> the block's hyphenated lines there
        for i, line in enumerate(lines[:-1]):
            text = line.text
            if not text.endswith(HYPHENS) or text.endswith((" -", "--")):
                run = 0
                continue
            count += 1
            run += 1
            on_page[line.page] = on_page.get(line.page, 0) + 1
            if run == 2:
                ladders.append(f"p{line.page + 1}: two hyphenated lines in a row, "
                               f"the second “{text[-20:]}”")
            elif on_page[line.page] == 3:
                ladders.append(f"p{line.page + 1}: three hyphenated lines in one "
                               f"paragraph, the third “{text[-20:]}”")
            left = text.split()[-1]
            right = lines[i + 1].text.split()[0] if lines[i + 1].text.split() else ""
            where = f"p{line.page + 1}: “{left}{right}”"
            broken.append(re.sub(r"[^\w-]", "", left[:-1] + "-" + right))
            if block.kind in NO_HYPHENS:
                faults.append(f"{where} broken in a {block.kind}")
                continue
            if _bold(line):
                faults.append(f"{where} broken in bold (a lead-in or a term)")
                continue
            head, tail = left[:-1], right
            word = re.sub(r"[^\w-]", "", head + "-" + tail).lower()
            joined = re.sub(r"[^\w-]", "", head + tail).lower()
            if word in lowered or any(word in c for c in lowered):
                faults.append(f"{where} broken at its own hyphen")
                continue
            head_letters = LETTERS.findall(head.split("-")[-1])
            tail_letters = LETTERS.findall(tail.split("-")[0])
            a = len(head_letters[-1]) if head_letters else 0
            b = len(tail_letters[0]) if tail_letters else 0
            if "-" in head or "-" in re.sub(r"[^\w-]", "", tail):
                faults.append(f"{where} hyphenated inside a compound")
            elif a < 3 or b < 3 or len(re.sub(r"\W", "", joined)) < 6:
                faults.append(f"{where} leaves {a}+{b} letters")
    return faults, count, ladders, broken


def _bold(line: Line) -> bool:
    """Whether the word a line's hyphen breaks is set in a bold face."""
    letters = [c for c in sorted(line.chars, key=lambda c: c["x0"]) if c["text"].isalpha()]
    return bool(letters) and any(weight in str(letters[-1].get("fontname", ""))
                                 for weight in ("Bold", "Black", "Heavy"))


def _contrast(colour: Any) -> float:
    """WCAG contrast of a glyph's fill colour on white paper."""
    if colour is None:
        return 21.0
    values = list(colour) if isinstance(colour, list | tuple) else [colour]
    if len(values) == 1:
        rgb = values * 3
    elif len(values) == 4:  # CMYK, naively
        c, m, y, k = values
        rgb = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    else:
        rgb = values[:3]

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
    return 1.05 / (lum + 0.05)


def source_compounds(folder: Path) -> set[str]:
    """Hyphenated words written in a content folder's YAML (its own hyphens)."""
    found: set[str] = set()
    for path in folder.rglob("*.yaml"):
        found.update(re.findall(r"\b\w+(?:-\w+)+\b", path.read_text(encoding="utf-8")))
    return found


@dataclass
class Box:
    """A callout or the takeaways as laid out: its parts' lines (its paragraphs, or its
    heading and items, in order), each line (its glyphs' top, their bottom, the type
    size, the text) in pt from the page's top, and the panel's tint behind it (top,
    bottom; None for a callout open on the page)."""

    page: int  # 0-based
    kind: str  # "callout" or "takeaways"
    parts: list[list[tuple[float, float, float, str]]]
    panel: tuple[float, float] | None

    @property
    def where(self) -> str:
        return f"p{self.page + 1}: {self.parts[0][0][3][:24]}"


def boxes(pdf_path: Path) -> list[Box]:
    """Every callout (a box of paragraphs in a chapter) and every takeaways panel (a box
    of a heading and a list) of a handbook PDF, read from its structure tree."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        roots, by_mcid = _structure(pdf.structure_tree)
        chars: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for number, page in enumerate(pdf.pages):
            for char in page.chars:
                node = by_mcid.get((number, char.get("mcid")))
                if node is not None and char["text"].strip():
                    chars[node.uid].append(char)
        # a tint: a fill of little ink (a callout's rule is drawn as a fill of its colour)
        fills = [[(float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"]))
                  for r in page.rects if r.get("fill") and _tint(r.get("non_stroking_color"))]
                 for page in pdf.pages]

    def lines(node: Node) -> list[tuple[float, float, float, str]]:
        grouped: dict[float, list[dict[str, Any]]] = defaultdict(list)
        for one in [node, *node.descendants()]:
            for char in chars.get(one.uid, ()):
                grouped[round(float(char["bottom"]), 0)].append(char)
        return [(min(float(g["top"]) for g in glyphs), max(float(g["bottom"]) for g in glyphs),
                 max(float(g["size"]) for g in glyphs),
                 "".join(g["text"] for g in sorted(glyphs, key=lambda g: g["x0"])))
                for _, glyphs in sorted(grouped.items())]

    def walk(node: Node) -> Iterator[Node]:
        if node.kind == "NonStruct" and "Sect" in node.path() and node.children:
            yield node
            return
        for child in node.children:
            yield from walk(child)

    found: list[Box] = []
    for box in (box for top in roots for box in walk(top)):
        kinds = [child.kind for child in box.children]
        if kinds[:2] == ["H2", "L"]:
            kind = "takeaways"
        elif len(kinds) >= 2 and set(kinds) == {"P"}:
            kind = "callout"
        else:
            continue
        parts = [lines(child) for child in box.children]
        if not all(parts):
            continue
        first, last = parts[0][0], parts[-1][-1]
        # the smallest fill at least an inch wide behind all its lines: the panel's tint
        panel = next(((top, bottom) for x0, top, x1, bottom in sorted(
            fills[box.page], key=lambda r: (r[2] - r[0]) * (r[3] - r[1]))
            if top <= first[0] and bottom >= last[1] and x1 - x0 > 72), None)
        found.append(Box(box.page, kind, parts, panel))
    return found


def label_gaps(pdf_path: Path) -> dict[str, float]:
    """Each labelled callout's white between its label and its first line of text (the
    label's glyphs' bottom to that line's glyphs' top), mm, by where it is. A label is a
    callout's first paragraph, of one line, set smaller than the text under it."""
    return {box.where: round((box.parts[1][0][0] - box.parts[0][0][1]) / PT_PER_MM, 2)
            for box in boxes(pdf_path) if box.kind == "callout" and len(box.parts[0]) == 1
            and box.parts[0][0][2] < box.parts[1][0][2] - 0.5}


def panel_padding(pdf_path: Path) -> dict[str, tuple[float, float]]:
    """Each panel's (the takeaways', a lesson's) padding, mm, by where it is: from the
    tint's top (its rule included) to the first line's glyphs' top, and from the last
    line's glyphs' bottom to the tint's foot."""
    return {f"{box.kind} {box.where}": (
        round((box.parts[0][0][0] - box.panel[0]) / PT_PER_MM, 2),
        round((box.panel[1] - box.parts[-1][-1][1]) / PT_PER_MM, 2))
        for box in boxes(pdf_path) if box.panel is not None}


def _tint(colour: Any) -> bool:
    """Whether a fill's colour is a tint: little ink (CMYK) or near white (grey, RGB)."""
    values = [float(v) for v in colour] if isinstance(colour, (list, tuple)) else (
        [float(colour)] if isinstance(colour, (int, float)) else [])
    if len(values) == 4:
        return 0 < sum(values) < 0.6
    return bool(values) and 0.8 < min(values) < 1
