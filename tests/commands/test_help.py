"""--help for every command (with examples), shell completion, and the build's progress."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from smguide.commands.build import Built
from smguide.io.progress import BuildProgress
from tests.conftest import HELP, modules_after

COMMANDS = ("pdf", "slides", "build", "check", "init", "preview")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(run: Callable[..., Result], command: str) -> None:
    text = run(command, "--help").stdout
    assert "Examples:" in text and f"smguide {command}" in text
    if command != "init":
        assert "--lang LANG" in text


def test_the_main_help_shows_the_workflow_and_completion(run: Callable[..., Result]) -> None:
    text = run("--help").stdout
    for line in ("smguide init my-handbook", "smguide preview", "smguide check",
                 "smguide build --lang de", '_SMGUIDE_COMPLETE=bash_source smguide'):
        assert line in text
    assert all(f"  {command} " in text for command in COMMANDS)


def test_help_reads_as_sentences_not_programmer_notation(run: Callable[..., Result]) -> None:
    from smguide.cli import main

    main_help = run("--help").stdout
    listed = main_help[main_help.index("Commands:"):].splitlines()[1:]
    assert {line.split()[0] for line in listed if line.strip()} == set(main.commands)
    assert not [line for line in listed if line.rstrip().endswith("...")]  # none cut short
    for command in main.commands:
        text = run(command, "--help").stdout
        for notation in ("x>", "x<", ">=x", "<=x", "0<x"):
            assert notation not in text, (command, notation)


def test_help_stays_fast_it_imports_no_renderer_watcher_or_display() -> None:
    assert modules_after(HELP, ("weasyprint", "pptx", "rich", "watchfiles", "babel",
                                "jinja2")) == []


def test_shell_completion_offers_commands_and_languages(tmp_path: Path) -> None:
    import os
    import shutil

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    shutil.copytree(fixtures / "multilang", tmp_path / "content")
    env = {**os.environ, "_SMGUIDE_COMPLETE": "bash_complete", "COMP_CWORD": "1",
           "COMP_WORDS": "smguide ch"}
    run = [sys.executable, "-c", "from smguide.cli import main; main(prog_name='smguide')"]
    out = subprocess.run(run, env=env, cwd=tmp_path, capture_output=True, text=True)
    assert out.stdout.split() == ["plain,check"]
    env.update(COMP_CWORD="3", COMP_WORDS="smguide build --lang ")
    out = subprocess.run(run, env=env, cwd=tmp_path, capture_output=True, text=True)
    assert out.stdout.split() == ["plain,en", "plain,de"]


class Say:
    verbosity = 1

    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, message: str, level: int = 1) -> None:
        self.lines.append(message)


def test_progress_in_a_pipe_is_plain_lines() -> None:
    say = Say()
    paths = [Path("out/handbook.pdf"), Path("out/deck.pptx")]
    progress = BuildProgress(say, paths, live=False)
    with progress.running():
        progress.done(Built(Path("out/deck.pptx").resolve(), 26, 1.04, ()))
        progress.done(Built(Path("out/handbook.pdf").resolve(), 23, 2.5, ()))
    progress.summary([Built(Path("out/handbook.pdf").resolve(), 23, 2.5, ()),
                      Built(Path("out/deck.pptx").resolve(), 26, 1.04, ())])
    # each file named once, as it is written; then only the totals
    assert say.lines[:3] == ["Building out/handbook.pdf and out/deck.pptx in parallel...",
                             "Wrote out/deck.pptx (26 slides, 1.0 s)",
                             "Wrote out/handbook.pdf (23 pages, 2.5 s)"]
    assert len(say.lines) == 4
    assert say.lines[3].startswith("Built 2 files in ") and say.lines[3].endswith(
        " s: 23 pages, 26 slides.")


def test_progress_on_a_terminal_is_a_live_display(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = io.StringIO()
    monkeypatch.setattr(sys, "stderr", terminal)
    say = Say()
    progress = BuildProgress(say, [Path("handbook.pdf"), Path("deck.pptx")], live=True)
    with progress.running():
        assert progress._rich is not None
        progress.done(Built(Path("deck.pptx").resolve(), 9, 0.5, ()))
    assert say.lines == []  # everything went to the live display, which is gone again
    progress.summary([Built(Path("handbook.pdf").resolve(), 23, 2.5, ()),
                      Built(Path("deck.pptx").resolve(), 9, 0.5, ())])
    # the live display is gone, so the summary names the files before the totals
    assert say.lines[:2] == ["Wrote handbook.pdf (23 pages, 2.5 s)",
                             "Wrote deck.pptx (9 slides, 0.5 s)"]
    assert len(say.lines) == 3 and say.lines[2].startswith("Built 2 files in ")
