"""German compounds whose joints the hyphenation dictionary misses break at their joints:
the shipped list (assets/joints/de.txt, handbook/hyphenation.py), in the hyphenator and
read back from the German handbook."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from smguide.handbook.hyphenation import SOFT_HYPHEN, hyphenator, listed_compounds
from smguide.resources import builtin
from tests.pagequality import measure, source_compounds


def _breaks(word: str) -> set[int]:
    """Where the German hyphenator lets `word` break (letters before each break)."""
    german = hyphenator("de")
    assert german is not None
    found, letters = set(), 0
    for char in german(word):
        if char == SOFT_HYPHEN:
            found.add(letters)
        elif char.isalpha():
            letters += 1
    return found


@pytest.mark.parametrize("word, joint, wrong", [
    ("Zeitrahmen", 4, 7),  # Zeit-rahmen, never Zeitrah-men
    ("Zeitrahmens", 4, 7),
    ("Projektzeitrahmen", 11, 14),  # a compound holding a listed one
    ("Kennzahlen", 4, 7),
    ("Internetverbindung", 8, 11),  # Internet-verbindung, never Internetver-bindung
    ("stattfinden", 5, 8),
    ("Nährstoffreicher", 9, 12),
    ("Artikelserie", 7, 9),  # Artikel-serie, never Artikelse-rie
    ("Managementrunde", 10, 9),  # never Managemen-trunde
    ("Sonderangebot", 6, 8),  # never Sonderan-gebot
    ("zufriedenstellen", 9, 10),  # never zufriedens-tellen
    ("weiterempfehlen", 6, 9)])  # never weiteremp-fehlen
def test_a_listed_compound_breaks_at_its_joint(word: str, joint: int, wrong: int) -> None:
    breaks = _breaks(word)
    assert joint in breaks and wrong not in breaks, (word, sorted(breaks))


# breaks a print designer marked in the German handbook: in a compound, a syllable of a
# part ("Marke-", "Ver-") where the joint is the place to break
WRONG_BREAKS = ["Artikelse-rie", "Marke-tingpläne", "Ver-gleichstabelle", "Ver-triebsteam",
                "Inter-netverbindung", "Mar-ketingstrategie", "Kon-taktaufnahme",
                "Kontaktauf-nahme", "Teammit-gliedern", "Einzelge-spräch"]


@pytest.mark.parametrize("wrong", WRONG_BREAKS)
def test_inside_a_listed_compound_it_breaks_at_its_joints_alone(wrong: str) -> None:
    """In a listed compound, also inside a longer word ("Vertriebsteams"), no break but
    at its joints: a line that cannot reach the joint leaves the word whole."""
    head, tail = wrong.split("-")
    for word in (head + tail, head + tail + "s"):
        assert len(head) not in _breaks(word), (word, sorted(_breaks(word)))


def test_the_list_reads_as_compounds_and_changes_nothing_else() -> None:
    """Every entry has a joint; a language without a list, and German words that hold
    no listed compound, break as before (the dictionary's two levels alone)."""
    listed = listed_compounds("de")
    assert listed and all(joints for _, joints in listed)
    assert listed_compounds("de-CH") == listed and listed_compounds("nl") == ()
    assert _breaks("Zusammenarbeit") == {5, 8, 10}  # Zusam-men-ar-beit
    assert _breaks("Markenbekanntheit") == {3, 6}  # Mar-ken-bekanntheit


def test_the_german_handbook_breaks_listed_compounds_at_their_joints(
        built_handbook: Callable[..., Path]) -> None:
    """Read back from the German A4 handbook: a hyphenated word that holds a listed
    compound breaks outside it or at one of its joints, never in one of its parts
    ("Zeitrah-" / "men", "Ver-" / "triebsteam", "Marke-" / "tingpläne" broke so), and
    no break is one a designer marked."""
    report = measure(built_handbook("a4", "de"), source_compounds(builtin("content")))
    assert report.hyphenated_lines > 0 and report.hyphenation == [], report.hyphenation
    listed = listed_compounds("de")
    for broken in report.broken_words:
        head, _, tail = broken.partition("-")
        word, at = re.sub(r"\W", "", head + tail).lower(), len(re.sub(r"\W", "", head))
        for whole, joints in listed:
            start = word.find(whole)
            if start >= 0:
                inside = start < at < start + len(whole)
                assert not inside or at - start in joints, broken
        assert broken not in WRONG_BREAKS


def test_short_function_words_are_never_hyphenated() -> None:
    """„die-“ / „ses“ (German A4, p16): the language's short function words
    (assets/unbroken/de.txt, en.txt) have no break, in any case; other words as before."""
    for word in ("dieses", "Dieses", "jemandem", "keiner", "zwischen", "außerhalb"):
        assert _breaks(word) == set(), word
    assert _breaks("Menschen") == {3}
    english = hyphenator("en")
    assert english is not None and SOFT_HYPHEN not in english("between")
    assert SOFT_HYPHEN in english("customers")


def test_a_german_word_needs_seven_letters_to_be_hyphenated() -> None:
    """„hal-“ / „ten“, „kos-ten“, „Gar-ten“, „dau-ern“ (German A4): a German proofreader
    leaves a word of six letters whole (SHORTEST); one of seven breaks as before, and
    English words of six letters still break."""
    for word in ("halten", "kosten", "Garten", "dauern", "Fragen", "Kunden"):
        assert _breaks(word) == set(), word
    assert _breaks("gehalten") == {5} and _breaks("Menschen") == {3}
    english = hyphenator("en")
    assert english is not None and english("market") == f"mar{SOFT_HYPHEN}ket"
