"""`smguide check`: every problem in content, brand and templates at once, without a build.

Errors are what would stop a build. Warnings are what would build but look bad: low
contrast, a block that spills onto "(cont.)" slides, a blurry image, a logo without alt
text, a link to an anchor that does not exist. Each finding names the file, line and
column, the field, what was expected and, where we can tell, a fix.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smguide.errors import (
    ContentError,
    Problem,
    SmguideError,
    as_problem,
    counted,
    quote,
)
from smguide.paths import display_path, link_loop
from smguide.sources.content import file_line
from smguide.sources.yamlsource import Located, YamlProblem, read_yaml

if TYPE_CHECKING:
    from smguide.commands.project import Project
    from smguide.deck.plan import PlannedSlide
    from smguide.model.guide import Guide
    from smguide.sources.brand import Brand

MIN_DPI = 150
A4_TEXT_WIDTH_MM = 210 - 25 - 19  # the handbook's A4 text column (inner and outer margins)
LOGO_MM = 24  # the logo's printed size on the cover (34 mm disc less its padding)


def warning(problem: Problem | str) -> Problem:
    """A loader's warning as a Problem of severity "warning"."""
    return replace(as_problem(problem), severity="warning")


@dataclass
class Report:
    """All findings of one check, errors first, each group in file and line order."""

    findings: list[Problem]
    checked: str

    @property
    def errors(self) -> list[Problem]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [f for f in self.findings if f.severity == "warning"]

    def failed(self, strict: bool) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def summary(self) -> str:
        def count(n: int, word: str) -> str:
            return f"{n} {word}{'s' if n != 1 else ''}"

        return (f"Checked {self.checked}: {count(len(self.errors), 'error')}, "
                f"{count(len(self.warnings), 'warning')}.")

    def as_json(self, strict: bool) -> dict[str, Any]:
        return {"ok": not self.failed(strict), "strict": strict, "checked": self.checked,
                "errors": len(self.errors), "warnings": len(self.warnings),
                "findings": [asdict(f) for f in self.findings]}


def run_check(project: Project) -> Report:
    """Validate content, brand and templates; then look for what would look bad."""
    from smguide.commands.inputs import read_inputs

    found = read_inputs(project.sources())
    guide, brand = found.guide, found.brand
    deck = brand.deck_warnings() if brand is not None else []
    findings = [*found.problems,
                *(warning(w) for w in [*found.warnings, *deck])]
    findings += compile_templates(project.templates)
    if guide is not None:
        findings += language_mismatch(guide, project)
        findings += cross_references(guide)
        findings += translation_drift(guide, project)
        findings += image_resolution(guide)
    if brand is not None:
        findings += logo_checks(brand)
    if guide is not None and brand is not None and not any(
            f.severity == "error" for f in findings):
        from smguide.safety.sandbox import Limits, run_limited

        checked_guide, checked_brand = guide, brand
        limits = Limits.from_env()
        findings += run_limited(lambda: render_checks(checked_guide, checked_brand,
                                                      project.templates,
                                                      limits.allow_network),
                                limits, "the templates")
    order = {"error": 0, "warning": 1}
    findings = [_in_file(finding) for finding in findings]
    findings = sorted(dict.fromkeys(findings), key=lambda f: (order[f.severity], *file_line(f)))
    chapters = f", {counted(len(guide.chapters), 'chapter')}" if guide else ""
    language = f" ({guide.language}{chapters})" if guide else ""
    return Report(findings, f"{display_path(project.content)}{language}, "
                            f"{_brand_named(project.brand)} and the templates")


def _brand_named(brand: Path) -> str:
    from smguide.resources import builtin

    built_in = builtin("brand") / "_brand.yml"
    return "smguide's built-in brand" if brand == built_in else display_path(brand)


# -- templates ----------------------------------------------------------------------


def compile_templates(override: Path | None) -> list[Problem]:
    """Compile every template in the override folder and the built-ins: syntax errors."""
    from jinja2 import TemplateError, TemplateSyntaxError

    from smguide.handbook.html import wrap_text
    from smguide.handbook.templating import make_env, template_dirs

    env = make_env(override)
    env.filters["wrap"] = wrap_text  # the handbook renderer's own filter
    dirs = template_dirs(override)
    findings = []
    for folder in dirs:
        prefix = "builtin/" if folder == dirs[-1] and override else ""
        for path in sorted(folder.rglob("*.j2")):
            name = prefix + path.relative_to(folder).as_posix()
            if link_loop(path):
                findings.append(Problem("error", display_path(path), None, None, None,
                                        "the template is a symbolic link that leads back to "
                                        "itself (a link loop); put the file itself there"))
                continue
            try:
                env.get_template(name)
            except TemplateSyntaxError as exc:
                shown = display_path(Path(exc.filename)) if exc.filename else name
                findings.append(Problem("error", shown, exc.lineno, None, None,
                                        f"template syntax: {exc.message}", None,
                                        "check the {% %} and {{ }} tags on this line"))
            except TemplateError as exc:
                findings.append(Problem("error", display_path(path), None, None, None,
                                        f"template: {exc}"))
            except SmguideError as exc:  # e.g. a template that links outside its folder
                findings.append(exc.as_problem())
    return findings


def render_checks(guide: Guide, brand: Brand, templates: Path | None,
                  allow_network: bool = False) -> list[Problem]:
    """Render the handbook's HTML and CSS and the deck plan in memory; with template
    overrides, lay the handbook out with the PDF engine as `smguide pdf` does (the same
    fetcher, so every stylesheet, font, picture, link and attachment an override names
    meets the same rules; only no PDF is written). Without overrides the built-in
    templates name only the files already checked here (content pictures, the brand's
    fonts and logo), so the layout, which costs more than the rest of check, is skipped.
    Then lay out the slides with the deck's own text fitting to find blocks that spill
    over. So whatever would stop a build is an error."""
    from smguide.deck.plan import load_plan
    from smguide.handbook.html import HandbookRenderer
    from smguide.handbook.pdf import lay_out
    from smguide.model.options import PrintOptions

    findings: list[Problem] = []
    try:
        renderer = HandbookRenderer(guide, brand, templates)
        manuscript = renderer.manuscript(PrintOptions())
        findings += unshown_blocks(guide, load_plan(guide, templates))
    except ContentError as exc:
        return list(exc.found)
    except SmguideError as exc:
        return [exc.as_problem()]
    try:
        if templates is not None:
            lay_out(manuscript, allow_network=allow_network)  # refuses what pdf refuses
    except SmguideError as exc:
        return [engine_finding(exc.message, templates)]
    return findings + slide_fitting(guide, brand, templates)


_REFERENCE = re.compile(r'^blocked (<[^>]*>|\S+?): |"((?:[^"\\]|\\.)+)"')


def engine_finding(message: str, templates: Path | None) -> Problem:
    """A refusal of the PDF engine as a finding: at the line of the template override
    that names the resource, when one does (else at the override folder)."""
    from urllib.parse import unquote, urlsplit

    found = _REFERENCE.search(message)
    reference = (found[1] or found[2]) if found else ""
    needles = {reference}
    if reference.startswith(("file:", "http:", "https:")):
        target = unquote(urlsplit(reference).path)
        needles |= {reference.split("://", 1)[-1], target, Path(target).name}
    if reference.startswith("<"):
        needles |= set(re.findall(r'\w+="?[\w-]+"?', reference))
    needles = {n for n in needles if len(n) > 2}
    if templates is not None and needles:
        for source in sorted(p for p in templates.rglob("*") if p.is_file()):
            try:
                lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            for number, line in enumerate(lines, 1):
                column = min((line.find(n) for n in needles if n in line), default=-1)
                if column >= 0:
                    return Problem("error", display_path(source), number, column + 1, None,
                                   message)
    where = display_path(templates) if templates is not None else "the templates"
    return Problem("error", where, None, None, None, message)


def unshown_blocks(guide: Guide, plan: list[PlannedSlide]) -> list[Problem]:
    """Blocks with a slide form that no slide of the deck shows (warnings, one a block):
    a callout without `slide:`, or a role, comparison, analogy, practices, checklist or
    questions block a plan override leaves out. Not prose (the handbook's running text),
    takeaways (the summary slide recaps the chapter), a glossary, or a block marked
    `slide: false` (its author keeps it to the handbook)."""
    from smguide.deck.plan import SHOWN

    kinds = {*SHOWN, "callout"} - {"takeaways"}
    planned = {id(p.block) for p in plan if p.block is not None}
    findings = []
    for chapter in guide.chapters:
        for index, block in enumerate(chapter.blocks):
            if block.type not in kinds or id(block) in planned or \
                    getattr(block, "slide", None) is False:
                continue
            named = getattr(block, "title", None) or block.heading
            what = quote(named) if named else f"this {block.type}"
            fix = ("give it slide: (what its slide shows, in a presenter's words) to present "
                   "it" if block.type == "callout" else
                   "add it to your deck plan (deck/plan.yaml.j2) to present it")
            fix += ", or slide: false to keep it to the handbook"
            line, col = _position(chapter.path, ("blocks", index))
            findings.append(Problem(
                "warning", chapter.source, line, col, f"blocks[{index}]",
                f"{what} is on no slide of the deck; {fix}", "a slide, or slide: false",
                fix))
    return findings


def slide_fitting(guide: Guide, brand: Brand, templates: Path | None) -> list[Problem]:
    """Blocks the deck continues on two or more "(cont.)" slides (warnings; one is how the
    deck keeps its text large) or cannot fit at all (errors)."""
    from smguide.deck.render import DeckRenderer
    from smguide.deck.slides import TooLong

    spilled: dict[tuple[Path, int], list[Any]] = {}

    def count(planned: PlannedSlide, page: int) -> None:
        """Count each block's "(cont.)" slides."""
        if page and planned.block is not None and planned.chapter is not None:
            key = (planned.chapter.path, planned.chapter.blocks.index(planned.block))
            spilled.setdefault(key, [planned.block, 0])[1] += 1

    try:
        # measured as the deck is built, without making the slides
        DeckRenderer(guide, brand, templates=templates, on_page=count, fitting=True).fit()
    except TooLong as exc:
        if exc.source is None or exc.block is None:
            return [exc.as_problem()]
        line, col = _position(exc.source, ("blocks", exc.block))
        return [Problem("error", display_path(exc.source), line, col, f"blocks[{exc.block}]",
                        exc.detail,
                        None, "shorten it, or split it into two blocks")]
    except SmguideError as exc:
        return [exc.as_problem()]
    findings = []
    for (path, index), (block, extra) in spilled.items():
        if extra < 2:  # one continuation slide is how the deck keeps text large
            continue
        line, col = _position(path, ("blocks", index))
        more = f"{extra} more slide{'s' if extra != 1 else ''}"
        findings.append(Problem(
            "warning", display_path(path), line, col, f"blocks[{index}]",
            f"the {block.type} block is too long for one slide; the deck continues it on "
            f"{more} marked ({guide.labels.continued})", "one slide's worth of text",
            "shorten it, or split it into two blocks"))
    return findings


# -- content ------------------------------------------------------------------------


def language_mismatch(guide: Guide, project: Project) -> list[Problem]:
    if not project.translated or not project.lang or guide.language.lower() == project.lang:
        return []
    shown = display_path(project.content / "guide.yaml")
    line, col = _position(project.content / "guide.yaml", ("language",))
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
    return [Problem("warning", drift.file, drift.line, drift.column, drift.field,
                    f"{drift.message}; {drift.suggestion}", suggestion=drift.suggestion)
            for source, translation in pairs if source is not None and translation is not None
            for drift in compare(source, translation)]


def cross_references(guide: Guide) -> list[Problem]:
    """Markdown links to #anchors that no chapter or block has."""
    from smguide.sources.validate import dotted, suggest

    anchors = {"contents"}
    for chapter in guide.chapters:
        anchors.add(chapter.anchor)
        anchors.update(f"{chapter.anchor}-{n}" for n in range(1, len(chapter.blocks) + 1))
    findings = []
    for chapter in guide.chapters:
        located = _located(chapter.path)
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
                findings.append(Problem(
                    "warning", chapter.source, cursor + 1, column, dotted(path),
                    f'the link to "#{target}" goes nowhere: no chapter or block has that '
                    f"anchor{hint}", f"a chapter anchor ({listed}) or <chapter>-<n> for "
                    f"its n-th block", hint.strip(" ()") or "fix the anchor, or give the "
                    "chapter that id"))
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
            line, col = _position(chapter.path, ("blocks", index, "src"))
            findings.append(Problem(
                "warning", chapter.source, line, col, f"blocks[{index}].src",
                f'{quote(block.src)} is {pixels} pixels wide, {dpi:.0f} dpi at its printed '
                f"width of {printed:.0f} mm; it will look blurred in print",
                f"at least {MIN_DPI} dpi ({_needed(printed)} pixels wide)",
                f"use a picture at least {_needed(printed)} pixels wide{smaller}"))
    return findings


def _needed(mm: float) -> int:
    return int(mm / 25.4 * MIN_DPI + 0.999)


def _pixel_width(path: Path) -> int | None:
    if path.suffix.lower() == ".svg":
        return None  # drawn as vectors: sharp at any size
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return int(image.size[0])
    except (OSError, UnidentifiedImageError):
        return None


def logo_checks(brand: Brand) -> list[Problem]:
    """The brand logo: alt text given, and sharp enough on the cover."""
    if brand.logo is None:
        return []
    located = _located(brand.path)
    findings = []
    line: int | None
    col: int | None
    if not brand.logo_alt_given:
        line, col = located.position(("logo",)) if located else (None, None)
        findings.append(Problem(
            "warning", brand.source, line, col, "logo",
            f"the logo has no alt text; readers who cannot see it hear {quote(brand.logo_alt)}",
            "alt: a short description of the logo",
            "give the logo as images: {mark: {path: ..., alt: ...}} with large: mark"))
    pixels = _pixel_width(brand.logo)
    if pixels is not None and pixels / (LOGO_MM / 25.4) < MIN_DPI:
        line, col = located.position(("logo",)) if located else (None, None)
        findings.append(Problem(
            "warning", brand.source, line, col, "logo",
            f"the logo is {pixels} pixels wide, {pixels / (LOGO_MM / 25.4):.0f} dpi on the "
            f"cover ({LOGO_MM} mm); it will look blurred in print",
            f"at least {MIN_DPI} dpi", f"use an SVG logo, or a PNG at least "
                                       f"{_needed(LOGO_MM)} pixels wide"))
    return findings


# -- positions ----------------------------------------------------------------------


def _in_file(problem: Problem) -> Problem:
    """The problem with its field said as its YAML file reads (block types included)."""
    located = _located(Path(problem.file)) if problem.field and problem.file.endswith(
        (".yaml", ".yml")) else None
    return problem.in_file(located.data) if located else problem


def _located(path: Path) -> Located | None:
    try:
        return read_yaml(path)
    except (OSError, YamlProblem):
        return None


def _position(file: Path, path: tuple[Any, ...]) -> tuple[int | None, int | None]:
    located = _located(file)
    return located.position(path) if located else (None, None)
