"""The methods `dataclasses` writes for a class, compiled once and kept in the user's cache.

For every dataclass Python writes the source of its methods (`__init__`, `__repr__`,
`__eq__`, `__hash__`, a frozen class's `__setattr__` and `__delattr__`) and compiles each
with `exec`: about 0.1 ms a method, some 0.05 s for the classes `smguide slides` makes (the
model's, the sources', the deck's), more than the rest of the content's loading. The source
depends only on the class's fields and options, so the code it compiles to is the same on
every run: `compiling_once` gives `dataclasses` an `exec` that takes the code compiled from
the same source on an earlier run (the same Python, with the same flags: none, as
`dataclasses`' own `exec` of a string has), and compiles only what is new. The methods are
the ones `dataclasses` makes; only the compiling is saved.

Code read back is run, so it is kept in a folder only the user may write to (as the
validated values are, io.modelcache); a cache that cannot be read or written is not used.
A render child, which exits without the parent's exit handlers, keeps what it compiled
with `keep_compiled`.
"""

from __future__ import annotations

import builtins
import dataclasses
import marshal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType
from typing import Any

from smguide import __version__
from smguide.io.usercache import private_folder

FOLDER = "models"  # the private folder of validated values (io.modelcache); pruned
MOST = 2000  # sources kept at most: beyond, only the ones a run used (old edits go)

_kept: dict[str, CodeType] = {}  # source -> code: read from the cache, then compiled
_read_in: list[bool] = []  # [True] once the cache's file was read into _kept
_used: set[str] = set()  # the sources this process compiled or took
_new: set[str] = set()  # the sources this process compiled (not in the cache)


def _file() -> Path | None:
    """The cache's file for this Python's bytecode, or None when there is no private
    folder for it."""
    folder = private_folder(FOLDER)
    if folder is None:
        return None
    python = f"{sys.implementation.cache_tag}-{'.'.join(map(str, sys.version_info[:3]))}"
    return folder / f"dataclasses-{python}-{__version__}.marshal"


def _read(path: Path | None) -> dict[str, CodeType]:
    """The sources and code kept in `path`, or none (no file, a damaged one)."""
    if path is None:
        return {}
    try:
        found = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {source: code for source, code in found.items()
            if isinstance(source, str) and isinstance(code, CodeType)}


def compiled_exec(source: Any, globals: dict[str, Any] | None = None,
                  locals: dict[str, Any] | None = None, /) -> None:
    """`exec` as `dataclasses` calls it, the code of a source string compiled once (the
    cache's file read on the first call: a command that makes no dataclass, such as
    `--help`, never reads it)."""
    if type(source) is str:
        if not _read_in:
            _kept.update({**_read(_file()), **_kept})
            _read_in.append(True)
        code = _kept.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            _kept[source] = code
            _new.add(source)
        _used.add(source)
        source = code
    builtins.exec(source, globals, locals)


@contextmanager
def compiling_once() -> Iterator[None]:
    """Inside the block, the dataclasses made take their methods' code from the user's
    cache (compiled on an earlier run); after it `dataclasses` compiles as before, and
    what was compiled anew is kept."""
    own = vars(dataclasses).get("exec", builtins.exec)  # the built-in, as a rule
    dataclasses.exec = compiled_exec  # type: ignore[attr-defined]
    try:
        yield
    finally:
        dataclasses.exec = own  # type: ignore[attr-defined]
        keep_compiled()


def keep_compiled() -> None:
    """Keep in the user's cache the code this process compiled anew (with what the cache
    holds, which another process may have added to meanwhile); nothing when it compiled
    nothing new."""
    if not _new:
        return
    path = _file()
    if path is None:
        return
    kept = {**_read(path), **{source: _kept[source] for source in _used}}
    if len(kept) > MOST:
        kept = {source: _kept[source] for source in _used}
    try:
        from smguide.io.atomic import write_atomic

        write_atomic(path, marshal.dumps(kept))
    except Exception:  # noqa: BLE001 - a read-only home must not fail the build
        return
    _new.clear()
