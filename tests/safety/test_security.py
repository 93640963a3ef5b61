"""Content is data, and the PDF engine reads only what it is allowed to."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from pypdf import PdfReader

from smguide.safety.fetcher import make_fetcher
from tests.conftest import edit
from tests.pdftools import all_text, figure_alts


def override(tmp_path: Path, body: str) -> Path:
    """A template folder whose cover is replaced by `body`."""
    folder = tmp_path / "templates" / "handbook"
    folder.mkdir(parents=True)
    (folder / "cover.html.j2").write_text(body, encoding="utf-8")
    return tmp_path / "templates"


@pytest.mark.parametrize("reference", [
    '<img src="file:///etc/passwd" alt="x">',
    '<img src="../../../../../../etc/hostname" alt="x">',
    '<link rel="attachment" href="file:///etc/passwd">',
    '<img src="http://127.0.0.1:9/pixel.png" alt="x">',
    '<style>@import url("file:///etc/passwd");</style>',
    '<div style="background: url(https://127.0.0.1:9/x.png)">x</div>',
])
def test_references_outside_the_allowed_folders_fail_the_build(
        run: Callable[..., Result], tmp_path: Path, reference: str) -> None:
    out = tmp_path / "out.pdf"
    result = run("pdf", "--template-overrides", str(override(tmp_path, reference)), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: blocked ")
    assert "only files inside the content, brand and template folders" in result.stderr \
        or "network and other URLs are never fetched" in result.stderr \
        or "the PDF never embeds files" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_fetcher_allows_only_files_under_its_roots(tmp_path: Path) -> None:
    inside = tmp_path / "ok.txt"
    inside.write_text("fine")
    fetcher = make_fetcher([tmp_path])
    assert fetcher.fetch(inside.as_uri()).read() == b"fine"
    for url in ["file:///etc/passwd", (tmp_path / ".." / "x").as_uri(), "https://127.0.0.1/"]:
        with pytest.raises(BaseException, match="only files inside|never fetched"):
            fetcher.fetch(url)


def test_template_syntax_in_content_is_printed_literally(
        run: Callable[..., Result], content: Path, tmp_path: Path) -> None:
    edit(content / "chapters/01-mixed-up.yaml", "heading: Two words used as one",
         "heading: \"{{ cycler.__init__.__globals__ }} <script>alert(1)</script>\"")
    out = tmp_path / "out.pdf"
    result = run("pdf", "--content", str(content), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = "".join(all_text(out).split())  # a heading may wrap anywhere in it
    assert "{{cycler.__init__.__globals__}}" in text
    assert "<script>alert(1)</script>" in text


def test_markdown_raw_html_is_escaped_and_unsafe_links_dropped(
        run: Callable[..., Result], content: Path, tmp_path: Path) -> None:
    edit(content / "chapters/01-mixed-up.yaml", "      You will hear",
         '      <b>raw</b> [bad](javascript:alert(1)) [good](https://example.org) You will hear')
    out = tmp_path / "out.pdf"
    assert run("pdf", "--content", str(content), "-o", str(out)).exit_code == 0
    assert "<b>raw</b>" in all_text(out)
    assert link_targets(out) == ["https://example.org"]
    assert b"javascript" not in out.read_bytes().lower()


def link_targets(pdf: Path) -> list[str]:
    return [str(annot.get_object()["/A"].get("/URI")) for page in PdfReader(pdf).pages
            for annot in page.get("/Annots", []) if "/A" in annot.get_object()
            and "/URI" in annot.get_object()["/A"]]


def test_image_outside_the_content_folder_is_a_content_error(
        run: Callable[..., Result], content: Path, tmp_path: Path) -> None:
    edit(content / "chapters/01-mixed-up.yaml", "blocks:\n",
         "blocks:\n  - type: image\n    src: ../../../etc/passwd\n    alt: x\n")
    result = run("pdf", "--content", str(content), "-o", str(tmp_path / "out.pdf"))
    assert result.exit_code == 1
    line = src_line(content / "chapters/01-mixed-up.yaml")
    assert result.stderr.splitlines()[0] == (
        f"Error: content/chapters/01-mixed-up.yaml:{line}:5: block 1 (image), src: "
        '"../../../etc/passwd" is '
        "outside the folder content; put the image inside it and give a relative path")


def src_line(chapter: Path) -> int:
    """The line of the first `src:` in a chapter file (where the test put its image)."""
    return next(n for n, text in enumerate(chapter.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().startswith("src:"))


def test_a_broken_image_fails_the_build_instead_of_vanishing(
        run: Callable[..., Result], content: Path, tmp_path: Path) -> None:
    (content / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    edit(content / "chapters/01-mixed-up.yaml", "blocks:\n",
         "blocks:\n  - type: image\n    src: broken.png\n    alt: A team photo\n")
    out = tmp_path / "out.pdf"
    result = run("pdf", "--content", str(content), "-o", str(out))
    assert result.exit_code == 1
    line = src_line(content / "chapters/01-mixed-up.yaml")
    assert result.stderr.splitlines()[0].startswith(
        f"Error: content/chapters/01-mixed-up.yaml:{line}:5: block 1 (image), src: "
        '"broken.png": the PNG image is damaged or truncated and cannot be read (')
    assert " at 0x" not in result.stderr
    assert not out.exists()


def test_a_good_image_is_embedded_with_its_alt_text(
        run: Callable[..., Result], content: Path, tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (300, 200), "#2f6b4f").save(content / "team.png")
    edit(content / "chapters/01-mixed-up.yaml", "blocks:\n",
         "blocks:\n  - type: image\n    src: team.png\n    alt: The whole team on the stairs\n"
         "    caption: Our team, spring 2026\n")
    out = tmp_path / "out.pdf"
    assert run("pdf", "--content", str(content), "-o", str(out)).exit_code == 0
    assert "The whole team on the stairs" in figure_alts(out)
    assert "Our team, spring 2026" in all_text(out)
