"""The deck plan: which slides exist, in what order and on which layout, chosen by a template.

`templates/deck/plan.yaml.j2` (overridable with --template-overrides) renders a YAML list of slide
*references* (a chapter number, a block number, a layout name). Every `{{ value }}` in it
is written as a quoted YAML scalar, so content can never change the plan's structure;
Python then resolves the references against the validated Guide.

The built-in plan's references for a guide are kept in the user's cache (io.modelcache),
keyed by the guide (its repr: every value the template sees), the shipped deck templates,
the code that renders and reads them and the installed packages' versions: the same guide
on the next run gets its plan without Jinja, the YAML reader or the validator. A plan
with a problem is never kept, and one from template overrides (which may include any
file of their folder) is rendered every time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from smguide.errors import ContentError, Problem, Where, counted
from smguide.io.modelcache import cached_model, keep_model, model_key
from smguide.model.base import Record
from smguide.model.guide import Block, Chapter, Guide
from smguide.model.spoken import Spoken
from smguide.sources.validate import validate
from smguide.sources.yamlsource import YamlProblem, parse_yaml

PLAN_TEMPLATE = "deck/plan.yaml.j2"
SLIDE_BLOCKS = ("role", "comparison", "analogy", "practices", "takeaways", "checklist",
                "questions", "callout", "glossary")
# shown by the built-in plan (callout and glossary have a slide form a plan may pick)
SHOWN = ("role", "comparison", "analogy", "practices", "takeaways", "checklist", "questions")
Kind = Literal["title", "agenda", "section", "block", "summary", "closing"]
# every kind of slide a renderer builds: the plan's, and the roster's cohort slide
SlideKind = Kind | Literal["cohort"]


@dataclass(frozen=True)
class PlannedSlide:
    """A plan entry resolved against the guide: the chapter and block objects themselves."""

    kind: SlideKind
    layout: str | int
    chapter: Chapter | None
    block: Block | None
    title: str | None
    notes: str | None
    where: Where | None = None  # deck/plan.yaml.j2 (rendered), its line, "slide N (kind)"
    names: tuple[str, ...] = ()  # the people a cohort slide names


def yaml_scalar(value: Any) -> str:
    """Every `{{ value }}` becomes JSON, which YAML reads as one quoted scalar."""
    if isinstance(value, bool | int | float) or value is None:
        return json.dumps(value)
    return json.dumps(str(value), ensure_ascii=False)


def render_plan(guide: Guide, templates: Path | None) -> str:
    from smguide.handbook.templating import make_env, render  # Jinja: only when rendered

    env = make_env(templates, html=False, language=guide.language,
                   typography=guide.typography)
    env.finalize = yaml_scalar
    return render(env, PLAN_TEMPLATE, guide=guide, labels=guide.labels,
                  chapters=guide.chapters, slide_blocks=SLIDE_BLOCKS,
                  deck_blocks=[deck_blocks(c, guide.spoken) for c in guide.chapters],
                  deck_titles=[deck_title(c) for c in guide.chapters])


def deck_title(chapter: Chapter) -> str | None:
    """The chapter's `deck:` line as a slide title: without its closing full stop."""
    return shown_line(chapter.deck or "") or None


def shown_line(text: str) -> str:
    """A line as a slide shows it (a title, a summary's bullet): without its closing full
    stop (an ellipsis, "?" and "!" stay)."""
    line = text.strip()
    return line[:-1] if line.endswith(".") and not line.endswith("..") else line


def on_slides(block: Block, spoken: Spoken | None = None) -> bool:
    """Does the built-in plan show this block? Its types above, and any block whose
    author wrote what its slide says (`slide:`); never one with `slide: false`, nor
    (given the guide's `spoken`) a list whose every item speaks to a reader."""
    slide = getattr(block, "slide", None)
    if spoken is not None and block.type in LISTS and slide is None and \
            len(left_out(block, spoken)) == len(block.items):  # type: ignore[union-attr]
        return False
    return slide is not False and (block.type in SHOWN or slide is not None)


def deck_blocks(chapter: Chapter, spoken: Spoken | None = None) -> list[tuple[int, Block]]:
    """(number, block) of the chapter's blocks the built-in plan shows, in order."""
    return [(n, block) for n, block in enumerate(chapter.blocks, 1)
            if on_slides(block, spoken)]


LISTS = ("takeaways", "checklist", "questions")  # blocks whose slide shows their items
SAID = ("callout", "prose")  # blocks whose slide shows their paragraphs


def left_out(block: Block, spoken: Spoken) -> dict[int, str]:
    """What the slide of a block without `slide:` leaves out because it speaks to a
    reader of a document (`spoken.reader_word`: "Read it in order once", "Before reading
    this handbook"): {the item's (a list's) or paragraph's (a callout's, prose's) index:
    the word}. A block with `slide:` shows what its author wrote for the deck: nothing."""
    if getattr(block, "slide", None) is not None:
        return {}
    if block.type in LISTS:
        texts = list(block.items)  # type: ignore[union-attr]
    elif block.type in SAID:
        texts = paragraphs(block.text)  # type: ignore[union-attr]
    else:
        return {}
    found = {n: spoken.reader_word(text) for n, text in enumerate(texts)}
    return {n: word for n, word in found.items() if word}


def paragraphs(text: str) -> list[str]:
    """A Markdown text's paragraphs, as its slide shows them (blank lines between)."""
    return [part for part in text.split("\n\n") if part.strip()]


# a kept plan: for each slide (kind, layout, chapter, block, title, notes, its line)
Kept = list[tuple[Any, ...]]


def load_plan(guide: Guide, templates: Path | None) -> list[PlannedSlide]:
    """The plan's slides: the ones kept for this guide (see above), else the plan rendered,
    parsed, validated and resolved, reporting every problem at once."""
    key = None if templates is not None else _plan_key(guide)
    kept: Kept | None = cached_model(key) if key is not None else None
    if kept is not None:
        return [_kept_slide(number, entry, guide) for number, entry in enumerate(kept, 1)]
    slides, refs = _planned(guide, templates)
    if key is not None:  # only a plan without a problem gets here
        keep_model(key, [(ref.kind, ref.layout, ref.chapter, ref.block, ref.title, ref.notes,
                          slide.where.line if slide.where else None)
                         for ref, slide in zip(refs, slides, strict=True)])
    return slides


def _kept_slide(number: int, entry: tuple[Any, ...], guide: Guide) -> PlannedSlide:
    """Kept entry `number` resolved against the guide it was kept for, as `_resolve` does."""
    kind, layout, chapter_number, block_number, title, notes, line = entry
    chapter = guide.chapters[chapter_number - 1] if chapter_number is not None else None
    block = (chapter.blocks[block_number - 1]
             if chapter is not None and block_number is not None else None)
    where = Where(f"{PLAN_TEMPLATE} (rendered)", line, None, f"slide {number} ({kind})")
    return PlannedSlide(kind, layout, chapter, block, title, notes, where)


def _plan_key(guide: Guide) -> str | None:
    """What the built-in plan rendered for `guide` depends on: the guide's values (its
    repr), the shipped deck templates, our code and the installed packages (None: not
    readable, so nothing is kept)."""
    try:
        return model_key(b"deck plan", repr(guide).encode(), _plan_code())
    except OSError:
        return None


@cache
def _plan_code() -> bytes:
    """The shipped deck templates, the source of the modules that render and read the
    plan (this one, the templating, the sources with the filters, the model), and every
    installed distribution with its version (Jinja's, PyYAML's...)."""
    from smguide.io.buildcache import installed_packages
    from smguide.resources import PACKAGE_DIR, builtin

    files = sorted(path for path in (builtin("templates") / "deck").glob("*")
                   if path.is_file())
    files += [PACKAGE_DIR / "deck" / "plan.py", PACKAGE_DIR / "errors.py",
              *sorted((PACKAGE_DIR / "handbook").glob("template*.py")),
              *sorted((PACKAGE_DIR / "sources").glob("*.py")),
              *sorted((PACKAGE_DIR / "model").glob("*.py"))]
    return b"".join(file.name.encode() + b"\0" + file.read_bytes() for file in files) + \
        "\0".join(installed_packages()).encode()


def _planned(guide: Guide, templates: Path | None) -> tuple[list[PlannedSlide], list[Record]]:
    """Render, parse, validate and resolve the plan: (slides, their references)."""
    shown = f"{PLAN_TEMPLATE} (rendered)"
    text = render_plan(guide, templates)
    try:
        located = parse_yaml(text)
    except YamlProblem as exc:
        raise ContentError([exc.problem(shown)]) from None
    refs, found = validate("smguide.deck.planfile:SlideRefs", located, shown)
    if refs is None:
        raise ContentError(found)
    problems: list[Problem] = []
    if not refs:
        raise ContentError([Problem("error", shown, None, None, None, "the plan lists no slides")])
    slides = []
    for number, ref in enumerate(refs, 1):
        line, _ = located.position((number - 1,))
        where = Where(shown, line, None, f"slide {number} ({ref.kind})")
        resolved = _resolve(ref, guide, where, problems)
        if resolved is not None:
            slides.append(resolved)
    if problems:
        raise ContentError(problems)
    return slides, refs


def _resolve(ref: Record, guide: Guide, where: Where, problems: list[Problem]
             ) -> PlannedSlide | None:
    """Check that the reference names what its kind needs, and find it in the guide."""
    needs_chapter = ref.kind in ("section", "block")
    if needs_chapter != (ref.chapter is not None) or (ref.kind == "block") != (
            ref.block is not None):
        wanted = {"section": "chapter:", "block": "chapter: and block:"}.get(ref.kind, "neither "
                                                                             "chapter: nor block:")
        problems.append(Problem.at(where, f"this kind takes {wanted}", wanted))
        return None
    chapter = block = None
    if ref.chapter is not None:
        if ref.chapter > len(guide.chapters):
            problems.append(Problem.at(where, f"chapter {ref.chapter} does not exist "
                                              f"(the guide has {len(guide.chapters)})"))
            return None
        chapter = guide.chapters[ref.chapter - 1]
    if ref.block is not None and chapter is not None:
        if ref.block > len(chapter.blocks):
            problems.append(Problem.at(where, f"chapter {chapter.number} ({chapter.source}) has "
                                              f"{counted(len(chapter.blocks), 'block')}; block "
                                              f"{ref.block} does not exist"))
            return None
        block = chapter.blocks[ref.block - 1]
        if block.type not in SLIDE_BLOCKS and not getattr(block, "slide", None):
            problems.append(Problem.at(where, f'a "{block.type}" block has no slide form; '
                                              f"slides exist for {', '.join(SLIDE_BLOCKS)}"))
            return None
    return PlannedSlide(ref.kind, ref.layout, chapter, block, ref.title, ref.notes, where)
