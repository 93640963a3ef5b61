"""`smguide check`: every problem in content, brand and templates at once, without a build.

Errors are what would stop a build. Warnings are what would build but look bad: low
contrast, a block the deck continues on two or more "(cont.)" slides (a comparison
table on any), a blurry image, a logo without alt text, a link to an anchor that does
not exist. Each finding names the file, line and
column, the field, what was expected and, where we can tell, a fix.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smguide.commands.contentchecks import (
    cross_references,
    image_resolution,
    language_mismatch,
    logo_checks,
    translation_drift,
)
from smguide.commands.renderchecks import compile_templates, render_checks
from smguide.errors import Problem, counted
from smguide.paths import display_path
from smguide.sources.content import file_line

if TYPE_CHECKING:
    from smguide.commands.project import Project
    from smguide.model.options import DeckOptions


def _errors(findings: list[Problem]) -> bool:
    return any(f.severity == "error" for f in findings)


def warning(problem: Problem) -> Problem:
    """A loader's warning as a Problem of severity "warning"."""
    return replace(problem, severity="warning")


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


def run_check(project: Project, deck: DeckOptions | None = None) -> Report:
    """Validate content, brand and templates; then look for what would look bad; `deck`:
    the deck's company template and shape, as slides would build it. What rendering shows
    (renderchecks.render_checks) is found in a child forked once the files are read (so
    it has them, and all they loaded, already), while the files' own checks run here;
    its findings count only when those found no error."""
    from contextlib import ExitStack

    from smguide.commands.inputs import read_inputs

    found = read_inputs(project.sources())
    guide, brand = found.guide, found.brand
    theme = brand.deck_warnings() if brand is not None else []
    findings = [*found.problems,
                *(warning(w) for w in [*found.warnings, *theme])]
    findings += compile_templates(project.templates)
    with ExitStack() as stack:
        child = None
        if guide is not None and brand is not None and not _errors(findings):
            from smguide.safety.sandbox import Limits, Worker

            limits = Limits.from_env()
            child = stack.enter_context(Worker(limits, "the templates"))
            child.submit(render_checks, guide, brand, project.templates,
                         limits.allow_network, deck)
        if guide is not None:
            findings += language_mismatch(guide, project)
            findings += cross_references(guide)
            findings += translation_drift(guide, project)
            findings += image_resolution(guide)
        if brand is not None:
            findings += logo_checks(brand)
        if child is not None and not _errors(findings):
            findings += child.result()
    order = {"error": 0, "warning": 1}
    findings = sorted(dict.fromkeys(findings), key=lambda f: (order[f.severity], *file_line(f)))
    chapters = f", {counted(len(guide.chapters), 'chapter')}" if guide else ""
    language = f" ({guide.language}{chapters})" if guide else ""
    template = (deck.template if deck is not None else None) or (
        brand.template if brand is not None else None)
    on = f", the templates and the deck on {display_path(template)}" if template else (
        " and the templates")
    return Report(findings, f"{display_path(project.content)}{language}, "
                            f"{_brand_named(project.brand)}{on}")


def _brand_named(brand: Path) -> str:
    from smguide.resources import builtin

    built_in = builtin("brand") / "_brand.yml"
    return "smguide's built-in brand" if brand == built_in else display_path(brand)
