"""The diagram's slide, without notes written for it, says the analogy: its intro, why
each part stands for what it does, and its lesson, a paragraph each (not the slide's
title or labels), then names the next slide. Read back from the deck's notes slide with
python-pptx."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

from pptx import Presentation

from smguide.deck.render import DeckRenderer
from smguide.model.options import DeckOptions
from smguide.resources import builtin
from smguide.sources.brand import load_brand
from smguide.sources.content import load_guide


def test_the_diagram_slide_says_the_analogy(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(builtin("content"), content)
    chapter = content / "chapters" / "05-seed-and-garden.yaml"
    text = chapter.read_text(encoding="utf-8")
    text, dropped = re.subn(r'\n(    )?notes: [^\n]*', "", text)
    assert dropped == 2  # the chapter's and the analogy's own notes: the default is said
    chapter.write_text(text, encoding="utf-8")
    guide = load_guide(content)
    block = next(b for c in guide.chapters for b in c.blocks if b.type == "analogy")
    brand, _ = load_brand(builtin("brand") / "_brand.yml")
    data, _ = DeckRenderer(guide, brand, DeckOptions()).render()
    prs = Presentation(io.BytesIO(data))
    slide = next(s for s in prs.slides
                 if any(sh.name == "Analogy diagram" for sh in s.shapes))
    notes = slide.notes_slide.notes_text_frame.text
    paragraphs = [p for p in notes.split("\n") if p.strip()]
    # the intro's two paragraphs, a part each, the lesson's two, the next slide named:
    # in that order
    assert len(paragraphs) == 2 + len(block.parts) + 2 + 1, notes
    assert paragraphs[0].startswith("A seed holds the promise of a plant")
    for n, part in enumerate(block.parts, 2):  # why, not its labels (the slide has them)
        assert paragraphs[n].startswith(part.explanation.split(".")[0]), notes
        assert not paragraphs[n].startswith(f"{part.name}: {part.stands_for}"), notes
    assert paragraphs[-3].startswith("Neither half produces a harvest alone.")  # no **
    assert paragraphs[-2].startswith("The same is true at work.")
    assert paragraphs[-1] == "Next: Four practices keep both teams in step"
