"""The render children: a job handed over never blocks the parent, and a child that died
(or ran out of memory) is reported as such, never as a hang or a silent exit."""

from __future__ import annotations

from pathlib import Path

import pytest

from smguide.errors import RenderError
from smguide.safety.sandbox import Limits, Worker

SLOW_ENGINE = """
import time
from pathlib import Path
time.sleep(3)
Path(__file__).with_name("loaded").write_text("yes")
"""


def size_of(data: bytes) -> int:
    return len(data)


def test_a_big_job_is_handed_over_while_the_child_still_loads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "slow_engine.py").write_text(SLOW_ENGINE)
    monkeypatch.syspath_prepend(str(tmp_path))
    with Worker(Limits(max_seconds=30), "the test", ("slow_engine",)) as worker:
        worker.submit(size_of, b"x" * 1_000_000)  # far more than a pipe holds
        assert not (tmp_path / "loaded").exists()  # submit did not wait for the engine
        assert worker.result() == 1_000_000


def test_a_child_that_died_before_its_job_is_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # as an engine that could not load within the memory limit dies: before its job
    (tmp_path / "dying_engine.py").write_text("import os\nos._exit(3)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with Worker(Limits(max_seconds=30), "the test", ("dying_engine",)) as worker:
        worker._child.join(10)  # dead before the job is handed over: no broken pipe here
        worker.submit(size_of, b"x" * 1_000_000)
        with pytest.raises(RenderError) as error:
            worker.result()
    assert error.value.message.startswith(
        "rendering the test stopped unexpectedly (exit code 3) within the limit of 2048 MB")
    assert "--max-memory-mb" in error.value.message


def seconds_left() -> float | None:
    """In a render child: how long its job may still run, as a template would see it."""
    import time

    from smguide.safety import sandbox

    found = sandbox.deadline()
    return None if found is None else found - time.monotonic()


def test_a_render_childs_deadline_exists_only_while_its_job_runs() -> None:
    """The one state a child keeps for its job (sandbox.clock): set while the job runs,
    in a run_limited child and a Worker's alike, and never seen by the parent."""
    from smguide.safety.sandbox import clock, deadline, restart_clock, run_limited

    left = run_limited(seconds_left, Limits(max_seconds=30), "the test")
    assert left is not None and 25 < left <= 30
    with Worker(Limits(max_seconds=20), "the test", ()) as worker:
        worker.submit(seconds_left)
        left = worker.result()
    assert left is not None and 15 < left <= 20
    assert deadline() is None  # the parent has none
    restart_clock(10)
    assert deadline() is None  # outside a job there is no deadline to move
    with clock(5):
        outer = deadline()
        assert outer is not None
        with clock(60):
            restart_clock(100)
        assert deadline() == outer  # an inner job's clock goes with it
    assert deadline() is None
