"""A deck made from files read before (their data, positions and validated values kept in
the user cache) and the shipped tables read before imports neither PyYAML nor what says
a file's mistakes (sources.describe, sources.typeinfo, Pydantic's TypeAdapter), nor Babel
(its dates and lists kept: sources.languages.babel_kept), nor markdown-it (the texts'
parses kept: sources.markdown), nor the roster's reader, nor Pillow's PNG plugin (the
logo's image part named from its PNG signature: deck.logo): on the first run it does, on
the next it does not, and the deck is the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from smguide.resources import builtin
from tests.conftest import modules_after

SPOKEN = "smguide.sources.spokenfile:SpokenFile"
WATCHED = ("yaml", "smguide.sources.yamlparse", "smguide.sources.describe",
           "smguide.sources.typeinfo", "pydantic.type_adapter", "babel",
           "markdown_it", "smguide.sources.roster", "PIL.PngImagePlugin")


def deck_code(out: Path) -> str:
    """Validate the built-in guide and render its deck in this process (as the render
    child would), writing the deck's hash to `out`."""
    return ("import hashlib, pathlib\n"
            "from smguide.commands.build import load, render_deck\n"
            "from smguide.model.options import DeckOptions, Sources\n"
            f"sources = Sources(pathlib.Path({str(builtin('content'))!r}), "
            f"pathlib.Path({str(builtin('brand') / '_brand.yml')!r}))\n"
            "guide, brand, _ = load(sources)\n"
            "data = render_deck(guide, brand, None, DeckOptions())[0]\n"
            f"pathlib.Path({str(out)!r}).write_text(hashlib.sha256(data).hexdigest())\n")


def test_files_read_before_need_no_yaml_parser_and_no_describer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = modules_after(deck_code(tmp_path / "first"), WATCHED)
    assert "yaml" in first and "pydantic.type_adapter" in first  # parsed and validated
    assert "babel" in first  # the title slide's date, the notes' lists asked of Babel
    assert "markdown_it" in first  # the texts parsed
    again = modules_after(deck_code(tmp_path / "again"), WATCHED)
    assert again == []
    assert (tmp_path / "again").read_text() == (tmp_path / "first").read_text()


def test_a_damaged_or_other_code_s_shipped_table_kept_is_read_past(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    from smguide.sources import validated

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    parsed: list[str] = []
    load = yaml.load

    def counted(text: str, loader: object) -> object:
        parsed.append(text[:20])
        return load(text, loader)  # type: ignore[arg-type]  # noqa: S506

    monkeypatch.setattr(yaml, "load", counted)
    first = validated.shipped_table("spoken.yaml", SPOKEN)
    assert first["de"].agenda and len(parsed) == 1  # the German lines, validated
    assert validated.shipped_table("spoken.yaml", SPOKEN) == first
    assert len(parsed) == 1  # kept: not parsed again
    for path in sorted((tmp_path / "cache").rglob("*.pickle")):
        path.write_bytes(b"\x80\x05not a pickle")  # damaged
    assert validated.shipped_table("spoken.yaml", SPOKEN) == first
    assert len(parsed) == 2
    code = validated._type_code  # other code (another version of the model): not used
    monkeypatch.setattr(validated, "_type_code", lambda root: code(root) + b"edited")
    assert validated.shipped_table("spoken.yaml", SPOKEN) == first
    assert len(parsed) == 3
