"""scripts/audit: pip-audit's verdict read strictly (a skipped audit never passes in silence)."""

from __future__ import annotations

import importlib.util
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]


def audit() -> ModuleType:
    loader = SourceFileLoader("audit", str(REPO / "scripts" / "audit"))
    spec = importlib.util.spec_from_loader("audit", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_a_vulnerability_fails_with_one_line_naming_the_fix() -> None:
    report = {"dependencies": [
        {"name": "jinja2", "version": "3.1.4", "vulns": [
            {"id": "GHSA-q2x7-8rv6-6q7h", "fix_versions": ["3.1.5"]}]},
        {"name": "click", "version": "8.1.7", "vulns": []}]}
    assert audit().verdict(report, require_service=False) == (1, [
        "pip-audit: vulnerable: jinja2 3.1.4: GHSA-q2x7-8rv6-6q7h (fixed in 3.1.5)"])


def test_an_audit_that_could_not_reach_the_service_says_so() -> None:
    skipped = {"name": "click", "skip_reason": "Dependency not found on PyPI and could not be "
                                               "audited: click (8.1.7)"}
    report = {"dependencies": [skipped, dict(skipped, name="lxml"),
                               {"name": "pyyaml", "version": "6.0.2", "vulns": []}]}
    for strict, code in ((False, 0), (True, 1)):
        got, lines = audit().verdict(report, require_service=strict)
        assert got == code
        assert lines == ["pip-audit: could not get vulnerability data for 2 of 3 packages "
                         "(Dependency not found on PyPI and could not be audited: click "
                         "(8.1.7)); the audit did not really run: check that pypi.org's JSON "
                         "API is reachable"]


def test_ci_runs_the_audit() -> None:
    assert "scripts/audit &&" in (REPO / ".ci" / "run").read_text()
