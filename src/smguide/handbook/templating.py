"""Jinja, locked down: sandboxed, autoescaped, strict about undefined names.

The loader looks in the user's override folder first, then in the built-in templates;
`builtin/<name>` always reaches the shipped template, so an override can extend it.

Templates are untrusted. They see data only (templatedata: strings, numbers, tuples and
read-only records built from the model), and `DataSandbox` lets them reach nothing
else: a record's fields, the `loop`/`namespace`/`cycler`/`joiner`/`self` helpers Jinja
defines, their own macros, and the filters and functions smguide registers. No method
of any object (not even `"x".format` or `dict.items`) and no class, path or module
is reachable. Arithmetic that would make a huge value and an output beyond
MAX_OUTPUT_CHARS stop with an error naming the template and line (templatelimits).
"""

from __future__ import annotations

import re
import types
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    Undefined,
)
from jinja2.environment import TemplateModule
from jinja2.runtime import BlockReference, LoopContext, Macro, TemplateReference
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import Cycler, Joiner, Namespace, pass_environment
from markupsafe import Markup

from smguide.errors import Problem, RenderError, SmguideError, Where
from smguide.handbook.templatedata import Record, to_data
from smguide.handbook.templatelimits import (
    BoundedFilters,
    TemplateLimit,
    bounded_format,
    bounded_modulo,
    bounded_multiply,
    bounded_output,
    bounded_power,
    bounded_range,
    bounded_replace,
    exception_line,
    memory_limit,
    stopped_in_time,
    template_error,
    width_filter,
)
from smguide.io.templatecache import template_cache
from smguide.model.typography import Typography
from smguide.paths import link_loop, real
from smguide.resources import builtin
from smguide.sources import markdown
from smguide.sources.languages import format_date, format_month
from smguide.sources.typography import shipped

LOOP_FIELDS = frozenset({"index", "index0", "revindex", "revindex0", "first", "last",
                         "length", "depth", "depth0", "previtem", "nextitem", "cycle",
                         "changed"})
CYCLER_FIELDS = frozenset({"current", "next", "reset"})
DATA_TYPES = (str, int, float, bool, type(None), tuple, list, dict, range, Record)
NO_METHODS = ("templates read data only and call no methods; use a filter instead "
              "(upper, lower, trim, replace, items, dictsort, join, length...)")


class DataSandbox(ImmutableSandboxedEnvironment):
    """A sandbox that lets templates read data and call only what smguide allows."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.binop_table.update({"*": bounded_multiply, "**": bounded_power,
                                 "%": bounded_modulo})
        for name in ("lipsum", "dict"):  # unbounded text; a class (dict literals remain)
            del self.globals[name]
        self.globals["range"] = bounded_range
        self.filters["format"] = bounded_format
        self.filters["attr"] = pass_environment(lambda env, obj, name: env.getattr(obj, str(name)))
        self.filters["center"] = width_filter("center", self.filters["center"])
        self.filters["indent"] = width_filter("indent", self.filters["indent"])
        self.filters["replace"] = bounded_replace(self.filters["replace"])
        self.filters = BoundedFilters(self.filters)
        self.policies["json.dumps_kwargs"] = {"sort_keys": True, "default": _json_value}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_"):
            return False
        if isinstance(obj, LoopContext):
            return attr in LOOP_FIELDS
        if isinstance(obj, Cycler):
            return attr in CYCLER_FIELDS
        if isinstance(obj, BlockReference):
            return attr == "super"
        return isinstance(obj, (Namespace, TemplateModule))  # the template's own values

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, (Macro, BlockReference, LoopContext, Cycler, Joiner, Undefined)):
            return True  # the template's own macros and blocks, Jinja's helpers
        if isinstance(obj, types.MethodType) and isinstance(obj.__self__, (LoopContext,
                                                                           Cycler)):
            return True  # loop.cycle(), loop.changed(), a cycler's next() and reset()
        return any(obj is ours for ours in self.globals.values())

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any  # noqa: N805
             ) -> Any:
        if not __self.is_safe_callable(__obj):
            raise SecurityError(f"a {_kind(__obj)} cannot be called; {NO_METHODS}")
        return __context.call(__obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, Record):
            return self._field(obj, attribute)
        if isinstance(obj, tuple) and attribute in getattr(type(obj), "_fields", ()):
            return getattr(obj, attribute)  # a named tuple's field: groupby's grouper, list
        if isinstance(obj, DATA_TYPES):
            return self.undefined(f"access to attribute {attribute!r} of {_kind(obj)!r} "
                                  f"object is unsafe; {NO_METHODS}", obj=obj, name=attribute,
                                  exc=SecurityError)
        if isinstance(obj, Undefined):
            return super().getattr(obj, attribute)
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            if isinstance(obj, TemplateReference):  # self.blockname
                return self.getitem(obj, attribute)
            return self.undefined(obj=obj, name=attribute)
        except Exception:  # noqa: BLE001 - a property raising is no way out either
            return self.undefined(obj=obj, name=attribute)
        if self.is_safe_attribute(obj, attribute, value):
            return value
        return self.undefined(f"access to attribute {attribute!r} of {_kind(obj)!r} object "
                              f"is unsafe; {NO_METHODS}", obj=obj, name=attribute,
                              exc=SecurityError)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, Record):
            return self._field(obj, argument)
        if isinstance(obj, tuple) and isinstance(argument, str):
            return self.getattr(obj, argument)  # a named tuple's field, or refused
        if isinstance(obj, (str, tuple, list, range, dict, TemplateReference)):
            try:
                return obj[argument]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=argument)
        if isinstance(obj, Undefined):
            return super().getitem(obj, argument)
        if isinstance(argument, str):
            return self.getattr(obj, argument)
        return self.undefined(obj=obj, name=argument)

    def _field(self, record: Record, name: Any) -> Any:
        if isinstance(name, str) and name in record:
            return record[name]
        return self.undefined(f"{record.kind} has no field {name!r}; it has "
                              f"{', '.join(record) or 'none'}", obj=record, name=name)


def _json_value(value: Any) -> Any:
    """What `tojson` writes for a Record: its fields, as an object."""
    if isinstance(value, Record):
        return dict(value)
    raise TypeError(f"a {type(value).__name__} cannot be written as JSON")


def _kind(obj: Any) -> str:
    return obj.kind if isinstance(obj, Record) else type(obj).__name__


def css_string(value: str) -> Markup:
    """A CSS string literal that can hold any text: everything but letters, digits and
    spaces is written as a hex escape, so nothing can end the string early."""
    escaped = "".join(c if re.match(r"[A-Za-z0-9 ]", c) else f"\\{ord(c):06x} " for c in value)
    return Markup(f'"{escaped}"')


def template_dirs(override: Path | None) -> list[Path]:
    dirs = [builtin("templates")]
    return [override, *dirs] if override else dirs


class ConfinedLoader(FileSystemLoader):
    """A FileSystemLoader that will not follow a symbolic link out of its folders."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
        for folder in self.searchpath:  # a loop is not "no such file": never the built-in
            candidate = Path(folder, *template.split("/"))
            if link_loop(candidate):
                raise RenderError(Problem.fix(Where(str(candidate)), "the template is a symbolic "
                                          "link that leads back to itself (a link loop)",
                                          "put the file itself there"))
        source, filename, uptodate = super().get_source(environment, template)
        resolved = real(Path(filename))
        if not any(resolved.is_relative_to(real(Path(folder))) for folder in self.searchpath):
            raise RenderError(Problem.fix(Where(filename), "the template is a link to a file "
                                          "outside the template folders",
                                          "put the file itself there"))
        return source, filename, uptodate


def make_env(override: Path | None, *, html: bool = True, language: str = "en",
             typography: Typography | None = None) -> DataSandbox:
    dirs = template_dirs(override)
    loader = ChoiceLoader([ConfinedLoader([str(d) for d in dirs]),
                           PrefixLoader({"builtin": ConfinedLoader(str(dirs[-1]))})])
    # not optimized: Jinja would run filters on constants while compiling, and `check`
    # compiles outside the limited child; the compiled code is kept in the user's cache
    env = DataSandbox(loader=loader, autoescape=html, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, optimized=False,
                      bytecode_cache=template_cache())
    typography = typography or shipped(language)
    # the guide's own quotes and spaces (labels.yaml), else its language's
    quotes, spacing = typography.quotes, markdown.writing(language, typography).spacing
    # (hyphenate=False: the handbook's renderer sets the text without hyphenation)
    env.filters["md"] = lambda text, hyphenate=True: markdown.to_html(text, language, quotes,
                                                                      spacing)
    env.filters["md_inline"] = (lambda text, hyphenate=True:
                                markdown.to_inline_html(text, language, quotes, spacing))
    # md_inline for a table cell or a card's column (the handbook ties no last words there)
    env.filters["md_cell"] = lambda text: markdown.to_inline_html(text, language, quotes,
                                                                  spacing)
    env.filters["plain"] = lambda text: markdown.to_plain(text, language, quotes, spacing)
    env.filters["css_string"] = css_string
    env.filters["date"] = lambda iso: format_date(iso, language, typography.ordinal_day)
    env.filters["month"] = lambda iso: format_month(iso, language)  # "December 2026"
    env.filters["colon"] = typography.colon  # "Label:" as the language writes it
    return env


def render(env: DataSandbox, name: str, **context: Any) -> str:
    """Render one template on `context` made data (templatedata.to_data); template
    mistakes become a RenderError naming the file and line."""
    data = {key: to_data(value, key) for key, value in context.items()}
    try:
        with stopped_in_time():
            return bounded_output(env.get_template(name), data)
    except TemplateNotFound as exc:
        raise RenderError(Problem.at(Where(""), f"template {exc.name} not found in the "
                                                f"template folders")) from None
    except TemplateError as exc:
        raise template_error(_template_place(exc, name), exception_line(exc)) from None
    except TemplateLimit as exc:
        raise template_error(_template_place(exc, name), exception_line(exc), exc.fix) from None
    except MemoryError as exc:
        raise template_error(_template_place(exc, name),
                              f"this makes a value too big for {memory_limit()}") from None
    except SmguideError:
        raise  # a template link out of its folders (ConfinedLoader), a nested render's error
    except Exception as exc:  # noqa: BLE001 - anything a template expression can raise
        # ({{ 1 // 0 }}, a filter given the wrong kind of value): the template's fault
        raise template_error(_template_place(exc, name),
                              f"{type(exc).__name__}: {exception_line(exc)}") from None


def _template_place(exc: BaseException, name: str) -> Where:
    """file:line of a template error: syntax errors carry it, runtime errors are found in
    the traceback, where Jinja maps frames back to template lines."""
    filename, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if not (filename and line):
        tb = exc.__traceback__
        while tb is not None:
            frame_file = tb.tb_frame.f_code.co_filename
            if frame_file.endswith((".j2", ".html", ".css")):
                filename, line = frame_file, tb.tb_lineno
            tb = tb.tb_next
    return Where(filename, line) if filename and line else Where(filename or name)
