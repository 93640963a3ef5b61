"""The fitting's trials shared with a forked worker (safety/forked.py) make the same
handbook, byte for byte, as the trials done one after the other."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from smguide.cli import main
from smguide.resources import builtin
from smguide.safety import forked


def build(out: Path, monkeypatch: pytest.MonkeyPatch, jobs: str, log: Path,
          option: bool = False) -> bytes:
    """The default handbook fitted anew with `jobs` processes: SMGUIDE_JOBS, or with
    `option`, `--jobs` (which wins over the variable)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(out.parent / f"cache-{jobs}"))  # fitted anew
    monkeypatch.setenv("SMGUIDE_JOBS", "1" if option else jobs)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    each = forked.each

    def logged(work: Any, items: Any, processes: int, done: Any = None) -> Any:
        # (inherited by the engine)
        with log.open("a") as out_log:
            out_log.write(f"{jobs} {processes} {len(items)}\n")
        return each(work, items, processes, done)

    monkeypatch.setattr(forked, "each", logged)
    result = CliRunner().invoke(main, ["pdf", "--content", str(builtin("content")),
                                       "--brand", str(builtin("brand") / "_brand.yml"),
                                       "-o", str(out),
                                       *(["--jobs", jobs] if option else [])],
                             catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_the_handbook_is_the_same_with_one_process_or_two(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "each.log"
    alone = build(tmp_path / "one.pdf", monkeypatch, "1", log)
    shared = build(tmp_path / "two.pdf", monkeypatch, "2", log, option=True)
    calls = [line.split() for line in log.read_text().splitlines()]
    # the chapters that end poorly as they are were tried, with a worker the second time
    assert ["1", "1"] in [c[:2] for c in calls] and any(
        c[:2] == ["2", "2"] and int(c[2]) >= 2 for c in calls)
    assert shared == alone
    assert len(PdfReader(tmp_path / "two.pdf").pages) >= 24


def test_jobs_is_a_whole_number_of_processes(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SMGUIDE_JOBS", raising=False)
    for wrong in ("0", "two"):
        result = CliRunner().invoke(main, ["pdf", "--jobs", wrong, "-o",
                                           str(tmp_path / "out.pdf")])
        assert result.exit_code == 2 and "--jobs" in result.output
        assert "Traceback" not in result.output and not (tmp_path / "out.pdf").exists()
    monkeypatch.setenv("SMGUIDE_JOBS", "none")  # the variable is read as the option
    result = CliRunner().invoke(main, ["pdf", "-o", str(tmp_path / "out.pdf")])
    assert result.exit_code == 2 and "SMGUIDE_JOBS" in result.output
