"""The space a language puts before : ; ? ! and inside guillemets, after its short words
and between a number and its unit, in the user's own text.

French sets a no-break space before the colon and a narrow no-break space before ; ? !
and inside « » (Lexique des règles typographiques en usage à l'Imprimerie nationale;
Babel's french option does the same). No keyboard types those spaces, so the rule makes
them: an ordinary space there becomes the language's no-break space, and where none was
typed ("Attention: ...", "«oui»") one is put in, so no line starts with a colon or a
closing guillemet. A mark that is not a sentence's (10:30, https://, "?!") is left alone:
a space is only put in before a mark that follows a letter, a digit or a closing mark
and is followed by a space, the end of the text or a closing mark.

Polish, Czech and Slovak tie their one-letter words to the next ("w domu"), and every
language a number to its unit ("49 €"): sources/ties.py, run by the same rule.

The spaces come from the language's typography (assets/typography.yaml, labels.yaml's
`typography:`): `space_before` for the marks, the quotes' own spacing for the guillemets,
`tie_after` for the short words, `units` for the units. A language without the marks'
spaces (English) keeps its marks as typed; a font without the narrow no-break
space gets the no-break space instead (`without_narrow`). The rule runs on Markdown's text
(markdown.py adds it to its parsers), so the handbook and the deck, prose and plain
fields, get the same spaces, and code spans and links' addresses are never touched.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from smguide.model.typography import Typography
from smguide.sources.ties import NBSP, ends_tied, tie, tie_units

SPACES = " \t"  # typed spaces: made no-break
NO_BREAK = "\u00a0\u202f\u2009\u2007"  # already the user's choice: kept
CLOSING = "»”’)]\"'"


@dataclass(frozen=True)
class Spacing:
    """The spaces one language puts before marks and inside guillemets."""

    before: tuple[tuple[str, str], ...] = ()  # (mark, space), e.g. (":", "\u00a0")
    guillemet: str = ""  # the space inside « » ("" : none)
    tied: tuple[str, ...] = ()  # words the next word is tied to ("w", "np."), sorted
    units: tuple[str, ...] = ()  # units a number is tied to ("%", "€", "dni"), sorted

    @classmethod
    def of(cls, space_before: dict[str, str] | Iterable[tuple[str, str]],
           quotes: Iterable[str], tie_after: Iterable[str] = (),
           units: Iterable[str] = ()) -> Spacing:
        """The spacing of a typography: its `space_before`, its double quotes' own
        space ("«\u202f" gives a narrow no-break space inside guillemets), its
        `tie_after` words and its `units` (sources/ties.py)."""
        items = space_before.items() if isinstance(space_before, dict) else space_before
        opening = next(iter(quotes), "")
        inside = opening[1:] if opening.startswith("«") else ""
        return cls(tuple(sorted((mark, space) for mark, space in items if space)),
                   inside if inside and all(c in NO_BREAK for c in inside) else "",
                   tuple(sorted({word for word in tie_after if word.strip()})),
                   tuple(sorted({unit for unit in units if unit.strip()})))

    def __bool__(self) -> bool:
        return bool(self.before or self.guillemet or self.tied or self.units)


def _wordlike(char: str) -> bool:
    return char.isalnum() or char in CLOSING or char in ".…"


def _ends(char: str) -> bool:
    """Whether a mark followed by `char` ("" : the end) ends a sentence's part."""
    return not char or char.isspace() or char in CLOSING


def spaced(text: str, spacing: Spacing, before: str = "", after: str = "") -> str:
    """`text` with the language's spaces before its marks and inside its guillemets;
    `before` and `after`: the characters around it (the text of a Markdown token
    between emphasis marks), "" at the ends."""
    if not spacing or not text:
        return text
    if spacing.tied:
        text = tie(text, spacing.tied, before)
    if spacing.units:
        text = tie_units(text, spacing.units, before)
    return _marks_spaced(text, spacing, before, after) if spacing.before or \
        spacing.guillemet else text


def _marks_spaced(text: str, spacing: Spacing, before: str, after: str) -> str:
    """`text` with the spaces before its marks and inside its guillemets."""
    marks = dict(spacing.before)
    inside = spacing.guillemet
    out: list[str] = []
    for index, char in enumerate(text):
        following = text[index + 1] if index + 1 < len(text) else after
        previous = out[-1] if out else before
        space = inside if char == "»" else marks.get(char)
        if space:
            if out and out[-1] in SPACES:  # the typed space(s) before it: one no-break
                while out and out[-1] in SPACES:
                    out.pop()
                out.append(space)
            elif _takes_space(char, previous, following):  # none typed: one put in
                out.append(space)
        elif char in SPACES and inside and out and (
                out[-1] == "«" or (out[-1] == inside and out[-2:-1] == ["«"])):
            if out[-1] == "«":  # the typed space(s) after «: one no-break
                out.append(inside)
            continue
        out.append(char)
        if char == "«" and inside and following and following not in SPACES + NO_BREAK:
            out.append(inside)
    return "".join(out)


def _takes_space(mark: str, previous: str, following: str) -> bool:
    """Whether a space goes before `mark` where none was typed: after a word (or any
    mark, for a closing guillemet) and, for : ; ? !, where the mark ends a part of a
    sentence (not 10:30, https://, ?!)."""
    if not previous or previous in SPACES + NO_BREAK:
        return False
    if mark == "»":
        return previous != "«"
    return _wordlike(previous) and _ends(following)


def spacing_rule(spacing: Spacing) -> Any:
    """A markdown-it core rule putting `spacing`'s spaces into every text token, each
    read with the characters around it (so "**Attention**: ..." is spaced too)."""

    def rule(state: Any) -> None:
        for token in state.tokens:
            if token.type != "inline" or not token.children:
                continue
            children = token.children
            for index, child in enumerate(children):
                if child.type != "text":
                    continue
                before = _around(children, index, -1)
                child.content = spaced(child.content, spacing, before,
                                       _around(children, index, 1))
                _tie_soft_break(children, index, spacing, before)
                _tie_after_emphasis(children, index, spacing)

    return rule


def _tie_soft_break(children: list[Any], index: int, spacing: Spacing, before: str) -> None:
    """The line break after text child `index` made a no-break space when the text ends
    in a tied word ("w" at the end of a line of the YAML's paragraph)."""
    following = children[index + 1] if index + 1 < len(children) else None
    if (spacing.tied and following is not None and following.type == "softbreak"
            and ends_tied(children[index].content, spacing.tied, before)):
        following.type, following.content = "text", NBSP


def _tie_after_emphasis(children: list[Any], index: int, spacing: Spacing) -> None:
    """The typed space(s) at the start of text child `index` made no-break when the word
    before them, across emphasis marks, is a tied one standing alone ("**w** domu")."""
    text = children[index].content
    if not spacing.tied or not text or text[0] not in SPACES or index == 0 \
            or children[index - 1].type == "text":
        return
    word, step = "", index - 1
    while step >= 0 and children[step].type != "text" and children[step].type.endswith(
            ("_open", "_close")):
        step -= 1
    if step < 0 or children[step].type != "text":
        return
    parts = children[step].content
    word = parts.rsplit(None, 1)[-1] if parts.strip() else ""
    lead = parts[:len(parts) - len(word)]
    before = _around(children, step, -1) if not lead else lead[-1]
    if word and parts.endswith(word) and ends_tied(word, spacing.tied, before):
        children[index].content = NBSP + text.lstrip(SPACES)


def _around(children: list[Any], index: int, step: int) -> str:
    """The visible character before (step -1) or after (+1) child `index`, across
    emphasis marks; "" at a break or the end."""
    index += step
    while 0 <= index < len(children):
        child = children[index]
        if child.type in ("text", "code_inline") and child.content:
            return str(child.content[-1] if step < 0 else child.content[0])
        if child.type in ("softbreak", "hardbreak"):
            return " "
        index += step
    return ""


NARROW = "\u202f"


def without_narrow(typography: Typography) -> Typography:
    """`typography` with a no-break space where it has a narrow one: for fonts that lack
    the narrow no-break space (U+202F), which would print it from another font."""
    def wide(text: str) -> str:
        return text.replace(NARROW, "\u00a0")

    first, second, third, fourth = (wide(quote) for quote in typography.quotes)
    quotes = (first, second, third, fourth)
    return dataclasses.replace(
        typography, quotes=quotes, space_before={mark: wide(space) for mark, space in
                                                 typography.space_before.items()})
