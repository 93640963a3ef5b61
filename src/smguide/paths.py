"""How a path is shown to the user (light: the CLI and progress display import it early)."""

from __future__ import annotations

import errno
import os
from pathlib import Path


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path) if real(path).is_relative_to(Path.cwd()) else str(path)
    except ValueError:
        return str(path)


def real(path: Path) -> Path:
    """The absolute path with every symbolic link followed, like `Path.resolve()` but never
    raising: a link that leads back to itself (a loop, which git can store) stays as it
    is, so it is then reported as a file that cannot be read instead of a traceback."""
    return Path(os.path.realpath(path))


def link_loop(path: Path) -> bool:
    """Whether `path` is a symbolic link that never reaches a file (it leads back to itself)."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False
