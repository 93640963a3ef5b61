"""Analogy diagrams for any analogy: the Dutch guide's lighthouse, ship and harbour read
back from the PDF (pdfplumber: the vector drawing, its colours, its /Alt) and the deck
(python-pptx: groups named after the parts, their shapes, theme colours that are the
brand's), the page and the slide looked at as pictures (pdftoppm, LibreOffice, Pillow),
every bundled pictogram drawn alike by both renderers, and an author's own SVG."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from click.testing import Result
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from smguide.commands.build import build_pdf, build_slides
from smguide.model.guide import Analogy
from smguide.model.options import DeckOptions, PrintOptions, Sources
from smguide.model.pictograms import PICTOGRAMS, Oval, Rect
from smguide.resources import builtin
from smguide.sources.brand import load_brand
from smguide.sources.content import load_guide
from tests.pdftools import figure_alts

DUTCH = Path(__file__).resolve().parents[1] / "fixtures" / "dutch"
BRAND_FILE = builtin("brand") / "_brand.yml"
BRAND = load_brand(BRAND_FILE)[0]
COLOURS = BRAND.print_colours or BRAND.colours
SUN = BRAND.colours.get("warning") or "#e3a72f"
GUIDE = load_guide(DUTCH)
BLOCK = next(b for c in GUIDE.chapters for b in c.blocks if isinstance(b, Analogy))
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))


def as_hex(colour: Any) -> str | None:
    """A pdfplumber colour (an RGB tuple of 0-1 floats) as '#rrggbb'."""
    if not isinstance(colour, tuple) or len(colour) != 3:
        return None
    return "#" + "".join(f"{round(c * 255):02x}" for c in colour)


def near(pixel: tuple[int, ...], colour: tuple[int, int, int], within: int = 28) -> bool:
    return all(abs(a - b) <= within for a, b in zip(pixel[:3], colour, strict=True))


def walk(shapes: Any) -> Any:
    for shape in shapes:
        yield shape
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from walk(shape.shapes)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("analogy") / "handboek.pdf"
    build_pdf(Sources(DUTCH, BRAND_FILE), out, PrintOptions())
    return out


@pytest.fixture(scope="module")
def deck_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("analogy") / "presentatie.pptx"
    build_slides(Sources(DUTCH, BRAND_FILE), out, DeckOptions())
    return out


def diagram_page(pdf: Path) -> tuple[int, tuple[float, float, float, float], list[Any]]:
    """The page with the diagram, the box its curves fill (points) and its drawn objects."""
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages):
            words = page.extract_text() or ""
            if "vuurtoren" in words and "tevreden" in words and page.curves:
                drawn = list(page.curves) + [r for r in page.rects if r["width"] < page.width / 2]
                box = (min(o["x0"] for o in page.curves), min(o["top"] for o in page.curves),
                       max(o["x1"] for o in page.curves), max(o["bottom"] for o in page.curves))
                return number, box, drawn
    raise AssertionError("no page of the handbook has the diagram")


def test_the_handbook_draws_the_lighthouse_ship_and_harbour_in_the_brands_colours(
        pdf: Path) -> None:
    _, box, drawn = diagram_page(pdf)
    fills = {as_hex(o.get("non_stroking_color")) for o in drawn}
    strokes = {as_hex(o.get("stroking_color")) for o in drawn if o.get("stroke")}
    # the ship's hull (primary), the lighthouse's stripes and the harbour's crates
    # (secondary), the lamp (the warm colour), the waves (tertiary): vector shapes, in
    # exactly the brand's colours
    assert {COLOURS["primary"], COLOURS["secondary"], SUN} <= fills, fills
    assert COLOURS["tertiary"] in strokes | fills
    assert len(drawn) >= 30  # three pictograms of many shapes, not a placeholder
    assert box[2] - box[0] > 200 and box[3] - box[1] > 80  # points: a real picture
    # the author's alt text on the figure, not a description of another picture
    assert BLOCK.alt in figure_alts(pdf)


def test_the_deck_draws_the_same_parts_as_native_shapes_named_after_them(
        deck_path: Path) -> None:
    prs = Presentation(str(deck_path))
    diagrams = [shape for slide in prs.slides for shape in slide.shapes
                if shape.shape_type == MSO_SHAPE_TYPE.GROUP]
    assert len(diagrams) == 1
    diagram = diagrams[0]
    assert diagram._element.nvGrpSpPr.cNvPr.get("descr") == BLOCK.alt
    parts = {shape.name: shape for shape in diagram.shapes
             if shape.shape_type == MSO_SHAPE_TYPE.GROUP}
    assert set(parts) == {"De vuurtoren", "Het schip", "De lading op de kade"}
    names = " ".join(shape.name for shape in walk(diagram.shapes))
    for garden in ("Seed", "Garden", "Sun", "Basket", "Leaf", "seed", "garden"):
        assert garden not in names
    for part in BLOCK.parts:
        assert part.symbol is not None
        pictogram = PICTOGRAMS[part.symbol]
        inside = list(parts[part.name].shapes)
        # the frame the arrows are glued to, then one shape per piece of the pictogram
        assert len(inside) == len(pictogram.parts) + 1
        assert inside[0].name == f"{part.name}: frame"
        for shape, piece in zip(inside[1:], pictogram.parts, strict=True):
            kind = shape.shape_type
            if isinstance(piece, Rect | Oval):
                assert kind == MSO_SHAPE_TYPE.AUTO_SHAPE, shape.name
            else:
                assert kind == MSO_SHAPE_TYPE.FREEFORM, shape.name
    # the pictures are drawn in the accent colours (and the background, for holes), never
    # the text colour, which a dark deck turns light
    from pptx.enum.dml import MSO_FILL, MSO_THEME_COLOR

    for shape in (s for part in parts.values() for s in walk(part.shapes)):
        for fill in (shape.fill, shape.line.fill):
            if fill.type == MSO_FILL.SOLID:
                assert fill.fore_color.theme_color in (
                    MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_2, MSO_THEME_COLOR.ACCENT_3,
                    MSO_THEME_COLOR.ACCENT_4, MSO_THEME_COLOR.BACKGROUND_1), shape.name
    # two arrows (the lighthouse guides the ship, the ship reaches the harbour), glued
    lines = [s for s in diagram.shapes if s.shape_type == MSO_SHAPE_TYPE.LINE]
    assert sorted(line.name for line in lines) == [
        "Arrow: De vuurtoren to Het schip", "Arrow: Het schip to De lading op de kade"]
    labels = {s.name: s.text_frame.text for s in diagram.shapes if s.name.startswith("Label")}
    assert labels["Label: Het schip"] == "Het schip\nTransport"


def test_the_decks_colours_are_the_brands_theme_colours(deck_path: Path) -> None:
    with zipfile.ZipFile(deck_path) as package:
        theme = etree.fromstring(package.read("ppt/theme/theme1.xml"))
        slides = [etree.fromstring(package.read(n)) for n in package.namelist()
                  if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    scheme = {slot.tag.removeprefix(A): "#" + slot[0].get("val", slot[0].get("lastClr", ""))
              .lower() for slot in theme.find(f".//{A}clrScheme")}
    assert scheme["accent1"] == BRAND.colours["primary"]
    assert scheme["accent2"] == BRAND.colours["secondary"]
    assert scheme["accent3"] == BRAND.colours["tertiary"]
    diagram = next(s for s in slides if b'name="Het schip"' in etree.tostring(s))
    fills = [fill for fill in diagram.iter(f"{A}solidFill") if fill.find(f"{A}schemeClr")
             is not None or fill.find(f"{A}srgbClr") is not None]
    assert fills
    # every colour of the diagram is a theme colour (recolouring the theme recolours it)
    assert all(fill.find(f"{A}srgbClr") is None for fill in fills)
    used = {fill.find(f"{A}schemeClr").get("val") for fill in fills}
    assert {"accent1", "accent2", "accent4"} <= used <= {"accent1", "accent2", "accent3",
                                                         "accent4", "tx1", "bg1", "dk1"}


def crop_counts(image: Image.Image, box: tuple[int, int, int, int]) -> dict[str, float]:
    region = image.convert("RGB").crop(box)
    pixels = [region.getpixel((x, y)) for y in range(region.height) for x in range(region.width)]
    background = rgb(BRAND.colours["background"])
    return {"drawn": sum(not near(p, background, 12) for p in pixels) / len(pixels),
            "primary": sum(near(p, rgb(COLOURS["primary"])) for p in pixels),
            "secondary": sum(near(p, rgb(COLOURS["secondary"])) for p in pixels),
            "sun": sum(sunny(p) for p in pixels)}


def sunny(pixel: tuple[int, ...]) -> bool:
    """A pixel of the sun's warm yellow, at whatever lightness it was kept seen at on
    its ground (the deck darkens it on white to 3:1 and more): its hue and saturation."""
    import colorsys

    hue, light, sat = colorsys.rgb_to_hls(*(c / 255 for c in pixel[:3]))
    want = colorsys.rgb_to_hls(*(c / 255 for c in rgb(SUN)))[0]
    return abs(hue - want) * 360 <= 8 and sat >= 0.5 and 0.25 <= light <= 0.8


def test_the_page_shows_the_picture(pdf: Path, tmp_path: Path) -> None:
    number, (x0, top, x1, bottom), _ = diagram_page(pdf)
    dpi = 72
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(number + 1),
                    "-l", str(number + 1), "-singlefile", str(pdf), str(tmp_path / "page")],
                   check=True, capture_output=True, timeout=60)
    with Image.open(tmp_path / "page.png") as page:
        scale = dpi / 72
        counts = crop_counts(page, (round(x0 * scale), round(top * scale),
                                    round(x1 * scale), round(bottom * scale)))
    assert counts["drawn"] > 0.08, counts  # the pictograms' area is not empty
    assert counts["primary"] > 150 and counts["secondary"] > 30 and counts["sun"] > 8, counts


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_slide_shows_the_picture(deck_path: Path, tmp_path: Path) -> None:
    prs = Presentation(str(deck_path))
    index, diagram = next((i, shape) for i, slide in enumerate(prs.slides)
                          for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.GROUP)
    profile = tmp_path / "profile"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck_path)],
                   capture_output=True, timeout=180, check=False)
    slides = tmp_path / f"{deck_path.stem}.pdf"
    assert slides.is_file(), "LibreOffice exits 0 even when it fails: no PDF was written"
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", str(index + 1), "-l", str(index + 1),
                    "-singlefile", str(slides), str(tmp_path / "slide")],
                   check=True, capture_output=True, timeout=60)
    with Image.open(tmp_path / "slide.png") as picture:
        sx, sy = picture.width / prs.slide_width, picture.height / prs.slide_height
        box = (round(diagram.left * sx), round(diagram.top * sy),
               round((diagram.left + diagram.width) * sx),
               round((diagram.top + diagram.height) * sy))
        counts = crop_counts(picture, box)
    assert counts["drawn"] > 0.05, counts
    assert counts["primary"] > 150 and counts["secondary"] > 30 and counts["sun"] > 8, counts


# -- every pictogram, both renderers ------------------------------------------------------


def every_pictogram_guide(root: Path, picture: str | None = None) -> Path:
    """The Dutch guide with its analogy chapter replaced by analogies that use every
    bundled pictogram (nine parts a block), or one with the author's own picture."""
    content = root / "content"
    shutil.copytree(DUTCH, content)
    names = sorted(PICTOGRAMS)
    blocks = []
    groups = [names[i:i + 9] for i in range(0, len(names), 9)] if picture is None else [[]]
    for group in groups:
        parts = [f"      - symbol: {name}\n        name: Deel {name}\n"
                 f"        stands_for: Iets\n        explanation: Uitleg.\n" for name in group]
        if picture is not None:
            parts = [f"      - picture: {picture}\n        name: De kraan\n"
                     "        stands_for: Laden\n        explanation: Uitleg.\n",
                     "      - symbol: ship\n        name: Het schip\n"
                     "        stands_for: Transport\n        explanation: Uitleg.\n"]
        blocks.append("  - type: analogy\n    parts:\n" + "".join(parts))
    (content / "chapters" / "03-vuurtoren.yaml").write_text(
        "title: Alle beelden\nblocks:\n" + "".join(blocks), encoding="utf-8")
    return content


def test_every_pictogram_is_drawn_alike_in_the_handbook_and_the_deck(tmp_path: Path) -> None:
    from smguide.handbook.html import HandbookRenderer

    content = every_pictogram_guide(tmp_path)
    guide = load_guide(content)
    blocks = [b for c in guide.chapters for b in c.blocks if isinstance(b, Analogy)]
    assert sum(len(b.parts) for b in blocks) == len(PICTOGRAMS) >= 26
    renderer = HandbookRenderer(guide, BRAND, None)
    svg_ns = "{http://www.w3.org/2000/svg}"
    drawn_svg: dict[str, list[str]] = {}
    keyed: dict[str, list[str]] = {}  # each part's pictogram in the key
    import base64

    for block in blocks:
        svg = etree.fromstring(base64.b64decode(renderer.analogy_diagram(block).removeprefix(
            "data:image/svg+xml;base64,")))
        for group in svg.iter(f"{svg_ns}g"):
            if group.get("data-pictogram"):
                drawn_svg[group.get("data-pictogram")] = [e.tag.removeprefix(svg_ns)
                                                          for e in group]
        # the key table shows each part's own pictogram, small, drawn by the same template
        for part, icon in zip(block.parts, renderer.analogy_key(block), strict=True):
            small = base64.b64decode(icon.removeprefix("data:image/svg+xml;base64,"))
            assert f'data-pictogram="{part.symbol}"'.encode() in small
            for group in etree.fromstring(small).iter(f"{svg_ns}g"):
                if group.get("data-pictogram"):
                    keyed[group.get("data-pictogram")] = [e.tag.removeprefix(svg_ns)
                                                          for e in group]
        # composed alt text: the parts' own words
        assert svg.find(f"{svg_ns}title").text == block.alt
        assert block.alt.startswith(f"{block.parts[0].name} ({block.parts[0].stands_for})")
    # no picture is drawn in the text colour (a dark deck turns it light)
    assert not [name for name, pictogram in PICTOGRAMS.items()
                if any(piece.tone.slot in ("text", "line") for piece in pictogram.parts)]
    tags = {"Rect": "rect", "Oval": "ellipse", "Poly": "polygon", "Stroke": "polyline"}
    # a part that names the band shows its label alone in the diagram (and its pictogram
    # in the key): one a block at most
    unnamed = {name for name, drawn in drawn_svg.items() if not drawn}
    assert len(unnamed) <= len(blocks), unnamed
    for name, pictogram in PICTOGRAMS.items():
        assert keyed[name] == [tags[type(p).__name__] for p in pictogram.parts], name
        if name not in unnamed:
            assert drawn_svg[name] == [tags[type(p).__name__] for p in pictogram.parts], name
    out = build_slides(Sources(content, BRAND_FILE), tmp_path / "alle.pptx", DeckOptions())
    prs = Presentation(str(out.path))
    groups = {shape.name: shape for slide in prs.slides for top in slide.shapes
              if top.shape_type == MSO_SHAPE_TYPE.GROUP for shape in top.shapes
              if shape.shape_type == MSO_SHAPE_TYPE.GROUP}
    # the deck's scene is wider than the page's: a part may name its band on one and
    # not on the other, but only a ground part, one a block at most
    alone = {name for name in PICTOGRAMS if len(groups[f"Deel {name}"].shapes) == 1}
    assert len(alone) <= len(blocks), alone
    for name, pictogram in PICTOGRAMS.items():
        if name in alone | unnamed:
            assert pictogram.role == "ground", name
        shapes = list(groups[f"Deel {name}"].shapes)[1:]  # after the frame
        assert len(shapes) == (0 if name in alone else len(pictogram.parts)), name
        assert all(s.name.startswith(f"Deel {name}: {name} ") for s in shapes)


# -- the author's own picture ---------------------------------------------------------------

CRANE = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
         '<rect x="10" y="10" width="80" height="80" fill="#d01c8b"/></svg>')


def test_a_part_may_be_drawn_with_the_authors_own_svg(tmp_path: Path) -> None:
    content = every_pictogram_guide(tmp_path, picture="kraan.svg")
    (content / "kraan.svg").write_text(CRANE, encoding="utf-8")
    out = tmp_path / "kraan.pdf"
    build_pdf(Sources(content, BRAND_FILE), out, PrintOptions())
    with pdfplumber.open(out) as document:
        page = next(p for p in document.pages if "De kraan" in (p.extract_text() or ""))
        fills = {as_hex(o.get("non_stroking_color")) for o in page.rects + page.curves}
    assert "#d01c8b" in fills  # the author's drawing, as vectors in the handbook
    deck = build_slides(Sources(content, BRAND_FILE), tmp_path / "kraan.pptx", DeckOptions())
    prs = Presentation(str(deck.path))
    crane = next(shape for slide in prs.slides for top in slide.shapes
                 if top.shape_type == MSO_SHAPE_TYPE.GROUP for shape in top.shapes
                 if shape.name == "De kraan")
    (picture,) = [s for s in crane.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert picture.name == "De kraan: picture"
    # the SVG itself travels beside the PNG, for the clients that draw SVG
    svg_blip = picture._element.find(".//{http://schemas.microsoft.com/office/drawing/2016/"
                                     "SVG/main}svgBlip")
    assert svg_blip is not None
    embed = svg_blip.get("{http://schemas.openxmlformats.org/officeDocument/2006/"
                         "relationships}embed")
    assert picture.part.related_part(embed).blob == CRANE.encode()
    from tests.conftest import ooxml_problems

    assert ooxml_problems(deck.path) == []
    with Image.open(io.BytesIO(picture.image.blob)) as image:
        assert near(image.convert("RGB").getpixel((image.width // 2, image.height // 2)),
                    rgb("#d01c8b"), 4)


@pytest.mark.parametrize(("svg", "says"), [
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "the SVG contains <script>"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
     '<image x:href="http://example.com/a.png"/></svg>', "outside the file"),
])
def test_an_unsafe_picture_is_one_line_and_nothing_is_written(
        run: Callable[..., Result], tmp_path: Path, svg: str, says: str) -> None:
    content = every_pictogram_guide(tmp_path, picture="kraan.svg")
    (content / "kraan.svg").write_text(svg, encoding="utf-8")
    out = tmp_path / "out.pdf"
    result = run("pdf", "--content", str(content), "-o", str(out))
    assert result.exit_code == 1 and not out.exists()
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert len(errors) == 1, result.stderr
    assert re.search(r"03-vuurtoren\.yaml:\d+:\d+: block 1 \(analogy\), part 1, picture: "
                     r'"kraan\.svg": ', errors[0]) and says in errors[0], errors[0]


def test_a_misspelt_pictogram_names_file_line_field_and_the_nearest_name(
        run: Callable[..., Result], tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(DUTCH, content)
    chapter = content / "chapters" / "03-vuurtoren.yaml"
    chapter.write_text(chapter.read_text().replace("symbol: lighthouse", "symbol: lighthous"))
    result = run("check", "--content", str(content))
    assert result.exit_code == 1
    said = result.stdout + result.stderr  # check reports on stdout
    errors = [line for line in said.splitlines() if line.startswith("Error")]
    assert len(errors) == 1, said
    assert re.search(r"03-vuurtoren\.yaml:8:\d+: block 1 \(analogy\), part 1, symbol: expected "
                     r'one of anchor, .*; got "lighthous" \(did you mean "lighthouse"\?\)$',
                     errors[0]), errors[0]


def test_a_part_gives_a_symbol_or_a_picture_and_a_role_smguide_knows(
        run: Callable[..., Result], tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(DUTCH, content)
    chapter = content / "chapters" / "03-vuurtoren.yaml"
    text = chapter.read_text()
    text = text.replace("      - symbol: lighthouse\n", "      - symbol: lighthouse\n"
                        "        picture: kade.png\n")
    text = text.replace("      - symbol: ship\n        role: grows\n", "      - role: grows\n")
    text = text.replace("        role: results\n", "        role: result\n")
    chapter.write_text(text)
    result = run("check", "--content", str(content))
    assert result.exit_code == 1
    errors = [line for line in (result.stdout + result.stderr).splitlines()
              if line.startswith("Error")]
    assert len(errors) == 3, errors
    assert errors[0].endswith("block 1 (analogy), part 1: the part has both a symbol and a "
                              "picture; give either symbol (a pictogram, such as lighthouse) "
                              "or picture (an SVG file of your own)")
    assert "block 1 (analogy), part 2: the part has no symbol and no picture; " in errors[1]
    assert errors[2].endswith('block 1 (analogy), part 3, role: expected one of helps, grows, '
                              'ground, results; got "result" (did you mean "results"?)')
