"""Which project a command works on: found from any subfolder, or the sample, said loudly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from smguide.commands.project import resolve
from smguide.resources import builtin

CliRun = Callable[..., Result]


@pytest.fixture
def project(tmp_path: Path, run: CliRun) -> Path:
    folder = tmp_path / "myproj"
    assert run("init", str(folder)).exit_code == 0
    return folder


def test_a_subfolder_finds_its_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project / "content" / "chapters")
    found = resolve(None, None, None, None)
    assert found.content == Path("../../content")
    assert found.brand == Path("../../brand/_brand.yml")
    assert found.output("handbook.pdf") == Path("../../output/handbook.pdf")
    assert not found.sample


def test_build_from_a_subfolder_writes_the_projects_files(
        project: Path, run: CliRun, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project / "content")
    result = run("pdf")
    assert result.exit_code == 0, result.stderr
    assert "Using the project in ../ " in result.stderr
    assert (project / "output" / "handbook.pdf").is_file()
    assert not (project / "content" / "output").exists()  # not the sample into content/output
    from pypdf import PdfReader

    pages = len(PdfReader(project / "output" / "handbook.pdf").pages)
    sample = resolve(None, None, None, None, cwd=project.parent)
    assert sample.sample and sample.content == builtin("content")
    assert pages < 12  # the starter's two chapters, not the 24-page sample guide


def test_no_project_says_the_sample_is_used(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from smguide.cli import main

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "Note: no content/ folder here or above: checking smguide's sample guide. "
        "Run `smguide init FOLDER` to start your own.")


def test_an_explicit_content_folder_needs_no_project(project: Path, tmp_path: Path,
                                                    run: CliRun,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("check", "--content", str(project / "content"))
    assert result.exit_code == 0
    assert "sample" not in result.stderr and "Using the project" not in result.stderr


def test_docs_prints_the_authors_guide(run: CliRun) -> None:
    result = run("docs")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Writing and editing the handbook")
    assert "## The brand file" in result.stdout or "brand file" in result.stdout
