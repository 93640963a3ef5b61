"""Markdown for prose fields: CommonMark with raw HTML escaped and only safe links.

Images are not Markdown's job here (use an `image` block, whose file is checked);
links may only go to https, http, mailto or an anchor inside the guide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

from smguide.model.typography import Typography
from smguide.safety.links import safe_link
from smguide.sources.punctuation import Spacing, spacing_rule
from smguide.sources.typography import shipped

Quotes = Sequence[str] | None  # the four quotation marks; None: the language's shipped ones


@dataclass(frozen=True)
class Writing:
    """How a guide's text is written: its language, the four quotation marks its smart
    quotes become and the spaces before its marks (the language's, or labels.yaml's own;
    spacing None: the language's)."""

    language: str
    quotes: tuple[str, ...]
    spacing: Spacing | None = None


def writing(language: str, typography: Typography) -> Writing:
    """How a guide in `language` with this typography (its labels.yaml's) writes."""
    return Writing(language, tuple(typography.quotes),
                   Spacing.of(typography.space_before, typography.quotes,
                              typography.tie_after, typography.units))


def _quotes(language: str, quotes: Quotes) -> tuple[str, ...]:
    return tuple(quotes) if quotes is not None else shipped(language).quotes


def _spacing(language: str, quotes: tuple[str, ...], spacing: Spacing | None) -> Spacing:
    if spacing is not None:
        return spacing
    typography = shipped(language)
    return Spacing.of(typography.space_before, quotes, typography.tie_after,
                      typography.units)


def parser(language: str, quotes: Quotes = None, spacing: Spacing | None = None
           ) -> MarkdownIt:
    """The Markdown parser for prose in `language`, with these quotation marks and
    spaces before marks (punctuation.py)."""
    chosen = _quotes(language, quotes)
    return _parser_with(language, chosen, _spacing(language, chosen, spacing))


def _typographer(md: MarkdownIt, spacing: Spacing) -> MarkdownIt:
    """Smart quotes and dashes, then the language's spaces before marks: one rule for
    every text field, prose and plain, handbook and deck."""
    md.enable(["replacements", "smartquotes"])
    if spacing:
        md.core.ruler.push("punctuation_spacing", spacing_rule(spacing))
    return md


@lru_cache(maxsize=16)
def _parser_with(language: str, quotes: tuple[str, ...], spacing: Spacing) -> MarkdownIt:
    # four strings, not one: markdown-it reads a string's first four characters, so a
    # spaced French "«\u202f" would lose its closing mark
    md = MarkdownIt("commonmark", {"html": False, "typographer": True, "quotes": list(quotes)})
    _typographer(md, spacing)
    md.disable(["image", "heading", "lheading"])  # pictures and headings are blocks
    md.validateLink = safe_link  # type: ignore[method-assign]
    return md


@lru_cache(maxsize=16)
def _typed_parser(language: str, quotes: tuple[str, ...], spacing: Spacing) -> MarkdownIt:
    # no Markdown at all ("zero"): only the language's quotes, dashes and spaces
    return _typographer(MarkdownIt("zero", {"typographer": True, "quotes": list(quotes)}),
                        spacing)


def typed(text: str, language: str = "en", quotes: Quotes = None,
          spacing: Spacing | None = None) -> str:
    """A plain-text field (a title, heading, name, term) as typed, with the language's
    smart quotes, dashes and spaces: never read as Markdown, so `*stars*` stay stars."""
    chosen = _quotes(language, quotes)
    tokens = _typed_parser(language, chosen, _spacing(language, chosen, spacing)
                           ).parseInline(text)
    children = tokens[0].children if tokens else None
    return "".join(child.content for child in children) if children else text


def to_html(text: str, language: str = "en", quotes: Quotes = None,
            spacing: Spacing | None = None) -> Markup:
    """Block Markdown (paragraphs, lists) to escaped, safe HTML."""
    return Markup(parser(language, quotes, spacing).render(text))


def to_inline_html(text: str, language: str = "en", quotes: Quotes = None,
                   spacing: Spacing | None = None) -> Markup:
    """One line of Markdown (bold, italic, links) without a wrapping paragraph."""
    return Markup(parser(language, quotes, spacing).renderInline(text.strip()))


def to_plain(text: str, language: str = "en", quotes: Quotes = None,
             spacing: Spacing | None = None) -> str:
    """The words only, for metadata, slides and speaker notes."""
    tokens = parser(language, quotes, spacing).parse(text)
    parts: list[str] = []
    for token in tokens:
        if token.type == "inline" and token.children is not None:
            parts.append("".join(" " if child.type in ("softbreak", "hardbreak")
                                 else child.content for child in token.children
                                 if child.type in ("text", "code_inline", "softbreak",
                                                   "hardbreak")))
    return "\n".join(p for p in parts if p)
