"""Markdown for prose fields: CommonMark with raw HTML escaped and only safe links.

Images are not Markdown's job here (use an `image` block, whose file is checked);
links may only go to https, http, mailto or an anchor inside the guide.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

from smguide.safety.links import safe_link
from smguide.sources.typography import shipped

# the quotes of the guide being rendered (labels.yaml may override its language's): set
# by the renderers with use_quotes; any other language gets the shipped table's
_ACTIVE: ContextVar[tuple[str, tuple[str, ...]] | None] = ContextVar("quotes", default=None)


def use_quotes(language: str, quotes: Sequence[str]) -> None:
    """Markdown in `language` gets these four quotation marks from now on."""
    _ACTIVE.set((language, tuple(quotes)))


def quotes_of(language: str) -> tuple[str, ...]:
    active = _ACTIVE.get()
    if active is not None and active[0] == language:
        return active[1]
    return shipped(language).quotes


def _parser(language: str) -> MarkdownIt:
    return _parser_with(language, quotes_of(language))


@lru_cache(maxsize=16)
def _parser_with(language: str, quotes: tuple[str, ...]) -> MarkdownIt:
    # four strings, not one: markdown-it reads a string's first four characters, so a
    # spaced French "«\u202f" would lose its closing mark
    md = MarkdownIt("commonmark", {"html": False, "typographer": True, "quotes": list(quotes)})
    md.enable(["replacements", "smartquotes"])
    md.disable(["image", "heading", "lheading"])  # pictures and headings are blocks
    md.validateLink = safe_link  # type: ignore[method-assign]
    return md


@lru_cache(maxsize=16)
def _typed_parser(language: str, quotes: tuple[str, ...]) -> MarkdownIt:
    # no Markdown at all ("zero"): only the language's quotes and dashes
    md = MarkdownIt("zero", {"typographer": True, "quotes": list(quotes)})
    md.enable(["replacements", "smartquotes"])
    return md


def typed(text: str, language: str = "en") -> str:
    """A plain-text field (a title, heading, name, term) as typed, with the language's
    smart quotes and dashes: never read as Markdown, so `*stars*` stay stars."""
    tokens = _typed_parser(language, quotes_of(language)).parseInline(text)
    children = tokens[0].children if tokens else None
    return "".join(child.content for child in children) if children else text


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
