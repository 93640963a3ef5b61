"""The brand's logo: the file its `logo:` names (the largest size, its light or dark
variant), checked as a picture smguide may read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smguide.errors import Problem
from smguide.paths import real
from smguide.safety.images import check_image
from smguide.sources.brandreader import BrandReader, lookup
from smguide.sources.content import check_file_ref, refused_image

LOGO_KINDS = {".svg", ".png", ".jpg", ".jpeg", ".webp"}


def _pick_logo(logo: Any, mode: str) -> tuple[str, str | None] | None:
    if isinstance(logo, str):
        return logo, None
    if not isinstance(logo, dict):
        return None
    if "path" in logo:
        return _logo_spec(logo, {}, mode)
    images: dict[str, Any] = logo["images"] if isinstance(logo.get("images"), dict) else {}
    for size in ("large", "medium", "small"):
        picked = _logo_spec(logo.get(size), images, mode)
        if picked:
            return picked
    if images:  # only named images: the brand's logo is the first one
        preferred: list[str] = [n for n in ("logo", "main", "brand", "full", "mark")
                                if n in images]
        return _logo_spec((preferred or list(images))[0], images, mode)
    return None


def _logo_spec(spec: Any, images: dict[str, Any], mode: str) -> tuple[str, str | None] | None:
    if isinstance(spec, dict) and ("light" in spec or "dark" in spec):
        spec = spec.get(mode) or spec.get("light") or spec.get("dark")
    if isinstance(spec, str) and spec in images:
        spec = images[spec]
    if isinstance(spec, dict) and isinstance(spec.get("path"), str):
        alt = spec.get("alt")
        return spec["path"], alt if isinstance(alt, str) else None
    return (spec, None) if isinstance(spec, str) else None


def read_logo(reader: BrandReader, mode: str) -> tuple[Path | None, str | None]:
    raw = lookup(reader.data, "logo")
    if raw is None:
        return None, None
    picked = _pick_logo(raw, mode)
    if picked is None:
        if not (isinstance(raw, dict) and not raw.get("images") and
                all(raw.get(k) is None for k in ("small", "medium", "large", "path"))):
            reader.problem(Problem.at(reader.where("logo"), "give a logo file path (e.g. logo: "
                                                        "logo.svg)"))
        return None, None
    path, alt = picked
    place = reader.where(*_logo_field(reader, raw, path))
    before = len(reader.problems)
    check_file_ref(reader.root, path, place, LOGO_KINDS, reader.problems, "logo image")
    if len(reader.problems) > before:
        reader.problems[before:] = list(dict.fromkeys(reader.problems[before:]))
        return None, None
    refused = check_image(reader.root / path)
    if refused:
        reader.problem(refused_image(place, path, refused))
        return None, None
    return real(reader.root / path), alt


def _logo_field(reader: BrandReader, raw: Any, path: str) -> tuple[str | int, ...]:
    """Where in the file the picked logo's path is written (for the message)."""
    for field, pos in reader.located.value_pos.items():
        if field[:1] == ("logo",) and lookup(reader.data, *field) == path:
            del pos
            return field
    return ("logo",)

