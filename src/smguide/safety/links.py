"""Where a link may go, in the content, the PDF and a company template: an https, http or
mailto address, or (inside the guide) an #anchor. Anything else (javascript:, file:,
data:, a path) is never written into an output."""

from __future__ import annotations

import re

_ADDRESS = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)


def safe_link(url: str, anchors: bool = True) -> bool:
    """Whether `url` may be a link target; `anchors`: a `#place` in the document counts."""
    url = url.strip()
    return bool(_ADDRESS.match(url)) or (anchors and url.startswith("#"))
