"""What a language keeps on one line, in the user's own text: a short word with the word
after it, a number with its unit.

- Polish, Czech and Slovak never leave a one-letter word (w, z, i, a; v, k, s) at a line's
  end (Polish typesetting's rule, and Czech's ČSN 01 6910): the typed space after such a
  word, or after an abbreviation that leads its word ("np."), becomes a no-break space,
  as TeX's vlna and Polish typesetters put a tie there. The words are the language's
  `tie_after`, each also with a capital ("W dziale", "Np. w"); only a word that stands as
  one is tied (not the end of "mów", nor the "w" of "a@w.pl" or "e-w").
- A number and its unit or currency never part (every typesetting manual; the SI
  brochure's "a space, never broken"): the typed space between "49" and "€", "25" and
  "%", "3" and "dni" becomes a no-break space, and so do the spaces that group a
  number's thousands ("1 000 zł"); a sign typed before its number ("€ 49", "§ 5") keeps
  it too. The units are the language's `units` (signs and SI units for every language,
  a language's own words, "zł", "dni", "Tage", in its entry); a unit is matched whole and
  as typed ("5 m" but not "5 mln" for "m"), and nothing is put in where no space was
  typed ("25%").

The words and units come from the language's typography (assets/typography.yaml,
labels.yaml's `typography:`). The rules run on Markdown's text tokens (punctuation.py's
rule calls them), so code spans and links' addresses are never touched.
"""

from __future__ import annotations

import re
from functools import lru_cache

NBSP = "\u00a0"
TYPED = "[ \t]+"
# a tied word starts after none of these: a letter or digit (the end of "mów"), or a
# character inside a word or an address ("e-w", "a/w", "x.w", "ab@w", a soft hyphen)
_INSIDE = r"\w\-'’.@/\\\u00ad\u2060"
# a number: digits, its thousands grouped by typed spaces ("1 000"), a decimal part
_NUMBER = r"(?<![\w.,])(?:\d{1,3}(?:[ \t]\d{3})+(?!\d)|\d+)(?:[.,]\d+)?"


def _alternatives(forms: set[str]) -> str:
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=16)
def _tie_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A tied word (or its capitalised form) standing as a word, then the typed spaces
    after it (group 2) or the end of the text (group 2 empty)."""
    forms = {form for word in words for form in (word, word[:1].upper() + word[1:])}
    return re.compile(f"(?<![{_INSIDE}])({_alternatives(forms)})({TYPED}|$)")


def _lead(before: str) -> str:
    """The character put before a text so its first word is read as it stands."""
    return before if before and not before.isspace() else " "


def tie(text: str, words: tuple[str, ...], before: str = "") -> str:
    """`text` with a no-break space for the typed space(s) after each of `words` that
    stands as a word; `before`: the character before the text ("" : none)."""
    padded = _lead(before) + text
    out: list[str] = []
    end = 1
    for found in _tie_pattern(words).finditer(padded, 1):
        if found[2]:
            out.append(padded[end:found.start(2)])
            out.append(NBSP)
            end = found.end(2)
    out.append(padded[end:])
    return "".join(out)


def ends_tied(text: str, words: tuple[str, ...], before: str = "") -> bool:
    """Whether `text` ends in one of `words` standing as a word (so the line break that
    follows it, a Markdown soft break, is tied too)."""
    padded = _lead(before) + text
    return any(not found[2] and found.end() == len(padded)
               for found in _tie_pattern(words).finditer(padded, 1))


@lru_cache(maxsize=16)
def _unit_pattern(units: tuple[str, ...]) -> re.Pattern[str]:
    """A number, typed spaces and one of `units` as typed, not followed by a letter, or
    several ("5 mln zł"; group 1: the number, group 2: the units); or a sign among them,
    typed spaces and a number (group 3: the sign, group 4: the number)."""
    signs = {unit for unit in units if not any(char.isalnum() for char in unit)}
    unit = f"(?:{_alternatives(set(units))})(?![^\\W\\d_])"
    after = f"({_NUMBER}){TYPED}({unit}(?:{TYPED}{unit})*)"  # "5 mln zł": both
    if not signs:
        return re.compile(after)
    return re.compile(f"{after}|(?<![\\w.,])({_alternatives(signs)}){TYPED}({_NUMBER})")


def _number(text: str) -> str:
    return re.sub(TYPED, NBSP, text)


def tie_units(text: str, units: tuple[str, ...], before: str = "") -> str:
    """`text` with a no-break space for the typed space(s) between each number and its
    unit (or its sign and the number), and in the number ("1 000"); `before`: the
    character before the text ("" : none)."""
    padded = _lead(before) + text
    out: list[str] = []
    end = 1
    for found in _unit_pattern(units).finditer(padded, 1):
        out.append(padded[end:found.start()])
        out.append(f"{_number(found[1])}{NBSP}{_number(found[2])}" if found[1] is not None
                   else f"{found[3]}{NBSP}{_number(found[4])}")
        end = found.end()
    out.append(padded[end:])
    return "".join(out)
