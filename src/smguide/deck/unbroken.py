"""Names kept whole on the slides: a channel (#sales-marketing), a handle (@amira-h), an
e-mail or a web address never breaks at its hyphen at the end of a line.

PowerPoint and LibreOffice may break a line after a hyphen; the deck's text fitting
(textfit) wraps at spaces only, so a name is measured whole. Its hyphens become
non-breaking hyphens (U+2011) where the deck's body font has that glyph (DejaVu Sans,
Arial and Liberation Sans do); a font without it (Lato) would show another font's
hyphen, so there the text is left as written. Titles are left as written too: they are
set in the heading font, which may lack the glyph."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from smguide.deck.oxml import NS

if TYPE_CHECKING:
    from smguide.deck.textfit import Fonts

NO_BREAK_HYPHEN = "\u2011"
# a web address, an e-mail address, then a channel or handle (# or @ and a name)
NAME = re.compile(r"(?:https?://|www\.)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[#@][\w-]*\w")
_TITLES = ("title", "ctrTitle")


def whole(text: str) -> str:
    """`text` with every hyphen inside a name (see NAME) a non-breaking hyphen."""
    return NAME.sub(lambda found: found[0].replace("-", NO_BREAK_HYPHEN), text)


def has_no_break_hyphen(fonts: Fonts) -> bool:
    """Whether every face of `fonts` (the deck's own body font) draws U+2011."""
    code = ord(NO_BREAK_HYPHEN)
    return all(code in face.advances for face in (fonts.regular, fonts.bold, fonts.italic))


def keep_names_whole(prs: Any, fonts: Fonts) -> int:
    """Non-breaking hyphens in the names on every slide but in its titles, when the body
    font `fonts` has the glyph; returns how many runs changed."""
    if not has_no_break_hyphen(fonts):
        return 0
    changed = 0
    for slide in prs.slides:
        for shape in slide.shapes._spTree.iter(f"{{{NS['p']}}}sp", f"{{{NS['p']}}}graphicFrame"):
            ph = shape.find(f"./*/{{{NS['p']}}}nvPr/{{{NS['p']}}}ph")
            if ph is not None and ph.get("type") in _TITLES:
                continue
            for text in shape.iter(f"{{{NS['a']}}}t"):
                if text.text and "-" in text.text:
                    kept = whole(text.text)
                    if kept != text.text:
                        text.text, changed = kept, changed + 1
    return changed
