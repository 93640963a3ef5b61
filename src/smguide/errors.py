"""One exception family: everything a user can cause ends as `Error: ...`, never a traceback."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

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


class SmguideError(click.ClickException):
    """Base class: Click prints it as `Error: <message>` and exits with code 1."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(one_line(message))


class ContentError(SmguideError):
    """One or more problems in the content, brand or template files.

    Carries every problem found, each already formatted as `file:line:col: field: message`.
    """

    def __init__(self, problems: Sequence[str]):
        self.problems = [one_line(problem) for problem in problems]
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found; nothing was written."
        click.ClickException.__init__(self, "\n".join([*self.problems, head]))

    def __reduce__(self):  # noqa: ANN204 - so it crosses from a worker process intact
        return (self.__class__, (self.problems,))

    def show(self, file=None) -> None:  # noqa: ANN001 - Click's signature
        """Print one `Error:` line per problem, so each can be read (and grepped) alone."""
        for problem in self.problems:
            click.echo(f"Error: {problem}", err=True)
        count = len(self.problems)
        plural = "s" if count != 1 else ""
        click.echo(f"{count} problem{plural} found; nothing was written.", err=True)


class BrandError(ContentError):
    """Problems in the brand file."""


class RenderError(SmguideError):
    """The renderer refused or failed: a blocked resource, a missing image, a template bug."""


class OutputError(SmguideError):
    """The output file could not be written."""
