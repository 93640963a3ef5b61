"""Build the default guide on every PowerPoint template of the corpus, at 16:9 and 4:3.

Usage: .venv/bin/python bench/template_corpus.py [--corpus DIR] [--out DIR] [--compare]
                                                 [--update] [--only NAME]

For each template (../shared/corpus/templates/*.pptx, *.potx, *.pptm beside the
repository, or --corpus) and each slide shape it prints one row: "built, N slides" when
the deck was made, every shape of every slide lies on the slide with no two text shapes
overlapping (tests/deckgeometry.py checks the saved file) and openxml-audit finds the
package valid; "built, N slides, M geometry problems" or "..., M OOXML errors" when not
(the first problem is printed below the table); or "refused: <the one-line message>".
A crash (a traceback, never acceptable) is a row too.

The expected table (Markdown) is bench/template_corpus.expected; --compare exits 1 when
the table differs from it (printing the difference), --update rewrites it. Without the
corpus the script says so and exits 0. --out keeps the decks (to look at them with
LibreOffice).
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXPECTED = REPO / "bench" / "template_corpus.expected"
ASPECTS = ("16:9", "4:3")
SUFFIXES = (".pptx", ".potx", ".pptm")


def find_corpus() -> Path | None:
    """../shared/corpus/templates beside the repository (or beside its parent folder)."""
    for base in (REPO.parent, REPO.parent.parent):
        folder = base / "shared" / "corpus" / "templates"
        if folder.is_dir():
            return folder
    return None


def _geometry() -> object:
    """tests/deckgeometry.py, the check the deck tests use."""
    if str(REPO / "tests") not in sys.path:
        sys.path.insert(0, str(REPO / "tests"))
    return importlib.import_module("deckgeometry")


def build_one(guide: object, brand: object, template: Path, aspect: str, out: Path
              ) -> tuple[str, list[str], list[str]]:
    """(result cell, geometry problems, warnings) of one deck."""
    from smguide.deck.render import DeckRenderer
    from smguide.errors import SmguideError
    from smguide.model.options import DeckOptions

    try:  # the template is opened when the renderer is made
        renderer = DeckRenderer(guide, brand, DeckOptions(template=template, aspect=aspect))  # type: ignore[arg-type]
        data, slides = renderer.render()
    except SmguideError as exc:
        message = exc.format_message().splitlines()[0]
        return "refused: " + message.replace(str(template), template.name), [], []
    except Exception as exc:  # noqa: BLE001 - a crash is a row of the table, and a bug
        return f"CRASH: {exc.__class__.__name__}: {exc}"[:200], [], []
    out.write_bytes(data)
    problems = _geometry().deck_problems(out)  # type: ignore[attr-defined]
    invalid = _ooxml(out)
    cell = f"built, {slides} slides"
    if problems:
        cell += f", {len(problems)} geometry problems"
    if invalid:
        cell += f", {len(invalid)} OOXML errors"
    return cell, problems + invalid, renderer.warnings


def _ooxml(path: Path) -> list[str]:
    """What openxml-audit (the Open XML SDK's validator, ported) finds wrong in the deck."""
    from openxml_audit import validate_pptx

    return [f"OOXML: {error.part_uri or ''} {error.path or ''}: {error.description}"
            for error in validate_pptx(path).errors if error.severity.value == "error"]


def table(rows: list[tuple[str, str, str]]) -> str:
    """A Markdown table, one row per template and slide shape."""
    lines = ["| template | aspect | result |", "|---|---|---|"]
    lines += [f"| {name} | {aspect} | {cell} |" for name, aspect, cell in rows]
    return "\n".join(lines) + "\n"


def parse(text: str) -> dict[tuple[str, str], str]:
    """(template, aspect) -> result, from a table written by `table`."""
    rows = {}
    for line in text.splitlines()[2:]:
        name, aspect, cell = (part.strip() for part in line.strip().strip("|").split(" | ", 2))
        rows[name, aspect] = cell
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="folder of templates "
                        "(default: ../shared/corpus/templates)")
    parser.add_argument("--out", type=Path, help="keep the decks in this folder")
    parser.add_argument("--only", help="only templates whose file name contains this")
    parser.add_argument("--compare", action="store_true",
                        help="exit 1 when the table differs from the expected one")
    parser.add_argument("--update", action="store_true", help="rewrite the expected table")
    args = parser.parse_args(argv)
    corpus = args.corpus or find_corpus()
    if corpus is None or not corpus.is_dir():
        print("no template corpus found (../shared/corpus/templates); nothing to do")
        return 0
    templates = sorted(p for p in corpus.iterdir() if p.suffix.lower() in SUFFIXES
                       and (not args.only or args.only in p.name))
    from smguide.resources import builtin
    from smguide.sources.brand import load_brand
    from smguide.sources.content import load_guide

    guide = load_guide(builtin("content"))
    brand, _ = load_brand(builtin("brand") / "_brand.yml")
    rows, details = [], []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        out_dir = args.out or Path(scratch)
        out_dir.mkdir(parents=True, exist_ok=True)
        for template in templates:
            for aspect in ASPECTS:
                out = out_dir / f"{template.stem}-{aspect.replace(':', 'x')}.pptx"
                cell, problems, warnings = build_one(guide, brand, template, aspect, out)
                rows.append((template.name, aspect, cell))
                if problems:
                    details.append(f"{template.name} {aspect}: {problems[0]}")
                details += [f"{template.name} {aspect}: warning: {w}" for w in warnings
                            if aspect == ASPECTS[0]]
    text = table(rows)
    print(text, end="")
    built = sum(1 for _, _, cell in rows if cell.startswith("built"))
    clean = sum(1 for _, _, cell in rows if cell.startswith("built") and "geometry" not in cell)
    print(f"\n{built} of {len(rows)} decks built, {clean} with clean geometry and OOXML "
          f"({time.perf_counter() - start:.1f} s)")
    for line in details:
        print(line)
    if args.update:
        EXPECTED.write_text(text, encoding="utf-8")
        print(f"wrote {EXPECTED.relative_to(REPO)}")
    if args.compare:
        if not EXPECTED.is_file():
            print(f"{EXPECTED.relative_to(REPO)} is missing; run with --update")
            return 1
        expected = parse(EXPECTED.read_text(encoding="utf-8"))
        if args.only:
            expected = {key: cell for key, cell in expected.items() if args.only in key[0]}
        now = parse(text)
        if expected != now:
            shown = [table([(*key, cell) for key, cell in rows.items()]).splitlines(True)
                     for rows in (expected, now)]
            sys.stdout.writelines(difflib.unified_diff(*shown, "expected", "now"))
            return 1
        print("the table matches the expected one")
    return 0


if __name__ == "__main__":
    sys.exit(main())
