"""Company templates as they really are: any PowerPoint-family file, layouts picked by
what they hold, the content area and the logo from the template, small placeholders.

Templates are made here from python-pptx's own default (a real PowerPoint file), changed
the way real ones differ; the deck is read back with python-pptx and the package's XML."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pptx
import pytest
from click.testing import CliRunner
from lxml import etree
from pptx import Presentation

from smguide.cli import main
from smguide.deck.render import DeckRenderer
from smguide.errors import RenderError
from smguide.model.options import DeckOptions
from smguide.resources import builtin
from smguide.sources.brand import load_brand
from smguide.sources.content import load_guide
from tests.deckgeometry import deck_problems

GUIDE = load_guide(builtin("content"))
BRAND_FILE = builtin("brand") / "_brand.yml"
BRAND, _ = load_brand(BRAND_FILE)
DEFAULT = Path(pptx.__file__).parent / "templates" / "default.pptx"
ML = "application/vnd.openxmlformats-officedocument.presentationml."
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def repack(source: Path, target: Path, content_type: str | None = None,
           extra: dict[str, bytes] | None = None) -> Path:
    """`source` with the main part's content type changed and files added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for entry in old.infolist():
            data = old.read(entry)
            if entry.filename == "[Content_Types].xml" and content_type:
                data = data.replace(f"{ML}presentation.main+xml".encode(),
                                    content_type.encode())
            new.writestr(entry, data)
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


def render(template: Path, aspect: str | None = None, brand=BRAND,  # noqa: ANN001
           only: tuple[str, ...] | None = None) -> tuple[Presentation, bytes]:
    """The deck on `template`: the whole built-in plan, or `only` these kinds of slide
    (a plan of its own, so a test builds the few slides it looks at)."""
    plan = _plan(only) if only else None
    data, _ = DeckRenderer(GUIDE, brand, DeckOptions(template=template, aspect=aspect),
                           plan).render()
    return Presentation(io.BytesIO(data)), data


_PLANS: dict[tuple[str, ...], Path] = {}
_LAYOUT = {"title": "Title Slide", "agenda": "Title and Content", "section": "Section Header",
           "role": "Two Content", "takeaways": "Title and Content",
           "checklist": "Title and Content", "questions": "Title and Content"}


def _plan(kinds: tuple[str, ...]) -> Path:
    """A template folder whose deck plan has one slide of each kind, in order."""
    import atexit
    import shutil
    import tempfile

    from tests.deck.test_deck import where_is

    if kinds not in _PLANS:
        lines = []
        for kind in kinds:
            layout = _LAYOUT.get(kind, "Title Only")
            if kind in ("title", "agenda", "closing"):
                lines.append(f"- kind: {kind}\n  layout: {layout}\n")
            elif kind == "section":
                lines.append(f"- kind: section\n  layout: {layout}\n  chapter: 2\n")
            else:
                chapter, block = where_is(kind)
                lines.append(f"- kind: block\n  layout: {layout}\n  chapter: {chapter}\n"
                             f"  block: {block}\n")
        folder = Path(tempfile.mkdtemp(prefix="smguide-plan-"))
        atexit.register(shutil.rmtree, folder, True)
        (folder / "deck").mkdir()
        (folder / "deck" / "plan.yaml.j2").write_text("".join(lines))
        _PLANS[kinds] = folder
    return _PLANS[kinds]


def slides_cli(tmp_path: Path, *args: str):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(main, ["slides", "-o", str(tmp_path / "deck.pptx"), *args])


def theme_xml(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read("ppt/theme/theme1.xml"))


# -- any PowerPoint-family file --------------------------------------------------------------


def test_a_potx_template_builds_a_deck(tmp_path: Path) -> None:
    template = repack(DEFAULT, tmp_path / "corporate.potx", f"{ML}template.main+xml")
    result = slides_cli(tmp_path, "--template", str(template))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "deck.pptx") as package:
        types = package.read("[Content_Types].xml").decode()
    assert f"{ML}presentation.main+xml" in types and "template.main" not in types
    prs = Presentation(str(tmp_path / "deck.pptx"))
    assert prs.slides[0].shapes.title.text == GUIDE.title


def test_a_pptm_is_refused_for_its_macros_in_one_line(tmp_path: Path) -> None:
    template = repack(DEFAULT, tmp_path / "corporate.pptm",
                      "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml")
    result = slides_cli(tmp_path, "--template", str(template))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {template}: a macro-enabled PowerPoint file (.pptm); smguide does not open "
        f"files with macros: save it as a .pptx or .potx without macros")
    assert not (tmp_path / "deck.pptx").exists()


def test_a_templates_own_slides_are_not_copied(tmp_path: Path) -> None:
    prs = Presentation(str(DEFAULT))
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Quarterly numbers, confidential"
    prs.save(str(tmp_path / "with-slides.pptx"))
    deck, data = render(tmp_path / "with-slides.pptx", only=("title", "agenda"))
    texts = [shape.text_frame.text for s in deck.slides for shape in s.shapes
             if shape.has_text_frame]
    assert not any("confidential" in text for text in texts)
    assert b"confidential" not in b"".join(
        zipfile.ZipFile(io.BytesIO(data)).read(name)
        for name in zipfile.ZipFile(io.BytesIO(data)).namelist())


# -- the theme ----------------------------------------------------------------------------------


def test_the_template_theme_is_kept_and_named_after_the_brand(tmp_path: Path) -> None:
    _, data = render(DEFAULT, only=("title",))
    theme = theme_xml(data)
    assert theme.get("name") == BRAND.name
    accent1 = theme.find(f".//{A}clrScheme/{A}accent1/{A}srgbClr").get("val")
    assert accent1 == "4F81BD"  # the template's own accent, not the brand's
    assert theme.find(f".//{A}majorFont/{A}latin").get("typeface") == "Calibri"


def brand_with(brand_dir: Path, lines: str):  # noqa: ANN201 - a Brand
    """The built-in brand with more `defaults.smguide` settings (indented YAML lines)."""
    brand_file = brand_dir / "_brand.yml"
    text = brand_file.read_text()
    assert "  smguide:\n" in text
    brand_file.write_text(text.replace("  smguide:\n", "  smguide:\n" + lines, 1))
    return load_brand(brand_file)[0]


def test_the_brand_can_override_the_template_theme(tmp_path: Path, brand_dir: Path) -> None:
    brand = brand_with(brand_dir, "    template-theme: brand\n")
    _, data = render(DEFAULT, brand=brand, only=("title",))
    theme = theme_xml(data)
    accent1 = theme.find(f".//{A}clrScheme/{A}accent1/{A}srgbClr").get("val")
    assert accent1 == BRAND.colours["primary"][1:].upper()
    assert theme.find(f".//{A}majorFont/{A}latin").get("typeface") == BRAND.heading_family


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_a_deck_on_the_default_template_has_clean_geometry(tmp_path: Path, aspect: str) -> None:
    _, data = render(DEFAULT, aspect)
    (tmp_path / "d.pptx").write_bytes(data)
    assert deck_problems(tmp_path / "d.pptx") == []


# -- layouts by what they hold -------------------------------------------------------------

FRENCH = {"Title Slide": "Diapositive de titre", "Title and Content": "Titre et contenu",
          "Section Header": "Titre de section", "Two Content": "Deux contenus",
          "Comparison": "Comparaison", "Title Only": "Titre seul", "Blank": "Vide"}
GOOGLE = {"Title Slide": "TITLE", "Title and Content": "TITLE_AND_BODY",
          "Section Header": "SECTION_HEADER", "Two Content": "TITLE_AND_TWO_COLUMNS",
          "Title Only": "TITLE_ONLY", "Blank": "BLANK"}
LIBREOFFICE = {"Title Slide": "Title Slide", "Title and Content": "Title, Content",
               "Section Header": "Title, Text", "Two Content": "Title, 2 Content",
               "Title Only": "Title Only", "Blank": "Blank Slide"}
# the layout each kind of slide of the built-in plan goes on, in PowerPoint's names
EXPECTED = {"title": "Title Slide", "agenda": "Title and Content",
            "section": "Section Header", "role": "Two Content", "comparison": "Title Only",
            "analogy": "Title Only", "practices": "Title Only",
            "takeaways": "Title and Content", "closing": "Title Slide"}


def renamed(target: Path, names: dict[str, str], *, untyped: bool = False,
            reverse: bool = False) -> Path:
    """python-pptx's default template with its layouts renamed (and, like some exports,
    without the layout type attribute, in another order); others are removed."""
    prs = Presentation(str(DEFAULT))
    layouts = prs.slide_layouts
    for layout in list(layouts):
        if layout.name not in names:
            layouts.remove(layout)
            continue
        layout.name = names[layout.name]
        if untyped:
            layout._element.attrib.pop("type", None)
    if reverse:
        ids = prs.slide_master._element.find(
            "{http://schemas.openxmlformats.org/presentationml/2006/main}sldLayoutIdLst")
        for child in reversed(list(ids)):
            ids.append(child)
    prs.save(str(target))
    return target


def kinds(template: Path, aspect: str | None = None, brand=BRAND  # noqa: ANN001
          ) -> tuple[dict[str, str], Presentation, bytes]:
    """(slide kind -> the layout name its first slide used, the deck, its bytes): the
    whole built-in plan on `template`, with a divider opening the last chapter shown (the
    built-in guide has none), each slide known by what the renderer was told of it
    (on_page), not by its title."""
    from smguide.deck.plan import PlannedSlide, load_plan

    plan = load_plan(GUIDE, None)
    last = max(n for n, s in enumerate(plan) if s.kind == "block" and
               s.chapter != plan[n - 1].chapter)
    plan.insert(last, PlannedSlide("section", "Section Header", plan[last].chapter, None,
                                   None, None))
    pages: list[tuple[str, int]] = []

    def on_page(planned: Any, page: int) -> None:
        pages.append((planned.block.type if planned.block is not None else planned.kind,
                      page))

    data, _ = DeckRenderer(GUIDE, brand, DeckOptions(template=template, aspect=aspect),
                           plan=plan, on_page=on_page).render()
    deck = Presentation(io.BytesIO(data))
    used: dict[str, str] = {}
    for (kind, page), slide in zip(pages, deck.slides, strict=True):
        if page == 0:
            used.setdefault(kind, slide.slide_layout.name)
    return used, deck, data


@pytest.mark.parametrize("names, untyped", [(FRENCH, False), (GOOGLE, True),
                                            (LIBREOFFICE, True)],
                         ids=["french", "google-slides", "libreoffice"])
def test_layouts_are_picked_by_what_they_hold(tmp_path: Path, names: dict[str, str],
                                              untyped: bool) -> None:
    template = renamed(tmp_path / "corporate.pptx", names, untyped=untyped, reverse=True)
    used, deck, data = kinds(template, "16:9")
    assert {kind: used[kind] for kind in EXPECTED} == {
        kind: names[layout] for kind, layout in EXPECTED.items()}
    (tmp_path / "d.pptx").write_bytes(data)
    assert deck_problems(tmp_path / "d.pptx") == []


def test_a_brand_pins_a_kind_to_a_layout_by_name_or_number(tmp_path: Path,
                                                           brand_dir: Path) -> None:
    template = renamed(tmp_path / "corporate.pptx", FRENCH)
    number = [layout.name for layout in Presentation(str(template)).slide_layouts].index(
        "Titre seul") + 1
    brand = brand_with(brand_dir, f"    layouts:\n      takeaways: {number}\n"
                                  "      section: Diapositive de titre\n")
    used = kinds(template, brand=brand)[0]
    assert used["takeaways"] == "Titre seul" and used["section"] == "Diapositive de titre"
    assert used["agenda"] == "Titre et contenu"  # the kinds not pinned are picked as before


def test_the_deck_plan_can_name_a_layout_of_the_template(tmp_path: Path) -> None:
    from tests.deck.test_deck import write_plan

    template = renamed(tmp_path / "corporate.pptx", FRENCH)
    # the agenda lists the chapters the deck shows, so the plan shows one
    plan = write_plan(tmp_path / "t", "- kind: title\n  layout: Titre de section\n"
                                      "- kind: agenda\n  layout: 2\n"
                                      "- kind: section\n  layout: 3\n  chapter: 1\n")
    data, _ = DeckRenderer(GUIDE, BRAND, DeckOptions(template=template), plan).render()
    deck = Presentation(io.BytesIO(data))
    assert [s.slide_layout.name for s in deck.slides] == [
        "Titre de section", "Titre et contenu", deck.slide_layouts[2].name]
    wrong = write_plan(tmp_path / "w", "- kind: title\n  layout: Titre de section\n"
                                       "- kind: agenda\n  layout: Sommaire\n")
    with pytest.raises(RenderError) as refused:
        DeckRenderer(GUIDE, BRAND, DeckOptions(template=template), wrong).render()
    assert str(refused.value).startswith(
        f'deck/plan.yaml.j2 (rendered):3: slide 2 (agenda): layout: {template} has no slide '
        f'layout named "Sommaire"; its layouts are: 1 "Diapositive de titre", ')


def test_a_layout_without_a_subtitle_gets_a_text_box_in_its_free_area(tmp_path: Path) -> None:
    prs = Presentation(str(DEFAULT))
    for layout in prs.slide_layouts:  # no layout has a subtitle or a body to spare
        if layout.name in ("Title Slide", "Section Header"):
            for ph in list(layout.placeholders):
                if ph.placeholder_format.idx == 1:
                    ph._element.getparent().remove(ph._element)
    prs.save(str(tmp_path / "t.pptx"))
    deck, data = render(tmp_path / "t.pptx", "16:9", only=("title", "section"))
    first = deck.slides[0]
    texts = {shape.name: shape.text_frame.text.replace("\v", "")  # lines broken to read
             for shape in first.shapes if shape.has_text_frame}
    assert texts["Text"].startswith(GUIDE.subtitle)
    box = next(shape for shape in first.shapes if shape.name == "Text")
    assert box.top >= first.shapes.title.top + first.shapes.title.height - 12700
    (tmp_path / "d.pptx").write_bytes(data)
    assert deck_problems(tmp_path / "d.pptx") == []


def test_a_template_without_any_title_placeholder_gets_title_boxes(tmp_path: Path) -> None:
    template = renamed(tmp_path / "blank.pptx", {"Blank": "Blank"})
    deck, data = render(template, "4:3", only=("title", "agenda", "comparison"))
    assert len(deck.slide_layouts) == 1
    first = deck.slides[0]
    titles = [shape for shape in first.shapes if shape.name == "Title"]
    assert titles and titles[0].text_frame.text == GUIDE.title
    (tmp_path / "d.pptx").write_bytes(data)
    assert deck_problems(tmp_path / "d.pptx") == []


# -- the content area and the logo ------------------------------------------------------------


def test_tables_and_cards_stay_inside_the_masters_body_not_a_full_width_title(
        tmp_path: Path) -> None:
    prs = Presentation(str(DEFAULT))
    for layout in prs.slide_layouts:
        for ph in layout.placeholders:
            if ph.placeholder_format.type == 1:  # a title band across the whole slide
                top, height = ph.top, ph.height
                ph.left, ph.top, ph.width, ph.height = 0, top, prs.slide_width, height
    prs.save(str(tmp_path / "band.pptx"))
    deck, _ = render(tmp_path / "band.pptx", "16:9",
                     only=("comparison", "analogy", "practices"))
    body = next(ph for ph in deck.slide_master.placeholders if ph.placeholder_format.idx == 1)
    drawn = [shape for slide in deck.slides for shape in slide.shapes
             if shape.has_table or shape.shape_type == 6 or shape.name == "Card"]
    assert any(shape.has_table for shape in drawn) and len(drawn) >= 3
    for shape in drawn:
        assert shape.left >= body.left - 12700, shape.name
        assert shape.left + shape.width <= body.left + body.width + 12700, shape.name


def _pictures(slide) -> list:  # noqa: ANN001
    return [shape for shape in slide.shapes if shape.shape_type == 13]


def test_the_logo_is_not_put_over_a_templates_own_logo(tmp_path: Path, brand_dir: Path) -> None:
    plain_deck, _ = render(DEFAULT, only=("title",))
    logo = _pictures(plain_deck.slides[0])
    assert len(logo) == 1, "a template without pictures gets the brand's logo"
    title = plain_deck.slides[0].shapes.title
    assert logo[0].top + logo[0].height <= title.top or logo[0].left >= title.left + title.width \
        or logo[0].top >= title.top + title.height, "clear of the title"
    prs = Presentation(str(DEFAULT))
    from pptx.shapes.shapetree import SlideShapes

    master = prs.slide_master  # the company's logo, top left on every slide
    SlideShapes(master.shapes._spTree, master).add_picture(_png(tmp_path), 0, 0, 914400, 914400)
    prs.save(str(tmp_path / "own-logo.pptx"))
    assert _pictures(render(tmp_path / "own-logo.pptx", only=("title",))[0].slides[0]) == []
    brand = brand_with(brand_dir, "    template-logo: always\n")
    assert len(_pictures(render(tmp_path / "own-logo.pptx", brand=brand,
                                only=("title",))[0].slides[0])) == 1


def _png(tmp_path: Path) -> str:
    from PIL import Image

    Image.new("RGB", (40, 40), "#aa3300").save(tmp_path / "mark.png")
    return str(tmp_path / "mark.png")


# -- small placeholders -----------------------------------------------------------------------


def test_a_small_subtitle_box_keeps_what_fits_and_says_what_was_left_out(tmp_path: Path) -> None:
    prs = Presentation(str(DEFAULT))
    title_layout = prs.slide_layouts[0]
    subtitle = next(ph for ph in title_layout.placeholders if ph.placeholder_format.idx == 1)
    left, top, width = subtitle.left, subtitle.top, subtitle.width
    subtitle.left, subtitle.top, subtitle.width = left, top, width
    subtitle.height = 914400 * 45 // 100  # room for a line or two
    # and no room to grow into: a title box of one line over it, a footer under it
    title = next(ph for ph in title_layout.placeholders if ph.placeholder_format.idx == 0)
    title.left, title.width = title.left, title.width
    title.top, title.height = top - 914400 * 9 // 10, 914400 * 8 // 10
    for ph in title_layout.placeholders:
        if ph.placeholder_format.idx not in (0, 1):
            ph.left, ph.width, ph.height = ph.left, ph.width, ph.height
            ph.top = top + subtitle.height + 914400 // 4
    prs.save(str(tmp_path / "small.pptx"))
    renderer = DeckRenderer(GUIDE, BRAND, DeckOptions(template=tmp_path / "small.pptx"))
    data, _ = renderer.render()
    deck = Presentation(io.BytesIO(data))
    shown = next(shape for shape in deck.slides[0].placeholders
                 if shape.placeholder_format.idx == 1).text_frame.text.replace("\v", "")
    assert shown.startswith(GUIDE.subtitle)
    left_out = [w for w in renderer.warnings
                if "left out" in w.message and "the title slide" in w.message]
    assert len(left_out) == 1 and left_out[0].file == str(tmp_path / "small.pptx")
    assert left_out[0].severity == "warning" and left_out[0].line is None
    # the box of the centred lines takes the title's box across: 8.5 in (was 7.0)
    assert "(8.5 x 0.5 in)" in left_out[0].message
    assert left_out[0].message.endswith("the brand's name")


def test_body_text_on_content_slides_is_never_below_14_pt(tmp_path: Path) -> None:
    prs = Presentation(str(DEFAULT))
    for layout in prs.slide_layouts:
        for ph in layout.placeholders:
            if ph.placeholder_format.idx == 1 and layout.name == "Title and Content":
                left, top, width, height = ph.left, ph.top, ph.width, ph.height
                ph.left, ph.top, ph.width, ph.height = left, top, width, height // 2
    prs.save(str(tmp_path / "half.pptx"))
    deck, _ = render(tmp_path / "half.pptx", only=("agenda", "checklist"))
    sizes = [run.font.size.pt for slide in deck.slides
             if slide.slide_layout.name == "Title and Content"
             for shape in slide.placeholders if shape.placeholder_format.idx == 1
             for para in shape.text_frame.paragraphs for run in para.runs if run.font.size]
    from smguide.deck.blocks import BODY

    assert sizes and min(sizes) >= max(14, BODY[1])  # the floor, and the deck's own scale
    # a list that fits whole down to the floor stays on one slide; one that does not
    # continues, its parts at the base size
    parts = [s for s in deck.slides if s.slide_layout.name == "Title and Content"]
    assert len(parts) >= 2


def test_a_title_that_cannot_fit_names_slide_text_and_placeholder(tmp_path: Path) -> None:
    prs = Presentation(str(DEFAULT))
    for layout in prs.slide_layouts:
        for ph in layout.placeholders:
            if ph.placeholder_format.type in (1, 3):  # title, centred title
                left, top, width = ph.left, ph.top, ph.width
                ph.left, ph.top, ph.width, ph.height = left, top, width, 914400 // 10
    prs.save(str(tmp_path / "tiny.pptx"))
    result = slides_cli(tmp_path, "--template", str(tmp_path / "tiny.pptx"))
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line.count("\n") == 0 and "Traceback" not in result.output
    assert line.startswith(f"Error: {tmp_path / 'tiny.pptx'}: slide 1 (the title slide): "
                           f'the title "{GUIDE.title}" does not fit in the layout "Title Slide" '
                           f'(placeholder "Title 1", ')
    assert "x 0.1 in) even at 14 pt" in line
    assert not (tmp_path / "deck.pptx").exists()


def test_content_keeps_clear_of_the_layouts_own_graphics(tmp_path: Path) -> None:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.shapes.shapetree import SlideShapes

    prs = Presentation(str(DEFAULT))
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Title Only")
    band = SlideShapes(layout.shapes._spTree, layout).add_shape(  # a picture panel, left
        MSO_SHAPE.RECTANGLE, 0, 914400 * 2, 914400 * 3, 914400 * 5)
    band.name = "Photo panel"
    prs.save(str(tmp_path / "panel.pptx"))
    deck, _ = render(tmp_path / "panel.pptx", only=("comparison",))
    panel = next(s for s in deck.slide_layouts if s.name == "Title Only").shapes
    right = max(s.left + s.width for s in panel if s.name == "Photo panel")
    tables = [shape for slide in deck.slides for shape in slide.shapes if shape.has_table]
    assert tables and all(table.left >= right for table in tables)


def test_placeholders_with_no_position_anywhere_still_build(tmp_path: Path) -> None:
    prs = Presentation(str(DEFAULT))  # a hand-edited file: titles and footers lost theirs
    owners = [prs.slide_master, *prs.slide_layouts]
    for owner in owners:
        for ph in owner.placeholders:
            if ph.placeholder_format.type in (1, 3, 15):  # title, centred title, footer
                xfrm = ph._element.spPr.find(f"{A}xfrm")
                if xfrm is not None:
                    ph._element.spPr.remove(xfrm)
    prs.save(str(tmp_path / "lost.pptx"))
    deck, data = render(tmp_path / "lost.pptx", "16:9", only=("title", "agenda"))
    assert deck.slides[0].shapes.title.text == GUIDE.title
    (tmp_path / "d.pptx").write_bytes(data)
    assert deck_problems(tmp_path / "d.pptx") == []


def test_a_body_reaching_over_the_title_is_kept_below_it(tmp_path: Path) -> None:
    prs = Presentation(str(DEFAULT))
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Title and Content")
    body = next(ph for ph in layout.placeholders if ph.placeholder_format.idx == 1)
    title = next(ph for ph in layout.placeholders if ph.placeholder_format.idx == 0)
    left, width, bottom = body.left, body.width, body.top + body.height
    body.left, body.top, body.width = left, title.top + title.height // 2, width
    body.height = bottom - body.top  # its top half an inch into the title
    prs.save(str(tmp_path / "over.pptx"))
    deck, data = render(tmp_path / "over.pptx", "16:9", only=("agenda", "takeaways"))
    (tmp_path / "d.pptx").write_bytes(data)
    assert deck_problems(tmp_path / "d.pptx") == []
    lists = [s for s in deck.slides if s.slide_layout.name == "Title and Content"]
    assert lists and all(
        ph.top >= s.shapes.title.top + s.shapes.title.height - 12700
        for s in lists for ph in s.placeholders if ph.placeholder_format.idx == 1)
