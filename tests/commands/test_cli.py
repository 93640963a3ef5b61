"""The command line as a user meets it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from pypdf import PdfReader

from smguide import __version__
from smguide.resources import builtin
from tests.conftest import modules_after, template_overrides


def test_version(run: Callable[..., Result]) -> None:
    assert run("--version").stdout == f"smguide, version {__version__}\n"


def test_the_pdf_engine_process_never_imports_the_content_model() -> None:
    # the handbook's render child loads WeasyPrint while the parent validates; it
    # typesets a plain manuscript, so it must not pay for Pydantic and the model too
    code = ("import importlib\nfrom smguide.commands.build import PDF_ENGINE\n"
            "for entry in PDF_ENGINE:\n"
            "    module, _, function = entry.partition(':')\n"
            "    loaded = importlib.import_module(module)\n"
            "    if function: getattr(loaded, function)()")
    assert modules_after(code, ("pydantic", "jinja2", "smguide.model.guide",
                                "smguide.handbook.html", "smguide.sources.brand")) == []


def test_pdf_help_has_examples(run: Callable[..., Result]) -> None:
    text = run("pdf", "--help").stdout
    assert "Examples:" in text and "--paper [a4|letter|a5]" in text and "--print" in text


def test_schema_is_json_schema_with_every_block_type(run: Callable[..., Result]) -> None:
    schema = json.loads(run("schema").stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["additionalProperties"] is False
    kinds = {definition["properties"]["type"]["const"]
             for definition in schema["$defs"].values()
             if "type" in definition.get("properties", {})
             and "const" in definition["properties"]["type"]}
    assert kinds == {"prose", "callout", "takeaways", "role", "comparison", "analogy",
                     "practices", "checklist", "glossary", "questions", "image"}
    guide = json.loads(run("schema", "guide").stdout)
    assert set(guide["required"]) == {"title", "language", "chapters"}


def test_pdf_uses_local_content_folder_when_present(run: Callable[..., Result],
                                                    tmp_path: Path) -> None:
    shutil.copytree(builtin("content"), tmp_path / "content")
    guide = tmp_path / "content" / "guide.yaml"
    guide.write_text(guide.read_text().replace("title: Sales and Marketing",
                                               "title: Our Own Handbook"))
    result = run("pdf")
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(r"Wrote output/handbook\.pdf \(\d+ pages, [0-9.]+ s\)\n", result.stderr)
    info = subprocess.run(["pdfinfo", "output/handbook.pdf"], capture_output=True, text=True,
                          check=True).stdout
    assert "Our Own Handbook" in info


def test_quiet_prints_nothing_on_success(run: Callable[..., Result], tmp_path: Path) -> None:
    result = run("-q", "pdf", "-o", "a.pdf")
    assert (result.exit_code, result.output) == (0, "")
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF-")


def test_bad_option_values_are_one_line_errors(run: Callable[..., Result]) -> None:
    result = run("pdf", "--bleed", "3cm")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--bleed': expected a size in millimetres up to 10, "
        'such as "3mm"; got "3cm"')


def test_build_writes_both_artefacts(run: Callable[..., Result], tmp_path: Path) -> None:
    result = run("build", "--out-dir", "out")
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "Building out/handbook.pdf and out/deck.pptx in parallel..."
    assert len(lines) == 4  # each file named once, in the order they finished
    wrote = sorted(lines[1:3])
    assert re.fullmatch(r"Wrote out/deck\.pptx \(\d+ slides, [0-9.]+ s\)", wrote[0])
    assert re.fullmatch(r"Wrote out/handbook\.pdf \(\d+ pages, [0-9.]+ s\)", wrote[1])
    assert re.fullmatch(r"Built 2 files in [0-9.]+ s: \d+ pages, \d+ slides\.", lines[3])
    assert (tmp_path / "out/handbook.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "out/deck.pptx").read_bytes().startswith(b"PK")


def test_build_writes_the_handbook_when_only_the_deck_fails(
        run: Callable[..., Result], tmp_path: Path) -> None:
    folder = template_overrides(tmp_path / "t", {"deck/plan.yaml.j2": "{{ 1 // 0 }}"})
    result = run("build", "--out-dir", "out", "--template-overrides", str(folder))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "plan.yaml.j2" in errors[0], result.stderr
    assert PdfReader(tmp_path / "out/handbook.pdf").pages
    assert not (tmp_path / "out/deck.pptx").exists()


def test_a_content_error_leaves_no_render_process_behind(content: Path,
                                                         tmp_path: Path) -> None:
    # the render children start before validation (to load their engines meanwhile);
    # a content error must end them, not leave them waiting for a job
    import multiprocessing

    from smguide.commands.build import build_both
    from smguide.errors import ContentError
    from smguide.model.options import DeckOptions, PrintOptions, Sources

    guide = content / "guide.yaml"
    guide.write_text(guide.read_text().replace("language: en", "language: English"))
    with pytest.raises(ContentError):
        build_both(Sources(content, builtin("brand") / "_brand.yml"), tmp_path / "out",
                   PrintOptions(), DeckOptions())
    assert multiprocessing.active_children() == []
    assert not (tmp_path / "out").exists()


def test_build_reports_content_errors_once_and_writes_nothing(
        run: Callable[..., Result], content: Path, tmp_path: Path) -> None:
    guide = content / "guide.yaml"
    guide.write_text(guide.read_text().replace("language: en", "language: English"))
    result = run("build", "--content", str(content), "--out-dir", "out")
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("Error:")] == [
        'Error: content/guide.yaml:3:1: language: "English" is not allowed here; expected a '
        'language code such as "en", "de" or "en-GB"']
    assert not (tmp_path / "out").exists()


def test_outputs_of_different_kinds_never_share_a_name() -> None:
    from smguide.model.options import deck_name, handbook_name

    names = {handbook_name(paper, print_profile)
             for paper in ("a4", "A5", "letter") for print_profile in (False, True)}
    assert names == {"handbook.pdf", "handbook-print.pdf", "handbook-a5.pdf",
                     "handbook-a5-print.pdf", "handbook-letter.pdf", "handbook-letter-print.pdf"}
    assert (deck_name(None), deck_name("16:9"), deck_name("4:3")) == (
        "deck.pptx", "deck.pptx", "deck-4x3.pptx")
    assert deck_name(None, Path("brand/firma.pptx")) == "deck-firma.pptx"
    assert deck_name("4:3", Path("Firma 2026 (nowy).potx"), "dark") == (
        "deck-firma-2026-nowy-4x3-dark.pptx")
    assert deck_name(None, Path("___.pptx")) == "deck-template.pptx"


def test_a_deck_on_a_template_does_not_overwrite_the_built_in_one(
        run: Callable[..., Result], tmp_path: Path) -> None:
    """`slides --template` writes deck-<template>.pptx and says so; deck.pptx stays."""
    from pptx import Presentation

    from tests.deck.conftest import TEMPLATE

    template = tmp_path / "firma.pptx"
    template.write_bytes(TEMPLATE.read_bytes())
    assert run("slides").exit_code == 0
    built_in = (tmp_path / "output/deck.pptx").read_bytes()
    result = run("slides", "--template", str(template))
    assert result.exit_code == 0, result.stderr
    assert "Wrote output/deck-firma.pptx" in result.stderr + result.stdout
    assert (tmp_path / "output/deck.pptx").read_bytes() == built_in
    # the template is 4:3, the built-in deck 16:9: each file is the deck it is named for
    on_template = Presentation(str(tmp_path / "output/deck-firma.pptx"))
    built = Presentation(str(tmp_path / "output/deck.pptx"))
    assert round(on_template.slide_width / on_template.slide_height, 2) == 1.33
    assert round(built.slide_width / built.slide_height, 2) == 1.78


def test_a_4x3_deck_does_not_overwrite_the_16x9_one(run: Callable[..., Result],
                                                    tmp_path: Path) -> None:
    from pptx import Presentation

    assert run("slides").exit_code == 0
    assert run("slides", "--aspect", "4:3").exit_code == 0
    wide = Presentation(str(tmp_path / "output/deck.pptx"))
    square = Presentation(str(tmp_path / "output/deck-4x3.pptx"))
    assert round(wide.slide_width / wide.slide_height, 2) == 1.78
    assert round(square.slide_width / square.slide_height, 2) == 1.33


def test_fonts_says_the_warnings_about_fonts_only(run: Callable[..., Result],
                                                  tmp_path: Path) -> None:
    # a brand in a folder called fonts/: every warning's line has "font" in it, and still
    # only the font's warning is said (the colour's is check's and build's business)
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "_brand.yml").write_text(
        "color:\n  foreground: '#aaaaaa'\ntypography:\n  base: Nowhere Sans\n")
    result = run("fonts", "--brand", "fonts/_brand.yml")
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1
    assert warnings[0].startswith('Warning: fonts/_brand.yml:4:3: typography.base: the font '
                                  '"Nowhere Sans" is not on this computer')
    assert "Lato (for \"Nowhere Sans\"): not found: the bundled Lato is used" in result.stdout
