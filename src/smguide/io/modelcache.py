"""Validated values kept in the user's cache: what a file's data gave once validated
against its type (a guide's chapter, the brand file), so the same data is not validated
again on the next run. Building Pydantic's validators costs more than using them (about
0.05 s for the guide's and the brand's types, on every command); a value read back is
the one validation made, pickled.

Unpickling runs code named in the file, so the values are kept in a folder only the user
may write to (as Jinja's compiled templates are), and a folder others may write to is not
used. Only what validated without a problem is kept: a mistake is explained every time. A
cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from smguide import __version__
from smguide.io.usercache import private_folder

FOLDER = "models"
T = TypeVar("T")


def _folder() -> Path | None:
    """The user cache's folder of validated values, or None when it cannot be made private
    to the user."""
    return private_folder(FOLDER)


def model_key(*parts: bytes) -> str:
    """The name a value is kept under: a hash of everything it depends on."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()[:40]


def cached_model(key: str) -> Any:
    """The value kept under `key` by keep_model, or None (none kept, or not readable)."""
    folder = _folder()
    if folder is None:
        return None
    try:
        return pickle.loads((folder / f"{key}-{__version__}.pickle").read_bytes())  # noqa: S301 - the user's own folder, see above
    except Exception:  # noqa: BLE001 - a damaged or stale file: validated again
        return None


def keep_model(key: str, value: Any) -> None:
    """Keep `value` under `key`; a cache that cannot be written is not used."""
    folder = _folder()
    if folder is None:
        return
    try:
        from smguide.io.atomic import write_atomic

        write_atomic(folder / f"{key}-{__version__}.pickle",
                     pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:  # noqa: BLE001 - a read-only home, or a value that does not pickle
        pass


def kept(make: Callable[[], T], *parts: bytes) -> T:
    """`make()`, or what it gave on an earlier run with the same `parts` (everything it
    depends on), kept under their hash: for answers a library gives slowly to import and
    load (Babel's CLDR data) that a warm run asks again."""
    key = model_key(*parts)
    found = cached_model(key)
    if isinstance(found, tuple) and len(found) == 1:
        return cast("T", found[0])
    value = make()
    keep_model(key, (value,))
    return value


def remembered(make: Callable[[], T], *parts: bytes) -> T:
    """`make()`, or what it gave on an earlier run with the same `parts` (everything it
    depends on: a file's digest, our code...), kept under their hash when it found
    nothing (an empty list: what a file without a problem gives); a finding is looked
    for anew every time, as a mistake is explained every time."""
    key = model_key(*parts)
    if cached_model(key) == ():
        return cast("T", [])
    value = make()
    if value == []:
        keep_model(key, ())
    return value
