"""Markdown smguide does not print, found before anything is rendered: a heading (`# ...`,
or a line underlined with `===`/`---`) or an image (`![alt](file)`) inside a text field.
Each is refused with its line and the block to use instead, rather than printed as the
literal characters."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from smguide.errors import Problem, Where, quote
from smguide.sources.validate import dotted
from smguide.sources.yamlsource import Located

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# fields that are plain text (printed as written), not Markdown
PLAIN = {"type", "style", "focus", "symbol", "title", "heading", "name", "aspect", "columns",
         "term", "src", "alt", "id", "deck", "recap", "stands_for", "lines", "width"}


@lru_cache(maxsize=1)
def _finder() -> MarkdownIt:
    from markdown_it import MarkdownIt  # only for a file not read before

    return MarkdownIt("commonmark", {"html": False})  # headings and images on: to find them


def _texts(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in PLAIN:
                yield from _texts(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def markup_problems(source: Located, shown: str) -> list[Problem]:
    """One problem per Markdown heading or image in the chapter file's text fields. A file
    read before (the same bytes) in which none was found is not looked at again: that is
    kept in the user cache (io.modelcache; parsing its Markdown costs about 3 ms a chapter)."""
    if not source.digest:
        return _found(source, shown)
    from smguide.io.modelcache import remembered

    return remembered(lambda: _found(source, shown), b"markup", source.digest.encode(),
                      _code())


@lru_cache(maxsize=1)
def _code() -> bytes:
    """What finding them depends on besides the file: this code and the paths' names."""
    import sys

    from smguide import errors
    from smguide.io.usercache import code_of
    from smguide.sources import validate

    return code_of(sys.modules[__name__], errors, validate)


def _found(source: Located, shown: str) -> list[Problem]:
    problems: list[Problem] = []
    for path, text in _texts(source.data):
        if "#" not in text and "![" not in text and "\n" not in text:
            continue
        line, column = source.value_pos.get(path, source.position(path))
        first = line + (1 if text.endswith("\n") else 0)  # a block scalar (|) starts below
        lines = text.splitlines()
        for token in _finder().parse(text):
            if token.map is None:
                continue
            at = Where(shown, first + token.map[0], column, dotted(path))
            written = lines[token.map[0]].strip() if token.map[0] < len(lines) else ""
            if token.type == "heading_open":
                words = (lines[token.map[0]].lstrip("# ").strip() if written.startswith("#")
                         else written)
                problems.append(Problem.fix(
                    at, f"{quote(written)} is a Markdown heading, which smguide does not "
                        f"print as one", f"end this block before it and start the next block "
                                         f"with heading: {words}"))
            elif token.type == "inline":
                for child in token.children or []:
                    if child.type == "image":
                        src = str(child.attrGet("src") or "picture.png")
                        alt = child.content or "what the picture shows"
                        problems.append(Problem.fix(
                            at, f"{quote(written)} is a Markdown image, which smguide does "
                                f"not show in text", f"use an image block (- type: image, "
                                                     f"src: {src}, alt: {alt})"))
    return problems
