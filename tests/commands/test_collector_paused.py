"""commands.build.collector_paused around `smguide slides`: the cyclic garbage collector is
off while the deck is validated and rendered (in the render child too), and on again
afterwards, whether the deck was written or the content refused."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from smguide.commands import build
from smguide.commands.build import build_slides, collector_paused
from smguide.errors import ContentError
from smguide.model.options import DeckOptions, Sources
from smguide.resources import builtin
from tests.hostile import TINY


def test_the_render_child_runs_without_it_and_the_command_ends_with_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def render(*_: Any) -> tuple[bytes, int, list[Any]]:  # in the render child
        return f"collector on: {gc.isenabled()}".encode(), 1, []

    monkeypatch.setattr(build, "render_deck", render)
    built = build_slides(Sources(TINY, builtin("brand") / "_brand.yml"),
                         tmp_path / "deck.pptx", DeckOptions())
    assert built.path.read_bytes() == b"collector on: False"
    assert gc.isenabled()


def test_it_is_on_again_after_refused_content_and_stays_off_if_it_was(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "guide.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError):
        build_slides(Sources(content, builtin("brand") / "_brand.yml"),
                     tmp_path / "deck.pptx", DeckOptions())
    assert gc.isenabled()
    assert not (tmp_path / "deck.pptx").exists()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()


def test_what_the_block_made_is_left_to_the_collector_s_oldest_generation() -> None:
    # the collector's next run after the block would otherwise go through every object
    # made in it (the model's modules, Pydantic's), which live until the command ends
    class Node:
        pass

    with collector_paused():
        made = Node()
        made.itself = made  # type: ignore[attr-defined]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # moved, not kept out of the collector for good

    def holds(generation: int) -> bool:
        return any(found is made for found in gc.get_objects(generation))

    assert holds(2)
    assert not holds(0) and not holds(1)


def test_no_collector_run_goes_through_a_command_s_objects_as_python_exits() -> None:
    import subprocess
    import sys

    # atexit runs its functions last registered first: this one runs after the CLI's
    code = ("import atexit, gc\n"
            "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))\n"
            "import smguide.cli\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "frozen True"
