"""Rendering in a child process, within a time and a memory limit the user can change.

The renderers run on untrusted templates and content: a pathological input (absurd CSS
sizes, a template that loops) must end with a clear error, not hang the machine. The
parent stays light (it never imports WeasyPrint): it starts a `Worker` per artefact, which
loads its engine while the parent validates, hands it the job, waits at most
`max_seconds` for its bytes, and writes them. `run_limited` forks a child for work known
at once. A child caps its own address space with RLIMIT_AS; running out of memory there
ends that child only.
A killed or interrupted child writes nothing, so the previous output stays as it was.
The one thing a child keeps for the code it runs is its `deadline()`, set only inside
`clock` (a context variable, reset when the job ends), so that a template can stop itself
in time and say where (handbook/templatelimits.py).
"""

from __future__ import annotations

import os
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

from smguide.errors import Problem, RenderError, SmguideError, Where

T = TypeVar("T")

DEFAULT_SECONDS = 300.0
DEFAULT_MEMORY_MB = 2048
MIN_MEMORY_MB = 256  # below it WeasyPrint's libraries cannot even start their threads
ENV_SECONDS, ENV_MEMORY, ENV_DEBUG = "SMGUIDE_MAX_SECONDS", "SMGUIDE_MAX_MEMORY_MB", "SMGUIDE_DEBUG"
# inside `clock` (a render child's job): when the parent stops the child (monotonic)
_DEADLINE: ContextVar[float | None] = ContextVar("smguide_deadline", default=None)


@dataclass(frozen=True)
class Limits:
    """What one render may use: wall-clock seconds, memory (MB of address space), network;
    `jobs`: the processes the PDF engine may share the fitting's trials with (None:
    SMGUIDE_JOBS, else one per idle core: safety.forked.jobs). The outputs are the same
    whatever `jobs` is."""

    max_seconds: float = DEFAULT_SECONDS
    max_memory_mb: int = DEFAULT_MEMORY_MB
    allow_network: bool = False
    jobs: int | None = None

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, or SMGUIDE_MAX_SECONDS / SMGUIDE_MAX_MEMORY_MB when set."""
        def number(name: str, default: float) -> float:
            raw = os.environ.get(name, "").strip()
            try:
                value = float(raw) if raw else default
            except ValueError:
                raise RenderError(Problem.at(Where(""), f'{name}="{raw}" is not a number',
                                             "a number")) from None
            if value <= 0:
                raise RenderError(Problem.at(Where(""), f'{name}="{raw}" must be more than 0',
                                             "more than 0"))
            return value

        memory = number(ENV_MEMORY, DEFAULT_MEMORY_MB)
        if memory < MIN_MEMORY_MB:
            raise RenderError(Problem.fix(Where(""), f'{ENV_MEMORY}="{memory:g}" is too little '
                                          f"to render anything", f"give at least "
                                          f"{MIN_MEMORY_MB}", f"at least {MIN_MEMORY_MB}"))

        return cls(number(ENV_SECONDS, DEFAULT_SECONDS), int(memory))


def run_limited(work: Callable[[], T], limits: Limits, what: str) -> T:
    """Run `work()` in a forked child within `limits`; return its (picklable) result.

    An SmguideError raised by `work` is raised here unchanged. Running out of time or
    memory, or the child dying, becomes a RenderError saying which limit to raise.
    """
    return _run(lambda send: work, limits, what)


def run_in_batches(work: Callable[[Callable[[Any], None]], T], limits: Limits, what: str,
                   on_report: Callable[[Any], None]) -> T:
    """Like `run_limited`, for work done in batches (a roster of thousands): `work(report)`
    calls `report(payload)` after each batch, the parent gets `on_report(payload)` at once,
    and the time limit applies to each batch (to the time between two reports), not to the
    whole run. The memory limit is the child's, as always."""
    def batched(send: Any) -> Callable[[], T]:
        def report(payload: Any) -> None:
            send.send(("report", payload))
            restart_clock(limits.max_seconds)  # a template's own deadline moves on too

        return lambda: work(report)

    return _run(batched, limits, what, on_report)


def _run(make_work: Callable[[Any], Callable[[], T]], limits: Limits, what: str,
         on_report: Callable[[Any], None] | None = None) -> T:
    """Fork the child that runs `make_work(send)()` (`send`: its end of the reply pipe)
    within `limits`, and wait for its reports and result."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    with _scratch() as scratch:
        child = context.Process(target=_child, name=f"smguide: {what}", daemon=True,
                                args=(make_work(send), send, limits.max_memory_mb, scratch,
                                      limits.max_seconds))
        child.start()
        send.close()
        result: T = _result(child, receive, limits, what, on_report=on_report)
        return result


class Worker:
    """A render child started early, so the engine loads while the parent validates.

    Importing WeasyPrint (or python-pptx) takes longer than validating the content; on a
    second core both happen at once. The child limits its memory before it imports
    anything, then waits for one job: a module-level function and its (picklable)
    arguments, so the untrusted templates are still rendered only here, within the
    limits. The job goes through a file in the child's scratch folder, so handing it over
    never blocks (the child may still be loading, or dead). The time limit counts from
    `result`. Use it as a context manager: leaving the block ends a child that never got
    its job.
    """

    def __init__(self, limits: Limits, what: str, preload: tuple[str, ...] = ()):
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self.limits, self.what = limits, what
        self._scratch = _scratch()
        jobs_out, self._jobs = context.Pipe(duplex=False)  # (receiving end, sending end)
        self._replies, replies_in = context.Pipe(duplex=False)
        self._child = context.Process(target=_serve, name=f"smguide: {what}", daemon=True,
                                      args=(self._jobs, jobs_out, replies_in,
                                            limits.max_memory_mb, self._scratch.name,
                                            preload, limits.max_seconds))
        self._child.start()
        jobs_out.close()
        replies_in.close()

    def submit(self, job: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Hand the child its job; `result` waits for it (and reports a child that died)."""
        import pickle
        from contextlib import suppress
        from pathlib import Path

        path = Path(self._scratch.name) / "job.pickle"
        handed = time.monotonic()  # `result` counts from later: the child's clock from now
        path.write_bytes(pickle.dumps((job, args, kwargs, handed),
                                      protocol=pickle.HIGHEST_PROTOCOL))
        with suppress(OSError):  # the child is gone already (out of memory while loading)
            self._jobs.send(str(path))  # a few bytes: fits the pipe, never waits
        self._jobs.close()

    def result(self, seconds: float | None = None) -> Any:
        """The job's return value, or the error `run_limited` would raise; waits at most
        `seconds` (default: the time limit)."""
        return _result(self._child, self._replies, self.limits, self.what, seconds)

    @property
    def reply(self) -> Any:
        """What `multiprocessing.connection.wait` waits on for this child's reply."""
        return self._replies

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *_: object) -> None:
        self._jobs.close()
        if self._child.is_alive():
            self._child.kill()
        self._child.join()
        self._scratch.cleanup()


def _result(child: Any, receive: Any, limits: Limits, what: str,
            seconds: float | None = None,
            on_report: Callable[[Any], None] | None = None) -> Any:
    """Wait at most `seconds` (default: `limits.max_seconds`) for the child's reply, or,
    with `on_report`, for each of its reports and then its reply; return it or raise."""
    try:
        while True:
            if not receive.poll(limits.max_seconds if seconds is None else seconds):
                part = "a batch of " if on_report is not None else ""
                raise RenderError(Problem.fix(
                    Where(""), f"rendering {part}{what} took longer than "
                    f"{limits.max_seconds:g} s and was stopped", f"look for a huge table, "
                    f"text or CSS size, or raise the limit with --max-seconds (or "
                    f"{ENV_SECONDS})"))
            try:
                status, value = receive.recv()
            except EOFError:
                status, value = "died", None
            if status != "report" or on_report is None:
                break
            on_report(value)
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if status == "ok":
        return value
    if status == "error":
        raise value
    if status in ("memory", "died"):
        how = ("ran out of memory" if status == "memory" else
               f"stopped unexpectedly (exit code {child.exitcode})")
        raise RenderError(Problem.fix(
            Where(""), f"rendering {what} {how} within the limit of "
            f"{limits.max_memory_mb} MB", f"look for a huge image, table, text or CSS size, "
            f"or raise the limit with --max-memory-mb (or {ENV_MEMORY})"))
    kind, message, trace = value
    if os.environ.get(ENV_DEBUG):
        import click

        click.echo(trace, err=True)
    raise RenderError(Problem.fix(Where(""), f"rendering {what} failed ({kind}: {message})",
                                  f"check the template overrides and CSS, or run with "
                                  f"{ENV_DEBUG}=1 to see where"))


def _scratch() -> Any:
    """A temporary folder for one render child, made and removed by the parent.

    The child exits without running finalizers (and may be killed at a limit), so what
    WeasyPrint and others leave in the temp folder would stay behind (2.7 MB of font
    copies per handbook): the child's temp folder is this one instead. A parent killed
    with kill -9 leaves it behind; the next one made removes it (safety.scratch)."""
    from smguide.safety.scratch import ScratchFolder

    return ScratchFolder("smguide-render-")


def _limit_self(memory_mb: int, scratch: str) -> None:
    """In a child: leave Ctrl-C to the parent, die with it, keep temporary files in the
    parent's `scratch` folder, cap the address space."""
    import resource
    import tempfile

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    die_with_parent()
    tempfile.tempdir = os.environ["TMPDIR"] = scratch
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def deadline() -> float | None:
    """When the parent stops this render child at the earliest (time.monotonic()), inside
    `clock`; None anywhere else (no render child's job is running here)."""
    return _DEADLINE.get()


@contextmanager
def clock(seconds: float, since: float | None = None) -> Iterator[None]:
    """In a child, around its job: the parent stops it `seconds` after now (or `since`),
    so that a template still running near then can stop itself and say where
    (templatelimits.stopped_in_time). The deadline is gone when the job ends."""
    token = _DEADLINE.set((time.monotonic() if since is None else since) + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def restart_clock(seconds: float) -> None:
    """Inside `clock` (in the child, or a pool worker forked inside it) doing one batch of
    many: a template's deadline counts from now (the parent's time limit applies to each
    batch). Outside it, nothing: there is no deadline to move."""
    if _DEADLINE.get() is not None:
        _DEADLINE.set(time.monotonic() + seconds)


def _child(work: Callable[[], Any], send: Any, memory_mb: int, scratch: str,
           seconds: float) -> None:
    """In the child: cap memory, run, send back ("ok" | "error" | "memory" | "bug", value)."""
    def limited() -> Any:
        _limit_self(memory_mb, scratch)
        with clock(seconds):
            return work()

    _reply(limited, send)


def _serve(parents_end: Any, jobs: Any, send: Any, memory_mb: int, scratch: str,
           preload: tuple[str, ...], seconds: float) -> None:
    """In a Worker's child: cap memory, import the engine, then run the one job sent."""
    import importlib

    parents_end.close()  # so the parent closing its end means "no job": EOF here

    def work() -> Any:
        _limit_self(memory_mb, scratch)
        for entry in preload:  # "module", or "module:function" to call once imported
            module, _, function = entry.partition(":")
            loaded = importlib.import_module(module)
            if function:
                getattr(loaded, function)()
        import pickle
        from pathlib import Path

        try:
            path = jobs.recv()
        except EOFError:  # the parent gave up (a content error): nothing to do
            os._exit(0)
        job, args, kwargs, handed = pickle.loads(Path(path).read_bytes())
        with clock(seconds, since=handed):
            return job(*args, **kwargs)

    _reply(work, send)


def _reply(work: Callable[[], Any], send: Any) -> None:
    """Run `work` and send back ("ok" | "error" | "memory" | "bug", value)."""
    try:
        reply: tuple[str, Any] = ("ok", work())
    except SmguideError as exc:
        reply = ("error", exc)
    except BaseException as exc:  # a bug, an engine failing on a pathological input...
        if _out_of_memory(exc):
            reply = ("memory", None)
        else:
            reply = ("bug", (type(exc).__name__, str(exc)[:300], traceback.format_exc()))
    try:
        send.send(reply)
    except MemoryError:
        send.send(("memory", None))
    finally:
        send.close()


def _out_of_memory(exc: BaseException) -> bool:
    """Whether `exc` is what running into the address-space limit looks like: a
    MemoryError, or a library that could not be mapped or allocated."""
    if isinstance(exc, MemoryError):
        return True
    text = str(exc)
    return isinstance(exc, (ImportError, OSError)) and any(
        sign in text for sign in ("failed to map segment", "Cannot allocate memory"))


def die_with_parent() -> None:
    """On Linux, end the child when the parent is killed (best effort elsewhere)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
