"""A paragraph's last lines set again after layout, as a compositor resets them: a
paragraph whose last line is one word ("introductions."), or whose line before the last
stops a word early because its last two words are tied (typeset.py's tie: "am
häufigsten" / "hören werden."), is set again a little wider, within what a proofreader
accepts (SETTINGS: word spaces at most a tenth wider, letters at most half a per cent
of the em apart), or a little narrower (NARROWER: its lines end up to 2 em, about four
characters, short of the measure, as padding at its right, so that a checklist item's
rule still runs the column's width, as a compositor of ragged-right text breaks a
paragraph's lines by hand; its longest line stays in the rag, and the words pushed down
on its first lines push the later ones: a long German word goes down to a lone last
word, or the word before a tied pair to the pair), or with the break at the end of its
third line from the end taken back, so that a word goes down to its last line; the last
word of the line before the last is then kept whole (a break there would end that line
in a hyphen). The first setting that ends its lines better is kept (`candidates`: the
lightest that would push that word down, measured on its lines; spacing first). A
setting that ends the lines better but breaks a word at the end of the line before the
last ("meis-" / "ten zurückkehren.") is tried again with that word kept whole, in the
next round. A paragraph set smaller than the body (a role card's item, a table's cell:
the key's "closes.") that ends on a lone word is first tried with its last two words
tied: kept when the line before them is then not notched, as when they go down from an
item's first line. Any other paragraph ending on a lone word tries that tie last, when
the two words take at most typeset.py's TIE_LIMIT characters ("into introductions.",
"and networking.": no spacing pushes "into" down). A chapter opener's lead (its summary,
the back matter's intro: raglines.LEADS), set larger than the body, is set again as the
body's paragraphs are ("why it" / "matters." -> "why" / "it matters.").

Only a setting with as many lines as before, each paragraph on the pages it was on, is
kept: the pages stay as the fitting made them (fitting.py), and a paragraph's line breaks
depend on its width alone, so the paragraphs are tried together, one layout a round (at
most ROUNDS; the handbook bound from parts lays out again only the chapters a round
changed). A setting is not kept when it would end the line before the last, or a page's
last line, in a hyphen, or make three hyphenated lines in a row or in the paragraph on a
page (breaks.py's rules). The handbook is then laid out with the settings kept, and used
only when every paragraph comes out with the lines its trial had; otherwise it stays as
it was. The edits are kept with the layout (kept.py), so the same handbook again is laid
out once.

The lines are read from the page boxes (raglines.py); a paragraph is found in the HTML by
its text (unique in the body, with soft hyphens, word joiners and spaces aside), and its
setting written into its start tag as a style.
"""

from __future__ import annotations

import html as entities
import os
import re
import statistics
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from smguide.handbook.breaks import SHY
from smguide.handbook.raglines import TAGS, UNSEEN, Set, broken_word, hyphenated, paragraphs
from smguide.handbook.typeset import TIE_LIMIT

# the settings tried (word spacing and letter spacing added, in em), lighter first: 5 and
# 10 % of Lato's space (0.256 em), then with a quarter and a half per cent of the em
# between letters; wider only, since a wider setting pushes a word down to a lone last
# word or to the line that the tie left short, and a narrower one would pull the last
# line up (a line less: the pages would change)
SETTINGS = ((0.0128, 0.0), (0.0256, 0.0), (0.0256, 0.0025), (0.0256, 0.005))
NARROWER = (0.5, 1.0, 1.5, 2.0)  # em of padding at its right (its rules run on), lighter first
TRIES = 4  # settings tried at most for a paragraph, before the tie of its last two words
ROUNDS = TRIES + 1  # layouts at most before the last (the last round: the ties alone)
# set (to anything): no paragraph is set again, to measure what setting them costs
# (bench/bench.py's "rags set again" row); pdf.layout_code keeps such layouts apart
UNEVEN = "SMGUIDE_UNEVEN_RAGS"
MARGIN = 1.0  # CSS px of room a line keeps beyond an edit's widening for it to stay as it was
TAG = re.compile(r"<[^>]*>")


class Body:
    """The HTML's body text with spaces and UNSEEN characters aside, each of its
    characters' offset in the HTML."""

    def __init__(self, html: str) -> None:
        self.html = html
        start = html.find("<body")
        chars: list[str] = []
        offsets: list[int] = []
        position = max(0, start)
        for match in TAG.finditer(html, position):
            self._add(chars, offsets, position, match.start())
            position = match.end()
        self._add(chars, offsets, position, len(html))
        self.text, self.offsets = "".join(chars), offsets

    def _add(self, chars: list[str], offsets: list[int], start: int, end: int) -> None:
        piece = self.html[start:end]
        for match in re.finditer(r"&[#\w]+;|.", piece, re.S):
            char = entities.unescape(match.group(0)) if len(match.group(0)) > 1 else \
                match.group(0)
            if len(char) == 1 and not UNSEEN.match(char):
                chars.append(char)
                offsets.append(start + match.start())

    def start_tag(self, paragraph: Set) -> int | None:
        """Where the start tag of `paragraph` is in the HTML (its "<"), when its text is
        found once in the body."""
        if not paragraph.text:
            return None
        at = self.text.find(paragraph.text)
        if at < 0 or self.text.find(paragraph.text, at + 1) >= 0:
            return None
        before = self.html.rfind(f"<{paragraph.tag}", 0, self.offsets[at])
        while before >= 0 and not re.match(rf"<{paragraph.tag}[\s>]", self.html[before:]):
            before = self.html.rfind(f"<{paragraph.tag}", 0, before)
        if before < 0 or TAG.search(self.html, before, self.offsets[at]) is None:
            return None
        return before


# word spacing and letter spacing (em), break taken back, em taken off the measure, the
# last two words tied
Edit = tuple[float, float, bool, float, bool]


def candidates(paragraph: Set, small: bool = False) -> list[Edit]:
    """The settings to try for a faulty paragraph, in turn: the lightest spacing that
    leaves its line before the last too little room for its last word (so the word goes
    down to the last line), and the next; when the line before that ends in a hyphen,
    that break taken back (its word goes down whole), alone and with the lightest
    spacing; then the paragraph narrower (NARROWER), from the lightest that leaves that
    line too little room, or every one for a notch or when none does (then only the lines
    before push a word down); last, when no spacing does, the widest. A paragraph set
    smaller than the body (`small`: a card's item, a cell) that ends on a lone word has
    its last two words tied first; any other, when the two take at most TIE_LIMIT
    characters, after the others (TRIES of them)."""
    def extra(setting: tuple[float, float]) -> float:
        return paragraph.size * (setting[0] * paragraph.spaces + setting[1] * paragraph.letters)

    found: list[Edit] = [(w, t, False, 0.0, False) for w, t in SETTINGS
                         if extra((w, t)) > paragraph.slack][:2]
    last: list[Edit] = [] if found else [(*SETTINGS[-1], False, 0.0, False)]
    if paragraph.broken:
        found += [(0.0, 0.0, True, 0.0, False), (*SETTINGS[0], True, 0.0, False)]
    enough = [em for em in NARROWER if em * paragraph.size > paragraph.slack]
    found += [(0.0, 0.0, False, em, False) for em in (
        enough if enough and not paragraph.notched else NARROWER)]
    tie: Edit = (0.0, 0.0, False, 0.0, True)
    if small and paragraph.faults and not paragraph.notched:
        found.insert(0, tie)
    elif paragraph.faults and not paragraph.notched and _pair(paragraph) <= TIE_LIMIT:
        # a lone last word that no spacing pushes the word before it down to: the two
        # tied, last ("into introductions.", "and networking.")
        return (found + last)[:TRIES] + [tie]
    return (found + last)[:TRIES]


def _pair(paragraph: Set) -> int:
    """The characters of a paragraph's last word with the word before it (and the space
    between); more than TIE_LIMIT when it has no line before its last."""
    if len(paragraph.lines) < 2 or not paragraph.lines[-2].split():
        return TIE_LIMIT + 1
    before = paragraph.lines[-2].replace(SHY, "").split()[-1]
    return len(before) + 1 + len(paragraph.lines[-1].replace(SHY, "").strip())


def edited(html: str, edits: dict[int, tuple[Edit, Set]]) -> str:
    """`html` with each paragraph whose start tag is at the offsets given set as its edit
    says: its spacing in a style, the break at the end of its third line from the end
    taken back (the word's soft hyphens removed); and the last word of its line before
    the last kept whole (when it goes down to the last line, it goes whole: a break
    there would end the line before the last in a hyphen); its last two words tied (a
    no-break space for the last space of its text)."""
    for at in sorted(edits, reverse=True):
        (words, letters, back, narrower, tie), paragraph = edits[at]
        end = html.find(f"</{paragraph.tag}>", at)
        end = end if end >= 0 else len(html)
        space = _last_space(html, at, end) if tie else -1
        if space >= 0:
            html = html[:space] + "\u00a0" + html[space + 1:]
        for whole in (*paragraph.ending.split(" "), paragraph.broken if back else ""):
            word = html.rfind(whole, at, end) if whole else -1
            if word >= 0:
                html = html[:word] + whole.replace(SHY, "") + html[word + len(whole):]
        if not words and not letters and not narrower:
            continue
        close = html.index(">", at)
        tag = html[at:close]
        rule = "; ".join(f"{name}: {value:g}em" for name, value in (
            ("word-spacing", words), ("letter-spacing", letters), ("padding-right", narrower))
            if value or name == "word-spacing" and not narrower)
        style = re.search(r'\sstyle="([^"]*)"', tag)
        if style:
            inner = style.group(1).rstrip().rstrip(";")
            tag = (tag[:style.start(1)] + (f"{inner}; " if inner else "") + rule
                   + tag[style.end(1):])
        else:
            tag = tag.rstrip("/").rstrip() + f' style="{rule}"'
        html = html[:at] + tag + html[close:]
    return html


def _last_space(html: str, start: int, end: int) -> int:
    """Where the last space of the text between `start` and `end` is (not in a tag), with
    a word before it and one after it; -1 when there is none."""
    seen = False  # a word after it
    for match in reversed(list(re.finditer(r"(?:^|>)([^<]*)", html[start:end]))):
        text = match.group(1) if seen else match.group(1).rstrip()
        space = text.rfind(" ")
        if space >= 0 and (seen or space > 0 and text[:space].strip()):
            return start + match.start(1) + space
        seen = seen or bool(text.strip())
    return -1


Kept = list[list[Any]]  # the edits made, as kept with a layout (kept.py): see `kept`


def kept(edits: dict[int, tuple[Edit, Set]]) -> Kept:
    """The edits as JSON: [start tag, word spacing, letter spacing, taken back, tag,
    the words kept whole, the word whose break is taken back, em off the measure, tied]."""
    return [[at, words, letters, back, p.tag, p.ending, p.broken, narrower, tie]
            for at, ((words, letters, back, narrower, tie), p) in sorted(edits.items())]


def edited_as_kept(html: str, edits: Any) -> str | None:
    """`html` with the edits kept (`kept`); None when they are not of that shape."""
    if not isinstance(edits, list):
        return None
    found: dict[int, tuple[Edit, Set]] = {}
    for edit in edits:
        if not (isinstance(edit, list) and len(edit) == 9 and isinstance(edit[0], int)
                and edit[4] in TAGS and all(isinstance(v, str) for v in edit[5:7])
                and isinstance(edit[7], int | float) and html.startswith(f"<{edit[4]}", edit[0])):
            return None
        found[edit[0]] = ((float(edit[1]), float(edit[2]), bool(edit[3]), float(edit[7]),
                           bool(edit[8])),
                          Set("", edit[4], (), (), 0, False, broken=edit[6], ending=edit[5]))
    return edited(html, found)


def even_rags(document: Any, html: str, render: Callable[[str], Any],
              flow: Callable[[str], Any] | None = None) -> tuple[Any, str, Kept]:
    """The document (and its HTML) with its faulty paragraphs' lines set again (see the
    module's doc), and the edits made (`kept`); as it was when none is better for it (or
    with UNEVEN set). `flow`: the settings tried laid out to read their lines from only,
    when that is cheaper than `render` (the pages without their running heads and folios);
    the document returned is laid out with `render`."""
    if os.environ.get(UNEVEN):
        return document, html, []
    before = paragraphs(document)
    if not before:
        return document, html, []
    body = Body(html)
    size = statistics.mode(p.size for p in before)  # the body text's
    pending: dict[int, Set] = {}  # start tag -> the paragraph as it was
    for paragraph in before:
        at = body.start_tag(paragraph) if paragraph.notched or paragraph.faults and (
            abs(paragraph.size - size) < 0.01 or paragraph.tag == "td"
            or paragraph.size < size or paragraph.lead) else None
        if at is not None:
            pending.setdefault(at, paragraph)
    if not pending:
        return document, html, []
    best, laid = _tried(html, pending, flow or render, size)
    if not best:
        return document, html, []
    edits = {at: (edit, on) for at, (edit, _, on) in best.items()}
    markup = edited(html, edits)
    final = laid[1] if flow is None and laid is not None and laid[0] == markup else \
        render(markup)
    now = paragraphs(final)
    after = _by_place(now, {p.text: at for at, p in pending.items()})
    if [p.pages for p in now] != [p.pages for p in before] or any(
            at not in after or after[at].lines != got.lines for at, (_, got, _) in best.items()):
        return document, html, []  # it did not come out as tried
    return final, markup, kept(edits)


def _tried(html: str, pending: dict[int, Set], render: Callable[[str], Any], size: float
           ) -> tuple[dict[int, tuple[Edit, Set, Set]], tuple[str, Any] | None]:
    """Each pending paragraph's candidates tried, one a round for all of them (those
    kept so far set as kept): the best edit of each that came out better, with how it
    came out and the paragraph it was made on; and the last layout made, with its HTML.
    An edit that ends the lines better but breaks a word at the end of the line before
    the last is tried again with that word kept whole (`_whole`), in the next round."""
    texts = {p.text: at for at, p in pending.items()}
    tries = {at: [(edit, p) for edit in candidates(p, p.size < size - 0.01)]
             for at, p in pending.items()}
    best: dict[int, tuple[Edit, Set, Set]] = {}  # start tag -> (edit, how it came out, on)
    laid: tuple[str, Any] | None = None
    for turn in range(ROUNDS):
        trying = {at: tries[at][turn] for at, p in pending.items()
                  if turn < len(tries[at]) and (best[at][1] if at in best else p).faults
                  and (at in best or not _unchanged(*tries[at][turn], p))}
        if not trying:
            break
        edits = {at: (edit, on) for at, (edit, _, on) in best.items()} | trying
        markup = edited(html, edits)
        laid = markup, render(markup)
        found = _by_place(paragraphs(laid[1]), texts)
        for at, (edit, on) in trying.items():
            now = found.get(at)
            was = best[at][1] if at in best else pending[at]
            if now is None:
                continue
            if _better(now, was, pending[at]):
                best[at] = edit, now, on
            elif (whole := _whole(now, was, pending[at])) is not None:
                tries[at].insert(turn + 1, (edit, replace(on, ending=" ".join(
                    w for w in (on.ending, whole) if w))))
    return best, laid


def _unchanged(edit: Edit, on: Set, first: Set) -> bool:
    """Whether `edit` (made on `on`) leaves the lines of the paragraph as laid out at
    first (`first`) as they were, so that trying it cannot make it better (nor tell a word
    to keep whole): it takes back no break and ties no words, and every line of `first`
    has room for what it widens that line by (the em taken off the measure, the spacing
    added to its spaces and letters), so each line still takes the words it took and no
    more. Not for a table's cell: its padding and spacing may set the columns otherwise.
    The words it keeps whole must be whole in `first`."""
    words, letters, back, narrower, tie = edit
    if back or tie or first.tag == "td" or not first.em or \
            len(first.rooms) != len(first.lines):
        return False
    broken = [broken_word(line, after) for line, after in zip(
        first.lines, first.lines[1:], strict=False) if hyphenated(line)]
    if any(word and (word in b or b in word) for word in on.ending.split(" ") for b in broken):
        return False
    return all(first.em * (narrower + words * len(re.findall(r"\s", line)) + letters * len(line))
               < room - MARGIN for line, room in zip(first.lines, first.rooms, strict=True))


def _whole(now: Set, was: Set, first: Set) -> str | None:
    """The words broken where `now` breaks a hyphen rule (as in the text, with their soft
    hyphens, space-separated): at the end of its line before the last ("meis-" / "ten
    zurückkehren."), or a break the rag does not need that a narrower setting made ("an
    Ver-" / "trieb oder Marketing ... von" / "dort erfahren?"), when those breaks are all
    that keep `now` from being better."""
    if not (now.faults < was.faults and len(now.lines) == len(first.lines)
            and now.pages == first.pages and now.hyphen_fault and len(now.lines) > 1):
        return None
    words = list(now.faulty)
    if not words and hyphenated(now.lines[-2]):  # (a paragraph given without them)
        words = [broken_word(now.lines[-2], now.lines[-1])]
    return " ".join(word for word in words if word and " " not in word) or None


def _by_place(found: list[Set], places: dict[str, int]) -> dict[int, Set]:
    """The paragraphs of a layout found by their text: where their start tags are in the
    HTML (`places`: text -> offset; a paragraph's text is the same whatever its
    spacing)."""
    return {places[p.text]: p for p in found if p.text in places}


def _better(now: Set, was: Set, first: Set) -> bool:
    """Whether a paragraph set again (`now`) ends better than its best so far (`was`):
    fewer faults, as many lines on the same pages as at first, no hyphen rule broken."""
    return (now.faults < was.faults and len(now.lines) == len(first.lines)
            and now.pages == first.pages and not now.hyphen_fault)
