"""The two dark 4:3 decks (the brand's dark theme, and the dark company template) read
back with python-pptx: what a presenter sees on the dark background is seen there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from smguide.cli import main
from smguide.commands.build import build_slides
from smguide.deck.measuring import family_fonts
from smguide.deck.render import DeckOptions
from smguide.deck.textfit import Fonts, line_count, system_fonts, text_height
from smguide.deck.theme import shown_colours
from smguide.model.colors import contrast
from smguide.model.guide import Role
from smguide.model.options import Sources
from smguide.resources import builtin
from smguide.sources.brand import load_brand
from smguide.sources.brandcolours import screen_primary
from smguide.sources.content import load_guide
from tests.deckgeometry import paras_of

TEMPLATE = Path(__file__).resolve().parents[1] / "fixtures" / "deck-template" / "dark.pptx"
BRAND, _ = load_brand(builtin("brand") / "_brand.yml")
_GUIDE = load_guide(builtin("content"))
LABELS = _GUIDE.labels
GUIDE_BLOCKS = {block.name: block for chapter in _GUIDE.chapters for block in chapter.blocks
                if isinstance(block, Role)}
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EMU_PER_INCH = 914400
SEEN = 3.25  # 3:1 (WCAG 1.4.11, graphics) with a margin


def build(out: Path, content: Path | None = None, **options: object) -> Path:
    sources = Sources(content or builtin("content"), builtin("brand") / "_brand.yml")
    return build_slides(sources, out, DeckOptions(**options)).path  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def dark_paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("dark")
    return {"theme": build(folder / "theme.pptx", theme="dark", aspect="4:3"),
            "template": build(folder / "template.pptx", template=TEMPLATE)}


@pytest.fixture(scope="module")
def dark_decks(dark_paths: dict[str, Path]) -> dict[str, Any]:
    return {name: Presentation(str(path)) for name, path in dark_paths.items()}


def _slot(element: Any) -> str | None:
    """The theme slot or sRGB value of a colour element's first child, as '#rrggbb' or a
    slot name."""
    child = next(iter(element), None)
    if child is None:
        return None
    if child.tag == f"{A}srgbClr":
        return f"#{child.get('val').lower()}"
    return child.get("val") if child.tag == f"{A}schemeClr" else None


def _bullets(tree: Any) -> Iterator[str]:
    """The colour of every bullet character in the part, outside filled shapes (cards and
    banners are checked as text on their fill elsewhere)."""
    for sp in tree.iter("{http://schemas.openxmlformats.org/presentationml/2006/main}sp"):
        props = sp.find("{http://schemas.openxmlformats.org/presentationml/2006/main}spPr")
        if props is not None and props.find(f"{A}solidFill") is not None:
            continue
        for ppr in sp.iter(f"{A}pPr", *(f"{A}lvl{n}pPr" for n in range(1, 10))):
            if ppr.find(f"{A}buChar") is not None and ppr.find(f"{A}buClr") is not None:
                colour = _slot(ppr.find(f"{A}buClr"))
                if colour:
                    yield colour


def _bars(shapes: Any) -> Iterator[tuple[str, str]]:
    """(name, colour) of every thin filled shape without text: the rules and bands."""
    for shape in shapes:
        if shape.shape_type is None or shape.is_placeholder or getattr(
                shape, "has_text_frame", False) and shape.text_frame.text.strip():
            continue
        fill = shape._element.find(
            "{http://schemas.openxmlformats.org/presentationml/2006/main}spPr/"
            f"{A}solidFill")
        if fill is None or min(shape.width, shape.height) > 0.35 * EMU_PER_INCH:
            continue
        colour = _slot(fill)
        if colour:
            yield shape.name, colour


@pytest.mark.parametrize("name", ["theme", "template"])
def test_bullets_and_bars_are_seen_on_the_dark_background(dark_decks: dict[str, Any],
                                                         name: str) -> None:
    """Non-text graphics (bullets, the rule under titles, the section band) at 3:1 or
    more on the background (WCAG 1.4.11), in the master, the layouts and every slide."""
    prs = dark_decks[name]
    master = prs.slide_master
    colours = shown_colours(master)
    background = colours["bg1"]

    def hex_of(colour: str) -> str:
        return colour if colour.startswith("#") else colours[colour]

    seen: list[tuple[str, str, float]] = []
    parts = [("master", master._element), *((f"layout {layout.name}", layout._element)
                                           for layout in master.slide_layouts),
             *((f"slide {n}", slide._element) for n, slide in enumerate(prs.slides, 1))]
    for where, tree in parts:
        seen += [(f"{where} bullet", c, contrast(hex_of(c), background))
                 for c in _bullets(tree)]
    shape_sets = [("layout", layout.shapes) for layout in master.slide_layouts]
    shape_sets += [(f"slide {n}", slide.shapes) for n, slide in enumerate(prs.slides, 1)]
    for where, shapes in shape_sets:
        seen += [(f"{where} {shape}", c, contrast(hex_of(c), background))
                 for shape, c in _bars(shapes)]
    assert sum("bullet" in what for what, _, _ in seen) >= 20
    assert any("Accent rule" in what or "band" in what for what, _, _ in seen) or \
        name == "template"
    low = [(what, colour, round(ratio, 2)) for what, colour, ratio in seen if ratio < 3]
    assert not low


def test_the_built_in_brand_says_nothing_about_itself_on_a_dark_deck(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch
                                                                     ) -> None:
    """`smguide slides --theme dark` on the sample: the brand's dark values (its primary
    and its titles' colour as light/dark pairs) read on the dark background, so no
    warning; the deck uses exactly those values."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["slides", "--theme", "dark", "-o", "dark.pptx"])
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.output, result.output
    brand, _ = load_brand(builtin("brand") / "_brand.yml")
    assert brand.deck_warnings("dark") == []
    dark = brand.themed("dark").colours
    colours = shown_colours(Presentation(str(tmp_path / "dark.pptx")).slide_master)
    assert colours["accent1"] == dark["primary"] != brand.colours["primary"]
    assert contrast(dark["primary"], dark["background"]) >= 3
    assert contrast(dark["foreground"], dark["primary"]) >= 4.5  # the banners' text
    assert contrast(dark["headings"], dark["background"]) >= 4.5


@pytest.mark.parametrize(("primary", "light"), [("#2f6b4f", "#f3f1ea"),
                                                ("#2f6b4f", "#c8c8c8"),
                                                ("#7a1f3d", "#ffffff"),
                                                ("#123456", "#dddddd")])
def test_a_dark_decks_primary_is_seen_and_its_fills_keep_readable_text(primary: str,
                                                                       light: str) -> None:
    """The primary colour lightened for a dark background reaches 3:1 there (its bullets
    and bars); the text on its fills reads at 4.5:1: the light text where a shade allows
    both, else the background's dark colour."""
    background = "#1d2327"
    shown = screen_primary(primary, background, light)
    assert contrast(shown, background) >= 3
    assert max(contrast(light, shown), contrast(background, shown)) >= 4.5


def _fill(shape: Any, fonts: Fonts) -> float:
    """The share of a text box's height its text takes (same font metrics as fitting)."""
    frame = shape.text_frame
    width = (shape.width - frame.margin_left - frame.margin_right) / 12700
    height = (shape.height - frame.margin_top - frame.margin_bottom) / 12700
    return text_height(paras_of(frame), width, 1.0, fonts) / height


def without_slide_rows(folder: Path) -> Path:
    """The built-in English content with the role and comparison blocks' short `slide:`
    lists and rows taken out: the cards show their full lists, the table its six rows."""
    import shutil

    import yaml

    shutil.copytree(builtin("content"), folder, ignore=shutil.ignore_patterns("de"))
    for path in folder.glob("chapters/*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for block in data["blocks"]:
            if block["type"] in ("role", "comparison"):
                block.pop("slide", None)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def full_lists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The dark 4:3 decks of the built-in content with the role cards' full lists and
    the comparison's full rows."""
    folder = tmp_path_factory.mktemp("full")
    content = without_slide_rows(folder / "content")
    return {name: Presentation(str(build(folder / f"{name}.pptx", content, **options)))
            for name, options in (("theme", {"theme": "dark", "aspect": "4:3"}),
                                  ("template", {"template": TEMPLATE}))}


@pytest.mark.parametrize("name", ["theme", "template"])
def test_role_cards_at_4_3_fit_one_slide_or_split_by_meaning(full_lists: dict[str, Any],
                                                              name: str) -> None:
    """With their full lists (no `slide:`), on a 4:3 slide the sales card does not fit one
    slide at 18 pt and is split by meaning: what they do on its first slide (under its
    label), what it takes on the next, titled "Sales: what it takes" (no label repeats
    it), each list across both columns (cut where their heights are even), at the one
    size every role slide uses, 18 pt or more. The marketing card is split the same way
    (under the built-in theme's two-line title box, whose body starts at 2.1 in, and in
    the template's wider DejaVu Sans); a card that fits one slide fills its columns. The
    gaps between items open to use the room that size leaves."""
    prs = full_lists[name]
    fonts = family_fonts(BRAND, "Lato") if name == "theme" else system_fonts("DejaVu Sans")
    if fonts is None:
        pytest.skip("DejaVu Sans is not installed")
    cards: dict[str, list[Any]] = {}
    for slide in prs.slides:
        header = next((s for s in slide.shapes if s.name == "Role header"), None)
        if header is not None:
            cards.setdefault(header.text_frame.paragraphs[0].runs[0].text, []).append(slide)
    assert sorted(cards) == ["Marketing", "Sales"]
    assert len(cards["Sales"]) == 2
    sizes = {run.font.size.pt for slides in cards.values() for slide in slides
             for shape in slide.shapes if shape.name in ("Activities", "Skills")
             for p in shape.text_frame.paragraphs for run in p.runs if run.text.strip()}
    assert len(sizes) == 1 and min(sizes) >= 18, sizes
    for role, slides in cards.items():
        if len(slides) == 1:
            one = max(_fill(shape, fonts) for shape in slides[0].shapes
                      if shape.name in ("Activities", "Skills"))
            assert one >= 0.85, one  # the one-slide card fills its columns
            continue
        block = GUIDE_BLOCKS[role]
        for slide, shown in zip(slides, ([LABELS.activities, *block.activities],
                                         block.skills), strict=True):
            columns = [s for s in slide.shapes if s.name in ("Activities", "Skills")]
            assert len(columns) == 2 and len({s.name for s in columns}) == 1
            texts = [p.text.replace("\v", "") for s in columns  # a broken line's words
                     for p in s.text_frame.paragraphs if p.text.strip()]
            assert texts == [t.replace("'", "’") for t in shown], texts  # label once, items
            heights = [_fill(s, fonts) for s in columns]
            assert abs(heights[0] - heights[1]) <= 0.2, heights
        # (in as many lines as its sibling's where that takes two: titles.even_siblings)
        assert slides[1].shapes.title.text.replace("\v", "") == f"{role}: what it takes"
    # (a title that wraps is written in even lines: a line break, read back as "\v",
    # after the space it broke at)
    shown = cards["Sales"][0].shapes.title.text.replace("\v", "")
    assert shown == "Sales wins customers, deal by deal"


# -- the diagram ------------------------------------------------------------------------


def _resolved(element: Any, colours: dict[str, str]) -> str | None:
    """A DrawingML colour element (a:solidFill's child) as '#rrggbb': a theme slot with its
    lumMod/lumOff applied to the HSL lightness, as PowerPoint draws it."""
    import colorsys

    child = next(iter(element), None)
    if child is None:
        return None
    if child.tag == f"{A}srgbClr":
        return f"#{child.get('val').lower()}"
    base = colours.get(child.get("val", ""))
    if base is None:
        return None
    mod = child.find(f"{A}lumMod")
    off = child.find(f"{A}lumOff")
    red, green, blue = (int(base[i:i + 2], 16) / 255 for i in (1, 3, 5))
    hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
    light = light * (int(mod.get("val")) / 100000 if mod is not None else 1) + (
        int(off.get("val")) / 100000 if off is not None else 0)
    out = colorsys.hls_to_rgb(hue, min(1.0, max(0.0, light)), sat)
    return "#" + "".join(f"{round(c * 255):02x}" for c in out)


def _diagram(prs: Any) -> Any:
    return next(shape for slide in prs.slides for shape in slide.shapes
                if shape.name == "Analogy diagram")


def _colour_of(shape: Any, colours: dict[str, str]) -> str | None:
    props = shape._element.find(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}spPr")
    for path in (f"{A}solidFill", f"{A}ln/{A}solidFill"):
        found = props.find(path) if props is not None else None
        if found is not None:
            return _resolved(found, colours)
    return None


@pytest.mark.parametrize("name", ["theme", "template"])
def test_the_diagrams_pictograms_and_arrows_are_seen_on_what_they_stand_on(
        dark_decks: dict[str, Any], name: str) -> None:
    """Every shape of a pictogram that stands on the ground (not inside a shape of the
    same pictogram drawn before it) at 3:1 or more against that ground, with a margin
    (3.25:1: none at exactly the limit): the band's colour for the parts on the band,
    else the slide's background; the arrows too."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    prs = dark_decks[name]
    colours = shown_colours(prs.slide_master)
    diagram = _diagram(prs)
    band = next(s for s in diagram.shapes if s.name.startswith("Ground:"))
    band_colour = _colour_of(band, colours)
    assert band_colour is not None
    low, checked = [], 0
    for shape in diagram.shapes:
        if shape.name.startswith("Arrow:"):
            ratio = contrast(_colour_of(shape, colours) or "", colours["bg1"])
            checked += 1
            if ratio < SEEN:
                low.append((shape.name, round(ratio, 2)))
        if shape.shape_type != MSO_SHAPE_TYPE.GROUP:
            continue
        frame = next(s for s in shape.shapes if s.name.endswith(": frame"))
        cx, cy = frame.left + frame.width / 2, frame.top + frame.height / 2
        on_band = (band.left <= cx <= band.left + band.width
                   and band.top <= cy <= band.top + band.height)
        ground = band_colour if on_band else colours["bg1"]
        drawn = [s for s in shape.shapes if not s.name.endswith(": frame")]
        for n, piece in enumerate(drawn):
            inside = any(o.left <= piece.left and o.top <= piece.top
                         and piece.left + piece.width <= o.left + o.width
                         and piece.top + piece.height <= o.top + o.height
                         for o in drawn[:n])
            colour = _colour_of(piece, colours)
            if inside or colour is None:
                continue
            checked += 1
            if contrast(colour, ground) < SEEN:
                low.append((piece.name, colour, ground, round(contrast(colour, ground), 2)))
    assert checked >= 20
    assert not low


def _hue(colour: str) -> float:
    import colorsys

    return colorsys.rgb_to_hls(*(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))[0] * 360


# what each pictogram's colours mean, as hue ranges in degrees: the seed's stem and
# leaves are a plant's green, the water blue, the sun yellow (its first piece is the disc)
MEANING = {"The seed": ((2, 3, 4), (80, 190)), "The water": ((1, 2, 3), (180, 250)),
           "The sunlight": ((1, 2), (30, 65))}


@pytest.mark.parametrize("name", ["theme", "template"])
def test_the_diagram_stands_on_a_dark_panel_and_keeps_its_meaning_colours(
        dark_decks: dict[str, Any], name: str) -> None:
    """On a dark deck the band is the theme's own panel colour (the cards'), not a light
    tint that glares: it differs from the background as a card does; its labels read
    on it at 4.5:1. The seedling stays green, the water blue and the sun yellow, though
    the dark template's first accent is orange (the diagram takes the theme colour
    nearest the brand's hue)."""
    prs = dark_decks[name]
    colours = shown_colours(prs.slide_master)
    diagram = _diagram(prs)
    band = next(s for s in diagram.shapes if s.name.startswith("Ground:"))
    band_colour = _colour_of(band, colours)
    assert band_colour == colours["bg2"], (band_colour, colours["bg2"])
    assert contrast(band_colour, colours["bg1"]) < 1.8  # a panel, not a light tint
    for label in (s for s in diagram.shapes if s.name in ("Label: The seed",
                                                          "Label: The soil")):
        for run in (r for p in label.text_frame.paragraphs for r in p.runs):
            text = _resolved(run.font._rPr.find(f"{A}solidFill"), colours)
            assert text is not None and contrast(text, band_colour) >= 4.5, (label.name, text)
    groups = {s.name: s for s in diagram.shapes if s.name in MEANING}
    assert set(groups) == set(MEANING)
    for part, (pieces, (low, high)) in MEANING.items():
        for piece in groups[part].shapes:
            number = piece.name.rsplit(" ", 1)[-1]
            if number.isdigit() and int(number) in pieces:
                colour = _colour_of(piece, colours)
                assert colour is not None and low <= _hue(colour) <= high, (
                    piece.name, colour, round(_hue(colour)))


def _line_counts(shape: Any, fonts: Fonts) -> list[int]:
    frame = shape.text_frame
    width = (shape.width - frame.margin_left - frame.margin_right) / 12700
    return [line_count(para, width, para.scale, fonts) for para in paras_of(frame)]


@pytest.mark.parametrize("name", ["theme", "template"])
def test_the_diagrams_labels_read_on_two_lines_at_most(dark_decks: dict[str, Any],
                                                      name: str) -> None:
    """On a 4:3 slide (the dark template's wider DejaVu Sans too) each label's name is on
    one line and what it stands for on at most two, at one size of 14 pt or more: the
    labels' type is laid out against the pictograms at the slide's size, not squeezed
    into the handbook's proportions one word a line."""
    prs = dark_decks[name]
    fonts = family_fonts(BRAND, "Lato") if name == "theme" else system_fonts("DejaVu Sans")
    if fonts is None:
        pytest.skip("DejaVu Sans is not installed")
    labels = [s for s in _diagram(prs).shapes if s.name.startswith("Label:")]
    assert len(labels) == 6
    sizes = {run.font.size.pt for label in labels for p in label.text_frame.paragraphs
             for run in p.runs}
    assert len(sizes) == 1 and min(sizes) >= 14, sizes
    for label in labels:
        name_lines, *means = _line_counts(label, fonts)
        assert name_lines == 1 and means and all(n <= 2 for n in means), (
            label.name, name_lines, means)


@pytest.mark.parametrize("name", ["theme", "template"])
def test_the_diagram_fills_the_content_area_and_keeps_off_the_footer(
        dark_paths: dict[str, Path], dark_decks: dict[str, Any], name: str) -> None:
    """The diagram spans the width the titles have (from the text's left edge to the
    title's right), below the title; no label box reaches the footer or another label
    (tests/deckgeometry.py: every shape on the slide, no two text boxes overlapping)."""
    from tests.deckgeometry import deck_problems, placed_shapes

    assert deck_problems(dark_paths[name]) == []
    slide = next(slide for slide in dark_decks[name].slides
                 if any(shape.name == "Analogy diagram" for shape in slide.shapes))
    title = slide.shapes.title
    drawn = [shape for shape in placed_shapes(slide.shapes)
             if shape.name.startswith(("Label:", "Ground:", "Arrow:")) or ":" in shape.name]
    left = min(shape.left for shape in drawn)
    right = max(shape.right for shape in drawn)
    assert right - left >= 0.9 * title.width, (left, right, title.left, title.width)
    assert right <= title.left + title.width + 12700
    assert min(shape.top for shape in drawn) >= title.top + title.height - 12700


@pytest.mark.parametrize("name", ["theme", "template"])
def test_a_4_3_table_split_is_even_and_its_slides_filled(full_lists: dict[str, Any],
                                                         name: str) -> None:
    """The comparison's full rows (without `slide:`), too long for one 4:3 slide at
    18 pt, continue in equal parts (rows per slide differ by one at most), at one size of
    18 pt or more, each part's rows sharing out its slide's height down to the footer (not
    a full slide and a half-empty one); and on as few slides as the type scale allows: the
    six rows go 3+3 at a size of the scale, not 2+2+2 at the base size with padded rows
    and two continued slides."""
    slides = [(slide, shape) for slide in full_lists[name].slides for shape in slide.shapes
              if getattr(shape, "has_table", False) and shape.has_table]
    assert len(slides) >= 2
    rows = [len(shape.table.rows) - 1 for _, shape in slides]
    assert max(rows) - min(rows) <= 1, rows
    assert rows == [3, 3], rows
    # the second slide is the table's title, continued in the guide's words (its rows
    # name themselves in its first column: a title listing them said them twice)
    first = slides[0][0].shapes.title.text.replace("\v", "")  # as many lines as its sibling's
    second = slides[1][0].shapes.title.text.replace("\v", "")  # a title in even lines
    assert second == f"{first} ({LABELS.continued})"
    assert LABELS.continued == "continued"
    sizes = {run.font.size.pt for _, shape in slides for row in shape.table.rows
             for cell in row.cells for p in cell.text_frame.paragraphs for run in p.runs
             if run.font.size}
    assert len(sizes) == 1 and min(sizes) >= 18, sizes
    for slide, shape in slides:
        footer = min(s.top for s in slide.placeholders
                     if s.placeholder_format.type in (PP_PLACEHOLDER.FOOTER,
                                                      PP_PLACEHOLDER.SLIDE_NUMBER))
        height = sum(row.height for row in shape.table.rows)
        assert height >= 0.8 * (footer - shape.top), (slide.shapes.title.text, height)


def test_a_brand_whose_light_text_cannot_sit_on_a_seen_fill_gets_dark_text_there(
        tmp_path: Path) -> None:
    """A dark deck whose light text (#dddddd) is too dim for any shade of the primary that
    is seen on the background (3:1) and still carries it (4.5:1): the primary goes light
    enough for the background's dark colour to read on it instead, and the title slide,
    the role banners and the table header take that dark text."""
    brand = tmp_path / "_brand.yml"
    brand.write_text('meta: {name: Acme}\ncolor:\n  foreground: {light: "#1d2327", dark: '
                     '"#dddddd"}\n  background: {light: "#ffffff", dark: "#1d2327"}\n'
                     '  primary: "#2f6b4f"\n', encoding="utf-8")
    out = build_slides(Sources(builtin("content"), brand), tmp_path / "d.pptx",
                       DeckOptions(theme="dark")).path
    prs = Presentation(str(out))
    colours = shown_colours(prs.slide_master)
    fill = colours["accent1"]
    assert contrast(fill, colours["bg1"]) >= 3
    assert contrast("#dddddd", fill) < 4.5  # the case: the light text cannot sit on it
    runs = [run for slide in prs.slides for shape in slide.shapes
            if shape.name == "Role header" for run in shape.text_frame.paragraphs[0].runs]
    title = prs.slides[0].shapes.title.text_frame.paragraphs[0].runs
    assert len(runs) >= 4 and title
    for run in [*runs, *title]:
        colour = run.font._rPr.find(f"{A}solidFill")
        shown = _resolved(colour, colours) if colour is not None else None
        if shown is None:  # the title slide's text takes its layout's colour
            layout = prs.slides[0].slide_layout.placeholders[0]._element
            shown = _resolved(layout.find(f".//{A}defRPr/{A}solidFill"), colours)
        assert shown is not None and contrast(shown, fill) >= 4.5, (run.text, shown, fill)
    loaded, _ = load_brand(brand)
    said = [w.message for w in loaded.deck_warnings("dark") if "low contrast" in w.message]
    assert not said, said
    # smguide's own secondary (#a35a24, 2.9:1 on the charcoal) is lightened as the titles
    assert contrast(colours["accent2"], colours["bg1"]) >= 4.5


def test_the_starter_project_is_silent_on_a_dark_deck(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """What `smguide init` makes builds a dark deck without a word about its own brand:
    the starter's brand file gives the same dark values as the built-in one."""
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["init", "proj", "-q"]).exit_code == 0
    monkeypatch.chdir(tmp_path / "proj")
    result = CliRunner().invoke(main, ["slides", "--theme", "dark", "-o", "dark.pptx"])
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.output, result.output
    brand, _ = load_brand(tmp_path / "proj" / "brand" / "_brand.yml")
    assert brand.deck_warnings("dark") == []


@pytest.mark.parametrize("name", ["theme", "template"])
def test_a_tables_header_text_reads_on_its_fill(dark_decks: dict[str, Any], name: str
                                                ) -> None:
    """The header row's text on the header's fill (the table style's firstRow, read from
    ppt/tableStyles.xml, or the cell's own) at 4.5:1 or more, as on the light deck: on
    the dark theme, the light text on the primary green, not the dark background's."""
    from lxml import etree

    prs = dark_decks[name]
    colours = shown_colours(prs.slide_master)
    styles = etree.fromstring(prs.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/tableStyles"
    ).blob)
    tables = [shape for slide in prs.slides for shape in slide.shapes
              if getattr(shape, "has_table", False) and shape.has_table]
    assert tables
    checked = 0
    for shape in tables:
        tbl = shape.table._tbl
        style_id = tbl.tblPr.find(f"{A}tableStyleId").text
        style = next(s for s in styles.iter(f"{A}tblStyle") if s.get("styleId") == style_id)
        fill = style.find(f"{A}firstRow/{A}tcStyle/{A}fill/{A}solidFill")
        for cell in shape.table.rows[0].cells:
            own = cell._tc.find(f"{A}tcPr/{A}solidFill")
            back = _resolved(own if own is not None else fill, colours)
            for para in cell.text_frame.paragraphs:
                for run in para.runs:
                    ink = run._r.find(f"{A}rPr/{A}solidFill")
                    assert ink is not None, run.text  # LibreOffice ignores tcTxStyle
                    text = _resolved(ink, colours)
                    assert text and back
                    ratio = contrast(text, back)
                    assert ratio >= 4.5, (run.text, text, back, round(ratio, 2))
                    checked += 1
    assert checked >= 2 * len(tables)


@pytest.mark.parametrize("name", ["theme", "template"])
def test_a_takeaways_panel_is_as_tall_as_its_text(dark_decks: dict[str, Any], name: str
                                                  ) -> None:
    """The takeaways panel ends below its text, not 40-50 % further down: its height is
    the text's (measured on the placeholder's runs read back, at the size they carry
    after the deck's one type scale) plus its padding, within a line; the text is never
    below 18 pt; and the short list's items are moved apart at that size, so the panel
    takes most of the room."""
    fonts = family_fonts(BRAND, "Lato") if name == "theme" else system_fonts("DejaVu Sans")
    if fonts is None:
        pytest.skip("DejaVu Sans is not installed")
    checked = 0
    for slide in dark_decks[name].slides:
        panel = next((s for s in slide.shapes if s.name == "Takeaways panel"), None)
        if panel is None:
            continue
        text = next(s for s in slide.placeholders if s.placeholder_format.idx != 0
                    and s.has_text_frame and s.text_frame.text.strip()
                    and s.top == panel.top)
        frame = text.text_frame
        paras = paras_of(frame)
        size = paras[0].scale
        assert size >= 18, size
        width = (panel.width - 2 * (frame.margin_left - (panel.left - text.left))) / 12700
        needed = text_height(paras, width, 1.0, fonts) + (frame.margin_top
                                                          + frame.margin_bottom) / 12700
        assert panel.top + panel.height <= text.top + text.height
        assert abs(panel.height / 12700 - needed) <= 1.2 * size, \
            (slide.shapes.title.text, panel.height / 12700, needed)
        # a short list's items moved apart at the size the scale set: the panel uses the
        # slide rather than sitting in its top half
        assert panel.height >= 0.7 * text.height, (panel.height / text.height)
        checked += 1
    assert checked >= 1


@pytest.mark.parametrize("name", ["theme", "template"])
def test_the_agenda_numbers_are_in_the_accent_where_it_reads(dark_decks: dict[str, Any],
                                                             name: str) -> None:
    """The agenda's numbers in the primary colour, as on the light decks, not white; on
    the dark theme, whose green reads at only 3:1 on the background, that green
    lightened (lumOff) until the numbers read as text at 4.5:1."""
    prs = dark_decks[name]
    colours = shown_colours(prs.slide_master)
    agenda = next(slide for slide in prs.slides if slide.shapes.title is not None
                  and slide.shapes.title.text == "Agenda")
    numbered = [(p, _resolved(p._p.pPr.find(f"{A}buClr"), colours))
                for shape in agenda.placeholders if shape.placeholder_format.idx
                and shape.has_text_frame for p in shape.text_frame.paragraphs
                if p._p.pPr is not None and p._p.pPr.find(f"{A}buAutoNum") is not None]
    assert len(numbered) >= 5
    for paragraph, colour in numbered:
        slot = paragraph._p.pPr.find(f"{A}buClr/{A}schemeClr")
        assert slot is not None and slot.get("val") == "accent1", (paragraph.text, colour)
        assert colour and contrast(colour, colours["bg1"]) >= 4.5, (paragraph.text, colour)
        assert min(run.font.size.pt for run in paragraph.runs) >= 18
