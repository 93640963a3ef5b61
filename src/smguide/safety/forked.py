"""Independent pieces of one render shared with forked workers, within the render's limits.

A render child lays out on one core; the fitting's trials (each chapter's spacing
variants, laid out alone: small documents, small results) do not depend on each other.
`each` does them in this process and in workers forked from it, as many processes in all
as `jobs` says: what the render was given (`smguide pdf --jobs`, `using`), else
SMGUIDE_JOBS, else one per idle core (`idle_cores`: a worker helps only where a core is
idle; where the machine is busy it gets no more CPU than the render had alone, and the
trials shared with it cost wall time). A worker is this process forked: it inherits its memory
limit (RLIMIT_AS, per process), its scratch folder, its ignored Ctrl-C and its deadline,
and dies with it (PR_SET_PDEATHSIG: the parent killed at its time limit takes its workers
with it). What a worker finds comes back as data through a pipe; a worker that fails
(an error, out of memory, killed) gives nothing back, and this process does its pieces
itself, so an error is raised here as it would be with no worker. Which process did a
piece never changes what it is: the results are the same whatever the number of jobs.
"""

from __future__ import annotations

import os
import pickle
import struct
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from smguide.errors import Problem, RenderError, Where

T = TypeVar("T")
R = TypeVar("R")

ENV_JOBS = "SMGUIDE_JOBS"  # how many processes a render may use at most (1: no workers)
HEADER = struct.Struct("<iQ")  # a result: the piece's index, the length of its pickle
POLL = 0.005  # seconds between looks at the workers' results, when this process waits
_GIVEN: ContextVar[int | None] = ContextVar("smguide_jobs", default=None)


@contextmanager
def using(processes: int | None) -> Iterator[None]:
    """While the block runs, `jobs()` is `processes` (None: as it was)."""
    token = _GIVEN.set(processes if processes is not None else _GIVEN.get())
    try:
        yield
    finally:
        _GIVEN.reset(token)


def jobs() -> int:
    """The processes a render may use: what it was given (`using`: `smguide pdf --jobs`),
    else SMGUIDE_JOBS (a whole number, at least 1), else `idle_cores()`."""
    given = _GIVEN.get()
    if given is not None:
        return max(1, given)
    raw = os.environ.get(ENV_JOBS, "").strip()
    if not raw:
        return idle_cores()
    if not raw.isdigit() or int(raw) < 1:
        raise RenderError(Problem.fix(Where(""), f'{ENV_JOBS}="{raw}" is not a number of '
                                      f"processes", "a whole number, at least 1 (1: no "
                                      "workers)", "a whole number, at least 1"))
    return int(raw)


def idle_cores() -> int:
    """The cores this process may run on less the machine's load (its 1-minute load
    average, whole processes), at least 1: on a quiet machine one process per core, on
    a busy one a single process. (A worker on a busy machine takes CPU from the render
    rather than from the others: Linux autogroup shares one session's CPU among its
    processes; and a chapter tried in a worker is laid out once more here, since a
    layout cannot be handed over. Measured in bench.py's runs: slower wall time there.)"""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        cores = os.cpu_count() or 1
    try:
        busy = int(os.getloadavg()[0])
    except OSError:  # no load average: as if quiet
        busy = 0
    return max(1, cores - busy)


def each(work: Callable[[T], R], items: Sequence[T], processes: int,
         done: Callable[[int, R], None] | None = None) -> list[R]:
    """`work(item)` for each item, in order, in at most `processes` processes: this one
    and workers forked from it, each taking the next item not yet taken. `done(index,
    result)`, in this process, as soon as each result is here (a worker's is read while
    it goes on with the next: this process has work of its own to do with it)."""
    if processes <= 1 or len(items) <= 1 or not hasattr(os, "fork"):
        return [_done(done, n, work(item)) for n, item in enumerate(items)]
    import multiprocessing
    import tempfile
    from contextlib import ExitStack

    taken = multiprocessing.get_context("fork").Value("i", 0)  # the next item to take
    results: dict[int, R] = {}

    def arrived(found: dict[int, Any]) -> bool:
        for index, result in found.items():
            if index not in results:
                results[index] = _done(done, index, result)
        return bool(found)

    with ExitStack() as files:
        # each worker's results: a file of its own (in the render's scratch folder), so a
        # worker never waits for this process to read them
        outputs: list[Any] = []
        pids: list[int] = []
        try:
            for _ in range(min(processes, len(items)) - 1):
                outputs.append(files.enter_context(tempfile.TemporaryFile()))
                pid = os.fork()
                if pid == 0:
                    _work(work, items, taken, outputs[-1])  # the worker: never returns
                pids.append(pid)
            read = [0] * len(outputs)  # how far each worker's results were read
            while (index := _next(taken, len(items))) is not None:
                results[index] = _done(done, index, work(items[index]))
                arrived(_poll(outputs, read))
            _wait(pids, lambda: arrived(_poll(outputs, read)))
        except BaseException:
            _end(pids, kill=True)
            raise
        _end(pids)
        arrived(_poll(outputs, read))
    # what a worker that failed had taken: done here (so its error is raised here)
    return [results[n] if n in results else _done(done, n, work(items[n]))
            for n in range(len(items))]


def _done(done: Callable[[int, R], None] | None, index: int, result: R) -> R:
    if done is not None:
        done(index, result)
    return result


def _next(taken: Any, count: int) -> int | None:
    with taken.get_lock():
        index = taken.value
        if index >= count:
            return None
        taken.value = index + 1
    return index


def _work(work: Callable[[Any], Any], items: Sequence[Any], taken: Any, output: Any
          ) -> None:
    """In a worker: take items until none is left, write each result; exit without
    running the parent's finalizers (its files, its pipes are its own)."""
    from smguide.safety.sandbox import die_with_parent

    status = 1
    try:
        die_with_parent()
        while (index := _next(taken, len(items))) is not None:
            data = pickle.dumps(work(items[index]), protocol=pickle.HIGHEST_PROTOCOL)
            output.write(HEADER.pack(index, len(data)) + data)
            output.flush()
        status = 0
    except BaseException:  # noqa: S110 - the parent does what this worker did not
        pass
    finally:
        os._exit(status)


def _poll(outputs: list[Any], read: list[int]) -> dict[int, Any]:
    """The results the workers wrote since `read` (how far each file was read, moved on):
    whole ones only, read at an offset (`os.pread`), so the file's own position, which a
    worker writes at, never moves. One that cannot be read is left out (done here)."""
    found: dict[int, Any] = {}
    for n, output in enumerate(outputs):
        while len(head := os.pread(output.fileno(), HEADER.size, read[n])) == HEADER.size:
            index, length = HEADER.unpack(head)
            data = os.pread(output.fileno(), length, read[n] + HEADER.size)
            if len(data) != length:
                break  # not all written yet
            read[n] += HEADER.size + length
            try:
                found[index] = pickle.loads(data)
            except Exception:  # noqa: BLE001, S112 - a result that cannot be read: done here
                continue
    return found


def _wait(pids: list[int], arrived: Callable[[], bool]) -> None:
    """Until the workers end, what they find as it comes (`arrived`: whether any came)."""
    while _running(pids):
        if not arrived():
            time.sleep(POLL)


def _running(pids: list[int]) -> bool:
    """Whether any worker is still running (one that ended is waited for)."""
    running = False
    for n, pid in enumerate(pids):
        if pid:
            try:
                ended, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                ended = pid
            if ended:
                pids[n] = 0
            else:
                running = True
    return running


def _end(pids: list[int], kill: bool = False) -> None:
    """Wait for the workers to end (`kill`: end them first: this process stops early)."""
    import signal
    from contextlib import suppress

    for pid in (pid for pid in pids if pid):  # (0: waited for already)
        if kill:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with suppress(ChildProcessError):
            os.waitpid(pid, 0)
