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


def default_content() -> Path:
    """`./content` when the user has one, else the built-in guide."""
    local = Path("content")
    return local if (local / "guide.yaml").is_file() else builtin("content")


def default_brand() -> Path:
    """`./brand/_brand.yml` or `./_brand.yml` when present, else the built-in brand."""
    for candidate in (Path("brand/_brand.yml"), Path("_brand.yml")):
        if candidate.is_file():
            return candidate
    return builtin("brand") / "_brand.yml"
