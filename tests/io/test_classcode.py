"""The methods dataclasses write, compiled once: a class made with the kept code has the
same methods, to the byte, as one `dataclasses` compiles itself; a second run compiles
nothing; a damaged file or a folder others may write to is not used; `dataclasses` is
itself again after the block."""

from __future__ import annotations

import builtins
import dataclasses
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from smguide.io import classcode


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user cache, and a process that has compiled nothing yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(classcode, "_kept", {})
    monkeypatch.setattr(classcode, "_used", set())
    monkeypatch.setattr(classcode, "_new", set())
    monkeypatch.setattr(classcode, "_read_in", [])
    return tmp_path / "cache" / "smguide" / classcode.FOLDER


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The sources classcode compiled, in order."""
    made: list[str] = []

    def counted(source: str, *args: Any, **kwargs: Any) -> Any:
        made.append(source)
        return builtins.compile(source, *args, **kwargs)

    monkeypatch.setattr(classcode, "compile", counted, raising=False)
    yield made


def new_process() -> None:
    """What a new process has: the cache's file only."""
    for state in (classcode._kept, classcode._used, classcode._read_in):
        state.clear()


def make_classes() -> list[type]:
    """Dataclasses of the kinds the model has: frozen with defaults, one with a default
    factory and an ordering, one with keyword-only fields."""

    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0
        label: str = "here"

    @dataclasses.dataclass(order=True)
    class Bag:
        name: str
        items: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Options:
        size: float = 1.5
        colour: str | None = None

    return [Point, Bag, Options]


METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__",
           "__lt__", "__le__", "__gt__", "__ge__")


def codes(classes: list[type]) -> list[tuple[str, str, Any]]:
    """Each class's generated methods' code (the code object, which compares its
    bytecode, constants, names and lines)."""
    found = []
    for cls in classes:
        for name in METHODS:
            method = cls.__dict__.get(name)
            function = getattr(method, "__wrapped__", method)  # __repr__ is wrapped
            if getattr(function, "__code__", None) is not None:
                found.append((cls.__name__, name, function.__code__))
    return found


def use(classes: list[type]) -> list[Any]:
    point, bag, options = classes
    p = point(1, label="a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 2  # type: ignore[misc]
    return [repr(p), p == point(1, 0, "a"), hash(p) == hash(point(1, 0, "a")),
            bag("a") < bag("b"), bag("a").items is not bag("a").items,
            repr(options(colour="red")), options() == options(size=1.5)]


def test_the_kept_code_is_the_code_dataclasses_compiles(cache: Path,
                                                        compiled: list[str]) -> None:
    plain = make_classes()
    with classcode.compiling_once():
        first = make_classes()
    assert compiled, "nothing was compiled through the cache"
    assert len(list(cache.glob("dataclasses-*.marshal"))) == 1
    new_process()
    compiled.clear()
    with classcode.compiling_once():
        again = make_classes()
    assert compiled == []  # the second run takes every method from the file
    assert codes(plain) == codes(first) == codes(again)
    assert len(codes(plain)) == 6 + 7 + 6  # each class's methods were compared
    assert use(plain) == use(first) == use(again)


def test_a_command_that_makes_no_dataclass_reads_no_cache(cache: Path,
                                                          compiled: list[str]) -> None:
    with classcode.compiling_once():
        make_classes()
    new_process()
    with classcode.compiling_once():
        pass
    assert classcode._kept == {}  # --help: nothing read
    with classcode.compiling_once():
        make_classes()
    assert classcode._kept


def test_dataclasses_is_itself_after_the_block(cache: Path) -> None:
    with classcode.compiling_once():
        assert vars(dataclasses)["exec"] is classcode.compiled_exec
    assert vars(dataclasses).get("exec", builtins.exec) is builtins.exec
    with pytest.raises(RuntimeError), classcode.compiling_once():
        raise RuntimeError
    assert vars(dataclasses).get("exec", builtins.exec) is builtins.exec


def test_a_damaged_file_is_compiled_again(cache: Path, compiled: list[str]) -> None:
    with classcode.compiling_once():
        make_classes()
    path = next(cache.glob("dataclasses-*.marshal"))
    path.write_bytes(b"\x00not marshal")
    new_process()
    compiled.clear()
    with classcode.compiling_once():
        classes = make_classes()
    assert compiled  # compiled anew, and kept again
    assert use(classes) == use(make_classes())
    assert classcode._read(path)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_folder_others_may_write_to_is_not_used(cache: Path, compiled: list[str]) -> None:
    cache.mkdir(parents=True)
    os.chmod(cache, 0o777)  # noqa: S103 - the unsafe folder under test
    with classcode.compiling_once():
        make_classes()
    assert compiled
    assert list(cache.iterdir()) == []
