"""Run smguide check, pdf and slides with every brand file of the public brand corpus.

Usage: .venv/bin/python bench/brand_corpus.py [--corpus DIR] [--jobs N] [--only TEXT]
                                              [--compare] [--write]

The corpus is `shared/corpus/brands/` beside the repository (or any parent folder of it;
--corpus or SMGUIDE_BRAND_CORPUS names another). Without it the script says so and exits 0.
Every `*.yml`/`*.yaml` there is a brand file except Quarto's `_quarto.yml` and
`_extension.yml`. Each brand is used with a small starter project (`smguide init`, two
chapters) in a temp folder: `smguide check`, then `smguide pdf` and `smguide slides` (and
`smguide slides --theme dark` when the brand has dark colours), each a fresh process.

A brand is `built` when all of them succeed, `refused` when all of them refuse it with the
same first error (the reason column is that line, with the corpus folder left out), and
`broken` when they disagree, crash (a traceback, an exit status other than 0 and 1) or a
build writes nothing. The table is printed; --write stores it as the expected table
(bench/brand_corpus.expected.tsv); --compare prints what changed against that table and
exits 1 on a regression (a brand that built and no longer does, or anything broken).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXPECTED = REPO / "bench" / "brand_corpus.expected.tsv"
SMGUIDE = [sys.executable, "-m", "smguide"]
NOT_BRANDS = {"_quarto.yml", "_quarto.yaml", "_extension.yml", "_extension.yaml"}
COLUMNS = ("brand", "outcome", "warnings", "reason")


@dataclass(frozen=True)
class Row:
    brand: str
    outcome: str  # built, refused or broken
    warnings: int
    reason: str

    def line(self) -> str:
        return "\t".join((self.brand, self.outcome, str(self.warnings), self.reason))


def find_corpus(given: str | None) -> Path | None:
    if given or os.environ.get("SMGUIDE_BRAND_CORPUS"):
        path = Path(given or os.environ["SMGUIDE_BRAND_CORPUS"])
        return path if path.is_dir() else None
    for parent in REPO.parents:
        if (parent / "shared" / "corpus" / "brands").is_dir():
            return parent / "shared" / "corpus" / "brands"
    return None


def brand_files(corpus: Path) -> list[Path]:
    found = [p for p in corpus.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file()]
    return sorted((p for p in found if p.name not in NOT_BRANDS),
                  key=lambda p: p.relative_to(corpus).as_posix())


def _has_dark(path: Path) -> bool:
    """Whether a brand gives light/dark pairs of colours, for the --theme dark run."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return False
    colours = data.get("color") if isinstance(data, dict) else None
    return isinstance(colours, dict) and any(
        isinstance(value, dict) and "dark" in value for value in colours.values())


def _knows_dark_theme() -> bool:
    done = subprocess.run([*SMGUIDE, "slides", "--help"], capture_output=True, text=True)
    return "--theme" in done.stdout


def _first_error(stderr: str, corpus: Path) -> str:
    for line in stderr.splitlines():
        if line.startswith("Error: "):
            return line[len("Error: "):].replace(str(corpus) + os.sep, "")
    return stderr.strip().splitlines()[-1][:200] if stderr.strip() else "(no message)"


def run_brand(path: Path, corpus: Path, project: Path, scratch: Path, dark: bool) -> Row:
    name = path.relative_to(corpus).as_posix()
    out = scratch / re.sub(r"[^A-Za-z0-9]+", "_", name)
    out.mkdir(parents=True, exist_ok=True)
    steps = [("check", ["check"], None),
             ("pdf", ["pdf", "-o", str(out / "handbook.pdf")], out / "handbook.pdf"),
             ("slides", ["slides", "-o", str(out / "deck.pptx")], out / "deck.pptx")]
    if dark and _has_dark(path):
        steps.append(("slides --theme dark",
                      ["slides", "--theme", "dark", "-o", str(out / "dark.pptx")],
                      out / "dark.pptx"))
    results: list[tuple[str, int, str, bool]] = []
    warnings = 0
    for label, args, output in steps:
        done = subprocess.run([*SMGUIDE, *args, "--brand", str(path)], cwd=project,
                              capture_output=True, text=True, timeout=600,
                              env={**os.environ, "NO_COLOR": "1"})
        if label == "check":
            match = re.search(r"(\d+) warnings?", done.stdout + done.stderr)
            warnings = int(match.group(1)) if match else 0
        wrote = output is None or (output.is_file() and output.stat().st_size > 0)
        results.append((label, done.returncode, done.stderr + done.stdout, wrote))
    for label, code, stderr, wrote in results:
        if "Traceback" in stderr or code not in (0, 1):
            return Row(name, "broken", warnings,
                       f"{label} crashed (exit {code}): {_first_error(stderr, corpus)}")
        if code == 0 and not wrote:
            return Row(name, "broken", warnings, f"{label} succeeded but wrote nothing")
    codes = {code for _, code, _, _ in results}
    if codes == {0}:
        return Row(name, "built", warnings, "")
    if codes == {1}:
        reasons = {_first_error(stderr, corpus) for _, _, stderr, _ in results}
        if len(reasons) == 1:
            return Row(name, "refused", warnings, reasons.pop())
        return Row(name, "broken", warnings, "refused for different reasons: "
                   + " | ".join(sorted(reasons)))
    split = ", ".join(f"{label} {'ok' if code == 0 else 'refused'}"
                      for label, code, _, _ in results)
    first = next(stderr for _, code, stderr, _ in results if code)
    return Row(name, "broken", warnings, f"{split}: {_first_error(first, corpus)}")


def brand_yml_reads(path: Path) -> str:
    """What posit's reference reader says of the file: "reads", "rejects" or "n/a"."""
    try:
        import warnings

        from brand_yml import Brand
    except ImportError:
        return "n/a"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            Brand.from_yaml(path)
    except Exception:  # noqa: BLE001 - any refusal of the reference reader counts
        return "rejects"
    return "reads"


def read_expected(path: Path) -> dict[str, Row]:
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        brand, outcome, warnings, reason = (line.split("\t") + ["", "", ""])[:4]
        rows[brand] = Row(brand, outcome, int(warnings or 0), reason)
    return rows


def compare(rows: list[Row], expected: dict[str, Row]) -> tuple[list[str], list[str]]:
    """(regressions, other changes) of this run against the expected table."""
    regressions, changes = [], []
    for row in rows:
        was = expected.get(row.brand)
        if row.outcome == "broken":
            regressions.append(f"{row.brand}: broken: {row.reason}")
        elif was is None:
            changes.append(f"{row.brand}: new in the corpus: {row.outcome} {row.reason}")
        elif was.outcome == "built" and row.outcome != "built":
            regressions.append(f"{row.brand}: built before, now {row.outcome}: {row.reason}")
        elif (was.outcome, was.reason) != (row.outcome, row.reason):
            changes.append(f"{row.brand}: {was.outcome} -> {row.outcome} {row.reason}".rstrip())
        elif was.warnings != row.warnings:
            changes.append(f"{row.brand}: {was.warnings} -> {row.warnings} warnings")
    seen = {row.brand for row in rows}
    changes += [f"{brand}: no longer in the corpus" for brand in expected if brand not in seen]
    return regressions, changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="the brands folder (default: shared/corpus/brands)")
    parser.add_argument("--jobs", type=int, default=2, help="brands at once (default 2)")
    parser.add_argument("--only", action="append", default=[],
                        help="only brands whose path contains TEXT (repeatable)")
    parser.add_argument("--compare", action="store_true",
                        help="report changes against the expected table; exit 1 on regressions")
    parser.add_argument("--write", action="store_true", help="store the table as expected")
    parser.add_argument("--no-dark", action="store_true", help="skip the --theme dark decks")
    parser.add_argument("--expected", type=Path, default=EXPECTED, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    corpus = find_corpus(args.corpus)
    if corpus is None:
        print("brand corpus not found (shared/corpus/brands beside the repository, or "
              "--corpus DIR); nothing to do")
        return 0
    brands = [p for p in brand_files(corpus)
              if not args.only or any(text in p.relative_to(corpus).as_posix()
                                      for text in args.only)]
    started = time.monotonic()
    reference = {p: brand_yml_reads(p) for p in brands}
    dark = not args.no_dark and _knows_dark_theme()
    with tempfile.TemporaryDirectory(prefix="smguide-brands-") as tmp:
        scratch = Path(tmp)
        subprocess.run([*SMGUIDE, "-q", "init", str(scratch / "project")], check=True,
                       capture_output=True)
        project = scratch / "project"
        with ThreadPoolExecutor(max(1, args.jobs)) as pool:
            rows = list(pool.map(lambda p: run_brand(p, corpus, project, scratch / "out", dark),
                                  brands))
    elapsed = time.monotonic() - started

    width = max((len(row.brand) for row in rows), default=5)
    print(f"{'brand':<{width}}  {'outcome':<8} warn  reason")
    for row in rows:
        print(f"{row.brand:<{width}}  {row.outcome:<8} {row.warnings:>4}  {row.reason}")
    counts = {o: sum(row.outcome == o for row in rows) for o in ("built", "refused", "broken")}
    print(f"\n{len(rows)} brands in {elapsed:.0f} s: {counts['built']} built, "
          f"{counts['refused']} refused, {counts['broken']} broken")
    read = [row for row, p in zip(rows, brands, strict=True) if reference[p] == "reads"]
    if read:
        print(f"posit's brand_yml reads {len(read)} of them; smguide builds "
              f"{sum(row.outcome == 'built' for row in read)} of those; refused by smguide "
              "but read by brand_yml (each should be a missing or unreadable file):")
        for row in read:
            if row.outcome != "built":
                print(f"  {row.brand}: {row.reason}")

    if args.write:
        if args.only:
            print("--write needs the whole corpus (not --only)", file=sys.stderr)
            return 2
        args.expected.write_text("\t".join(COLUMNS) + "\n"
                                 + "".join(row.line() + "\n" for row in rows), encoding="utf-8")
        print(f"wrote {args.expected}")
    if args.compare:
        if not args.expected.is_file():
            print(f"no expected table at {args.expected}; run with --write first")
            return 1
        expected = read_expected(args.expected)
        if args.only:
            expected = {k: v for k, v in expected.items() if any(t in k for t in args.only)}
        regressions, changes = compare(rows, expected)
        for line in changes:
            print(f"changed: {line}")
        for line in regressions:
            print(f"REGRESSION: {line}")
        print(f"{len(regressions)} regressions, {len(changes)} other changes")
        return 1 if regressions else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
