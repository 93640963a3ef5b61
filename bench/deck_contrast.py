"""How well the deck's text reads on every PowerPoint template of the corpus.

Usage: .venv/bin/python bench/deck_contrast.py [--corpus DIR] [--aspect 16:9|4:3]

Builds the default guide on each template (../shared/corpus/templates, as
bench/template_corpus.py finds it) and prints, per template, the lowest WCAG contrast of
any run of text against what is really behind it (tests/deckcontrast.py: the text's own
or inherited colour, every stop of a gradient, a background picture's lightest and
darkest pixels), for text and for large text (18 pt, 14 pt bold) and list markers
apart, and for a table's cells (which must read at 4.5:1 on their row's fill whatever
their size), with the run it is; a template the deck refuses is a row too. Run it with
PYTHONPATH pointing at another checkout's src/ to compare two versions side by side.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests"))


def _cell(found: list, large: bool | None) -> str:  # type: ignore[type-arg]
    """The worst run of `found`'s normal (or `large`) text; None: of a table's cells."""
    worst = min((r for r in found if (r.large == large if large is not None
                                      else r.shape.startswith("Table"))),
                key=lambda r: r.ratio, default=None)
    if worst is None:
        return "none"
    return f"{worst.ratio:.2f}:1 ({worst.line().split(': ', 1)[0].replace('|', '/')})"


def main() -> int:
    from template_corpus import SUFFIXES, find_corpus  # type: ignore[import-not-found]

    from deckcontrast import readings  # type: ignore[import-not-found]
    from smguide.deck.render import DeckRenderer
    from smguide.errors import SmguideError
    from smguide.model.options import DeckOptions
    from smguide.resources import builtin
    from smguide.sources.brand import load_brand
    from smguide.sources.content import load_guide

    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--aspect", default="16:9")
    args = parser.parse_args()
    corpus = args.corpus or find_corpus()
    if corpus is None:
        print("no ../shared/corpus/templates beside the repository: nothing to measure")
        return 0
    guide = load_guide(builtin("content"))
    brand, _ = load_brand(builtin("brand") / "_brand.yml")
    print("| template | lowest, text (needs 4.5:1) | lowest, large text and markers (3:1) |"
          " lowest, table cells (4.5:1 at any size) |\n| --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for template in sorted(p for p in corpus.iterdir() if p.suffix in SUFFIXES):
            try:
                data, _ = DeckRenderer(guide, brand, DeckOptions(
                    template=template, aspect=args.aspect)).render()
            except SmguideError:
                print(f"| {template.stem} | refused | | |")
                continue
            out = Path(tmp) / "deck.pptx"
            out.write_bytes(data)
            found = readings(out)
            print(f"| {template.stem} | {_cell(found, False)} | {_cell(found, True)} "
                  f"| {_cell(found, None)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
