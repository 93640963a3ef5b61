"""One exception family: everything a user can cause ends as `Error: ...`, never a traceback."""

from __future__ import annotations

from collections.abc import Sequence

import click


class SmguideError(click.ClickException):
    """Base class: Click prints it as `Error: <message>` and exits with code 1."""

    exit_code = 1


class ContentError(SmguideError):
    """One or more problems in the content, brand or template files.

    Carries every problem found, each already formatted as `file:line:col: field: message`.
    """

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found; nothing was written."
        super().__init__("\n".join([*self.problems, head]))

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
