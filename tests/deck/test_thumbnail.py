"""The deck's thumbnail (deck/thumbnail.py) is drawn once per distinct title card and kept
in the user's cache: the same card gives the kept bytes without drawing, a changed card
(its title, its font file) is drawn again, and what is kept is what would be drawn."""

from __future__ import annotations

import io
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from smguide.deck import thumbnail as module
from smguide.deck.thumbnail import TitleCard, cached_thumbnail, thumbnail
from smguide.resources import FONTS_DIR


def test_a_title_cards_thumbnail_is_drawn_once(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    from PIL import Image

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    font = tmp_path / "heading.ttf"
    shutil.copy(FONTS_DIR / "Lato-Bold.ttf", font)
    card = TitleCard("Sales and marketing", "A first week", "#1d5e8c", "#ffffff", None,
                     None, 1.0, font, None, 16 / 9)
    first = cached_thumbnail(card)
    assert first == thumbnail(card)
    with Image.open(io.BytesIO(first)) as image:
        assert image.format == "JPEG" and image.size == (256, 144)
    drawn: list[TitleCard] = []
    real = module.thumbnail
    monkeypatch.setattr(module, "thumbnail", lambda c: (drawn.append(c), real(c))[1])
    assert cached_thumbnail(card) == first and drawn == []  # kept
    other = replace(card, title="Welcome aboard")
    assert cached_thumbnail(other) == real(other) != first and drawn == [other]
    font.write_bytes((FONTS_DIR / "Lato-Bold.ttf").read_bytes()[:-1])
    cached_thumbnail(card)  # the same path, other bytes: drawn again
    assert drawn == [other, card]
