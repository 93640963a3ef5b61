"""The seed-and-garden diagram's labels read back from the English and German 16:9, the
dark 4:3 and the dark-template decks (conftest.four_decks): every label at one size, 18
pt where the layout has room and never below 16 (the slide's key picture is read from the
back of the room, as its body text is); no label's box on another's, on a pictogram's
shapes or on an arrow's line; the diagram inside the slide's text margins (the title's
left and right edges), under the title and above the footer."""

from __future__ import annotations

from typing import Any

import pytest

from tests.deck.test_diagram_labels import _fonts, _lines, _words
from tests.deckgeometry import EMU_PER_PT, TOLERANCE, Placed, placed_shapes

DECKS = ["en", "de", "dark 4:3", "template"]  # conftest.four_decks
FONTS = {"en": "en", "de": "de", "dark 4:3": "4:3 dark", "template": "dark template"}
LEADING = 1.2  # a line's height against its size (single spacing in Lato, DejaVu Sans)
LEAST = 16  # no label below this
ROOMY = 18  # and at this size where the layout has room: on all four decks it has


def _slide_and_diagram(prs: Any) -> tuple[Any, Any]:
    return next((slide, shape) for slide in prs.slides for shape in slide.shapes
                if shape.name == "Analogy diagram")


def _sizes(label: Any) -> set[float]:
    return {run.font.size.pt for paragraph in label.text_frame.paragraphs
            for run in paragraph.runs}


def _labels(group: Any) -> list[Any]:
    return [shape for shape in group.shapes if shape.name.startswith("Label:")]


@pytest.mark.parametrize("name", DECKS)
def test_every_label_is_set_at_one_size_of_18_pt(four_decks: dict[str, Any],
                                                  name: str) -> None:
    _, group = _slide_and_diagram(four_decks[name])
    labels = _labels(group)
    assert len(labels) == 6
    sizes = {label.name: _sizes(label) for label in labels}
    every = set().union(*sizes.values())
    assert len(every) == 1, sizes  # one size on every label, name and meaning alike
    size = every.pop()
    assert size >= LEAST, sizes
    assert size == ROOMY, sizes


def _line(connector: Any, transform: tuple[float, float, float, float]
          ) -> tuple[float, float, float, float]:
    """A connector's two ends on the slide (python-pptx reads its flips)."""
    dx, dy, sx, sy = transform
    return (dx + sx * connector.begin_x, dy + sy * connector.begin_y,
            dx + sx * connector.end_x, dy + sy * connector.end_y)


def _transform(group: Any) -> tuple[float, float, float, float]:
    """The group's child coordinates mapped onto the slide: (dx, dy, sx, sy)."""
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    xfrm = group._element.grpSpPr.find(f"{a}xfrm")
    off, ext = xfrm.find(f"{a}chOff"), xfrm.find(f"{a}chExt")
    sx, sy = group.width / int(ext.get("cx")), group.height / int(ext.get("cy"))
    return (group.left - int(off.get("x")) * sx, group.top - int(off.get("y")) * sy, sx, sy)


def _text_block(label: Any, box: Placed, name: str) -> Placed:
    """Where a label's lines are inside its box: the box's width, as tall as its lines
    (wrapped in the fonts the slide is measured with) at its anchor."""
    fonts = _fonts(FONTS[name])
    if fonts is None:
        pytest.skip("DejaVu Sans is not installed")
    frame = label.text_frame
    width = (label.width - frame.margin_left - frame.margin_right) / EMU_PER_PT
    lines = sum(len(_lines(_words(p), width, p.runs[0].font.size.pt, fonts))
                for p in frame.paragraphs)
    size = frame.paragraphs[0].runs[0].font.size.pt
    height = lines * size * LEADING * EMU_PER_PT
    inner_top, inner_bottom = box.top + frame.margin_top, box.bottom - frame.margin_bottom
    anchor = label._element.txBody.bodyPr.get("anchor", "t")
    top = {"t": inner_top, "b": inner_bottom - height}.get(
        anchor, (inner_top + inner_bottom - height) / 2)
    return Placed(box.name, box.left, top, box.width, height, box.text)


def _crosses(box: Placed, line: tuple[float, float, float, float]) -> bool:
    """Whether the line passes through the box (shrunk by a point of slack), sampled."""
    x0, y0, x1, y1 = line
    for n in range(201):
        x, y = x0 + (x1 - x0) * n / 200, y0 + (y1 - y0) * n / 200
        if (box.left + TOLERANCE < x < box.right - TOLERANCE
                and box.top + TOLERANCE < y < box.bottom - TOLERANCE):
            return True
    return False


@pytest.mark.parametrize("name", DECKS)
def test_no_label_meets_another_or_the_drawing(four_decks: dict[str, Any],
                                               name: str) -> None:
    """Each label's text box clear of every other label's and of every shape a pictogram
    draws (its invisible frame and the band it sits on aside); no arrow's line through a
    label's lines (it may pass the empty top or foot of a box anchored in the middle)."""
    _, group = _slide_and_diagram(four_decks[name])
    placed = list(placed_shapes([group]))
    labels = [shape for shape in placed if shape.name.startswith("Label:")]
    drawn = [shape for shape in placed
             if not shape.name.startswith(("Label:", "Ground:", "Arrow:"))
             and not shape.name.endswith(": frame")]
    assert len(labels) == 6 and len(drawn) > 10
    for n, label in enumerate(labels):
        for other in labels[n + 1:] + drawn:
            assert not label.overlaps(other), (name, label.name, other.name)
    transform = _transform(group)
    arrows = [shape for shape in group.shapes if shape.name.startswith("Arrow:")]
    assert len(arrows) >= 3
    texts = {shape.name: shape for shape in _labels(group)}
    blocks = [_text_block(texts[label.name], label, name) for label in labels]
    for arrow in arrows:
        line = _line(arrow, transform)
        for block in blocks:
            assert not _crosses(block, line), (name, block.name, arrow.name)


@pytest.mark.parametrize("name", DECKS)
def test_the_diagram_stays_inside_the_slide_margins(four_decks: dict[str, Any],
                                                    name: str) -> None:
    slide, group = _slide_and_diagram(four_decks[name])
    title = slide.shapes.title
    footer = min(shape.top for shape in slide.placeholders
                 if shape.placeholder_format.type in (13, 15))  # number, footer
    placed = list(placed_shapes([group]))
    left, right = min(s.left for s in placed), max(s.right for s in placed)
    top, bottom = min(s.top for s in placed), max(s.bottom for s in placed)
    slack = EMU_PER_PT
    assert left >= title.left - slack and right <= title.left + title.width + slack, (
        name, left / EMU_PER_PT, right / EMU_PER_PT)
    assert top >= title.top + title.height - slack and bottom <= footer + slack, (
        name, top / EMU_PER_PT, bottom / EMU_PER_PT)


def test_the_german_template_labels_are_set_as_their_siblings(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """On the 4:3 template in German (DejaVu Sans) the labels were at 14 pt beside 18 on
    every other deck: at each scale of their type one name ('Der Samen', 'Der Garten')
    was a hair wider than its box, whose free room to the right (kept for a wider
    stand-in font, and DejaVu Sans has none) was not counted. Now 18 pt, what a part
    stands for wrapping onto its second line ('Forschung und / Strategie'), and the
    garden names the band from its corner (its pictogram not drawn), as on the other
    decks."""
    from pptx import Presentation

    from smguide.resources import builtin
    from tests.deck.conftest import TEMPLATE
    from tests.deck.test_dark_decks import build

    path = build(tmp_path_factory.mktemp("de-tpl-labels") / "de-template.pptx",
                 builtin("content") / "de", template=TEMPLATE)
    _, group = _slide_and_diagram(Presentation(str(path)))
    labels = _labels(group)
    assert len(labels) == 6
    sizes = {label.name: _sizes(label) for label in labels}
    assert set().union(*sizes.values()) == {float(ROOMY)}, sizes
    garden = next(shape for shape in group.shapes if shape.name == "Der Garten")
    assert len(garden.shapes) == 1, [shape.name for shape in garden.shapes]  # its frame
