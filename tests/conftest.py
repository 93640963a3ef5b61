"""Shared fixtures: the built-in guide copied into tmp_path, and one default PDF per session."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from smguide.cli import main
from smguide.resources import builtin

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the built-in guide, to break on purpose."""
    target = tmp_path / "content"
    shutil.copytree(builtin("content"), target)
    return target


@pytest.fixture
def brand_dir(tmp_path: Path) -> Path:
    """A writable copy of the built-in brand folder."""
    target = tmp_path / "brand"
    shutil.copytree(builtin("brand"), target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a fixture file, failing loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def modules_after(code: str, watched: tuple[str, ...]) -> list[str]:
    """Which of the `watched` modules (or packages) a fresh interpreter has imported
    after running `code`: import costs are checked by what is loaded, never by timing."""
    probe = (f"{code}\nimport sys\nprint(','.join(sorted(m for m in sys.modules "
             f"if m in {watched!r} or m.split('.')[0] in {watched!r})))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True)
    return [name for name in out.stdout.strip().split(",") if name]


HELP = ("from click.testing import CliRunner\nfrom smguide.cli import main\n"
        "for args in (['--help'], ['pdf', '--help'], ['slides', '--help'], ['build', '--help'],"
        " ['check', '--help'], ['preview', '--help'], ['schema']):\n"
        "    assert CliRunner().invoke(main, args).exit_code == 0")


def template_overrides(root: Path, files: dict[str, str]) -> Path:
    """A template override folder `root`, holding `files` (name -> text)."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def multilang_project(tmp_path: Path) -> Path:
    """tests/fixtures/multilang (English, with de/) as ./content, the built-in brand beside."""
    shutil.copytree(REPO / "tests" / "fixtures" / "multilang", tmp_path / "content")
    shutil.copytree(builtin("brand"), tmp_path / "brand")
    return tmp_path / "content"


SAMPLE_NOTE = b"Note: no content/ folder here or above: "


def without_sample_note(result: Result) -> Result:
    """`result` without the note every command prints when it uses the built-in sample
    guide (tests/commands/test_project.py checks that note), so tests read their own lines."""
    for name in ("stderr_bytes", "output_bytes"):
        text: bytes = getattr(result, name)
        if text.startswith(SAMPLE_NOTE):
            setattr(result, name, text.split(b"\n", 1)[1] if b"\n" in text else b"")
    return result


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Result]:
    """Run the CLI in tmp_path (no project there, so the built-in sample guide is used),
    stdout and stderr apart, without the note that says the sample is used."""
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str) -> Result:
        return without_sample_note(CliRunner().invoke(main, list(args),
                                                      catch_exceptions=False))

    return invoke


@pytest.fixture(scope="session")
def default_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in guide rendered once with default options."""
    out = tmp_path_factory.mktemp("pdf") / "handbook.pdf"
    result = CliRunner().invoke(main, ["pdf", "--content", str(builtin("content")),
                                       "--brand", str(builtin("brand") / "_brand.yml"),
                                       "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def ooxml_problems(path: Path) -> list[str]:
    """What openxml-audit (a port of the Open XML SDK's validator) finds wrong in a deck."""
    from openxml_audit import validate_pptx

    result = validate_pptx(path)
    return [f"{error.part_uri or ''} {error.path or ''}: {error.description}"
            for error in result.errors if error.severity.value == "error"]


def built_by_smguide(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            return b"<Application>smguide</Application>" in package.read("docProps/app.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


@pytest.fixture(scope="session", autouse=True)
def every_deck_is_valid_ooxml(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """After the session, every deck the tests built (in pytest's temporary folders) is
    checked with openxml-audit; one invalid deck fails the run, naming it."""
    yield
    base = tmp_path_factory.getbasetemp()
    invalid = {}
    for path in sorted(base.rglob("*.pptx")):
        if path.is_file() and built_by_smguide(path):
            problems = ooxml_problems(path)
            if problems:
                invalid[str(path.relative_to(base))] = problems[:5]
    assert not invalid, f"openxml-audit finds errors in the decks the tests built: {invalid}"


@pytest.fixture(scope="session")
def print_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in guide as a print PDF (`pdf --print`), rendered once."""
    out = tmp_path_factory.mktemp("print") / "handbook-print.pdf"
    result = CliRunner().invoke(main, ["pdf", "--print", "--content", str(builtin("content")),
                                       "--brand", str(builtin("brand") / "_brand.yml"),
                                       "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def letter_print_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in guide as a US Letter print PDF, rendered once, dated 1 December 2025
    (SOURCE_DATE_EPOCH)."""
    out = tmp_path_factory.mktemp("print") / "handbook-letter-print.pdf"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", "1764547200")
        result = CliRunner().invoke(main, ["pdf", "--print", "--paper", "letter", "--content",
                                           str(builtin("content")), "--brand",
                                           str(builtin("brand") / "_brand.yml"), "-o", str(out)],
                                    catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def built_handbook(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """The built-in guide's handbook for a paper size and language, built once a session
    (`built_handbook("a5")`, `built_handbook("a4", "de")`); `printed`: the print edition
    (`pdf --print`: PDF/X, CMYK, the notes pages, the imprint and the back cover)."""
    built: dict[tuple[str, str | None, bool], Path] = {}

    def build(paper: str = "a4", lang: str | None = None, printed: bool = False) -> Path:
        key = (paper, lang, printed)
        if key not in built:
            name = f"handbook-{paper}-{lang or 'en'}{'-print' if printed else ''}.pdf"
            out = tmp_path_factory.mktemp("handbook") / name
            args = ["pdf", "--content", str(builtin("content")), "--brand",
                    str(builtin("brand") / "_brand.yml"), "--paper", paper, "-o", str(out)]
            args += (["--lang", lang] if lang else []) + (["--print"] if printed else [])
            result = CliRunner().invoke(main, args, catch_exceptions=False)
            assert result.exit_code == 0, result.output
            built[key] = out
        return built[key]

    return build
