"""The package's thumbnail (docProps/thumbnail.jpeg): a small picture of the title slide.

File managers and PowerPoint's Open dialog show it. Rendering the real slide would need
an office suite at build time; instead the title slide is drawn again with Pillow, from
the same things the slide is made of: the background colour, the logo on its disc, the
title and subtitle in the brand's heading and body fonts.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, replace
from pathlib import Path

WIDTH = 256  # pixels; what PowerPoint itself writes


@dataclass(frozen=True)
class TitleCard:
    """What the thumbnail shows, all resolved: colours as '#rrggbb', fonts as files."""

    title: str
    subtitle: str
    background: str
    ink: str  # the title's colour
    disc: str | None  # the logo disc's colour (the built-in title slide); None: no disc
    logo_png: bytes | None
    logo_ratio: float
    heading_font: Path | None
    body_font: Path | None
    aspect: float  # width / height


def _font(path: Path | None, size: int):  # noqa: ANN202 - a Pillow font
    from PIL import ImageFont

    if path is not None:
        try:
            return ImageFont.truetype(str(path), size)
        except OSError:
            pass
    return ImageFont.load_default(size)


def _wrap(draw, text: str, font, width: int, lines: int) -> list[str]:  # noqa: ANN001
    """Greedy word wrap to `width` pixels, at most `lines` lines (the last one ellipsed)."""
    out: list[str] = []
    for word in text.split():
        if out and draw.textlength(f"{out[-1]} {word}", font=font) <= width:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1].rstrip(".,;:") + "…"
    return out


def cached_thumbnail(card: TitleCard) -> bytes:
    """`thumbnail(card)`, drawn once per distinct card and kept in the user's cache
    (Pillow, its fonts and its JPEG encoder cost about a tenth of a deck's render; the
    same card gives the same bytes): keyed by what the card shows, the logo's and the
    font files' bytes, Pillow's version and this module's code."""
    import hashlib

    from PIL import __version__ as pillow

    from smguide.io.usercache import cached_file, code_of

    def read(font: Path | None) -> bytes:
        try:
            return font.read_bytes() if font is not None else b""
        except OSError:
            return b""

    shown = replace(card, logo_png=None, heading_font=None, body_font=None)
    key = hashlib.sha256()
    for part in (repr(shown).encode(), card.logo_png or b"", read(card.heading_font),
                 read(card.body_font), pillow.encode(), code_of(sys.modules[__name__])):
        key.update(len(part).to_bytes(8, "big") + part)
    return cached_file(f"thumbnail-{key.hexdigest()[:32]}.jpeg", lambda: thumbnail(card),
                       b"\xff\xd8")


def thumbnail(card: TitleCard) -> bytes:
    """The title slide at 256 pixels wide, as JPEG bytes."""
    from PIL import Image, ImageDraw

    height = round(WIDTH / card.aspect)
    image = Image.new("RGB", (WIDTH, height), card.background)
    draw = ImageDraw.Draw(image)
    unit = WIDTH / 13.333  # pixels per inch of a 16:9 slide's width
    left = round(1.0 * unit)  # where the title slide's disc and text start
    if card.logo_png is not None:
        size = round(1.7 * unit)
        top = round(0.75 * unit * height / (WIDTH / 16 * 9))
        if card.disc is not None:
            draw.ellipse((left, top, left + size, top + size), fill=card.disc)
        with Image.open(io.BytesIO(card.logo_png)) as source:
            box = round(size * 0.7)
            w, h = (box, round(box / card.logo_ratio)) if card.logo_ratio >= 1 else (
                round(box * card.logo_ratio), box)
            logo = source.convert("RGBA").resize((max(w, 1), max(h, 1)))
            image.paste(logo, (left + (size - w) // 2, top + (size - h) // 2), logo)
    width = WIDTH - 2 * left
    title_font = _font(card.heading_font, max(round(height * 0.085), 8))
    sub_font = _font(card.body_font, max(round(height * 0.045), 6))
    titles = _wrap(draw, card.title, title_font, width, 2)
    subs = _wrap(draw, card.subtitle, sub_font, width, 2) if card.subtitle else []
    line, sub_line = round(height * 0.1), round(height * 0.06)
    y = round(height * 0.64) - line * len(titles)
    for text in titles:
        draw.text((left, y), text, font=title_font, fill=card.ink)
        y += line
    y += round(height * 0.02)
    for text in subs:
        draw.text((left, y), text, font=sub_font, fill=card.ink)
        y += sub_line
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()
