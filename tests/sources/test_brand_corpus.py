"""The brand corpus script (bench/brand_corpus.py): its comparison logic, and a small sample
of the public brand corpus run through check, pdf and slides (the whole corpus is a bench)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("brand_corpus",
                                                  REPO / "bench" / "brand_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["brand_corpus"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_compare_reports_regressions_and_changes() -> None:
    bench = _bench()
    Row = bench.Row
    expected = {"a.yml": Row("a.yml", "built", 0, ""), "b.yml": Row("b.yml", "refused", 0, "x"),
                "c.yml": Row("c.yml", "refused", 0, "y"),
                "gone.yml": Row("gone.yml", "built", 0, "")}
    rows = [Row("a.yml", "refused", 0, "a.yml:1:1: logo: missing"), Row("b.yml", "built", 2, ""),
            Row("c.yml", "broken", 0, "check crashed"), Row("new.yml", "built", 0, "")]
    regressions, changes = bench.compare(rows, expected)
    assert regressions == ["a.yml: built before, now refused: a.yml:1:1: logo: missing",
                           "c.yml: broken: check crashed"]
    assert "b.yml: refused -> built" in changes and "gone.yml: no longer in the corpus" in changes
    assert any(line.startswith("new.yml: new in the corpus") for line in changes)


def test_expected_table_lists_every_corpus_brand() -> None:
    bench = _bench()
    rows = bench.read_expected(bench.EXPECTED)
    assert rows and all(row.outcome in ("built", "refused") for row in rows.values())
    assert all(row.reason for row in rows.values() if row.outcome == "refused")
    corpus = bench.find_corpus(None)
    if corpus is not None:
        names = {p.relative_to(corpus).as_posix() for p in bench.brand_files(corpus)}
        assert names == set(rows)


def test_corpus_sample_matches_the_expected_table(capsys: pytest.CaptureFixture[str]) -> None:
    bench = _bench()
    if bench.find_corpus(None) is None:
        pytest.skip("the brand corpus (shared/corpus/brands) is not beside the repository")
    sample = ["brand-yml-examples/brand-color-direct-posit.yml",
              "brand-yml-examples/brand-logo-single.yml"]
    code = bench.main([*(f"--only={name}" for name in sample), "--compare", "--jobs=2"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "2 brands in" in out and "0 regressions" in out
    assert 'brand-logo-single.yml:1:1: logo: file "posit.png" not found' in out
