"""No line of a broken paragraph ends on an article, a determiner or a short preposition
(linebreaks.TIED: "einen / Kaffee", "einem / Freund") where breaks about as even exist."""

from __future__ import annotations

from typing import Any

import pytest

from smguide.deck.linebreaks import TIED, broken
from smguide.deck.measuring import SUBSTITUTE, family_fonts
from smguide.deck.textfit import Para, Span, system_fonts, widest
from smguide.deck.write import KEPT_BREAK
from tests.deck.test_dark_decks import BRAND


def _fonts() -> tuple[Any, Any]:
    own = family_fonts(BRAND, BRAND.base_family)
    substitute = system_fonts(SUBSTITUTE)
    assert own is not None and substitute is not None, "the fonts are installed for the tests"
    return widest(own, substitute), own


def _lines(para: Para) -> list[str]:
    return "".join(span.text for span in para.spans).split(KEPT_BREAK)


@pytest.mark.parametrize(("text", "width", "size"), [
    # the German closing slide's step and the German 4:3 question slide's, at widths
    # where the most even breaks end a line on "einen" and "einem"
    ("Nächster Schritt: Trinken Sie diese Woche einen Kaffee mit jemandem aus Vertrieb "
     "oder Marketing.", 520.0, 20.0),
    ("Wie würden Sie den Unterschied einem Freund oder einer Freundin erklären?", 490.0, 24.0),
])
def test_a_line_does_not_end_on_an_article(text: str, width: float, size: float) -> None:
    fonts, own = _fonts()
    lines = _lines(broken(Para((Span(text),)), width, size, fonts, own))
    assert len(lines) == 2, lines
    assert lines[0].split()[-1].lower() not in TIED, lines
