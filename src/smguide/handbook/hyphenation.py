"""Hyphenation dictionaries read as their makers meant: two levels.

WeasyPrint hyphenates with Pyphen, which reads a `hyph_*.dic` file as one set of
patterns. The German (and Catalan, French, Croatian, Mongolian, Slovenian) files of
LibreOffice, which Pyphen ships, have two levels: above `NEXTLEVEL` a list of words and
compounds marking where a compound's parts meet, below it the syllable patterns, meant
for each part on its own (libhyphen's two-level hyphenation). Read as one set, the
syllable patterns run across the parts and give breaks no German proofreader accepts
("Zusammena-rbeit", "dau-e-r-haft"). So for those files the levels are read apart: the
first splits a word into its parts, the second hyphenates each part, at least two
letters from its edges (the file's COMPOUNDLEFTHYPHENMIN/COMPOUNDRIGHTHYPHENMIN). A piece
between two breaks that has no vowel ("n", "r") joins the piece before it.

`install()` makes Pyphen read a two-level file this way when it first reads it, so
WeasyPrint's own lookups get the parts and syllables right. `hyphenator(language)` is
what the handbook's text is hyphenated with (handbook/typeset.py writes the breaks into
the text as soft hyphens): at least 3 letters before and after a break.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

EDGE = 3  # letters kept before and after a break
SOFT_HYPHEN = "\u00ad"
VOWELS = set("aeiouyäöüàáâãåæèéêëìíîïòóôõøœùúûýÿąęėįųűőāēīōūăîâ")
_installed = False


def two_level(path: Path, base: Any) -> Any | None:
    """The dictionary at `path` read level by level (a `base`, pyphen.HyphDict, of
    the levels), or None when it has one level."""
    raw = path.read_bytes()
    marker = raw.find(b"\nNEXTLEVEL")
    if marker < 0:
        return None
    head, _, rest = raw.partition(b"\n")
    first, second = raw[len(head) + 1:marker], rest[marker - len(head):]
    second = second.partition(b"\n")[2]
    encoding = head.decode("ascii", "replace").strip()
    minimum = [int(v) for v in re.findall(rb"^COMPOUND(?:LEFT|RIGHT)HYPHENMIN (\d+)",
                                          raw[:marker], re.M)] or [2]
    levels = [_patterns(base, encoding, body) for body in (first, second)]

    class TwoLevel(base):
        def __init__(self) -> None:
            self.parts, self.syllables = levels
            self.edge = max(minimum)
            self.cache: dict[str, list[Any]] = {}
            self.patterns: dict[str, Any] = {}
            self.maxlen = 0

        def positions(self, word: str) -> list[Any]:
            word = word.lower()
            found = self.cache.get(word)
            if found is None:
                found = self.cache[word] = _positions(word, self.parts, self.syllables,
                                                      self.edge)
            return found

    return TwoLevel()


def _patterns(base: Any, encoding: str, body: bytes) -> Any:
    """One level's patterns as a `base` (pyphen.HyphDict), read from a file of its own."""
    import tempfile

    lines = [line for line in body.split(b"\n")
             if line.strip() and not line.startswith((b"NOHYPHEN", b"1-1", b"1'1"))]
    with tempfile.NamedTemporaryFile(suffix=".dic") as level:
        level.write(encoding.encode() + b"\n" + b"\n".join(lines) + b"\n")
        level.flush()
        return base(Path(level.name))


def _positions(word: str, parts: Any, syllables: Any, edge: int) -> list[Any]:
    from pyphen import DataInt

    joints = sorted({int(p) for p in parts.positions(word) if 0 < int(p) < len(word)})
    breaks = set(joints)
    for start, end in zip([0, *joints], [*joints, len(word)], strict=True):
        part = word[start:end]
        breaks.update(start + int(p) for p in syllables.positions(part)
                      if edge <= int(p) <= len(part) - edge)
    kept: list[int] = []
    for point in sorted(breaks):  # a piece without a vowel joins the piece before it
        if not VOWELS & set(word[kept[-1] if kept else 0:point]):
            if not kept:
                continue
            kept.pop()
        kept.append(point)
    if kept and not VOWELS & set(word[kept[-1]:]):
        kept.pop()
    return [DataInt(p) for p in kept]


def install() -> None:
    """Let Pyphen (and so WeasyPrint) read a two-level dictionary level by level, when
    it first reads one (a one-level file is read as before)."""
    global _installed
    if _installed:
        return
    import pyphen

    original = pyphen.HyphDict

    def read(path: Any) -> Any:
        try:
            dictionary = two_level(Path(str(path)), original)
        except (OSError, ValueError):  # not readable as two levels: Pyphen's own reading
            dictionary = None
        return dictionary if dictionary is not None else original(path)

    pyphen.HyphDict = read
    pyphen.hdcache.clear()  # a dictionary read before was read as one level
    _installed = True


@lru_cache(maxsize=8)
def hyphenator(language: str) -> Callable[[str], str] | None:
    """A word -> the word with a soft hyphen at each place it may break, in `language`
    (a BCP 47 tag; English by the American patterns, which split by syllable:
    "re-spon-si-bil-i-ties"), or None when Pyphen has no dictionary for it."""
    import pyphen

    install()
    base = language.replace("-", "_")
    lang = "en_US" if base.split("_")[0].lower() == "en" else pyphen.language_fallback(base)
    if not lang:
        return None
    dictionary = pyphen.Pyphen(lang=lang, left=EDGE, right=EDGE)

    @lru_cache(maxsize=4096)
    def soft(word: str) -> str:
        return str(dictionary.inserted(word, hyphen=SOFT_HYPHEN))

    return soft
