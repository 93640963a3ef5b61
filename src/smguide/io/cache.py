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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from smguide import __version__
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


class BuildCache:
    """The record beside the outputs: which key built each artefact, and what it wrote."""

    def __init__(self, out_dir: Path, key: str | None, force: bool = False):
        self.out_dir, self.key, self.force = out_dir, key, force
        self.path = out_dir / RECORD
        self.entries = self._read()

    def warnings(self, name: str) -> list[str]:
        """The warnings recorded with the last build of `name`."""
        entry = self.entries.get(name)
        said = entry.get("warnings") if isinstance(entry, dict) else None
        return [w for w in said if isinstance(w, str)] if isinstance(said, list) else []

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
              warnings: tuple[str, ...] = ()) -> Path:
        """Write the artefact `name` and record it, both while holding the folder's lock:
        another build into this folder writes its file and record before or after, never
        in between. Returns the path written."""
        from smguide.io.atomic import write_atomic

        with self.locked():
            path = write_atomic(self.out_dir / name, data)
            self.record(name, pages, data, warnings)
        return path

    def record(self, name: str, pages: int, data: bytes,
               warnings: tuple[str, ...] = ()) -> None:
        """Remember that `name` holds `data`, built from these inputs with these
        `warnings` (said again when it is up to date; the record on disk is read again
        first, so what another build recorded for its files is kept)."""
        from smguide.io.atomic import write_atomic

        if self.key is None:
            return
        self.entries = self._read()
        self.entries[name] = {"inputs": self.key, "output": hashlib.sha256(data).hexdigest(),
                              "pages": pages, "warnings": list(warnings)}
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


def user_cache() -> Path:
    """$XDG_CACHE_HOME/smguide (or ~/.cache/smguide): results that depend only on bytes."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "smguide"


# what the user cache keeps of results no run used for a while (they are made again when
# needed): removed after this many days unused, and the least recently used beyond this
# size; pruned at most once a day (the time of the file PRUNED)
UNUSED_DAYS = 30
MOST_MB = 100
PRUNE_EVERY_S = 24 * 3600
PRUNED = "pruned"
# the folders of results in the user cache (the YAML files read, the compiled templates);
# the other files there are at its top (the kept layouts, pictures, font widths). Never
# the fonts smguide downloaded (fonts/): they need the network to be had again.
PRUNED_FOLDERS = ("yaml", "templates")


def prune_when_due(now: float | None = None) -> int:
    """`prune_user_cache` when the last pruning is a day old (or there was none): one
    stat of a file on other runs. Returns how many files went."""
    import time

    now = time.time() if now is None else now
    stamp = user_cache() / PRUNED
    try:
        if now - stamp.stat().st_mtime < PRUNE_EVERY_S:
            return 0
    except OSError:
        pass
    try:  # the stamp first: a run at the same time does not prune as well
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch()
        os.utime(stamp, (now, now))
    except OSError:
        return 0  # a cache that cannot be written is not used, nor pruned
    return prune_user_cache(now)


def prune_user_cache(now: float | None = None, days: float = UNUSED_DAYS,
                     megabytes: float = MOST_MB) -> int:
    """Remove from the user cache the results not used for `days` days (the later of a
    file's last read and last write), then the least recently used while they take more
    than `megabytes`: each is made again when a run needs it. Returns how many files
    went. A run reading a file as it goes still reads it (or makes it again)."""
    import stat
    import time

    now = time.time() if now is None else now
    root = user_cache()
    found: list[tuple[float, int, Path]] = []
    for folder in (root, *(root / name for name in PRUNED_FOLDERS)):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                state = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISREG(state.st_mode) and not (folder == root and entry.name == PRUNED):
                found.append((max(state.st_atime, state.st_mtime), state.st_size,
                              Path(entry.path)))
    found.sort()  # least recently used first
    total = sum(size for _, size, _ in found)
    gone = 0
    for used, size, path in found:
        if used >= now - days * 86400 and total <= megabytes * 1024 * 1024:
            continue
        try:
            path.unlink()
        except OSError:
            continue
        total -= size
        gone += 1
    return gone


def code_of(*modules: ModuleType) -> bytes:
    """The source of `modules`, for the key of a result kept in the user cache: a result
    kept by other code (another version, an edit) is then not used."""
    return b"".join(Path(module.__file__ or "").read_bytes() for module in modules)


def cached_json(name: str) -> Any:
    """A value kept in the user's cache under `name` by `keep_json`, or None."""
    try:
        return json.loads((user_cache() / f"{name}-{__version__}.json").read_bytes())
    except (OSError, ValueError):
        return None


def keep_json(name: str, value: Any) -> None:
    """Keep `value` (JSON) in the user's cache; a cache that cannot be written is not used."""
    try:
        from smguide.io.atomic import write_atomic

        write_atomic(user_cache() / f"{name}-{__version__}.json",
                     json.dumps(value, separators=(",", ":")).encode())
    except Exception:  # noqa: BLE001 - a read-only home must not fail the build
        pass


def cached_png(svg: bytes, width: int, draw: Callable[[], bytes]) -> bytes:
    """A rasterised SVG, drawn once per distinct SVG: CairoSVG takes about half a second
    just to import, on every `smguide slides`. Keyed by the SVG's hash; a cache that
    cannot be read or written is simply not used."""
    name = f"svg-{hashlib.sha256(svg).hexdigest()[:32]}-{width}-{__version__}.png"
    path = user_cache() / name
    try:
        data = path.read_bytes()
        if data.startswith(b"\x89PNG\r\n\x1a\n"):
            return data
    except OSError:
        pass
    data = draw()
    try:
        from smguide.io.atomic import write_atomic

        write_atomic(path, data)
    except Exception:  # noqa: BLE001 - a read-only home must not fail the build
        pass
    return data


def cached_font_widths(font: bytes, read: Callable[[], tuple[int, int, dict[int, int]]]
                       ) -> tuple[int, int, dict[int, int]]:
    """A font file's (units per em, line height, advance width per code point), read once
    per distinct file: fontTools takes about 25 ms a face to parse them. Keyed by the
    file's hash; a cache that cannot be read or written is simply not used."""
    name = f"font-{hashlib.sha256(font).hexdigest()[:32]}-{__version__}.json"
    path = user_cache() / name
    try:
        upm, line, codes, widths = json.loads(path.read_bytes())
        if isinstance(upm, int) and upm > 0 and isinstance(line, int) and \
                len(codes) == len(widths):
            return upm, line, dict(zip(codes, widths, strict=True))
    except (OSError, ValueError, TypeError):
        pass
    upm, line, table = read()
    try:
        from smguide.io.atomic import write_atomic

        write_atomic(path, json.dumps([upm, line, list(table), list(table.values())],
                                      separators=(",", ":")).encode())
    except Exception:  # noqa: BLE001 - a read-only home must not fail the build
        pass
    return upm, line, table


def read_font_widths(path: Path) -> tuple[int, int, dict[int, int]]:
    """(units per em, line height in units, code point -> advance width in units)."""
    from fontTools.ttLib import TTFont

    from smguide.logs import quieted

    with quieted("fontTools"):  # timestamps in old fonts
        font = TTFont(str(path), lazy=True)
        try:
            upm = font["head"].unitsPerEm
            hmtx = font["hmtx"].metrics
            widths = {code: hmtx[name][0] for code, name in font.getBestCmap().items()}
            hhea, os2 = font["hhea"], font["OS/2"]
            line = max(hhea.ascent - hhea.descent + hhea.lineGap,
                       os2.usWinAscent + os2.usWinDescent)
        finally:
            font.close()
    return upm, line, widths


def font_file_widths(path: Path) -> tuple[int, int, dict[int, int]]:
    """read_font_widths of a font file, from the cache when its bytes were read before."""
    return cached_font_widths(path.read_bytes(), lambda: read_font_widths(path))


def template_cache() -> Any:
    """Jinja's compiled templates kept in the user's cache (see TemplateCache), or None
    when that folder cannot be made private to the user."""
    folder = user_cache() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        state = folder.stat()
        if state.st_uid != os.getuid() or state.st_mode & 0o022:
            return None  # a folder others may write to: their code would run here
    except OSError:
        return None
    return _template_cache_class()(str(folder))


_CACHE_CLASS: Any = None


def _template_cache_class() -> Any:
    """TemplateCache, made on first use (jinja2 is imported only by the commands that
    render templates)."""
    global _CACHE_CLASS
    if _CACHE_CLASS is not None:
        return _CACHE_CLASS
    from jinja2 import __version__ as jinja_version
    from jinja2.bccache import Bucket, FileSystemBytecodeCache

    class TemplateCache(FileSystemBytecodeCache):
        """Compiling the templates costs more than rendering them (about 0.1 s for the
        built-in ones, on every command); Jinja keeps the compiled code of each template
        here, keyed by its name, its file and, through Jinja's own check, the hash of its
        source. The key also holds everything of the environment the compiled code
        depends on (its class and sandbox operators, autoescaping, whitespace options,
        the names of its filters and tests, which Jinja checks while compiling, and the
        versions of Jinja, Python and smguide), so a template compiled by one of
        smguide's environments is never run by another. The code is sandboxed as
        compiled code always is: it reaches the data only through the environment. A
        cache that cannot be read or written is simply not used."""

        def get_bucket(self, environment: Any, name: str, filename: str | None,
                       source: str) -> Bucket:
            settings = repr((type(environment).__module__, type(environment).__qualname__,
                             sorted(environment.intercepted_binops),
                             sorted(environment.intercepted_unops), environment.autoescape,
                             environment.trim_blocks, environment.lstrip_blocks,
                             environment.keep_trailing_newline, environment.newline_sequence,
                             environment.optimized, environment.is_async,
                             sorted(environment.filters), sorted(environment.tests),
                             sorted(environment.extensions), jinja_version,
                             sys.version_info[:2], __version__))
            key = hashlib.sha256(f"{self.get_cache_key(name, filename)}|{settings}"
                                 .encode()).hexdigest()
            bucket = Bucket(environment, key, self.get_source_checksum(source))
            self.load_bytecode(bucket)
            return bucket

        def load_bytecode(self, bucket: Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # noqa: BLE001 - a damaged file: compiled again
                bucket.reset()

        def dump_bytecode(self, bucket: Bucket) -> None:
            from contextlib import suppress

            with suppress(Exception):  # a read-only or full disk must not fail the build
                super().dump_bytecode(bucket)

    _CACHE_CLASS = TemplateCache
    return _CACHE_CLASS
