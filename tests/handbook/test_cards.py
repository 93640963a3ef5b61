"""The role cards as printed, read back from the PDFs (A4, Letter, German A4): the card's
intro runs as wide as the card's text box lets it at a reading measure (75 characters a
line at most), and no item of two lines or more ends on one word alone."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.pagequality import Line, Node, _block_of, _kind, _structure, _words

MOST_CHARACTERS = 75  # a line of reading text (issue's 60 to 75)
INTRO_SHARE = 0.7  # the intro's widest line spans at least this share of the text box


@dataclass
class Card:
    page: int  # 1-based
    left: float  # the card's text box (pt): from the name's left to the focus's right
    right: float
    intro: list[Line]
    items: list[list[Line]]


def _lines(block: Node) -> list[Line]:
    return sorted(block.lines, key=lambda line: line.top)


def laid_out(pdf_path: Path) -> tuple[list[Node], list[Node]]:
    """The structure tree's tops and its blocks (paragraphs, list bodies, cells), each
    with its lines as drawn."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        tops, by_mcid = _structure(pdf.structure_tree)
        grouped: dict[tuple[int, float], list[dict[str, Any]]] = defaultdict(list)
        blocks: dict[int, Node] = {}
        for number, page in enumerate(pdf.pages):
            for char in page.chars:
                node = by_mcid.get((number, char.get("mcid")))
                if node is not None:
                    block = _block_of(node)
                    blocks[block.uid] = block
                    grouped[(block.uid, round(char["matrix"][5], 0))].append(char)
        for (uid, baseline), chars in grouped.items():
            block = blocks[uid]
            block.lines.append(Line(chars[0]["page_number"] - 1, block, baseline, chars))
    return tops, list(blocks.values())


def read_cards(pdf_path: Path) -> list[Card]:
    """Every role card of a handbook: the structure tree's Div of a head, an intro and
    two columns of lists, with the lines of its blocks as drawn."""
    tops, _ = laid_out(pdf_path)
    found: list[Card] = []

    def walk(node: Node) -> None:
        if node.kind == "Div" and _kind(node) == "card" and len(node.children) == 3:
            head, intro, columns = node.children
            name, focus = (_lines(p)[0] for p in head.children[:2])
            items = [_lines(body) for li in columns.descendants() if li.kind == "LI"
                     for body in li.children if body.kind == "LBody"]
            found.append(Card(node.page + 1, name.x0, focus.x1,
                              [line for p in intro.children for line in _lines(p)], items))
            return
        for child in node.children:
            walk(child)

    for top in tops:
        walk(top)
    return found


@pytest.fixture(params=[("a4", None), ("letter", None), ("a4", "de")],
                ids=["A4", "Letter", "German"])
def cards(request: pytest.FixtureRequest, built_handbook: Callable[..., Path]) -> list[Card]:
    found = read_cards(built_handbook(*request.param))
    assert len(found) == 2, found  # the sales card and the marketing card
    return found


def test_a_card_s_intro_runs_as_wide_as_its_text_box_at_a_reading_measure(
        cards: list[Card]) -> None:
    """The intro's lines take at least INTRO_SHARE of the card's text box (set wide into
    the outer margin, the card's intro at its own size stopped at about 60% of it) and
    none runs over 75 characters."""
    for card in cards:
        assert card.intro, card.page
        box = card.right - card.left
        widest = max(line.x1 for line in card.intro) - card.left
        assert widest >= INTRO_SHARE * box, (card.page, round(widest / box, 2))
        long = [line.text for line in card.intro if len(line.text) > MOST_CHARACTERS]
        assert not long, (card.page, long)


def test_no_card_item_ends_on_one_word(cards: list[Card]) -> None:
    """An item of two lines or more ends on two words at least ("Networking akquirieren",
    not "akquirieren" alone: rags.py ties the pair after layout), unless it has only
    three words, whose other break would leave the first alone ("Clear," / "confident
    communication")."""
    lone = [(card.page, [line.text for line in item]) for card in cards for item in card.items
            if len(item) > 1 and len(_words(item[-1].text)) < 2
            and len(_words(" ".join(line.text for line in item))) > 3]
    assert not lone, lone
    assert sum(len(item) > 1 for card in cards for item in card.items) >= 3  # some wrap
