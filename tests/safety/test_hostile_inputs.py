"""Hostile and broken inputs refused before rendering, each with one readable line.

Every case ends with exit code 1, an `Error:` line naming the file (and line where there
is one), no traceback, and no output file.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from smguide.safety.images import check_image
from tests.hostile import (
    CHAPTER,
    add_block,
    canary,
    image_block,
    picture,
    png_header_only,
    tiny,
)

HERE = Path(__file__).resolve().parents[1]  # tests/
WHERE = "content/chapters/01-one.yaml:26:5: block 4 (image), src"  # the appended image block's src

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ' \
      'width="10" height="10">{}</svg>'


def refused(result: Result, out: Path) -> str:
    """The first error line, after checking the failure was clean."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert not out.exists()
    first = result.stderr.splitlines()[0]
    assert first.startswith("Error: ")
    return first


def _truncated() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise((200, 200), 60).convert("RGB").save(out, "PNG")
    return out.getvalue()[: len(out.getvalue()) // 2]


IMAGES = {
    "bomb.png": (png_header_only(100_000, 100_000),
                 "the PNG image is too large to decode safely (a decompression bomb?)"),
    "huge.png": (png_header_only(9_000, 9_000), "the image is 9,000 x 9,000 pixels; at most "
                 "50 megapixels are allowed (scale it down)"),
    "cut.png": (_truncated(), "the PNG image is damaged or truncated and cannot be read "
                "(image file is truncated"),
    "photo.png": (picture("JPEG"), "the file is a JPEG image but its name ends in .png; "
                  "rename it to match"),
    "notes.gif": (b"just some text\n", "not a PNG, JPEG, WebP, GIF or SVG image (its contents "
                  "are something else)"),
    "entity.svg": (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM '
                   b'"file:///etc/passwd">]>' + SVG.format("<text>&x;</text>").encode(),
                   "the SVG declares a DTD or XML entities"),
    "laughs.svg": (b'<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
                   + SVG.format("<text>&b;</text>").encode(),
                   "the SVG declares a DTD or XML entities"),
    "image.svg": (SVG.format('<image href="file:///etc/passwd" width="5" height="5"/>').encode(),
                  'the SVG refers to "file:///etc/passwd" outside the file'),
    "xlink.svg": (SVG.format('<image xlink:href="../secret/canary.txt"/>').encode(),
                  'the SVG refers to "../secret/canary.txt" outside the file'),
    "remote.svg": (SVG.format('<rect fill="url(http://127.0.0.1:9/x.svg#p)"/>').encode(),
                   'the SVG refers to "http://127.0.0.1:9/x.svg#p" outside the file'),
    "import.svg": (SVG.format("<style>@import url(/etc/passwd);</style>").encode(),
                   "the SVG imports a stylesheet (@import)"),
    "script.svg": (SVG.format("<script>alert(1)</script>").encode(),
                   "the SVG contains <script>, which images may not use"),
    "onload.svg": (SVG.format('<rect onload="alert(1)"/>').encode(),
                   'the SVG has a script in its "onload" attribute'),
    "sheet.svg": (b'<?xml-stylesheet href="file:///etc/passwd"?>' + SVG.format("").encode(),
                  "the SVG links a stylesheet"),
    "broken.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>',
                   "the SVG is not well-formed XML (its line 1, column"),
}


@pytest.mark.parametrize("name", sorted(IMAGES))
def test_a_bad_image_is_refused_naming_the_content_file_and_line(
        run: Callable[..., Result], tmp_path: Path, name: str) -> None:
    content = tiny(tmp_path)
    data, message = IMAGES[name]
    (content / name).write_bytes(data)
    add_block(content, image_block(name))
    out = tmp_path / "out.pdf"
    first = refused(run("pdf", "--content", str(content), "-o", str(out)), out)
    assert first.startswith(f'Error: {WHERE}: "{name}": {message}'), first


def test_a_50_mb_image_is_refused_without_reading_it(run: Callable[..., Result],
                                                     tmp_path: Path) -> None:
    content = tiny(tmp_path)
    with (content / "poster.png").open("wb") as handle:
        handle.write(picture())
        handle.truncate(50_000_000)  # sparse: quick to make
    add_block(content, image_block("poster.png"))
    out = tmp_path / "out.pdf"
    assert refused(run("pdf", "--content", str(content), "-o", str(out)), out) == (
        f'Error: {WHERE}: "poster.png": the image is 50.0 MB; images may be at most 20.0 MB '
        "(export a smaller one)")


def test_a_picture_of_another_kind_is_refused(run: Callable[..., Result],
                                              tmp_path: Path) -> None:
    content = tiny(tmp_path)
    (content / "icon.bmp").write_bytes(picture("BMP"))
    add_block(content, image_block("icon.bmp"))
    out = tmp_path / "out.pdf"
    assert refused(run("pdf", "--content", str(content), "-o", str(out)), out) == (
        f'Error: {WHERE}: "icon.bmp" is not a supported image (use .gif, .jpeg, .jpg, .png, '
        ".svg, .webp)")


def test_a_link_out_of_the_content_folder_is_refused(run: Callable[..., Result],
                                                     tmp_path: Path) -> None:
    content = tiny(tmp_path)
    (content / "team.png").symlink_to(canary(tmp_path))
    add_block(content, image_block("team.png"))
    out = tmp_path / "out.pdf"
    assert refused(run("pdf", "--content", str(content), "-o", str(out)), out) == (
        f'Error: {WHERE}: "team.png" is outside the folder content; put the image inside it '
        "and give a relative path")


def test_a_chapter_linked_to_a_file_elsewhere_is_refused(run: Callable[..., Result],
                                                         tmp_path: Path) -> None:
    content = tiny(tmp_path)
    (content / "labels.yaml").rename(tmp_path / "labels.yaml")
    (content / "labels.yaml").symlink_to(tmp_path / "labels.yaml")
    out = tmp_path / "out.pdf"
    assert refused(run("pdf", "--content", str(content), "-o", str(out)), out) == (
        "Error: content/labels.yaml:1:1: the file is a link to a place outside the content "
        "folder; put the file itself there")


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "GIF", "WEBP"])
def test_good_pictures_of_every_supported_kind_pass(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"a.{kind.lower()}"
    path.write_bytes(picture(kind))
    assert check_image(path) is None


def test_a_clean_svg_with_inner_references_and_an_embedded_picture_passes(
        tmp_path: Path) -> None:
    import base64

    png = base64.b64encode(picture()).decode()
    path = tmp_path / "ok.svg"
    path.write_text(SVG.format(f'<defs><linearGradient id="g"/></defs><rect id="r" '
                               f'fill="url(#g)"/><use href="#r"/><image href="data:image/png;'
                               f'base64,{png}" width="4" height="4"/>'), encoding="utf-8")
    assert check_image(path) is None
    path.write_text(SVG.format('<image href="data:image/png;base64,'
                               + base64.b64encode(png_header_only(100_000, 100_000)).decode()
                               + '"/>'), encoding="utf-8")
    refused = check_image(path)
    assert refused is not None and refused.text == (
        "a picture embedded in the SVG: the PNG image is too large to decode safely (a "
        "decompression bomb?)") and refused.fix is None


def test_a_hostile_logo_is_refused_naming_the_brand_file(run: Callable[..., Result],
                                                         tmp_path: Path,
                                                         brand_dir: Path) -> None:
    (brand_dir / "logo.svg").write_text(SVG.format("<script>alert(1)</script>"),
                                        encoding="utf-8")
    out = tmp_path / "out.pdf"
    first = refused(run("pdf", "--brand", str(brand_dir / "_brand.yml"), "-o", str(out)), out)
    assert first.startswith('Error: brand/_brand.yml:')
    assert first.endswith(': logo.images.mark.path: "logo.svg": the SVG contains <script>, '
                          "which images may not use; remove it")


# -- sizes: the 100,000-row table, the 10 MB paragraph ----------------------------------

def _big_table(content: Path, rows: int) -> Path:
    path = content / "chapters" / "02-big.yaml"
    path.write_text("title: Big\nblocks:\n  - type: comparison\n    columns: [A, B]\n"
                    "    rows:\n" + "".join(f"      - aspect: Row {n}\n        values: [a, b]\n"
                                          for n in range(rows)), encoding="utf-8")
    guide = content / "guide.yaml"
    guide.write_text(guide.read_text(encoding="utf-8") + "  - chapters/02-big.yaml\n",
                     encoding="utf-8")
    return path


def test_a_100000_row_table_is_refused_before_it_is_parsed(run: Callable[..., Result],
                                                           tmp_path: Path) -> None:
    content = tiny(tmp_path)
    _big_table(content, 100_000)
    out = tmp_path / "out.pdf"
    assert refused(run("pdf", "--content", str(content), "-o", str(out)), out) == (
        "Error: content/chapters/02-big.yaml:1:1: the file is 4.9 MB; a content file may be at "
        "most 1.0 MB (split it into several files)")


def test_a_table_of_over_1000_rows_is_refused_at_its_line(run: Callable[..., Result],
                                                          tmp_path: Path) -> None:
    content = tiny(tmp_path)
    _big_table(content, 1_001)
    out = tmp_path / "out.pdf"
    assert refused(run("pdf", "--content", str(content), "-o", str(out)), out) == (
        "Error: content/chapters/02-big.yaml:6:7: this list has 1,001 items; at most 1,000 are "
        "allowed (split it up)")


def test_a_10_mb_paragraph_is_refused_before_it_is_parsed(run: Callable[..., Result],
                                                          tmp_path: Path) -> None:
    content = tiny(tmp_path)
    add_block(content, "  - type: prose\n    text: " + "word " * 2_000_000 + "\n")
    out = tmp_path / "out.pdf"
    assert refused(run("pdf", "--content", str(content), "-o", str(out)), out) == (
        f"Error: {CHAPTER.join(['content/', ''])}:1:1: the file is 10.0 MB; a content file "
        "may be at most 1.0 MB (split it into several files)")


@pytest.mark.parametrize(("value", "message"), [
    ("x" * 20_001, "this text is 20,001 characters long; one field may hold at most 20,000 "
                   "(split it into several blocks)"),
    ("9" * 5_000, "this number is too long; put it in quotes if it is meant as text"),
])
def test_an_oversized_value_is_refused_at_its_place(run: Callable[..., Result],
                                                    tmp_path: Path, value: str,
                                                    message: str) -> None:
    content = tiny(tmp_path)
    add_block(content, f"  - type: prose\n    text: {value}\n")
    out = tmp_path / "out.pdf"
    assert refused(run("pdf", "--content", str(content), "-o", str(out)), out) == (
        f"Error: content/{CHAPTER}:26:11: {message}")


# -- corporate PowerPoint templates --------------------------------------------------------

def _template_with(tmp_path: Path, name: str, extra: dict[str, bytes],
                   replace: dict[str, bytes] | None = None) -> Path:
    """The test template, with entries added or replaced."""
    source = zipfile.ZipFile(HERE / "fixtures" / "deck-template" / "dark.pptx")
    path = tmp_path / name
    with source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, (replace or {}).get(info.filename,
                                                               source.read(info)))
        for entry, data in extra.items():
            target.writestr(entry, data)
    return path


def _entity_presentation() -> bytes:
    original = zipfile.ZipFile(HERE / "fixtures/deck-template/dark.pptx").read(
        "ppt/presentation.xml")
    head, body = original.split(b"?>", 1)
    return head + b'?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + body


TEMPLATES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "not a zip": (lambda d: _write(d / "plain.pptx", b"This is not a deck at all.\n"),
                  "not a PowerPoint template (a .pptx file is a zip archive; this is not one)"),
    "a zip, not a deck": (lambda d: _zip(d / "other.pptx", {"readme.txt": b"hello"}),
                          "not a PowerPoint deck or template (it has no [Content_Types].xml)"),
    "a zip bomb": (lambda d: _template_with(d, "bomb.pptx", {"ppt/media/big.bin":
                                                             b"\0" * 20_000_000}),
                   "ppt/media/big.bin unpacks "),
    "an XML entity": (lambda d: _template_with(d, "entity.pptx", {}, {
        "ppt/presentation.xml": _entity_presentation()}),
        "ppt/presentation.xml: carries an XML document type declaration or entities"),
    "macros": (lambda d: _template_with(d, "macro.pptx", {"ppt/vbaProject.bin": b"VBA"}),
               "the template carries macros or controls (ppt/vbaProject.bin)"),
    "a link to a file share": (lambda d: _template_with(d, "unc.pptx", {
        "ppt/slideLayouts/_rels/extra.xml.rels":
            b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId9" Type="http://x/hyperlink" '
            b'Target="file://evil.example/share" TargetMode="External"/></Relationships>'}),
        'ppt/slideLayouts/_rels/extra.xml.rels: links to "file://evil.example/share"'),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("case", sorted(TEMPLATES))
def test_a_hostile_pptx_template_is_refused_before_python_pptx_opens_it(
        run: Callable[..., Result], tmp_path: Path, case: str) -> None:
    make, message = TEMPLATES[case]
    template = make(tmp_path)
    out = tmp_path / "out.pptx"
    result = run("slides", "--content", str(tiny(tmp_path)), "--template", str(template),
                 "-o", str(out))
    first = refused(result, out)
    assert first.startswith(f"Error: {template}: {message}"), first


def test_a_truncated_picture_is_refused_even_after_the_pdf_engine_loaded(
        tmp_path: Path) -> None:
    import weasyprint  # noqa: F401 - it tells Pillow to accept truncated images
    from PIL import ImageFile

    from smguide.safety.images import check_image

    cut = tmp_path / "cut.png"
    cut.write_bytes(_truncated())
    assert ImageFile.LOAD_TRUNCATED_IMAGES
    refused = check_image(cut)
    assert refused is not None and refused.text.startswith("the PNG image is damaged or truncated")
    assert refused.fix == "save it again from the original, or export a new copy"
    assert ImageFile.LOAD_TRUNCATED_IMAGES  # put back for the engine
