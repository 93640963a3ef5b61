"""Nothing lost on failure: a killed, interrupted or full-disk build leaves the previous
files byte-identical, content can't steer where files go, and two builds at once into one
folder both end with valid files."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from pptx import Presentation
from pypdf import PdfReader

from smguide.io import atomic as output_module
from smguide.resources import builtin
from tests.hostile import CHAPTER, tiny

PREVIOUS = b"%PDF-1.7 the previous good handbook\n"
CACHE = ".smguide-cache.json"  # smguide build's record of what it built (not an output)
HANG_CSS = "p { font-size: 100000000px; margin: 1e9mm; }\nhtml { width: 1e12px }\n"


def interruptible() -> None:
    """In the child before it starts: Ctrl-C as at a terminal (a test run started in the
    background has SIGINT ignored, and its children would inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def smguide(*args: str, cwd: Path) -> subprocess.Popen[bytes]:
    """smguide in a process of its own, its temporary files under `cwd` (a killed
    process cannot remove them)."""
    (cwd / "temp").mkdir(exist_ok=True)
    return subprocess.Popen([sys.executable, "-m", "smguide", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "TMPDIR": str(cwd / "temp")},
                            preexec_fn=interruptible)


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def gone(pid: int, within: float = 10) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            status = Path(f"/proc/{pid}/stat").read_text().split()[2]
            if status == "Z":  # a zombie has ended; it waits only to be reaped
                return True
        except (ProcessLookupError, FileNotFoundError):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL])
def test_killing_a_build_mid_render_leaves_the_previous_file_byte_identical(
        tmp_path: Path, how: signal.Signals) -> None:
    templates = tmp_path / "templates" / "handbook"
    templates.mkdir(parents=True)
    css = (builtin("templates") / "handbook" / "handbook.css").read_text(encoding="utf-8")
    (templates / "handbook.css").write_text(css + HANG_CSS, encoding="utf-8")  # never ends
    out = tmp_path / "out" / "handbook.pdf"
    out.parent.mkdir()
    out.write_bytes(PREVIOUS)
    process = smguide("pdf", "--content", str(tiny(tmp_path)), "--template-overrides",
                      str(tmp_path / "templates"), "-o", str(out), cwd=tmp_path)
    deadline = time.monotonic() + 30
    while not children(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    renderers = children(process.pid)
    assert renderers, "the render never started"
    time.sleep(2)  # well inside the render: the engine has loaded, the CSS never ends
    process.send_signal(how)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == (1 if how == signal.SIGINT else -signal.SIGKILL)
    if how == signal.SIGINT:
        assert stderr.decode().strip() == "Aborted!"
    assert all(gone(pid) for pid in renderers), "the renderer outlived its parent"
    assert out.read_bytes() == PREVIOUS
    assert sorted(p.name for p in out.parent.iterdir()) == ["handbook.pdf"]


def test_a_full_disk_leaves_the_previous_file_and_no_temp_file(
        run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(PREVIOUS)

    fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fd: int, mode: str) -> None:
            self.handle = fdopen(fd, mode)

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output_module.os, "fdopen", FullDisk)
    result = run("pdf", "--content", str(tiny(tmp_path)), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {out}: No space left on device\n"
    assert out.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "out.pdf"]


def test_content_values_cannot_steer_where_files_are_written(
        run: Callable[..., Result], tmp_path: Path) -> None:
    content = tiny(tmp_path)
    for name in ("guide.yaml", CHAPTER):
        path = content / name
        path.write_text(path.read_text(encoding="utf-8").replace(
            "title: ", "title: ../../../../tmp/evil/", 1), encoding="utf-8")
    before = {p for p in tmp_path.rglob("*")}
    out_dir = tmp_path / "out"
    result = run("build", "--content", str(content), "--out-dir", str(out_dir))
    assert result.exit_code == 0, result.stderr
    assert {p for p in tmp_path.rglob("*")} - before - {out_dir / CACHE} == {
        out_dir, out_dir / "handbook.pdf", out_dir / "deck.pptx"}


def test_writing_over_a_symlink_replaces_the_link_not_its_target(
        run: Callable[..., Result], tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"keep me")
    out = tmp_path / "out.pdf"
    out.symlink_to(victim)
    assert run("pdf", "--content", str(tiny(tmp_path)), "-o", str(out)).exit_code == 0
    assert victim.read_bytes() == b"keep me"
    assert not out.is_symlink() and out.read_bytes().startswith(b"%PDF-")


def test_two_builds_at_once_into_one_folder_both_end_valid(tmp_path: Path) -> None:
    content = tiny(tmp_path)
    runs = [smguide("-q", "build", "--content", str(content), "--out-dir", "same",
                    cwd=tmp_path) for _ in range(2)]
    for process in runs:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr.decode()
    folder = tmp_path / "same"
    assert sorted(p.name for p in folder.iterdir() if p.name != CACHE) == [
        "deck.pptx", "handbook.pdf"]  # and no temp file left behind
    assert len(PdfReader(folder / "handbook.pdf").pages) >= 2
    assert len(Presentation(str(folder / "deck.pptx")).slides) >= 3
