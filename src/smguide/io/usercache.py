"""The user's cache ($XDG_CACHE_HOME/smguide): results that depend only on the bytes they
were made from (the YAML files read, the kept layouts, rasterised pictures, font widths),
kept between runs and pruned when unused. A cache that cannot be read or written is simply
not used: nothing a build writes depends on it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from smguide import __version__


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
# the folders of results in the user cache (the YAML files read, the compiled templates,
# the validated values);
# the other files there are at its top (the kept layouts, pictures, font widths). Never
# the fonts smguide downloaded (fonts/): they need the network to be had again.
PRUNED_FOLDERS = ("yaml", "templates", "models")


def private_folder(name: str) -> Path | None:
    """The user cache's folder `name`, made if need be, or None when it cannot be made or
    is not private to the user (what is read back from it is run or unpickled, so a
    folder others may write to would run their code here)."""
    folder = user_cache() / name
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        state = folder.stat()
        if state.st_uid != os.getuid() or state.st_mode & 0o022:
            return None
    except OSError:
        return None
    return folder


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
    just to import, on every `smguide slides`. Keyed by the SVG's hash (`cached_file`)."""
    import hashlib

    name = f"svg-{hashlib.sha256(svg).hexdigest()[:32]}-{width}.png"
    return cached_file(name, draw, b"\x89PNG\r\n\x1a\n")


def cached_file(name: str, make: Callable[[], bytes], magic: bytes) -> bytes:
    """The bytes kept in the user's cache as `name` (a name made from a hash of all they
    depend on), else `make()`'s, kept; a kept file not starting with `magic` is made
    again, and a cache that cannot be read or written is simply not used."""
    path = user_cache() / f"{name}-{__version__}"
    try:
        data = path.read_bytes()
        if data.startswith(magic):
            return data
    except OSError:
        pass
    data = make()
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
    import hashlib

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
