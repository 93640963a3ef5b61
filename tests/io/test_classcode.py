"""The methods dataclasses write, compiled once: a class made with the kept code has the
same methods, to the byte, as one `dataclasses` compiles itself; a second run compiles
nothing; a damaged or foreign file or a folder others may write to is not used, and the
file is replaced whole; `dataclasses` is itself again after the block, however blocks
overlap, and a `dataclasses` shaped otherwise is left as it is."""

from __future__ import annotations

import builtins
import dataclasses
import marshal
import os
import sys
import types
import zlib
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
    assert "exec" not in vars(dataclasses)  # the built-in, as before: no name left behind
    with pytest.raises(RuntimeError), classcode.compiling_once():
        raise RuntimeError
    assert "exec" not in vars(dataclasses)


def test_overlapping_blocks_leave_dataclasses_itself(cache: Path) -> None:
    """Two threads' blocks (the preview's), the first one out before the second: the
    replacement holds until the last one is out, then dataclasses is itself."""
    first, second = classcode.compiling_once(), classcode.compiling_once()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert vars(dataclasses)["exec"] is classcode.compiled_exec  # the second still runs
    assert use(make_classes()) == use(make_classes())
    second.__exit__(None, None, None)
    assert "exec" not in vars(dataclasses)
    with classcode.compiling_once():
        with classcode.compiling_once():
            pass
        assert vars(dataclasses)["exec"] is classcode.compiled_exec  # nested: still held
    assert "exec" not in vars(dataclasses)


def fake_dataclasses(source: str) -> types.ModuleType:
    """A module named dataclasses made from `source`."""
    module = types.ModuleType("dataclasses")
    builtins.exec(compile(source, "dataclasses.py", "exec", dont_inherit=True), vars(module))
    return module


@pytest.mark.parametrize("source", [
    # a dataclasses that compiles its methods some other way
    "def _create_fn(txt, ns):\n    return eval(compile(txt, '<string>', 'exec'), ns)\n",
    # one whose exec'd strings would inherit a __future__ flag classcode does not set
    "from __future__ import annotations\n"
    "class _FuncBuilder:\n    def add(self, txt, ns):\n        exec(txt, {}, ns)\n",
], ids=["no-exec", "future-flags"])
def test_a_dataclasses_shaped_otherwise_is_left_as_it_is(
        cache: Path, compiled: list[str], monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    module = fake_dataclasses(source)
    before = dict(vars(module))
    monkeypatch.setattr(classcode, "dataclasses", module)
    assert classcode._why_not(module)
    with classcode.compiling_once():
        assert vars(module) == before
    assert vars(module) == before and compiled == []
    assert classcode._why_not(dataclasses) is None  # the real one, for contrast
    shaped = fake_dataclasses("def _create_fn(txt, ns):\n    exec(txt, {}, ns)\n")
    monkeypatch.setattr(classcode, "dataclasses", shaped)
    with classcode.compiling_once():
        assert vars(shaped)["exec"] is classcode.compiled_exec
    assert "exec" not in vars(shaped)


def test_an_exec_of_dataclasses_own_is_left_as_it_is(cache: Path, compiled: list[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []

    def theirs(source: Any, *args: Any) -> None:
        calls.append(source)
        builtins.exec(source, *args)

    monkeypatch.setattr(dataclasses, "exec", theirs, raising=False)
    plain = codes(make_classes())
    with classcode.compiling_once():
        assert vars(dataclasses)["exec"] is theirs
        made = make_classes()
    assert vars(dataclasses)["exec"] is theirs and compiled == [] and calls
    assert codes(made) == plain


def test_an_exec_called_otherwise_is_execs_own(cache: Path) -> None:
    """Keywords, a code object: what a newer dataclasses might pass, passed on as is."""
    found: dict[str, Any] = {}
    classcode.compiled_exec("x = 1", {}, found)
    classcode.compiled_exec(compile("y = 2", "<string>", "exec"), {}, found, closure=None)
    assert found == {"x": 1, "y": 2}


def kept_file(cache: Path) -> Path:
    """The file a first run keeps (of make_classes' methods), and a new process."""
    with classcode.compiling_once():
        make_classes()
    new_process()
    return next(cache.glob("dataclasses-*.marshal"))


def kept(path: Path) -> dict[str, Any]:
    """The sources and code in a kept file, read without checks."""
    return marshal.loads(marshal.loads(path.read_bytes())[3])


def written(sources: dict[str, Any], checksum: bool = True, tag: str = classcode.FORMAT,
            python: str = classcode.PYTHON) -> bytes:
    """A file of `sources`, its checksum right (or not), of a format and a Python."""
    data = marshal.dumps(sources)
    return marshal.dumps((tag, python, zlib.crc32(data) if checksum else 0, data))


def swapped(path: Path, checksum: bool = False) -> bytes:
    """The kept file with each source paired with another's code."""
    found = kept(path)
    sources = sorted(found)
    return written(dict(zip(sources, [found[source] for source in sources[1:] + sources[:1]],
                            strict=True)), checksum)


@pytest.mark.parametrize("damage", [
    lambda path: path.read_bytes()[: path.stat().st_size // 2],  # cut short
    lambda path: marshal.dumps(kept(path)),  # an older shape: {source: code}
    lambda path: marshal.dumps([1, 2, 3]),  # another file's shape
    lambda path: written(kept(path), tag="smguide-dataclasses-0"),
    lambda path: written(kept(path), python="2.7.18 (another Python)"),
    lambda path: written(kept(path), python=f"{sys.version} optimize=2"),  # under -OO
    swapped,  # code from a different source
    lambda path: written({source: compile("def __create_fn__():\n return 1", "<string>",
                                          "exec") for source in kept(path)}, False),
    lambda path: written({source: 42 for source in kept(path)}),  # no code
    lambda path: written({source: compile(source, "elsewhere.py", "exec")
                          for source in kept(path)}),  # not the code of a string
    lambda path: written([*kept(path)]),  # the sources alone
], ids=["truncated", "older-shape", "a-list", "other-format", "other-python", "under-OO",
        "swapped", "foreign-code", "not-code", "not-a-string", "no-code"])
def test_a_damaged_or_foreign_file_is_compiled_again(cache: Path, compiled: list[str],
                                                     damage: Any) -> None:
    plain = make_classes()
    path = kept_file(cache)
    path.write_bytes(damage(path))
    assert classcode._read(path) == {}  # not one entry is taken
    compiled.clear()
    with classcode.compiling_once():
        classes = make_classes()
    assert len(compiled) == len(set(compiled)) > 0  # every method compiled anew, once
    assert codes(classes) == codes(plain) and use(classes) == use(plain)
    assert len(classcode._read(path)) == len(compiled)  # and the file good again


def test_the_file_is_replaced_whole_or_not_at_all(cache: Path, compiled: list[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that fails (a full disk) leaves the previous file as it was and no part
    of the new one; what it had to keep is kept by the next write."""
    path = kept_file(cache)
    before = path.read_bytes()

    def fails(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", fails)
        with classcode.compiling_once():  # compiles a new class's methods, cannot keep them
            dataclasses.dataclass(type("Later", (), {"__annotations__": {"more": "int"}}))
    assert path.read_bytes() == before  # the previous file, whole
    assert sorted(item.name for item in cache.iterdir()) == [path.name]  # no temp left
    assert classcode._new  # kept for a later write
    classcode.keep_compiled()
    assert len(classcode._read(path)) > len(marshal.loads(marshal.loads(before)[3]))


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


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX fork")
def test_a_child_forked_while_another_thread_keeps_code_still_makes_dataclasses(
        cache: Path) -> None:
    """A render child forked while a thread of the preview held the lock (writing the
    file) makes and keeps its dataclasses' code, not waiting for a thread it has not."""
    from tests.forks import forked_while_held

    def work() -> None:
        with classcode.compiling_once():
            assert use(make_classes())
        assert list(cache.glob("dataclasses-*.marshal"))

    assert forked_while_held(classcode, work) == 0
