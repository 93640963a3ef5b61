"""Fine points of setting the handbook's text, done on its HTML before layout.

- A paragraph never ends on a runt, a last line of one short word ("it.", "haben."): a
  last word shorter than RUNT_CHARS characters (as printed, with its punctuation) is tied
  to the word before it with one no-break space, as a book typesetter ties it, when the
  pair takes at most TIE_LIMIT characters, under a third of the measure
  (CHARACTERS_PER_LINE). Nothing else is tied: a longer last word may stand alone, as a
  line of its own, and a longer pair would leave the line before it short; every tie
  that is not needed notches the rag (the ragged right edge), since the line before the
  pair ends a word early. The last word is never hyphenated (its end alone would be a
  runt), nor is the word tied to it: a break there would end the line before the last in
  a hyphen and open the last with the word's end. Not in a comparison's cells (the
  `md_cell` filter): in a column a quarter of the page wide, WeasyPrint breaks the line
  early before the tied pair, or inside it.
- Hyphenation is ours, not WeasyPrint's: the places a word may break are written into the
  text as soft hyphens (U+00AD), which WeasyPrint breaks at and draws as a hyphen, and
  nowhere else (the stylesheet sets `hyphens: manual`). So the rules a proofreader asks
  for hold: words of at least 6 letters, 3 letters before and after a break, no break in
  a paragraph's last word (its end alone would be a runt) or the words tied to it (the
  line before the last would end in a hyphen, half the pair on the last), in a word that
  has hyphens of its own, in a short quoted term (QUOTED_WORDS words or fewer between
  the language's quotation marks: „Vertrieb“ is a term, and „Ver-“ / „trieb“ reads as
  two), in a name (the brand's name; in English also a capitalised word
  inside a sentence), in code, in bold (a paragraph's bold lead-in or term is a label:
  "rela-" / "tionship" in one reads as two words), or where a template asks for none
  (`hyphenate=False`: headings, labels, table cells, takeaways). And a single break can
  be taken back after layout (handbook/breaks.py: none across a page turn or before a
  paragraph's last line, at most two hyphenated lines in a row or in a paragraph).
- A word that has hyphens of its own ("one-to-one", "E-Mail") is kept whole: a word
  joiner (U+2060) after each of its hyphens forbids a line break there. A character, not
  an element around the word: WeasyPrint breaks a line early before an inline element
  that does not fit (its bugs #1614 and #2748), and U+2011, the no-break hyphen, is not
  in every font (Lato lacks it, and the line falls back to another font for that glyph);
  the word joiner needs no glyph.
Only text between tags is touched, never a tag or an attribute, and never code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from markupsafe import Markup

from smguide.handbook.grid import CHARACTERS_PER_LINE
from smguide.handbook.hyphenation import LIGATURE_BREAK

TAG = re.compile(r"(<[^>]*>)")
COMPOUND = re.compile(r"(?<![\w-])(\w+(?:-\w+)+)(?![\w-])")
SPACE = re.compile(r"[ \n]+")
BLOCK_END = re.compile(r"</(p|li|dd|dt|td|th|h[1-6]|figcaption|blockquote)>")
BLOCK_START = re.compile(r"<(p|li|dd|dt|td|th|h[1-6]|figcaption|blockquote|ul|ol|br)\b")
# a paragraph's last word shorter than this (characters, with its punctuation) would be a
# runt on a line of its own: the measure's rule too (tests/pagequality.py, RUNT_CHARS)
RUNT_CHARS = 8
TIE_SHARE = 0.3  # the tied pair takes at most this share of the measure (20 characters)
TIE_LIMIT = round(CHARACTERS_PER_LINE * TIE_SHARE)  # in characters, with the space
LETTERS = re.compile(r"[^\W\d_]+")
LETTER_START = re.compile(r"(?<![^\W\d_])(?=[^\W\d_])")  # where a run of letters starts
CODE = ("<code", "<pre", "<kbd", "<samp")
SHY, JOINER = "\u00ad", "\u2060"
KEEP = "\ue000"  # marks a word kept whole while the text is set (removed after)
QUOTED_WORDS = 3  # a quoted term this short is never hyphenated
HYPHEN_MIN = 6  # letters a word needs to be hyphenated
# a word that may be hyphenated: letters only, not part of an entity, a compound, a word
# with digits or a word marked to be kept whole
WORD = re.compile(r"(?<![\w&#\u00ad\u2060\ue000-])([^\W\d_]{" + str(HYPHEN_MIN)
                  + r",})(?![\w\u00ad\u2060;-])")
KEPT = re.compile(KEEP + r"([^\W\d_]+)")  # a word marked to be kept whole
BOLD = re.compile(r"<(strong|b)[\s>]")  # a bold run: a lead-in or a term, never hyphenated
BOLD_END = re.compile(r"</(strong|b)\s*>")
SENTENCE = re.compile(r"(?:^|[.!?:;…]\s+|[\"“„«(]\s*)$")

# WeasyPrint 70 breaks a line after its FIRST word when the text before an inline element
# ends in a space and the element does not fit on the line ("Een / beeld om te ... elkaar
# / <b>aanvullen.</b>"); with the space inside the element, it breaks before it.
INLINE_AFTER_SPACE = re.compile(r" (<(?:strong|em|b|i)(?:\s[^>]*)?>)")

Hyphenate = Callable[[str], str]  # a word -> the word with soft hyphens where it may break


def typeset(html: str, tie: bool = True, hyphenate: Hyphenate | None = None,
            names: Collection[str] = (), capitalised_names: bool = False,
            apart: Hyphenate | None = None, quotes: Sequence[str] = ()) -> Markup:
    """`html` (safe HTML) with runts prevented (unless not `tie`: a table cell's text),
    compounds kept whole, the space before a bold or italic run moved inside it (see
    INLINE_AFTER_SPACE) and, with `hyphenate`, every other word of HYPHEN_MIN letters or
    more given its soft hyphens, except `names` (and with `capitalised_names`, a word
    with a capital letter that does not open a sentence). Without `hyphenate`, `apart`
    (a hyphenator too) gives the words only its non-joiners, no soft hyphens: no
    ligature across a compound's joint in text that is not hyphenated either. `quotes`:
    the language's quotation marks (opening, closing, and the inner pair), whose short
    terms are kept whole."""
    parts = TAG.split(str(html))
    quoted = _quoted_term(quotes)
    for i in _text_parts(parts):
        parts[i] = COMPOUND.sub(lambda m: m.group(1).replace("-", "-" + JOINER), parts[i])
        if quoted is not None:
            parts[i] = quoted.sub(lambda m: LETTER_START.sub(KEEP, m.group(0)), parts[i])
    html = INLINE_AFTER_SPACE.sub(r"\1 ", "".join(parts))
    if tie:
        html = tie_ends(html)
    apart = apart or hyphenate
    if hyphenate is not None:
        html = hyphenate_html(html, hyphenate, names, capitalised_names)
    elif apart is not None:
        html = hyphenate_html(html, lambda word: _apart(apart, word))
    if apart is not None:  # a last word, not hyphenated: its joints still set apart
        html = KEPT.sub(lambda m: _apart(apart, m.group(1)), html)
    return Markup(html.replace(KEEP, ""))


def _quoted_term(quotes: Sequence[str]) -> re.Pattern[str] | None:
    """A short term between one of `quotes`' pairs (or straight quotes, as HTML escapes
    them): up to QUOTED_WORDS words, with no quotation mark inside."""
    pairs = [(quotes[i], quotes[i + 1]) for i in range(0, len(quotes) - 1, 2)]
    pairs.append(("&quot;", "&quot;"))
    marks = "".join(re.escape(mark.strip()) for pair in pairs[:-1] for mark in pair
                    if mark.strip())  # an entity ends at its "&"
    word = rf"[^\s{marks}&<]+"
    terms = [rf"{re.escape(opening)}\s?{word}(?:\s+{word}){{0,{QUOTED_WORDS - 1}}}\s?"
             rf"{re.escape(closing)}" for opening, closing in pairs if opening and closing]
    return re.compile("|".join(terms)) if terms else None


LABEL = re.compile(r"(<(dt|th)\b[^>]*>)(.*?)(</\2>)", re.S)


def apart_labels(html: str, apart: Hyphenate) -> str:
    """The words of `html`'s plain labels (a glossary's terms, a table's headings: the
    templates give them no filter) with the non-joiners `apart` gives them: no ligature
    across a compound's joint there either ("Markt|forschung")."""
    def label(match: re.Match[str]) -> str:
        parts = TAG.split(match.group(3))
        for i in _text_parts(parts):
            parts[i] = LETTERS.sub(lambda word: _apart(apart, word.group(0)), parts[i])
        return match.group(1) + "".join(parts) + match.group(4)

    return LABEL.sub(label, html)


def _apart(hyphenate: Hyphenate, word: str) -> str:
    """`word` with the non-joiners `hyphenate` gives it, and no soft hyphen."""
    return hyphenate(word).replace(SHY, "")


def _text_parts(parts: list[str]) -> list[int]:
    """The indexes of `parts` (TAG.split) that are text outside code."""
    found, in_code = [], 0
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            if part.startswith(CODE):
                in_code += 1
            elif part.startswith(("</code", "</pre", "</kbd", "</samp")):
                in_code = max(0, in_code - 1)
        elif not in_code and part:
            found.append(i)
    return found


def _bold_parts(parts: list[str]) -> set[int]:
    """The indexes of `parts` (TAG.split) that are text inside a bold run (BOLD)."""
    found, depth = set(), 0
    for i, part in enumerate(parts):
        if i % 2:
            if BOLD.match(part):
                depth += 1
            elif BOLD_END.match(part):
                depth = max(0, depth - 1)
        elif depth:
            found.add(i)
    return found


def hyphenate_html(html: str, hyphenate: Hyphenate, names: Collection[str] = (),
                   capitalised_names: bool = False) -> str:
    """Soft hyphens into the words of `html`'s text (see `typeset`)."""
    parts = TAG.split(html)
    kept = {name.lower() for name in names}
    bold = _bold_parts(parts)
    for i in _text_parts(parts):
        text = parts[i]

        def soft(match: re.Match[str], text: str = text, i: int = i) -> str:
            word = match.group(1)
            if i in bold:  # a label: its joints set apart, no break
                return _apart(hyphenate, word)
            if word.lower() in kept:
                return word
            if capitalised_names and word[0].isupper() and not _opens_sentence(
                    parts, i, text[:match.start()]):
                return word
            return LIGATURE_BREAK.sub("", hyphenate(word))

        parts[i] = WORD.sub(soft, text)
    return "".join(parts)


def _opens_sentence(parts: list[str], index: int, before: str) -> bool:
    """Whether a word after `before` (in parts[index]) opens a sentence or a block."""
    text = before
    j = index
    while not text.strip() and j >= 2:  # the text before it is in an earlier piece
        tag = parts[j - 1]
        if BLOCK_START.match(tag) or BLOCK_END.match(tag):
            return True
        j -= 2
        text = parts[j] + text
    return bool(SENTENCE.search(text)) if text.strip() else True


def tie_ends(html: str) -> str:
    """Tie a short last word to the one before it at every block's end (and the end of
    `html`): see `_tie_before`."""
    parts = TAG.split(html)
    ends = [i for i, part in enumerate(parts) if i % 2 and BLOCK_END.match(part)]
    for end in [*ends, len(parts)]:
        _tie_before(parts, end)
    return "".join(parts)


def _tie_before(parts: list[str], end: int) -> None:
    """Tie the last two words of the text before parts[end] (back to the block's start)
    with a no-break space when the last is shorter than RUNT_CHARS characters and the
    pair takes at most TIE_LIMIT. The last word is marked KEEP, so that it is not
    hyphenated, and so is the word tied to it."""
    start = end - 1
    while start > 0 and not (BLOCK_START.match(parts[start - 1])
                             or BLOCK_END.match(parts[start - 1])):
        start -= 1
    pieces = [(j, parts[j]) for j in range(start, end) if j % 2 == 0]
    text = "".join(piece for _, piece in pieces).rstrip()
    spaces = list(SPACE.finditer(text))
    first = len(text) - len(text.lstrip())  # where the block's first word starts
    if not spaces or spaces[-1].start() < first or not LETTERS.search(text[spaces[-1].end():]):
        return
    last, space = spaces[-1].end(), spaces[-1]
    edits = [(last, last, 0, KEEP)]
    before = max((s.end() for s in spaces[:-1] if s.start() >= first), default=first)
    # measured as printed: without the marks of words kept whole (a quoted term's) and a
    # compound's word joiners
    word, pair = (len(text[at:].replace(KEEP, "").replace(JOINER, "")) for at in (last, before))
    if text[before:space.start()].strip() and word < RUNT_CHARS and pair <= TIE_LIMIT:
        # the word tied to the last one is not hyphenated either: a break there would end
        # the paragraph's line before the last in a hyphen and set the pair's half on the
        # last ("Ver-" / "trieb an."); the pair goes to the last line whole instead
        edits.append((space.start(), space.end(), 1, "\u00a0"))
        edits.append((before, before, 2, KEEP))
    _edit(parts, pieces, edits)


def _edit(parts: list[str], pieces: list[tuple[int, str]],
          edits: list[tuple[int, int, int, str]]) -> None:
    """Make `edits` (offset in the block's text, its end, order, the replacement; KEEP
    goes before the first letter at or after the offset) in the `pieces` of `parts`."""
    offset = 0
    changed: dict[int, list[tuple[int, int, int, str]]] = {}
    for j, piece in pieces:
        for at, end, order, what in edits:
            if offset <= at < offset + len(piece):
                if what == KEEP:  # before the word's first letter, in the same piece
                    letter = LETTERS.search(piece, at - offset)
                    if letter is None:
                        continue
                    at = end = offset + letter.start()
                changed.setdefault(j, []).append((at - offset, end - offset, order, what))
        offset += len(piece)
    for j, found in changed.items():
        piece = parts[j]
        for at, end, _, what in sorted(found, reverse=True):
            piece = piece[:at] + what + piece[min(end, len(piece)):]
        parts[j] = piece
