"""Benchmark smguide against the bare engines it drives, with medians over several runs.

Usage: .venv/bin/python bench/bench.py [--runs N] [--scales 1,4,16] [--roster 100]
                                      [--roster-sizes 10,100,1000,5000] [--quick]

On the default content and on the same content scaled (chapters repeated in a temp
folder), it times each command in a fresh process and compares it with its baseline:
  smguide --help        vs python -c "import click"           target < 2x
  smguide pdf           vs bare WeasyPrint on the same HTML    target <= 1.03x
  smguide pdf, fitted anew  the same with an empty user cache  target <= 1.03x
                        (the chapters' fitting not kept from an earlier run: a first build)
  fitted anew, rags set vs the same with SMGUIDE_UNEVEN_RAGS set: what setting the
                        paragraphs' last lines again costs (handbook/rags.py), reported
  smguide slides        vs bench/bare_pptx.py, same slides     target <= 1.5x
  smguide build         vs the slower of pdf and slides        target <= 1.15x
  smguide build again   vs the first build (nothing changed)   target >= 10x faster
  smguide pdf --roster  vs one plain smguide pdf (N copies)    target <= 4x
  smguide check         vs smguide --help                      target <= 6x
Then one roster run per --roster-sizes size: wall time, CPU per copy (target: each copy
beyond the first size's costs <= 15 ms of CPU), copies a second, peak memory.
The runs of each size are interleaved (pdf, its baseline, slides, its baseline, build,
roster; then again), so a busy moment of the machine hits a command and its baseline
alike. Also the peak memory of each run (the largest process, from RUSAGE_CHILDREN; target
< 250 MB for the default handbook). Prints a table and writes output/bench.json.
Not part of the test suite (tests/test_bench.py runs it once with --quick).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable
SMGUIDE = [PY, "-m", "smguide"]
BARE_PPTX = str(REPO / "bench" / "bare_pptx.py")
MEMORY_TARGET_MB = 250
# runs a command with a new, empty user cache (XDG_CACHE_HOME in the folder given first),
# so nothing an earlier run kept there (the chapters' fitting) is used
FRESH_CACHE = ["sh", "-c", 'XDG_CACHE_HOME="$(mktemp -d -p "$0")" exec "$@"']
COPY_CPU_TARGET_MS = 15  # CPU of each personal copy beyond the shared work
# runs a command, then prints its wall time and the peak RSS of its process tree's
# largest process (ru_maxrss of the waited-for children, in KB on Linux)
WRAP = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
took = time.perf_counter() - start
if done.returncode:
    sys.exit(f"{sys.argv[1:]} failed:\\n{done.stdout}{done.stderr}")
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(took, used.ru_maxrss, used.ru_utime + used.ru_stime)
"""

BARE_PDF = """
import sys
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
html, css1, css2, out = sys.argv[1:5]
fonts = FontConfiguration()
sheets = [CSS(filename=css1, font_config=fonts), CSS(filename=css2, font_config=fonts)]
HTML(filename=html).write_pdf(out, stylesheets=sheets, font_config=fonts, pdf_variant="pdf/ua-1")
"""


def run_once(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, peak MB) of one run, measured in a fresh wrapper process."""
    seconds, mb, _ = run_measured(command, cwd)
    return seconds, mb


def run_measured(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """(wall seconds, peak MB of the largest process, CPU seconds of all) of one run."""
    done = subprocess.run([PY, "-c", WRAP, *command], cwd=cwd, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    seconds, kb, cpu = done.stdout.split()
    return float(seconds), int(kb) / 1024, float(cpu)


def timed(command: list[str], runs: int, cwd: Path, warm: bool = True,
          before: list[str] | None = None) -> tuple[list[float], float]:
    """Wall times of `runs` runs and the highest peak memory (an untimed first run warms
    the disk cache). `before` runs untimed before each timed run."""
    if warm:
        subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    times, peak = [], 0.0
    for _ in range(runs):
        if before:
            subprocess.run(before, cwd=cwd, check=True, capture_output=True)
        seconds, mb = run_once(command, cwd)
        times.append(seconds)
        peak = max(peak, mb)
    return times, peak


def interleaved(commands: dict[str, list[str]], runs: int, cwd: Path,
                warm: bool = True) -> dict[str, tuple[list[float], float]]:
    """Like `timed`, for several commands run in turn, round after round: each one and its
    baseline meet the same moments of a noisy machine, so their ratio does not drift."""
    if warm:
        for command in commands.values():
            subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks = dict.fromkeys(commands, 0.0)
    for _ in range(runs):
        for name, command in commands.items():
            seconds, mb = run_once(command, cwd)
            times[name].append(seconds)
            peaks[name] = max(peaks[name], mb)
    return {name: (times[name], peaks[name]) for name in commands}


def scaled_content(work: Path, scale: int) -> Path:
    """The built-in guide with its chapters repeated `scale` times (new file names, so
    every anchor stays unique)."""
    import yaml

    from smguide.resources import builtin

    target = work / f"content-x{scale}"
    if target.exists():
        return target
    shutil.copytree(builtin("content"), target, ignore=shutil.ignore_patterns("de", "fr"))
    guide_file = target / "guide.yaml"
    guide = yaml.safe_load(guide_file.read_text(encoding="utf-8"))
    chapters = list(guide["chapters"]) if scale else list(guide["chapters"])[1:4]  # 0: tiny
    repeated = list(chapters)
    for copy in range(2, scale + 1):
        for chapter in chapters:
            source = target / chapter
            name = f"chapters/r{copy}-{Path(chapter).name}"
            text = source.read_text(encoding="utf-8")
            (target / name).write_text("\n".join(line for line in text.splitlines()
                                                 if not line.startswith("id:")) + "\n",
                                       encoding="utf-8")
            repeated.append(name)
    guide["chapters"] = repeated
    guide_file.write_text(yaml.safe_dump(guide, allow_unicode=True, sort_keys=False),
                          encoding="utf-8")
    return target


def handbook_sources(work: Path, content: Path) -> list[str]:
    """The exact HTML and CSS smguide renders, saved for the bare WeasyPrint run."""
    from smguide.commands.build import load
    from smguide.handbook.html import HandbookRenderer
    from smguide.model.options import PrintOptions, Sources
    from smguide.resources import builtin

    sources = Sources(content, builtin("brand") / "_brand.yml")
    guide, brand, _ = load(sources)
    renderer = HandbookRenderer(guide, brand, None)
    tag = content.name
    (work / f"{tag}.html").write_text(renderer.html(), encoding="utf-8")
    (work / f"{tag}.css").write_text(renderer.css(PrintOptions()), encoding="utf-8")
    css = renderer.template_dirs[-1] / "handbook" / "handbook.css"
    return [str(work / f"{tag}.html"), str(css), str(work / f"{tag}.css"),
            str(work / f"{tag}-bare.pdf")]


def roster_csv(work: Path, count: int) -> Path:
    first = ["Anna", "Ben", "Chidi", "Dana", "Emil", "Fatima", "Goran", "Hana", "Ivan", "Zoë"]
    lines = ["name,team,role,manager,start_date,buddy"]
    for i in range(count):
        team = ("Sales", "Marketing")[i % 2]
        lines.append(f"{first[i % 10]} Hire{i + 1},{team},Associate,Maria Keller,"
                     f"2026-03-{1 + i % 28:02d},Jonas Weber")
    path = work / f"hires-{count}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def slide_count(deck: Path) -> tuple[int, int]:
    """(slides, of which "(cont.)" slides: text continued from the slide before)."""
    from pptx import Presentation

    slides = list(Presentation(str(deck)).slides)
    titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in slides]
    return len(slides), sum(title.rstrip().endswith(")") and "(" in title and
                            title != titles[n - 1] and title.split(" (")[0] ==
                            titles[n - 1].split(" (")[0] for n, title in enumerate(titles)
                            if n)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="timed runs on the default content")
    parser.add_argument("--scaled-runs", type=int, default=2,
                        help="timed runs on scaled content (they are slow)")
    parser.add_argument("--scales", default="1,4,16", help="content sizes, e.g. 1,4,16")
    parser.add_argument("--roster", type=int, default=100, help="copies for the roster run")
    parser.add_argument("--roster-sizes", default="10,100,1000,5000",
                        help="roster sizes timed once each on the default content (CPU per "
                             "copy, wall time, peak memory); empty: none")
    parser.add_argument("--quick", action="store_true",
                        help="tiny settings (1 run, default content, 3 copies): a smoke test")
    parser.add_argument("--json", type=Path, default=REPO / "output" / "bench.json")
    args = parser.parse_args(argv)
    if args.quick:  # one cold run of everything on a 3-chapter guide: proves it still works
        args.runs, args.scaled_runs, args.scales, args.roster = 1, 1, "0", 3
        args.roster_sizes = "2,4"
    scales = [int(s) for s in args.scales.split(",")]
    # the render time limit guards against hostile input, not a 16x handbook on a busy
    # machine (a fresh one takes minutes of wall time at a load of 10)
    os.environ.setdefault("SMGUIDE_MAX_SECONDS", "3600")
    started = machine()
    work = Path(tempfile.mkdtemp(prefix="smguide-bench-"))
    import compileall

    import smguide
    from smguide.resources import builtin

    # measure smguide as installed: pip byte-compiles a package, an editable checkout
    # compiles on first import (or on every import, with PYTHONDONTWRITEBYTECODE set)
    compileall.compile_dir(Path(smguide.__file__).parent, quiet=1)

    brand = ["--brand", str(builtin("brand") / "_brand.yml")]
    rows: list[dict] = []

    def add(scale: int, name: str, ours: tuple[list[float], float], base_name: str,
            base: list[float], target: str, ratio: float, ok: bool) -> None:
        rows.append({"scale": scale, "measure": name, "median_s": statistics.median(ours[0]),
                     "runs": ours[0], "peak_mb": ours[1], "baseline": base_name,
                     "baseline_median_s": statistics.median(base), "baseline_runs": base,
                     "ratio": ratio, "target": target, "met": ok})
        print(f"x{scale:<3} {name:<24} {statistics.median(ours[0]):8.3f}  {base_name:<30} "
              f"{statistics.median(base):8.3f} {ratio:7.2f}  {target:<10} "
              f"{'ok' if ok else 'MISSED':<6} {ours[1]:6.0f} MB", flush=True)

    print(f"{'size':<4} {'measure':<24} {'median s':>8}  {'baseline':<30} {'median s':>8} "
          f"{'ratio':>7}  {'target':<10} {'':<6} {'peak':>9}")
    med = statistics.median
    click = timed([PY, "-c", "import click"], args.runs, work, not args.quick)
    helped = timed([*SMGUIDE, "--help"], args.runs, work, not args.quick)
    ratio = med(helped[0]) / med(click[0])
    add(1, "smguide --help", helped, "python -c 'import click'", click[0], "< 2x", ratio,
        ratio < 2)
    for scale in scales:
        runs = args.runs if scale == 1 else args.scaled_runs
        warm = scale == 1 and not args.quick
        content = scaled_content(work, scale) if scale != 1 else builtin("content")
        common = ["--content", str(content), *brand]
        out = work / f"x{scale}"
        build = [*SMGUIDE, "build", *common, "--out-dir", str(out / "build")]
        roster = roster_csv(work, args.roster)
        pdf_command = [*SMGUIDE, "pdf", *common, "-o", str(out / "handbook.pdf")]
        measured = interleaved({
            "pdf": pdf_command,
            "pdf_fresh": [*FRESH_CACHE, str(work), *pdf_command],
            # the same, its paragraphs' last lines not set again (handbook/rags.py)
            "pdf_uneven": ["env", "SMGUIDE_UNEVEN_RAGS=1", *FRESH_CACHE, str(work),
                           *pdf_command],
            "bare": [PY, "-c", BARE_PDF, *handbook_sources(work, content)],
            "slides": [*SMGUIDE, "slides", *common, "-o", str(out / "deck.pptx")],
            "bare_deck": [PY, BARE_PPTX, str(work / "bare.pptx"), str(content), brand[1]],
            "build": [*build, "--force"],
            "copies": [*SMGUIDE, "pdf", *common, "--roster", str(roster), "-o",
                       str(out / "roster" / "handbook.pdf")],
        }, runs, work, warm)
        pdf, bare, slides, bare_deck, first, copies = (measured[name] for name in (
            "pdf", "bare", "slides", "bare_deck", "build", "copies"))
        ratio = med(pdf[0]) / med(bare[0])
        add(scale, "smguide pdf", pdf, "bare WeasyPrint, same HTML", bare[0], "<= 1.03x",
            ratio, ratio <= 1.03)
        fresh = measured["pdf_fresh"]
        ratio = med(fresh[0]) / med(bare[0])
        add(scale, "smguide pdf, fitted anew", fresh, "bare WeasyPrint, same HTML", bare[0],
            "<= 1.03x", ratio, ratio <= 1.03)
        uneven = measured["pdf_uneven"]  # what setting the rags again costs: reported
        ratio = med(fresh[0]) / med(uneven[0])
        add(scale, "fitted anew, rags set", fresh, "the same, rags as laid out", uneven[0],
            "(reported)", ratio, True)
        count, continued = slide_count(out / "deck.pptx")
        # smguide measures the agenda and may fit one more or fewer chapters per agenda
        # slide than the script's fixed 12, and continues text that does not fit on
        # "(cont.)" slides the script does not make; beyond that the decks differ
        if abs(slide_count(work / "bare.pptx")[0] - (count - continued)) > max(1, count // 100):
            raise SystemExit(f"bench/bare_pptx.py wrote {slide_count(work / 'bare.pptx')[0]} "
                             f"slides, smguide {count}: it no longer writes the same deck")
        ratio = med(slides[0]) / med(bare_deck[0])
        add(scale, "smguide slides", slides, f"bare python-pptx, {count} slides", bare_deck[0],
            "<= 1.5x", ratio, ratio <= 1.5)
        slower = max(pdf[0], slides[0], key=med)
        ratio = med(first[0]) / med(slower)
        add(scale, "smguide build", first, "the slower of pdf and slides", slower, "<= 1.15x",
            ratio, ratio <= 1.15)
        again = timed(build, runs, work, warm=False, before=[*build, "--force"])
        ratio = med(first[0]) / med(again[0])
        add(scale, "smguide build, unchanged", again, "the first build", first[0],
            ">= 10x faster", ratio, ratio >= 10)
        ratio = med(copies[0]) / med(pdf[0])
        add(scale, f"{args.roster} personal copies", copies, "one plain smguide pdf", pdf[0],
            "<= 4x", ratio, ratio <= 4)
    content = builtin("content") if 1 in scales or not args.quick else \
        scaled_content(work, 0)
    # check against --help timed again, interleaved with it (the --help row's runs are
    # from the start: on a machine whose load changes, the ratio would follow the load)
    measured = interleaved({"check": [*SMGUIDE, "check", "--content", str(content), *brand],
                            "help": [*SMGUIDE, "--help"]}, args.runs, work, not args.quick)
    checked, helped = measured["check"], measured["help"]
    ratio = med(checked[0]) / med(helped[0])
    add(1, "smguide check", checked, "smguide --help", helped[0], "<= 6x", ratio, ratio <= 6)
    sizes = [int(n) for n in args.roster_sizes.split(",") if n.strip()]
    rosters = roster_sizes(work, content, brand, sizes)
    # the peak memory of the default content's runs (the scaled runs are bigger by design)
    memory = [row for row in rows if row["scale"] in (1, 0) and row["measure"] !=
              "smguide --help"]
    if memory:
        over = [row["measure"] for row in memory if row["peak_mb"] >= MEMORY_TARGET_MB]
        print(f"peak memory, {'default' if 1 in scales else 'tiny'} content: "
              f"{max(r['peak_mb'] for r in memory):.0f} MB (target < {MEMORY_TARGET_MB} MB "
              f"per process: {'met' if not over else 'missed by ' + ', '.join(over)})")
    report = {"machine": machine(), "load_average_at_start": started["load_average"],
              "runs": args.runs, "scaled_runs": args.scaled_runs,
              "roster": args.roster, "memory_target_mb": MEMORY_TARGET_MB, "results": rows,
              "rosters": rosters}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    print(f"wrote {args.json}")
    shutil.rmtree(work, ignore_errors=True)
    return report


def roster_sizes(work: Path, content: Path, brand: list[str], sizes: list[int]) -> list[dict]:
    """One run of `smguide pdf --roster` per size: wall time, copies a second, CPU per copy
    (all processes; and the CPU of each copy beyond the first size's, which leaves out the
    shared body and start-up: target <= 15 ms), peak memory of the largest process
    (target < 250 MB at any size)."""
    rows: list[dict] = []
    if sizes:
        print(f"{'copies':>6} {'wall s':>8} {'copies/s':>8} {'CPU s':>8} {'CPU/copy':>9} "
              f"{'marginal':>9} {'peak':>8}")
    for count in sizes:
        out = work / f"roster-{count}" / "handbook.pdf"
        seconds, mb, cpu = run_measured(
            [*SMGUIDE, "pdf", "--content", str(content), *brand, "--roster",
             str(roster_csv(work, count)), "-o", str(out)], work)
        first = rows[0] if rows else None
        marginal = ((cpu - first["cpu_s"]) / (count - first["copies"])
                    if first and count > first["copies"] else None)
        rows.append({"copies": count, "wall_s": seconds, "copies_per_s": count / seconds,
                     "cpu_s": cpu, "cpu_ms_per_copy": 1000 * cpu / count, "peak_mb": mb,
                     "marginal_cpu_ms_per_copy": None if marginal is None else 1000 * marginal,
                     "marginal_met": None if marginal is None else
                     1000 * marginal <= COPY_CPU_TARGET_MS,
                     "peak_met": mb < MEMORY_TARGET_MB})
        shown = "" if marginal is None else f"{1000 * marginal:7.1f}ms"
        print(f"{count:>6} {seconds:8.1f} {count / seconds:8.1f} {cpu:8.1f} "
              f"{1000 * cpu / count:7.1f}ms {shown:>9} {mb:6.0f} MB", flush=True)
        shutil.rmtree(out.parent, ignore_errors=True)
    if len(rows) > 1:
        last = rows[-1]
        print(f"CPU per copy beyond the first {rows[0]['copies']}: "
              f"{last['marginal_cpu_ms_per_copy']:.1f} ms (target <= {COPY_CPU_TARGET_MS} ms: "
              f"{'met' if last['marginal_met'] else 'missed'}); peak memory "
              f"{max(r['peak_mb'] for r in rows):.0f} MB (target < {MEMORY_TARGET_MB} MB: "
              f"{'met' if all(r['peak_met'] for r in rows) else 'missed'})")
    return rows


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpu": cpu, "cpus": os.cpu_count(),
            "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None}


if __name__ == "__main__":
    main()
