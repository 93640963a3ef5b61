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

A German proofreader breaks a compound at its joint ("Vertriebs-" / "team"), not at a
syllable of its head ("Vertriebsmitar-" / "beiter"). The first level marks prefixes
("ver", "be", "auf") and joints alike, so a joint counts as a compound's (a main joint)
when the part before it, from the mark before, has at least MAIN_PART letters
("vertriebs" after "ver"). After a word's first main joint only main joints are offered:
the layout takes the last break that fits, so a line that reaches a joint ends there,
and one that does not breaks at a syllable of the first part as before ("Kun-" /
"dendatenbank" when "Kunden-" does not fit), but in a listed compound (below).

No ligature across a mark of the first level (Duden: "Auflage", "aufbauen" are set
without their fl and fb ligatures): `hyphenator` puts a zero-width non-joiner (U+200C)
there when the letters around it would make one in a text face (LIGATURES; not inside a
doubled letter that ends the word: "Kaffee" keeps its ff). The first level does not
know every compound ("Marktforschung", "griffbereit", "Kaufbereitschaft"): a syllable
break of the second level between two letters of a ligature, before at least MAIN_PART
letters and not inside a doubled letter, counts as a joint too (a ligature left out
inside a part is never wrong in German; one across a joint is). Nor does it know every
compound's joint ("Zeitrahmen" would be offered as "Zeit-rah-men", and break "Zeitrah-" /
"men"): a short list of such compounds for the language (assets/joints/LANG.txt, each
with a | at its joints) gives the joints of a word that holds one, as main joints, and
inside a listed compound its joints are the only breaks: "Vertriebs-" / "team", never
"Ver-" / "triebsteam" or "Marke-" / "tingpläne" (a designer breaks a compound at its
joint or leaves it whole).
It has no glyph and no text in
the PDF: the words read back whole ("aufbauen"), and a soft hyphen next to it is not
inside a ligature, so that break is kept (handbook/typeset.py takes out a soft hyphen
inside one).

`hyphenator(language)` is what the handbook's text is hyphenated with (handbook/typeset.py
writes the breaks into the text as soft hyphens): at least 3 letters before and after a
break, words of at least SHORTEST letters in German (7: "halten" is left whole), and none
in the language's short function words (assets/unbroken/LANG.txt:
"dieses", "jemandem", "between"), which a designer leaves whole. It reads the
language's dictionary itself (`dictionary`: Pyphen's file, two levels read apart);
Pyphen is not changed, and WeasyPrint is never asked to hyphenate (the stylesheets set
`hyphens: manual`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from smguide.resources import ASSETS_DIR

JOINTS = ASSETS_DIR / "joints"  # compounds whose joints the dictionaries miss, by language
UNBROKEN = ASSETS_DIR / "unbroken"  # words never hyphenated, by language
EDGE = 3  # letters kept before and after a break
# letters a word needs to be hyphenated, where a language's typesetters ask for more than
# typeset.py's HYPHEN_MIN (6): a German proofreader leaves "halten", "kosten", "Garten",
# "dauern" whole (3+3), as the German edition can be set without them
SHORTEST = {"de": 7}
MAIN_PART = 4  # letters the part before a joint has when it is a compound's joint
SOFT_HYPHEN = "\u00ad"
NON_JOINER = "\u200c"
# the pairs of letters a text face joins into one glyph (Lato, as most: fb ff fh fi fj fk
# fl ft, tf ti tt)
LIGATURES = {"f": "bfhijklt", "t": "fit"}
# a soft hyphen inside one of them makes WeasyPrint map the ligature's glyph to the wrong
# text for the whole font: in the PDF, every "ff" then reads as a space ("Begri e",
# "o en"; "Mi e" for "Mitte"), for search, copy and screen readers; so typeset.py offers
# no break there. At a compound's joint `hyphenator` puts a non-joiner before the soft
# hyphen ("auf\u200c\u00adbauen"): no ligature there, and the break stays.
LIGATURE_BREAK = re.compile("|".join(f"(?<=[{a}{a.upper()}])\u00ad(?=[{b}])"
                                     for a, b in LIGATURES.items()))
VOWELS = set("aeiouyäöüàáâãåæèéêëìíîïòóôõøœùúûýÿąęėįųűőāēīōūăîâ")


Compounds = tuple[tuple[str, tuple[int, ...]], ...]  # (compound, where its joints are)


@lru_cache(maxsize=8)
def listed_compounds(language: str) -> Compounds:
    """The compounds listed for `language`'s primary subtag (assets/joints/LANG.txt):
    each written whole, lower case, with the offsets of its joints; none for a language
    with no list."""
    name = language.replace("_", "-").split("-")[0].lower()
    path = JOINTS / f"{name}.txt"
    if not name.isalpha() or not path.is_file():
        return ()
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("#")[0].strip().lower().split("|")
        if len(parts) > 1 and all(parts):
            ends = [sum(len(p) for p in parts[:i]) for i in range(1, len(parts))]
            found.append(("".join(parts), tuple(ends)))
    return tuple(found)


@lru_cache(maxsize=8)
def unbroken_words(language: str) -> frozenset[str]:
    """The words never hyphenated in `language` (its primary subtag's list,
    assets/unbroken/LANG.txt), lower case; none for a language with no list."""
    name = language.replace("_", "-").split("-")[0].lower()
    path = UNBROKEN / f"{name}.txt"
    if not name.isalpha() or not path.is_file():
        return frozenset()
    return frozenset(word for line in path.read_text(encoding="utf-8").splitlines()
                     if (word := line.split("#")[0].strip().lower()))


def _listed(word: str, compounds: Compounds) -> set[int]:
    """The joints of the listed compounds that `word` (lower case) holds."""
    return _in_listed(word, compounds)[0]


def _in_listed(word: str, compounds: Compounds) -> tuple[set[int], set[int]]:
    """The joints of the listed compounds that `word` (lower case) holds, and the other
    places inside them (where it never breaks)."""
    found: set[int] = set()
    inside: set[int] = set()
    for whole, joints in compounds:
        start = word.find(whole)
        while start >= 0:
            found.update(start + j for j in joints)
            inside.update(range(start + 1, start + len(whole)))
            start = word.find(whole, start + 1)
    return found, inside - found


def two_level(path: Path, base: Any, compounds: Compounds = ()) -> Any | None:
    """The dictionary at `path` read level by level (a `base`, pyphen.HyphDict, of
    the levels), or None when it has one level; `compounds`: joints its first level
    misses (`listed_compounds`)."""
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
                listed, closed = _in_listed(word, compounds)
                found = self.cache[word] = _positions(word, self.parts, self.syllables,
                                                      self.edge, listed, closed)
            return found

        def joints(self, word: str) -> list[int]:
            """Where the first level marks the word's parts (prefixes and joints), and
            the joints of a listed compound in it."""
            word = word.lower()
            return sorted(set(_joints(word, self.parts)) | _listed(word, compounds))

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


def _joints(word: str, parts: Any) -> list[int]:
    return sorted({int(p) for p in parts.positions(word) if 0 < int(p) < len(word)})


def _positions(word: str, parts: Any, syllables: Any, edge: int,
               listed: set[int] | None = None, closed: set[int] | None = None
               ) -> list[Any]:
    """The word's breaks: its parts' syllables, at least `edge` letters from a part's
    edges, and its joints (the first level's, and `listed`: a listed compound's, which
    count as main joints); none at `closed` (inside a listed compound, off its joints)."""
    from pyphen import DataInt

    listed = {j for j in listed or () if 0 < j < len(word)}
    closed = closed or set()
    joints = sorted((set(_joints(word, parts)) - closed) | listed)
    breaks = set(joints)
    for start, end in zip([0, *joints], [*joints, len(word)], strict=True):
        part = word[start:end]
        breaks.update(start + int(p) for p in syllables.positions(part)
                      if edge <= int(p) <= len(part) - edge)
    main = [j for j, before in zip(joints, [0, *joints], strict=False)
            if j - before >= MAIN_PART or j in listed]
    if main:  # after the first main joint, only main joints
        breaks = {p for p in breaks if p <= main[0] or p in main}
    breaks -= closed
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


def _ligates(word: str, at: int) -> bool:
    """Whether the letters either side of a mark of the first level make a ligature
    there. The first level marks a doubled letter's middle in some stems too ("kaf|fee"):
    a mark there counts when the rest of the word could be a word (MAIN_PART letters:
    "mit|teilung", not "kaf|fee")."""
    before, after = word[at - 1].lower(), word[at].lower()
    if after not in LIGATURES.get(before, ""):
        return False
    return before != after or len(word) - at >= MAIN_PART


def dictionary(path: Path, compounds: Compounds = ()) -> Any:
    """The hyphenation dictionary at `path` (a pyphen.HyphDict): a two-level file read
    level by level (with the joints of `compounds`), a one-level file as Pyphen reads
    it."""
    import pyphen

    try:
        found = two_level(path, pyphen.HyphDict, compounds)
    except (OSError, ValueError):  # not readable as two levels: Pyphen's own reading
        found = None
    return found if found is not None else pyphen.HyphDict(path)


@lru_cache(maxsize=8)
def hyphenator(language: str) -> Callable[[str], str] | None:
    """A word -> the word with a soft hyphen at each place it may break, in `language`
    (a BCP 47 tag; English by the American patterns, which split by syllable:
    "re-spon-si-bil-i-ties", less the break before a one-letter syllable, which an
    American dictionary's end-of-line division sets at the end of the line: "activi-" /
    "ties", "sepa-" / "rate", not "activ-" / "ities", "sep-" / "arate"), and a
    zero-width non-joiner where a ligature would join two parts ("auf\u200cbauen");
    None when Pyphen has no dictionary for the language."""
    import pyphen

    base = language.replace("-", "_")
    lang = "en_US" if base.split("_")[0].lower() == "en" else pyphen.language_fallback(base)
    if not lang:
        return None
    patterns = dictionary(Path(str(pyphen.LANGUAGES[lang])), listed_compounds(lang))
    joints = getattr(patterns, "joints", None)
    english = lang.startswith("en")
    unbroken = unbroken_words(lang)
    shortest = SHORTEST.get(lang.split("_")[0].lower(), 0)

    @lru_cache(maxsize=4096)
    def soft(word: str) -> str:
        breaks = {int(p) for p in patterns.positions(word) if EDGE <= p <= len(word) - EDGE
                  } if word.lower() not in unbroken and len(word) >= shortest else set()
        if english:  # a vowel that is a syllable of its own ends the line
            breaks -= {p for p in breaks if p + 1 in breaks}
        apart = {j for j in (joints(word) if joints else ()) if _ligates(word, j)}
        if joints:  # a joint the first level misses ("Markt|forschung", "griff|bereit"):
            # a syllable break between two letters of a ligature, before a part that could
            # be a word (MAIN_PART letters; "hef-tig" keeps its ft)
            apart |= {p for p in breaks if _ligates(word, p) and word[p - 1] != word[p]
                      and len(word) - p >= MAIN_PART}
        pieces = []
        for i, letter in enumerate(word):
            pieces.append((NON_JOINER if i in apart else "")
                          + (SOFT_HYPHEN if i in breaks else "") + letter)
        return "".join(pieces)

    return soft
