"""Temporary folders that do not outlive a killed process for long.

A roster run's scratch folder holds every hire's pages (names, managers, start dates),
and a render child's holds WeasyPrint's font copies. The process that made one removes
it, but a process killed with kill -9 cannot: its folder would stay in /tmp. So each
folder is locked (flock) by the process that made it, and its children, for as long as it
is in use, and whoever makes the next one of the same kind first removes those of its
kind that nobody holds any more: the folders of dead processes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from types import TracebackType

FRESH_SECONDS = 60  # a folder this young may be between mkdtemp and its lock: left alone


def sweep(prefix: str) -> int:
    """Remove this user's temp folders named `prefix`* that no process holds; how many."""
    import fcntl

    removed = 0
    base = tempfile.gettempdir()
    try:
        entries = list(os.scandir(base))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not entry.is_dir(follow_symlinks=False) or info.st_uid != os.getuid() or \
                    time.time() - info.st_mtime < FRESH_SECONDS:
                continue
            fd = os.open(entry.path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # in use
        else:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed += 1
        finally:
            os.close(fd)
    return removed


class ScratchFolder:
    """Like tempfile.TemporaryDirectory (`name`, `cleanup`, `with ... as path`), locked
    while it exists; making one sweeps the stale folders of its kind first."""

    def __init__(self, prefix: str):
        import fcntl

        sweep(prefix)
        self.name = tempfile.mkdtemp(prefix=prefix)
        self._fd: int | None = os.open(self.name, os.O_RDONLY | os.O_DIRECTORY)
        fcntl.flock(self._fd, fcntl.LOCK_EX)

    def cleanup(self) -> None:
        shutil.rmtree(self.name, ignore_errors=True)
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> str:
        return self.name

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.cleanup()
