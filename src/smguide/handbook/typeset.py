"""Fine points of setting the handbook's text, done on its HTML before layout.

- A paragraph never ends on a line holding one short word (a runt): a short last word is
  tied to the word before it with a no-break space. Not in a comparison's cells (the
  `md_cell` filter): in a column a quarter of the page wide, WeasyPrint breaks the line
  early before the tied pair, or inside it. (Only a space: an element around
  the last words makes WeasyPrint break the line before them too early.)
- A word that has hyphens of its own ("one-to-one", "E-Mail") is kept whole: a line never
  breaks at its hyphens, and it is never hyphenated again.
Only text between tags is touched, never a tag or an attribute, and never code.
"""

from __future__ import annotations

import re

from markupsafe import Markup

TAG = re.compile(r"(<[^>]*>)")
COMPOUND = re.compile(r"(?<![\w-])(\w+(?:-\w+)+)(?![\w-])")
SPACE = re.compile(r"[ \n]+")
BLOCK_END = re.compile(r"</(p|li|dd|dt|td|th|h[1-6]|figcaption|blockquote)>")
BLOCK_START = re.compile(r"<(p|li|dd|dt|td|th|h[1-6]|figcaption|blockquote|ul|ol|br)\b")
SHORT_WORD = 7  # a last word this short (in letters) is tied to the word before it
TIE_LIMIT = 18  # when the two, with their space, are at most this many characters
LETTERS = re.compile(r"[^\W\d_]+")
CODE = ("<code", "<pre", "<kbd", "<samp")


# WeasyPrint 70 breaks a line after its FIRST word when the text before an inline element
# ends in a space and the element does not fit on the line ("Een / beeld om te ... elkaar
# / <b>aanvullen.</b>"); with the space inside the element, it breaks before it.
INLINE_AFTER_SPACE = re.compile(r" (<(?:strong|em|b|i)(?:\s[^>]*)?>)")


def typeset(html: str, tie: bool = True) -> Markup:
    """`html` (safe HTML) with runts prevented (unless not `tie`: a table cell's text),
    hyphenated compounds kept whole, and the space before a bold or italic run moved
    inside it (see INLINE_AFTER_SPACE)."""
    parts = TAG.split(str(html))
    in_code = 0
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            if part.startswith(CODE):
                in_code += 1
            elif part.startswith(("</code", "</pre", "</kbd", "</samp")):
                in_code = max(0, in_code - 1)
            continue
        if not in_code:
            parts[i] = COMPOUND.sub(r'<span class="compound">\1</span>', part)
    html = INLINE_AFTER_SPACE.sub(r"\1 ", "".join(parts))
    return Markup(tie_ends(html) if tie else html)


def tie_ends(html: str) -> str:
    """Tie the last two words before every block's end (and the end of `html`)."""
    parts = TAG.split(html)
    ends = [i for i, part in enumerate(parts) if i % 2 and BLOCK_END.match(part)]
    for end in [*ends, len(parts)]:
        _tie_before(parts, end)
    return "".join(parts)


def _tie_before(parts: list[str], end: int) -> None:
    """Replace the last space of the text before parts[end] (back to the block's start)
    with a no-break space, when the last two words are short enough to share a line."""
    start = end - 1
    while start > 0 and not (BLOCK_START.match(parts[start - 1])
                             or BLOCK_END.match(parts[start - 1])):
        start -= 1
    pieces = [(j, parts[j]) for j in range(start, end) if j % 2 == 0]
    text = "".join(piece for _, piece in pieces).rstrip()
    spaces = list(SPACE.finditer(text))
    if not spaces:
        return
    last = spaces[-1]
    previous = SPACE.split(text[:last.start()].strip())[-1] if text[:last.start()].strip() else ""
    word = LETTERS.findall(text[last.end():])
    if not (previous and word):
        return
    tie = len(word[0]) <= SHORT_WORD and len(previous) + 1 + len(text[last.end():]) <= TIE_LIMIT
    offset = 0
    for j, piece in pieces:
        if offset <= last.start() < offset + len(piece):
            at, end = last.start() - offset, last.end() - offset
            rest = piece[end:]
            if tie:
                parts[j] = piece[:at] + "\u00a0" + rest
            elif rest.strip() and len(word[0]) > SHORT_WORD and TAG.search(rest) is None:
                # a long last word is not hyphenated: its end alone would be a runt. The
                # space goes inside the span (see INLINE_AFTER_SPACE)
                parts[j] = piece[:at] + f'<span class="last-word">{piece[at:end]}{rest}</span>'
            return
        offset += len(piece)


def _text(html: str) -> str:
    return TAG.sub("", html)
