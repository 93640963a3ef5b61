"""Company templates: the geometry check itself, and a fast sample of the corpus script
(bench/template_corpus.py runs every template of ../shared/corpus/templates)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches

from tests.deckgeometry import deck_problems

REPO = Path(__file__).resolve().parents[2]


def _corpus_script():  # noqa: ANN202 - the script as a module
    spec = importlib.util.spec_from_file_location("template_corpus",
                                                  REPO / "bench" / "template_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_geometry_check_finds_shapes_off_the_slide_and_text_on_text(tmp_path: Path) -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    first = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(1))
    first.text_frame.text = "one"
    second = slide.shapes.add_textbox(Inches(2), Inches(1.5), Inches(3), Inches(1))
    second.text_frame.text = "two"
    beside = slide.shapes.add_textbox(Inches(5), Inches(1), Inches(3), Inches(1))
    beside.text_frame.text = "touching the first box's neighbour is fine"
    group = slide.shapes.add_group_shape()
    off = group.shapes.add_textbox(Inches(8), Inches(6), Inches(3), Inches(1))
    off.text_frame.text = "off"
    empty = slide.shapes.add_textbox(Inches(1.2), Inches(1.2), Inches(1), Inches(1))
    empty.name = "empty, so no text over text"
    prs.save(str(tmp_path / "bad.pptx"))
    problems = deck_problems(tmp_path / "bad.pptx")
    assert any("lies off the slide" in p and '"TextBox' in p for p in problems), problems
    overlaps = [p for p in problems if "overlaps" in p]
    assert len(overlaps) == 1, overlaps  # one and two; the beside box only touches two
    assert '"TextBox 1"' in overlaps[0] and '"TextBox 2"' in overlaps[0]
    assert not any("empty" in p for p in problems)


def test_the_built_in_deck_has_clean_geometry(tmp_path: Path) -> None:
    from tests.deck.test_deck import build

    for aspect in ("16:9", "4:3"):
        assert deck_problems(build(tmp_path / f"{aspect[0]}.pptx", aspect=aspect)) == []


def test_a_sample_of_the_corpus_matches_the_expected_table(capsys) -> None:  # noqa: ANN001
    script = _corpus_script()
    if script.find_corpus() is None:
        pytest.skip("no ../shared/corpus/templates beside the repository")
    assert script.main(["--only", "python-pptx__src__pptx__templates__default",
                        "--compare"]) == 0, capsys.readouterr().out
