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


def build(out: Path, monkeypatch: pytest.MonkeyPatch, jobs: str, log: Path) -> bytes:
    monkeypatch.setenv("XDG_CACHE_HOME", str(out.parent / f"cache-{jobs}"))  # fitted anew
    monkeypatch.setenv("SMGUIDE_JOBS", jobs)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    each = forked.each

    def logged(work: Any, items: Any, processes: int) -> Any:  # inherited by the engine
        with log.open("a") as out_log:
            out_log.write(f"{jobs} {processes} {len(items)}\n")
        return each(work, items, processes)

    monkeypatch.setattr(forked, "each", logged)
    result = CliRunner().invoke(main, ["pdf", "--content", str(builtin("content")),
                                       "--brand", str(builtin("brand") / "_brand.yml"),
                                       "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_the_handbook_is_the_same_with_one_process_or_two(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "each.log"
    alone = build(tmp_path / "one.pdf", monkeypatch, "1", log)
    shared = build(tmp_path / "two.pdf", monkeypatch, "2", log)
    calls = [line.split() for line in log.read_text().splitlines()]
    # the chapters that end poorly as they are were tried, with a worker the second time
    assert ["1", "1"] in [c[:2] for c in calls] and any(
        c[:2] == ["2", "2"] and int(c[2]) >= 2 for c in calls)
    assert shared == alone
    assert len(PdfReader(tmp_path / "two.pdf").pages) >= 24
