"""What templates see: plain, read-only data built from the model, never the model.

Templates are untrusted, and every public method of an object handed to one is a door
out of Jinja's sandbox (a model class's `parse_file`, a path's `write_text`...). So a
template gets values of these kinds only: `str` (`Markup` for HTML smguide made), `int`,
`float`, `bool`, `None`, tuples of values, and `Record`s, read-only mappings of field
names to values. `to_data` builds them; every render goes through it (templating.render),
and the sandbox there refuses whatever else a template could reach.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import PurePath
from typing import Any, TypeAlias, cast

from markupsafe import Markup

from smguide.model.guide import Guide
from smguide.sources.brand import Brand
from smguide.sources.roster import Hire

Value: TypeAlias = "str | int | float | bool | None | tuple[Value, ...] | Record"


class Record(Mapping[str, Value]):
    """A read-only record of named values: `record.name` and `record["name"]` in a
    template are the same field (a field called `items` is the field, not a method)."""

    __slots__ = ("_kind", "_fields")
    _kind: str
    _fields: dict[str, Value]

    def __init__(self, kind: str, fields: Mapping[str, Value]):
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_fields", dict(fields))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{self._kind} is read-only")

    def __getitem__(self, name: str) -> Value:
        return self._fields[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __repr__(self) -> str:
        return f"{self._kind}({', '.join(self._fields)})"

    @property
    def kind(self) -> str:
        """What the record describes (a class name such as "Chapter"), for messages."""
        return self._kind


def to_data(value: object, kind: str = "value") -> Value:
    """`value` as template data: model objects, dataclasses and mappings become Records,
    lists and tuples tuples, paths strings. Anything else (a class, a function, a module,
    an object of a library) is refused: a TypeError, which is smguide's bug, not the user's."""
    if value is None or type(value) in (bool, int, float, str, Markup):
        return cast(Value, value)
    if isinstance(value, Record):
        return value
    if isinstance(value, (str, list, tuple, PurePath)):
        return _text_or_items(value, kind)
    return _structured(value, kind)


def _text_or_items(value: str | list[object] | tuple[object, ...] | PurePath,
                   kind: str) -> Value:
    """Text (Markup stays Markup) and paths as strings; lists and tuples as tuples."""
    if isinstance(value, Markup):
        return Markup(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, (list, tuple)):
        return tuple(to_data(item, kind) for item in value)
    return str(value)


def _structured(value: object, kind: str) -> Value:
    """A model object, dataclass or mapping as a Record; anything else refused."""
    view = _VIEWS.get(type(value))
    if view is not None:
        return Record(type(value).__name__, view(value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _record(value, [f.name for f in dataclasses.fields(value)])
    if isinstance(value, Mapping):
        return Record(kind, {_key(key): to_data(item, _key(key)) for key, item in value.items()})
    raise TypeError(f"a {type(value).__name__} cannot be handed to a template")


def _key(key: object) -> str:
    if not isinstance(key, str):
        raise TypeError(f"a template mapping has a {type(key).__name__} key")
    return key


def _record(value: object, names: Iterable[str]) -> Record:
    return Record(type(value).__name__,
                  {name: to_data(getattr(value, name), name) for name in names})


def _guide(guide: Guide) -> dict[str, Value]:
    # the content folder's path is not the templates' business (asset_uri resolves files)
    return {f.name: to_data(getattr(guide, f.name), f.name) for f in dataclasses.fields(guide)
            if f.name != "root"}


def _brand(brand: Brand) -> dict[str, Value]:
    # no paths: templates get the logo and fonts as URIs from the renderer
    return {"name": brand.name, "footer": brand.footer, "logo_alt": brand.logo_alt,
            "colours": to_data(brand.colours, "colours"), "base_family": brand.base_family,
            "base_size_pt": brand.base_size_pt, "line_height": brand.line_height,
            "heading_family": brand.heading_family, "heading_weight": brand.heading_weight}


def _hire(hire: Hire) -> dict[str, Value]:
    fields = {f.name: to_data(getattr(hire, f.name), f.name) for f in dataclasses.fields(hire)}
    return {**fields, "counterpart": hire.counterpart}


_VIEWS: dict[type, Callable[[Any], dict[str, Value]]] = {Guide: _guide, Brand: _brand, Hire: _hire}
