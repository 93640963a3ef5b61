"""The analogy diagram's labels read back with python-pptx: the ground the seed grows in
(the garden) names the whole band from its top left corner, and no label leaves a short
word alone on a line ("Revenue and customer / value", "Umsatz / und Kundennutzen")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from smguide.deck.measuring import family_fonts
from smguide.deck.textfit import Fonts, system_fonts
from smguide.resources import builtin
from tests.deck.test_dark_decks import BRAND, TEMPLATE
from tests.deck.test_deck import build

BREAKS = " \t\n"  # a no-break space ties the words on either side


def _diagram(prs: Any) -> Any:
    return next(shape for slide in prs.slides for shape in slide.shapes
                if shape.name == "Analogy diagram")


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("labels")
    return {"en": Presentation(str(build(folder / "en.pptx"))),
            "de": Presentation(str(build(folder / "de.pptx", builtin("content") / "de"))),
            "4:3 dark": Presentation(str(build(folder / "dark.pptx", aspect="4:3",
                                               theme="dark"))),
            "de 4:3 dark": Presentation(str(build(folder / "de-dark.pptx",
                                                  builtin("content") / "de", aspect="4:3",
                                                  theme="dark"))),
            "dark template": Presentation(str(build(folder / "tpl.pptx", template=TEMPLATE)))}


def _fonts(name: str) -> Fonts | None:
    return system_fonts("DejaVu Sans") if name == "dark template" else family_fonts(
        BRAND, BRAND.base_family)


def _lines(words: list[tuple[str, bool]], width: float, size: float, fonts: Fonts
           ) -> list[list[str]]:
    """Greedy wrap of (word, bold) at `size` in `width` points: the lines' words, where
    a word holds no breaking space (tied words stay one)."""
    lines: list[list[str]] = [[]]
    used = 0.0
    for word, bold in words:
        face = fonts.face(bold, False)
        ink = face.width(word, size)
        space = face.width(" ", size)
        if lines[-1] and used + ink > width:
            lines.append([])
            used = 0.0
        lines[-1].append(word)
        used += ink + space
    return lines


def _words(paragraph: Any) -> list[tuple[str, bool]]:
    text_bold = [(run.text, bool(run.font.bold)) for run in paragraph.runs]
    out = []
    for text, bold in text_bold:
        word = ""
        for char in text:
            if char in BREAKS:
                if word:
                    out.append((word, bold))
                word = ""
            else:
                word += char
        if word:
            out.append((word, bold))
    return out


def _width(words: list[tuple[str, bool]], line: list[str], size: float, fonts: Fonts
           ) -> float:
    bold = dict(words)
    return sum(fonts.face(bold[word], False).width(word.replace("\u00a0", " "), size)
               for word in line) + fonts.face(False, False).width(" ", size) * (len(line) - 1)


@pytest.mark.parametrize("name", ["en", "de", "4:3 dark", "de 4:3 dark", "dark template"])
def test_no_label_of_the_diagram_leaves_a_short_word_alone(decks: dict[str, Any],
                                                          name: str) -> None:
    """No line of a wrapped label is a short word alone (one under half the widest
    line's width): "Revenue and / customer value", not "Revenue and customer / value";
    "Umsatz und / Kundennutzen", not "Umsatz / und Kundennutzen"; "Research / and
    strategy" may be either."""
    fonts = _fonts(name)
    if fonts is None:
        pytest.skip("DejaVu Sans is not installed")
    labels = [s for s in _diagram(decks[name]).shapes if s.name.startswith("Label:")]
    assert len(labels) == 6
    wrapped = 0
    for label in labels:
        frame = label.text_frame
        width = (label.width - frame.margin_left - frame.margin_right) / 12700
        for paragraph in frame.paragraphs:
            size = paragraph.runs[0].font.size.pt
            words = _words(paragraph)
            lines = _lines(words, width, size, fonts)
            if len(lines) > 1:
                wrapped += 1
                widest = max(_width(words, line, size, fonts) for line in lines)
                for line in lines:  # the words of a line, tied ones counted apart
                    alone = len(" ".join(line).replace("\u00a0", " ").split()) == 1
                    assert not alone or _width(words, line, size, fonts) >= widest / 2, (
                        label.name, lines)
    assert wrapped >= 1  # the harvest's "Revenue and customer value" wraps everywhere


@pytest.mark.parametrize("name", ["en", "de", "4:3 dark", "de 4:3 dark", "dark template"])
def test_the_garden_names_the_band_from_its_top_left_corner(decks: dict[str, Any],
                                                            name: str) -> None:
    """The band is the garden (the first ground part, whose colour it takes): its label
    sits in the band's top left corner, left of the seed (the garden draws no pictogram
    of its own: its group is the invisible frame, inside the band), and the rest of the
    ground (the soil) lies under the seed, not in a column with the garden."""
    diagram = _diagram(decks[name])
    shapes = {s.name: s for s in diagram.shapes}
    band = next(s for s in diagram.shapes if s.name.startswith("Ground:"))
    first, second = band.name.removeprefix("Ground: ").split(", ")  # garden, soil
    garden, soil, label = shapes[first], shapes[second], shapes[f"Label: {first}"]
    seed = next(s for s in diagram.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP
                and s.name not in (first, second) and band.top < s.top + s.height / 2
                < band.top + band.height)
    assert garden.shape_type == MSO_SHAPE_TYPE.GROUP
    for shape in (garden, label):
        assert band.left <= shape.left and shape.left + shape.width <= band.left + band.width
        assert band.top <= shape.top and shape.top + shape.height <= band.top + band.height
    assert label.top <= band.top + band.height * 0.25, (label.name, name)
    assert label.left + label.width <= seed.left + 12700
    assert soil.left >= label.left + label.width - 12700  # under the seed, right of it
    assert soil.top > garden.top  # lower than the garden's name (it meets the seed's foot)


def test_a_name_stays_on_one_line_in_a_wider_stand_in_font(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """A 4:3 deck of a French analogy ("Le navire" beside its ship): each left-aligned
    label's box reaches into the free room at its right, so the name stays on one line
    even where the theme's font is missing and DejaVu Sans (about 30% wider than Lato)
    shows it, as LibreOffice does; no label box reaches another part."""
    import shutil

    from pptx.util import Emu

    fonts = system_fonts("DejaVu Sans")
    if fonts is None:
        pytest.skip("DejaVu Sans is not installed")
    folder = tmp_path_factory.mktemp("navire")
    content = folder / "content"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "french", content)
    with (content / "chapters/01-equipes.yaml").open("a", encoding="utf-8") as out:
        out.write("  - type: analogy\n    intro: Un client en colère est un navire dans la "
                  "tempête.\n    parts:\n"
                  "      - {symbol: lighthouse, name: Le phare, stands_for: Le conseiller,\n"
                  "         explanation: Il reste calme.}\n"
                  "      - {symbol: ship, name: Le navire, stands_for: Le client,\n"
                  "         explanation: Il cherche un repère.}\n"
                  "      - {symbol: harbour, name: Le port, stands_for: La solution,\n"
                  "         explanation: Là où le client veut arriver.}\n"
                  "    lesson: Vous montrez le port.\n")
    diagram = _diagram(Presentation(str(build(folder / "fr.pptx", content, aspect="4:3"))))
    labels = [s for s in diagram.shapes if s.name.startswith("Label:")]
    assert len(labels) == 3
    for label in labels:
        frame = label.text_frame
        width = (label.width - frame.margin_left - frame.margin_right) / 12700
        name = frame.paragraphs[0]
        size = name.runs[0].font.size.pt
        assert len(_lines(_words(name), width, size, fonts)) == 1, (label.name, width)
        for other in diagram.shapes:
            if other.shape_id == label.shape_id or other.name.startswith(("Ground:", "Arrow")):
                continue
            apart = (other.left >= label.left + label.width or
                     other.left + other.width <= label.left or
                     other.top >= label.top + label.height or
                     other.top + other.height <= label.top)
            assert apart or other.name == label.name.removeprefix("Label: "), (
                label.name, other.name, Emu(label.left + label.width).pt, Emu(other.left).pt)
