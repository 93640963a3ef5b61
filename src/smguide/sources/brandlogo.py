"""The brand's logo: the file its `logo:` names (the largest size, its light or dark
variant), checked as a picture smguide may read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smguide.errors import Problem, Where
from smguide.paths import real
from smguide.safety.images import check_image
from smguide.sources.brandreader import BrandReader, lookup
from smguide.sources.content import check_file_ref, refused_image

LOGO_KINDS = {".svg", ".png", ".jpg", ".jpeg", ".webp"}
FILE_KEYS = {"small", "medium", "large", "light", "dark", "path"}  # keys a logo file is under


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
    if mode == "light":  # once per brand file: the dark pass picks its own variant
        dark = _pick_logo(raw, "dark")
        _other_logos(reader, raw, place, {path, dark[0] if dark else path})
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



def _other_logos(reader: BrandReader, raw: Any, used: Where, picked: set[str]) -> None:
    """A warning for each logo file the brand names besides the one smguide uses (the other
    sizes, variants and named images) that is missing or not a picture: smguide builds
    without them, but other tools that read the same brand file (Quarto, brand-yml) fail."""
    images = raw.get("images") if isinstance(raw, dict) else None
    names = set(images) if isinstance(images, dict) else set()
    for field, _ in reader.located.value_pos.items():
        value = lookup(reader.data, *field)
        if (field[:1] != ("logo",) or not isinstance(value, str) or value in names
                or value in picked
                or not (field[-1] in FILE_KEYS or (len(field) == 3 and field[1] == "images"))):
            continue
        where = reader.where(*field)
        found: list[Problem] = []
        check_file_ref(reader.root, value, where, LOGO_KINDS, found, "logo image")
        for problem in found:
            why = (f"smguide builds without it (it uses {used.field}), but other tools "
                   "reading this brand file need it")
            fix = problem.suggestion
            what = problem.message.removesuffix(f"; {fix}") if fix else problem.message
            note = Problem.fix(where, what, f"{why}: {fix[:1].lower()}{fix[1:]}" if fix
                               else why, problem.expected, severity="warning")
            if note not in reader.warnings:
                reader.warnings.append(note)
