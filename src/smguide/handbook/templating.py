"""Jinja, locked down: sandboxed, autoescaped, strict about undefined names.

The loader looks in the user's override folder first, then in the built-in templates;
`builtin/<name>` always reaches the shipped template, so an override can extend it.

Templates are untrusted. They see data only (templatedata: strings, numbers, tuples and
read-only records built from the model), and `DataSandbox` lets them reach nothing
else: a record's fields, the `loop`/`namespace`/`cycler`/`joiner`/`self` helpers Jinja
defines, their own macros, and the filters and functions smguide registers. No method
of any object (not even `"x".format` or `dict.items`) and no class, path or module
is reachable. Arithmetic that would make a huge value and an output beyond
MAX_OUTPUT_CHARS stop with an error naming the template and line.
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
    Undefined,
)
from jinja2.environment import TemplateModule
from jinja2.runtime import BlockReference, LoopContext, Macro, TemplateReference
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import Cycler, Joiner, Namespace, pass_environment, pass_eval_context
from markupsafe import Markup, soft_str

from smguide.errors import Problem, RenderError, SmguideError, Where
from smguide.handbook.templatedata import Record, to_data
from smguide.io.cache import template_cache
from smguide.model.typography import Typography
from smguide.paths import link_loop, real
from smguide.resources import builtin
from smguide.sources import markdown
from smguide.sources.languages import format_date
from smguide.sources.typography import shipped

MAX_OUTPUT_CHARS = 50_000_000  # one template's output; the default handbook's HTML: 0.2 MB
MAX_RANGE = 100_000  # items in one range(): Jinja's own sandbox limit
MAX_INT_BITS = 16_000  # about the 4,300 digits Python prints at most
LOOP_FIELDS = frozenset({"index", "index0", "revindex", "revindex0", "first", "last",
                         "length", "depth", "depth0", "previtem", "nextitem", "cycle",
                         "changed"})
CYCLER_FIELDS = frozenset({"current", "next", "reset"})
DATA_TYPES = (str, int, float, bool, type(None), tuple, list, dict, range, Record)
NO_METHODS = ("templates read data only and call no methods; use a filter instead "
              "(upper, lower, trim, replace, items, dictsort, join, length...)")


class TemplateLimit(ArithmeticError):
    """A template asked for a value or an output too big to make (`fix`: what to change,
    the end of the message, when there is more to say than the limit)."""

    def __init__(self, message: str, fix: str | None = None):
        super().__init__(f"{message}; {fix}" if fix else message)
        self.fix = fix


def _size_of(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple)) else 0


def bounded_multiply(left: Any, right: Any) -> Any:
    """`*`, refusing a string or list of more than MAX_OUTPUT_CHARS items."""
    for seq, count in ((left, right), (right, left)):
        if _size_of(seq) and isinstance(count, int) and _size_of(seq) * count > MAX_OUTPUT_CHARS:
            raise TemplateLimit(f"this would make {_size_of(seq) * count:,} characters or "
                                f"items; the limit is {MAX_OUTPUT_CHARS:,}")
    return left * right


def bounded_power(base: Any, exponent: Any) -> Any:
    """`**`, refusing whole numbers too long to print (which also take long to compute)."""
    if (isinstance(base, int) and isinstance(exponent, int) and abs(base) > 1
            and exponent > 0 and abs(base).bit_length() * exponent > MAX_INT_BITS):
        raise TemplateLimit(f"{base} ** {exponent} is too big a number")
    return base**exponent


_WIDTH = re.compile(r"%[-#0 +]*(\*|[0-9]+)?(?:\.(\*|[0-9]+))?")


def _check_format(text: Any) -> None:
    if not isinstance(text, str):
        return
    for found in _WIDTH.finditer(text):
        for number in found.groups():
            if number == "*" or (number and int(number) > 1000):
                raise TemplateLimit(f"a width or precision of {number} in a format string; "
                                    "the limit is 1000")


def bounded_modulo(left: Any, right: Any) -> Any:
    """`%`: formatting with a width or precision above 1000 is refused."""
    _check_format(left)
    return left % right


def bounded_format(value: Any, *args: Any, **kwargs: Any) -> str:
    """The `format` filter (printf-style), with the same bound as `%`."""
    if args and kwargs:
        raise TemplateLimit("format takes positional or keyword arguments, not both")
    _check_format(soft_str(value))
    return soft_str(value) % (kwargs or args)


def _width_filter(name: str, apply: Callable[..., str]) -> Callable[..., str]:
    def bounded(value: Any, width: Any = 80, *args: Any, **kwargs: Any) -> str:
        if isinstance(width, int) and width > 1000:
            raise TemplateLimit(f"{name}({width}): the limit is 1000")
        return apply(value, width, *args, **kwargs)
    return bounded


def _bounded_replace(apply: Callable[..., str]) -> Callable[..., str]:
    def bounded(eval_ctx: Any, value: Any, old: Any, new: Any, count: Any = None) -> str:
        text, old_text, new_text = soft_str(value), soft_str(old), soft_str(new)
        times = text.count(old_text) if old_text else len(text) + 1
        if isinstance(count, int) and count >= 0:
            times = min(times, count)
        if len(text) + times * (len(new_text) - len(old_text)) > MAX_OUTPUT_CHARS:
            raise TemplateLimit(f"replace would make more than {MAX_OUTPUT_CHARS:,} characters")
        return apply(eval_ctx, value, old, new, count)
    return pass_eval_context(bounded)


class BoundedFilters(dict[str, Callable[..., Any]]):
    """The filters, each checked to return no string longer than MAX_OUTPUT_CHARS: a
    chain of filters that each make their input a few times longer (`css_string`,
    `forceescape`, `md`) would otherwise grow without end. Filters registered later
    (the renderers' own) are wrapped too."""

    def __init__(self, filters: dict[str, Callable[..., Any]]):
        super().__init__()
        for name, function in filters.items():
            self[name] = function

    def __setitem__(self, name: str, function: Callable[..., Any]) -> None:
        @functools.wraps(function)  # keeps Jinja's pass_context & co. markers
        def bounded(*args: Any, **kwargs: Any) -> Any:
            result = function(*args, **kwargs)
            if isinstance(result, str) and len(result) > MAX_OUTPUT_CHARS:
                raise TemplateLimit(f"the {name} filter made more than "
                                    f"{MAX_OUTPUT_CHARS:,} characters")
            return result
        super().__setitem__(name, bounded)


def bounded_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit(f"range of {len(numbers):,} numbers; the limit is {MAX_RANGE:,}")
    return numbers


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
        self.filters["center"] = _width_filter("center", self.filters["center"])
        self.filters["indent"] = _width_filter("indent", self.filters["indent"])
        self.filters["replace"] = _bounded_replace(self.filters["replace"])
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
    # (hyphenate=False: the handbook's renderer sets the text without hyphenation)
    env.filters["md"] = lambda text, hyphenate=True: markdown.to_html(text, language)
    env.filters["md_inline"] = (lambda text, hyphenate=True:
                                markdown.to_inline_html(text, language))
    # md_inline for a table cell or a card's column (the handbook ties no last words there)
    env.filters["md_cell"] = lambda text: markdown.to_inline_html(text, language)
    env.filters["plain"] = lambda text: markdown.to_plain(text, language)
    env.filters["css_string"] = css_string
    typography = typography or shipped(language)
    env.filters["date"] = lambda iso: format_date(iso, language, typography.ordinal_day)
    env.filters["colon"] = typography.colon  # "Label:" as the language writes it
    return env


def render(env: DataSandbox, name: str, **context: Any) -> str:
    """Render one template on `context` made data (templatedata.to_data); template
    mistakes become a RenderError naming the file and line."""
    data = {key: to_data(value, key) for key, value in context.items()}
    try:
        with _stopped_in_time():
            return _bounded_output(env.get_template(name), data)
    except TemplateNotFound as exc:
        raise RenderError(Problem.at(Where(""), f"template {exc.name} not found in the "
                                                f"template folders")) from None
    except TemplateError as exc:
        raise _template_error(_template_place(exc, name), _one_line(exc)) from None
    except TemplateLimit as exc:
        raise _template_error(_template_place(exc, name), _one_line(exc), exc.fix) from None
    except MemoryError as exc:
        raise _template_error(_template_place(exc, name),
                              f"this makes a value too big for {_memory_limit()}") from None
    except SmguideError:
        raise  # a template link out of its folders (ConfinedLoader), a nested render's error
    except Exception as exc:  # noqa: BLE001 - anything a template expression can raise
        # ({{ 1 // 0 }}, a filter given the wrong kind of value): the template's fault
        raise _template_error(_template_place(exc, name),
                              f"{type(exc).__name__}: {_one_line(exc)}") from None


def _template_error(where: Where, what: str, fix: str | None = None) -> RenderError:
    """`file:line: template error: what`, with its fix as data."""
    return RenderError(Problem.at(where, f"template error: {what}", suggestion=fix))


class TemplateTimeout(TemplateLimit):
    """A template was still running close to the render child's time limit."""


@contextmanager
def _stopped_in_time() -> Iterator[None]:
    """In a render child (sandbox.deadline set), stop a template shortly before the parent
    would stop the child, by an exception raised where the template is, so the error can
    name the template's line. Nested renders (the diagram, from the handbook) share the
    outer render's alarm."""
    import signal
    import threading
    import time

    from smguide.safety import sandbox

    if (sandbox.deadline is None or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return
    left = sandbox.deadline - time.monotonic()

    def stop(signum: int, frame: Any) -> None:
        raise TemplateTimeout("the template was still running close to the time limit and "
                              "was stopped", "look for loops inside loops, or raise the limit "
                              "with --max-seconds (or SMGUIDE_MAX_SECONDS)")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, max(0.9 * left - 0.1, 0.01))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _memory_limit() -> str:
    """The memory limit this process renders within, as the user sets it."""
    import resource

    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    shown = "" if limit == resource.RLIM_INFINITY else f" of {limit // (1024 * 1024)} MB"
    return f"the memory limit{shown} (--max-memory-mb or SMGUIDE_MAX_MEMORY_MB)"


def _one_line(exc: BaseException) -> str:
    return str(exc).replace("\r", "\\r").replace("\n", "\\n")


def _bounded_output(template: Template, data: dict[str, Any]) -> str:
    """The template's output, stopped once it is longer than MAX_OUTPUT_CHARS (or too big
    for the memory limit) with the file and line the template was at."""
    chunks: list[str] = []
    pieces: list[str] = []
    size = 0
    stream = cast(Generator[str, None, None], template.generate(**data))  # a generator function
    for piece in stream:
        size += len(piece)
        try:
            if size > MAX_OUTPUT_CHARS:
                raise TemplateLimit(f"the output is longer than {MAX_OUTPUT_CHARS:,} "
                                    "characters", "look for a loop that repeats text without end")
            pieces.append(piece)
            if len(pieces) >= 4096:  # a list of one-letter pieces costs 60 bytes a letter
                chunks.append("".join(pieces))
                pieces.clear()
        except (TemplateLimit, MemoryError) as exc:
            where = _generator_place(stream) or Where(str(template.filename or template.name))
            stream.close()
            chunks.clear()
            pieces.clear()
            if isinstance(exc, TemplateLimit):
                raise _template_error(where, str(exc), exc.fix) from None
            raise _template_error(where, f"the output is too big for {_memory_limit()}"
                                  ) from None
    return "".join(chunks) + "".join(pieces)


def _generator_place(stream: Generator[str, None, None]) -> Where | None:
    """file:line where a suspended template render is: its innermost template frame.

    Blocks and `extends` delegate with `yield from`; an `include` loops over the
    included template's generator, which only the outer frame's stack holds (the
    garbage collector's referents of a generator include its stack)."""
    import gc
    import inspect

    place: Where | None = None
    current: Any = stream
    seen: set[int] = set()
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frame = current.gi_frame
        if frame is None:
            break
        template = frame.f_globals.get("__jinja_template__")
        if isinstance(template, Template):
            line = template.get_corresponding_lineno(frame.f_lineno)
            place = Where(str(template.filename or template.name), line)
        inner = current.gi_yieldfrom
        if not inspect.isgenerator(inner):
            inner = next((ref for ref in gc.get_referents(current) if inspect.isgenerator(ref)
                          and inspect.getgeneratorstate(ref) == inspect.GEN_SUSPENDED), None)
        current = inner
    return place


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
