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

from smguide.sources.brand import Brand
from smguide.sources.roster import Hire

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


def glyph_warnings(hires: Iterable[Hire], brand: Brand, shown: str) -> list[str]:
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
            warnings.append(f'{shown}:{hire.line}: {field}: "{value}" has characters the '
                            f"handbook's fonts ({', '.join(families)}) lack: {chars}; {effect}")
    return warnings
