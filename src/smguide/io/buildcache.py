"""Skip a build whose inputs did not change: a content hash, never file times, decides.

The key of a build is a SHA-256 over the bytes (and relative names) of every input file
(the content folder, the brand folder, the template folders, the bundled fonts, a deck
template), the options, SOURCE_DATE_EPOCH, smguide's own version and code, and the
versions of the installed packages (WeasyPrint, python-pptx...). Beside the
outputs, `.smguide-cache.json` records for each artefact the key it was built from and the
hash of the bytes written (taken from the bytes themselves, not read back from the file,
which another build may have replaced meanwhile); an artefact is skipped only when both
still match. A file and its record are written under one lock on the output folder, so
two builds into one folder cannot record each other's files. This module
imports nothing heavy, so an up-to-date `smguide build` ends in a fraction of a second.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from smguide import __version__
from smguide.errors import Problem
from smguide.paths import real
from smguide.resources import ASSETS_DIR, PACKAGE_DIR, builtin

RECORD = ".smguide-cache.json"
SKIP_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".pytest_cache",
             ".mypy_cache", ".ruff_cache"}
MAX_FILES = 5000  # a brand file at the top of a huge folder: hashing it all is not worth it


class TooMany(Exception):
    pass


def _files(folder: Path, skip: set[Path]) -> list[Path]:
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and real(here / d) not in skip)
        found += [here / name for name in sorted(names) if name != RECORD]
        if len(found) > MAX_FILES:
            raise TooMany(folder)
    return found


def installed_packages() -> list[str]:
    """Every installed distribution with its version (the names of the .dist-info folders
    on sys.path): a new WeasyPrint or python-pptx may render differently, so it means a
    new build. Listing folders is cheap; importlib.metadata would cost more than the rest."""
    found: set[str] = set()
    for entry in sys.path:
        try:
            found.update(name for name in os.listdir(entry or ".") if name.endswith(".dist-info"))
        except OSError:
            continue
    return sorted(found)


def input_key(folders: list[Path], files: list[Path], settings: dict[str, Any],
              out_dir: Path) -> str | None:
    """The hash of everything a build reads; None when it cannot be known cheaply."""
    digest = hashlib.sha256()
    skip = {real(out_dir)}
    settings = {**settings, "version": __version__, "packages": installed_packages(),
                "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH")}
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    try:
        for folder in folders:
            folder = real(folder)
            for path in _files(folder, skip):
                digest.update(f"\0{folder}\0{path.relative_to(folder)}\0".encode())
                digest.update(path.read_bytes())
        for path in files:
            digest.update(f"\0{real(path)}\0".encode())
            digest.update(path.read_bytes())
    except (OSError, TooMany):
        return None
    return digest.hexdigest()


def build_key(content: Path, brand: Path, templates: Path | None, settings: dict[str, Any],
              out_dir: Path, extra: tuple[Path | None, ...] = ()) -> str | None:
    """The key of `smguide build`: content, brand folder, templates, fonts, code, options."""
    code = sorted(PACKAGE_DIR.rglob("*.py"))
    folders = [content, brand.parent, builtin("templates"), ASSETS_DIR]
    if templates is not None:
        folders.append(templates)
    return input_key(folders, [*code, *(p for p in extra if p is not None)], settings,
                     out_dir)


def _sha(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


_TEXTS = ("file", "field", "message", "expected", "suggestion", "label")


def _problem(said: Any) -> Problem | None:
    """A warning as recorded (its fields), or None for anything else."""
    if not isinstance(said, dict) or set(said) != {f.name for f in fields(Problem)}:
        return None
    if said["severity"] not in ("error", "warning") or not all(
            said[k] is None or isinstance(said[k], int) and not isinstance(said[k], bool)
            for k in ("line", "column")) or not isinstance(said["file"], str) or not all(
            said[k] is None or isinstance(said[k], str) for k in _TEXTS):
        return None
    return Problem(**said)


class BuildCache:
    """The record beside the outputs: which key built each artefact, and what it wrote."""

    def __init__(self, out_dir: Path, key: str | None, force: bool = False):
        self.out_dir, self.key, self.force = out_dir, key, force
        self.path = out_dir / RECORD
        self.entries = self._read()

    def warnings(self, name: str) -> list[Problem]:
        """The warnings recorded with the last build of `name` (a record edited by hand
        keeps only those it holds whole)."""
        entry = self.entries.get(name)
        said = entry.get("warnings") if isinstance(entry, dict) else None
        kept = [_problem(w) for w in said] if isinstance(said, list) else []
        return [w for w in kept if w is not None]

    def _read(self) -> dict[str, Any]:
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def fresh(self, name: str) -> dict[str, Any] | None:
        """The recorded entry when `name` was built from these inputs and is unchanged."""
        entry = self.entries.get(name)
        if self.force or self.key is None or not isinstance(entry, dict):
            return None
        if entry.get("inputs") != self.key or not isinstance(entry.get("pages"), int):
            return None  # changed inputs, or a record edited by hand: build again
        return entry if _sha(self.out_dir / name) == entry.get("output") else None

    def write(self, name: str, data: bytes, pages: int,
              warnings: tuple[Problem, ...] = ()) -> Path:
        """Write the artefact `name` and record it, both while holding the folder's lock:
        another build into this folder writes its file and record before or after, never
        in between. Returns the path written."""
        from smguide.io.atomic import write_atomic

        with self.locked():
            path = write_atomic(self.out_dir / name, data)
            self.record(name, pages, data, warnings)
        return path

    def record(self, name: str, pages: int, data: bytes,
               warnings: tuple[Problem, ...] = ()) -> None:
        """Remember that `name` holds `data`, built from these inputs with these
        `warnings` (said again when it is up to date; the record on disk is read again
        first, so what another build recorded for its files is kept)."""
        from smguide.io.atomic import write_atomic

        if self.key is None:
            return
        self.entries = self._read()
        self.entries[name] = {"inputs": self.key, "output": hashlib.sha256(data).hexdigest(),
                              "pages": pages, "warnings": [asdict(w) for w in warnings]}
        write_atomic(self.path, json.dumps(self.entries, indent=1, sort_keys=True).encode())

    @contextmanager
    def locked(self) -> Iterator[None]:
        """An exclusive lock on the output folder (flock on the folder itself, so no lock
        file is left behind; released by the kernel when a killed build's process ends)."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: the hashes still keep it right
            yield
            return
        self.out_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.out_dir, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)
