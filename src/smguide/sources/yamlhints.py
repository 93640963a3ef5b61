"""What a YAML syntax error means, in the words of the person who made it.

PyYAML reports where its parser got stuck ("expected <block end>, but found '?'"), which
is often a line after the mistake and never says what to change. This module looks at
the text around that place for the mistakes people really make (curly quotes pasted from
a word processor, a missing space after a colon, a line indented a space too far or too
little, a quote never closed) and says which line to change and how.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from smguide.errors import quote

CURLY = "“”‘’„‚«»"  # quotes a word processor types; YAML only knows " and '

# PyYAML's words for a problem, and what they mean to someone who writes YAML by hand
PLAIN = (
    ("mapping values are not allowed", "a colon and a space where no new key can start"),
    ("expected <block end>", "this line does not line up with the lines above it"),
    ("did not find expected key", "this line does not line up with the lines above it"),
    ("could not find expected ':'", 'a line that is not "key: value"'),
    ("found unexpected end of stream", "the file ends inside quoted text"),
    ("found character '\\t'", "a tab character"),
    ("expected ',' or ']'", 'a list in "[ ]" that is not closed'),
    ("expected ',' or '}'", 'a group in "{ }" that is not closed'),
    ("found undefined alias", 'a "*" where YAML expects an alias'),
)

_KEY = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[A-Za-z_][\w-]*):(?P<after>.?)")


@dataclass(frozen=True)
class Hint:
    """Where the mistake is (1-based line and column) and what to do about it."""

    line: int
    column: int
    fix: str


def plain_problem(problem: str) -> str:
    """PyYAML's problem in plain words (its own text when there is nothing better)."""
    for needle, words in PLAIN:
        if needle in problem:
            return words
    return re.sub(r"<[^>]+>", "a new block", problem)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content_lines(lines: list[str], before: int) -> list[int]:
    """0-based numbers of the lines before `before` that hold something (not comments)."""
    return [n for n in range(before) if lines[n].strip() and
            not lines[n].lstrip().startswith("#")]


def _key_column(line: str) -> int:
    """Where the keys of `line` start: after the dash of a `- key: value` list item."""
    item = re.match(r"^(\s*-\s+)[^\s#]", line)
    return len(item[1]) if item else _indent(line)


def _curly(lines: list[str], index: int) -> Hint | None:
    for n in (index, index - 1):
        if 0 <= n < len(lines):
            found = next((i for i, c in enumerate(lines[n]) if c in CURLY), None)
            if found is not None:
                return Hint(n + 1, found + 1, curly_fix(lines[n][found], lines[n]))
    return None


def curly_fix(quote: str, line: str = "") -> str:
    """What to say about a curly quote; with the `line`, also how it reads fixed."""
    fixed = re.sub(f"[{CURLY}]", '"', line.strip())
    return (f"this line has a curly quote ({quote}) from a word processor, which YAML reads "
            f"as an ordinary letter; use straight quotes" +
            (f": {fixed}" if line.strip() else ' instead: "..." (or \'...\')'))


def curly_wrapped(value: object, what: str = "value") -> tuple[str, str] | None:
    """What to say and the fix when a value is wrapped in a word processor's curly quotes
    (`“2026-12-01”`), which YAML keeps as letters of the text; None when it is not.
    `what` names the value in the message ("value", or "name" for a file's name)."""
    if not isinstance(value, str) or len(value) < 2:
        return None
    if value[0] not in CURLY or value[-1] not in CURLY:
        return None
    fix = f"use straight quotes: {quote(value[1:-1])}"
    kept = "text" if what == "value" else what
    return (f"the {what} is in curly quotes ({value[0]} {value[-1]}) from a word processor, "
            f"which YAML keeps as part of the {kept}; {fix}", fix)


_ODD_SPACES = {"\u00a0": "a non-breaking space", "\u202f": "a narrow non-breaking space",
               "\u2007": "a figure space", "\u3000": "an ideographic space",
               "\u2002": "an en space", "\u2003": "an em space", "\u2009": "a thin space"}


def _odd_space(lines: list[str], index: int) -> Hint | None:
    """An invisible non-breaking (or other unusual) space in the indentation, pasted from a
    web page or a word processor: YAML reads it as a letter, not as indentation."""
    for n in range(min(index, len(lines) - 1), max(index - 3, -1), -1):
        lead = re.match(r"^[\s\u00a0\u202f\u2007\u3000\u2002\u2003\u2009]*", lines[n])
        odd = next((i for i, c in enumerate(lead[0] if lead else "") if c in _ODD_SPACES),
                   None)
        if odd is not None:
            name = _ODD_SPACES[lines[n][odd]]
            return Hint(n + 1, odd + 1, f"the indentation of this line holds {name} "
                                        f"(U+{ord(lines[n][odd]):04X}, often pasted from a web "
                                        "page or a word processor), which YAML does not count "
                                        "as a space; delete the indentation and type it again "
                                        "with ordinary spaces")
    return None


def _missing_space(lines: list[str], index: int) -> Hint | None:
    """`title:Welcome` on the line of the error or a few lines before it."""
    for n in range(index, max(index - 3, -1), -1):
        if n >= len(lines):
            continue
        match = _KEY.match(lines[n])
        if match and match["after"] not in ("", " ", "/") and not lines[n].rstrip().endswith(":"):
            key = match["key"]
            rest = lines[n][match.end("key") + 1:].strip()
            return Hint(n + 1, match.end("key") + 2,
                        f'put a space after the colon: "{key}: {rest}"')
    return None


def _dash_without_space(lines: list[str], index: int) -> Hint | None:
    """`-Set up your laptop` among `- ` list items, on the line of the error or a few lines
    before it: without its space the dash is a letter, not a new item."""
    for n in range(min(index, len(lines) - 1), max(index - 3, -1), -1):
        found = re.match(r"^( *)-([^\s-].*)$", lines[n])
        if not found:
            continue
        column = len(found[1])
        near = [m for m in _content_lines(lines, len(lines)) if abs(m - n) <= 3 and m != n]
        if any(_indent(lines[m]) == column and lines[m].lstrip().startswith("- ")
               for m in near):
            return Hint(n + 1, column + 2, "put a space after the dash, as in the items "
                                           f'around it: "- {found[2].strip()}"')
    return None


def _unclosed_quote(lines: list[str], index: int) -> Hint | None:
    for n in range(min(index, len(lines) - 1), -1, -1):
        match = re.match(r"^\s*(?:-\s+)?(?:[\w-]+:\s+)?([\"'])", lines[n])
        if match and lines[n].count(match[1]) % 2 == 1:
            return _unclosed_at(n, match.end() - 1, match[1])
    return None


_LOOKS_LIKE_YAML = re.compile(r"^\s*(?:-\s|[\w-]+:(?:\s|$))")


def _quote_running_on(text: str, line: int) -> Hint | None:
    """A quote opened and never closed on its line, so that YAML read the lines after it
    as text until the next quote of that kind: the error comes lines later, where the
    quoted text ends in the middle of a line. Found by scanning the file's tokens."""
    import yaml  # a file with a syntax error: the parser has imported it already

    lines = text.splitlines()
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            start, end = token.start_mark, token.end_mark
            if start.line >= line:
                break
            style = getattr(token, "style", None)
            if style in ('"', "'") and end.line > start.line and any(
                    _LOOKS_LIKE_YAML.match(lines[n]) for n in range(start.line + 1,
                                                                     min(end.line + 1,
                                                                         len(lines)))):
                return _unclosed_at(start.line, start.column, style)
    except yaml.YAMLError:
        pass
    return None


def _unclosed_at(index: int, column: int, quote: str) -> Hint:
    return Hint(index + 1, column + 1, f"the text that starts here with {quote} is never "
                                       f"closed: end it with {quote} on this line")


def _misaligned(lines: list[str], index: int) -> Hint | None:
    """A line indented more or less than every line it could belong with."""
    if not 0 <= index < len(lines) or not lines[index].strip():
        return None
    here = _indent(lines[index])
    earlier = _content_lines(lines, index)
    if not earlier:
        return None
    levels = set()
    for n in earlier:
        levels.add(_indent(lines[n]))
        item = re.match(r"^(\s*-\s+)\S", lines[n])
        if item:
            levels.add(len(item[1]))
    above = earlier[-1]
    opens = lines[above].rstrip().endswith((":", "|", ">", "|-", ">-"))
    target = _key_column(lines[above])  # `  - type: prose`: its keys start after the dash
    if here in levels and not (here > target and not opens):
        return None
    if here < target:  # too little: the nearest level it falls short of
        target = min((level for level in levels if level > here), default=target)
    elif opens:
        return None
    off = here - target
    spaces = f"{abs(off)} space{'s' if abs(off) != 1 else ''}"
    how = (f"{spaces} further in than line {above + 1}; remove {spaces}" if off > 0 else
           f"{spaces} short of line {above + 1}; add {spaces}")
    return Hint(index + 1, here + 1, f"this line starts at column {here + 1}, {how} so it "
                                     f"starts at column {target + 1} like the lines it "
                                     f"belongs with")


_DASH = re.compile(r"^\s*-(?:\s|$)")
_KEYED_ITEM = re.compile(r"^\s*-\s+[\w-]+:(?:\s|$)")


def _misplaced_item(lines: list[str], index: int) -> Hint | None:
    """A list item (`    - type: callout`) whose dash is further in than the dash of the
    item it follows (`  - type: prose`): the exact columns, as for any misaligned line."""
    if not 0 <= index < len(lines) or not _DASH.match(lines[index]):
        return None
    here = lowest = _indent(lines[index])
    nested: int | None = None  # a list inside the item above, ended just before this line
    keyed: int | None = None  # the nearest `- key:` item further in than this line
    for n in reversed(_content_lines(lines, index)):
        indent = _indent(lines[n])
        if indent == here and not _DASH.match(lines[n]) and lines[n].rstrip().endswith(":"):
            # `blocks:` at this line's column: the dash belongs under it, with the others
            sibling = keyed if _KEYED_ITEM.match(lines[index]) else nested
            if sibling is not None:
                return _short_item(index, here, sibling, _indent(lines[sibling]))
            return None
        if indent >= lowest:
            if nested is None and indent > here and _DASH.match(lines[n]):
                nested = n
            if keyed is None and indent > here and _KEYED_ITEM.match(lines[n]):
                keyed = n
            continue
        lowest = indent
        if not _DASH.match(lines[n]):
            return None  # the line above it is a key: not a misplaced item of a list
        if nested is not None and not (_KEYED_ITEM.match(lines[n]) and
                                       _KEYED_ITEM.match(lines[index])):
            return _short_item(index, here, nested, _indent(lines[nested]))
        off = here - indent
        spaces = f"{off} space{'s' if off != 1 else ''}"
        return Hint(index + 1, here + 1, f"this line starts at column {here + 1}, {spaces} "
                                         f"further in than line {n + 1}; remove {spaces} so "
                                         f"it starts at column {indent + 1} like the lines it "
                                         f"belongs with")
    return None


def _short_item(index: int, here: int, sibling: int, column: int) -> Hint:
    """An item of a list in a block (`    - Get access`) left of the item above it."""
    off = column - here
    spaces = f"{off} space{'s' if off != 1 else ''}"
    return Hint(index + 1, here + 1, f"this line starts at column {here + 1}, {spaces} short "
                                     f"of line {sibling + 1}; add {spaces} so it starts at "
                                     f"column {column + 1} like the lines it belongs with")


def _stray_text(lines: list[str], index: int) -> Hint | None:
    """A line of plain text where YAML wants `key: value`: most often the text of a
    `text: |` that is not indented under its key."""
    if not 0 <= index < len(lines):
        return None
    earlier = _content_lines(lines, index)
    if not earlier:
        return None
    above = lines[earlier[-1]]
    key = _KEY.match(above)
    if key and re.search(r":\s*[|>][-+]?\s*$", above):
        column = _key_column(above) + 3
        return Hint(index + 1, _indent(lines[index]) + 1,
                    f'this line is the text of "{key["key"]}: {above.split(":", 1)[1].strip()}"'
                    f" on line {earlier[-1] + 1}, but starts at column {_indent(lines[index]) + 1}"
                    f'; indent it further than "{key["key"]}:", to column {column} like the '
                    f"lines of text after it")
    return None


def _list_after_key(lines: list[str], index: int) -> Hint | None:
    """`items: - Meet your buddy`: a list started on its key's line."""
    if not 0 <= index < len(lines):
        return None
    found = re.match(r"^(\s*(?:-\s+)?)([\w-]+):\s+(-\s+.*)$", lines[index])
    if not found:
        return None
    column = len(found[1]) + 3
    return Hint(index + 1, found.end(2) + 2,
                f'a list cannot start on the line of its key: put "{found[3].strip()}" on a '
                f'line of its own below "{found[2]}:", starting at column {column}')


def explain(text: str, line: int, problem: str, context_line: int | None = None) -> Hint | None:
    """The most likely mistake behind PyYAML's `problem` at `line` (1-based), if known;
    `context_line`: where PyYAML says the construct it could not finish began."""
    lines = text.splitlines()
    index = line - 1
    found = _named_by_problem(lines, index, problem, context_line)
    if found is None:
        found = _first(lines, index, (_odd_space, _curly, _missing_space,
                                      _dash_without_space))
    if found is not None:
        return found
    if "end of stream" in problem or "while scanning a quoted scalar" in problem:
        return _unclosed_quote(lines, index)

    def running_on(_: list[str], index: int) -> Hint | None:
        return _quote_running_on(text, index)

    found = _first(lines, index, (_stray_text, running_on, _misplaced_item, _misaligned))
    return found if found is not None else _colon_in_text(lines, index, problem)


def _first(lines: list[str], index: int,
           diagnoses: tuple[Callable[[list[str], int], Hint | None], ...]) -> Hint | None:
    """The first of `diagnoses` that finds a mistake at line `index` (0-based)."""
    for diagnose in diagnoses:
        found = diagnose(lines, index)
        if found is not None:
            return found
    return None


def _named_by_problem(lines: list[str], index: int, problem: str,
                      context_line: int | None) -> Hint | None:
    """The mistakes PyYAML's words name: a list on its key's line, text left over where
    a key was being read."""
    if "sequence entries are not allowed here" in problem:
        found = _list_after_key(lines, index)
        if found is not None:
            return found
    if context_line is not None and "while scanning a simple key" in problem:
        return _stray_text(lines, context_line - 1)
    return None


def _colon_in_text(lines: list[str], index: int, problem: str) -> Hint | None:
    """`key: text with: a colon`: the text must be quoted."""
    if "mapping values are not allowed" in problem and 0 <= index < len(lines):
        match = re.match(r"^(\s*(?:-\s+)?[\w-]+:\s+)(.*)$", lines[index])
        if match:
            return Hint(index + 1, len(match[1]) + 1,
                        f'text with ": " in it must be put in quotes: '
                        f'{match[1].strip()} "{match[2].strip()}"')
    return None


def surprises(text: str) -> list[Hint]:
    """Places where YAML probably read something other than what the author meant,
    although the file is valid: a list item indented too far, which YAML joins to the item
    above ("... chat. - Get access ..."), and text cut off at " #" (the rest is a comment)."""
    found: list[Hint] = []
    lines = text.splitlines()
    block: int | None = None  # the indentation of a "|" or ">" text's key, inside one
    for n, line in enumerate(lines):
        stripped = line.lstrip(" ")
        if block is not None and (not stripped or _indent(line) > block):
            continue  # inside literal text: "- " and "#" are its own
        block = _indent(line) if re.search(r"[|>][-+]?\s*$", line) else None
        if stripped.startswith("- ") and n:
            above = next((m for m in range(n - 1, -1, -1) if lines[m].strip()), 0)
            item = re.match(r"^(\s*)-\s+(?![\"'|>]).*[^:]$", lines[above])
            if item and _indent(line) > len(item[1]):
                found.append(Hint(n + 1, _indent(line) + 1,
                                  f'this line starts with "- " but is indented further than '
                                  f"the item on line {above + 1}, so YAML adds it to that "
                                  f"item's text; start it at column {len(item[1]) + 1} to "
                                  f"make it an item of its own"))
                continue
        value = re.match(r"^\s*(?:-\s+)?+(?:[\w-]+:\s+)?+(?P<text>[^\s\"'#|>\[{][^#]*?)"
                         r"\s+#(?P<cut>\S.*)$", line)
        if value:
            found.append(Hint(n + 1, value.end("text") + 2,
                              f'the text stops at "{value["text"].strip()}": YAML reads " #" '
                              f'as the start of a comment, so "#{value["cut"]}" is left out; '
                              f"put the whole text in quotes if the # belongs to it"))
    return found
