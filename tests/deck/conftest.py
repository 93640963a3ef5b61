"""The four decks the layout tests read back: the built-in guide in English and German
at 16:9, in English at 4:3 in the brand's dark theme, and on the dark company template
(tests/fixtures/deck-template/dark.pptx); built once per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

TEMPLATE = Path(__file__).resolve().parents[1] / "fixtures" / "deck-template" / "dark.pptx"
# name -> (the guide's folder under the built-in content, deck options)
FOUR_DECKS: dict[str, tuple[str, dict[str, Any]]] = {
    "en": ("", {}), "de": ("de", {}),
    "dark 4:3": ("", {"theme": "dark", "aspect": "4:3"}),
    "template": ("", {"template": TEMPLATE})}


@pytest.fixture(scope="session")
def four_decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """name -> the deck read back with python-pptx."""
    from pptx import Presentation

    from smguide.commands.build import build_slides
    from smguide.deck.render import DeckOptions
    from smguide.model.options import Sources
    from smguide.resources import builtin

    folder = tmp_path_factory.mktemp("four-decks")
    out = {}
    for name, (content, options) in FOUR_DECKS.items():
        sources = Sources(builtin("content") / content, builtin("brand") / "_brand.yml")
        path = folder / f"{name.replace(' ', '-').replace(':', '')}.pptx"
        built = build_slides(sources, path, DeckOptions(**options))
        out[name] = Presentation(str(built.path))
    return out
