"""The built-in theme's layouts known as data (deck/builtinlayouts, what `check` measures
the deck's text against without python-pptx) are what python-pptx reads in the real
built-in decks: every slide shape, with and without a logo of any proportions, in a light
and a dark brand; and the shipped file is what scripts/deck-layouts makes today."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from smguide.deck.builtinlayouts import DATA, KnownSheet, measure
from smguide.deck.layouts import ROLE_OF, LayoutPicker
from smguide.deck.logo import Logo
from smguide.deck.placeholders import PptxSheet
from smguide.deck.theme import base_deck
from smguide.resources import builtin
from smguide.sources.brand import load_brand

BRAND, _ = load_brand(builtin("brand") / "_brand.yml")
REPO = Path(__file__).resolve().parents[2]


def logo(width: int, height: int) -> Logo:
    png = io.BytesIO()
    Image.new("RGB", (width, height), "#2f6b4f").save(png, "PNG")
    return Logo(png.getvalue(), None, width / height, "Logo")


def test_the_shipped_data_is_the_decks_as_they_are_made_today() -> None:
    """scripts/deck-layouts would write the file as it is: a change to the built-in
    theme's geometry fails here until the data is made anew."""
    assert json.loads(DATA.read_text(encoding="utf-8")) == measure(BRAND), \
        "the built-in theme changed: run .venv/bin/python scripts/deck-layouts"


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
@pytest.mark.parametrize("picture", [None, (1, 1), (640, 200), (100, 260)])
def test_the_data_reads_as_the_real_deck(aspect: str, picture: tuple[int, int] | None) -> None:
    """Size, layouts and their placeholders, margins, graphics (the logo at its own
    proportions), the placeholders a slide clones, and each role's pick."""
    mark = logo(*picture) if picture else None
    real = PptxSheet(base_deck(BRAND, aspect, mark))
    known = KnownSheet(BRAND, aspect, mark)
    assert (known.width, known.height, known.margins()) == \
        (real.width, real.height, real.margins())
    assert [replace(info, layout=None) for info in known.layouts] == \
        [replace(info, layout=None) for info in real.layouts]
    for mine, theirs in zip(known.layouts, real.layouts, strict=True):
        assert known.graphics(mine) == real.graphics(theirs), mine.name
        assert known.cloned(mine) == real.cloned(theirs), mine.name
    assert known.colours() == real.colours()
    pickers = [LayoutPicker(sheet, {}, "the built-in theme", {}) for sheet in (known, real)]
    kinds = [("block", None), ("title", None), ("section", None), ("closing", None),
             *(("block", block) for block in ("role", "comparison", "analogy"))]
    for layout in [*ROLE_OF, 7, "Blank"]:
        for kind, block in kinds:
            mine, theirs = (p.pick(kind, block, layout) for p in pickers)
            assert replace(mine, layout=None) == replace(theirs, layout=None), (layout, kind)


def test_the_colours_follow_the_brand() -> None:
    """A brand of other colours (the built-in brand's dark theme): the master shows the
    brand's colours through its colour map, as in the real deck."""
    themed = BRAND.themed("dark")
    assert themed.colours != BRAND.colours
    for aspect in ("16:9", "4:3"):
        real = PptxSheet(base_deck(themed, aspect, None))
        assert KnownSheet(themed, aspect, None).colours() == real.colours()


def test_check_needs_no_python_pptx(tmp_path: Path) -> None:
    """`smguide check` on the built-in theme measures the deck's text with python-pptx
    out of reach (importing it fails) and finds what the deck would continue."""
    blocked = tmp_path / "sitecustomize.py"
    blocked.write_text(
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name.split('.')[0] == 'pptx':\n"
        "            raise ImportError('python-pptx is out of reach')\n"
        "sys.meta_path.insert(0, Block())\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "smguide", "check", "--format", "json"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["errors"] == 0
