"""A file read before, in which the content checks found nothing (Markdown headings and
images, YAML that means something else), is not looked at again: what they found is
kept in the user cache under the file's bytes (io.modelcache). A file with a finding is
looked at every time, an edited file anew."""

from __future__ import annotations

from pathlib import Path

import pytest

from smguide.commands import inputs
from smguide.commands.inputs import read_inputs
from smguide.errors import Problem
from smguide.model.options import Sources
from smguide.resources import builtin
from smguide.sources import markup, yamlsource
from tests.conftest import edit


def _read(content: Path) -> tuple[list[Problem], list[Problem]]:
    yamlsource._PARSED.clear()  # as the next command: the files read anew
    found = read_inputs(Sources(content, builtin("brand") / "_brand.yml"))
    return found.problems, found.warnings


def test_a_file_without_findings_is_not_looked_at_again(
        content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = _read(content)
    assert first[0] == []
    looked: list[str] = []
    real_markup, real_surprises = markup._found, inputs._surprises

    def markup_found(source: yamlsource.Located, shown: str) -> list[Problem]:
        looked.append(f"markup {Path(shown).name}")
        return real_markup(source, shown)

    def surprises(path: Path, located: yamlsource.Located, shown: str) -> list[Problem]:
        looked.append(f"yaml {path.name}")
        return real_surprises(path, located, shown)

    monkeypatch.setattr(markup, "_found", markup_found)
    monkeypatch.setattr(inputs, "_surprises", surprises)
    assert _read(content) == first
    assert looked == []  # the same files: nothing looked at again
    chapter = content / "chapters" / "02-sales.yaml"
    edit(chapter, "title: What the sales team does", "title: What the sales team does daily")
    edit(content / "guide.yaml", "subtitle: What the two teams do, how they differ and why "
         "they need each other", "subtitle: We are #1 in service")
    problems, warnings = _read(content)
    assert looked == ["markup 02-sales.yaml", "yaml guide.yaml", "yaml 02-sales.yaml"]
    assert problems == []
    said = [w for w in warnings if 'the text stops at "We are"' in w.message]
    assert [(Path(w.file).name, w.line, w.label) for w in said] == [("guide.yaml", 2, "subtitle")]
    looked.clear()
    assert _read(content) == (problems, warnings)  # a finding: looked for every time
    assert looked == ["yaml guide.yaml"]
    looked.clear()
    with chapter.open("a", encoding="utf-8") as out:
        out.write("  - type: prose\n    text: |\n      Intro.\n\n      ## Our history\n")
    problems, _ = _read(content)
    assert looked[0] == "markup 02-sales.yaml"
    assert [(Path(p.file).name, p.message.split(" is ")[0]) for p in problems] == [
        ("02-sales.yaml", '"## Our history"')]
    looked.clear()
    assert _read(content)[0] == problems  # refused again, found again
    assert looked[0] == "markup 02-sales.yaml"
