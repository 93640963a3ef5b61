"""A run whose files were all validated before (their values kept in the user cache as
the model's plain dataclasses: sources/strict.py) never imports Pydantic: `smguide slides`
and `smguide pdf` from the cache, run in a fresh interpreter with the render child's work
done in place. The first run validates, so it does; the decks and handbooks are the same."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import modules_after


def cli(*args: str) -> str:
    """`smguide ARGS` in this interpreter, the render child's work run in place (its
    imports then counted too)."""
    return ("import smguide.safety.sandbox as sandbox\n"
            "sandbox.run_limited = lambda work, limits, what: work()\n"
            "import smguide.commands.build as build\n"
            "build.run_limited = sandbox.run_limited\n"
            "from click.testing import CliRunner\n"
            "from smguide.cli import main\n"
            f"result = CliRunner().invoke(main, {list(args)!r})\n"
            "assert result.exit_code == 0, result.output\n")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command, name", [("slides", "deck.pptx"), ("pdf", "handbook.pdf")])
def test_a_warm_run_imports_no_pydantic(command: str, name: str, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, again = tmp_path / "first" / name, tmp_path / "again" / name
    assert "pydantic" in modules_after(cli(command, "-o", str(first)), ("pydantic",))
    assert modules_after(cli(command, "-o", str(again)), ("pydantic",)) == []
    assert digest(again) == digest(first)
