"""The deck's text measured without making slides (what `check` uses) gives exactly the
answers of the real build: the same slides, in the same order, each block's "(cont.)"
slides, and the same refusal, word for word, for text that cannot fit."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from smguide.commands.build import load
from smguide.deck.render import DeckRenderer
from smguide.errors import SmguideError
from smguide.model.guide import Guide
from smguide.model.options import Sources
from smguide.resources import builtin
from smguide.sources.brand import Brand
from tests.conftest import edit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BRAND_FILE = builtin("brand") / "_brand.yml"
LONG = " ".join(["onboarding"] * 160)  # far more than any box holds at the smallest size
WIDE = "Vertriebsmitarbeiterqualifizierungsmaßnahmenkoordination" * 3  # one unbreakable word


def traced(guide: Guide, brand: Brand, fitting: bool) -> tuple[list[Any], Any, Any]:
    """(every slide `on_page` heard of, the refusal or None, the slide count)."""
    pages: list[Any] = []

    def on_page(planned: Any, page: int) -> None:
        block = planned.block
        pages.append((planned.kind, planned.chapter.source if planned.chapter else None,
                      planned.chapter.blocks.index(block) if block is not None else None,
                      page))

    renderer = DeckRenderer(guide, brand, on_page=on_page, fitting=fitting)
    try:
        count = renderer.fit() if fitting else renderer.render()[1]
    except SmguideError as exc:
        return pages, (type(exc).__name__, exc.message, getattr(exc, "source", None),
                       getattr(exc, "block", None), getattr(exc, "detail", None)), None
    return pages, None, count


def same_answers(guide: Guide, brand: Brand) -> tuple[list[Any], Any, Any]:
    real = traced(guide, brand, fitting=False)
    assert traced(guide, brand, fitting=True) == real
    return real


def loaded(content: Path) -> tuple[Guide, Brand]:
    guide, brand, _ = load(Sources(content, BRAND_FILE))
    return guide, brand


@pytest.fixture(scope="module")
def default() -> tuple[Guide, Brand]:
    return loaded(builtin("content"))


def test_the_guides_fit_alike(tmp_path: Path) -> None:
    """The built-in guide in both languages, the long fixture (slides continued) and
    guides in other languages and on other subjects."""
    long = tmp_path / "long"
    shutil.copytree(FIXTURES / "deck-long", long)
    shutil.copy(builtin("content") / "labels.yaml", long / "labels.yaml")
    continued = 0
    for content in (builtin("content"), builtin("content") / "de", long,
                    FIXTURES / "dutch", FIXTURES / "three-teams", FIXTURES / "french"):
        pages, refused, count = same_answers(*loaded(content))
        assert refused is None and count == len(pages) > 5, content
        continued += sum(page > 0 for *_, page in pages)
    assert continued >= 5  # the long guide's lists and tables run on


def _block(guide: Guide, kind: str) -> tuple[int, int]:
    """The first block of `kind` without an author's `slide:` text (none, or `slide: false`,
    as the built-in guide's callouts have: the change gives it its slide text); the first
    role or comparison (the change says which of its lists or rows the slide shows)."""
    return next((c, b) for c, chapter in enumerate(guide.chapters)
                for b, block in enumerate(chapter.blocks)
                if block.type == kind and (kind in ("role", "comparison")
                                           or getattr(block, "slide", None) in (None, False)))


def _with_block(guide: Guide, kind: str, **changes: Any) -> Guide:
    """The guide with the first block of `kind` changed (fields, or a function of it)."""
    c, b = _block(guide, kind)
    chapter = guide.chapters[c]
    block = chapter.blocks[b]
    update = {key: value(block) if callable(value) else value
              for key, value in changes.items()}
    blocks = list(chapter.blocks)
    blocks[b] = replace(block, **update)
    chapters = list(guide.chapters)
    chapters[c] = replace(chapter, **{"blocks": tuple(blocks)})
    return replace(guide, **{"chapters": type(guide.chapters)(chapters)})


def _first(items: Any, value: Any) -> Any:
    return type(items)([value, *items[1:]])


# what is made too long -> (the guide changed, whether the deck refuses it)
OVERFLOWS: dict[str, tuple[Callable[[Guide], Guide], bool]] = {
    "a list item (slide text)": (lambda g: _with_block(g, "prose", slide=LONG), True),
    "a table cell": (lambda g: _with_block(g, "comparison", slide=None, rows=lambda b: _first(
        b.rows, replace(b.rows[0], **{"values": _first(b.rows[0].values, LONG)}))),
        True),
    "a table cell of the slide's rows": (lambda g: _with_block(g, "comparison", slide=lambda b:
        _first(b.slide, replace(b.slide[0], **{"values": _first(b.slide[0].values,
                                                                        LONG)}))), True),
    "a word wider than a table's column": (lambda g: _with_block(g, "comparison", slide=None,
        rows=lambda b: _first(b.rows, replace(b.rows[0], **{"aspect": WIDE}))), False),
    "a practice": (lambda g: _with_block(g, "practices", items=lambda b: _first(
        b.items, replace(b.items[0], **{"what": LONG, "slide": None}))), True),
    "a role's activity": (lambda g: _with_block(g, "role", slide=None, activities=lambda b:
        _first(b.activities, LONG)), True),
    "a role's short list on the slide": (lambda g: _with_block(g, "role", slide=lambda b:
        replace(b.slide, **{"skills": _first(b.slide.skills, LONG)})), True),
    "a diagram label": (lambda g: _with_block(g, "analogy", parts=lambda b: _first(
        b.parts, replace(b.parts[0], **{"name": LONG}))), True),
    "what a diagram part stands for": (lambda g: _with_block(g, "analogy", parts=lambda b:
        _first(b.parts, replace(b.parts[0], **{"stands_for": LONG}))), False),
    "the guide's title": (lambda g: replace(g, **{"title": LONG}), True),
    "the subtitle": (lambda g: replace(g, **{"subtitle": LONG}), True),
    "a chapter's title": (lambda g: replace(g, **{"chapters": type(g.chapters)(
        replace(c, **{"title": LONG[:900]}) for c in g.chapters)}), False),
    "a chapter's deck line": (lambda g: replace(g, **{"chapters": type(g.chapters)(
        replace(c, **{"deck": LONG[:900]}) if c.deck else c for c in g.chapters)}),
        True),
}


@pytest.mark.parametrize("what", OVERFLOWS)
def test_text_that_overflows_is_found_alike(what: str, default: tuple[Guide, Brand]) -> None:
    """Each place a text can be too long: the same slides until the refusal, and the same
    message naming the chapter file, the block and the slide."""
    guide, brand = default
    change, refused = OVERFLOWS[what]
    pages, refusal, _ = same_answers(change(guide), brand)
    assert pages
    assert (refusal is not None) == refused, refusal
    assert refusal is None or "does not fit" in refusal[1]


def test_a_part_that_stands_for_too_much_shows_its_name(default: tuple[Guide, Brand]
                                                         ) -> None:
    """A part whose stands_for is far too long for its label shows its name, and the
    warning names that part, whether the deck is made or only measured; the diagram is
    laid out without that text, so its neighbours keep their room (laid out with it, "The
    garden"'s label was left 65 pt wide and the refusal named it)."""
    guide, brand = default
    change, _ = OVERFLOWS["what a diagram part stands for"]
    changed = change(guide)
    analogy = next(b for c in changed.chapters for b in c.blocks if b.type == "analogy")
    long, others = analogy.parts[0].name, [part.name for part in analogy.parts[1:]]
    for fitting in (False, True):
        renderer = DeckRenderer(changed, brand, fitting=fitting)
        renderer.fit() if fitting else renderer.render()
        said = [w.message for w in renderer.warnings if "diagram's label" in w.message]
        assert len(said) == 1 and f"label for {long} shows only its name" in said[0], said
        assert not any(name in said[0] for name in others), said


@pytest.mark.parametrize("count", [3, 400])
def test_the_cohort_slide_fits_alike(count: int, default: tuple[Guide, Brand]) -> None:
    """The welcome session's slide (a roster's names on the title slide): a few names
    fit, hundreds do not, measured alike."""
    from smguide.deck.cohort import cohort_plan

    guide, brand = default
    names = tuple(f"Colleague Number{n} Lastname" for n in range(count))
    answers = []
    for fitting in (False, True):
        renderer = DeckRenderer(guide, brand, plan=cohort_plan(names), fitting=fitting)
        try:
            answers.append(("made", renderer.fit() if fitting else renderer.render()[1]))
        except SmguideError as exc:
            answers.append(("refused", exc.message))
    assert answers[0] == answers[1]
    assert answers[0][0] == ("made" if count == 3 else "refused")


def test_check_reports_what_the_build_refuses(run: Callable[..., Result],
                                              content: Path) -> None:
    """`smguide check` (which measures without building) and `smguide slides` name the
    same text that cannot fit, at the same place; and the same "(cont.)" slides."""
    chapter = content / "chapters" / "02-sales.yaml"
    edit(chapter, "        - Negotiating and closing\n",
         f"        - Negotiating and closing\n        - {LONG}\n")
    checked = run("check", "--content", str(content))
    built = run("slides", "--content", str(content), "-o", str(content.parent / "d.pptx"))
    assert checked.exit_code == built.exit_code == 1
    assert "02-sales.yaml" in checked.output and "does not fit" in checked.output
    detail = next(line for line in built.output.splitlines() if "does not fit" in line)
    assert detail.split("slide ", 1)[1] in checked.output
    assert not (content.parent / "d.pptx").exists()
