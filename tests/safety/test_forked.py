"""Pieces of one render shared with forked workers (safety/forked.py): the same results
whatever the number of processes, in the render child's limits, ended with it."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smguide.errors import RenderError
from smguide.safety import forked
from smguide.safety.sandbox import Limits, run_limited


def slow_square(n: int) -> tuple[int, int]:
    time.sleep(0.05)
    return n * n, os.getpid()


def test_the_pieces_come_back_in_order_some_done_by_a_worker() -> None:
    found = forked.each(slow_square, list(range(12)), 2)
    assert [square for square, _ in found] == [n * n for n in range(12)]
    pids = {pid for _, pid in found}
    assert os.getpid() in pids and len(pids) == 2  # this process and one worker
    assert forked.each(slow_square, list(range(12)), 1) == [
        (n * n, os.getpid()) for n in range(12)]


def test_each_result_is_handed_over_here_once_as_it_comes() -> None:
    handed: list[tuple[int, int, int]] = []  # (index, square, the process it came to)
    found = forked.each(slow_square, list(range(12)), 2,
                        lambda n, result: handed.append((n, result[0], os.getpid())))
    assert sorted(handed) == [(n, n * n, os.getpid()) for n in range(12)]
    assert {pid for _, pid in found} != {os.getpid()}  # a worker did some of them
    handed.clear()
    forked.each(slow_square, [3, 4], 1, lambda n, result: handed.append((n, result[0], 0)))
    assert handed == [(0, 9, 0), (1, 16, 0)]


def test_a_workers_results_are_read_as_it_writes_them_whole_ones_only() -> None:
    import pickle
    import tempfile

    with tempfile.TemporaryFile() as output:
        read = [0]
        data = pickle.dumps("first")
        output.write(forked.HEADER.pack(4, len(data)) + data[:3])  # cut short
        output.flush()
        assert forked._poll([output], read) == {} and read == [0]
        output.write(data[3:])
        output.flush()
        assert forked._poll([output], read) == {4: "first"}
        second = pickle.dumps(["second"])
        output.write(forked.HEADER.pack(7, len(second)) + second)
        output.flush()
        assert forked._poll([output], read) == {7: ["second"]}  # only what is new
        assert read == [output.tell()]  # (and the writer's position never moved)


def test_what_a_failing_worker_took_is_done_here_and_its_error_is_raised_here(
        tmp_path: Path) -> None:
    parent = os.getpid()
    seen = tmp_path / "pids"

    def fails_in_a_worker(n: int) -> int:
        time.sleep(0.02)
        if os.getpid() != parent:
            os._exit(3)  # a worker killed, say, or out of memory
        return n + 1

    assert forked.each(fails_in_a_worker, list(range(8)), 2) == list(range(1, 9))

    def raises(n: int) -> int:
        time.sleep(0.02)
        with seen.open("a") as out:
            out.write(f"{os.getpid()}\n")
        if n == 5:
            for _ in range(100):  # a worker has done a piece: it is there to be ended
                if set(seen.read_text().split()) - {str(parent)}:
                    break
                time.sleep(0.05)
            raise ValueError("piece 5")
        return n

    with pytest.raises(ValueError, match="piece 5"):
        forked.each(raises, list(range(8)), 2)
    workers = {int(pid) for pid in seen.read_text().split()} - {parent}
    assert workers and not any(Path(f"/proc/{pid}").exists() for pid in workers)  # reaped


def test_a_worker_has_the_render_childs_memory_limit() -> None:
    def limits() -> list[tuple[int, int]]:
        return [piece for piece, _ in forked.each(
            lambda n: (resource.getrlimit(resource.RLIMIT_AS)[0], os.getpid()),
            list(range(4)), 2)]

    found = run_limited(limits, Limits(max_memory_mb=1500), "a test")
    assert found == [1500 * 1024 * 1024] * 4


def test_workers_die_with_the_process_that_forked_them(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    script = f"""
import os, time
from smguide.safety import forked
def piece(n):
    with open({str(pids)!r}, "a") as out:
        out.write(f"{{os.getpid()}}\\n")
    time.sleep(60)
forked.each(piece, list(range(4)), 3)
"""
    process = subprocess.Popen([sys.executable, "-c", script])
    try:
        for _ in range(200):
            if pids.exists() and len(set(pids.read_text().split())) >= 3:
                break
            time.sleep(0.05)
        started = {int(p) for p in pids.read_text().split()} - {process.pid}
        assert len(started) == 2
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    for _ in range(100):
        alive = [pid for pid in started if _alive(pid)]
        if not alive:
            break
        time.sleep(0.05)
    assert not alive


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][0]
    except OSError:
        return False
    return state != "Z"


def stat(idle: int, busy: int, cores: int = 2) -> str:
    """A /proc/stat whose machine spent `idle` ticks idle (half of them waiting for a disk)
    and `busy` ticks working (user, nice, system, irq, softirq, steal), on `cores` cores."""
    share = busy // 6
    ticks = [share, share, share, idle - idle // 2, idle // 2, share, share,
             busy - 5 * share, 7, 0]  # a guest's time (7) is within user's already
    return "\n".join([f"cpu  {' '.join(map(str, ticks))}",
                      *(f"cpu{n} 0 0 0 0 0 0 0 0 0 0" for n in range(cores)),
                      "intr 1 2 3", "ctxt 99"]) + "\n"


def test_the_free_cores_are_the_idle_ones_and_the_ones_this_process_kept_busy(
        tmp_path: Path) -> None:
    file = tmp_path / "stat"

    def read(idle: int, busy: int, own: float, cores: int = 2) -> forked.Reading:
        file.write_text(stat(idle, busy, cores))
        found = forked.reading(file)
        assert found is not None
        return found._replace(own=own)

    start = read(1000, 5000, 0.0)
    assert (start.idle, start.total, start.cores) == (1000, 6000, 2)
    # 2 cores, 100 ticks each: one idle, the other busy with this render alone
    assert forked.free_cores(start, read(1100, 5100, 100.0), 2) == 2
    # the other core busy with someone else's work
    assert forked.free_cores(start, read(1000, 5200, 100.0), 2) == 1
    # both busy with others: still this process
    assert forked.free_cores(start, read(1000, 5200, 0.0), 2) == 1
    # nobody busy, but this process may run on one core only
    assert forked.free_cores(start, read(1200, 5000, 0.0), 1) == 1
    # 8 cores, 5 of them idle, this process on one: 6 free; at least half idle counts
    start = read(1000, 5000, 0.0, cores=8)
    assert forked.free_cores(start, read(1500, 5300, 100.0, cores=8), 8) == 6
    assert forked.free_cores(start, read(1450, 5350, 100.0, cores=8), 8) == 6
    assert forked.free_cores(start, read(1440, 5360, 100.0, cores=8), 8) == 5
    assert forked.free_cores(start, start, 8) == 8  # no tick between them: nothing known
    file.write_text("no cpu line\n")
    assert forked.reading(file) is None
    assert forked.reading(tmp_path / "missing") is None


def test_jobs_are_the_idle_cores_or_what_smguide_jobs_or_the_render_says(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cores = len(os.sched_getaffinity(0))
    monkeypatch.delenv(forked.ENV_JOBS, raising=False)
    real = forked.reading
    idle = 100  # of each core's 100 ticks between two readings
    counted = [0, 0]  # the machine's idle ticks and all its ticks so far

    def machine(stat: Path | None = None) -> forked.Reading:
        counted[0] += idle * cores
        counted[1] += 100 * cores
        return forked.Reading(counted[0], counted[1], cores, 0.0)

    monkeypatch.setattr(forked, "reading", machine)
    assert forked.jobs() == cores  # a quiet machine
    idle = 0
    assert forked.jobs() == 1  # a busy one
    with forked.using(None):  # read since the render began
        idle = 100
        assert forked.jobs() == cores
    monkeypatch.setattr(forked, "reading", real)
    monkeypatch.setattr(forked, "STAT", tmp_path / "missing")
    assert forked.jobs() == cores  # no /proc/stat: every core
    monkeypatch.setenv(forked.ENV_JOBS, "3")
    assert forked.jobs() == 3
    with forked.using(2):  # smguide pdf --jobs 2, whatever the variable says
        assert forked.jobs() == 2
        with forked.using(None):
            assert forked.jobs() == 2
    assert forked.jobs() == 3
    for wrong in ("0", "two", "-1"):
        monkeypatch.setenv(forked.ENV_JOBS, wrong)
        with pytest.raises(RenderError) as raised:
            forked.jobs()
        assert f'SMGUIDE_JOBS="{wrong}"' in raised.value.problem.message
