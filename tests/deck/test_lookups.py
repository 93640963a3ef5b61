"""deck.lookups: the placeholder mark found without XPath is python-pptx's own, on every
shape of the decks we make and of the company templates we read, and python-pptx is
itself again after the block; a deck made with it is the same bytes as one made without."""

from __future__ import annotations

import contextlib
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from smguide.deck.lookups import placeholder_mark, quick_marks
from tests.deck.conftest import TEMPLATE
from tests.hostile import TINY

REPO = Path(__file__).resolve().parents[2]
# ../shared/corpus/templates beside the repository or beside its parent folder, if there
CORPUS = next((found for base in (REPO.parent, REPO.parent.parent)
               if (found := base / "shared" / "corpus" / "templates").is_dir()), None)
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
SHAPES = {f"{{{P}}}{name}" for name in ("sp", "pic", "graphicFrame", "cxnSp", "grpSp")}


def _xpath_mark(element: Any) -> Any | None:
    """What python-pptx's own `ph` property answers (its XPath, as written there)."""
    found = element.xpath("./*[1]/p:nvPr/p:ph", namespaces={"p": P})
    return found[0] if found else None


def _compared(path: Path) -> int:
    """Compare both answers on every shape of every slide, layout and master part of the
    .pptx at `path`; return how many shapes had a mark."""
    marked = 0
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if not name.startswith("ppt/slide") or not name.endswith(".xml"):
                continue
            root = etree.fromstring(package.read(name))
            for element in root.iter(*SHAPES):
                mark = placeholder_mark(element)
                assert mark is _xpath_mark(element), f"{path.name}: {name}"
                marked += mark is not None
    return marked


def test_the_mark_is_python_pptxs_on_every_shape_of_our_decks(four_decks: dict[str, Any],
                                                               tmp_path: Path) -> None:
    for name, prs in four_decks.items():
        path = tmp_path / f"{name.replace(' ', '-').replace(':', '')}.pptx"
        prs.save(str(path))
        assert _compared(path) > 20, name  # titles, bodies, footers, numbers of 20+ slides


def test_the_mark_is_python_pptxs_on_every_shape_of_company_templates() -> None:
    templates = [TEMPLATE, *(sorted(CORPUS.glob("*.pptx")) if CORPUS else [])]
    assert sum(_compared(path) for path in templates) > 0


def test_a_comment_before_the_first_element_is_not_its_first_child() -> None:
    shape = etree.fromstring(
        f'<p:sp xmlns:p="{P}"><!-- made by hand --><p:nvSpPr><p:cNvPr id="2" name="x"/>'
        f'<p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>')
    assert placeholder_mark(shape) is _xpath_mark(shape) is not None
    # a mark outside the first child element does not make a placeholder
    late = etree.fromstring(f'<p:sp xmlns:p="{P}"><p:spPr/><p:nvSpPr><p:nvPr><p:ph/>'
                            f'</p:nvPr></p:nvSpPr></p:sp>')
    assert placeholder_mark(late) is _xpath_mark(late) is None


def test_python_pptx_is_itself_again_after_the_block_however_it_ends() -> None:
    from pptx.oxml.shapes.shared import BaseShapeElement

    own = BaseShapeElement.__dict__["ph"]
    with quick_marks():
        assert BaseShapeElement.__dict__["ph"] is not own
        with quick_marks():  # nested: the outer block still holds
            pass
        assert BaseShapeElement.__dict__["ph"] is not own
    assert BaseShapeElement.__dict__["ph"] is own
    with pytest.raises(RuntimeError), quick_marks():
        raise RuntimeError("a renderer fails")
    assert BaseShapeElement.__dict__["ph"] is own


def test_a_deck_made_with_it_is_the_same_bytes_as_one_made_without(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from smguide.commands.build import load, render_deck
    from smguide.model.options import DeckOptions, Sources
    from smguide.resources import builtin

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    guide, brand, _ = load(Sources(TINY, builtin("brand") / "_brand.yml"))
    quick = render_deck(guide, brand, None, DeckOptions())[0]
    # switched off: python-pptx's own XPath for every lookup
    monkeypatch.setattr("smguide.deck.render.quick_marks", contextlib.nullcontext)
    assert render_deck(guide, brand, None, DeckOptions())[0] == quick
