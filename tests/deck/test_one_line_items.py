"""An item that fits on one line is never broken (deck/linebreaks.py): every list item
of the German checklist and questions slides, as a numbered item and as plain text, at
the deck's body sizes and at every width from a card's to a 16:9 slide's, in Lato and in
DejaVu Sans (the dark template's font), each measured against the wider of it and
Liberation Sans as the deck measures; and no paragraph of the German 4:3 deck that is one
line in Lato in its frame carries a line break (test_own_font_breaks reads the other
review decks so)."""

from __future__ import annotations

from typing import Any

import pytest

from smguide.deck.linebreaks import broken
from smguide.deck.measuring import SUBSTITUTE, family_fonts
from smguide.deck.textfit import Para, Span, line_count, system_fonts, widest
from smguide.deck.write import KEPT_BREAK, LINE_BREAK
from tests.deck.test_body_sizes import german_4_3  # noqa: F401 (a fixture)
from tests.deck.test_dark_decks import BRAND
from tests.deck.test_own_font_breaks import _broken, _whole

ITEMS = (  # content/de/chapters/07-first-week.yaml, the slide's lines
    "Fragen Sie Ihre Führungskraft, wofür Ihr Team zuständig ist",
    "Fragen Sie im Vertrieb oder im Marketing, wie eine gute Woche aussieht",
    "Hören Sie bei einem Verkaufsgespräch zu und sehen Sie sich eine laufende Kampagne an",
    "Lernen Sie die Quartalsziele und Produkte kennen",
    "Schreiben Sie zwei Sätze: Ihr Beitrag zur Ernte",
    "Wie würden Sie den Unterschied einem Freund oder einer Freundin erklären?",
    "Was könnte Ihr Team nächste Woche mit Vertrieb oder Marketing teilen?",
)


def _is_broken(para: Para) -> bool:
    return any(LINE_BREAK in s.text or KEPT_BREAK in s.text for s in para.spans)


@pytest.mark.parametrize("face", ["Lato", "DejaVu Sans"])
def test_an_item_that_fits_one_line_is_never_broken(face: str) -> None:
    own = family_fonts(BRAND, BRAND.base_family) if face == "Lato" else system_fonts(face)
    substitute = system_fonts(SUBSTITUTE)
    assert own is not None and substitute is not None, "the fonts are installed for the tests"
    fonts = widest(own, substitute)
    one_line = wrapped = 0
    for text in ITEMS:
        for bullet in (None, "1."):
            para = Para((Span(text),), bullet=bullet)
            for size in (20.0, 24.0):
                for width in range(260, 900, 4):
                    result = broken(para, float(width), size, fonts, own)
                    if line_count(para, width, size, own) == 1:
                        one_line += 1
                        assert not _is_broken(result), (face, text, bullet, size, width)
                    elif _is_broken(result):
                        wrapped += 1
    assert one_line > 100 and wrapped > 100, (one_line, wrapped)  # both cases were seen


def test_no_one_line_paragraph_of_the_german_4_3_deck_is_broken(german_4_3: Any) -> None:  # noqa: F811
    """But a title that wraps in Arial's widths: it is broken into the lines it takes
    there, so it stands on its rule in either font (test_titles_on_the_rule)."""
    own = family_fonts(BRAND, BRAND.base_family)
    substitute = system_fonts(SUBSTITUTE)
    assert substitute is not None
    found = _broken(german_4_3)
    assert len(found) >= 8  # its checklist's and questions' items wrap at 4:3
    wrongly = [(number, shape.name, " / ".join("".join(s.text for s in line) for line in lines))
               for number, shape, width, size, lines in found
               if shape.name != "Card" and line_count(_whole(lines), width, size, own) == 1
               and not (shape == german_4_3.slides[number - 1].shapes.title
                        and line_count(_whole(lines), width, size, substitute) > 1)]
    assert not wrongly, wrongly
