"""fontconfig asked in the process answers as the fc-list and fc-match programs do, and
the programs still answer where the library cannot be loaded."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from smguide.sources import fontconfig, fonts

FORM = "%{file}\t%{weight}\t%{slant}\t%{width}\n"
needs_programs = pytest.mark.skipif(not (shutil.which("fc-list") and shutil.which("fc-match")),
                                    reason="fontconfig's programs are not installed")


@needs_programs
@pytest.mark.parametrize("family", ["DejaVu Sans Mono", "Liberation Sans", "Lato",
                                    "No Such Family", "Odd-Name: x"])
def test_a_family_is_listed_as_fc_list_lists_it(family: str) -> None:
    escaped = "".join("\\" + char if char in "\\-:,=" else char for char in family)
    program = subprocess.run(["fc-list", f":family={escaped}", "--format", FORM],
                             capture_output=True, text=True, check=True).stdout
    assert fontconfig.font_list(f":family={escaped}", FORM) == program


@needs_programs
@pytest.mark.parametrize("generic", ["monospace", "serif", "sans-serif", "cursive", "emoji"])
def test_a_generic_family_matches_as_fc_match_matches_it(generic: str) -> None:
    program = subprocess.run(["fc-match", "--format=%{family[0]}", generic],
                             capture_output=True, text=True, check=True).stdout
    assert fontconfig.font_match(generic, "%{family[0]}") == program
    assert program  # a real answer, not two empty strings


@needs_programs
def test_without_the_library_the_programs_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    in_process = (fonts.generic_family("monospace"), fonts.system_faces("DejaVu Sans"))
    assert in_process[0] and in_process[1]
    monkeypatch.setattr(fontconfig, "_library", lambda: None)
    ran: list[str] = []
    run = subprocess.run

    def counted(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        ran.append(command[0])
        return run(command, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(fonts.subprocess, "run", counted)
    assert (fonts.generic_family("monospace"), fonts.system_faces("DejaVu Sans")) == in_process
    assert ran == ["fc-match", "fc-list"]
