"""The built-in deck plan kept in the user's cache (deck.plan.load_plan): the same guide
gets the same slides again without the plan being rendered; another guide, template
overrides or a plan with a problem are rendered (and the last is never kept)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from smguide.commands.build import load
from smguide.deck import plan as deckplan
from smguide.deck.plan import load_plan
from smguide.errors import ContentError
from smguide.io.modelcache import cached_model
from smguide.model.options import Sources
from smguide.resources import builtin
from tests.hostile import TINY


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the plan's renderings (deck.plan.render_plan, still run)."""
    counted: list[int] = []
    real = deckplan.render_plan

    def counting(*args: Any) -> str:
        counted.append(1)
        return real(*args)

    monkeypatch.setattr(deckplan, "render_plan", counting)
    return counted


def _guide(content: Path | None = None) -> Any:
    return load(Sources(content or builtin("content"), builtin("brand") / "_brand.yml"))[0]


def test_the_same_guide_gets_the_same_slides_without_rendering_the_plan(
        own_cache: Path, renders: list[int]) -> None:
    guide = _guide()
    first = load_plan(guide, None)
    assert len(renders) == 1
    again = load_plan(_guide(), None)  # a new run: the guide validated (or kept) anew
    assert len(renders) == 1
    assert again == first  # kind, layout, title, notes, where (line and slide number)
    assert [slide.chapter for slide in again] == [slide.chapter for slide in first]
    assert [slide.block for slide in again] == [slide.block for slide in first]
    assert {slide.kind for slide in again} >= {"title", "agenda", "block", "closing"}


def test_another_guide_and_template_overrides_are_rendered(own_cache: Path, tmp_path: Path,
                                                           renders: list[int]) -> None:
    load_plan(_guide(), None)
    other = load_plan(_guide(TINY), None)
    assert len(renders) == 2
    assert len(other) != len(load_plan(_guide(), None))  # kept: no third rendering
    assert len(renders) == 2
    overrides = tmp_path / "templates"
    (overrides / "deck").mkdir(parents=True)
    (overrides / "deck" / "plan.yaml.j2").write_text(
        "- kind: title\n  layout: Title Slide\n- kind: closing\n  layout: Title Slide\n",
        encoding="utf-8")
    for _ in range(2):  # an override may include any file of its folder: never kept
        assert [slide.kind for slide in load_plan(_guide(), overrides)] == ["title", "closing"]
    assert len(renders) == 4


@pytest.mark.usefixtures("own_cache")
def test_a_plan_with_a_problem_is_never_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    guide = _guide()
    real = deckplan.render_plan
    monkeypatch.setattr(deckplan, "render_plan",
                        lambda *_: "- kind: block\n  layout: Title Only\n  chapter: 99\n"
                                   "  block: 1\n")
    with pytest.raises(ContentError, match="chapter 99 does not exist"):
        load_plan(guide, None)
    key = deckplan._plan_key(guide)
    assert key is not None
    assert cached_model(key) is None
    monkeypatch.setattr(deckplan, "render_plan", real)
    assert len(load_plan(guide, None)) > 10  # rendered now, and kept
    assert len(cached_model(key)) == len(load_plan(guide, None))
