"""Markdown for prose fields: CommonMark with raw HTML escaped and only safe links.

Images are not Markdown's job here (use an `image` block, whose file is checked);
links may only go to https, http, mailto or an anchor inside the guide.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

from smguide.safety.links import safe_link

QUOTES = {"de": "„“‚‘", "fr": "«\u00a0\u00a0»‹\u00a0\u00a0›"}


@lru_cache(maxsize=8)
def _parser(language: str) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": True,
                                   "quotes": QUOTES.get(language.split("-")[0], "“”‘’")})
    md.enable(["replacements", "smartquotes"])
    md.disable(["image", "heading", "lheading"])  # pictures and headings are blocks
    md.validateLink = safe_link  # type: ignore[method-assign]
    return md


def to_html(text: str, language: str = "en") -> Markup:
    """Block Markdown (paragraphs, lists) to escaped, safe HTML."""
    return Markup(_parser(language).render(text))


def to_inline_html(text: str, language: str = "en") -> Markup:
    """One line of Markdown (bold, italic, links) without a wrapping paragraph."""
    return Markup(_parser(language).renderInline(text.strip()))


def to_plain(text: str, language: str = "en") -> str:
    """The words only, for metadata, slides and speaker notes."""
    tokens = _parser(language).parse(text)
    parts: list[str] = []
    for token in tokens:
        if token.type == "inline" and token.children is not None:
            parts.append("".join(" " if child.type in ("softbreak", "hardbreak")
                                 else child.content for child in token.children
                                 if child.type in ("text", "code_inline", "softbreak",
                                                   "hardbreak")))
    return "\n".join(p for p in parts if p)
