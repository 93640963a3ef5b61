"""The only code that writes to the output folder: atomically, so a failure loses nothing."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from smguide.errors import OutputError, Problem, Where
from smguide.paths import real


def check_writable(path: Path) -> None:
    """Fail now, before minutes of rendering, if no file can be written at `path`: a file
    stands where one of its folders should be, or a folder where the file should."""
    path = real(path.parent) / path.name
    if path.is_dir():
        raise cannot_write(path, "it is a folder", "choose a file name")
    blocker = next((p for p in [path.parent, *path.parent.parents] if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise cannot_write(path, f"{blocker} is a file, not a folder",
                           "choose another output path")


def cannot_write(path: Path | str, why: str | None, fix: str | None = None) -> OutputError:
    """`cannot write PATH: WHY; FIX`: the output (not a file of the user's) is where
    the problem is, so the line names no file of its own."""
    what = f"cannot write {path}: {why}"
    return OutputError(Problem.fix(Where(""), what, fix) if fix else Problem.at(Where(""), what))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is someone else's
        return True
    return True


def sweep_temps(path: Path) -> None:
    """Remove the temp files that killed writes of `path` left beside it: their names carry
    the writing process's id, so a temp file of a write still running is kept."""
    pattern = re.compile(rf"^\.{re.escape(path.name)}\.(\d+)\.[A-Za-z0-9_]{{8}}\.tmp$")
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        found = pattern.match(entry.name)
        if found and not _alive(int(found.group(1))) and entry.is_file(follow_symlinks=False):
            Path(entry.path).unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to a temp file beside `path`, fsync it, then rename it over `path`.

    A crash or a full disk leaves the previous file exactly as it was; the temp file a
    killed write left behind is removed by the next write of the same file.
    """
    path = real(path.parent) / path.name  # a symlink at `path` is replaced, not followed
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sweep_temps(path)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp",
                                    dir=path.parent)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in [path.parent, *path.parent.parents] if p.is_file()),
                       path.parent)
        raise cannot_write(path, f"{blocker} is a file, not a folder",
                           "choose another output path") from None
    except OSError as exc:
        raise cannot_write(path, exc.strerror) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise cannot_write(path, exc.strerror) from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path
