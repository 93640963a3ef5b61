"""Write a folder of files (and a few files elsewhere) as one transaction: every new file
appears, or none does.

A roster run replaces many copies in output/handbooks/, and perhaps the merged file and the
cohort deck beside that folder. Each file is first written and fsynced into a staging
folder next to the target, `.smguide-staging-<random>` (files meant for elsewhere go in
its `.smguide-beside/`). When everything is staged, the target's other files are hard
linked in (so the copies of people not in this run stay), a `.smguide-ready` marker
naming where the other files go is written, and the staging folder and the target are
swapped in one step (renameat2 RENAME_EXCHANGE; a plain rename when there is no target
yet). That swap is the commit: before it, a full disk, an error or a kill leaves every
file as it was; after it, every copy is new. Then the other files are moved into place
and the old folder removed: renames and removals, which need no new space.

A killed run leaves its staging folder behind (and, killed just after the swap, the old
folder and the marker): the next run into the same output folder finishes or removes
them (`recover`). A staging folder still in use is locked (flock) by its run, so two runs
at once never take each other's for dead.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from smguide.io.atomic import cannot_write
from smguide.paths import display_path, real

PREFIX = ".smguide-staging-"
PREVIOUS = ".smguide-previous-"  # the old folder, where the file system cannot exchange
BESIDE = ".smguide-beside"
READY = ".smguide-ready"
OURS = (BESIDE, READY)
# what write_atomic leaves when it is killed between creating and renaming its temp file
_ATOMIC_TEMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


@contextmanager
def folder_lock(folder: Path, *, wait: bool = True) -> Iterator[bool]:
    """An exclusive flock on `folder` itself (no lock file; the kernel releases it when the
    process ends, even by kill -9). Yields False at once, when `wait` is false and
    another process holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield True
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    error = ctypes.get_errno()
    if error in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot
        return False
    raise OSError(error, os.strerror(error), str(a))


class FolderTransaction:
    """Stage files with `put`; leaving the `with` block commits them, or, when it is left
    by an exception, removes what was staged and changes nothing."""

    def __init__(self, folder: Path):
        self.folder = real(folder.parent) / folder.name
        self.parent = self.folder.parent
        self.staging = self.parent / f"{PREFIX}{secrets.token_hex(6)}"
        self._lock: Any = None
        self._inside: set[str] = set()
        self._beside: dict[str, str] = {}  # staged name -> absolute target
        self._made: list[Path] = []

    def __enter__(self) -> FolderTransaction:
        # folders made here, removed again if nothing is committed (a refused run leaves
        # no empty output/ behind)
        self._made = [folder for folder in (self.parent, *self.parent.parents)
                      if not folder.exists()]
        try:
            self.parent.mkdir(parents=True, exist_ok=True)
            recover(self.parent, self.folder.name)
            self.staging.mkdir()
            (self.staging / BESIDE).mkdir()
        except OSError as exc:
            raise cannot_write(display_path(self.folder),
                               f"{exc.strerror}; nothing was changed") from None
        self._lock = folder_lock(self.staging)
        self._lock.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        try:
            if kind is None:
                self.commit()
        finally:
            with suppress(Exception):
                self._lock.__exit__(None, None, None)
            shutil.rmtree(self.staging, ignore_errors=True)
            if kind is not None:
                for folder in self._made:  # innermost first; stops at one not empty
                    try:
                        folder.rmdir()
                    except OSError:
                        break

    def put(self, target: Path, data: bytes) -> None:
        """Stage `data` for `target`: a file in the folder, or anywhere else."""
        target = real(target.parent) / target.name
        if target.parent == self.folder:
            staged = self.staging / target.name
            self._inside.add(target.name)
        else:
            staged = self.staging / BESIDE / f"{len(self._beside)}-{target.name}"
            self._beside[staged.name] = str(target)
        try:
            with open(staged, "xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(staged, 0o644)
        except OSError as exc:
            raise cannot_write(display_path(target),
                               f"{exc.strerror}; nothing was changed") from None

    def commit(self) -> None:
        """Swap the staged folder in, then put the other files in place."""
        try:
            with folder_lock(self.parent):
                if self.folder.is_dir():
                    self._keep_the_others()
                _fsync_dir(self.staging / BESIDE)
                marker = {"staging": self.staging.name, "beside": self._beside}
                (self.staging / READY).write_text(json.dumps(marker), encoding="utf-8")
                _fsync_dir(self.staging)
                if not self.folder.exists():
                    os.rename(self.staging, self.folder)
                elif not _exchange(self.staging, self.folder):
                    _swap_by_renames(self.staging, self.folder)
                _fsync_dir(self.parent)
                # committed: from here on, renames and removals only
                _finish(self.folder)
        except OSError as exc:
            raise cannot_write(display_path(self.folder), exc.strerror) from None

    def _keep_the_others(self) -> None:
        """Hard-link (or copy) the target's files this run does not replace into the
        staging folder; its subfolders are moved back after the swap."""
        for entry in os.scandir(self.folder):
            if entry.name in self._inside or entry.name in OURS or \
                    _ATOMIC_TEMP.match(entry.name) or entry.is_dir(follow_symlinks=False):
                continue
            try:
                os.link(entry.path, self.staging / entry.name, follow_symlinks=False)
            except OSError:
                shutil.copy2(entry.path, self.staging / entry.name, follow_symlinks=False)


def _swap_by_renames(staging: Path, folder: Path) -> None:
    """Where the file system cannot exchange two names: two renames. Killed between them,
    the old folder waits under its PREVIOUS name, and `recover` puts it back."""
    previous = folder.parent / f"{PREVIOUS}{folder.name}"
    os.rename(folder, previous)
    os.rename(staging, folder)
    os.rename(previous, staging)  # now as after an exchange


def _finish(folder: Path) -> None:
    """After the swap (the marker in `folder` says where the old folder now is and where
    the other files go): give back the subfolders the old target held, move the other
    files into place, drop the marker, remove the old folder."""
    marker = folder / READY
    try:
        found = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        found = {}
    found = found if isinstance(found, dict) else {}
    name = str(found.get("staging", ""))
    old = folder.parent / name if name.startswith(PREFIX) and "/" not in name else None
    if old is not None and old.is_dir() and not (old / READY).exists():
        for entry in os.scandir(old):
            if entry.is_dir(follow_symlinks=False) and entry.name not in OURS and \
                    not (folder / entry.name).exists():
                os.rename(entry.path, folder / entry.name)  # a folder of the user's: kept
    beside = found.get("beside")
    for staged_name, target in beside.items() if isinstance(beside, dict) else ():
        staged = folder / BESIDE / str(staged_name)
        if staged.is_file():
            _move(staged, Path(target))
    shutil.rmtree(folder / BESIDE, ignore_errors=True)
    with suppress(FileNotFoundError):
        marker.unlink()
    _fsync_dir(folder.parent)
    if old is not None and not (old / READY).exists():
        shutil.rmtree(old, ignore_errors=True)


def _move(staged: Path, target: Path) -> None:
    try:
        os.replace(staged, target)
    except OSError:  # another file system (a symlinked output): copy it there atomically
        from smguide.io.atomic import write_atomic

        write_atomic(target, staged.read_bytes())


def recover(parent: Path, folder_name: str) -> None:
    """Finish or undo what a killed run left in `parent`: a swapped folder still holding
    its marker is finished; an old folder left between two renames is put back; staging
    folders no run holds are removed with what they staged (that run did not commit);
    the temp files of killed atomic writes are removed from `folder_name`."""
    if not parent.is_dir():
        return
    with folder_lock(parent):
        stale = _unheld_staging(parent) + _put_back_old_folders(parent)
        for entry in os.scandir(parent):
            if not entry.name.startswith((PREFIX, PREVIOUS)) and (Path(entry.path) / READY
                                                                   ).is_file():
                _finish(Path(entry.path))  # killed just after the swap: finish it
        for old in stale:
            shutil.rmtree(old, ignore_errors=True)
        folder = parent / folder_name
        if folder.is_dir() and not folder.is_symlink():
            for entry in os.scandir(folder):
                if _ATOMIC_TEMP.match(entry.name) and entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)


def _unheld_staging(parent: Path) -> list[Path]:
    """The staging folders in `parent` that no run holds (their run was killed)."""
    stale = []
    for entry in sorted(os.scandir(parent), key=lambda e: e.name):
        if entry.name.startswith(PREFIX) and entry.is_dir(follow_symlinks=False):
            with folder_lock(Path(entry.path), wait=False) as free:
                if free:
                    stale.append(Path(entry.path))
    return stale


def _put_back_old_folders(parent: Path) -> list[Path]:
    """Old folders a killed swap left under their PREVIOUS name: put back where the new
    one never arrived, else renamed to the staging name it records (returned, to remove)."""
    stale = []
    for entry in os.scandir(parent):
        if entry.name.startswith(PREVIOUS) and entry.is_dir(follow_symlinks=False):
            target = parent / entry.name[len(PREVIOUS):]
            if not target.exists():
                os.rename(entry.path, target)  # killed between the two renames: undo
                continue
            try:  # killed before the last rename: the old folder goes where it says
                name = json.loads((target / READY).read_text(encoding="utf-8"))["staging"]
            except (OSError, ValueError, KeyError, TypeError):
                name = f"{PREFIX}{secrets.token_hex(6)}"
            if str(name).startswith(PREFIX) and not (parent / str(name)).exists():
                os.rename(entry.path, parent / str(name))
                stale.append(parent / str(name))
    return stale
