"""A channel, handle, e-mail or web address never breaks at its hyphen: read back from
the decks with python-pptx, its hyphens are non-breaking (U+2011) where the deck's body
font draws that glyph (the dark template's DejaVu Sans), and left as written where it
does not (the brand's Lato: another font's hyphen would show)."""

from __future__ import annotations

from typing import Any

import pytest
from fontTools.ttLib import TTFont

from smguide.deck.unbroken import NAME, NO_BREAK_HYPHEN, whole
from smguide.resources import ASSETS_DIR


def _slide_texts(prs: Any) -> list[tuple[int, str]]:
    return [(number, shape.text_frame.text) for number, slide in enumerate(prs.slides, 1)
            for shape in slide.shapes if shape.has_text_frame and shape != slide.shapes.title]


def test_names_keep_their_hyphens_whole() -> None:
    assert whole("post in #sales-marketing.") == "post in #sales\u2011marketing."
    assert whole("write to amira-h@green-field.example or @amira-h") == \
        "write to amira\u2011h@green\u2011field.example or @amira\u2011h"
    assert whole("see https://green-field.example/first-week, then") == \
        "see https://green\u2011field.example/first\u2011week, then"
    assert whole("a well-known People-Team") == "a well-known People-Team"  # words break


def test_the_templates_closing_slide_keeps_the_channel_whole(four_decks: dict[str, Any]
                                                             ) -> None:
    prs = four_decks["template"]
    texts = _slide_texts(prs)
    closing = " ".join(text for number, text in texts if number == len(prs.slides))
    assert "#sales\u2011marketing" in closing, closing
    broken = [(number, found[0]) for number, text in texts for found in NAME.finditer(text)
              if "-" in found[0]]
    assert not broken, broken


def test_a_font_without_the_glyph_keeps_the_hyphen(four_decks: dict[str, Any]) -> None:
    lato = TTFont(ASSETS_DIR / "fonts" / "Lato-Regular.ttf")  # the brand's bundled font
    assert ord(NO_BREAK_HYPHEN) not in lato.getBestCmap()  # the case this is about
    for name in ("en", "de", "dark 4:3"):
        texts = " ".join(text for _, text in _slide_texts(four_decks[name]))
        assert NO_BREAK_HYPHEN not in texts, name
        assert "#sales-marketing" in texts, name


@pytest.mark.parametrize("text", ["#sales-marketing", "people@greenfield.example"])
def test_a_name_is_found_whole(text: str) -> None:
    assert [m[0] for m in NAME.finditer(f"or post in {text}.")] == [text]
