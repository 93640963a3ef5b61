"""Validated values kept in the user's cache: the same data gives the same value without
Pydantic building its validators again; a mistake, other code, a damaged file or a folder
others may write to never give a kept value."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest

from smguide.errors import ContentError
from smguide.io import modelcache
from smguide.resources import builtin
from smguide.sources import validated as validate
from smguide.sources.content import load_guide


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "smguide" / modelcache.FOLDER


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The types Pydantic validated data against, in order (each a validation made)."""
    made: list[Any] = []
    adapter = validate._adapter

    def counted(root: Any) -> Any:
        if not str(root).startswith("dict:"):  # a file's (not the shipped tables', once a run)
            made.append(validate.shape(root))
        return adapter(root)

    monkeypatch.setattr(validate, "_adapter", counted)
    return made


def kept(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.pickle"))


def test_the_same_files_are_validated_once(cache: Path, validations: list[Any]) -> None:
    first = load_guide(builtin("content"))
    files = kept(cache)
    chapters = len(first.chapters)
    assert len(validations) == 2 + chapters  # guide.yaml, labels.yaml, each chapter
    assert len(files) >= len(validations)  # and the shipped tables', on a run's first read
    validations.clear()
    again = load_guide(builtin("content"))
    assert validations == []  # every value read back, none validated
    assert again == first
    assert again.chapters[2].blocks == first.chapters[2].blocks
    assert kept(cache) == files


def test_an_edited_file_is_validated_again(cache: Path, validations: list[Any],
                                           tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(builtin("content"), content)
    load_guide(content)
    chapter = sorted((content / "chapters").glob("*.yaml"))[1]
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("title: ", "title: Edited ", 1), encoding="utf-8")
    validations.clear()
    guide = load_guide(content)
    assert [getattr(root, "__name__", root) for root in validations] == ["ChapterFile"]
    assert guide.chapters[1].title.startswith("Edited ")


def test_a_mistake_is_never_kept(cache: Path, validations: list[Any],
                                 tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(builtin("content"), content)
    guide = content / "guide.yaml"
    guide.write_text(guide.read_text(encoding="utf-8") + "colour: green\n", encoding="utf-8")
    for _ in range(2):  # explained every time, from the file itself
        with pytest.raises(ContentError) as refused:
            load_guide(content)
        assert "colour" in refused.value.problems[0]
    assert validations.count(validations[0]) == 2  # guide.yaml's type, validated twice
    assert validations[0].__name__ == "GuideFile"
    names = [file.name for file in kept(cache)]
    validations.clear()
    with pytest.raises(ContentError):  # labels.yaml and the chapters: read back
        load_guide(content)
    assert [root.__name__ for root in validations] == ["GuideFile"]  # only the mistake
    assert [file.name for file in kept(cache)] == names


def test_other_code_does_not_use_a_kept_value(cache: Path, validations: list[Any],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    load_guide(builtin("content"))
    made, files = len(validations), len(kept(cache))
    code = validate._type_code
    monkeypatch.setattr(validate, "_type_code", lambda root: code(root) + b"# edited")
    load_guide(builtin("content"))
    assert len(validations) == 2 * made
    assert len(kept(cache)) == files + made


def test_a_damaged_file_is_validated_again(cache: Path, validations: list[Any]) -> None:
    first = load_guide(builtin("content"))
    # beside the models, the files' empty findings are kept as () (modelcache.remembered):
    # damaged, they are looked for again, which validates nothing
    models = [file for file in kept(cache)
              if pickle.loads(file.read_bytes()) != ()]  # noqa: S301 - the test's own files
    for file in kept(cache):
        file.write_bytes(b"not a pickle")
    validations.clear()
    assert load_guide(builtin("content")) == first
    assert len(validations) == len(models) > 0


def test_a_folder_others_may_write_to_is_not_used(cache: Path,
                                                  validations: list[Any]) -> None:
    cache.mkdir(parents=True)
    cache.chmod(0o777)
    load_guide(builtin("content"))
    made = len(validations)
    load_guide(builtin("content"))
    assert len(validations) == 2 * made  # nothing read from there
    assert kept(cache) == []  # nor written
    assert modelcache.cached_model("x") is None
