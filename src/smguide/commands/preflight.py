"""`smguide preflight FILE.pdf`: a print shop's checks on any PDF, findings by page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smguide.errors import Problem, SmguideError, Where
from smguide.paths import display_path


def run_preflight(path: Path) -> Any:
    """The preflight report of the PDF at `path` (smguide.handbook.preflight.Report)."""
    from smguide.handbook.preflight import preflight

    if not path.is_file():
        raise SmguideError(Problem.at(Where(display_path(path)), "file not found",
                                      "a PDF file"))
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise SmguideError(Problem.at(Where(display_path(path)), "not a PDF file",
                                      "a PDF file"))
    return preflight(data)


def as_json(path: Path, report: Any, strict: bool) -> dict[str, Any]:
    return {"file": str(path), "pages": report.pages, "passed": not failed(report, strict),
            "findings": [{"page": f.page, "severity": f.severity, "check": f.check,
                          "message": f.message} for f in report.findings],
            "images": report.images}


def as_text(path: Path, report: Any) -> list[str]:
    shown = display_path(path)
    lines = [f"{shown}: {finding.line()}" for finding in report.findings]
    lines += [f"{shown}: {image}" for image in report.images]
    errors, warnings = len(report.errors), len(report.warnings)
    verdict = "passed" if not errors else "failed"
    lines.append(f"Preflight {verdict}: {errors} error{'s' if errors != 1 else ''}, "
                 f"{warnings} warning{'s' if warnings != 1 else ''} on {report.pages} "
                 f"page{'s' if report.pages != 1 else ''}.")
    return lines


def failed(report: Any, strict: bool) -> bool:
    return bool(report.errors or (strict and report.warnings))
