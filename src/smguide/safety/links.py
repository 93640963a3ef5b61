"""Where a link may go, in the content, the PDF, a company template and the deck: an
address of an allowed scheme (https, http or mailto; a renderer may allow fewer: the deck
carries no plain http) or, inside the guide, an #anchor. Anything else (javascript:,
file:, data:, a path) is never written into an output."""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

Scheme = Literal["https", "http", "mailto"]
_PREFIX: dict[Scheme, str] = {"https": "https://", "http": "http://", "mailto": "mailto:"}
WEB: tuple[Scheme, ...] = ("https", "http", "mailto")  # content, the PDF, templates
SLIDE: tuple[Scheme, ...] = ("https", "mailto")  # the deck: no plain http on a slide


@cache
def _address(schemes: tuple[Scheme, ...]) -> re.Pattern[str]:
    return re.compile("^(" + "|".join(re.escape(_PREFIX[s]) for s in schemes) + ")",
                      re.IGNORECASE)


def safe_link(url: str, anchors: bool = True, schemes: tuple[Scheme, ...] = WEB) -> bool:
    """Whether `url` may be a link target: an address of one of `schemes`, or (with
    `anchors`) a `#place` in the document."""
    url = url.strip()
    return bool(_address(schemes).match(url)) or (anchors and url.startswith("#"))
