"""Which characters of a roster's names the brand's fonts cannot print.

A name in a script the brand font lacks (Lato has no Chinese, for example) is printed by
WeasyPrint in whatever installed font has the characters, or as empty boxes when none
has them. fontconfig's `fc-list` says which it will be, so the warning can be exact.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable

from smguide.brand import Brand
from smguide.roster import Hire
from smguide.textfit import load_metrics

PRINTED = ("name", "team", "role", "manager", "buddy")  # what the personal pages show


def missing(text: str, covered: set[int]) -> list[str]:
    """The characters of `text` (spaces and controls aside) not in `covered`, in order."""
    return list(dict.fromkeys(c for c in text if c.isprintable() and not c.isspace()
                              and ord(c) not in covered))


def installed_font_with(chars: Iterable[str]) -> str | None:
    """The family of an installed font that has all of `chars`, or None (also when
    fontconfig's fc-list is not there to ask)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    charset = " ".join(f"{ord(c):x}" for c in chars)
    try:
        found = subprocess.run([fc_list, f":charset={charset}", "family"], capture_output=True,
                               text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    families = sorted(line.split(",")[0].strip() for line in found.splitlines() if line.strip())
    return families[0] if families else None


def glyph_warnings(hires: Iterable[Hire], brand: Brand, shown: str) -> list[str]:
    """One warning per roster field with characters the brand's fonts lack, saying
    whether they print in an installed font (which) or as empty boxes."""
    covered: set[int] = set()
    for face in brand.faces:
        covered |= load_metrics(face.path).advances.keys()
    families = ", ".join(dict.fromkeys(face.family for face in brand.faces))
    warnings = []
    for hire in hires:
        for field in PRINTED:
            value = getattr(hire, field) or ""
            lacking = missing(value, covered)
            if not lacking:
                continue
            chars = " ".join(lacking[:8]) + (" ..." if len(lacking) > 8 else "")
            fallback = installed_font_with(lacking)
            effect = (f"they print in {fallback} instead" if fallback else
                      "no installed font has them, so they print as empty boxes; add a font "
                      "that has them under typography.fonts in the brand file")
            warnings.append(f'{shown}:{hire.line}: {field}: "{value}" has characters the '
                            f"brand's fonts ({families}) lack: {chars}; {effect}")
    return warnings
