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

What it relies on is checked when the outermost block is entered (not on each call): that
`dataclasses` has no `exec` of its own and calls a module-level `exec` from code compiled
without `__future__` flags (which an `exec` of a string would inherit). A Python whose
`dataclasses` is shaped otherwise is left as it is: the methods are compiled as before.
A kept file is used only when it is this format's, written by this very Python (with
the same -O), its sources and code the ones kept together (a checksum of them) and each
code compiled from a string: a file of another shape, cut short, or pairing a source with
another's code is compiled anew. Blocks may nest and overlap (the preview's threads): the
first one in replaces `exec`, the last one out puts it back; a child forked while another
thread held the lock has one of its own.
"""

from __future__ import annotations
import __future__

import _thread
import builtins
import dataclasses
import marshal
import os
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import reduce
from pathlib import Path
from types import CodeType, FunctionType
from typing import Any

from smguide import __version__
from smguide.io.usercache import private_folder

FOLDER = "models"  # the private folder of validated values (io.modelcache); pruned
MOST = 2000  # sources kept at most: beyond, only the ones a run used (old edits go)
# the file: (FORMAT, PYTHON, CRC-32 of the rest, marshal of {source: code})
FORMAT = "smguide-dataclasses-1"
# the Python that compiled it, and how: under -O its `exec` would compile otherwise
PYTHON = f"{sys.version} optimize={sys.flags.optimize}"
# the flags a `from __future__ import` sets on code, which `exec` of a string inherits (not
# nested_scopes' and generators': always on, theirs is no such flag: 0x10 is CO_NESTED)
FUTURE = reduce(int.__or__, (getattr(__future__, name).compiler_flag
                             for name in __future__.all_feature_names
                             if name not in ("nested_scopes", "generators")), 0)

_kept: dict[str, CodeType] = {}  # source -> code: read from the cache, then compiled
_read_in: list[bool] = []  # [True] once the cache's file was read into _kept
_used: set[str] = set()  # the sources this process compiled or took
_new: set[str] = set()  # the sources this process compiled (not in the cache)
_lock = _thread.allocate_lock()  # for the blocks' entries and exits, and the file's writes
_open: list[Any] = []  # the blocks open (in any thread), then what dataclasses had as exec
_NONE = object()  # dataclasses had no exec of its own


def _unlocked() -> None:
    """A forked child's lock free: the thread holding the parent's is not in the child."""
    global _lock
    _lock = _thread.allocate_lock()


os.register_at_fork(after_in_child=_unlocked)


def _file() -> Path | None:
    """The cache's file for this Python's bytecode, or None when there is no private
    folder for it."""
    folder = private_folder(FOLDER)
    if folder is None:
        return None
    python = f"{sys.implementation.cache_tag}-{'.'.join(map(str, sys.version_info[:3]))}"
    if sys.flags.optimize:  # -O's file beside the plain one's, not over it
        python += f"-O{sys.flags.optimize}"
    return folder / f"dataclasses-{python}-{__version__}.marshal"


def _read(path: Path | None) -> dict[str, CodeType]:
    """The sources and code kept in `path`, or none (no file, a damaged or foreign one:
    another format's, another Python's, its sources and code not the ones kept together,
    as its checksum tells); an entry that is not code compiled from a string is left out."""
    if path is None:
        return {}
    try:
        found = marshal.loads(path.read_bytes())
        if not (type(found) is tuple and len(found) == 4 and found[0] == FORMAT
                and found[1] == PYTHON and type(found[3]) is bytes
                and found[2] == zlib.crc32(found[3])):
            return {}
        kept = marshal.loads(found[3])
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if type(kept) is not dict:
        return {}
    return {source: code for source, code in kept.items() if type(source) is str
            and type(code) is CodeType and code.co_filename == "<string>"}


def compiled_exec(source: Any, /, *args: Any, **kwargs: Any) -> None:
    """`exec` as `dataclasses` calls it, the code of a source string compiled once (the
    cache's file read on the first call: a command that makes no dataclass, such as
    `--help`, never reads it); any other call is `exec`'s own."""
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
    builtins.exec(source, *args, **kwargs)


def _codes(found: Any) -> Iterator[CodeType]:
    """The code of `dataclasses`' functions and its classes' methods, nested code too."""
    for value in vars(found).values():
        if isinstance(value, type) and value.__module__ == found.__name__:
            yield from _codes(value)
            continue
        for function in (value, getattr(value, "__func__", None), getattr(value, "fget", None)):
            if isinstance(function, FunctionType):
                yield from _nested(function.__code__)


def _nested(code: CodeType) -> Iterator[CodeType]:
    yield code
    for const in code.co_consts:
        if type(const) is CodeType:
            yield from _nested(const)


def _why_not(found: Any) -> str | None:
    """Why `compiled_exec` would not be the `exec` `found` (dataclasses) calls, or None."""
    own = vars(found).get("exec", _NONE)
    if own is not _NONE and own is not builtins.exec:
        return f"{found.__name__} has an exec of its own, {own!r}"
    callers = [code for code in _codes(found) if "exec" in code.co_names]
    if not callers:
        return f"{found.__name__} calls no module-level exec"
    if any(code.co_flags & FUTURE for code in callers):
        return f"{found.__name__} is compiled with __future__ flags its exec would inherit"
    return None


def _skip(why: str) -> None:
    """The plain path taken: a debug line, for whoever looks (no message to the user)."""
    import logging

    logging.getLogger(__name__).debug("dataclasses compile their methods themselves: %s",
                                      why)


@contextmanager
def compiling_once() -> Iterator[None]:
    """Inside the block, the dataclasses made take their methods' code from the user's
    cache (compiled on an earlier run); after it `dataclasses` compiles as before, and
    what was compiled anew is kept. A `dataclasses` not shaped as expected is left as
    it is."""
    with _lock:
        if not _open:
            why = _why_not(dataclasses)
            if why is None:
                _open.append(vars(dataclasses).get("exec", _NONE))
                dataclasses.exec = compiled_exec  # type: ignore[attr-defined]
            else:
                _open.append(None)  # nothing to put back
                _skip(why)
        else:
            _open.append(_open[0])
    try:
        yield
    finally:
        with _lock:
            own = _open.pop()
            if not _open and own is not None:
                if own is _NONE:
                    vars(dataclasses).pop("exec", None)
                else:
                    dataclasses.exec = own  # type: ignore[attr-defined]
        keep_compiled()


def keep_compiled() -> None:
    """Keep in the user's cache the code this process compiled anew (with what the cache
    holds, which another process may have added to meanwhile), written atomically;
    nothing when it compiled nothing new."""
    if not _new:
        return
    with _lock:
        path = _file()
        if path is None:
            return
        done, used = set(_new), set(_used)  # copies: other threads may compile meanwhile
        kept = {**_read(path), **{source: _kept[source] for source in used}}
        if len(kept) > MOST:
            kept = {source: _kept[source] for source in used}
        try:
            from smguide.io.atomic import write_atomic

            data = marshal.dumps(kept)
            write_atomic(path, marshal.dumps((FORMAT, PYTHON, zlib.crc32(data), data)))
        except Exception:  # noqa: BLE001 - a read-only home must not fail the build
            return
        _new.difference_update(done)
