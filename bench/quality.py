"""Typographic figures of the built handbook, for every paper size and language.

Usage: .venv/bin/python bench/quality.py [--pdf FILE ...] [--details] [--json FILE]

Builds the default guide's handbook on A4, Letter and A5 and the German edition on A4 and
A5 (or measures the PDFs given), then prints per edition what a print designer checks:
characters per line of body text (median, maximum), blank paper (pages, not notes pages,
with no text or only a heading), half-empty pages (a chapter's pages whose text block is
more than half empty), gaps (pages inside a chapter more than 30% empty: the text stopped
short because the next block was kept whole and went overleaf), short pages (pages inside
a chapter, its opener's included, whose text ends more than five lines above the text
block's foot: fewer than a gap's, a short page all the same), runts (a paragraph's last
line of fewer than 8 characters: one short word or a fragment), lone words (a last line of
one longer word; both counted in chapter openers' leads too, marked "(lead)"), tie
notches (a paragraph's line before the last ending a word early because its last words
are tied), keep-together
blocks split by a page turn, from a right page to the left overleaf (turn splits; a block
open on one spread is not split for the reader; and a diagram apart from its key), lists
of a few cards (the practices, the questions) that fit on a page split between two cards
by a page turn (card turns),
takeaways apart from
their text, headings with fewer than two lines under them, orphans and widows,
hyphenation faults, hyphenated lines, words hyphenated across a page turn, ladders
(two hyphenated lines in a row, or more than two in a paragraph on a page), headings whose
last line is one short word (heading runts), paragraphs whose line before the last ends
in a hyphen (final hyphens), lines broken early (stray breaks), the
smallest type, the smallest type reversed out (paper white: reversed pt), the lowest
contrast of the running heads and footers, the least white
between the flow and the folios (foot mm: under the folio's gap, the flow reaches into
the footer zone), the diagram's smallest label, and text tops (how many distances from
the running head's baseline to the first line of a page that opens with text: one where
every page's text block starts at the same height), and the least white from a
page's last line of text (its baseline) down to the folio (last line mm). --details
lists where each fault is, and every word a line's hyphen breaks ("Vertriebs-team"), to
read for wrong breaks. The measuring is in tests/pagequality.py, which the tests use too
(tests/handbook/test_typography.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.pagequality import Report, measure, source_compounds  # noqa: E402

EDITIONS = {"A4": ("a4", None), "Letter": ("letter", None), "A5": ("a5", None),
            "German A4": ("a4", "de"), "German A5": ("a5", "de")}


def build(paper: str, lang: str | None, out: Path) -> Path:
    from click.testing import CliRunner

    from smguide.cli import main
    from smguide.resources import builtin

    args = ["pdf", "--content", str(builtin("content")), "--brand",
            str(builtin("brand") / "_brand.yml"), "--paper", paper, "-o", str(out)]
    result = CliRunner().invoke(main, args + (["--lang", lang] if lang else []))
    if result.exit_code:
        sys.exit(result.output)
    return out


def main(argv: list[str] | None = None) -> dict[str, dict[str, object]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", nargs="*", type=Path, help="measure these PDFs instead")
    parser.add_argument("--details", action="store_true", help="list where each fault is")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    from smguide.resources import builtin

    compounds = source_compounds(builtin("content"))
    reports: dict[str, Report] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.pdf:
            targets = {path.name: path for path in args.pdf}
        else:
            targets = {name: build(paper, lang, Path(tmp) / f"{name}.pdf")
                       for name, (paper, lang) in EDITIONS.items()}
        for name, path in targets.items():
            reports[name] = measure(path, compounds)
    figures = {name: report.figures() for name, report in reports.items()}
    keys = list(next(iter(figures.values())))
    width = max(len(k) for k in keys)
    print(f"{'':{width}}  " + "  ".join(f"{name:>10}" for name in figures))
    for key in keys:
        print(f"{key:{width}}  " + "  ".join(f"{str(f[key]):>10}" for f in figures.values()))
    if args.details:
        for name, report in reports.items():
            print(f"\n{name}: smallest type {report.smallest_what}; smallest reversed type "
                  f"{report.reversed_what or 'none'}; running heads and "
                  f"folios nearest the trim {report.furniture_edge_what}; the flow nearest "
                  f"the folios {report.foot_what}; the text nearest the folios "
                  f"{report.last_line_what}; the most space between paragraphs "
                  f"{report.paragraph_space_what}, above a heading {report.heading_space_what}")
            for label in ("blank_pages", "half_empty", "gaps", "short_pages", "runts", "lone_words",
                          "tie_notches", "splits", "card_turns", "stranded", "short_turns",
                          "short_headings", "orphans_widows", "hyphenation",
                          "page_turn_hyphens", "ladders", "heading_runts", "final_hyphens",
                          "stray_breaks"):
                items = getattr(report, label)
                if items:
                    print(f"  {label}: " + "; ".join(str(i) for i in items))
            if report.broken_words:  # to read for wrong breaks ("Ver-triebsteam")
                print("  hyphenated words: " + ", ".join(report.broken_words))
            tops: dict[float, list[int]] = {}
            for page, mm in report.text_tops.items():
                tops.setdefault(mm, []).append(page + 1)
            print("  text tops (running head to first line, mm): " + "; ".join(
                f"{mm} p{','.join(map(str, pages))}" for mm, pages in sorted(tops.items())))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return figures


if __name__ == "__main__":
    main()
