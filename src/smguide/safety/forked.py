"""Independent pieces of one render shared with forked workers, within the render's limits.

A render child lays out on one core; the fitting's trials (each chapter's spacing
variants, laid out alone: small documents, small results) do not depend on each other.
`each` does them in this process and in workers forked from it, as many processes in all
as `jobs` says: what the render was given (`smguide pdf --jobs`, `using`), else
SMGUIDE_JOBS, else one per idle core (`idle_cores`, read from /proc/stat: a worker
helps only where a core is idle; where the machine is busy it gets no more CPU than the
render had alone, and the trials shared with it cost wall time). A worker is this process
forked: it inherits its memory limit (RLIMIT_AS, per process), its scratch folder, its
ignored Ctrl-C and its deadline, and dies with it (PR_SET_PDEATHSIG: the parent killed
at its time limit takes its workers with it). What a worker finds comes back as data
through a pipe; a worker that fails (an error, out of memory, killed) gives nothing back,
and this process does its pieces itself, so an error is raised here as it would be with
no worker. Which process did a piece never changes what it is: the results are the same
whatever the number of jobs.
"""

from __future__ import annotations

import os
import pickle
import struct
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

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
    now = reading()
    if now is not None:  # what the idle cores are read from (`idle_cores`)
        _MARK.append((time.monotonic(), now))
    try:
        yield
    finally:
        _GIVEN.reset(token)
        if now is not None:
            _MARK.pop()


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


class Reading(NamedTuple):
    """The machine's CPU time so far (/proc/stat, in clock ticks): idle (with waiting for
    disks), in all, on how many cores; and this process's own CPU time, in the same ticks."""

    idle: int
    total: int
    cores: int
    own: float


STAT = Path("/proc/stat")
WINDOW = 0.05  # seconds: the shortest look at the machine the idle cores are read over
_MARK: list[tuple[float, Reading]] = []  # the reading `using` took, and when


def reading(stat: Path | None = None) -> Reading | None:
    """The machine's CPU time now, from `stat` (default /proc/stat; None: none there, as
    on macOS)."""
    try:
        lines = (stat or STAT).read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if not lines or not lines[0].startswith("cpu "):
        return None
    # user nice system idle iowait irq softirq steal (guest time is within user and nice)
    ticks = [int(n) for n in lines[0].split()[1:9]]
    cores = sum(1 for line in lines[1:] if line.startswith("cpu"))
    return Reading(ticks[3] + ticks[4], sum(ticks), max(1, cores),
                   time.process_time() * os.sysconf("SC_CLK_TCK"))


def free_cores(before: Reading, after: Reading, usable: int) -> int:
    """The cores free to this process between two readings, at most `usable` (the cores
    it may run on), at least 1: the machine's idle cores plus the ones this process kept
    busy itself, each counted when it was free at least half of the time."""
    total = after.total - before.total
    if total <= 0:  # no tick between them: nothing known
        return usable
    free = (after.idle - before.idle + after.own - before.own) / total * after.cores
    return max(1, min(usable, int(free + 0.5)))


def idle_cores() -> int:
    """The cores this process may run on that nobody else used lately, at least 1: read
    from /proc/stat since `using` began (a render's start), or over WINDOW seconds when
    that was less; all of them where /proc/stat is missing. On a quiet machine one process
    per core, though this render keeps one busy; on a busy one a single process. (A
    worker on a busy machine takes CPU from the render rather than from the others: Linux
    autogroup shares one session's CPU among its processes; and a chapter tried in a
    worker is laid out once more here, since a layout cannot be handed over. Measured in
    bench.py's runs: slower wall time there.)"""
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        usable = os.cpu_count() or 1
    start, before = _MARK[-1] if _MARK else (time.monotonic(), reading())
    if before is None:
        return usable
    time.sleep(max(0.0, start + WINDOW - time.monotonic()))
    after = reading()
    return usable if after is None else free_cores(before, after, usable)


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
