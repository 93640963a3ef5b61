"""The benchmark runs once on its tiniest settings, so it cannot rot (about 15 s)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_bench_runs_on_tiny_settings(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    spec = importlib.util.spec_from_file_location("bench", REPO / "bench" / "bench.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    report = bench.main(["--quick", "--json", str(tmp_path / "bench.json")])
    measures = [row["measure"] for row in report["results"]]
    assert measures == ["smguide --help", "smguide pdf", "smguide pdf, fitted anew",
                        "fitted anew, rags set", "smguide slides", "smguide build",
                        "smguide build, unchanged", "3 personal copies", "smguide check"]
    assert [row["copies"] for row in report["rosters"]] == [2, 4]
    assert all(row["cpu_ms_per_copy"] > 0 and row["peak_mb"] > 0 for row in report["rosters"])
    assert all(row["median_s"] > 0 and row["peak_mb"] > 0 for row in report["results"])
    assert json.loads((tmp_path / "bench.json").read_text())["machine"]["cpus"]
    table = capsys.readouterr().out
    assert "smguide build, unchanged" in table and "peak memory" in table
