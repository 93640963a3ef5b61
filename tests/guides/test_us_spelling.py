"""The built-in English guide is written in the English its language tag names: `en`,
which the deck tags en-US (PowerPoint spell-checks the notes and a screen reader reads the
slides as American English), so its text spells as Americans do: organize, labeled,
color; a comma or full stop before a closing quotation mark."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from smguide.deck.finish import language_tag
from smguide.resources import builtin

CONTENT = builtin("content")
# British forms and the American ones the text uses instead
BRITISH = re.compile(
    r"\b(\w*organis\w*|\w*labell\w*|colour\w*|behaviour\w*|favour\w*|honour\w*|"
    r"neighbour\w*|centre[sd]?|programme[sd]?|catalogue[sd]?|analys(e|ed|es|ing)|"
    r"travell\w*|cancell\w*|modell\w*|licence[sd]?|defence|grey|whilst|amongst|learnt|"
    r"advert[s]?|(real|recogn|prioriti|summar|emphas|special|optim|minim|maxim|custom)is"
    r"(e|ed|es|ing|ation)|tick (them|it|each) off)\b", re.IGNORECASE)
OUTSIDE_QUOTES = re.compile(r"[\"”][,.]")  # "market", (British) for "market," (American)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _english_files() -> list[Path]:
    return [CONTENT / "guide.yaml", CONTENT / "labels.yaml",
            *sorted((CONTENT / "chapters").glob("*.yaml"))]


def test_the_english_guide_spells_as_its_language_tag_says() -> None:
    guide = yaml.safe_load((CONTENT / "guide.yaml").read_text(encoding="utf-8"))
    assert language_tag(guide["language"]) == "en-US"
    found = []
    for path in _english_files():
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            found += [(path.name, m.group(0)) for m in BRITISH.finditer(text)]
            found += [(path.name, text[max(0, m.start() - 20):m.end()])
                      for m in OUTSIDE_QUOTES.finditer(text)]
    assert not found, found


def test_the_check_finds_british_forms() -> None:
    """The patterns find what they are for (so the test above can fail)."""
    for text in ("how it is organised", "labelled Sales", "the colour of", "Tick them off",
                 "an advert on", "recognise"):
        assert BRITISH.search(text), text
    for text in ("how it is organized", "labeled Sales", "Check them off", "an ad on"):
        assert not BRITISH.search(text), text
    assert OUTSIDE_QUOTES.search('comes from "market", and')
    assert not OUTSIDE_QUOTES.search('comes from "market," and')
