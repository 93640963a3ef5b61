"""deck.lookups: the placeholder mark found without XPath is python-pptx's own, on every
shape of the decks we make and of the company templates we read; the placeholder a
placeholder inherits from is python-pptx's own, looked up once; a tag's Clark name is
python-pptx's; python-pptx is itself again after the block, however blocks nest and
overlap; a deck made with it is the same bytes as one made without; a python-pptx whose
internals are missing or shaped otherwise is left as it is, and makes the same deck."""

from __future__ import annotations

import contextlib
import functools
import zipfile
from collections.abc import Callable, Iterator
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
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
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


def _placeholders(prs: Any) -> list[Any]:
    """Every placeholder of a deck's slides, notes slides and layouts."""
    found = []
    for slide in prs.slides:
        found += list(slide.placeholders)
        if slide.has_notes_slide:
            found += list(slide.notes_slide.placeholders)
    return found + [shape for layout in prs.slide_layouts for shape in layout.placeholders]


def _bases(shapes: list[Any]) -> list[Any]:
    """The element of the placeholder each of `shapes` inherits from (or None)."""
    return [getattr(shape._base_placeholder, "_element", None) for shape in shapes]


def test_the_inherited_placeholder_is_python_pptxs_own(four_decks: dict[str, Any]) -> None:
    for name, prs in four_decks.items():
        shapes = _placeholders(prs)
        own = _bases(shapes)
        with quick_marks():
            first, again = _bases(shapes), _bases(shapes)
        assert all(a is b is c for a, b, c in zip(own, first, again, strict=True)), name
        assert sum(base is not None for base in own) > 20, name


def test_an_inherited_size_is_looked_up_once(four_decks: dict[str, Any],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from pptx.shapes.shapetree import LayoutPlaceholders

    asked = []
    own = LayoutPlaceholders.get

    def counted(self: Any, idx: int, default: Any = None) -> Any:
        asked.append(idx)
        return own(self, idx, default)

    # a slide's placeholder that has no position of its own: it takes the layout's
    shape = next(shape for slide in four_decks["en"].slides for shape in slide.placeholders
                 if shape._element.xfrm is None)
    inherited = (shape.left, shape.top, shape.width, shape.height)
    monkeypatch.setattr(LayoutPlaceholders, "get", counted)
    with quick_marks():
        sizes = {(shape.left, shape.top, shape.width, shape.height) for _ in range(3)}
    assert sizes == {inherited} and None not in inherited
    assert len(asked) == 1  # python-pptx alone asks 12 times: each of the four, each time


def test_a_tags_clark_name_is_python_pptxs() -> None:
    from pptx.oxml import xmlchemy
    from pptx.oxml.ns import qn

    with quick_marks():
        assert [xmlchemy.qn(tag) for tag in ("a:t", "p:sp", "a:t")] == [
            qn("a:t"), qn("p:sp"), qn("a:t")] == [f"{{{A}}}t", f"{{{P}}}sp", f"{{{A}}}t"]


def test_an_xpath_query_gives_python_pptxs_answer(four_decks: dict[str, Any]) -> None:
    queries = ("//@id", "./*[1]", "./p:nvSpPr/p:cNvPr", "//a:t", "count(//p:sp)")
    for name, prs in four_decks.items():
        elements = [prs.slides[n].shapes._spTree for n in (0, 3)]
        elements += [shape._element for shape in prs.slides[3].shapes]
        own = [element.xpath(query) for element in elements for query in queries]
        with quick_marks():
            first = [element.xpath(query) for element in elements for query in queries]
            again = [element.xpath(query) for element in elements for query in queries]
        assert own == first == again, name
        assert any(isinstance(found, list) and found for found in own), name


def state() -> dict[str, Any]:
    """What quick_marks replaces, as python-pptx has it now (None: not there)."""
    from pptx.oxml import xmlchemy
    from pptx.oxml.shapes.shared import BaseShapeElement
    from pptx.shapes import placeholder

    found = {"ph": BaseShapeElement.__dict__.get("ph"), "qn": vars(xmlchemy).get("qn"),
             "xpath": xmlchemy.BaseOxmlElement.__dict__.get("xpath")}
    for name in ("_BaseSlidePlaceholder", "PlaceholderPicture", "LayoutPlaceholder",
                 "NotesSlidePlaceholder"):
        kind = getattr(placeholder, name, None)
        found[name] = None if kind is None else kind.__dict__.get("_base_placeholder")
    return found


def test_python_pptx_is_itself_again_after_the_block_however_it_ends() -> None:
    own = state()
    with quick_marks():
        inside = state()
        assert all(inside[name] is not own[name] for name in own)
        with quick_marks():  # nested: the outer block still holds
            pass
        assert state() == inside
    assert state() == own
    with pytest.raises(RuntimeError), quick_marks():
        raise RuntimeError("a renderer fails")
    assert state() == own


def test_overlapping_blocks_leave_python_pptx_itself() -> None:
    """Two threads' blocks, the first one out before the second: the replacements hold
    until the last one is out, then python-pptx is itself."""
    own = state()
    first, second = quick_marks(), quick_marks()
    first.__enter__()
    inside = state()
    second.__enter__()
    first.__exit__(None, None, None)
    assert state() == inside  # the second block still runs with them
    second.__exit__(None, None, None)
    assert state() == own


@pytest.fixture(scope="module")
def tiny_deck() -> Iterator[Callable[[], bytes]]:
    """The deck of the tiny content, made by the renderer as it is, and its bytes as made
    with every replacement."""
    from smguide.commands.build import load, render_deck
    from smguide.model.options import DeckOptions, Sources
    from smguide.resources import builtin

    with pytest.MonkeyPatch.context() as patched:
        patched.setenv("SOURCE_DATE_EPOCH", "1700000000")
        guide, brand, _ = load(Sources(TINY, builtin("brand") / "_brand.yml"))
        yield lambda: render_deck(guide, brand, None, DeckOptions())[0]


def _ph_asked_otherwise(monkeypatch: pytest.MonkeyPatch) -> tuple[Any, str]:
    from pptx.oxml.shapes.shared import BaseShapeElement

    own = BaseShapeElement.__dict__["ph"]  # the same answer, asked by other code
    monkeypatch.setattr(BaseShapeElement, "ph", property(lambda shape: own.fget(shape)))
    return BaseShapeElement, "ph"


def _qn_of_its_own(monkeypatch: pytest.MonkeyPatch) -> tuple[Any, str]:
    from pptx.oxml import ns, xmlchemy

    monkeypatch.setattr(xmlchemy, "qn", lambda tag: ns.qn(tag))
    return xmlchemy, "qn"


def _xpath_with_options(monkeypatch: pytest.MonkeyPatch) -> tuple[Any, str]:
    from pptx.oxml import xmlchemy

    own = xmlchemy.BaseOxmlElement.__dict__["xpath"]

    def xpath(self: Any, xpath_str: str, **options: Any) -> Any:  # a newer signature
        return own(self, xpath_str)

    monkeypatch.setattr(xmlchemy.BaseOxmlElement, "xpath", xpath)
    return xmlchemy.BaseOxmlElement, "xpath"


def _base_not_a_property(monkeypatch: pytest.MonkeyPatch) -> tuple[Any, str]:
    from pptx.shapes.placeholder import LayoutPlaceholder

    own = LayoutPlaceholder.__dict__["_base_placeholder"]

    class Lookup:  # a descriptor of another make (a cached property, say)
        def __get__(self, shape: Any, kind: Any = None) -> Any:
            return self if shape is None else own.fget(shape)

    monkeypatch.setattr(LayoutPlaceholder, "_base_placeholder", Lookup())
    return LayoutPlaceholder, "_base_placeholder"


def _base_elsewhere(monkeypatch: pytest.MonkeyPatch) -> tuple[Any, str]:
    from pptx.shapes import placeholder

    # a version that moved the slides' placeholders' lookup to a mixin of theirs
    own = placeholder._BaseSlidePlaceholder.__dict__["_base_placeholder"]
    monkeypatch.delattr(placeholder._BaseSlidePlaceholder, "_base_placeholder")
    for kind in placeholder._BaseSlidePlaceholder.__subclasses__():
        monkeypatch.setattr(kind, "_base_placeholder", own, raising=False)
    return placeholder._BaseSlidePlaceholder, "_base_placeholder"


def _class_gone(monkeypatch: pytest.MonkeyPatch) -> tuple[Any, str]:
    from pptx.shapes import placeholder

    monkeypatch.delattr(placeholder, "PlaceholderPicture")  # renamed, say
    return placeholder, "PlaceholderPicture"


def _nsmap_gone(monkeypatch: pytest.MonkeyPatch) -> tuple[Any, str]:
    from pptx.oxml import ns, xmlchemy

    monkeypatch.delattr(xmlchemy, "_nsmap")  # namespaces of another name
    own = xmlchemy.BaseOxmlElement.__dict__["xpath"]
    monkeypatch.setattr(xmlchemy.BaseOxmlElement, "xpath", functools.wraps(own)(
        lambda self, xpath_str: super(xmlchemy.BaseOxmlElement, self).xpath(
            xpath_str, namespaces=ns._nsmap)))
    return xmlchemy.BaseOxmlElement, "xpath"


@pytest.mark.parametrize("change", [
    _ph_asked_otherwise, _qn_of_its_own, _xpath_with_options, _base_not_a_property,
    _base_elsewhere, _class_gone, _nsmap_gone])
def test_a_python_pptx_shaped_otherwise_is_left_as_it_is_and_makes_the_same_deck(
        change: Callable[[pytest.MonkeyPatch], tuple[Any, str]],
        tiny_deck: Callable[[], bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    quick = tiny_deck()
    owner, name = change(monkeypatch)
    theirs = vars(owner).get(name)
    own = state()
    with quick_marks():
        assert vars(owner).get(name) is theirs  # left as it is
        inside = state()
        assert sum(inside[key] is not own[key] for key in own) >= 5  # the others hold
    assert state() == own and vars(owner).get(name) is theirs
    assert tiny_deck() == quick  # the plain lookup for it, the same deck


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


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="POSIX fork")
def test_a_child_forked_while_another_thread_enters_still_makes_its_deck(
        tiny_deck: Callable[[], bytes]) -> None:
    """A render child forked while another thread held the lock (entering or leaving a
    block) makes its deck, not waiting for a thread it has not."""
    from smguide.deck import lookups
    from tests.forks import forked_while_held

    quick = tiny_deck()

    def work() -> None:
        assert tiny_deck() == quick

    assert forked_while_held(lookups, work) == 0
