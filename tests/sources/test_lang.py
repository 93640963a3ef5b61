"""--lang on every command: content/<lang>/, translated labels, hyphenation, quotes, dates."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from smguide.commands.preview import Preview
from smguide.resources import builtin
from smguide.sources.languages import LanguageError, format_date, select, variants
from tests.conftest import edit, multilang_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """tests/fixtures/multilang (English, with de/) as ./content, the built-in brand."""
    return multilang_project(tmp_path)


def test_languages_are_the_folder_and_its_translation_subfolders(project: Path) -> None:
    assert variants(project) == {"en": project, "de": project / "de"}
    assert select(project, None) == (project, False)
    assert select(project, "en") == (project, False)
    assert select(project, "DE") == (project / "de", True)
    (project / "fr").mkdir()  # a third language is a folder, no code
    shutil.copytree(project / "de", project / "fr", dirs_exist_ok=True)
    edit(project / "fr" / "guide.yaml", "language: de", "language: fr")
    assert sorted(variants(project)) == ["de", "en", "fr"]


def test_an_unknown_language_lists_the_available_ones(run: Callable[..., Result],
                                                      project: Path) -> None:
    for command in (["pdf"], ["slides"], ["build"], ["check"], ["preview"]):
        result = run(*command, "--lang", "fr")
        assert result.exit_code == 1, command
        assert result.stderr.startswith('Error: the content has no language "fr"; available: '
                                        "de, en. To add it, copy the content into "
                                        "content/fr/"), command
    result = run("init", "--lang", "xx", "new")
    assert result.stderr == ('Error: there is no starter in "xx"; available: de, en (or any '
                             "language by its code, such as es or pt-BR, to start from the "
                             "English text)\n")
    with pytest.raises(LanguageError):
        select(project, "fr")


def test_dates_are_written_the_way_the_language_writes_them() -> None:
    assert format_date("2026-03-01", "en") == "March 1, 2026"
    assert format_date("2026-03-01", "en-GB") == "1 March 2026"
    assert format_date("2026-03-01", "de") == "1. März 2026"
    assert format_date("2026-03-01", "fr") == "1er mars 2026"  # the ordinal day (typography)
    assert format_date("2026-03-02", "fr") == "2 mars 2026"
    assert format_date("2026-03-01", "zz") == "2026-03-01"  # unknown to Babel: as written


def test_an_impossible_date_is_an_error(run: Callable[..., Result], project: Path) -> None:
    edit(project / "guide.yaml", '"2026-03-01"', '"2026-02-30"')
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        'Error: content/guide.yaml:5:1: date: "2026-02-30" is not a day in the calendar; '
        "check the month and the day (it is written year-month-day)")
    edit(project / "guide.yaml", '"2026-02-30"', '"1 March"')
    assert run("check").stdout.splitlines()[0] == (
        'Error: content/guide.yaml:5:1: date: "1 March" is not a date smguide reads; '
        "write it as year-month-day with dashes, e.g. 2026-03-01 for 1 March 2026")


def test_german_pdf_labels_quotes_hyphenation_and_date(run: Callable[..., Result],
                                                       project: Path, tmp_path: Path) -> None:
    result = run("pdf", "--lang", "de")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("Wrote output/handbook-de.pdf (")
    text = subprocess.run(["pdftotext", "-layout", "output/handbook-de.pdf", "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "1. März 2026" in text and "Feldführer" in text
    assert "Inhalt" in text and re.search(r"Seite \d+ von \d+", text)
    assert "„erste“" in text  # German quotation marks
    hyphenated = re.search(r"[a-zäöüß][-\u2010\u00ad]\n\s*[a-zäöüß]", text)
    assert hyphenated, "no German word was hyphenated"
    assert not (tmp_path / "output/handbook.pdf").exists()


def test_german_deck_has_the_date_and_labels(run: Callable[..., Result], project: Path) -> None:
    from pptx import Presentation

    result = run("slides", "--lang", "de")
    assert result.exit_code == 0, result.stderr
    deck = Presentation("output/deck-de.pptx")
    title = " ".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    assert "Feldführer" in title and "1. März 2026" in title
    texts = [s.text_frame.text for slide in deck.slides for s in slide.shapes
             if s.has_text_frame]
    assert "Agenda" in texts and any(t.startswith("Kapitel 1") for t in texts)
    assert any(t.endswith("(Forts.)") for t in texts) is False


def test_check_and_preview_take_the_language(run: Callable[..., Result], project: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("check", "--lang", "de")
    assert result.stdout == ("Checked content/de (de, 2 chapters), brand/_brand.yml and the "
                             "templates: 0 errors, 0 warnings.\n")
    edit(project / "de" / "guide.yaml", "language: de", "language: en")
    warning = run("check", "--lang", "de").stdout.splitlines()[0]
    assert warning == ('Warning: content/de/guide.yaml:3:1: language: "en" but the folder is '
                       "de/; hyphenation, quotes and dates follow the language code")
    edit(project / "de" / "guide.yaml", "language: en", "language: de")

    pages: list[str] = []

    def no_changes(preview: Preview, stop: object) -> list[set[object]]:
        pages.append(preview.document())
        return []

    monkeypatch.setattr("smguide.commands.preview.watch_changes", no_changes)
    result = run("preview", "--lang", "de", "--port", "0")
    assert result.exit_code == 0, result.stderr
    assert '<html lang="de">' in pages[0] and "Erste Schritte" in pages[0]


def test_the_german_edition_has_a_german_footer(tmp_path: Path) -> None:
    """guide.yaml's footer overrides the brand's, so each language can have its own."""
    from click.testing import CliRunner

    from smguide.cli import main

    out = tmp_path / "de.pdf"
    result = CliRunner().invoke(main, ["pdf", "--lang", "de", "--content",
                                       str(builtin("content")), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", "-f", "5", "-l", "5", str(out), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "für neue Mitarbeitende" in text
    assert "for new team members" not in text
