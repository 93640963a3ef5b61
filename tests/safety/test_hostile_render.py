"""What reaches the renderers: only allowed files, no network, no leaks, bounded time."""

from __future__ import annotations

import http.server
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from pptx import Presentation
from pypdf import PdfReader

from smguide.commands.build import load
from smguide.handbook import pdf as pdf_module
from smguide.handbook.html import HandbookRenderer
from smguide.model.options import PrintOptions, Sources
from smguide.resources import builtin
from tests.conftest import template_overrides
from tests.hostile import CANARY, add_block, canary, image_block, picture, tiny

HOSTILE_TEXT = """
  - type: prose
    heading: "{{{{ cycler.__init__.__globals__ }}}} <link rel=attachment href={uri}>"
    text: |
      <img src="{uri}"> <iframe src="{uri}"></iframe> <style>@import url({uri});</style>
      [file]({uri}) [js](javascript:alert(1)) [data](data:text/html,hi) [rel](../secret/x)
      [vb](vbscript:msgbox) <a href="{uri}">raw</a> [ok](https://example.org)
      <svg><image href="{uri}"/></svg> [mail](mailto:someone@example.org)
"""


def override(tmp_path: Path, files: dict[str, str]) -> Path:
    return template_overrides(tmp_path / "templates", files)


def test_hostile_content_renders_without_leaking_a_byte(tmp_path: Path) -> None:
    """The canary: the secret's bytes appear nowhere in the (uncompressed) PDF, while the
    pictures of the content folder do, and the template syntax in the text is printed."""
    secret = canary(tmp_path)
    content = tiny(tmp_path)
    (content / "team.png").write_bytes(picture(size=(120, 80)))
    (content / "diagram.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="20" '
                                         'height="10"><rect width="20" height="10"/></svg>')
    add_block(content, HOSTILE_TEXT.format(uri=secret.as_uri()) + image_block("team.png")
              + image_block("diagram.svg"))
    guide, brand, _ = load(Sources(content, builtin("brand") / "_brand.yml"))
    renderer = HandbookRenderer(guide, brand, None)
    data, _pages, _warnings = pdf_module.render_pdf(renderer.manuscript(PrintOptions()),
                                                    uncompressed=True)

    assert CANARY not in data
    assert b"%PDF" in data[:10] and b"\nBT\n" in data  # uncompressed: text operators in the clear
    assert_no_active_content(data, tmp_path / "check.pdf")
    reader = PdfReader(tmp_path / "check.pdf")
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "{{ cycler.__init__.__globals__ }}" in " ".join(text.split())
    pictures = [image.image.size for page in reader.pages for image in page.images]
    assert (120, 80) in pictures  # the content folder's own picture is printed


def assert_no_active_content(data: bytes, path: Path) -> None:
    """No embedded files, JavaScript, launch actions or file links, read back with pypdf."""
    path.write_bytes(data)
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    names = root.get("/Names", {})
    assert "/EmbeddedFiles" not in names and "/JavaScript" not in names
    assert "/OpenAction" not in root and "/AA" not in root
    for page in reader.pages:
        assert "/AA" not in page
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            assert annot.get("/Subtype") != "/FileAttachment"
            action = annot.get("/A", {})
            assert action.get("/S") in (None, "/URI", "/GoTo"), action
            uri = str(action.get("/URI", "https://"))
            assert uri.startswith(("https://", "http://", "mailto:")), uri
    for marker in (b"/JavaScript", b"/JS ", b"/Launch", b"/EmbeddedFile", b"/SubmitForm"):
        assert marker not in data, marker


SVG_REFUSED = "Error: the PDF engine could not use a resource: Failed to render SVG image "


@pytest.mark.parametrize(("files", "message"), [
    ({"handbook/cover.html.j2": '<svg><image href="{canary}" width="9" height="9"/></svg>'},
     SVG_REFUSED),
    ({"handbook/cover.html.j2": '<img src="data:image/svg+xml,<svg xmlns=\'http://www.w3.org/'
                                "2000/svg'><image href='{canary}'/></svg>\" alt='x'>"},
     SVG_REFUSED),
    ({"handbook/handbook.css": '@import url("{canary}");'}, "Error: blocked file://"),
    ({"handbook/handbook.css": "@import url(builtin.css);"}, "Error: blocked file://"),
    ({"handbook/handbook.css": 'body {{ background: url("{canary}") }}'},
     "Error: blocked file://"),
    ({"handbook/cover.html.j2": '<link rel="attachment" href="guide.yaml">'},
     'Error: blocked <link rel="attachment">: the PDF never embeds files'),
    ({"handbook/cover.html.j2": '<a rel="attachment" href="guide.yaml">x</a>'},
     'Error: blocked <a rel="attachment" href="file://'),
    ({"handbook/cover.html.j2": '<a href="{canary}">x</a>'},
     'Error: the templates link to "file://'),
    ({"handbook/cover.html.j2": '<a href="javascript:alert(1)">x</a>'},
     'Error: the templates link to "javascript:alert(1)"; links may only go to https, http, '
     "mailto or a place in the guide"),
    ({"handbook/cover.html.j2": '<img src="broken.png" alt="x">'},
     "Error: the PDF engine could not use a resource: "),
])
def test_hostile_template_overrides_fail_the_build(run: Callable[..., Result], tmp_path: Path,
                                                   files: dict[str, str], message: str) -> None:
    secret = canary(tmp_path)
    content = tiny(tmp_path)
    (content / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not a picture")
    folder = override(tmp_path, {name: text.format(canary=secret.as_uri())
                                 for name, text in files.items()})
    out = tmp_path / "out.pdf"
    result = run("pdf", "--content", str(content), "--template-overrides", str(folder),
                 "-o", str(out))
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[0].startswith(message), result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize("name", ["handbook/cover.html.j2", "handbook/handbook.css"])
def test_a_template_linked_to_a_file_elsewhere_is_refused(run: Callable[..., Result],
                                                          tmp_path: Path, name: str) -> None:
    folder = tmp_path / "templates"
    (folder / name).parent.mkdir(parents=True)
    (folder / name).symlink_to(canary(tmp_path))
    out = tmp_path / "out.pdf"
    result = run("pdf", "--content", str(tiny(tmp_path)), "--template-overrides", str(folder),
                 "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Error: {folder / name}: the {'stylesheet' if name.endswith('css') else 'template'} "
        "is a link to a file outside the template folders; put the file itself there")


@pytest.fixture
def loopback() -> Iterator[tuple[str, list[str]]]:
    """A web server on 127.0.0.1 serving one PNG; yields its URL and the paths asked for."""
    seen: list[str] = []
    body = picture()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            seen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/pixel.png", seen
    finally:
        server.shutdown()
        server.server_close()


def test_the_network_is_reached_only_with_allow_network(
        run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        loopback: tuple[str, list[str]]) -> None:
    url, seen = loopback
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    folder = override(tmp_path, {"handbook/cover.html.j2": f'<img src="{url}" alt="pixel">'})
    content = tiny(tmp_path)
    out = tmp_path / "out.pdf"
    refused = run("pdf", "--content", str(content), "--template-overrides", str(folder),
                  "-o", str(out))
    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[0].startswith(
        f"Error: blocked {url}: network and other URLs are never fetched (unless "
        f"--allow-network is given)")
    assert seen == [] and not out.exists()
    allowed = run("pdf", "--content", str(content), "--template-overrides", str(folder),
                  "-o", str(out), "--allow-network")
    assert allowed.exit_code == 0, allowed.stderr
    assert seen == ["/pixel.png"]
    assert out.read_bytes().startswith(b"%PDF-")


def test_links_in_the_deck_are_limited_like_the_handbook(run: Callable[..., Result],
                                                        tmp_path: Path) -> None:
    content = tiny(tmp_path)
    add_block(content, "  - type: checklist\n    items:\n"  # a block the deck shows
              "      - \"[js](javascript:alert(1)) [f](file:///etc/passwd) [d](data:text/html,x) "
              "[v](vbscript:x) [s](\\\\\\\\server\\\\share) [a](#one) [ok](https://example.org) "
              "[m](mailto:a@example.org) [h](http://example.org)\"\n")
    out = tmp_path / "deck.pptx"
    assert run("slides", "--content", str(content), "-o", str(out)).exit_code == 0
    shown = [shape.text_frame.text for slide in Presentation(str(out)).slides
             for shape in slide.shapes if shape.has_text_frame]
    assert any(text.endswith(" ok m h") for text in shown), shown  # the checklist is shown
    targets = set()
    with zipfile.ZipFile(out) as deck:
        for name in deck.namelist():
            if name.endswith(".rels"):
                text = deck.read(name).decode()
                targets |= {part.split('"', 1)[0] for part in text.split('Target="')[1:]
                            if 'TargetMode="External"' in text}
    external = {t for t in targets if ":" in t}
    # the handbook links to http too (safety/links.py WEB); a slide does not (SLIDE)
    assert external == {"https://example.org", "mailto:a@example.org"}


ABSURD_CSS = "p { font-size: 100000000px; margin: 1e9mm; }\nhtml { width: 1e12px }\n"


def test_absurd_css_in_an_override_ends_with_a_clear_error_in_time(
        run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    css = (builtin("templates") / "handbook" / "handbook.css").read_text(encoding="utf-8")
    folder = override(tmp_path, {"handbook/handbook.css": css + ABSURD_CSS})
    out = tmp_path / "out.pdf"
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    start = time.monotonic()
    result = run("pdf", "--content", str(tiny(tmp_path)), "--template-overrides", str(folder),
                 "-o", str(out), "--max-seconds", "3")
    assert time.monotonic() - start < 20
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert lines[0].startswith(("Error: rendering the handbook took longer than 3 s and was "
                                "stopped", "Error: rendering the handbook ran out of memory"))
    assert not out.exists()
    assert list(temp.iterdir()) == []  # the stopped child's temporary files are gone too


def test_rendering_leaves_no_temporary_files_behind(
        run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # WeasyPrint copies the fonts to a temp folder it removes only in a finalizer, which
    # a render child exiting at once (or killed at a limit) never runs
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    result = run("build", "--content", str(tiny(tmp_path)), "--out-dir", "out")
    assert result.exit_code == 0, result.stderr
    assert PdfReader(tmp_path / "out" / "handbook.pdf").pages
    assert list(temp.iterdir()) == []


def test_a_template_that_eats_memory_is_stopped_at_the_limit(
        run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a string doubled until it no longer fits: the error names the template and line
    doubling = ('<p>cover</p>\n{% set ns = namespace(s="x") %}{% for i in range(40) %}'
                "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}")
    folder = override(tmp_path, {"handbook/cover.html.j2": doubling})
    monkeypatch.setenv("SMGUIDE_MAX_MEMORY_MB", "1500")
    out = tmp_path / "out.pdf"
    result = run("pdf", "--content", str(tiny(tmp_path)), "--template-overrides", str(folder),
                 "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {folder}/handbook/cover.html.j2:2: template error: this makes a value too "
        "big for the memory limit of 1500 MB (--max-memory-mb or SMGUIDE_MAX_MEMORY_MB)\n")
    assert not out.exists()


def test_a_looping_deck_plan_is_stopped_in_time(run: Callable[..., Result],
                                                tmp_path: Path) -> None:
    loop = ("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
            "- kind: title\n  layout: Title Slide\n")
    folder = override(tmp_path, {"deck/plan.yaml.j2": loop})
    out = tmp_path / "out.pptx"
    start = time.monotonic()
    result = run("slides", "--content", str(tiny(tmp_path)), "--template-overrides", str(folder),
                 "-o", str(out), "--max-seconds", "2")
    assert time.monotonic() - start < 15
    assert result.exit_code == 1
    assert result.stderr == (  # stopped by the template itself, which says where
        f"Error: {folder}/deck/plan.yaml.j2:1: template error: the template was still "
        "running close to the time limit and was stopped; look for loops inside loops, or "
        "raise the limit with --max-seconds (or SMGUIDE_MAX_SECONDS)\n")
