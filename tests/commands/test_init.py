"""smguide init: a starter project that builds as it is, and never overwrites anything."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_init_makes_a_project_that_checks_clean_and_builds(run: Callable[..., Result],
                                                           tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    result = run("init", "handbook")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("Created handbook/ with 7 files. Next:\n  cd handbook\n")
    assert files(tmp_path / "handbook") == [
        "README.md", "brand", "brand/_brand.yml", "brand/logo.svg", "content",
        "content/chapters", "content/chapters/01-welcome.yaml",
        "content/chapters/02-how-we-work.yaml", "content/guide.yaml", "content/labels.yaml",
        "templates"]
    assert list((tmp_path / "handbook" / "templates").iterdir()) == []
    assert "smguide preview" in (tmp_path / "handbook" / "README.md").read_text()
    monkeypatch.chdir(tmp_path / "handbook")
    check = run("check", "--strict")
    assert check.exit_code == 0, check.stdout
    assert check.stdout.startswith("Checked content (en, 2 chapters), brand/_brand.yml")
    built = run("build")
    assert built.exit_code == 0, built.stderr
    assert "Built 2 files in" in built.stderr
    assert (tmp_path / "handbook/output/handbook.pdf").stat().st_size > 10_000
    assert (tmp_path / "handbook/output/deck.pptx").stat().st_size > 10_000


def test_init_in_german(run: Callable[..., Result], tmp_path: Path,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("init", "--lang", "de", "handbuch").exit_code == 0
    guide = (tmp_path / "handbuch/content/guide.yaml").read_text()
    assert "language: de" in guide and "title: Willkommen im Team" in guide
    assert "Kapitel" in (tmp_path / "handbuch/content/labels.yaml").read_text()
    assert (tmp_path / "handbuch/README.md").read_text().startswith("# Unser Handbuch")
    monkeypatch.chdir(tmp_path / "handbuch")
    result = run("check", "--strict", "--lang", "de")  # the folder's own language
    assert result.exit_code == 0, result.stdout
    assert run("pdf").exit_code == 0
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader("output/handbook.pdf").pages[1:])
    assert "Beispielfirma · für neue Kolleginnen und Kollegen" in text  # the footer, in German
    assert "for new team members" not in text


def test_init_in_a_language_with_no_text_starts_from_the_english_one(
        run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("init", "--lang", "es", "manual")
    assert result.exit_code == 0, result.stderr
    assert ("translate content/ into Spanish: the text is the English starter's, with dates, "
            "quotes and hyphenation already in Spanish; start with content/labels.yaml"
            ) in result.stderr
    guide = (tmp_path / "manual/content/guide.yaml").read_text()
    assert "\nlanguage: es\n" in guide and "title: Welcome to the Team" in guide
    labels = (tmp_path / "manual/content/labels.yaml").read_text()
    assert labels.startswith("# Translate these words into Spanish (es): each value, never a "
                             "key.\n")
    monkeypatch.chdir(tmp_path / "manual")
    check = run("check", "--strict")
    assert check.exit_code == 0, check.stdout
    assert check.stdout.startswith("Checked content (es, 2 chapters)")
    assert run("pdf").exit_code == 0
    import pikepdf
    from pypdf import PdfReader

    with pikepdf.open("output/handbook.pdf") as pdf:
        assert str(pdf.Root.Lang) == "es"  # screen readers and hyphenation: Spanish
    cover = PdfReader("output/handbook.pdf").pages[0].extract_text()
    assert "de 2026" in cover and "Welcome to the Team" in cover  # a Spanish date already
    assert run("init", "--lang", "pt-BR", "manual-br").exit_code == 0
    assert "into Portuguese (Brazil)" in run("init", "--lang", "pt-br", "outro").stderr


def test_init_refuses_a_folder_that_is_not_empty(run: Callable[..., Result],
                                                 tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    result = run("init", "mine")
    assert result.exit_code == 1
    assert result.stderr == ("Error: mine is not empty; smguide init never overwrites "
                             "anything. Choose a new folder name\n")
    assert files(tmp_path / "mine") == ["notes.txt"]
    (tmp_path / "empty").mkdir()
    assert run("init", "empty").exit_code == 0  # an empty folder is fine
    assert run("init", "mine/notes.txt").exit_code == 2  # a file: Click refuses it
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


def test_the_starter_ships_in_the_package() -> None:
    from smguide.commands.init import STARTER_DIR

    shipped = {p.relative_to(STARTER_DIR).as_posix() for p in STARTER_DIR.rglob("*")
               if p.is_file()}
    assert {"brand/_brand.yml", "en/guide.yaml", "de/guide.yaml", "en/README.md",
            "de/README.md"} <= shipped


def test_the_starter_logo_names_the_starter_company() -> None:
    """The logo's title (what a screen reader says for it) is the company the brand names."""
    import xml.etree.ElementTree as ET

    import yaml

    from smguide.commands.init import STARTER_DIR

    brand = yaml.safe_load((STARTER_DIR / "brand/_brand.yml").read_text(encoding="utf-8"))
    title = ET.parse(STARTER_DIR / "brand/logo.svg").find("{http://www.w3.org/2000/svg}title")
    assert title is not None
    assert title.text == brand["meta"]["name"]["full"] == "Example Company"


@pytest.mark.parametrize("args", [(), (".",)], ids=["no folder", "dot"])
def test_init_without_a_folder_uses_this_one_when_it_is_empty(
        args: tuple[str, ...], run: Callable[..., Result], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`smguide init` in a new, empty folder (as a new user makes it first) starts the
    project there, and does not tell them to `cd .`; in a folder with files, it refuses
    and writes nothing."""
    (tmp_path / "mine").mkdir()
    monkeypatch.chdir(tmp_path / "mine")
    result = run("init", *args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "Created the project in this folder with 7 files. Next:",
        "  smguide preview      # see it in your browser while you edit",
        "  smguide build        # output/handbook.pdf and output/deck.pptx"]
    assert "cd " not in result.stderr
    assert "content/guide.yaml" in files(tmp_path / "mine")
    assert run("check", "--strict").exit_code == 0
    before = {p: p.read_bytes() for p in (tmp_path / "mine").rglob("*") if p.is_file()}
    again = run("init", *args)
    assert again.exit_code == 1
    assert again.stderr == ("Error: this folder is not empty; smguide init never overwrites "
                            "anything. Give a new folder's name: smguide init my-handbook\n")
    assert {p: p.read_bytes() for p in (tmp_path / "mine").rglob("*") if p.is_file()} == before
