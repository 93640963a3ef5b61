"""What check finds in the files themselves, without rendering: a translation's language
and what it lacks, links to #anchors that do not exist, pictures too small for print, the
logo's alt text and resolution; and where in a YAML file a finding is (`position`)."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smguide.errors import Problem, Severity, Where, human_field, quote
from smguide.paths import display_path
from smguide.sources.yamlsource import Located, YamlProblem, read_yaml

if TYPE_CHECKING:
    from smguide.commands.project import Project
    from smguide.model.guide import Guide
    from smguide.sources.brand import Brand

MIN_DPI = 150  # under it, blurred (and a --print build refuses a picture)
PRINT_PPI = 300  # what print needs (the print PDF's preflight warns under it)
A4_TEXT_WIDTH_MM = 210 - 25 - 19  # the handbook's A4 text column (inner and outer margins)
LOGO_MM = 34  # the logo's printed size on the cover (.cover-logo img in handbook.css)


def language_mismatch(guide: Guide, project: Project) -> list[Problem]:
    if not project.translated or not project.lang or guide.language.lower() == project.lang:
        return []
    shown = display_path(project.content / "guide.yaml")
    line, col = position(project.content / "guide.yaml", ("language",))
    return [Problem("warning", shown, line, col, "language",
                    f"{quote(guide.language)} but the folder is {project.lang}/; hyphenation, "
                    "quotes and dates follow the language code",
                    f'"{project.lang}"', f"write language: {project.lang}")]


_LINK = re.compile(r"\]\(\s*<?#([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?#(\S*?)>?\s*$", re.MULTILINE)


def translation_drift(guide: Guide, project: Project) -> list[Problem]:
    """Chapters and blocks a translation lacks, or has, compared with the edition it
    translates: checking content/de/ compares it with content/; checking content/ compares
    every translation in it."""
    from smguide.errors import ContentError
    from smguide.sources.content import load_guide
    from smguide.sources.languages import variants
    from smguide.sources.translations import compare

    def loaded(folder: Path) -> Guide | None:
        try:
            return load_guide(folder)
        except ContentError:  # its own check reports its problems
            return None

    pairs: list[tuple[Guide | None, Guide | None]] = []
    if project.translated:
        pairs.append((loaded(project.content.parent), guide))
    else:
        pairs += [(guide, loaded(folder)) for lang, folder in variants(project.content).items()
                  if folder != project.content]
    return [drift for source, translation in pairs
            if source is not None and translation is not None
            for drift in compare(source, translation)]


def cross_references(guide: Guide) -> list[Problem]:
    """Markdown links to #anchors that no chapter or block has."""
    from smguide.sources.validate import suggest

    anchors = {"contents"}
    for chapter in guide.chapters:
        anchors.add(chapter.anchor)
        anchors.update(f"{chapter.anchor}-{n}" for n in range(1, len(chapter.blocks) + 1))
    findings = []
    for chapter in guide.chapters:
        located = read_located(chapter.path)
        if located is None:
            continue
        lines = chapter.path.read_text(encoding="utf-8-sig").splitlines()
        for path, text in _strings(located.data):
            cursor = located.value_pos.get(path, (1, 1))[0] - 1
            for match in _LINK.finditer(text):
                target = match[1] if match[1] is not None else match[2]
                cursor, column = _find(lines, "#" + target, cursor)
                if target in anchors:
                    continue
                hint = suggest(f"#{target}", [f"#{a}" for a in anchors])
                listed = ", ".join(f"#{c.anchor}" for c in guide.chapters)
                findings.append(finding(
                    "warning", chapter.path, path,
                    f'the link to "#{target}" goes nowhere: no chapter or block has that '
                    f"anchor{hint}", f"a chapter anchor ({listed}) or <chapter>-<n> for "
                    f"its n-th block", hint.strip(" ()") or "fix the anchor, or give the "
                    "chapter that id", line=cursor + 1, column=column))
    return findings


def _strings(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], str]]:
    if isinstance(data, str):
        return [(path, data)]
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in _strings(value, (*path, key))]
    if isinstance(data, list):
        return [found for i, value in enumerate(data) for found in _strings(value, (*path, i))]
    return []


def _find(lines: list[str], needle: str, start: int) -> tuple[int, int]:
    """(0-based line, 1-based column) of the next `needle` from line `start` on."""
    for index in range(start, len(lines)):
        column = lines[index].find(needle)
        if column >= 0:
            return index, column + 1
    return start, 1


def image_resolution(guide: Guide) -> list[Problem]:
    """Raster images with fewer than 150 pixels per inch at their printed width."""
    from smguide.model.guide import Image as ImageBlock

    findings = []
    for chapter in guide.chapters:
        for index, block in enumerate(chapter.blocks):
            if not isinstance(block, ImageBlock):
                continue
            printed = A4_TEXT_WIDTH_MM * block.width / 100
            pixels = _pixel_width(Path(guide.root) / block.src)
            if pixels is None or pixels / (printed / 25.4) >= MIN_DPI:
                continue
            dpi = pixels / (printed / 25.4)
            fits = int(pixels / MIN_DPI * 25.4 / A4_TEXT_WIDTH_MM * 100)
            smaller = f", or set width: {fits} (percent)" if fits >= 10 else ""
            findings.append(finding(
                "warning", chapter.path, ("blocks", index, "src"),
                f'{quote(block.src)} is {pixels} pixels wide, {dpi:.0f} dpi at its printed '
                f"width of {printed:.0f} mm; it will look blurred in print",
                f"at least {MIN_DPI} dpi ({_needed(printed)} pixels wide)",
                f"use a picture at least {_needed(printed)} pixels wide{smaller}"))
    return findings


def _needed(mm: float) -> int:
    return int(mm / 25.4 * MIN_DPI + 0.999)


def _pixel_width(path: Path) -> int | None:
    size = _pixel_size(path)
    return size[0] if size else None


def _pixel_size(path: Path) -> tuple[int, int] | None:
    if path.suffix.lower() == ".svg":
        return None  # drawn as vectors: sharp at any size
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return int(image.size[0]), int(image.size[1])
    except (OSError, UnidentifiedImageError):
        return None


def logo_checks(brand: Brand) -> list[Problem]:
    """The brand logo: alt text given, and sharp enough for print on the cover (what a
    `--print` build's preflight refuses or warns about, said before the build), each at
    the lines of the logo's picture in the brand file."""
    from smguide.sources.validate import dotted

    if brand.logo is None:
        return []
    located = read_located(brand.path)
    field = _logo_path_field(brand, located)
    line, col = located.position(field) if located and field else (None, None)
    where = Where(brand.source, line, col, dotted(field) if field else "logo")
    findings = []
    if not brand.logo_alt_given:
        image = field[:-1] if field and field[-1] == "path" else None
        if image and located:  # a picture with a path: its alt goes beside it
            line, col = located.position(image)
            at = Where(brand.source, line, col, dotted(image))
            fix = "add alt: with a short description of the logo beside its path:"
        else:
            at = where
            fix = "give the logo as images: {mark: {path: ..., alt: ...}} with large: mark"
        findings.append(Problem.at(
            at, f"the logo has no alt text; readers who cannot see it hear "
                f"{quote(brand.logo_alt)} ({fix})", "alt: a short description of the logo", fix,
            "warning"))
    size = _pixel_size(brand.logo)
    if size is None:
        return findings
    ppi = min(size) / (LOGO_MM / 25.4)
    if ppi < PRINT_PPI:
        needed = math.ceil(LOGO_MM / 25.4 * PRINT_PPI - 1e-6)
        refuses = "refuses it" if ppi < MIN_DPI else "warns about it"
        fix = f"ask for the logo as SVG, or as a PNG of at least {needed} x {needed} px"
        findings.append(Problem.at(
            where, f"the logo ({size[0]} x {size[1]} px) is {math.floor(ppi + 1e-6)} ppi at "
                   f"its printed size on the cover ({LOGO_MM} mm); print needs {PRINT_PPI} "
                   f"ppi, so `smguide pdf --print` {refuses} ({fix})",
            f"at least {PRINT_PPI} ppi", fix, "warning"))
    return findings


def _logo_path_field(brand: Brand, located: Located | None) -> tuple[Any, ...] | None:
    """Where the brand file names the logo's picture: the `path:` (or the bare value)
    whose file is the brand's logo."""
    from smguide.sources.brandreader import lookup

    if located is None or brand.logo is None:
        return None
    for field in located.value_pos:
        if field[:1] != ("logo",):
            continue
        value = lookup(located.data, *field)
        if isinstance(value, str) and value.strip() and \
                (brand.path.parent / value).resolve() == brand.logo.resolve():
            return field
    return None


def read_located(path: Path) -> Located | None:
    try:
        return read_yaml(path)
    except (OSError, YamlProblem):
        return None


def finding(severity: Severity, file: Path, path: tuple[Any, ...], message: str,
            expected: str | None = None, suggestion: str | None = None,
            line: int | None = None, column: int | None = None) -> Problem:
    """A finding at `path` (keys and list indexes) in the YAML file `file`, read again by
    its absolute path (messages show it as display_path does): at that value's line and
    column unless given, its field said as the file reads ("block 2 (callout), src")."""
    located = read_located(file)
    if line is None and located is not None:
        line, column = located.position(path)
    from smguide.sources.validate import dotted

    field = dotted(path)
    return Problem(severity, display_path(file), line, column, field, message, expected,
                   suggestion, human_field(field, located.data if located else None))


def position(file: Path, path: tuple[Any, ...]) -> tuple[int | None, int | None]:
    located = read_located(file)
    return located.position(path) if located else (None, None)
