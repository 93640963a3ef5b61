"""The analogy diagram as a presentation designer reads it, from the English, German, 4:3
dark-theme and dark-template decks read back with python-pptx (tests/deckgeometry.py):
the arrows from what helps reach the seedling itself (they end on the ellipse around what
it draws, glued to it); the harvest's arrow leaves the seedling, level, and its label is
left-aligned with its pictogram as every other label is; the soil sits under the
seedling; the garden's name labels the bed (no pictogram of its own there)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.deckgeometry import EMU_PER_PT, Placed, placed_shapes

DECKS = ["en", "de", "dark 4:3", "template"]  # conftest.four_decks
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _diagram(prs: Any) -> Any:
    return next(shape for slide in prs.slides for shape in slide.shapes
                if shape.name == "Analogy diagram")


def _drawn(group: Any, part: str) -> list[Placed]:
    """The visible shapes of a part's pictogram (its frame aside), placed on the slide."""
    return [shape for shape in _placed(group) if shape.name.startswith(f"{part}: ")
            and not shape.name.endswith(": frame")]


def _placed(group: Any) -> list[Placed]:
    return list(placed_shapes([group]))


def _box(shapes: list[Placed], pads: dict[str, float] | None = None
         ) -> tuple[float, float, float, float]:
    """The box around `shapes`, each widened by its `pads` (half its stroke's width)."""
    pad = pads or {}
    return (min(s.left - pad.get(s.name, 0) for s in shapes),
            min(s.top - pad.get(s.name, 0) for s in shapes),
            max(s.right + pad.get(s.name, 0) for s in shapes),
            max(s.bottom + pad.get(s.name, 0) for s in shapes))


def _strokes(group: Any) -> dict[str, float]:
    """Shape name -> half the width of its outline (a stroked polyline's ink lies outside
    its freeform's box by that much)."""
    out = {}
    for shape in group._element.iter(f"{P}sp"):
        line = shape.find(f"{P}spPr/{A}ln")
        if line is not None and line.get("w") and line.find(f"{A}noFill") is None:
            out[shape.find(f"{P}nvSpPr/{P}cNvPr").get("name")] = int(line.get("w")) / 2
    return out


def _glue(group: Any) -> dict[str, tuple[str, str]]:
    """Arrow name -> (the names of the shapes its two ends are glued to)."""
    names = {el.get("id"): el.get("name") for el in group._element.iter(f"{P}cNvPr")}
    out = {}
    for connector in group._element.iter(f"{P}cxnSp"):
        props = connector.find(f"{P}nvCxnSpPr/{P}cNvCxnSpPr")
        start, end = props.find(f"{A}stCxn"), props.find(f"{A}endCxn")
        assert start is not None and end is not None, "a connector not glued at both ends"
        name = connector.find(f"{P}nvCxnSpPr/{P}cNvPr").get("name")
        out[name] = (names[start.get("id")], names[end.get("id")])
    return out


@pytest.mark.parametrize("name", DECKS)
def test_arrows_reach_what_they_point_at(four_decks: dict[str, Any], name: str) -> None:
    """Every arrow is glued at both ends to a part's frame, and each frame is the box of
    what its pictogram draws (strokes with their width; a point of slack): the arrows
    from the water and the sun end on the seedling, not in the empty top of its
    square."""
    group = _diagram(four_decks[name])
    placed = {shape.name: shape for shape in _placed(group)}
    glued = _glue(group)
    assert len(glued) >= 3, glued
    for ends in glued.values():
        for frame in ends:
            assert frame.endswith(": frame"), ends
            part = frame.removesuffix(": frame")
            ink = _box(_drawn(group, part), _strokes(group))
            box = placed[frame]
            assert all(abs(a - b) <= EMU_PER_PT for a, b in
                       zip(ink, (box.left, box.top, box.right, box.bottom), strict=True)), (
                part, ink, box)


@pytest.mark.parametrize("name", DECKS)
def test_the_harvest_grows_from_the_seedling(four_decks: dict[str, Any], name: str) -> None:
    """The harvest's arrow leaves the seedling (not the bed's edge) and runs level; the
    harvest's label is left-aligned, its text starting where its pictogram does."""
    group = _diagram(four_decks[name])
    arrows = {name: ends for name, ends in _glue(group).items() if "harvest" in name.lower()
              or "Ernte" in name}
    assert len(arrows) == 1, _glue(group)
    (arrow, (start, end)), = arrows.items()
    assert start.removesuffix(": frame") in arrow.split(" to ")[0]  # what grows
    seed = start.removesuffix(": frame")
    assert not seed.startswith("Ground"), start
    line = next(s for s in _placed(group) if s.name == arrow)
    assert line.height <= 2 * EMU_PER_PT, line  # level
    harvest = end.removesuffix(": frame")
    label = next(shape for shape in group.shapes if shape.name == f"Label: {harvest}")
    aligns = {p._p.pPr.get("algn") for p in label.text_frame.paragraphs if p._p.pPr is not None}
    assert aligns == {"l"}, aligns
    text_left = next(s for s in _placed(group) if s.name == f"Label: {harvest}").left \
        + label.text_frame.margin_left
    assert abs(text_left - _box(_drawn(group, harvest))[0]) <= 2 * EMU_PER_PT


@pytest.mark.parametrize("name", DECKS)
def test_the_garden_names_the_bed_and_the_soil_lies_under_the_seedling(
        four_decks: dict[str, Any], name: str) -> None:
    group = _diagram(four_decks[name])
    placed = _placed(group)
    band = next(s for s in placed if s.name.startswith("Ground: "))
    garden, *rest = band.name.removeprefix("Ground: ").split(", ")
    assert not _drawn(group, garden)  # its label alone names the bed
    label = next(s for s in placed if s.name == f"Label: {garden}")
    assert band.left <= label.left <= band.left + 0.1 * band.width
    assert band.top <= label.top <= band.top + 0.3 * band.height
    seed = next(arrow.split(" to ")[0].removeprefix("Arrow: ") for arrow in _glue(group)
                if "harvest" in arrow.lower() or "Ernte" in arrow)
    left, _, right, bottom = _box(_drawn(group, seed))
    for soil in rest:
        x1, y1, x2, _ = _box(_drawn(group, soil))
        assert left <= (x1 + x2) / 2 <= right and y1 >= bottom - EMU_PER_PT, (soil, seed)


@pytest.mark.parametrize("name", DECKS)
def test_the_soil_is_the_ground_the_seedling_stands_in(four_decks: dict[str, Any],
                                                      name: str) -> None:
    """On the built-in theme and on the dark template (whose DejaVu Sans labels kept it
    below-left of the seedling) the soil reads as a band under the seedling, not a thing
    beside it: its drawing starts at the seedling's foot (it was half a seedling lower,
    centred on its taller label), centred under it, at least as wide as the seedling
    (it was two thirds as wide), its label beside it clear of the harvest's arrow."""
    group = _diagram(four_decks[name])
    placed = _placed(group)
    band = next(s for s in placed if s.name.startswith("Ground: "))
    soil = band.name.removeprefix("Ground: ").split(", ")[1]
    harvest = next(arrow for arrow in _glue(group) if "harvest" in arrow.lower()
                   or "Ernte" in arrow)
    seed = harvest.split(" to ")[0].removeprefix("Arrow: ")
    left, top, right, bottom = _box(_drawn(group, seed))
    x1, y1, x2, y2 = _box(_drawn(group, soil))
    assert abs(y1 - bottom) <= 0.05 * (bottom - top), (name, (y1 - bottom) / EMU_PER_PT)
    assert abs((x1 + x2) / 2 - (left + right) / 2) <= 0.05 * (right - left), name
    assert x2 - x1 >= right - left, (name, (x2 - x1) / (right - left))
    assert y2 <= band.bottom and x2 <= band.right, name
    label = next(s for s in placed if s.name == f"Label: {soil}")
    arrow = next(s for s in placed if s.name == harvest)
    # beside it: from its top half down to its foot (a label of three lines in DejaVu Sans
    # is taller than the soil, and starts under the harvest's arrow)
    assert label.left >= x2 and label.top <= (y1 + y2) / 2 and label.bottom >= y2, name
    assert label.top >= arrow.top + arrow.height, (name, "the label meets the arrow")


@pytest.mark.parametrize("name", DECKS)
def test_the_labels_are_set_at_the_body_texts_least_size(four_decks: dict[str, Any],
                                                         name: str) -> None:
    """Every label of the diagram at 18 pt, the least size of body text on a slide, on
    every deck (on the dark template its wider DejaVu Sans set them at 14 pt): the
    drawing makes room for its labels, inside the room between the title and the footer
    and within the title's left and right edges."""
    prs = four_decks[name]
    slide = next(s for s in prs.slides if any(sh.name == "Analogy diagram"
                                              for sh in s.shapes))
    group = _diagram(prs)
    sizes = {run.font.size.pt for shape in group.shapes if shape.has_text_frame
             for paragraph in shape.text_frame.paragraphs for run in paragraph.runs
             if run.text.strip()}
    assert sizes == {18.0}, sizes
    title = slide.shapes.title
    footer = min(s.top for s in slide.placeholders if s.placeholder_format.type in (13, 15))
    left, top, right, bottom = _box(_placed(group))
    slack = EMU_PER_PT / 2
    assert top >= title.top + title.height - slack, (top, title.top + title.height)
    assert bottom <= footer + slack, (bottom, footer)
    assert title.left - slack <= left and right <= title.left + title.width + slack, (
        left, right, title.left, title.width)


def _ends(group: Any) -> dict[str, tuple[tuple[float, float], tuple[float, float]]]:
    """Arrow name -> its two ends on the slide (EMU): the corners of its box its flips
    say it runs between."""
    boxes = {shape.name: shape for shape in _placed(group)}
    out = {}
    for connector in group._element.iter(f"{P}cxnSp"):
        name = connector.find(f"{P}nvCxnSpPr/{P}cNvPr").get("name")
        xfrm = connector.find(f"{P}spPr/{A}xfrm")
        flip_h, flip_v = (xfrm.get(flip) in ("1", "true") for flip in ("flipH", "flipV"))
        box = boxes[name]
        xs = (box.right, box.left) if flip_h else (box.left, box.right)
        ys = (box.bottom, box.top) if flip_v else (box.top, box.bottom)
        out[name] = ((xs[0], ys[0]), (xs[1], ys[1]))
    return out


def _text_boxes(group: Any, name: str) -> dict[str, tuple[float, float, float, float]]:
    """Label name -> the rectangle its text takes on the slide (EMU): its box less its
    insets, as tall as its lines are in the deck's own font (DejaVu Sans on the template,
    Lato on the theme), where its anchor puts them."""
    from pptx.enum.text import MSO_ANCHOR

    from smguide.deck.measuring import family_fonts
    from smguide.deck.textfit import system_fonts, text_height
    from tests.deck.test_dark_decks import BRAND
    from tests.deckgeometry import paras_of

    fonts = system_fonts("DejaVu Sans") if name == "template" else family_fonts(
        BRAND, BRAND.base_family)
    assert fonts is not None
    placed = {shape.name: shape for shape in _placed(group)}
    out = {}
    for shape in group.shapes:
        if not shape.name.startswith("Label: "):
            continue
        frame, box = shape.text_frame, placed[shape.name]
        left, right = box.left + frame.margin_left, box.right - frame.margin_right
        top, bottom = box.top + frame.margin_top, box.bottom - frame.margin_bottom
        # a placed shape is scaled by its group: so are its insets
        scale = box.width / shape.width
        width = (right - left) / scale / EMU_PER_PT
        tall = text_height(paras_of(frame), width, 1.0, fonts) * EMU_PER_PT * scale
        if frame.vertical_anchor == MSO_ANCHOR.MIDDLE:
            top = (top + bottom - tall) / 2
        elif frame.vertical_anchor == MSO_ANCHOR.BOTTOM:
            top = bottom - tall
        out[shape.name] = (left, top, right, top + tall)
    return out


@pytest.mark.parametrize("name", DECKS)
def test_no_arrow_runs_through_a_label(four_decks: dict[str, Any], name: str) -> None:
    """No arrow passes within two points of a label's text (its lines where its box's
    anchor sets them), and no two labels' texts meet: on the dark template "The seed /
    Sales" sat squeezed onto the harvest's arrow."""
    group = _diagram(four_decks[name])
    texts = _text_boxes(group, name)
    assert len(texts) >= 5, texts
    clear = 2 * EMU_PER_PT
    for arrow, ((x0, y0), (x1, y1)) in _ends(group).items():
        for label, (left, top, right, bottom) in texts.items():
            for step in range(201):
                x, y = x0 + (x1 - x0) * step / 200, y0 + (y1 - y0) * step / 200
                assert not (left - clear < x < right + clear
                            and top - clear < y < bottom + clear), (name, arrow, label)
    names = sorted(texts)
    for index, first in enumerate(names):
        for second in names[index + 1:]:
            a, b = texts[first], texts[second]
            assert min(a[2], b[2]) <= max(a[0], b[0]) or min(a[3], b[3]) <= max(a[1], b[1]), \
                (name, first, second)


def _text_right(group: Any, name: str) -> float:
    """The right edge (EMU) of what the diagram shows furthest right: a pictogram's ink
    or a label's widest line, in the deck's own font."""
    from smguide.deck.measuring import family_fonts
    from smguide.deck.textfit import system_fonts, widest_line
    from tests.deck.test_dark_decks import BRAND
    from tests.deckgeometry import paras_of

    fonts = system_fonts("DejaVu Sans") if name == "template" else family_fonts(
        BRAND, BRAND.base_family)
    assert fonts is not None
    placed = {shape.name: shape for shape in _placed(group)}
    right = max(shape.right for shape in placed.values() if ": " in shape.name
                and not shape.name.startswith(("Label: ", "Arrow: ", "Ground: "))
                and not shape.name.endswith(": frame"))
    for shape in group.shapes:
        if shape.name.startswith("Label: "):
            frame, box = shape.text_frame, placed[shape.name]
            scale = box.width / shape.width
            width = (shape.width - frame.margin_left - frame.margin_right) / EMU_PER_PT
            line = max(widest_line(para, width, para.size_at(1.0), fonts)
                       for para in paras_of(frame))
            right = max(right, box.left + (frame.margin_left + line * EMU_PER_PT) * scale)
    return right


@pytest.mark.parametrize("name", DECKS)
def test_the_diagram_reaches_the_contents_right_margin(four_decks: dict[str, Any],
                                                       name: str) -> None:
    """What the diagram shows furthest right (the harvest's basket or its label's widest
    line) ends within a tenth of an inch of where the title's text may end (its box less
    its inset), as its left edge starts where the title's text does: at 16:9 the basket
    stopped 1.2 in short of it."""
    prs = four_decks[name]
    slide = next(s for s in prs.slides if any(sh.name == "Analogy diagram"
                                              for sh in s.shapes))
    title = slide.shapes.title
    margin = title.left + title.width - title.text_frame.margin_right
    right = _text_right(_diagram(prs), name)
    assert margin - 0.1 * 914400 <= right <= margin + EMU_PER_PT, (
        name, (margin - right) / 914400)


@pytest.mark.parametrize("name", ["en", "de"])
def test_the_harvest_stays_within_the_gardens_height(four_decks: dict[str, Any],
                                                     name: str) -> None:
    """At 16:9 the harvest's label sits above its basket, its text ending above the
    basket's ink, where under it the label hung below the garden's panel: nothing of the
    harvest lies under the panel's bottom."""
    group = _diagram(four_decks[name])
    placed = _placed(group)
    band = next(s for s in placed if s.name.startswith("Ground: "))
    harvest = next(arrow for arrow in _glue(group) if "harvest" in arrow.lower()
                   or "Ernte" in arrow).split(" to ")[1]
    _, top, _, bottom = _box(_drawn(group, harvest))
    text = _text_boxes(group, name)[f"Label: {harvest}"]
    assert text[3] <= top and bottom <= band.bottom, (name, text, top, bottom, band)


@pytest.mark.parametrize("name", DECKS)
def test_a_label_on_the_band_ends_inside_it(four_decks: dict[str, Any], name: str) -> None:
    """A label that starts on the garden's band (the garden's, the seed's, the soil's)
    has its widest line end inside the band, two points short of its edge: at 16:9 the
    German soil's "Marktforschung und Strategie" ran to the band's right edge in a text
    box widened for a wider stand-in font."""
    from smguide.deck.measuring import family_fonts
    from smguide.deck.textfit import system_fonts, widest_line
    from tests.deck.test_dark_decks import BRAND
    from tests.deckgeometry import paras_of

    fonts = system_fonts("DejaVu Sans") if name == "template" else family_fonts(
        BRAND, BRAND.base_family)
    assert fonts is not None
    group = _diagram(four_decks[name])
    placed = {shape.name: shape for shape in _placed(group)}
    band = next(s for s in placed.values() if s.name.startswith("Ground: "))
    on_band = 0
    for shape in group.shapes:
        box = placed.get(shape.name)
        if box is None or not shape.name.startswith("Label: ") or not (
                band.left <= box.left < band.right and band.top <= box.top < band.bottom):
            continue
        on_band += 1
        frame = shape.text_frame
        width = (shape.width - frame.margin_left - frame.margin_right) / EMU_PER_PT
        line = max(widest_line(para, width, para.size_at(1.0), fonts)
                   for para in paras_of(frame))
        right = box.left + frame.margin_left + line * EMU_PER_PT
        assert right <= band.right - 2 * EMU_PER_PT, (name, shape.name,
                                                       (band.right - right) / EMU_PER_PT)
    assert on_band >= 2, on_band
