"""Company templates as they really are: any PowerPoint-family file, layouts picked by
what they hold, the content area and the logo from the template, small placeholders.

Templates are made here from python-pptx's own default (a real PowerPoint file), changed
the way real ones differ; the deck is read back with python-pptx and the package's XML."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pptx
import pytest
from click.testing import CliRunner
from lxml import etree
from pptx import Presentation

from smguide.cli import main
from smguide.deck.render import DeckRenderer
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


def render(template: Path, aspect: str | None = None, brand=BRAND) -> tuple[Presentation, bytes]:  # noqa: ANN001
    data, _ = DeckRenderer(GUIDE, brand, DeckOptions(template=template, aspect=aspect)).render()
    return Presentation(io.BytesIO(data)), data


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
    deck, data = render(tmp_path / "with-slides.pptx")
    texts = [shape.text_frame.text for s in deck.slides for shape in s.shapes
             if shape.has_text_frame]
    assert not any("confidential" in text for text in texts)
    assert b"confidential" not in b"".join(
        zipfile.ZipFile(io.BytesIO(data)).read(name)
        for name in zipfile.ZipFile(io.BytesIO(data)).namelist())


# -- the theme ----------------------------------------------------------------------------------


def test_the_template_theme_is_kept_and_named_after_the_brand(tmp_path: Path) -> None:
    _, data = render(DEFAULT)
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
    _, data = render(DEFAULT, brand=brand)
    theme = theme_xml(data)
    accent1 = theme.find(f".//{A}clrScheme/{A}accent1/{A}srgbClr").get("val")
    assert accent1 == BRAND.colours["primary"][1:].upper()
    assert theme.find(f".//{A}majorFont/{A}latin").get("typeface") == BRAND.heading_family


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_a_deck_on_the_default_template_has_clean_geometry(tmp_path: Path, aspect: str) -> None:
    _, data = render(DEFAULT, aspect)
    (tmp_path / "d.pptx").write_bytes(data)
    assert deck_problems(tmp_path / "d.pptx") == []
