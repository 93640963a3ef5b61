"""Markdown for prose fields: CommonMark with raw HTML escaped and only safe links.

Images are not Markdown's job here (use an `image` block, whose file is checked);
links may only go to https, http, mailto or an anchor inside the guide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from smguide.model.typography import Typography
from smguide.safety.links import safe_link
from smguide.sources.punctuation import Spacing, spacing_rule
from smguide.sources.typography import shipped

if TYPE_CHECKING:  # markdown-it is imported when a text is parsed (see kept parses below)
    from markdown_it import MarkdownIt
    from markupsafe import Markup

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
    from markdown_it import MarkdownIt

    # four strings, not one: markdown-it reads a string's first four characters, so a
    # spaced French "«\u202f" would lose its closing mark
    md = MarkdownIt("commonmark", {"html": False, "typographer": True, "quotes": list(quotes)})
    _typographer(md, spacing)
    md.disable(["image", "heading", "lheading"])  # pictures and headings are blocks
    md.validateLink = safe_link  # type: ignore[method-assign]
    return md


@lru_cache(maxsize=16)
def _typed_parser(language: str, quotes: tuple[str, ...], spacing: Spacing) -> MarkdownIt:
    from markdown_it import MarkdownIt

    # no Markdown at all ("zero"): only the language's quotes, dashes and spaces
    return _typographer(MarkdownIt("zero", {"typographer": True, "quotes": list(quotes)}),
                        spacing)


def typed(text: str, language: str = "en", quotes: Quotes = None,
          spacing: Spacing | None = None) -> str:
    """A plain-text field (a title, heading, name, term) as typed, with the language's
    smart quotes, dashes and spaces: never read as Markdown, so `*stars*` stay stars."""
    chosen = _quotes(language, quotes)
    chosen_spacing = _spacing(language, chosen, spacing)

    def parsed() -> str:
        tokens = _typed_parser(language, chosen, chosen_spacing).parseInline(text)
        children = tokens[0].children if tokens else None
        return "".join(child.content for child in children) if children else text

    return _kept(("typed", text, language, chosen, chosen_spacing), parsed)


def to_html(text: str, language: str = "en", quotes: Quotes = None,
            spacing: Spacing | None = None) -> Markup:
    """Block Markdown (paragraphs, lists) to escaped, safe HTML."""
    from markupsafe import Markup

    return Markup(parser(language, quotes, spacing).render(text))


def to_inline_html(text: str, language: str = "en", quotes: Quotes = None,
                   spacing: Spacing | None = None) -> Markup:
    """One line of Markdown (bold, italic, links) without a wrapping paragraph."""
    from markupsafe import Markup

    return Markup(parser(language, quotes, spacing).renderInline(text.strip()))


def to_plain(text: str, language: str = "en", quotes: Quotes = None,
             spacing: Spacing | None = None) -> str:
    """The words only, for metadata, slides and speaker notes."""
    tokens = block_tokens(text, language, quotes, spacing)
    parts: list[str] = []
    for token in tokens:
        if token.type == "inline" and token.children is not None:
            parts.append("".join(" " if child.type in ("softbreak", "hardbreak")
                                 else child.content for child in token.children
                                 if child.type in ("text", "code_inline", "softbreak",
                                                   "hardbreak")))
    return "\n".join(p for p in parts if p)


@dataclass(frozen=True)
class Token:
    """What the deck and the plain texts read of one of markdown-it's tokens: its type,
    content and attributes, and its children (an inline token's), kept as plain values."""

    type: str
    content: str = ""
    attrs: tuple[tuple[str, str], ...] = ()
    children: tuple[Token, ...] | None = None

    def attrGet(self, name: str) -> str | None:  # noqa: N802 - markdown-it's name
        return next((value for key, value in self.attrs if key == name), None)


def _plain_tokens(tokens: Any) -> tuple[Token, ...]:
    return tuple(Token(token.type, token.content,
                       tuple((str(k), str(v)) for k, v in (token.attrs or {}).items()),
                       None if token.children is None else _plain_tokens(token.children))
                 for token in tokens)


def block_tokens(text: str, language: str = "en", quotes: Quotes = None,
                 spacing: Spacing | None = None) -> tuple[Token, ...]:
    """Block Markdown's tokens (paragraphs, lists and their inline tokens), as plain values."""
    chosen = _quotes(language, quotes)
    chosen_spacing = _spacing(language, chosen, spacing)
    return _kept(("block", text, language, chosen, chosen_spacing), lambda: _plain_tokens(
        _parser_with(language, chosen, chosen_spacing).parse(text)))


def inline_tokens(text: str, language: str = "en", quotes: Quotes = None,
                  spacing: Spacing | None = None) -> tuple[Token, ...]:
    """One line of Markdown's tokens (one inline token with its children), as plain values."""
    chosen = _quotes(language, quotes)
    chosen_spacing = _spacing(language, chosen, spacing)
    return _kept(("inline", text, language, chosen, chosen_spacing), lambda: _plain_tokens(
        _parser_with(language, chosen, chosen_spacing).parseInline(text)))


# Parses kept in the user cache: a warm `slides` run parses the same few hundred texts
# (titles, items, notes) as the run before it, and importing markdown-it and parsing them
# cost it more than reading them back (io.modelcache, under a hash of the code that
# parses and markdown-it's version). Kept by keep_parses, which the deck's and the
# guide's readers call when they are done; at most MAX_KEPT parses, else those of the run.
MAX_KEPT = 20_000
_parses: dict[tuple[Any, ...], Any] | None = None
_used: set[tuple[Any, ...]] = set()
_added = False


def _kept(key: tuple[Any, ...], parse: Any) -> Any:
    global _parses, _added
    if _parses is None:
        from smguide.io.modelcache import cached_model

        found = cached_model(_parses_key())
        _parses = found if isinstance(found, dict) else {}
    _used.add(key)
    if key in _parses:
        return _parses[key]
    value = _parses[key] = parse()
    _added = True
    return value


def keep_parses() -> None:
    """Keep this process's parses for the next run (nothing when none was new)."""
    global _added
    if not _added or _parses is None:
        return
    from smguide.io.modelcache import keep_model

    kept = _parses if len(_parses) <= MAX_KEPT else {key: _parses[key] for key in _used}
    keep_model(_parses_key(), kept)
    _added = False


@lru_cache(maxsize=1)
def _parses_key() -> str:
    """The parses' name in the user cache: this module's code, the punctuation rules and
    link checks it parses with, and the installed packages (markdown-it's version)."""
    from pathlib import Path

    from smguide.io.buildcache import installed_packages
    from smguide.io.modelcache import model_key

    here = Path(__file__).parent
    code = [path.read_bytes() for path in (here / "markdown.py", here / "punctuation.py",
                                           here / "ties.py", here.parent / "safety" / "links.py")]
    return model_key(b"markdown parses", *code, "\0".join(installed_packages()).encode())
