"""One exception family: everything a user can cause ends as `Error: ...`, never a traceback."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import click

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNSAFE = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}  # controls, invisible format, separators


def _escape_char(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char != " " and unicodedata.category(char) in _UNSAFE:
        code = ord(char)
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
    return char


def one_line(text: str) -> str:
    """`text` with line breaks, control and invisible characters written as escapes, so a
    message is one line however the value it quotes was written."""
    if text.isprintable():
        return text
    return "".join(_escape_char(char) for char in text)


def quote(value: object, limit: int = 60) -> str:
    """A user's value in double quotes, as a YAML double-quoted string would write it
    (`\\n`, `\\"`, `\\u202e`...), cut at `limit` characters: one line, and it cannot end
    the quotes early or pass for a line of our own."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{one_line(text)}"'


def counted(count: int, word: str, plural: str | None = None) -> str:
    """`1 page`, `2 pages`, `1,001 items`: a number and the word in the form it takes."""
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


class SmguideError(click.ClickException):
    """Base class: Click prints it as `Error: <message>` and exits with code 1.

    Raised with the `Problem` made where the mistake is found (file, line, field, what was
    expected, the fix), it carries it as data; its message is the problem's line."""

    exit_code = 1

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(one_line(problem.line_text()))

    def __reduce__(self):  # noqa: ANN204 - so the problem crosses from a render child intact
        return (self.__class__, (self.problem,))

    def as_problems(self) -> list[Problem]:
        """The problems this error reports (one; a ContentError's every one)."""
        return [self.problem]


Severity = Literal["error", "warning"]

_STEP = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def _singular(key: str) -> str:
    if key.endswith("ies"):
        return key[:-3] + "y"
    if key.endswith(("sses", "xes")):
        return key[:-2]
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def human_field(field: str, data: Any = None) -> str:
    """A field path as an author reads it: `blocks[2].items[0]` -> `block 3 (checklist),
    item 1`; lists count from 1, a list's key is said in the singular, and, with the
    file's `data`, an item with a `type` says which. Keys without lists stay dotted
    (`color.palette.green`)."""
    steps = [(m[1], m[2]) for m in _STEP.finditer(field)]
    if not steps or "".join(m[0] for m in _STEP.finditer(field)) != field:
        return field  # not a path we wrote (e.g. "(top level)")
    pieces: list[str] = []
    keys: list[str] = []
    for n, (key, index) in enumerate(steps):
        if key is not None:
            if data is not None:
                data = data.get(key) if isinstance(data, dict) else None
            if n + 1 < len(steps) and steps[n + 1][1] is not None:
                if keys:
                    pieces.append(".".join(keys))
                    keys = []
                pieces.append(_singular(key))
            else:
                keys.append(key)
            continue
        number = int(index) + 1
        data = data[int(index)] if isinstance(data, list) and int(index) < len(data) else None
        kind = data.get("type") if isinstance(data, dict) and steps[n + 1:n + 2] != [
            ("type", None)] else None  # not on the type itself: it may be the mistake
        shown = f" ({kind})" if isinstance(kind, str) and kind.isprintable() and \
            len(kind) <= 30 else ""
        if pieces and steps[n - 1][0] is not None:
            pieces[-1] = f"{pieces[-1]} {number}{shown}"
        else:  # a list in a list, or the file itself a list
            pieces.append(f"item {number}{shown}")
    if keys:
        pieces.append(".".join(keys))
    return ", ".join(pieces)


@dataclass(frozen=True)
class Where:
    """Where a problem is: a file as it is shown, the line and column in it, the field."""

    file: str
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        """`file:line:col: field`, as a message quotes another place."""
        place = ":".join([self.file, *(str(n) for n in (self.line, self.column)
                                       if n is not None)])
        return f"{place}: {self.field}" if self.field else place

    def with_field(self, field: str | None) -> Where:
        return Where(self.file, self.line, self.column, field)


@dataclass(frozen=True)
class Problem:
    """One mistake or warning, made where it is found and carried to the edge as data:
    where (file, line, column), in which field, what is wrong, what was expected and how
    to fix it. Printed by `line_text()` as one line, `file:line:col: field: message`, the
    field said for people (`label`: "block 2 (callout), title"); `field` keeps the path
    for programs (`blocks[1].title`), as check's JSON gives both."""

    severity: Severity
    file: str
    line: int | None
    column: int | None
    field: str | None
    message: str
    expected: str | None = None
    suggestion: str | None = None
    label: str | None = None  # the field as printed ("block 3 (checklist), item 1")

    def __post_init__(self) -> None:  # one problem is one line, whatever it quotes
        if self.label is None and self.field:
            object.__setattr__(self, "label", human_field(self.field))
        for name in ("file", "field", "message", "expected", "suggestion", "label"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, one_line(value))

    def in_file(self, data: Any) -> Problem:
        """This problem with its field said using the `data` of its file, so that a block
        says its type: "block 3 (checklist), items" (the path in `field` is kept)."""
        if not self.field:
            return self
        return dataclasses.replace(self, label=human_field(self.field, data))

    @property
    def place(self) -> str:
        return ":".join([self.file, *(str(n) for n in (self.line, self.column) if n is not None)])

    def line_text(self) -> str:
        """`file:line:col: field: message`, as every command prints it."""
        field = f"{self.label or self.field}: " if self.field else ""
        return f"{self.place}: {field}{self.message}" if self.place else f"{field}{self.message}"

    def text(self) -> str:
        """The line with its severity in front: `Error: ...` or `Warning: ...`."""
        return f"{self.severity.capitalize()}: {self.line_text()}"

    @classmethod
    def at(cls, where: Where, message: str, expected: str | None = None,
           suggestion: str | None = None, severity: Severity = "error") -> Problem:
        """The problem at `where`."""
        return cls(severity, where.file, where.line, where.column, where.field, message,
                   expected, suggestion)

    @classmethod
    def warn(cls, where: Where, message: str, expected: str | None = None,
             suggestion: str | None = None) -> Problem:
        """The warning at `where`."""
        return cls.at(where, message, expected, suggestion, "warning")

    @classmethod
    def fix(cls, where: Where, what: str, fix: str, expected: str | None = None,
            severity: Severity = "error") -> Problem:
        """The error (or warning) at `where` printed as `what; fix`, with `fix` as its
        suggestion."""
        return cls.at(where, f"{what}; {fix}", expected, fix, severity)


class ContentError(SmguideError):
    """One or more problems in the content, brand or template files.

    Carries every problem found: `found` as data, `problems` as the lines printed.
    """

    def __init__(self, problems: Sequence[Problem]):
        self.found = list(problems)
        self.problems = [problem.line_text() for problem in self.found]
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found; nothing was written."
        click.ClickException.__init__(self, "\n".join([*self.problems, head]))

    def __reduce__(self):  # noqa: ANN204 - so it crosses from a worker process intact
        return (self.__class__, (self.found,))

    def as_problems(self) -> list[Problem]:
        return list(self.found)

    def show(self, file=None) -> None:  # noqa: ANN001 - Click's signature
        """Print one `Error:` line per problem, so each can be read (and grepped) alone."""
        for problem in self.found:
            click.echo(problem.text(), err=True)
        count = len(self.problems)
        plural = "s" if count != 1 else ""
        click.echo(f"{count} problem{plural} found; nothing was written.", err=True)


class BrandError(ContentError):
    """Problems in the brand file."""


class RenderError(SmguideError):
    """The renderer refused or failed: a blocked resource, a missing image, a template bug."""


class OutputError(SmguideError):
    """The output file could not be written."""
