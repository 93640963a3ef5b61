"""The English and German decks (16:9) read back as a presentation designer looks at
them: one left edge, numbers clear of their text, content that uses the slide, a table
kept together, a summary that says the points, a closing slide with a real next step."""

from __future__ import annotations

import re
import shutil
import subprocess
from importlib.resources import files
from pathlib import Path

import pytest
import yaml
from PIL import ImageFont
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

from smguide.commands.build import build_slides
from smguide.deck.render import DeckOptions
from smguide.model.options import Sources
from smguide.resources import builtin
from tests.hostile import TINY

PT = 12700
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
LATO = Path(str(files("smguide") / "assets" / "fonts" / "Lato-Regular.ttf"))
FURNITURE = ("Footer", "Slide Number", "Slide number")


def build(out: Path, content: Path) -> Path:
    sources = Sources(content, builtin("brand") / "_brand.yml")
    return build_slides(sources, out, DeckOptions()).path  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("design")
    return {"en": build(folder / "en.pptx", builtin("content")),
            "de": build(folder / "de.pptx", builtin("content") / "de")}


@pytest.fixture(scope="module")
def decks(paths: dict[str, Path]) -> dict[str, object]:
    return {name: Presentation(str(path)) for name, path in paths.items()}


def content_slides(prs) -> list[object]:  # noqa: ANN001
    """The slides with a title at the top: not the title, closing or divider slides."""
    return [s for s in prs.slides if s.slide_layout.name != "Title Slide"
            and not s.slide_layout.name.startswith("Section")]


def inset(shape, side: str = "lIns") -> int:  # noqa: ANN001
    body = shape._element.find(f".//{A}bodyPr")
    value = body.get(side) if body is not None else None
    return int(value) if value is not None else 91440


def filled(shape) -> bool:  # noqa: ANN001
    """Does the shape show its own edge (a fill: a panel, a card, a banner)?"""
    sp_pr = shape._element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}"
                                "spPr")
    return sp_pr is not None and sp_pr.find(f"{A}solidFill") is not None


def left_edges(slide) -> dict[str, float]:  # noqa: ANN001
    """Where each thing on the slide starts, as the eye sees it, in points: a filled
    shape, a table, a group or a picture at its own edge; text at its box plus inset
    (text on a filled shape, such as the takeaways panel's, is inside that edge)."""
    edges, boxes, texts = {}, [], []
    for shape in slide.shapes:
        if shape.left is None or shape.name.startswith(FURNITURE):
            continue
        name = f"{shape.name} {shape.shape_id}"
        if shape.shape_type in (MSO_SHAPE_TYPE.GROUP, MSO_SHAPE_TYPE.PICTURE) or \
                getattr(shape, "has_table", False) and shape.has_table or filled(shape):
            edges[name] = shape.left / PT
            boxes.append(shape)
        elif shape.has_text_frame and shape.text_frame.text.strip():
            texts.append((name, shape))
    for name, shape in texts:
        start = shape.left + inset(shape)
        if not any(box.left < start < box.left + box.width and box.top <= shape.top + PT
                   and shape.top < box.top + box.height for box in boxes):
            edges[name] = start / PT
    return edges


@pytest.mark.parametrize("name", ["en", "de"])
def test_everything_on_a_slide_starts_at_one_left_edge(decks: dict, name: str) -> None:
    """Panels, tables, cards, banners and the diagram start where the title's text does,
    and so do the lists, the eyebrow and the small logo of the footer row."""
    prs = decks[name]
    for number, slide in enumerate(prs.slides, 1):
        if slide not in content_slides(prs):
            continue
        title = slide.shapes.title
        edge = (title.left + inset(title)) / PT
        found = left_edges(slide)
        leftmost = min(found.values())
        assert abs(leftmost - edge) <= 1, (number, edge, found)
        # what sits on the left of the slide (not a second column) starts on that edge
        for what, left in found.items():
            if left < edge + 36:
                assert abs(left - edge) <= 1, (number, what, left, edge)
        logo = next(s for s in slide.slide_layout.slide_master.shapes
                    if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
        assert abs(logo.left / PT - edge) <= 1, (number, logo.left / PT, edge)


@pytest.mark.parametrize("name", ["en", "de"])
def test_numbers_stand_clear_of_their_text(decks: dict, name: str) -> None:
    """Every numbered line's hanging indent holds its number ("5.") and a gap of at least
    a third of the type size, measured with the font's own widths (Pillow, FreeType)."""
    numbered = 0
    for slide in decks[name].slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            paragraphs = [p for p in shape.text_frame.paragraphs
                          if p._p.find(f"{A}pPr/{A}buAutoNum") is not None]
            for paragraph in paragraphs:
                ppr = paragraph._p.find(f"{A}pPr")
                start = int(ppr.find(f"{A}buAutoNum").get("startAt", "1"))
                size = paragraph.runs[0].font.size.pt
                hang = Emu(int(ppr.get("marL"))).pt
                width = ImageFont.truetype(str(LATO), 1000).getlength(f"{start}.") / 1000 * size
                assert hang - width >= size / 3, (shape.text_frame.text[:40], hang, width)
                numbered += 1
    assert numbered >= 10  # the agenda and the checklist


def tables(prs) -> list[object]:  # noqa: ANN001
    return [shape.table for slide in prs.slides for shape in slide.shapes
            if getattr(shape, "has_table", False) and shape.has_table]


@pytest.mark.parametrize("name", ["en", "de"])
def test_the_comparison_too_tall_for_one_slide_splits_evenly(tmp_path: Path, name: str) -> None:
    """The built-in comparison without its `slide:` rows: its six rows do not fit one
    16:9 slide at 18 pt: three and three, header on both."""
    content = tmp_path / "content"
    shutil.copytree(builtin("content") / ("de" if name == "de" else ""), content,
                    ignore=shutil.ignore_patterns("de"))
    path = next(content.glob("chapters/04-*.yaml"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for block in data["blocks"]:
        if block["type"] == "comparison":
            del block["slide"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    found = tables(Presentation(str(build(tmp_path / "deck.pptx", content))))
    assert [len(table.rows) - 1 for table in found] == [3, 3]
    assert all(table.cell(0, 1).text for table in found)


def test_a_table_that_fits_whole_stays_on_one_slide(tmp_path: Path) -> None:
    """Five rows of about 100 words (more than a split slide may hold) fit one slide at
    18 pt or more: one slide, not two, and nothing below 18 pt."""
    content = tmp_path / "content"
    shutil.copytree(TINY, content)
    rows = [("Focus", "Individual customers and specific deals",
             "The market as a whole and the company's place in it"),
            ("Time horizon", "Short-term, with this period's targets met by new deals",
             "Long-term, with trust and value built over months and years"),
            ("Relationships", "One-to-one, winning each customer and keeping them loyal",
             "One-to-many, earning the whole market's lasting trust in the brand"),
            ("Scope", "Narrow and direct, one conversation and one customer at a time",
             "Broad, reaching many potential and existing customers at once"),
            ("Goal", "Revenue from direct sales, with new customers won and kept",
             "Value for customers and trust in the brand, in line with the goals")]
    chapter = {"title": "Side by side", "deck": "Deals now, or trust over time.",
               "blocks": [{"type": "comparison", "heading": "At a glance",
                           "columns": ["Sales", "Marketing"],
                           "rows": [{"aspect": a, "values": [s, m]} for a, s, m in rows]}]}
    (content / "chapters" / "01-one.yaml").write_text(yaml.safe_dump(chapter),
                                                       encoding="utf-8")
    prs = Presentation(str(build(tmp_path / "deck.pptx", content)))
    [table] = tables(prs)
    assert len(table.rows) == 6
    words = sum(len(cell.text.split()) for row in list(table.rows)[1:] for cell in row.cells)
    assert words > 80  # more than a slide of a split table holds
    sizes = {run.font.size.pt for row in table.rows for cell in row.cells
             for p in cell.text_frame.paragraphs for run in p.runs}
    assert min(sizes) >= 18, sizes


def body_lines(slide) -> list[str]:  # noqa: ANN001
    return [p.text for shape in slide.placeholders if shape.placeholder_format.idx == 1
            for p in shape.text_frame.paragraphs if p.text.strip()]


@pytest.mark.parametrize("name", ["en", "de"])
def test_the_summary_says_the_points_not_the_titles_again(decks: dict, name: str) -> None:
    """The three points a presenter says at the end (guide.yaml deck.recap), not a line
    for each of the agenda's chapters, each a point in its own words: none of them a
    title or a divider's line shown earlier in the deck, and the slide within 30 words."""
    prs = decks[name]
    slides = list(prs.slides)
    agenda, summary = body_lines(slides[1]), body_lines(slides[-2])
    assert len(summary) == 3 < len(agenda), (summary, agenda)
    shown = set()
    for slide in slides[1:-2]:
        for shape in slide.shapes:
            if shape.has_text_frame:
                shown |= {p.text.strip().rstrip(".").casefold()
                          for p in shape.text_frame.paragraphs}
    for line in summary:
        assert line.rstrip(".").casefold() not in shown, line
        assert not line.endswith("."), line  # a bullet, not a sentence
    assert sum(len(line.split()) for line in summary) <= 30
    notes = slides[-2].notes_slide.notes_text_frame.text
    assert "\n" in notes and notes.rstrip()[-1] in ".?!"


@pytest.mark.parametrize(("name", "labels"), [("en", ("Next step: ", "Questions later: ")),
                                              ("de", ("Nächster Schritt: ",
                                                      "Später noch etwas offen? "))])
def test_the_closing_slide_says_what_happens_next_without_a_sample_address(
        decks: dict, name: str, labels: tuple[str, str]) -> None:
    """A next step and a real way to ask (a team and its channel), never a placeholder
    address such as someone@company.example."""
    closing = list(decks[name].slides)[-1]
    lines = [p.text for shape in closing.shapes if shape.has_text_frame
             for p in shape.text_frame.paragraphs if p.text.strip()]
    step = next(line for line in lines if line.startswith(labels[0]))
    ask = next(line for line in lines if line.startswith(labels[1]))
    assert len(step.split()) >= 6 and "#sales-marketing" in ask, (step, ask)
    assert not any(re.search(r"@|\.example\b|example\.(com|org)", line) for line in lines), lines


def short_lists(prs) -> list[tuple[int, object]]:  # noqa: ANN001
    """(index, slide) of the content slides whose body is a list of five items or fewer."""
    found = []
    for index, slide in enumerate(prs.slides):
        if slide not in content_slides(prs):
            continue
        bodies = [s for s in slide.placeholders if s.placeholder_format.idx == 1]
        if bodies and 1 < len(body_lines(slide)) <= 5:
            found.append((index, slide))
    return found


@pytest.mark.parametrize("name", ["en", "de"])
def test_a_short_list_is_set_as_its_siblings(
        paths: dict[str, Path], decks: dict, name: str, tmp_path: Path) -> None:
    """The takeaways, checklist and questions slides, as LibreOffice lays them out: at
    one size, the lists' 24 pt (not made larger), their text starting at the top of the
    room between the title and the footer as on every list slide (one grid), and spaced
    as the others (test_list_spacing): a short list is not spread down its slide."""
    import pdfplumber

    prs = decks[name]
    short = short_lists(prs)
    assert len(short) >= 3
    profile = tmp_path / "profile"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(paths[name])],
                   capture_output=True, timeout=180, check=False)
    pdf = tmp_path / f"{paths[name].stem}.pdf"
    assert pdf.is_file(), "LibreOffice wrote no PDF"
    footer_top = min(s.top for s in short[0][1].placeholders if s.name.startswith("Footer")) / PT
    sizes = set()
    with pdfplumber.open(pdf) as document:
        for index, slide in short:
            title = slide.shapes.title
            top = (title.top + title.height) / PT
            words = [w for w in document.pages[index].extract_words()
                     if top < w["top"] and w["bottom"] < footer_top]
            highest = min(w["top"] for w in words)
            assert (highest - top) / (footer_top - top) <= 0.25, (title.text, highest, top)
            sizes |= {run.font.size.pt for p in slide.placeholders[1].text_frame.paragraphs
                      for run in p.runs}
    assert sizes == {24}, sizes
