"""The brand's typography: sizes, line heights and weights as numbers, and each font
stack's first family that can be had (the brand's files, this computer, the font cache,
a download when allowed, else the bundled Lato)."""

from __future__ import annotations

import re
from typing import Any

from smguide.errors import Problem, quote
from smguide.paths import real
from smguide.sources.brandreader import BrandReader, lookup
from smguide.sources.content import check_file_ref
from smguide.sources.fonts import (
    APIS,
    BUNDLED_FAMILY,
    GENERIC,
    FetchError,
    FontFace,
    bundled_faces,
    cache_dir,
    cached_faces,
    fetch_family,
    font_style,
    generic_family,
    split_stack,
    system_faces,
)
from smguide.sources.yamlhints import curly_wrapped

FONT_KINDS = {".ttf", ".otf", ".woff", ".woff2"}

WEIGHT_NAMES = {"thin": 100, "extra-light": 200, "ultra-light": 200, "light": 300,
                "normal": 400, "regular": 400, "medium": 500, "semi-bold": 600,
                "demi-bold": 600, "bold": 700, "extra-bold": 800, "ultra-bold": 800,
                "black": 900}  # posit's brand_yml (after CSS's common weight names)


def _warn(reader: BrandReader, warning: Problem) -> None:
    """A warning about the brand's fonts (which `smguide fonts` says)."""
    reader.warnings.append(warning)
    reader.font_warnings.append(warning)


def size_pt_of(size: str | float | None, base: float = 10.5) -> float:
    """A font size in points (rem and em relative to the 10.5pt default body text)."""
    if size is None:
        return base
    if isinstance(size, (int, float)):
        return float(size) * 0.75  # a bare number is CSS pixels
    number = float(re.sub(r"[a-z%]+$", "", size))
    unit = re.sub(r"^[0-9.]+", "", size)
    factor = {"pt": 1.0, "px": 0.75, "rem": 10.5, "em": base, "%": base / 100}[unit]
    return round(number * factor, 2)


def line_height_of(value: str | float | None, size_pt: float) -> float | None:
    """A line height as a multiple of the text size: 1.4, "1.25em", "150%", "24px"."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    number = float(re.sub(r"[a-z%]+$", "", value))
    unit = re.sub(r"^[0-9.]+", "", value)
    if unit in ("", "em", "rem"):
        return number
    if unit == "%":
        return number / 100
    return number * (0.75 if unit == "px" else 1.0) / size_pt


def css_weight(value: int | str | None, default: int) -> int:
    """A weight as a number 100-900 ("semi-bold" -> 600; 350 -> 400, as fonts have them)."""
    if value is None:
        return default
    if isinstance(value, str):
        if ".." in value:  # a range a variable font covers: its lower end
            value = int(value.split("..")[0])
        else:
            return WEIGHT_NAMES.get(value, default)
    return max(100, min(900, round(int(value) / 100) * 100))


def _weights(value: Any) -> list[int]:
    """The weights a fonts entry asks for (a weight, a list, or a "300..700" range)."""
    if value is None:
        return []
    if isinstance(value, str) and ".." in value:
        low, high = (css_weight(int(part), 400) for part in value.split(".."))
        return [w for w in (300, 400, 500, 600, 700) if low <= w <= high] or [low]
    items = value if isinstance(value, list) else [value]
    return sorted({css_weight(item, 400) for item in items})


def font_files(reader: BrandReader
               ) -> tuple[dict[str, list[FontFace]], dict[str, dict[str, Any]]]:
    """The brand's own font files (checked), and each declared family's entry."""
    faces: dict[str, list[FontFace]] = {}
    declared: dict[str, dict[str, Any]] = {}
    fonts = lookup(reader.data, "typography", "fonts")
    for i, font in enumerate(fonts if isinstance(fonts, list) else []):
        family = lookup(font, "family")
        if not isinstance(family, str):
            continue
        declared.setdefault(family, font)
        files = lookup(font, "files")
        for j, entry in enumerate(files if isinstance(files, list) else []):
            spec = {"path": entry} if isinstance(entry, str) else entry
            path = lookup(spec, "path")
            if not isinstance(path, str):
                continue
            place = reader.where("typography", "fonts", i, "files", j)
            if re.match(r"^[a-z][a-z0-9+.-]*://", path, re.I):
                _warn(reader, Problem.warn(
                    place, f"{quote(path)} is a web address; smguide reads font files "
                           "from the brand's folder only (download it there and give its "
                           "path)", suggestion="download it there and give its path"))
                continue
            before = len(reader.problems)
            check_file_ref(reader.root, path, place, FONT_KINDS, reader.problems, "font file")
            if len(reader.problems) > before:
                continue
            target = real(reader.root / path)
            own = font_style(target)
            if own is None:
                reader.problem(Problem.fix(place, f"{quote(path)} is not a font file that can "
                                                "be read", "use the .ttf or .otf file from "
                                                           "the font's download"))
                continue
            weight = css_weight(lookup(spec, "weight"), own[0])
            style = lookup(spec, "style")
            style = "italic" if style in ("italic", "oblique") else (
                "normal" if style == "normal" else own[1])
            faces.setdefault(family, []).append(FontFace(family, target, weight, style))
    return faces, declared


def pick_family(reader: BrandReader, stack: str, field: tuple[str, ...],
                files: dict[str, list[FontFace]], declared: dict[str, dict[str, Any]],
                warn: bool = True) -> tuple[str, str, list[FontFace]]:
    """(the family the deck's theme names, the family used here, its faces): the first
    of a font stack that can be had, looked for in the brand's files, on this
    computer, in the font cache, then downloaded if allowed; else the bundled Lato."""
    names = split_stack(stack) or [BUNDLED_FAMILY]
    tried: list[str] = []
    unreachable: list[str] = []  # the font services a download of this stack failed from
    for name in names:
        if name.lower() in GENERIC:  # any font of the kind will do
            return _generic(reader, stack, names[0], name)
        faces, origin = files.get(name) or [], "the brand's files"
        if name == BUNDLED_FAMILY and not faces:
            reader.found.append((stack, name, "bundled with smguide"))
            return name, name, bundled_faces()
        if not faces:
            faces, origin = system_faces(name), "installed on this computer"
        if not faces:
            faces, origin = cached_faces(name), f"smguide's font cache ({cache_dir()})"
        entry = declared.get(name) or {}
        source = entry.get("source")
        if not faces and reader.network and source in ("google", "bunny"):
            try:
                faces = fetch_family(source, name, _weights(entry.get("weight")),
                                     _styles(entry.get("style")))
                origin = f"downloaded from {APIS[source][2]} into {cache_dir()}"
                reader.fetched.append((name, APIS[source][2], None))
            except FetchError as exc:
                _warn(reader, Problem.warn(reader.where(*field), f"could not download "
                                                 f"{quote(name)} from {APIS[source][2]}: "
                                                 f"{exc.reason}"))
                unreachable.append(APIS[source][2])
                reader.fetched.append((name, APIS[source][2], exc.reason))
        if faces:
            reader.found.append((stack, name, f"{origin}: {len(faces)} "
                                            f"face{'s' if len(faces) != 1 else ''}"))
            return name, name, faces
        tried.append(name)
    reader.found.append((stack, BUNDLED_FAMILY, "not found: the bundled Lato is used"))
    if warn:
        _warn(reader, missing_font(reader, field, tried, declared, unreachable))
    return tried[0], BUNDLED_FAMILY, bundled_faces()


def _generic(reader: BrandReader, stack: str, first: str, name: str
             ) -> tuple[str, str, list[FontFace]]:
    """A generic family (serif, monospace...): this computer's font of the kind, else
    the bundled Lato (always for sans-serif)."""
    if name.lower() not in ("sans-serif", "system-ui", "ui-sans-serif"):
        installed = generic_family(name.lower())
        faces = system_faces(installed) if installed else []
        if installed and faces:
            reader.found.append((stack, installed, f"installed on this computer "
                                                 f"(this computer's {name} font)"))
            return first, installed, faces
    reader.found.append((stack, BUNDLED_FAMILY, f"bundled with smguide (the stack "
                                              f"allows any {name} font)"))
    return first, BUNDLED_FAMILY, bundled_faces()


def missing_font(reader: BrandReader, field: tuple[str, ...], tried: list[str],
                 declared: dict[str, dict[str, Any]], unreachable: list[str] | None = None
                 ) -> Problem:
    """The warning for a font stack none of whose families can be had, with the way to get
    one; `unreachable`: the services a download just failed from (then running `smguide
    fonts` again is no advice until this computer is online)."""
    first = tried[0]
    curly = curly_wrapped(first) if len(tried) == 1 else None
    if curly:  # family: “Lato”, pasted from a word processor
        return Problem.warn(reader.where(*field), f"{curly[0]} (until then, no font has "
                            f"that name and the bundled {BUNDLED_FAMILY} is used)",
                            suggestion=curly[1])
    fetchable = [n for n in tried if (declared.get(n) or {}).get("source") in
                 ("google", "bunny")]
    if fetchable and unreachable:
        how = (f"{' and '.join(dict.fromkeys(unreachable))} could not be reached: run "
               f"`smguide fonts --brand {reader.shown}` again once this computer is online, "
               "or download the font's .ttf files yourself and put them beside the brand "
               "file under typography.fonts (source: file)")
    elif fetchable:
        how = (f"run `smguide fonts --brand {reader.shown}` to download it into the font "
               f"cache ({cache_dir()}), or build with --allow-network")
    else:
        how = ("install it on this computer, or put its .ttf/.otf files beside the brand "
               "file under typography.fonts (source: file)")
    names = " or ".join(quote(n) for n in tried)
    return Problem.warn(reader.where(*field), f"the font {names} is not on this computer "
                        f"(nor in the brand's folder or smguide's font cache); the "
                        f"handbook uses the bundled {BUNDLED_FAMILY} instead and the deck "
                        f"names {quote(first)} (text fitted with {BUNDLED_FAMILY}'s "
                        f"measures); {how}", suggestion=how)


def _styles(value: Any) -> list[str]:
    items = value if isinstance(value, list) else ([value] if value else [])
    return sorted({"italic" if item in ("italic", "oblique") else "normal" for item in items})


def _text(value: Any, default: str) -> str:
    return value if isinstance(value, str) else default


Family = tuple[str, str, list[FontFace]]  # the theme's name, the family used, its faces


def typography(reader: BrandReader) -> tuple[dict[str, Any], dict[str, Any],
                                          tuple[Family, Family, Family]]:
    """(typography.base, typography.headings, the base, heading and monospace families):
    each font stack's first family that can be had (see pick_family)."""
    typo = lookup(reader.data, "typography")
    base_raw, heads_raw = lookup(typo, "base"), lookup(typo, "headings")
    base = {"family": base_raw} if isinstance(base_raw, str) else (
        base_raw if isinstance(base_raw, dict) else {})
    heads = {"family": heads_raw} if isinstance(heads_raw, str) else (
        heads_raw if isinstance(heads_raw, dict) else {})
    mono_raw = lookup(typo, "monospace")
    mono = {"family": mono_raw} if isinstance(mono_raw, str) else (
        mono_raw if isinstance(mono_raw, dict) else {})
    files, declared = font_files(reader)
    base_field = ("typography", "base", "family") if isinstance(base_raw, dict) else (
        "typography", "base")
    head_field = ("typography", "headings", "family") if isinstance(heads_raw, dict) else (
        "typography", "headings")
    base_stack = _text(base.get("family"), BUNDLED_FAMILY)
    head_stack = _text(heads.get("family"), base_stack)
    base_family = pick_family(reader, base_stack, base_field, files, declared)
    head_family = base_family if head_stack == base_stack else pick_family(
        reader, head_stack, head_field, files, declared)
    mono_stack = _text(mono.get("family"), "monospace")
    mono_family = pick_family(reader, mono_stack, ("typography", "monospace"), files,
                              declared, warn=False)
    return base, heads, (base_family, head_family, mono_family)
