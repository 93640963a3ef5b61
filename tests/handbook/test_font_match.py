"""font_match asks the fontconfig library in the process (read once) what `fc-match` would
print: the same family names and file for installed families, missing ones (fontconfig's
fallback) and names with the characters a pattern escapes; without the library, fc-match
answers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smguide.handbook import glyphs
from smguide.sources import fontconfig

pytestmark = pytest.mark.skipif(shutil.which("fc-match") is None
                                or fontconfig.font_match("sans", "%{file}") is None,
                                reason="fontconfig (fc-match and its library) not installed")

FAMILIES = ("Liberation Sans", "DejaVu Sans", "DejaVu Sans Mono", "Lato", "Arial",
            "No Such Font", "sans-serif", "Foo-Bar, Inc.", "Ünïcode=x:y")
STYLES = ("Regular", "Bold", "Italic", "Bold Italic", "Light")


def test_the_library_answers_as_fc_match() -> None:
    match = glyphs.font_match.__wrapped__  # uncached
    answered = 0
    for family in FAMILIES:
        for style in STYLES:
            escaped = "".join("\\" + c if c in "\\-:,=" else c for c in family)
            expected = glyphs.fc_match(f"{escaped}:style={style}")
            assert match(family, style) == expected, (family, style)
            answered += expected is not None
    assert answered == len(FAMILIES) * len(STYLES)  # fontconfig always picks some face


def test_without_the_library_fc_match_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fontconfig, "_library", lambda: None)  # no library to load
    found = glyphs.font_match.__wrapped__("DejaVu Sans", "Bold")
    assert found is not None and found[0][0] == "DejaVu Sans"
    assert Path(found[1]).is_file()
