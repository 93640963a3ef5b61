"""Atomic writes: a killed write's temp file is removed by the next write of that file,
and nothing else beside it is touched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from smguide.io.atomic import write_atomic


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_next_write_removes_what_a_killed_write_left(tmp_path: Path) -> None:
    target = tmp_path / "output" / "handbook.pdf"
    target.parent.mkdir()
    target.write_bytes(b"previous")
    killed = target.parent / f".handbook.pdf.{_dead_pid()}.k1ll3d__.tmp"
    killed.write_bytes(b"half a PDF")
    running = target.parent / f".handbook.pdf.{os.getpid()}.runn1ng_.tmp"  # a live writer
    running.write_bytes(b"being written")
    other = target.parent / f".deck.pptx.{_dead_pid()}.0th3r___.tmp"  # another file's
    other.write_bytes(b"not ours to judge here")

    write_atomic(target, b"new")

    assert target.read_bytes() == b"new"
    assert not killed.exists()
    assert running.read_bytes() == b"being written"
    assert other.exists()
    assert sorted(p.name for p in target.parent.iterdir()) == sorted(
        [target.name, running.name, other.name])

