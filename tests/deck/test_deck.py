"""The deck read back by independent tools: python-pptx, the theme XML, LibreOffice and pypdf."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from smguide.cli import main
from smguide.commands.build import build_slides
from smguide.deck.measuring import family_fonts
from smguide.deck.plan import deck_title, load_plan, yaml_scalar
from smguide.deck.render import DeckOptions
from smguide.deck.textfit import SCALE, Span, text_height
from smguide.deck.write import spans
from smguide.errors import ContentError
from smguide.model.guide import Analogy, Comparison
from smguide.model.options import Sources
from smguide.resources import builtin
from smguide.sources.brand import load_brand
from smguide.sources.content import load_guide
from smguide.sources.markdown import Writing, to_plain
from tests.deckgeometry import paras_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GUIDE = load_guide(builtin("content"))
BRAND, _ = load_brand(builtin("brand") / "_brand.yml")
FOOTER = BRAND.footer_in(GUIDE.language) or BRAND.footer  # the English edition's footer
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def build(out: Path, content: Path | None = None, **options: object) -> Path:
    sources = Sources(content or builtin("content"), builtin("brand") / "_brand.yml")
    return build_slides(sources, out, DeckOptions(**options)).path  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def deck_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("deck") / "deck.pptx")


@pytest.fixture(scope="module")
def deck(deck_path: Path):  # noqa: ANN201 - python-pptx's Presentation
    return Presentation(str(deck_path))


@pytest.fixture(scope="module")
def long_deck(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """Over-long content (a 200-character title, 25-item lists, long cells), with the
    built-in labels."""
    folder = tmp_path_factory.mktemp("long")
    shutil.copytree(FIXTURES / "deck-long", folder / "content")
    shutil.copy(builtin("content") / "labels.yaml", folder / "content" / "labels.yaml")
    return Presentation(str(build(folder / "long.pptx", folder / "content")))


def block(kind: type) -> object:
    return next(b for c in GUIDE.chapters for b in c.blocks if isinstance(b, kind))


# -- what the deck holds ----------------------------------------------------------------


def pages_of(content: Path) -> list[int]:
    """Each slide's page within its planned slide (0: the first, 1 and on: those that
    continue it), as the renderer tells of them while measuring without slides."""
    from smguide.commands.build import load
    from smguide.deck.render import DeckRenderer

    guide, brand, _ = load(Sources(content, builtin("brand") / "_brand.yml"))
    pages: list[int] = []
    DeckRenderer(guide, brand, on_page=lambda _, page: pages.append(page), fitting=True).fit()
    return pages


def test_slide_count_equals_the_plan(deck) -> None:  # noqa: ANN001
    pages = pages_of(builtin("content"))
    assert len(deck.slides) == len(pages) == len(load_plan(GUIDE, None)) + sum(
        page > 0 for page in pages)


def test_a_continued_slide_names_what_it_shows_a_table_is_its_title_continued(
        deck, long_deck) -> None:  # noqa: ANN001
    """A slide that continues a table, a numbered list or the practice cards is titled as
    it, continued in the guide's words ("Deals now, or trust over time (continued)": the
    rows name themselves in its first column; "A checklist of twenty-five items
    (continued)": its items keep counting; the cards name themselves); any other
    continued slide with what it shows ("Sales: what it takes") or, for a list with
    nothing to name, its place ("Key takeaways (2/3)"), never its first slide's title
    again."""
    marked = f" ({GUIDE.labels.continued})"
    for prs in (deck, long_deck):
        titles = [slide.shapes.title.text for slide in prs.slides]
        for number, slide in enumerate(prs.slides):
            table = any(getattr(s, "has_table", False) and s.has_table for s in slide.shapes)
            numbered = _numbered(slide) or any(s.name == "Card" for s in slide.shapes)
            title = titles[number]
            if title.endswith(marked):  # a table, a numbered list or the practice cards
                assert table or numbered, title
                assert titles[number - 1] in (title[:-len(marked)], title), title
            elif table and number and titles[number - 1].startswith(title):
                raise AssertionError(("a continued table is not marked", title))
    titles = [slide.shapes.title.text for slide in long_deck.slides]
    marked_titles = [t for t in titles if t.endswith(marked)]
    assert len(marked_titles) >= 2, titles  # the long guide's table and checklist run on
    assert not [t for t in titles if re.search(r": \d+(–\d+)?$", t)], titles


def _numbered(slide: Any) -> bool:
    """Whether the slide's body is a numbered list (its first item numbered)."""
    body = next((s for s in slide.placeholders if s.placeholder_format.idx == 1), None)
    if body is None or not body.has_text_frame:
        return False
    p_pr = body.text_frame.paragraphs[0]._p.pPr
    return p_pr is not None and p_pr.find(f"{A}buAutoNum") is not None


def test_every_slide_has_a_title_and_speaker_notes(deck) -> None:  # noqa: ANN001
    for number, slide in enumerate(deck.slides, 1):
        assert slide.shapes.title is not None and slide.shapes.title.text.strip(), number
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), number


def test_notes_come_from_the_content(deck) -> None:  # noqa: ANN001
    notes = [slide.notes_slide.notes_text_frame.text for slide in deck.slides]
    with_notes = [b for c in GUIDE.chapters for b in c.blocks if b.type == "role" and b.notes]
    assert with_notes and all(any(to_plain(b.notes) in n for n in notes)
                              for b in with_notes)
    # a chapter's notes open its first slide (the built-in guide has no divider)
    chapters = [c for c in GUIDE.chapters if any(s.chapter == c for s in load_plan(GUIDE, None))]
    assert chapters and all(any(to_plain(c.notes) in n for n in notes)
                            for c in chapters if c.notes)
    opening = GUIDE.deck.opening.split("\n\n")
    assert notes[0] == "\n".join(to_plain(p) for p in opening)


def test_title_agenda_sections_and_closing(deck) -> None:  # noqa: ANN001
    titles = [slide.shapes.title.text for slide in deck.slides]
    assert titles[0] == GUIDE.title and titles[1] == GUIDE.labels.agenda
    assert titles[-2] == GUIDE.deck.summary_title and titles[-1] == GUIDE.labels.questions_title
    plan = load_plan(GUIDE, None)
    # a divider for every part of the agenda or none: the built-in guide's chapters
    # mostly have one slide, so none (the line above each title names its chapter)
    dividers = [slide for slide in deck.slides if slide.slide_layout.name == "Section Header"]
    assert dividers == [] and not any(s.kind == "section" for s in plan)
    # a chapter's only slide is titled with its deck: line
    alone = [c for c in GUIDE.chapters if [s.kind for s in plan if s.chapter == c] == ["block"]]
    assert alone and all(deck_title(c) in titles for c in alone)
    # no takeaways slide where a chapter has content: the summary slide recaps them
    assert GUIDE.labels.key_takeaways not in titles
    # the agenda lists the chapters the deck shows, in the order it shows them
    shown = []
    for slide in deck.slides:
        brow = next((s.text_frame.text for s in slide.shapes if s.name == "Eyebrow"), "")
        chapter = next((c for c in GUIDE.chapters
                        if slide.shapes.title.text == c.title or brow == c.title.upper()
                        or brow == c.title), None)
        if chapter is not None and chapter.title not in shown:
            shown.append(chapter.title)
    agenda = deck.slides[1].placeholders[1].text_frame.text.split("\n")
    assert agenda == shown and "Glossary" not in agenda
    # the closing slide says what happens next (its lines broken evenly: a line break
    # where the text wraps)
    closing = re.sub(r" ?\v", " ", deck.slides[-1].placeholders[1].text_frame.text)
    assert GUIDE.deck.next_step in closing and GUIDE.deck.contact in closing


def test_comparison_is_a_native_table_equal_to_the_content(deck) -> None:  # noqa: ANN001
    comparison = block(Comparison)
    tables = [shape.table for slide in deck.slides for shape in slide.shapes if shape.has_table]
    assert len(tables) == 1, "its slide rows, whole on one slide"
    rows = []
    for table in tables:
        cells = [[table.cell(r, c).text for c in range(3)] for r in range(len(table.rows))]
        assert cells[0] == ["", *comparison.columns]
        rows += cells[1:]
    assert comparison.slide  # the short rows the slide shows, not the handbook's
    assert rows == [[row.aspect, *(to_plain(v) for v in row.values)] for row in comparison.slide]
    table = tables[0]
    header = table.cell(0, 1)
    assert header.text_frame.paragraphs[0].runs[0].font.color.theme_color.name == "BACKGROUND_1"
    # the colours come from a table style, not from fills on the cells that override it
    assert not list(table._tbl.iter(f"{A}tcPr/{A}solidFill"))
    assert table.first_row and table.horz_banding
    style_id = table._tbl.tblPr.find(f"{A}tableStyleId").text
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    styles = etree.fromstring(deck.part.part_related_by(RT.TABLE_STYLES).blob)
    (style,) = [s for s in styles.iter(f"{A}tblStyle") if s.get("styleId") == style_id]
    fills = {part.tag.split("}")[1]: part.find(f"{A}tcStyle/{A}fill/{A}solidFill/{A}schemeClr")
             for part in style}
    assert fills["firstRow"].get("val") == "accent1" and fills["band2H"].get("val") == "bg2"
    assert fills["wholeTbl"] is None  # the slide shows through the other rows


def walk(shapes):  # noqa: ANN001, ANN201
    """Every shape inside a group, the shapes of groups inside it too."""
    for shape in shapes:
        yield shape
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from walk(shape.shapes)


def test_analogy_is_a_diagram_of_native_shapes_with_content_labels(deck) -> None:  # noqa: ANN001
    analogy = block(Analogy)
    groups = [shape for slide in deck.slides for shape in slide.shapes
              if shape.shape_type == MSO_SHAPE_TYPE.GROUP]
    assert len(groups) == 1
    group = groups[0]
    assert group._element.nvGrpSpPr.cNvPr.get("descr") == analogy.alt
    # one group per part, named after it, of native shapes (autoshapes and freeforms)
    pictures = {shape.name: shape for shape in group.shapes
                if shape.shape_type == MSO_SHAPE_TYPE.GROUP}
    assert set(pictures) == {part.name for part in analogy.parts}
    drawn = {name: len(list(walk(picture.shapes))) for name, picture in pictures.items()}
    # every part is drawn in several shapes but the garden, which is its bed alone (the
    # garden's name labels the bed)
    assert all(count >= 1 for count in drawn.values())
    assert [name for name, count in drawn.items() if count < 3] in ([], ["The garden"]), drawn
    for picture in pictures.values():
        inside = list(walk(picture.shapes))
        assert {s.shape_type for s in inside} <= {MSO_SHAPE_TYPE.AUTO_SHAPE,
                                                  MSO_SHAPE_TYPE.FREEFORM}
        assert all(s.name.startswith(picture.name + ":") for s in inside)
    names = [shape.name for shape in walk(group.shapes)]
    for generic in ("Garden", "Soil", "Seed", "Sun", "Water drop", "Basket", "Leaf"):
        assert generic not in names
    assert "Ground: The garden, The soil" in names  # the band the seed stands in
    # an arrow from each thing that helps, and one to the harvest
    assert sum(shape.shape_type == MSO_SHAPE_TYPE.LINE for shape in group.shapes) == 3
    assert not [s for s in walk(group.shapes) if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    # (a wrapped label's last two words may be tied by a no-break space)
    labels = {shape.name: shape.text_frame.text.replace("\u00a0", " ")
              for shape in group.shapes if shape.name.startswith("Label")}
    for part in analogy.parts:
        assert part.name in labels[f"Label: {part.name}"]
        assert part.stands_for in labels[f"Label: {part.name}"]


def test_a_diagram_part_named_with_markup_characters_keeps_its_name(tmp_path: Path) -> None:
    """The diagram's shapes are written as XML text (diagramshapes._add): a part's name
    with &, <, quotes and a tab is the name python-pptx reads back, on each of its shapes."""
    content = tmp_path / "content"
    shutil.copytree(builtin("content"), content)
    chapter = content / "chapters" / "05-seed-and-garden.yaml"
    odd = 'R&D <lab> "seed"\tone'
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        "name: The seed", f"name: {yaml_scalar(odd)}"), encoding="utf-8")
    deck = Presentation(str(build(tmp_path / "deck.pptx", content)))
    group = next(shape for slide in deck.slides for shape in slide.shapes
                 if shape.shape_type == MSO_SHAPE_TYPE.GROUP)
    odd = 'R&D <lab> “seed”\tone'  # a plain-text field's quotes are typeset, as the body's
    seed = next(shape for shape in group.shapes if shape.name == odd)
    names = [shape.name for shape in walk(seed.shapes)]
    assert names[0] == f"{odd}: frame" and len(names) >= 3
    assert all(name.startswith(f"{odd}: seed ") for name in names[1:])


def test_theme_colours_and_fonts_are_the_brands(deck_path: Path) -> None:
    with zipfile.ZipFile(deck_path) as package:
        theme = etree.fromstring(package.read("ppt/theme/theme1.xml"))
    scheme = theme.find(f".//{A}clrScheme")

    def slot(name: str) -> str:
        return "#" + scheme.find(f"{A}{name}/{A}srgbClr").get("val").lower()

    colours = BRAND.colours
    assert slot("dk1") == colours["foreground"] and slot("lt1") == colours["background"]
    assert slot("accent1") == colours["primary"] and slot("accent2") == colours["secondary"]
    assert slot("accent3") == colours["tertiary"] and slot("lt2") == colours["light"]
    assert theme.find(f".//{A}majorFont/{A}latin").get("typeface") == BRAND.heading_family
    assert theme.find(f".//{A}minorFont/{A}latin").get("typeface") == BRAND.base_family


def test_one_brand_colour_recolours_the_deck(tmp_path: Path) -> None:
    brand_dir = tmp_path / "brand"
    shutil.copytree(builtin("brand"), brand_dir)
    path = brand_dir / "_brand.yml"
    path.write_text(path.read_text().replace('forest: "#2f6b4f"', 'forest: "#123456"'))
    out = build_slides(Sources(builtin("content"), path), tmp_path / "d.pptx", DeckOptions())
    with zipfile.ZipFile(out.path) as package:
        assert b'<a:accent1><a:srgbClr val="123456"/>' in package.read("ppt/theme/theme1.xml")


def test_logo_is_on_the_master_and_title_slide_with_alt_text(deck, deck_path: Path) -> None:  # noqa: ANN001
    master_pics = [s for s in deck.slide_master.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    title_pics = [s for s in deck.slides[0].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    for pic in master_pics + title_pics:
        assert pic._element.nvPicPr.cNvPr.get("descr") == BRAND.logo_alt
    assert master_pics and title_pics
    with zipfile.ZipFile(deck_path) as package:
        assert any(name.endswith(".svg") for name in package.namelist())


def test_every_picture_has_alt_text(deck) -> None:  # noqa: ANN001
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                descr = shape._element.nvPicPr.cNvPr.get("descr")
                assert descr and not descr.endswith((".png", ".svg"))


def test_slide_numbers_and_footer(deck) -> None:  # noqa: ANN001
    for number, slide in enumerate(deck.slides, 1):
        fields = slide._element.findall(f".//{A}fld[@type='slidenum']")
        texts = [shape.text_frame.text for shape in slide.placeholders if shape.has_text_frame]
        if slide.slide_layout.name == "Title Slide":
            assert not fields
            continue
        assert [f.findtext(f"{A}t") for f in fields] == [str(number)]
        assert FOOTER in texts


def test_only_https_and_mailto_links_survive() -> None:
    text = ("[a](https://example.com) [b](http://example.com) [c](mailto:x@example.com) "
            "[d](#anchor) **bold** *it*")
    out = spans(text, Writing("en", tuple(GUIDE.typography.quotes)))
    assert [(s.text, s.href) for s in out if s.href] == [("a", "https://example.com"),
                                                         ("c", "mailto:x@example.com")]
    assert "".join(s.text for s in out) == "a b c d bold it"
    assert Span("bold", bold=True) in out and Span("it", italic=True) in out


def package_facts(path: Path) -> dict[str, str | None]:
    """What the package says of itself: its app properties and its named slide size."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        app = etree.fromstring(archive.read("docProps/app.xml"))
        size = etree.fromstring(archive.read("ppt/presentation.xml")).find(
            "{http://schemas.openxmlformats.org/presentationml/2006/main}sldSz")
    facts: dict[str, str | None] = {etree.QName(e).localname: e.text for e in app}
    facts["size type"] = size.get("type")
    return facts


def test_aspect_4_3(tmp_path: Path) -> None:
    path = build(tmp_path / "d.pptx", aspect="4:3")
    prs = Presentation(str(path))
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)
    assert len(prs.slides) >= len(load_plan(GUIDE, None))
    facts = package_facts(path)
    assert (facts["PresentationFormat"], facts["size type"]) == ("On-screen Show (4:3)",
                                                                 "screen4x3")


def test_default_is_16_9(deck, deck_path: Path) -> None:  # noqa: ANN001
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)
    # the package describes this deck, not the template it was made from
    assert package_facts(deck_path) == {
        "Application": "smguide", "PresentationFormat": "On-screen Show (16:9)",
        "Slides": str(len(deck.slides)), "Notes": str(len(deck.slides)),
        "Company": BRAND.name, "size type": None}


# -- real clients -----------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it(deck, deck_path: Path, tmp_path: Path) -> None:  # noqa: ANN001
    profile = tmp_path / "profile"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck_path)],
                   capture_output=True, timeout=180, check=False)
    pdf = tmp_path / "deck.pdf"
    assert pdf.is_file(), "LibreOffice exits 0 even when it fails: no PDF was written"
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == len(deck.slides)
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    for phrase in (GUIDE.title, GUIDE.labels.questions_title, "Time horizon",
                   block(Analogy).parts[0].stands_for, FOOTER):
        assert phrase in text


# -- templates -----------------------------------------------------------------------------


def test_a_template_of_another_look_builds_the_same_deck(tmp_path: Path) -> None:
    sources = Sources(builtin("content"), builtin("brand") / "_brand.yml")
    built = build_slides(sources, tmp_path / "d.pptx",
                         DeckOptions(template=FIXTURES / "deck-template" / "dark.pptx"))
    prs = Presentation(str(built.path))
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert titles[0] == GUIDE.title and titles[-1] == GUIDE.labels.questions_title
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000), "keeps its own shape"
    assert len(prs.slides) >= len(load_plan(GUIDE, None))
    with zipfile.ZipFile(built.path) as package:  # its theme is left alone
        assert b'val="FCA311"' in package.read("ppt/theme/theme1.xml")


def test_a_template_without_a_section_layout_puts_dividers_on_another(tmp_path: Path) -> None:
    prs = Presentation(str(FIXTURES / "deck-template" / "dark.pptx"))
    section = prs.slide_layouts.get_by_name("Section Header")
    prs.slide_layouts.remove(section)
    template = tmp_path / "corporate.pptx"
    prs.save(str(template))
    content = tmp_path / "content"  # a guide whose one chapter has several slides
    shutil.copytree(FIXTURES / "deck-long", content)
    shutil.copy(builtin("content") / "labels.yaml", content / "labels.yaml")
    result = CliRunner().invoke(
        main, ["slides", "--content", str(content), "--template", str(template),
               "-o", str(tmp_path / "d.pptx")])
    assert result.exit_code == 0, result.output
    deck = Presentation(str(tmp_path / "d.pptx"))
    chapter = load_guide(content).chapters[0]
    divider = next(s for s in list(deck.slides)[1:] if s.shapes.title.text == chapter.title)
    assert divider.slide_layout.name == "Title Slide"  # a title and one text box, like it


def test_a_pin_to_a_layout_the_template_lacks_is_a_one_line_error(tmp_path: Path) -> None:
    prs = Presentation(str(FIXTURES / "deck-template" / "dark.pptx"))
    template = tmp_path / "corporate.pptx"
    prs.save(str(template))
    brand = tmp_path / "brand"
    shutil.copytree(builtin("brand"), brand)
    text = (brand / "_brand.yml").read_text()
    (brand / "_brand.yml").write_text(text.replace(
        "  smguide:\n", "  smguide:\n    layouts:\n      section: Chapter Divider\n", 1))
    content = tmp_path / "content"  # a guide with a divider
    shutil.copytree(FIXTURES / "deck-long", content)
    shutil.copy(builtin("content") / "labels.yaml", content / "labels.yaml")
    result = CliRunner().invoke(
        main, ["slides", "--content", str(content), "--template", str(template),
               "--brand", str(brand / "_brand.yml"), "-o", str(tmp_path / "d.pptx")])
    assert result.exit_code == 1
    names = ", ".join(f'{n} "{layout.name}"' for n, layout in enumerate(prs.slide_layouts, 1))
    line = (brand / "_brand.yml").read_text().splitlines().index(
        "      section: Chapter Divider") + 1
    assert result.stderr.strip() == (
        f"Error: {brand / '_brand.yml'}:{line}:7: defaults.smguide.layouts.section: {template} "
        f"has no "
        f'slide layout named "Chapter Divider"; its layouts are: {names}. Give one of these '
        f"names or numbers")
    assert "Traceback" not in result.output
    assert not (tmp_path / "d.pptx").exists()


# -- the plan --------------------------------------------------------------------------------


def write_plan(tmp_path: Path, text: str) -> Path:
    (tmp_path / "deck").mkdir(parents=True)
    (tmp_path / "deck" / "plan.yaml.j2").write_text(text)
    return tmp_path


def where_is(kind: str) -> tuple[int, int]:
    """(chapter number, block number) of the first block of `kind` in the built-in guide."""
    return next((c.number, i) for c in GUIDE.chapters for i, b in enumerate(c.blocks, 1)
                if b.type == kind)


def test_a_plan_override_chooses_the_slides(tmp_path: Path) -> None:
    chapter, number = where_is("comparison")
    templates = write_plan(tmp_path / "t", "- kind: title\n  layout: Title Slide\n"
                                           "- kind: block\n  layout: Title Only\n"
                                           f"  chapter: {chapter}\n  block: {number}\n")
    sources = Sources(builtin("content"), builtin("brand") / "_brand.yml", templates)
    built = build_slides(sources, tmp_path / "d.pptx", DeckOptions())
    titles = [slide.shapes.title.text for slide in Presentation(str(built.path)).slides]
    heading = block(Comparison).heading
    assert titles[:2] == [GUIDE.title, heading]
    assert len(titles) == built.pages == 2  # its slide rows fit one slide


def test_plan_mistakes_are_reported_together(tmp_path: Path) -> None:
    templates = write_plan(tmp_path, "- kind: block\n  layout: Title Only\n  chapter: 1\n"
                                     "  block: 1\n- kind: sections\n  layout: X\n")
    with pytest.raises(ContentError) as caught:
        load_plan(GUIDE, templates)
    assert caught.value.problems == [
        'deck/plan.yaml.j2 (rendered):5:3: item 2, kind: expected one of title, agenda, section, '
        'block, summary, closing; got "sections" (did you mean "section"?)']
    chapter, number = where_is("prose")
    missing = len(GUIDE.chapters) + 1
    (tmp_path / "deck" / "plan.yaml.j2").write_text(
        f"- kind: block\n  layout: Title Only\n  chapter: {missing}\n  block: 1\n"
        f"- kind: block\n  layout: Title Only\n  chapter: {chapter}\n  block: {number}\n"
        "- kind: agenda\n  layout: Title Only\n  chapter: 1\n")
    with pytest.raises(ContentError) as caught:
        load_plan(GUIDE, templates)
    assert caught.value.problems == [
        f"deck/plan.yaml.j2 (rendered):1: slide 1 (block): chapter {missing} does not exist "
        f"(the guide has {len(GUIDE.chapters)})",
        'deck/plan.yaml.j2 (rendered):5: slide 2 (block): a "prose" block has no slide form; '
        "slides exist for role, comparison, analogy, practices, takeaways, checklist, "
        "questions, callout, glossary",
        "deck/plan.yaml.j2 (rendered):9: slide 3 (agenda): this kind takes neither chapter: "
        "nor block:"]


def test_content_values_are_data_in_the_plan() -> None:
    from smguide.sources.yamlsource import parse_yaml

    sneaky = 'x"\n- kind: title\n  layout: "Blank'
    assert parse_yaml(f"title: {yaml_scalar(sneaky)}\n").data == {"title": sneaky}


# -- over-long content -----------------------------------------------------------------------


def overflows(shape, fonts) -> bool:  # noqa: ANN001
    """Does the text need more height than its box has (by the same font metrics)?"""
    frame = shape.text_frame
    width = (shape.width - frame.margin_left - frame.margin_right) / 12700
    height = (shape.height - frame.margin_top - frame.margin_bottom) / 12700
    return text_height(paras_of(frame), width, 1.0, fonts) > height


def table_overflows(frame, fonts) -> bool:  # noqa: ANN001
    table = frame.table
    for r, row in enumerate(table.rows):
        for c, column in enumerate(table.columns):
            cell = table.cell(r, c)
            width = (column.width - cell.margin_left - cell.margin_right) / 12700
            need = text_height(paras_of(cell.text_frame), width, 1.0, fonts)
            if need + (cell.margin_top + cell.margin_bottom) / 12700 > row.height / 12700 + 0.5:
                return True
    return frame.top + sum(row.height for row in table.rows) > frame.top + frame.height + 12700


def test_long_content_is_continued_and_nothing_overflows(long_deck) -> None:  # noqa: ANN001
    fonts = family_fonts(BRAND, "Lato")
    titles = [slide.shapes.title.text for slide in long_deck.slides]
    marked = f" ({GUIDE.labels.continued})"
    continued = [t for t in titles if re.search(r" \(\d+/\d+\)$|: |·|–", t)
                 or t.endswith(marked)]
    assert len(continued) >= 5, titles  # list, role, table, practices, checklist
    for number, slide in enumerate(long_deck.slides, 1):
        shapes = [s for s in slide.shapes if s.has_text_frame]
        shapes += [s for g in slide.shapes if g.shape_type == MSO_SHAPE_TYPE.GROUP
                   for s in g.shapes if s.has_text_frame]
        for shape in shapes:
            assert not overflows(shape, fonts), f"slide {number}: {shape.name} overflows"
        for frame in (s for s in slide.shapes if s.has_table):
            assert not table_overflows(frame, fonts), f"slide {number}: the table overflows"
            assert frame.top + frame.height < long_deck.slide_height - 457200


def test_every_chapter_of_several_slides_opens_with_a_divider(long_deck) -> None:  # noqa: ANN001
    """Where every chapter shown has more than one content slide (the long guide's one
    chapter has six blocks), each opens with a divider titled like it, with no line above
    the title (it is the chapter's), right after the agenda that lists it."""
    titles = [slide.shapes.title.text for slide in long_deck.slides]
    dividers = [n for n, slide in enumerate(long_deck.slides)
                if slide.slide_layout.name == "Section Header"]
    assert dividers == [2], titles
    divider = long_deck.slides[2]
    chapter = yaml.safe_load((FIXTURES / "deck-long" / "chapters" / "01-long.yaml").read_text())
    assert titles[2] == chapter["title"]
    assert not [s.name for s in divider.shapes if s.name == "Eyebrow"]


def test_long_title_is_shrunk_not_cut(long_deck) -> None:  # noqa: ANN001
    title = long_deck.slides[0].shapes.title
    assert len(title.text) == 200
    assert title.text_frame.paragraphs[0].runs[0].font.size.pt < 40


def test_continued_numbered_lists_keep_counting(long_deck) -> None:  # noqa: ANN001
    checklist = [s for s in long_deck.slides if s.shapes.title.text.startswith("A checklist")]
    second = checklist[1].placeholders[1].text_frame.paragraphs[0]._p
    start = int(second.pPr.find(f"{A}buAutoNum").get("startAt"))
    assert start == len(checklist[0].placeholders[1].text_frame.paragraphs) + 1


# -- the CLI ---------------------------------------------------------------------------------


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Result]:
    monkeypatch.chdir(tmp_path)
    return lambda *args: CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_writes_the_deck_to_output_by_default(cli, tmp_path: Path) -> None:  # noqa: ANN001
    result = cli("slides")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "deck.pptx").is_file()
    slides = len(Presentation(str(tmp_path / "output" / "deck.pptx")).slides)
    assert re.search(rf"Wrote output/deck\.pptx \({slides} slides, [0-9.]+ s\)", result.stderr)
    assert not list((tmp_path / "output").glob(".*.tmp")), "written atomically"


# -- a proper file ---------------------------------------------------------------------------


P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


@pytest.fixture(scope="module")
def german_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("de") / "deck-de.pptx", builtin("content") / "de")


def parts(path: Path, prefix: str) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as package:
        return {name: etree.fromstring(package.read(name)) for name in package.namelist()
                if name.startswith(prefix) and name.endswith(".xml")}


@pytest.mark.parametrize(("which", "tag"), [("english", "en-US"), ("german", "de-DE")])
def test_every_run_carries_the_guides_language(which: str, tag: str, deck_path: Path,
                                               german_path: Path) -> None:
    """Runs, fields, line breaks (a wrapped title's, a card heading's) and paragraph ends
    of every slide and its notes carry the guide's language."""
    path = deck_path if which == "english" else german_path
    runs, breaks = 0, 0
    for prefix in ("ppt/slides/slide", "ppt/notesSlides/"):
        for name, root in parts(path, prefix).items():
            for run in root.iter(f"{A}r", f"{A}fld", f"{A}br"):
                runs += 1
                breaks += run.tag == f"{A}br"
                props = run.find(f"{A}rPr")
                assert props is not None and props.get("lang") == tag, (
                    name, etree.tostring(run))
            for end in root.iter(f"{A}endParaRPr"):
                assert end.get("lang") == tag, name
    # the German deck's wrapped titles and card headings have line breaks
    assert runs > 120 and (breaks >= 2 or which == "english"), (runs, breaks)
    presentation = parts(path, "ppt/presentation.xml")["ppt/presentation.xml"]
    defaults = presentation.find(f"{P}defaultTextStyle").iter(f"{A}defRPr")
    assert {d.get("lang") for d in defaults} == {tag}
    master = parts(path, "ppt/slideMasters/")["ppt/slideMasters/slideMaster1.xml"]
    assert {d.get("lang") for d in master.find(f"{P}txStyles").iter(f"{A}defRPr")} == {tag}


def test_alt_text_in_the_guides_language(german_path: Path) -> None:
    guide = load_guide(builtin("content") / "de")
    prs = Presentation(str(german_path))
    described = {}
    for slide in prs.slides:
        for shape in slide.shapes:
            c_nv_pr = shape._element.find(".//" + P + "cNvPr")
            if shape.shape_type in (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.GROUP) or \
                    shape.has_table:
                described[shape.name] = c_nv_pr.get("descr")
    assert described["Logo"] == guide.labels.logo_alt != BRAND.logo_alt
    assert described["Analogy diagram"] == block_of(guide, Analogy).alt
    comparison = block_of(guide, Comparison)
    table = next(v for k, v in described.items() if k.startswith("Table"))
    assert all(column in table for column in comparison.columns)
    assert all(row.aspect in table for row in comparison.slide or comparison.rows)


def block_of(guide, kind: type):  # noqa: ANN001, ANN201
    return next(b for c in guide.chapters for b in c.blocks if isinstance(b, kind))


def test_the_diagrams_connectors_are_glued_to_its_shapes(deck) -> None:  # noqa: ANN001
    group = next(shape for slide in deck.slides for shape in slide.shapes
                 if shape.shape_type == MSO_SHAPE_TYPE.GROUP)
    ids = {shape.shape_id: shape for shape in walk(group.shapes)}
    lines = [shape for shape in group.shapes if shape.shape_type == MSO_SHAPE_TYPE.LINE]
    assert len(lines) == 3
    for line in lines:
        props = line._element.find(f"{P}nvCxnSpPr/{P}cNvCxnSpPr")
        begin, end = props.find(f"{A}stCxn"), props.find(f"{A}endCxn")
        assert begin is not None and end is not None, line.name
        for joint, (x, y) in ((begin, (line.begin_x, line.begin_y)),
                              (end, (line.end_x, line.end_y))):
            shape = ids[int(joint.get("id"))]
            assert shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and int(joint.get("idx")) >= 0
            # the end sits on its shape's outline (within a point)
            reach = max(shape.width, shape.height) / 2 + 12700
            cx, cy = shape.left + shape.width / 2, shape.top + shape.height / 2
            assert abs(x - cx) <= reach and abs(y - cy) <= reach, (line.name, shape.name)


def test_no_leftovers_of_the_default_file(deck_path: Path) -> None:
    from PIL import Image

    with zipfile.ZipFile(deck_path) as package:
        names = package.namelist()
        thumbnail = Image.open(io.BytesIO(package.read("docProps/thumbnail.jpeg")))
        themes = [etree.fromstring(package.read(n)) for n in names if n.startswith("ppt/theme/")]
    assert not [n for n in names if "printerSettings" in n]
    assert {theme.get("name") for theme in themes} == {BRAND.name}
    # a picture of the title slide: 16:9, mostly the title slide's primary colour, with
    # light pixels (the title and the logo's disc) on it
    assert thumbnail.size == (256, 144)
    rgb = thumbnail.convert("RGB")
    pixels = [rgb.getpixel((x, y)) for x in range(0, 256, 2) for y in range(0, 144, 2)]
    primary = tuple(int(BRAND.colours["primary"][i:i + 2], 16) for i in (1, 3, 5))
    near = sum(all(abs(p - q) < 24 for p, q in zip(px, primary, strict=True)) for px in pixels)
    light = sum(min(px) > 200 for px in pixels)
    assert near > len(pixels) * 0.6 and light > len(pixels) * 0.01


def test_openxml_audit_finds_no_error(deck_path: Path, german_path: Path, tmp_path: Path) -> None:
    from tests.conftest import ooxml_problems

    dark = build(tmp_path / "dark.pptx", template=FIXTURES / "deck-template" / "dark.pptx")
    for path in (deck_path, german_path, dark):
        assert ooxml_problems(path) == [], path
    # and it does find errors: a run's properties after its text
    broken = tmp_path / "broken.pptx"
    with zipfile.ZipFile(deck_path) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "ppt/slides/slide2.xml":
                data = re.sub(rb"(<a:rPr [^>]*/>)(<a:t>[^<]*</a:t>)", rb"\2\1", data, count=1)
            target.writestr(info, data)
    assert ooxml_problems(broken)
    broken.unlink()  # the session's own check of every built deck would fail on it


# -- a presentation in its own right -------------------------------------------------------


FURNITURE = ("Footer", "Slide Number", "Slide number")  # placeholder names of the footer row
HANDBOOK_WORDS = {"en": r"\b(handbook|read|reading|page|pages)\b",
                  "de": r"\b(Handbuch|Handbuchs|lesen|gelesen|Seite|Seiten)\b"}


@pytest.fixture(scope="module")
def decks(deck_path: Path, german_path: Path, tmp_path_factory: pytest.TempPathFactory
          ) -> dict[str, object]:
    """The English and German decks at 16:9 and the English one on the dark 4:3 template."""
    dark = build(tmp_path_factory.mktemp("dark") / "dark.pptx",
                 template=FIXTURES / "deck-template" / "dark.pptx")
    return {name: Presentation(str(path)) for name, path in
            (("en", deck_path), ("de", german_path), ("dark", dark))}


def texts_of(slide) -> list[tuple[str, object, list[float], str]]:  # noqa: ANN001
    """(shape name, shape, run sizes, text) of every text on a slide, groups and tables
    included; the footer row left out."""
    out = []

    def walk(shapes) -> None:  # noqa: ANN001
        for shape in shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
                walk(shape.shapes)
                continue
            if shape.name.startswith(FURNITURE):
                continue
            frames = [shape.text_frame] if shape.has_text_frame else []
            if getattr(shape, "has_table", False) and shape.has_table:
                frames = [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for frame in frames:
                sizes = [run.font.size.pt for p in frame.paragraphs for run in p.runs
                         if run.font.size and run.text.strip()]
                out.append((shape.name, shape, sizes, frame.text))
    walk(slide.shapes)
    return out


def content_slides(prs) -> list[object]:  # noqa: ANN001
    return [s for s in prs.slides if s.slide_layout.name not in ("Title Slide",)
            and not s.slide_layout.name.startswith("Section")
            and s.shapes.title.text not in (GUIDE.labels.agenda,)]


@pytest.mark.parametrize("name", ["en", "de", "dark"])
def test_every_slide_has_its_own_spoken_notes(decks: dict, name: str) -> None:
    prs = decks[name]
    notes = [slide.notes_slide.notes_text_frame.text for slide in prs.slides]
    assert len(set(notes)) == len(notes), "two slides share their notes"
    for number, text in enumerate(notes, 1):
        assert text.strip(), number
        paragraphs = [p for p in text.split("\n") if p.strip()]
        assert all(len(p.split()) >= 2 for p in paragraphs), (number, text)
    # the opening, agenda and closing notes are sentences a presenter says, in paragraphs
    for number in (0, 1, len(notes) - 1):
        assert notes[number].count("\n") >= 1 and notes[number].rstrip()[-1] in ".?!", notes[number]
        assert "handbook" not in notes[number].lower() and "handbuch" not in notes[number].lower()


@pytest.mark.parametrize("name", ["en", "de"])
def test_slides_speak_as_a_presenter_not_as_the_handbook(decks: dict, name: str) -> None:
    words = re.compile(HANDBOOK_WORDS[name], re.IGNORECASE)
    for number, slide in enumerate(decks[name].slides, 1):
        for shape_name, _, _, text in texts_of(slide):
            assert not words.search(text), (number, shape_name, text)


@pytest.fixture(scope="module")
def decks_4_3(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The English and German decks at 4:3 in the brand's dark theme."""
    folder = tmp_path_factory.mktemp("decks-4x3")
    return {f"{name} 4:3": Presentation(str(build(folder / f"{name}.pptx", content,
                                                  theme="dark", aspect="4:3")))
            for name, content in (("en", builtin("content")), ("de", builtin("content") / "de"))}


@pytest.mark.parametrize("name", ["en", "de", "dark", "en 4:3", "de 4:3"])
def test_readable_from_the_back_of_the_room(decks: dict, decks_4_3: dict, name: str) -> None:
    """Nothing on a content slide below 14 pt, list and card text at 18 pt or more, at
    most 60 words a slide besides its title, eyebrow and a role's header, tables too: the
    built-in guide's decks in English and German at 16:9 and 4:3, and on the dark
    template."""
    for slide in content_slides({**decks, **decks_4_3}[name]):
        title = slide.shapes.title.text
        texts = texts_of(slide)
        sizes = [size for _, _, found, _ in texts for size in found]
        assert sizes and min(sizes) >= 14, (title, min(sizes))
        for shape_name, shape, found, _ in texts:
            if shape.is_placeholder and shape.placeholder_format.idx == 1 or shape_name in (
                    "Card", "Activities", "Skills", "Text"):
                body = [s for s in found if s >= 17.5] or found
                assert min(body) >= 17.5, (title, shape_name, found)
        words = sum(len(text.split()) for shape_name, shape, _, text in texts
                    if shape.shape_id != slide.shapes.title.shape_id and shape_name not in (
                        "Eyebrow", "Role header"))
        assert words <= 60, (name, title, words)


@pytest.mark.parametrize("name", ["en", "de", "dark"])
def test_one_type_scale_for_sibling_slides(decks: dict, name: str) -> None:
    prs = decks[name]
    content_titles = {s.shapes.title.text_frame.paragraphs[0].runs[0].font.size.pt
                      for s in content_slides(prs)}
    assert len(content_titles) == 1, content_titles
    dividers = {s.shapes.title.text_frame.paragraphs[0].runs[0].font.size.pt
                for s in prs.slides if s.slide_layout.name.startswith("Section")}
    assert len(dividers) <= 1, dividers

    def sizes(kind: str) -> set[float]:
        return {size for slide in prs.slides for shape_name, _, found, _ in texts_of(slide)
                if shape_name == kind for size in found}
    for kind in ("Activities", "Skills", "Role header", "Card", "Eyebrow"):
        assert len(sizes(kind)) <= 2, (kind, sizes(kind))  # a label line and its items
    lists = {p.runs[0].font.size.pt for slide in content_slides(prs)
             for shape in slide.placeholders if shape.placeholder_format.idx == 1
             for p in shape.text_frame.paragraphs if p.runs}
    assert len(lists) == 1, lists  # short lists too: their items apart, not larger


def test_takeaways_sit_on_the_handbooks_panel_under_the_chapters_eyebrow(deck) -> None:  # noqa: ANN001
    takeaways = [s for s in deck.slides if any(shape.name == "Takeaways panel"
                                               for shape in s.shapes)]
    assert len(takeaways) >= 1
    for slide in takeaways:
        names = [shape.name for shape in slide.shapes]
        assert "Takeaways panel" in names and "Takeaways rule" in names
        eyebrow = next(s for s in slide.shapes if s.name == "Eyebrow")
        run = eyebrow.text_frame.paragraphs[0].runs[0]
        assert run.font._rPr.get("cap") == "all" and run.font.size.pt == 14
        assert any(eyebrow.text_frame.text == c.title for c in GUIDE.chapters)
        assert eyebrow.top + eyebrow.height <= slide.shapes.title.top + 12700


def test_the_diagram_and_the_text_share_the_left_margin(deck) -> None:  # noqa: ANN001
    from smguide.deck.write import INSET_X

    slide = next(s for s in deck.slides
                 if any(shape.shape_type == MSO_SHAPE_TYPE.GROUP for shape in s.shapes))
    group = next(shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.GROUP)
    band = next(shape for shape in group.shapes if shape.name.startswith("Ground: "))
    title = slide.shapes.title
    text_left = title.left + INSET_X * 12700
    assert abs(band.left - text_left) < 12700 * 2


def test_embedded_fonts_travel_with_the_deck_where_the_licence_allows(tmp_path: Path) -> None:
    from fontTools.ttLib import TTFont

    from smguide.deck.fonts import FONT_TYPE, RT_FONT, may_embed

    path = build(tmp_path / "fonts.pptx", embed_fonts=True)
    prs = Presentation(str(path))
    listing = prs.part._element.find(f"{P}embeddedFontLst")
    assert listing is not None and prs.part._element.get("embedTrueTypeFonts") == "1"
    (entry,) = listing.findall(f"{P}embeddedFont")
    assert entry.find(f"{P}font").get("typeface") == BRAND.base_family == "Lato"
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    files = {face.path.read_bytes() for face in BRAND.faces if face.family == "Lato"}
    for style in ("regular", "bold", "italic", "boldItalic"):
        rel = prs.part.rels[entry.find(f"{P}{style}").get(rid)]
        assert rel.reltype == RT_FONT and rel.target_part.content_type == FONT_TYPE
        assert rel.target_part.blob in files  # the brand's own font file, whole
    from tests.conftest import ooxml_problems

    assert ooxml_problems(path) == []
    # a font whose licence restricts embedding stays out
    restricted = tmp_path / "restricted.ttf"
    font = TTFont(str(next(f.path for f in BRAND.faces if f.family == "Lato")))
    font["OS/2"].fsType = 0x0002
    font.save(str(restricted))
    assert may_embed(next(f.path for f in BRAND.faces)) and not may_embed(restricted)


COUNTS = {"en": {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10},
          "de": {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
                 "acht": 8, "neun": 9, "zehn": 10}}
# what a presenter counts out loud on a slide: its points, cards or rows
ITEMS = {"en": r"(reasons|points|practices|items|things|questions|rows|steps|habits|ideas|"
               r"lessons|cards)",
         "de": r"(Gründe|Punkte|Grundsätze|Praktiken|Fragen|Zeilen|Schritte|Dinge|"
               r"Gewohnheiten|Ideen)"}


def shown_items(slide) -> int:  # noqa: ANN001
    """How many things the slide lists: bullets of its body, cards, table rows (a header
    row aside) or a role's items."""
    cards = [s for s in slide.shapes if s.name == "Card"]
    if cards:
        return len(cards)
    for shape in slide.shapes:
        if getattr(shape, "has_table", False) and shape.has_table:
            return len(shape.table.rows) - 1
    body = [s for s in slide.placeholders if s.placeholder_format.idx == 1]
    if body:
        return len([p for p in body[0].text_frame.paragraphs if p.text.strip()])
    return 0


@pytest.mark.parametrize("name", ["en", "de", "dark"])
def test_the_notes_agree_with_their_slide(decks: dict, name: str) -> None:
    """What the presenter says fits what the audience sees: a number of points the notes
    name is the number the slide shows (unless said as "the first two", "the last
    two"); no notes and no slide text speak of the handbook, reading or pages; a
    continued slide has its own notes, never the first slide's again."""
    lang = "de" if name == "de" else "en"
    prs = decks[name]
    counted = re.compile(rf"(?<!first )(?<!last )(?<!ersten )(?<!letzten )\b"
                         rf"({'|'.join(COUNTS[lang])})\s+(?:\w+\s+)?{ITEMS[lang]}\b",
                         re.IGNORECASE)
    banned = re.compile(HANDBOOK_WORDS[lang], re.IGNORECASE)
    seen: dict[str, int] = {}
    for number, slide in enumerate(prs.slides, 1):
        notes = slide.notes_slide.notes_text_frame.text
        assert not banned.search(notes), (number, banned.search(notes).group(0), notes)
        for match in counted.finditer(notes):
            said = COUNTS[lang][match.group(1).lower()]
            assert said == shown_items(slide), (number, match.group(0), shown_items(slide))
        for paragraph in (p for p in notes.split("\n") if len(p.split()) > 6):
            assert paragraph not in seen, (number, "says again what slide", seen[paragraph],
                                           "said", paragraph)
            seen[paragraph] = number


STAGE = {"en": r"\bwalk through\b|\bpoint to stress\b|\bthis slide\b|\bstress that\b",
         "de": r"\bGehen Sie\b.*\bdurch\b|\bBetonen Sie\b|\bDiese Folie\b"}
OPENERS = {"en": r"(Here is|Here are|These are|This slide|Now let[’']s|Now we)\b",
           "de": r"(Hier ist|Hier sind|Hier sehen|Das sind|Diese Folie|Schauen wir|Nun zum)\b"}


@pytest.mark.parametrize("name", ["en", "de", "dark"])
def test_the_notes_are_speech_not_stage_directions(decks: dict, name: str) -> None:
    """The presenter reads the notes aloud: no instructions to the presenter ("Walk
    through the picture", "Betonen Sie"), and a slide opens once (its later paragraphs
    go on from the first, not "Now let's look at..." then "This slide sums up...")."""
    lang = "de" if name == "de" else "en"
    stage, opener = re.compile(STAGE[lang], re.IGNORECASE), re.compile(OPENERS[lang])
    for number, slide in enumerate(decks[name].slides, 1):
        paragraphs = [p for p in slide.notes_slide.notes_text_frame.text.split("\n") if p]
        assert not [p for p in paragraphs if stage.search(p)], (number, paragraphs)
        assert not [p for p in paragraphs[1:] if opener.match(p)], (number, paragraphs)


@pytest.mark.parametrize("name", ["en", "de", "dark"])
def test_text_fits_in_the_font_powerpoint_shows_without_the_brands(decks: dict,
                                                                    name: str) -> None:
    """On a presenter's computer without Lato, PowerPoint shows Arial: every text box,
    card and table cell still fits measured with Liberation Sans (Arial's widths)."""
    from smguide.deck.textfit import system_fonts

    arial = system_fonts("Liberation Sans")
    if arial is None:
        pytest.skip("Liberation Sans (fonts-liberation, scripts/bootstrap) is not installed")
    for number, slide in enumerate(decks[name].slides, 1):
        for shape in slide.shapes:  # the diagram's labels (a group) are measured with Lato
            if shape.has_text_frame and shape.text_frame.text.strip():
                assert not overflows(shape, arial), (name, number, shape.name)
            if getattr(shape, "has_table", False) and shape.has_table:
                assert not table_overflows(shape, arial), (name, number, "table")


def test_text_on_a_dark_decks_boxes_reads(tmp_path: Path) -> None:
    """On the brand's dark deck, the practice cards' titles and every second row label
    of the table stand on shaded boxes, the other rows on the slide: their colour reads
    on what is behind them (3:1 for large bold text), though the lightened primary they
    have on a light deck would not read on the shade."""
    from smguide.deck.theme import shown_colours
    from smguide.model.colors import contrast
    from tests.deckcontrast import _Colours

    prs = Presentation(str(build(tmp_path / "dark.pptx", theme="dark", aspect="4:3")))
    colours = shown_colours(prs.slide_master)
    shown = _Colours(prs.slide_master)
    assert contrast(colours["accent1"], colours["bg2"]) < 3  # the case this is about
    checked = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            runs = []  # (run, the tone behind it)
            if shape.name == "Card":
                runs = [(r, "bg2") for r in shape.text_frame.paragraphs[0].runs]
            elif getattr(shape, "has_table", False) and shape.has_table:
                runs = [(r, "bg2" if n % 2 else "bg1")  # banded: every second row shaded
                        for n, row in enumerate(list(shape.table.rows)[1:])
                        for r in row.cells[0].text_frame.paragraphs[0].runs]
            for run, behind in runs:  # a theme colour, perhaps lightened (lumOff)
                tone = shown.of(run.font._rPr.find(f"{A}solidFill/{A}schemeClr"))
                assert contrast(tone, colours[behind]) >= 3, (shape.name, run.text,
                                                              tone, behind)
                checked += behind == "bg2"
    assert checked >= 6


@pytest.mark.parametrize("name", ["en", "de", "dark"])
def test_titles_stand_above_the_text_under_them(decks: dict, name: str) -> None:
    """The dark template's title box takes titles down to 24 pt: the lists and role
    cards step down with them, so a title is at least a step of the type scale over
    them."""
    prs = decks[name]
    title = min(s.shapes.title.text_frame.paragraphs[0].runs[0].font.size.pt
                for s in content_slides(prs))
    body = [size for slide in content_slides(prs) for shape_name, shape, found, _ in
            texts_of(slide) if shape_name in ("Activities", "Skills", "Role header")
            or (shape.is_placeholder and shape.placeholder_format.idx == 1)
            for size in found if size >= 17.5]
    assert body and SCALE.index(max(body)) < SCALE.index(title), (title, max(body))


def test_text_on_the_dark_theme_reads_at_4_5(tmp_path: Path) -> None:
    """The brand's dark deck, read back: titles (content and section slides) and the
    agenda's and checklist's numbers on the charcoal background, and the text on the
    primary colour (title slide, role banners, table headers), all at 4.5:1 or more."""
    import colorsys

    from smguide.deck.theme import shown_colours
    from smguide.model.colors import contrast

    path = build(tmp_path / "dark.pptx", theme="dark", aspect="4:3")
    prs = Presentation(str(path))
    colours = shown_colours(prs.slide_master)

    def colour(fill) -> str:  # noqa: ANN001 - an a:solidFill element
        srgb = fill.find(f"{A}srgbClr")
        if srgb is not None:
            return f"#{srgb.get('val').lower()}"
        scheme = fill.find(f"{A}schemeClr")
        base, lighter = colours[scheme.get("val")], scheme.find(f"{A}lumOff")
        if lighter is None:
            return base
        hue, light, sat = colorsys.rgb_to_hls(*(int(base[i:i + 2], 16) / 255
                                                for i in (1, 3, 5)))
        rgb = colorsys.hls_to_rgb(hue, min(1.0, light + int(lighter.get("val")) / 100000),
                                  sat)
        return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)

    bg, primary = colours["bg1"], colours["accent1"]
    pairs = [("titles", colour(prs.slide_master._element.find(
        f".//{P}titleStyle/{A}lvl1pPr/{A}defRPr/{A}solidFill")), bg)]
    for layout in prs.slide_master.slide_layouts:
        for ph in layout.placeholders:
            fill = ph._element.find(f".//{A}lstStyle/{A}lvl1pPr/{A}defRPr/{A}solidFill")
            if layout.name == "Section Header" and ph.placeholder_format.idx == 0:
                pairs.append(("section title", colour(fill), bg))
            if layout.name == "Title Slide" and fill is not None:
                pairs.append(("title slide", colour(fill), primary))
    numbers = banners = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name == "Role header":
                for run in shape.text_frame.paragraphs[0].runs:
                    pairs.append(("role banner", colour(run.font._rPr.find(f"{A}solidFill")),
                                  primary))
                    banners += 1
            if not shape.has_text_frame:
                continue
            for p in shape.text_frame.paragraphs:
                ppr = p._p.pPr
                if ppr is not None and ppr.find(f"{A}buAutoNum") is not None:
                    pairs.append(("number", colour(ppr.find(f"{A}buClr")), bg))
                    numbers += 1
    with zipfile.ZipFile(path) as z:
        styles = etree.fromstring(z.read("ppt/tableStyles.xml"))
    head = styles.find(f".//{A}firstRow/{A}tcTxStyle/{A}schemeClr")
    pairs.append(("table header", colours[head.get("val")], primary))
    assert banners >= 4 and numbers >= 12  # the agenda's 7 and the checklist's 5
    low = [(what, a, b, round(contrast(a, b), 2)) for what, a, b in pairs
           if contrast(a, b) < 4.5]
    assert not low
    assert not [w for w in BRAND.deck_warnings("dark") if "low contrast" in w.message]


def test_the_dark_contrast_warning_names_titles_and_banners_below_4_5() -> None:
    """deck_warnings checks the pairs the dark theme got wrong: titles at 4.5:1 (not 3),
    and the text the deck sets on the primary colour."""
    import dataclasses

    dark = dict(BRAND.dark_colours, primary="#447a61", headings="#447a61")
    brand = dataclasses.replace(BRAND, dark_colours=dark, screen_notes=())
    said = " ".join(w.message for w in brand.deck_warnings("dark"))
    assert "slide titles in the deck (dark theme)" in said
    assert "role banners and table headers" in said


@pytest.mark.parametrize(("name", "focus", "contact"),
                         [("en", "Time horizon: short-term", "Questions later: "),
                          ("de", "Zeithorizont: kurzfristig", "Später noch etwas offen? ")])
def test_what_follows_a_colon_reads_as_the_language_writes_it(
        decks: dict, name: str, focus: str, contact: str) -> None:
    """After a colon the time horizon is lower case (a word, not a sentence), and a
    label that asks its own question ("Später noch etwas offen?") gets no colon after it."""
    words = [text for slide in decks[name].slides for _, _, _, text in texts_of(slide)]
    assert any(focus in text for text in words), focus
    closing = " ".join(text for _, _, _, text in texts_of(decks[name].slides[-1]))
    assert contact in closing, closing
    assert "?:" not in closing and "? :" not in closing, closing
