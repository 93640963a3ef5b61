"""Benchmark smguide against the bare engines it drives, with medians over several runs.

Usage: .venv/bin/python bench/bench.py [--runs N] [--quick]
Prints a table and writes output/bench.json. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable
SMGUIDE = [PY, "-m", "smguide"]

BARE_PDF = """
import sys
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
html, css1, css2, out = sys.argv[1:5]
fonts = FontConfiguration()
sheets = [CSS(filename=css1, font_config=fonts), CSS(filename=css2, font_config=fonts)]
HTML(filename=html).write_pdf(out, stylesheets=sheets, font_config=fonts, pdf_variant="pdf/ua-1")
"""


def timed(command: list[str], runs: int, cwd: Path) -> list[float]:
    """Wall times of `runs` runs of a command (a first untimed run warms the disk cache)."""
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def handbook_sources(work: Path) -> list[str]:
    """The exact HTML and CSS smguide renders, saved for the bare WeasyPrint run."""
    from smguide.build import Sources, load
    from smguide.handbook import HandbookRenderer, PrintOptions
    from smguide.resources import builtin

    sources = Sources(builtin("content"), builtin("brand") / "_brand.yml")
    guide, brand, _ = load(sources)
    renderer = HandbookRenderer(guide, brand, None)
    (work / "handbook.html").write_text(renderer.html(), encoding="utf-8")
    (work / "brand.css").write_text(renderer.css(PrintOptions()), encoding="utf-8")
    css = renderer.template_dirs[-1] / "handbook" / "handbook.css"
    return [str(work / "handbook.html"), str(css), str(work / "brand.css"),
            str(work / "bare.pdf")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="smguide-bench-"))
    rows: list[tuple[str, list[float], str, list[float], float]] = []

    def compare(name: str, ours: list[str], base_name: str, base: list[str],
                target: float) -> None:
        base_times = timed(base, args.runs, work)
        our_times = timed(ours, args.runs, work)
        rows.append((name, our_times, base_name, base_times, target))

    compare("smguide --help", [*SMGUIDE, "--help"], "python -c 'import click'",
            [PY, "-c", "import click"], 2.0)
    compare("smguide pdf", [*SMGUIDE, "pdf", "-o", str(work / "ours.pdf")],
            "bare WeasyPrint, same HTML", [PY, "-c", BARE_PDF, *handbook_sources(work)], 1.10)

    results = []
    print(f"{'measure':<18} {'median s':>9}  {'baseline':<28} {'median s':>9} {'ratio':>6} "
          f"{'target':>7}")
    for name, ours, base_name, base, target in rows:
        ratio = statistics.median(ours) / statistics.median(base)
        print(f"{name:<18} {statistics.median(ours):>9.3f}  {base_name:<28} "
              f"{statistics.median(base):>9.3f} {ratio:>6.2f} {'<= ' + str(target):>7}")
        results.append({"measure": name, "median_s": statistics.median(ours), "runs": ours,
                        "baseline": base_name, "baseline_median_s": statistics.median(base),
                        "baseline_runs": base, "ratio": ratio, "target_ratio": target})
    out = REPO / "output" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"machine": {"python": platform.python_version(),
                                           "platform": platform.platform(),
                                           "cpus": os.cpu_count()},
                               "runs": args.runs, "results": results}, indent=2))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
