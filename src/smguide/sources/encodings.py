"""Which encoding a file that is not UTF-8 was probably saved in, to say so in the error.

Older Windows programs (Notepad before 2019, Excel's plain "CSV") save text in the
computer's Windows code page: Windows-1252 in Western Europe and the Americas,
Windows-1250 in Central Europe (Polish, Czech, Slovak, Hungarian...), Windows-1251 for
Cyrillic. The guess decodes the file in each and keeps the one whose characters beyond
ASCII are most often letters of one script ("ł", "ś" in Windows-1250 are "³", "œ" in
Windows-1252); where two read as well (German's "ä" and Czech's "č" are letters in
both), both are named. A guess only: it names a likely cause, the
fix (save as UTF-8) is the same whatever it is.
"""

from __future__ import annotations

import re
import unicodedata

CANDIDATES = (("cp1252", "Windows-1252 (Western European)"),
              ("cp1250", "Windows-1250 (Central European)"),
              ("cp1251", "Windows-1251 (Cyrillic)"))
SAVE_AS_UTF8 = ("save it as UTF-8 (Notepad: File > Save as, Encoding: UTF-8; "
                "VS Code: the encoding in the status bar, Save with Encoding, UTF-8)")


# marks a Western text has beyond ASCII (Spanish "¿", "€", "«"): no sign of a code page
PUNCTUATION = "¿¡«»°€£§©®·–—„“”‘’…•\u00a0"
WORD = re.compile(r"[^\W\d_]+")


def _script(char: str) -> str:
    return unicodedata.name(char, "X").split(" ")[0]  # LATIN, CYRILLIC, GREEK...


def _score(text: str) -> float:
    """The share of `text`'s characters beyond ASCII that read as letters of a word: a
    word of one script, and a Latin one with a plain letter in it if it is long (a word
    of four accented letters and nothing else is Cyrillic read in a Western code page)."""
    beyond = sum(1 for c in text if ord(c) > 127 and not c.isalpha()  # "³", "¹": not
                 and c not in PUNCTUATION)
    good = 0
    for word in WORD.findall(text):
        extra = sum(1 for c in word if ord(c) > 127)
        if not extra:
            continue
        beyond += extra
        scripts = {_script(c) for c in word}
        if len(scripts) == 1 and not (scripts == {"LATIN"} and len(word) >= 4
                                      and not any(c.isascii() for c in word)):
            good += extra
    return good / beyond if beyond else 0.0


def likely_encoding(raw: bytes) -> str | None:
    """The Windows code page `raw` was probably saved in, as people know it
    ("Windows-1250 (Central European)"), or the two that read it alike ("ä", "é" are the
    same bytes in both); None when none reads it."""
    scores = []
    for codec, name in CANDIDATES:
        try:
            scores.append((_score(raw.decode(codec)), name))
        except UnicodeDecodeError:
            continue
    best = max((score for score, _ in scores), default=0.0)
    if best <= 0:
        return None
    return " or ".join(name for score, name in scores if score >= best - 1e-9)


def not_utf8(raw: bytes) -> str:
    """'the file is not UTF-8 text' with the encoding it is probably in."""
    found = likely_encoding(raw)
    return (f"the file is not UTF-8 text but probably {found}" if found
            else "the file is not UTF-8 text")
