"""The one safe-link rule (safety/links.py), with the schemes each output allows."""

from __future__ import annotations

import pytest

from smguide.safety.links import SLIDE, WEB, safe_link


@pytest.mark.parametrize("url, web, slide", [
    ("https://example.com", True, True),
    ("HTTPS://EXAMPLE.COM", True, True),
    ("mailto:someone@example.com", True, True),
    ("http://example.com", True, False),  # the deck carries no plain http
    ("  https://example.com  ", True, True),
    ("javascript:alert(1)", False, False),
    ("file:///etc/passwd", False, False),
    ("data:text/html,<b>x</b>", False, False),
    ("https:example.com", False, False),
    ("ftp://example.com", False, False),
    ("/etc/passwd", False, False),
])
def test_a_link_is_safe_by_its_scheme(url: str, web: bool, slide: bool) -> None:
    assert safe_link(url, anchors=False, schemes=WEB) is web
    assert safe_link(url, anchors=False) is web  # the web's schemes unless told
    assert safe_link(url, anchors=False, schemes=SLIDE) is slide


def test_an_anchor_counts_only_inside_the_document() -> None:
    assert safe_link("#chapter-2")
    assert not safe_link("#chapter-2", anchors=False)
    assert not safe_link("#chapter-2", anchors=False, schemes=SLIDE)
