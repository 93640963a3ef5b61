"""What reading a YAML file gives, shared by the reader (sources.yamlsource, which keeps
what it read in the user cache) and the parser (sources.yamlparse, PyYAML's): the data
with the position of every key and value, and the problem a file's text can have. It
imports no YAML library, so code that only reads a file read before (its data kept) or
says where a value was never imports PyYAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from smguide.errors import Problem

Path_ = tuple[str | int, ...]


class YamlProblem(Exception):
    """A problem at a place in a YAML file (line and column are 1-based). A `fix` ends the
    message after "; " and is its suggestion (a hint whose whole text is the fix gives it
    as `suggestion`)."""

    def __init__(self, line: int, column: int, message: str, fix: str | None = None,
                 suggestion: str | None = None):
        message = f"{message}; {fix}" if fix else message
        super().__init__(message)
        self.line, self.column, self.message = line, column, message
        self.suggestion = suggestion or fix

    def problem(self, file: str) -> Problem:
        """The problem in `file` (as it is shown)."""
        return Problem("error", file, self.line, self.column, None, self.message, None,
                       self.suggestion)


@dataclass
class Located:
    """Parsed YAML data plus the position of every value and key in it."""

    data: Any
    value_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    lines: tuple[str, ...] = ()  # the text, for messages that quote what was written
    # what the data and positions were read from: a hash of the file's bytes and of the
    # reader's code, for results of them kept in the user cache ("": not a file's)
    digest: str = ""

    def position(self, path: Path_) -> tuple[int, int]:
        """Best position for a field: its key, else its value, else the nearest parent."""
        for length in range(len(path), -1, -1):
            sub = path[:length]
            if sub in self.key_pos:
                return self.key_pos[sub]
            if sub in self.value_pos:
                return self.value_pos[sub]
        return (1, 1)
