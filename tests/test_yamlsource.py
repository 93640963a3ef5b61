"""The YAML reader: YAML 1.2 scalars, refused pitfalls, positions for every value."""

from __future__ import annotations

from pathlib import Path

import pytest

from smguide.sources.yamlsource import YamlProblem, parse_yaml, read_yaml


def test_norway_and_clock_times_stay_text() -> None:
    data = parse_yaml("language: no\nanswer: yes\ntime: 12:30\ndate: 2026-01-05\n"
                      "flag: true\nn: 7\nx: 1.5\nnothing: ~\n").data
    assert data == {"language": "no", "answer": "yes", "time": "12:30", "date": "2026-01-05",
                    "flag": True, "n": 7, "x": 1.5, "nothing": None}


def test_positions_of_keys_and_values() -> None:
    located = parse_yaml("title: A\nblocks:\n  - type: prose\n    text: hi\n")
    assert located.key_pos[("blocks", 0, "text")] == (4, 5)
    assert located.value_pos[("blocks", 0)] == (3, 5)
    assert located.position(("blocks", 0, "missing")) == (3, 5)


@pytest.mark.parametrize(("text", "line", "col", "message"), [
    ("a: 1\nb: 2\na: 3\n", 3, 1, 'the key "a" appears twice (first on line 1); keep one of them'),
    ("a:\n\tb: 1\n", 2, 1, "YAML syntax: found character '\\t' that cannot start any token; "
                           "indent with spaces, not tabs"),
    ("a: &x 1\nb: *x\n", 1, 4, "anchors and aliases (&name, *name) are not supported; "
                              "write the value out in full"),
    ("a: !!python/object:os.system ls\n", 1, 4,
     "the tag tag:yaml.org,2002:python/object:os.system is not supported; remove it"),
    ("title: Sales: the basics\n", 1, 13, "YAML syntax: mapping values are not allowed here; "
                                          'a value containing ": " must be put in quotes'),
    ('a: "bell \\a here"\n', 1, 4, "text contains an invisible control character; "
                                  "retype the text or remove the character"),
    ("a:\n  b:\n    c:\n" + "".join("  " * i + "- \n" for i in range(0)) + "d: [" * 50 + "]" * 50,
     1, 1, None),
])
def test_pitfalls_are_reported_with_their_place(text: str, line: int, col: int,
                                                message: str | None) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    if message is None:  # deep nesting: just a clean, located refusal
        assert "nesting" in caught.value.message or "YAML" in caught.value.message
        return
    assert (caught.value.line, caught.value.column, caught.value.message) == (line, col, message)


def test_bom_is_accepted_and_latin1_refused(tmp_path: Path) -> None:
    good = tmp_path / "bom.yaml"
    good.write_bytes("\ufefftitle: Grüße\n".encode())
    assert read_yaml(good).data == {"title": "Grüße"}
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("title: ok\nname: Gr\xfc\xdfe\n".encode("latin-1"))
    with pytest.raises(YamlProblem) as caught:
        read_yaml(bad)
    assert (caught.value.line, caught.value.message) == (
        2, "the file is not UTF-8 text; save it as UTF-8")
