"""Content checks: the handbook must not copy the seed article's wording.

The seed article lives outside the repository, in ``../shared/seed/*.txt``
relative to the repo root. Facts may carry over; sentences may not. No run
of ``RUN_LENGTH`` consecutive words in any string value of ``content/**/*.yaml``
may also appear in the article (case-insensitive, punctuation ignored).

Only PyYAML and the standard library are used.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = REPO_ROOT / "content"
SEED_DIR = REPO_ROOT.parent / "shared" / "seed"

RUN_LENGTH = 8
# The article body ends where its list of unrelated posts begins.
CUT_MARKER = "Smart People Always Want to Mess This Up"

_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",  # prime
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
    }
)
# A word is a run of letters/digits, optionally joined by inner apostrophes
# ("can't", "company's"). Quotes around a word are not part of it.
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def normalise(text: str) -> list[str]:
    """Lower-case ``text``, straighten curly quotes and return its words."""
    return _WORD.findall(text.translate(_QUOTES).lower())


def ngrams(words: list[str], n: int = RUN_LENGTH) -> Iterator[tuple[str, ...]]:
    for i in range(len(words) - n + 1):
        yield tuple(words[i : i + n])


def iter_strings(node: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Yield (location, value) for every string in a loaded YAML tree.

    Mapping keys are field names from the content contract, not prose, so
    only values are walked.
    """
    if isinstance(node, str):
        yield where or "<root>", node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from iter_strings(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from iter_strings(value, f"{where}[{index}]")


def content_files() -> list[Path]:
    return sorted(CONTENT_DIR.rglob("*.yaml"))


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def seed_article_body() -> str:
    if not SEED_DIR.is_dir():
        pytest.skip(f"seed folder not found: {SEED_DIR}")
    seeds = sorted(SEED_DIR.glob("*.txt"))
    if not seeds:
        pytest.skip(f"no seed article (*.txt) in {SEED_DIR}")
    bodies = []
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")
        kept = []
        for line in text.splitlines():
            if line.strip() == CUT_MARKER:
                break
            kept.append(line)
        bodies.append("\n".join(kept))
    return "\n".join(bodies)


def test_content_files_exist() -> None:
    assert CONTENT_DIR.is_dir(), f"missing {CONTENT_DIR}"
    assert content_files(), f"no YAML files under {CONTENT_DIR}"


@pytest.mark.parametrize(
    "path", content_files(), ids=lambda p: str(p.relative_to(REPO_ROOT))
)
def test_yaml_loads(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    assert "\t" not in raw, f"{path}: contains a tab character"
    data = load_yaml(path)
    assert isinstance(data, dict), f"{path}: top level must be a mapping"


def test_guide_chapters_exist() -> None:
    guide = load_yaml(CONTENT_DIR / "guide.yaml")
    chapters = guide.get("chapters")
    assert isinstance(chapters, list) and chapters, "guide.yaml: no chapters"
    missing = [c for c in chapters if not (CONTENT_DIR / c).is_file()]
    assert not missing, f"guide.yaml lists missing chapter files: {missing}"
    assert len(set(chapters)) == len(chapters), "guide.yaml lists a chapter twice"


def test_no_long_runs_copied_from_seed() -> None:
    article_words = normalise(seed_article_body())
    article_runs = set(ngrams(article_words))
    assert article_runs, "seed article is shorter than one run; check the cut"

    offences: dict[str, list[str]] = {}
    for path in content_files():
        rel = str(path.relative_to(REPO_ROOT))
        for where, value in iter_strings(load_yaml(path)):
            hits = []
            for run in ngrams(normalise(value)):
                if run in article_runs:
                    phrase = " ".join(run)
                    if phrase not in hits:
                        hits.append(phrase)
            if hits:
                offences.setdefault(rel, []).extend(
                    f"  {where}: \"{phrase}\"" for phrase in hits
                )

    if offences:
        report = "\n".join(
            f"{rel}:\n" + "\n".join(lines) for rel, lines in offences.items()
        )
        pytest.fail(
            f"runs of {RUN_LENGTH}+ words copied from the seed article:\n{report}"
        )
