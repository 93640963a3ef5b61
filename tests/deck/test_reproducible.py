"""Byte-for-byte reproducible output: the same inputs and SOURCE_DATE_EPOCH give the same
PDF and PPTX bytes, and the deck's parts match a golden file.

The golden file (tests/golden/deck-tiny.txt) lists every entry of the tiny guide's deck in
order, with its zip metadata and its full XML (binary parts by SHA-256). The comparison is
of what a reader of the deck gets: the same parts, and in each the same canonical XML
(C14N 2.0: attribute order, namespace prefixes and the XML declaration's quotes aside), so
a python-pptx upgrade that only writes the same XML differently still passes; the zip
metadata is left to the byte-for-byte test above. A failure names each part that differs
and shows where. When a change to the deck is intended, regenerate the file and review
the diff:

    SMGUIDE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/deck/test_reproducible.py
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from pypdf import PdfReader

from tests.conftest import modules_after
from tests.hostile import TINY

EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "deck-tiny.txt"


@pytest.fixture
def built_twice(run: Callable[..., Result], tmp_path: Path,
                monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    folders = []
    for name in ("one", "two"):
        result = run("-q", "build", "--content", str(TINY), "--out-dir", name)
        assert result.exit_code == 0, result.stderr
        folders.append(tmp_path / name)
    return folders


def test_two_builds_give_identical_bytes(built_twice: list[Path]) -> None:
    one, two = built_twice
    for name in ("handbook.pdf", "deck.pptx"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_the_decks_time_is_read_without_strptime() -> None:
    # strptime's first call imports and sets up its parser, on every `smguide slides`
    code = (f"import os\nos.environ['SOURCE_DATE_EPOCH'] = '{EPOCH}'\n"
            "from smguide.deck.package import moment\n"
            "when = moment()\n"
            "assert str(when) == '2023-11-14 22:13:20' and when.tzinfo is None, when")
    assert modules_after(code, ("_strptime",)) == []


def test_every_date_in_the_files_is_source_date_epoch(built_twice: list[Path]) -> None:
    reader = PdfReader(built_twice[0] / "handbook.pdf")
    assert reader.metadata["/CreationDate"] == "D:20231114221320Z"
    assert reader.metadata["/ModDate"] == "D:20231114221320Z"
    assert len(reader.trailer["/ID"]) == 2  # derived from the content: see the test above
    with zipfile.ZipFile(built_twice[0] / "deck.pptx") as deck:
        assert {info.date_time for info in deck.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        core = deck.read("docProps/core.xml").decode()
    assert core.count("2023-11-14T22:13:20Z") == 2
    assert "Steve Canny" not in core and "python-pptx" not in core
    assert "<dc:creator>Greenfield Trading Co.</dc:creator>" in core
    assert "<dc:title>A Tiny Guide</dc:title>" in core


def describe_deck(path: Path) -> str:
    """Every entry, in order: name, zip metadata, and the XML itself (or a hash)."""
    lines = []
    with zipfile.ZipFile(path) as deck:
        for info in deck.infolist():
            data = deck.read(info)
            lines.append(f"=== {info.filename} date={info.date_time} mode={info.external_attr:o} "
                         f"system={info.create_system} method={info.compress_type} "
                         f"size={info.file_size}")
            if info.filename.endswith((".xml", ".rels")):
                lines.append(data.decode("utf-8"))
            else:
                lines.append(f"sha256 {hashlib.sha256(data).hexdigest()}")
    return "\n".join(lines) + "\n"


def test_the_deck_matches_the_golden_file(built_twice: list[Path]) -> None:
    actual = describe_deck(built_twice[0] / "deck.pptx")
    if os.environ.get("SMGUIDE_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(actual.encode())  # bytes: some parts have CRLF line ends
    changes = compare_parts(parts(GOLDEN.read_bytes().decode()), parts(actual))
    assert not changes, ("the deck changed (if that was intended, regenerate with "
                         "SMGUIDE_UPDATE_GOLDEN=1, see this file's docstring):\n"
                         + "\n".join(changes))


def parts(described: str) -> dict[str, str]:
    """A described deck (see describe_deck) as part name -> canonical content."""
    found: dict[str, str] = {}
    for entry in described.split("=== ")[1:]:
        header, _, body = entry.partition("\n")
        name = header.split(" date=")[0]
        body = body.rstrip("\n")
        found[name] = canonical(body) if name.endswith((".xml", ".rels")) else body
    return found


def canonical(xml: str) -> str:
    from xml.etree.ElementTree import canonicalize

    return canonicalize(xml.encode(), rewrite_prefixes=True)


def compare_parts(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    """One line per difference: parts added, removed, moved, or changed (and where)."""
    changes = [f"new part {name}" for name in actual if name not in expected]
    changes += [f"missing part {name}" for name in expected if name not in actual]
    common = [name for name in expected if name in actual]
    if [n for n in actual if n in expected] != common:
        changes.append("the parts are in another order")
    for name in common:
        old, new = expected[name], actual[name]
        if old != new:
            pairs = zip(old + "\0", new + "\0", strict=False)
            at = next(i for i, (a, b) in enumerate(pairs) if a != b)
            start = max(0, at - 60)
            changes.append(f"{name} changed at character {at}:\n  was: ...{old[start:at + 60]}"
                           f"\n  now: ...{new[start:at + 60]}")
    return changes


def test_the_golden_comparison_ignores_only_what_nobody_sees() -> None:
    """Attribute order, prefixes and the declaration's quotes do not count; text does."""
    golden = '=== a.xml date=x\n<?xml version="1.0"?><a xmlns="u" b="1" c="2"><t> x</t></a>\n'
    same = "=== a.xml date=y\n<?xml version='1.0'?><p:a xmlns:p=\"u\" c=\"2\" b=\"1\">" \
           "<p:t> x</p:t></p:a>\n"
    moved = '=== a.xml date=x\n<a xmlns="u" b="1" c="2"><t>x</t></a>\n'
    assert compare_parts(parts(golden), parts(same)) == []
    (change,) = compare_parts(parts(golden), parts(moved))
    assert change.startswith("a.xml changed at character")
    assert compare_parts(parts(golden), parts(golden + "=== b.png date=x\nsha256 0\n")) == [
        "new part b.png"]
