"""The title and closing slides on a company template whose designer put the subtitle
above the title (the corpus's "Depth" template: a 0.8 in subtitle box, 32 pt, over a
96 pt title): the title is read first, as a title slide's convention has it, with the
lines under it, both within the room the layout's two boxes span (moved up together only
as far as the lines need), at the layout's size within the type scale (not shrunk to 12
pt), and nothing is left out (the date, the brand's name). Read back with
python-pptx; skipped without the corpus."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation

from smguide.deck.render import DeckRenderer
from smguide.model.options import DeckOptions
from smguide.resources import builtin
from smguide.sources.brand import load_brand
from smguide.sources.content import load_guide

REPO = Path(__file__).resolve().parents[2]
DEPTH = next((path for base in (REPO.parent, REPO.parent.parent) if (
    path := base / "shared" / "corpus" / "templates" /
    "pandoc__test__pptx__reference-depth.pptx").is_file()), None)


@pytest.mark.skipif(DEPTH is None,
                    reason="no ../shared/corpus/templates beside the repository")
def test_lines_above_the_title_keep_their_order_size_and_every_line() -> None:
    assert DEPTH is not None
    guide = load_guide(builtin("content"))
    brand, _ = load_brand(builtin("brand") / "_brand.yml")
    renderer = DeckRenderer(guide, brand, DeckOptions(template=DEPTH))
    data, _ = renderer.render()
    assert not [w for w in renderer.warnings if "left out" in w.message], renderer.warnings
    prs = Presentation(io.BytesIO(data))
    for slide, first in ((prs.slides[0], guide.subtitle),
                         (prs.slides[len(prs.slides) - 1], guide.labels.next_step)):
        title = slide.shapes.title
        lines = next(s for s in slide.placeholders if s.placeholder_format.idx == 1)
        text = lines.text_frame.text.replace("\v", "")  # its lines broken where they read best
        assert first and first in text
        assert brand.name and brand.name in text
        sizes = [run.font.size.pt for p in lines.text_frame.paragraphs for run in p.runs]
        assert min(sizes) >= 18 and max(sizes) >= 24, sizes  # not the 12 pt it was
        assert title.top + title.height <= lines.top + 12700  # the title first
        layout_title = slide.slide_layout.placeholders.get(idx=0)
        assert lines.top + lines.height <= layout_title.top + layout_title.height + 12700
        assert title.top >= (prs.slide_height or 0) // 4 - 12700  # the logo's corner clear
    assert guide.edition and guide.edition not in prs.slides[0].placeholders[1].text_frame.text
