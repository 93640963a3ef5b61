"""Values validated once: one Pydantic validator per type, built on first use, and what
the same data gave the same types kept in the user's cache (io.modelcache). The file
checks (sources.validate, with every problem said in the user's words) and the shipped
tables (typography, spoken lines) validate through it; it says nothing of mistakes, so
it imports none of the modules that do.
"""

from __future__ import annotations

import json
import sys
import typing
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from smguide.io.modelcache import cached_model, keep_model, model_key
from smguide.resources import ASSETS_DIR

_ADAPTERS: dict[object, Any] = {}  # Pydantic's TypeAdapter of each type


def _adapter(root: Any) -> Any:
    """One validator per type, built on first use (building one costs more than using it:
    a guide of 16 chapter files built 16); Pydantic's TypeAdapter is imported then, so a
    run that validates nothing anew (every value kept) does not import it."""
    adapter = _ADAPTERS.get(root)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _ADAPTERS[root] = TypeAdapter(root)
    return adapter


def validated(root: Any, data: Any) -> Any:
    """`data` validated against `root` (raises ValidationError), or the value the same data
    gave the same types on an earlier run, kept in the user's cache (io.modelcache)."""
    try:
        key = model_key(_type_code(root), json.dumps(data, ensure_ascii=False).encode())
    except (TypeError, ValueError):  # not JSON's kind of data: validated every time
        return _adapter(root).validate_python(data)
    kept = cached_model(key)
    if kept is not None:
        return kept
    value = _adapter(root).validate_python(data)
    keep_model(key, value)
    return value


@cache
def _type_code(root: Any) -> bytes:
    """What validating data against `root` depends on besides the data: the source of
    every module of ours defining a type it holds (its models, their fields' types,
    theirs...), of the model package and of this module, its repr, Pydantic's and
    Python's versions; a value kept by other code is then not used."""
    import pydantic
    import pydantic_core

    import smguide.model

    names = {__name__} | _modules_of(root, set())
    files = sorted(Path(smguide.model.__file__).parent.glob("*.py"))
    files += sorted(Path(file) for name in names if name.startswith("smguide.")
                    and (file := getattr(sys.modules.get(name), "__file__", None)))
    return b"".join(file.read_bytes() for file in files) + repr(root).encode() + \
        f"{pydantic.VERSION} {pydantic_core.__version__} {sys.version}".encode()


def _modules_of(tp: Any, seen: set[int]) -> set[str]:
    """The modules defining `tp` and every type within it (a model's fields' types)."""
    if id(tp) in seen:
        return set()
    seen.add(id(tp))
    found = set()
    if isinstance(tp, type):
        found.add(tp.__module__)
        if issubclass(tp, BaseModel):
            for info in tp.model_fields.values():
                found |= _modules_of(info.annotation, seen)
    for arg in typing.get_args(tp):
        found |= _modules_of(arg, seen)
    return found


def shipped_table(name: str, entry: Any) -> dict[str, Any]:
    """A table smguide ships in its assets (`name`: typography.yaml, spoken.yaml), keyed by
    language code in lower case, each entry validated as `entry` once: the value is kept
    in the user's cache under the file's bytes (io.modelcache), so a run after the first
    neither parses the file nor imports PyYAML."""
    root = dict[str, entry]
    text = (ASSETS_DIR / name).read_bytes()
    key = model_key(b"shipped table", _type_code(root), text)
    kept = cached_model(key)
    if isinstance(kept, dict):
        return kept
    import yaml

    # libyaml's loader where PyYAML has it: the same data, read five times faster
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(text.decode("utf-8"), loader)  # noqa: S506
    value: dict[str, Any] = validated(root, {str(key).lower(): value
                                             for key, value in raw.items()})
    keep_model(key, value)
    return value
