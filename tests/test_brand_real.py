"""Real brand files (posit's brand.yml as Quarto reads it): what is accepted, how it looks
in the handbook and the deck, and what is still refused in one line each."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from smguide.cli import main
from smguide.resources import builtin


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small starter project (two chapters): quick to build."""
    root = tmp_path_factory.mktemp("real") / "project"
    assert CliRunner().invoke(main, ["-q", "init", str(root)]).exit_code == 0
    return root


def smguide(project: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--quiet", *args, "--content", str(project / "content")],
                              catch_exceptions=False)


def brand_file(folder: Path, text: str, logo: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if logo:
        (folder / "logo.svg").write_bytes((builtin("brand") / "logo.svg").read_bytes())
    (folder / "_brand.yml").write_text(text, encoding="utf-8")
    return folder / "_brand.yml"


def test_alt_text_with_quotes_and_ampersands_reaches_the_deck(project: Path,
                                                              tmp_path: Path) -> None:
    from pptx import Presentation

    alt = 'pandas logo with bars & dots over the word "pandas" <b>'
    path = brand_file(tmp_path / "b", f"logo:\n  images:\n    mark:\n      path: logo.svg\n"
                                      f"      alt: '{alt}'\n  large: mark\n")
    assert smguide(project, "check", "--brand", str(path)).exit_code == 0
    out = tmp_path / "deck.pptx"
    result = smguide(project, "slides", "--brand", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    title = Presentation(str(out)).slides[0]
    alts = [shape._element.xpath("./*[1]/p:cNvPr/@descr")[0] for shape in title.shapes
            if shape.shape_type == 13]  # pictures
    assert alts == [alt]


