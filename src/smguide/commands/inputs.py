"""The one loader of a project's inputs: the guide and the brand, read and validated
together so that every mistake in either is found at once, with the brand's warnings
(contrast, fonts missing here); `build` and `check` both use it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from smguide.errors import ContentError, Problem

if TYPE_CHECKING:
    from smguide.model.guide import Guide
    from smguide.model.options import Sources
    from smguide.sources.brand import Brand
    from smguide.sources.yamlsource import Located


@dataclass(frozen=True)
class Inputs:
    """What was read: the guide and the brand (None where they had errors), the errors
    and the warnings, each a Problem made where it was found."""

    guide: Guide | None
    brand: Brand | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def read_inputs(sources: Sources, network: bool = False) -> Inputs:
    """Read and validate the content folder, the brand file and the template folder (with
    `network`, the brand's Google or Bunny fonts that are not here are downloaded)."""
    from smguide.sources.brand import load_brand
    from smguide.sources.content import load_guide

    problems: list[Problem] = []
    warnings: list[Problem] = []
    guide = brand = None
    try:
        guide = load_guide(sources.content)
    except ContentError as exc:
        problems += exc.found
    try:
        brand, brand_warnings = load_brand(sources.brand, network=network)
        warnings += brand_warnings
    except ContentError as exc:
        problems += exc.found
    if sources.templates is not None and not sources.templates.is_dir():
        problems.append(Problem("error", str(sources.templates), None, None, None,
                                "template folder not found"))
    if brand is not None:
        from smguide.handbook.glyphs import font_warnings

        warnings = [*warnings, *font_warnings(brand)]
    if guide is not None:
        warnings += yaml_surprises(guide, sources.content)
        warnings += curly_titles(guide, sources.content)
        warnings += unlisted_chapters(guide, sources.content)
    if sources.missing_brand is not None:
        missing = missing_brand(sources.missing_brand)
        (problems if missing.severity == "error" else warnings).append(missing)
    if guide is not None and brand is not None:
        guide, brand, said = _edition_footer(guide, brand, sources)
        warnings += said
    from smguide.sources.content import file_line

    # in file order (then line and column), as check lists them too
    return Inputs(guide, brand, sorted(problems, key=file_line), warnings)


def yaml_surprises(guide: Guide, content: Path) -> list[Problem]:
    """Valid YAML that probably does not say what its author meant (an item joined to
    the one above it, text cut off at " #"): a warning on every command that reads it.
    A file read before (the same bytes) in which none was found is not looked at again
    (io.modelcache)."""
    from smguide.io.modelcache import remembered
    from smguide.paths import display_path
    from smguide.sources.yamlsource import YamlProblem, read_yaml

    files = [content / "guide.yaml", content / "labels.yaml",
             *(chapter.path for chapter in guide.chapters)]
    findings = []
    for path in dict.fromkeys(files):
        try:
            located = read_yaml(path)
        except (OSError, UnicodeDecodeError, YamlProblem):
            continue
        shown = display_path(path)
        if not located.digest:
            findings += _surprises(path, located, shown)
            continue
        findings += remembered(lambda: _surprises(path, located, shown),  # noqa: B023 - called here
                               b"surprises", located.digest.encode(), _surprises_code())
    return findings


def _surprises(path: Path, located: Located, shown: str) -> list[Problem]:
    """yaml_surprises' findings in one file."""
    from smguide.errors import human_field
    from smguide.sources.validate import dotted
    from smguide.sources.yamlhints import surprises

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    findings = []
    for hint in surprises(text):
        at = [p for p, (line, _) in located.value_pos.items() if line <= hint.line]
        where = dotted(max(at, key=lambda p: located.value_pos[p])) if at else None
        where = where if where != "(top level)" else None
        findings.append(Problem("warning", shown, hint.line, hint.column, where, hint.fix,
                                label=where and human_field(where, located.data)))
    return findings


@cache
def _surprises_code() -> bytes:
    """What finding a file's surprises depends on besides its bytes: the code."""
    import sys

    from smguide import errors
    from smguide.io.usercache import code_of
    from smguide.sources import validate, yamlhints

    return code_of(sys.modules[__name__], errors, validate, yamlhints)


TITLES = ("title", "subtitle", "short_title")  # guide.yaml's and the chapters' plain titles


def curly_titles(guide: Guide, content: Path) -> list[Problem]:
    """A title wrapped in a word processor's curly quotes (`title: “Welcome”`): valid YAML
    that keeps the quotes as part of the title, so the cover, the contents, the running
    heads and the slides print them. A warning at the title, with the fix (as for a file
    name in curly quotes, which is an error since the file is then not found)."""
    from smguide.paths import display_path
    from smguide.sources.yamlhints import curly_wrapped
    from smguide.sources.yamlsource import YamlProblem, read_yaml

    findings = []
    for path in dict.fromkeys([content / "guide.yaml",
                               *(chapter.path for chapter in guide.chapters)]):
        try:
            located = read_yaml(path)
        except (OSError, YamlProblem):
            continue
        data = located.data if isinstance(located.data, dict) else {}
        for key in TITLES:
            said = curly_wrapped(data.get(key), "title")
            if said is None:
                continue
            line, column = located.value_pos.get((key,)) or located.position((key,))
            findings.append(Problem("warning", display_path(path), line, column, key,
                                    said[0], "the title in straight quotes, or none",
                                    said[1]))
    return findings


def _edition_footer(guide: Guide, brand: Brand, sources: Sources
                    ) -> tuple[Guide, Brand, list[Problem]]:
    """The guide and brand with the footer this edition prints (see sources.footer)."""
    import dataclasses

    from smguide.paths import display_path
    from smguide.sources.footer import edition_footer
    from smguide.sources.languages import translates

    footer, said = edition_footer(guide, brand, display_path(sources.content / "guide.yaml"),
                                  translates(sources.content, guide.language))
    if footer:  # plain text, typeset as the guide's other plain-text fields
        from smguide.sources.markdown import writing
        from smguide.sources.plaintext import typeset_text

        footer = typeset_text(footer, writing(guide.language, guide.typography))
    return (dataclasses.replace(guide, footer=footer),
            dataclasses.replace(brand, footer=footer), said)


def missing_brand(wanted: Path) -> Problem:
    """The project's brand file is not there: an error naming the file that probably is
    it (renamed, or saved as .yaml), else a warning that the built-in brand is used."""
    from smguide.paths import display_path

    shown = display_path(wanted)
    near = sorted(p for folder in (wanted.parent, wanted.parent.parent)
                  for pattern in ("*.yml", "*.yaml") for p in folder.glob(pattern)
                  if "brand" in p.name.lower() or folder == wanted.parent)
    if near:
        other = display_path(near[0])
        return Problem("error", shown, None, None, None,
                       f"file not found; there is {other}: rename it to {shown}, or give "
                       f"--brand {other}", suggestion=f"rename {other} to {shown}")
    return Problem("warning", shown, None, None, None,
                   "file not found, so the handbook and deck use smguide's built-in brand; "
                   "put your brand file back there, or give --brand FILE",
                   suggestion="put your brand file back there, or give --brand FILE")


def unlisted_chapters(guide: Guide, content: Path) -> list[Problem]:
    """Chapter files in the content folder that guide.yaml does not list, so the
    handbook leaves them out (a translation's folder, with its own guide.yaml, is its own)."""
    from smguide.paths import display_path

    listed = {chapter.path.resolve() for chapter in guide.chapters}
    own = {content / "guide.yaml", content / "labels.yaml"}
    found = []
    for path in sorted(content.rglob("*.y*ml")):
        inside = path.relative_to(content).parts
        if path.suffix not in (".yaml", ".yml") or path in own or any(
                part.startswith(".") for part in inside):
            continue
        if any((content.joinpath(*inside[:n]) / "guide.yaml").is_file()
               for n in range(1, len(inside))):
            continue  # content/de/...: a translation, checked with --lang de
        if path.resolve() in listed:
            continue
        entry = path.relative_to(content).as_posix()
        found.append(Problem(
            "warning", display_path(path), None, None, None,
            f"guide.yaml does not list this chapter file, so the handbook leaves it out; add "
            f'"  - {entry}" under chapters: in {display_path(content / "guide.yaml")}, or '
            f"delete the file", suggestion=f"add {entry} to the chapters in guide.yaml"))
    return found
