"""Values validated once: one Pydantic validator per type, built on first use, and what
the same data gave the same types kept in the user's cache (io.modelcache), as the
model's plain dataclasses (sources/strict.py's `plain`). The file checks
(sources.validate, with every problem said in the user's words) and the shipped tables
(typography, spoken lines) validate through it; it says nothing of mistakes, so it
imports none of the modules that do.

A file's shape is named ("smguide.sources.guidefile:GuideFile"), not imported: a run
that validates nothing anew (every value kept) imports neither the shapes nor Pydantic.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
import typing
from functools import cache
from pathlib import Path
from typing import Any

from smguide.io.modelcache import cached_model, keep_model, model_key
from smguide.resources import ASSETS_DIR, PACKAGE_DIR

_ADAPTERS: dict[object, Any] = {}  # Pydantic's TypeAdapter of each type
# the modules of ours the named shapes are made of (with the model package, see _type_code)
SHAPES = ("strict", "guidefile", "contactfile", "spokenfile", "typographyfile", "brandfile")


def shape(root: Any) -> Any:
    """The type a root names ("module:Name"; "dict:module:Name" a dict of it keyed by
    text), imported; a type is its own."""
    if not isinstance(root, str):
        return root
    table = root.startswith("dict:")
    module, _, name = root.removeprefix("dict:").partition(":")
    found = getattr(importlib.import_module(module), name)
    return dict[str, found] if table else found  # type: ignore[valid-type]


def _adapter(root: Any) -> Any:
    """One validator per type, built on first use (building one costs more than using it:
    a guide of 16 chapter files built 16); Pydantic's TypeAdapter is imported then, so a
    run that validates nothing anew (every value kept) does not import it."""
    adapter = _ADAPTERS.get(root)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _ADAPTERS[root] = TypeAdapter(shape(root))
    return adapter


def _validated_now(root: Any, data: Any) -> Any:
    from smguide.sources.strict import plain

    return plain(_adapter(root).validate_python(data))


def validated(root: Any, data: Any) -> Any:
    """`data` validated against `root` (raises ValidationError), or the value the same data
    gave the same types on an earlier run, kept in the user's cache (io.modelcache); the
    model's plain values either way."""
    try:
        key = model_key(_type_code(root), json.dumps(data, ensure_ascii=False).encode())
    except (TypeError, ValueError):  # not JSON's kind of data: validated every time
        return _validated_now(root, data)
    kept = cached_model(key)
    if kept is not None:
        return kept
    value = _validated_now(root, data)
    keep_model(key, value)
    return value


@cache
def _type_code(root: Any) -> bytes:
    """What validating data against `root` depends on besides the data: the source of
    the model package, of this module and of every module of ours defining a type it
    holds (a named shape: the shapes' modules, SHAPES; a type: its models, their fields'
    types, theirs...), its repr, Pydantic's version and Python's; a value kept by other
    code is then not used. Pydantic is not imported for a named shape (its version file
    is read)."""
    files = sorted((PACKAGE_DIR / "model").glob("*.py")) + [Path(__file__)]
    if isinstance(root, str):
        module = root.removeprefix("dict:").partition(":")[0]
        files += [PACKAGE_DIR / "sources" / f"{name}.py" for name in SHAPES]
        files.append(PACKAGE_DIR.joinpath(*module.split(".")[1:]).with_suffix(".py"))
    else:
        files += sorted(Path(file) for name in _modules_of(root, set())
                        if name.startswith("smguide.")
                        and (file := getattr(sys.modules.get(name), "__file__", None)))
    return b"".join(file.read_bytes() for file in files) + repr(root).encode() + \
        _pydantic_version() + sys.version.encode()


@cache
def _pydantic_version() -> bytes:
    """Pydantic's version file (it names the pydantic-core it works with), unimported."""
    found = importlib.util.find_spec("pydantic")
    origin = found.origin if found is not None else None
    return (Path(origin).parent / "version.py").read_bytes() if origin else b""


def _modules_of(tp: Any, seen: set[int]) -> set[str]:
    """The modules defining `tp` and every type within it (a model's fields' types)."""
    from pydantic import BaseModel

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


def shipped_table(name: str, entry: str) -> dict[str, Any]:
    """A table smguide ships in its assets (`name`: typography.yaml, spoken.yaml), keyed by
    language code in lower case, each entry validated as the shape `entry` names once:
    the value is kept in the user's cache under the file's bytes (io.modelcache), so a run
    after the first neither parses the file nor imports PyYAML or Pydantic."""
    root = f"dict:{entry}"
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
