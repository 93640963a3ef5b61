"""Sloppy and hostile inputs found in review: each ends as one clear line, exit 1."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import edit, template_overrides


def test_deep_nesting_is_refused_before_the_parser_recurses(
        run: Callable[..., Result], content: Path) -> None:
    (content / "chapters/01-mixed-up.yaml").write_text("title: " + "[" * 500 + "\n")
    result = run("check", "--content", str(content))
    assert result.exit_code == 1
    assert ("content/chapters/01-mixed-up.yaml:1:47: nesting is deeper than 40 levels; "
            "flatten it") in result.output
    assert "Traceback" not in result.output


def test_a_language_with_a_slash_is_not_a_language(run: Callable[..., Result]) -> None:
    result = run("build", "--lang", "de/")
    assert result.exit_code == 1
    assert result.stderr.startswith('Error: "de/" is not a language code such as "en" or "de"')


def test_a_python_error_in_a_template_names_the_template_in_check_and_build(
        run: Callable[..., Result], tmp_path: Path) -> None:
    folder = template_overrides(tmp_path / "tz", {
        "handbook/handbook.html.j2":
            '{% extends "builtin/handbook/base.html.j2" %}{% block head %}{{ 1 // 0 }}'
            "{% endblock %}"})
    for command in (["check"], ["pdf", "-o", "x.pdf"]):
        result = run(*command, "--template-overrides", str(folder))
        assert result.exit_code == 1
        assert (f"Error: {folder}/handbook/handbook.html.j2:1: template error: "
                "ZeroDivisionError: integer division or modulo by zero") in result.output
        assert "Traceback" not in result.output


def test_a_font_file_that_is_not_a_font(brand_dir: Path, run: Callable[..., Result]) -> None:
    (brand_dir / "bad.ttf").write_bytes(b"garbage, not a font")
    edit(brand_dir / "_brand.yml", "typography:\n",
         "typography:\n  fonts:\n    - family: Bad\n      source: file\n      files: [bad.ttf]\n")
    result = run("check", "--brand", str(brand_dir / "_brand.yml"))
    line = next(n for n, text in enumerate((brand_dir / "_brand.yml").read_text().splitlines(), 1)
                if "files: [bad.ttf]" in text)
    assert result.exit_code == 1
    assert (f'brand/_brand.yml:{line}:15: typography, font 1, file 1: "bad.ttf" is not a '
            "font file that can be read; use the .ttf or .otf file from the font's download"
            ) in result.output


def test_roster_cells_with_control_characters_are_refused(
        run: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "hires.csv").write_text('name,team\n"Eve\x1b]0;pwned\x07",Sales\nBob,Sales\n')
    result = run("pdf", "--roster", "hires.csv")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "Error: hires.csv:2: name: contains an invisible control character; retype the value "
        "(it often comes from copy and paste)")
    assert not (tmp_path / "output").exists()


def test_a_roster_stopped_at_the_time_limit_leaves_no_pages_behind(
        run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scratch folder holds every hire's pages; the parent removes it even when the
    render child is killed at the limit."""
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    rows = "".join(f"Person {n},Sales\n" for n in range(40))
    (tmp_path / "hires.csv").write_text("name,team\n" + rows)
    result = run("pdf", "--roster", "hires.csv", "--max-seconds", "1")
    assert result.exit_code == 1
    # stopped by the parent at the limit, or (on a loaded machine) by the render child's
    # own template clock just before it: either way one line, and nothing left behind
    assert ("took longer than 1 s and was stopped" in result.stderr
            or "still running close to the time limit and was stopped" in result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert [p.name for p in scratch.iterdir() if p.name.startswith("smguide-")] == []
    assert not (tmp_path / "output" / "handbooks").exists()


def test_the_chapters_together_have_a_size_limit(
        run: Callable[..., Result], content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from smguide.sources import content as content_module

    monkeypatch.setattr(content_module, "MAX_GUIDE_BYTES", 20_000)
    result = run("pdf", "--content", str(content), "-o", "x.pdf")
    assert result.exit_code == 1
    assert "the chapters add up to more than 0 MB of text" in result.stderr


def test_a_hand_edited_build_record_means_build_again(
        run: Callable[..., Result], tmp_path: Path) -> None:
    import json

    assert run("build", "--out-dir", "out").exit_code == 0
    record = tmp_path / "out" / ".smguide-cache.json"
    entries = json.loads(record.read_text())
    entries["handbook.pdf"]["pages"] = "x"
    record.write_text(json.dumps(entries))
    result = run("build", "--out-dir", "out")
    assert result.exit_code == 0, result.output
    assert "Wrote out/handbook.pdf" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [("pdf", "-o", "afile/x.pdf"),
                                  ("slides", "-o", "afile/x.pdf"),
                                  ("build", "--out-dir", "afile/sub"),
                                  ("pdf", "--roster", "hires.csv", "-o", "afile/x.pdf")])
def test_an_output_path_through_a_file_says_so_before_rendering(
        run: Callable[..., Result], tmp_path: Path, args: tuple[str, ...]) -> None:
    """Templates that fail as soon as anything is rendered (every command stops with
    their error when the output path is fine): the user is told about the output path,
    so nothing was rendered."""
    broken = {name: "{{ 1 // 0 }}" for name in ("handbook/handbook.html.j2",
                                                 "handbook/personal.html.j2",
                                                 "deck/plan.yaml.j2")}
    template_overrides(tmp_path / "failing", broken)
    (tmp_path / "afile").write_text("not a folder")
    (tmp_path / "hires.csv").write_text("name\nAnna\n")
    result = run(*args, "--template-overrides", "failing")
    assert "ZeroDivisionError" not in result.output
    assert result.exit_code == 1
    error = result.stderr.splitlines()[-1]
    assert error.startswith(f"Error: cannot write {tmp_path.resolve()}/afile/")
    assert error.endswith(f": {tmp_path.resolve()}/afile is a file, not a folder; choose "
                          "another output path")
