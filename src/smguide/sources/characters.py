"""The one rule for characters nobody can see and nobody means to type, refused wherever
the user's text is read (content, brand, roster): control characters (tab and line breaks
aside), lone surrogates, the zero-width space, and the bidirectional overrides and isolates
that make text display in another order than it is stored. Joiners (U+200C, U+200D) and
the left-to-right and right-to-left marks stay: Persian, Indic scripts, emoji and
right-to-left text need them."""

from __future__ import annotations

import re

_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def has_invisible(text: str) -> bool:
    """Whether `text` holds a character the rule above refuses."""
    return _INVISIBLE.search(text) is not None
