"""Which characters of a roster's names the handbook's fonts cannot print.

A name in a script the brand's fonts lack (Lato has no Chinese, for example) is printed
by WeasyPrint in another installed font that has the characters, or as empty boxes when
none has them. The fonts' character maps are read in a limited child (they come from the
brand file, so they are untrusted input); fontconfig's `fc-list` says whether some
installed font has the characters.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from smguide.errors import Problem, Where, quote
from smguide.sources import fontconfig
from smguide.sources.brand import Brand

if TYPE_CHECKING:  # the roster's reader is imported by the roster's commands only
    from smguide.sources.roster import Hire

MATCH_FORM = "%{family}\n%{file}"  # fc-match's format: the face's family names, its file

PRINTED = ("name", "team", "role", "manager", "buddy")  # what the personal pages show


def character_map(path: Path) -> set[int]:
    """The code points a font file has glyphs for (none, if it cannot be read)."""
    from fontTools.ttLib import TTFont

    try:
        with TTFont(str(path), lazy=True) as font:
            return set(font.getBestCmap() or {})
    except Exception:  # a damaged table: the engine will say so when it renders
        return set()


def missing(text: str, covered: set[int]) -> list[str]:
    """The characters of `text` (spaces and controls aside) not in `covered`, in order."""
    return list(dict.fromkeys(c for c in text if c.isprintable() and not c.isspace()
                              and ord(c) not in covered))


@lru_cache(maxsize=256)
def installed_font_with(chars: tuple[str, ...], family: str = "") -> str | None:
    """An installed font (of `family`, when given) that has all of `chars`, or None (also
    when fontconfig's fc-list is not there to ask)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    escaped = family.replace("-", "\\-")  # in a fontconfig pattern, "-" starts a size
    pattern = f"{escaped}:charset={' '.join(f'{ord(c):x}' for c in chars)}"
    try:
        found = subprocess.run([fc_list, pattern, "family"], capture_output=True, text=True,
                               timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    families = sorted(line.split(",")[0].strip() for line in found.splitlines() if line.strip())
    return families[0] if families else None


@lru_cache(maxsize=64)
def font_match(family: str, style: str = "Regular") -> tuple[tuple[str, ...], Path] | None:
    """What fontconfig (so Pango, WeasyPrint and LibreOffice) uses for `family` in `style`:
    the family names of the face it picks, and its file; None without fontconfig. Asked
    of the fontconfig library in this process (sources.fontconfig: its configuration read
    once), else of `fc-match` (a process of its own, reading it again, for each question)."""
    escaped = "".join("\\" + char if char in "\\-:,=" else char for char in family)
    pattern = f"{escaped}:style={style}"
    found = fontconfig.font_match(pattern, MATCH_FORM)
    if found is None:
        return fc_match(pattern)
    return _parsed(found)


def fc_match(pattern: str) -> tuple[tuple[str, ...], Path] | None:
    """font_match asked of the `fc-match` program (a fontconfig pattern)."""
    if not shutil.which("fc-match"):
        return None
    try:
        found = subprocess.run(["fc-match", f"--format={MATCH_FORM}", pattern],
                               capture_output=True, text=True, timeout=10, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return _parsed(found)


def _parsed(found: str) -> tuple[tuple[str, ...], Path] | None:
    """The family names and file of a font in MATCH_FORM, or None when no font was found."""
    names, _, path = found.partition("\n")
    if not path:
        return None
    return tuple(name.strip() for name in names.split(",")), Path(path)


def installed(family: str) -> bool | None:
    """Whether `family` is installed (None: fontconfig is not there to ask)."""
    found = font_match(family)
    return None if found is None else family.lower() in (n.lower() for n in found[0])


def substitute(family: str) -> str | None:
    """The installed family fontconfig uses in place of `family`, which is not installed."""
    found = font_match(family)
    return found[0][0] if found and found[0] and found[0][0] else None


def glyph_warnings(hires: Iterable[Hire], brand: Brand, shown: str) -> list[Problem]:
    """One warning per roster field with characters the handbook's fonts (the brand's
    base and heading families) lack, saying whether another installed font has them."""
    families = tuple(dict.fromkeys((brand.base_family, brand.heading_family)))
    files = {face.path for face in brand.faces if face.family in families}
    covered: set[int] = set()
    for path in files:
        covered |= character_map(path)
    system = [f for f in families if not any(face.family == f for face in brand.faces)]
    warnings = []
    for hire in hires:
        for field in PRINTED:
            value = getattr(hire, field) or ""
            lacking = [c for c in missing(value, covered)
                       if not any(installed_font_with((c,), f) for f in system)]
            if not lacking:
                continue
            chars = " ".join(lacking[:8]) + (" ..." if len(lacking) > 8 else "")
            other = installed_font_with(tuple(lacking))
            effect = (f"they print in another installed font that has them (such as {other})"
                      if other else "no installed font has them, so they print as empty "
                      "boxes; add a font that has them under typography.fonts in the brand "
                      "file")
            warnings.append(Problem.warn(Where(shown, hire.line, None, field),
                                         f"{quote(value)} has characters the handbook's fonts "
                                         f"({', '.join(families)}) lack: {chars}; {effect}"))
    return warnings


def font_warnings(brand: Brand) -> list[Problem]:
    """A warning for each font family the brand uses without files (`source: system`)
    that is not installed here, naming the family fontconfig uses instead: the PDF engine
    prints with that one and the deck is measured with it."""
    families = dict.fromkeys((brand.base_family, brand.heading_family))
    warnings = []
    for family in families:
        if any(face.family == family for face in brand.faces) or installed(family) is not False:
            continue
        other = substitute(family)
        instead = f"{quote(other)} instead" if other else "another installed font instead"
        fix = "install the font, or add its files under typography.fonts with source: file"
        warnings.append(Problem.warn(_font_place(brand, family), f"the font {quote(family)} "
                                     f"(source: system) is not installed on this computer; "
                                     f"the handbook and the deck use {instead} ({fix})",
                                     suggestion=fix))
    return warnings


def _font_place(brand: Brand, family: str) -> Where:
    """`file:line:col: typography.fonts[i].family` of the brand's entry for `family`."""
    from smguide.sources.yamlsource import YamlProblem, read_yaml

    try:
        located = read_yaml(brand.path)
    except (OSError, YamlProblem):
        return Where(brand.source, 1, 1, "typography")
    fonts = (located.data or {}).get("typography", {}) if isinstance(located.data, dict) else {}
    entries = fonts.get("fonts") if isinstance(fonts, dict) else None
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and entry.get("family") == family:
            path: tuple[str | int, ...] = ("typography", "fonts", index, "family")
            line, column = located.position(path)
            return Where(brand.source, line, column, f"typography.fonts[{index}].family")
    return Where(brand.source, 1, 1, "typography")
