"""A PNG logo's size is read from its header (deck/logo.png_size), without Pillow: the
same size Pillow reads, for every kind of PNG; anything else is left to Pillow."""

from __future__ import annotations

import io

import pytest

from smguide.deck.logo import png_size


@pytest.mark.parametrize(("mode", "size"), [("RGBA", (600, 173)), ("P", (1, 1)),
                                            ("L", (37, 1024)), ("RGB", (3000, 2))])
def test_a_pngs_size_is_the_one_pillow_reads(mode: str, size: tuple[int, int]) -> None:
    from PIL import Image

    out = io.BytesIO()
    Image.new(mode, size).save(out, "PNG")
    data = out.getvalue()
    with Image.open(io.BytesIO(data)) as image:
        assert png_size(data) == image.size == size


def test_anything_but_a_png_is_left_to_pillow() -> None:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 20)).save(out, "JPEG")
    assert png_size(out.getvalue()) is None
    assert png_size(b"\x89PNG\r\n\x1a\n") is None  # cut short
    png = io.BytesIO()
    Image.new("RGB", (40, 20)).save(png, "PNG")
    assert png_size(png.getvalue()[:12] + b"IEND" + png.getvalue()[16:]) is None
