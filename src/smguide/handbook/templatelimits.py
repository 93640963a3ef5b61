"""What a template may make: values, output, time and memory within limits. Arithmetic
that would make a huge value, an output beyond MAX_OUTPUT_CHARS, a render close to the
time limit stop with an error naming the template and line (as a Problem)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from typing import Any, cast

from jinja2 import Template
from jinja2.utils import pass_eval_context
from markupsafe import soft_str

from smguide.errors import Problem, RenderError, Where

MAX_OUTPUT_CHARS = 50_000_000  # one template's output; the default handbook's HTML: 0.2 MB
MAX_RANGE = 100_000  # items in one range(): Jinja's own sandbox limit
MAX_INT_BITS = 16_000  # about the 4,300 digits Python prints at most


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


def width_filter(name: str, apply: Callable[..., str]) -> Callable[..., str]:
    def bounded(value: Any, width: Any = 80, *args: Any, **kwargs: Any) -> str:
        if isinstance(width, int) and width > 1000:
            raise TemplateLimit(f"{name}({width}): the limit is 1000")
        return apply(value, width, *args, **kwargs)
    return bounded


def bounded_replace(apply: Callable[..., str]) -> Callable[..., str]:
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


def template_error(where: Where, what: str, fix: str | None = None) -> RenderError:
    """`file:line: template error: what`, with its fix as data."""
    return RenderError(Problem.at(where, f"template error: {what}", suggestion=fix))


class TemplateTimeout(TemplateLimit):
    """A template was still running close to the render child's time limit."""


@contextmanager
def stopped_in_time() -> Iterator[None]:
    """In a render child (inside sandbox.clock), stop a template shortly before the parent
    would stop the child, by an exception raised where the template is, so the error can
    name the template's line. Nested renders (the diagram, from the handbook) share the
    outer render's alarm."""
    import signal
    import threading
    import time

    from smguide.safety import sandbox

    deadline = sandbox.deadline()
    if (deadline is None or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return
    left = deadline - time.monotonic()

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


def memory_limit() -> str:
    """The memory limit this process renders within, as the user sets it."""
    import resource

    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    shown = "" if limit == resource.RLIM_INFINITY else f" of {limit // (1024 * 1024)} MB"
    return f"the memory limit{shown} (--max-memory-mb or SMGUIDE_MAX_MEMORY_MB)"


def exception_line(exc: BaseException) -> str:
    return str(exc).replace("\r", "\\r").replace("\n", "\\n")


def bounded_output(template: Template, data: dict[str, Any]) -> str:
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
            where = generator_place(stream) or Where(str(template.filename or template.name))
            stream.close()
            chunks.clear()
            pieces.clear()
            if isinstance(exc, TemplateLimit):
                raise template_error(where, str(exc), exc.fix) from None
            raise template_error(where, f"the output is too big for {memory_limit()}"
                                  ) from None
    return "".join(chunks) + "".join(pieces)


def generator_place(stream: Generator[str, None, None]) -> Where | None:
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
