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
    ("a:\n\tb: 1\n", 2, 1, "YAML syntax: a tab character; indent with spaces, not tabs"),
    ("a: &x 1\nb: *x\n", 1, 4, "anchors and aliases (&name, *name) are not supported; "
                              "write the value out in full"),
    ("a: !!python/object:os.system ls\n", 1, 4,
     "the tag !!python/object:os.system is not supported; remove it"),
    ("title: Sales: the basics\n", 1, 8, 'YAML syntax: text with ": " in it must be put in '
                                         'quotes: title: "Sales: the basics"'),
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
        2, "the file is not UTF-8 text but probably Windows-1252 (Western European) or "
           "Windows-1250 (Central European); save it as UTF-8 (Notepad: File > Save as, "
           "Encoding: UTF-8; VS Code: the encoding in the status bar, Save with Encoding, "
           "UTF-8)")


@pytest.mark.parametrize(("text", "codec", "named"), [
    ("title: Rozliczenie delegacji\nterm: Dieta za dobę, ryczałt, zwrot kosztów\n",
     "cp1250", "Windows-1250 (Central European)"),
    ("title: Žádost o proplacení cesty, účtenky\n", "cp1250",  # letters in both
     "Windows-1252 (Western European) or Windows-1250 (Central European)"),
    ("title: Reisekosten für Mitarbeiter, Spesen, Abschluß\n", "cp1252",
     "Windows-1252 (Western European) or Windows-1250 (Central European)"),
    ("title: Frais de déplacement, reçus à garder\n", "cp1252",  # à is ŕ in 1250
     "Windows-1252 (Western European) or Windows-1250 (Central European)"),
    ("title: ¿Qué gastos?\n", "cp1252",  # ¿ is ż in 1250
     "Windows-1252 (Western European) or Windows-1250 (Central European)"),
    ("title: Командировка и отчёт\n", "cp1251", "Windows-1251 (Cyrillic)"),
])
def test_a_file_in_a_windows_code_page_is_named_with_it(tmp_path: Path, text: str,
                                                        codec: str, named: str) -> None:
    bad = tmp_path / "chapter.yaml"
    bad.write_bytes(text.encode(codec))
    with pytest.raises(YamlProblem) as caught:
        read_yaml(bad)
    assert caught.value.message.startswith(f"the file is not UTF-8 text but probably {named}; "
                                           "save it as UTF-8 (Notepad: File > Save as")


# What people really type, and the line and fix smguide names for it
MISTAKES = [
    ("one space too many before a key", "title: Welcome\n subtitle: Hi\n", 2, 2,
     "this line starts at column 2, 1 space further in than line 1; remove 1 space so it "
     "starts at column 1 like the lines it belongs with"),
    ("no space after the colon", "title:Welcome\nsubtitle: Hi\n", 1, 7,
     'put a space after the colon: "title: Welcome"'),
    ("no space after the colon, later", "title: x\nsubtitle:Hi there\nlanguage: en\n", 2, 10,
     'put a space after the colon: "subtitle: Hi there"'),
    ("a line indented too little", "blocks:\n  - type: prose\n    text: hi\n   heading: x\n",
     4, 4, "this line starts at column 4, 1 space short of line 3; add 1 space so it starts "
           "at column 5 like the lines it belongs with"),
    ("curly quotes around a list item", "items:\n  - \u201cRead chapter 2: it takes ten "
     "minutes.\u201d\n", 2, 5,
     "this line has a curly quote (\u201c) from a word processor, which YAML reads as an "
     'ordinary letter; use straight quotes: "Read chapter 2: it takes ten minutes." (with '
     'curly quotes, the ": " in it starts a key)'),
    ("curly quotes around a value", "title: \u201cWelcome: a guide\u201d\n", 1, 8,
     "this line has a curly quote (\u201c) from a word processor, which YAML reads as an "
     'ordinary letter; use straight quotes: title: "Welcome: a guide"'),
    ("a quote never closed", 'title: "Welcome\nsubtitle: x\n', 1, 8,
     'the text that starts here with " is never closed: end it with " on this line'),
    ("no space after a list item's dash", "items:\n  - Meet your buddy\n  -Set up your "
     "laptop\n  - Read the handbook\n", 3, 4,
     'put a space after the dash, as in the items around it: "- Set up your laptop"'),
    ("no space after the dash of an item with keys", "items:\n  - text: Meet\n  -text: Set "
     "up\n  - text: Read\n", 3, 4,
     'put a space after the dash, as in the items around it: "- text: Set up"'),
]


@pytest.mark.parametrize(("text", "line", "col", "fix"), [m[1:] for m in MISTAKES],
                         ids=[m[0] for m in MISTAKES])
def test_common_mistakes_name_the_line_and_the_fix(text: str, line: int, col: int,
                                                   fix: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    assert (caught.value.line, caught.value.column, caught.value.message) == (
        line, col, f"YAML syntax: {fix}")


def test_valid_yaml_that_means_something_else_is_pointed_out() -> None:
    from smguide.sources.yamlhints import surprises

    joined = ("items:\n  - Meet your buddy for a 30-minute chat.\n"
              "    - Get access to the CRM.\n")
    assert parse_yaml(joined).data == {"items": [
        "Meet your buddy for a 30-minute chat. - Get access to the CRM."]}
    assert [(h.line, h.column) for h in surprises(joined)] == [(3, 5)]
    cut = "subtitle: We are #1 in service\n"
    assert parse_yaml(cut).data == {"subtitle": "We are"}
    (hint,) = surprises(cut)
    assert (hint.line, hint.fix) == (1, 'the text stops at "We are": YAML reads " #" as the '
                                        'start of a comment, so "#1 in service" is left out; '
                                        "put the whole text in quotes if the # belongs to it")
    # what is meant: a comment after a value, a nested Markdown list in literal text
    assert surprises("focus: short-term  # or long-term\n") == []
    assert surprises("text: |\n  - item\n    - nested #1\n") == []
    # text already in quotes keeps its # (possessive prefixes: the dash or key is never
    # read as the start of the text)
    assert surprises('subtitle: "We are #1 in service"\n') == []
    assert surprises("items:\n  - 'Join #sales-marketing today.'\n") == []


@pytest.mark.parametrize(("char", "refused"), [
    ("\x1b", True), ("\x85", True), ("\u200b", True), ("\u202e", True), ("\u2066", True),
    ("\u200c", False), ("\u200d", False), ("\u200f", False), ("\t", False)])
def test_one_rule_for_invisible_characters_in_content_and_roster(
        tmp_path: Path, char: str, refused: bool) -> None:
    """The same characters are refused in a YAML value and in a roster cell; the joiners
    Persian and emoji need, and the right-to-left mark, are kept in both."""
    from smguide.errors import ContentError
    from smguide.sources.roster import read_roster

    escaped = f"\\u{ord(char):04x}"
    if refused:
        with pytest.raises(YamlProblem, match="invisible control character"):
            parse_yaml(f'title: "a{escaped}b"\n')
    else:
        assert parse_yaml(f'title: "a{escaped}b"\n').data == {"title": f"a{char}b"}
    (tmp_path / "hires.csv").write_text(f"name,team\nMehr{char}nush,Sales\n", encoding="utf-8")
    try:
        roster = read_roster(tmp_path / "hires.csv", ("Sales",), "hires.csv")
    except ContentError as exc:  # a file-level refusal would be wrong for a cell
        raise AssertionError(exc.problems) from None
    problems = [p for p in roster.problems if "invisible control character" in p.message]
    assert bool(problems) == refused


def test_a_file_read_before_comes_back_from_the_cache_as_parsed(tmp_path: Path,
                                                                 monkeypatch) -> None:  # noqa: ANN001
    """The next command reads a file it read before (the same bytes) from the user's
    cache: the same data, types and positions, without parsing it again; an edited file
    is parsed anew, a file with a mistake is never kept, a damaged cache is read past."""
    from smguide.sources import yamlsource

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "chapter.yaml"
    source.write_text("\ufefftitle: Déjà vu\nblocks:\n  - type: prose\n    n: 7\n    x: -.5e3\n"
                      "    ok: true\n    nothing: ~\n    list: [a, 'b: c', 1]\n", encoding="utf-8")
    yamlsource._PARSED.clear()
    first = read_yaml(source)
    kept = list((tmp_path / "cache" / "smguide" / "yaml").iterdir())
    assert len(kept) == 1

    def no_parsing(text: str) -> yamlsource.Located:
        raise AssertionError("parsed again")

    yamlsource._PARSED.clear()
    with monkeypatch.context() as patched:
        patched.setattr(yamlsource, "parse_yaml", no_parsing)
        again = read_yaml(source)
    assert again is not first
    assert (again.data, again.value_pos, again.key_pos, again.lines) == \
        (first.data, first.value_pos, first.key_pos, first.lines)
    assert again.data["blocks"][0]["x"] == -500.0 and again.data["blocks"][0]["ok"] is True
    assert list(again.value_pos)[3] == ("blocks", 0) and again.key_pos[("blocks", 0, "n")] == (4, 5)
    source.write_text("title: Déjà vu\nblocks: [1, 2]\n", encoding="utf-8")
    assert read_yaml(source).data == {"title": "Déjà vu", "blocks": [1, 2]}
    source.write_text("title: a\ntitle: b\n", encoding="utf-8")
    for _ in range(2):
        yamlsource._PARSED.clear()
        with pytest.raises(YamlProblem, match="appears twice"):
            read_yaml(source)
    assert len(list(kept[0].parent.iterdir())) == 2  # the two files that read
    kept[0].write_text('{"data": 1}')
    source.write_text("\ufefftitle: Déjà vu\nblocks:\n  - type: prose\n    n: 7\n    x: -.5e3\n"
                      "    ok: true\n    nothing: ~\n    list: [a, 'b: c', 1]\n", encoding="utf-8")
    yamlsource._PARSED.clear()
    assert read_yaml(source).value_pos == first.value_pos
    yamlsource._PARSED.clear()
