"""No empty slide, ever: a guide whose chapters have no `deck:` line and no takeaways gets
no summary slide, and one with no chapter on a slide gets no agenda; the notes an author
wrote for such a slide are a warning, not silently dropped. Read back with python-pptx."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from smguide.commands.build import build_slides
from smguide.deck.render import DeckOptions
from smguide.model.options import Sources
from smguide.resources import builtin

FRENCH = Path(__file__).resolve().parents[1] / "fixtures" / "french"  # no deck: lines, no takeaways
BRAND = builtin("brand") / "_brand.yml"
FRAME = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.FOOTER,
         PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE}


def shown(slide: Any) -> list[str]:
    """What a slide shows besides its title, eyebrow, footer, number and date: texts,
    tables, pictures and drawn shapes; a chapter's divider shows its title."""
    found = [slide.shapes.title.text] if slide.slide_layout.name == "Section Header" else []
    for shape in slide.shapes:
        if shape.is_placeholder and shape.placeholder_format.type in FRAME:
            continue
        if shape.name == "Eyebrow":
            continue
        if shape.has_text_frame and not shape.text_frame.text.strip():
            continue
        found.append(shape.text_frame.text if shape.has_text_frame else shape.name)
    return found


def deck(tmp_path: Path, content: Path) -> tuple[Any, tuple[str, ...]]:
    built = build_slides(Sources(content, BRAND), tmp_path / "deck.pptx", DeckOptions())
    return Presentation(str(built.path)), built.warnings


def variant(tmp_path: Path, guide_extra: str = "", blocks: str | None = None) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(FRENCH, folder)
    guide = folder / "guide.yaml"
    guide.write_text(guide.read_text(encoding="utf-8") + guide_extra, encoding="utf-8")
    if blocks is not None:
        chapter = folder / "chapters" / "01-equipes.yaml"
        text = chapter.read_text(encoding="utf-8")
        chapter.write_text(text[:text.index("blocks:")] + blocks, encoding="utf-8")
    return folder


def test_no_summary_slide_when_no_chapter_sums_itself_up(tmp_path: Path) -> None:
    prs, warnings = deck(tmp_path, FRENCH)
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert titles[-1] == "Des questions\u202f?"
    assert "À retenir" not in titles  # the summary's title (labels.key_takeaways) is gone
    assert [n for n, slide in enumerate(prs.slides, 1) if not shown(slide)] == []
    assert not [w for w in warnings if (w.field or "").startswith("deck.")]


def test_summary_notes_with_nothing_to_sum_up_are_a_warning(tmp_path: Path) -> None:
    content = variant(tmp_path, "  summary: Récapitulons ensemble.\n")
    prs, warnings = deck(tmp_path, content)
    assert [n for n, slide in enumerate(prs.slides, 1) if not shown(slide)] == []
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in prs.slides)
    assert "Récapitulons" not in notes
    said = [w for w in warnings if w.field == "deck.summary"]
    assert len(said) == 1
    assert (said[0].file, said[0].severity) == (str(content / "guide.yaml"), "warning")
    assert said[0].message.startswith("the deck has no summary slide")
    assert said[0].suggestion is not None and "give a chapter deck:" in said[0].suggestion
    assert said[0].line_text().startswith(f"{content / 'guide.yaml'}: deck.summary: the deck "
                                          "has no summary slide")


def test_no_agenda_slide_when_no_chapter_has_a_slide(tmp_path: Path) -> None:
    prose = "blocks:\n  - type: prose\n    text: L'atelier fabrique des meubles.\n"
    content = variant(tmp_path, "  agenda: Voici le programme.\n", blocks=prose)
    prs, warnings = deck(tmp_path, content)
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert titles == ["Bienvenue à l’atelier", "Des questions\u202f?"]
    assert [n for n, slide in enumerate(prs.slides, 1) if not shown(slide)] == []
    assert any((w.file, w.field) == (str(content / "guide.yaml"), "deck.agenda")
               and w.message.startswith("the deck has no agenda") for w in warnings)


def test_a_guide_that_sums_itself_up_keeps_its_agenda_and_summary(tmp_path: Path) -> None:
    prs, _ = deck(tmp_path, FRENCH.parent / "dutch")
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert titles[1] == "Programma" and titles[-2] == "Kort samengevat"
    assert [n for n, slide in enumerate(prs.slides, 1) if not shown(slide)] == []
