"""The model keeps every source file's absolute path; the form a message shows (relative to
the working folder, or as the user named the brand file) is made only when it is shown, so
a file is found again wherever the working folder is by then."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smguide.handbook.glyphs import _font_place
from smguide.resources import builtin
from smguide.sources.brand import load_brand
from smguide.sources.content import load_guide

BRAND = """\
meta:
  name: Acme
typography:
  fonts:
    - family: Lato
      source: system
    - family: Acme Sans
      source: google
  base: Acme Sans
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(builtin("content"), tmp_path / "content")
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "_brand.yml").write_text(BRAND, encoding="utf-8")
    return tmp_path


def test_chapters_keep_their_absolute_path_and_show_it_relative(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    guide = load_guide(Path("content"))
    first = guide.chapters[0]
    assert guide.root == (project / "content").resolve() and guide.root.is_absolute()
    assert first.path.is_absolute() and first.path.is_file()
    assert first.path.parent == guide.root / "chapters"
    assert first.source == f"content/chapters/{first.path.name}"
    monkeypatch.chdir(project / "content")  # shown from where it is shown
    assert first.source == f"chapters/{first.path.name}"


def test_the_brand_shows_the_name_it_was_given_and_keeps_its_path(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project / "content" / "chapters")
    brand, _ = load_brand(Path("../../brand/_brand.yml"))
    assert brand.source == "../../brand/_brand.yml"  # as the user (or the project) named it
    assert brand.path == (project / "brand" / "_brand.yml").resolve()
    # a later lookup in the file reads the file, not the name shown, whatever the folder
    monkeypatch.chdir(project.parent)
    place = _font_place(brand, "Acme Sans")
    assert (place.line, place.column, place.field) == (7, 7, "typography.fonts[1].family")
    assert place.file == brand.source
