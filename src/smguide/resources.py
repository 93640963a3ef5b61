"""Where the built-in templates, guide, brand and fonts live (in the wheel, or in a checkout)."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ASSETS_DIR = PACKAGE_DIR / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"


def builtin(name: str) -> Path:
    """The shipped folder `name` (templates, content, brand): inside the wheel when installed,
    at the repository root when running from a checkout (editable install)."""
    packaged = PACKAGE_DIR / name
    return packaged if packaged.is_dir() else PACKAGE_DIR.parents[1] / name
