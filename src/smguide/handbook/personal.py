"""The two PDFs personal copies are assembled from, each laid out once by WeasyPrint.

- the body: the handbook with an empty page where the cover is and another (a left page,
  facing the chapter guide.yaml's personal_week_before names) where the week page goes,
  so every page number and every "Page X of Y" is already what the finished copy shows;
- the personal pages: every person's cover and first-week page, in one document (one
  layout, one font subsetting pass) or two; most of them stamped onto pages laid out once
  for all people of the same shape (handbook.stamp).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smguide.errors import ContentError, Problem, RenderError, Where
from smguide.handbook.html import HandbookRenderer
from smguide.handbook.templating import render
from smguide.model.guide import Guide, Role
from smguide.model.options import PrintOptions
from smguide.sources.roster import Hire, other_team

COVER_SLOT, WEEK_SLOT = "smguide-slot-cover", "smguide-slot-week"
# what stamping raises if a WeasyPrint release changes the boxes, styles or stream it
# reads: then the pages are laid out in full, as they always can be
STAMPING_FAULTS = (AttributeError, KeyError, TypeError, IndexError, AssertionError)
LABELS = ("personal_prepared_for", "personal_week_title", "personal_week_intro", "start_date",
          "team", "role", "manager", "counterpart")


@dataclass(frozen=True)
class Person:
    """A hire with what their pages print: the start date in the guide's language and the
    team their counterpart comes from."""

    hire: Hire
    start_date: str | None
    other_team: str | None


@dataclass(frozen=True)
class Slots:
    """Where the personal pages go in the body (0-based page indexes) and its page count."""

    cover: int
    week: int
    pages: int


def teams(guide: Guide) -> tuple[str, ...]:
    """The teams a roster may name: the roles the content describes, in order."""
    names = [block.name for chapter in guide.chapters for block in chapter.blocks
             if isinstance(block, Role)]
    return tuple(dict.fromkeys(names))


def extra_fields(templates: Path | None) -> frozenset[str]:
    """The roster's own columns the templates print (hire.extra.desk, hire.extra["desk"]):
    the override folder's templates (the built-in ones print none)."""
    if templates is None or not templates.is_dir():
        return frozenset()
    import re

    named = re.compile(r"""hire\.extra(?:\.(\w+)|\[\s*["'](\w+)["']\s*\])""")
    used: set[str] = set()
    for path in templates.rglob("*.j2"):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        used |= {a or b for a, b in named.findall(text)}
    return frozenset(used)


def check_labels(guide: Guide, shown: str) -> None:
    """The labels the personal pages print must be in labels.yaml (only --roster needs them)."""
    missing = [name for name in LABELS if getattr(guide.labels, name) is None]
    if missing:
        raise ContentError([Problem.fix(Where(shown, 1, 1, name), "the personal copies need "
                                        "this label", f'add "{name}: ..." (see the built-in '
                                                      "labels.yaml)") for name in missing])


def people(guide: Guide, hires: tuple[Hire, ...]) -> list[Person]:
    from smguide.sources.languages import format_date

    known, ordinals = teams(guide), guide.typography.ordinal_day
    return [Person(typeset, format_date(typeset.start_date, guide.language, ordinals)
                   if typeset.start_date else None, other_team(typeset.team, known))
            for typeset in (typeset_hire(guide, hire) for hire in hires)]


def typeset_hire(guide: Guide, hire: Hire) -> Hire:
    """A hire's printed fields with the guide's smart typography, as its own plain-text
    fields have (sources/plaintext.py): "D'Arcy" prints as "D’Arcy"."""
    from dataclasses import replace

    from smguide.sources.markdown import writing
    from smguide.sources.plaintext import typeset_text

    lang = writing(guide.language, guide.typography)
    def text(value: str | None) -> str | None:
        return typeset_text(value, lang) if value else value

    return replace(hire, name=typeset_text(hire.name, lang), team=text(hire.team),
                   role=text(hire.role), manager=text(hire.manager), buddy=text(hire.buddy))


def personal_css(renderer: HandbookRenderer, slots: Slots | None,
                 options: PrintOptions | None = None) -> str:
    """The personal pages' CSS; `options`: the paper, whose notes margin (if any) holds
    the folio in its corner (brand.css.j2)."""
    return render(renderer.css_env, "handbook/personal.css.j2", brand=renderer.brand,
                  c=renderer.colours, labels=renderer.guide.labels,
                  week_page=slots.week + 1 if slots else None,
                  pages=slots.pages if slots else None,
                  folio_corner=bool(renderer.grid(options or PrintOptions()).reach))


def lay_out_body(renderer: HandbookRenderer, options: PrintOptions, created: str | None,
                 allow_network: bool = False, code: bytes | None = None
                 ) -> tuple[Any, Slots]:
    """The shared body laid out (a WeasyPrint Document), with the two empty pages the
    copies fill, and where they are (`code`: pdf.layout_code(), read by the parent)."""
    from smguide.handbook.pdf import lay_out

    html = render(renderer.env, "handbook/roster-body.html.j2", **renderer.context(created),
                  week_before=renderer.guide.week_before or "")
    css = personal_css(renderer, None, options)
    document = lay_out(renderer.manuscript(options, created, html, css),
                       allow_network=allow_network, code=code)
    found = {name: index for index, page in enumerate(document.pages)
             for name in (COVER_SLOT, WEEK_SLOT) if name in page.anchors}
    if found.get(COVER_SLOT) != 0 or WEEK_SLOT not in found:
        raise RenderError(Problem.at(Where(""), "the template overrides moved the personal "
                                     f"pages' places (#{COVER_SLOT} must start the book, "
                                     f"#{WEEK_SLOT} be in it)", f"#{COVER_SLOT} on the first "
                                     f"page, #{WEEK_SLOT} on a page of the book"))
    return document, Slots(cover=0, week=found[WEEK_SLOT], pages=len(document.pages))


def render_personal(renderer: HandbookRenderer, options: PrintOptions, persons: list[Person],
                    slots: Slots, created: str | None, allow_network: bool = False,
                    stamp: bool = True, code: bytes | None = None) -> list[PersonalFile]:
    """Every person's cover and first-week page, in one or two PDFs: each group of people
    whose pages have the same shape is laid out once and stamped with their words
    (handbook.stamp; `stamp=False`: never), everyone else laid out in full (`code`:
    pdf.layout_code(), read by the parent)."""
    if not stamp or len(persons) < 2 or not _stampable(renderer):
        return [_full(renderer, options, persons, slots, created, allow_network, code=code)]
    from smguide.handbook.stamp import shape

    groups: dict[tuple[Any, ...], list[int]] = {}
    for index, person in enumerate(persons):
        groups.setdefault(shape(person), []).append(index)
    stamped = [members for members in groups.values() if len(members) > 1]
    single = [members[0] for members in groups.values() if len(members) == 1]
    try:
        made, failed = _stamped(renderer, options, persons, slots, created, allow_network,
                                stamped, single, code)
    except STAMPING_FAULTS:  # the engine's internals moved (handbook.stamp reads them)
        made, failed = None, []
    if made is None:
        return [_full(renderer, options, persons, slots, created, allow_network, code=code)]
    files = [made]
    if failed:
        files.append(_full(renderer, options, persons, slots, created, allow_network, failed,
                           code))
    return files


def _add_stamped(pdf: Any, first: int, count: int, page_boxes: list[list[Any]],
                 drawn: dict[int, int]) -> list[tuple[int, int]] | None:
    """Pages for the group laid out from page `first` (the stand-in's two pages, then its
    first person's): the stand-in's pages cut into `count` variants, the first of which
    must be the first person's pages byte for byte; the others are added as pages that
    share the first person's resources and name their tagged structure. Returns their
    (cover, week) indexes, or None if the group cannot be stamped."""
    import pikepdf

    from smguide.handbook.stamp import MODEL, split

    contents: list[list[bytes]] = []
    for k in (0, 1):
        model, reference = pdf.pages[first + k].obj, pdf.pages[first + 2 + k].obj
        laid = reference.Contents.read_bytes()
        cut = split(model.Contents.read_bytes(), count) if page_boxes[k] else \
            [model.Contents.read_bytes()] * count
        if any(drawn.get(id(box)) != 1 for box in page_boxes[k]) or cut is None or \
                cut[0] != laid:
            return None
        contents.append(cut)
        model.Contents = pdf.make_stream(laid)  # its variants are not needed any more
    made = []
    for j in range(1, count):
        numbers = []
        for k in (0, 1):
            reference = pdf.pages[first + 2 + k].obj
            page = pikepdf.Dictionary({key: value for key, value in reference.items()
                                       if key not in ("/Contents", "/StructParents",
                                                      "/Parent", "/Annots")})
            page.Contents = pdf.make_stream(contents[k][j])
            page[MODEL] = reference
            pdf.pages.append(pikepdf.Page(pdf.make_indirect(page)))
            numbers.append(len(pdf.pages) - 1)
        made.append((numbers[0], numbers[1]))
    return made


@dataclass(frozen=True)
class PersonalFile:
    """A PDF of personal pages and, for each person (by index), their (cover, week) page
    indexes in it, or None when their pages are in another file."""

    data: bytes
    pages: tuple[tuple[int, int] | None, ...]


def _stampable(renderer: HandbookRenderer) -> bool:
    """Stamping needs the built-in personal-page templates (see handbook.stamp)."""
    from smguide.handbook.stamp import TEMPLATES

    overrides = renderer.template_dirs[:-1]
    return not any((folder / name).exists() for folder in overrides for name in TEMPLATES)


def _pages_html(renderer: HandbookRenderer, options: PrintOptions, persons: list[Person],
                slots: Slots, created: str | None) -> Any:
    html = render(renderer.env, "handbook/personal.html.j2", **renderer.context(created),
                  people=persons)
    return renderer.manuscript(options, created, html, personal_css(renderer, slots, options))


def _check_pages(document: Any, persons: list[Person]) -> None:
    for index, person in enumerate(persons):
        for offset, prefix in ((0, "cover-"), (1, "week-")):
            number = 2 * index + offset
            page = document.pages[number] if number < len(document.pages) else None
            if page is None or prefix + person.hire.slug not in page.anchors:
                raise RenderError(Problem.fix(
                    Where(""), f"the personal pages of {person.hire.name} (roster line "
                    f"{person.hire.line}) do not fit on one page each",
                    "shorten what the roster row puts on them", "one page each"))
    if len(document.pages) != 2 * len(persons):
        raise RenderError(Problem.at(Where(""), "the personal pages do not fit on one page "
                                     "each", "one page each"))


def _full(renderer: HandbookRenderer, options: PrintOptions, persons: list[Person],
          slots: Slots, created: str | None, allow_network: bool,
          only: list[int] | None = None, code: bytes | None = None) -> PersonalFile:
    """Every person's pages (or `only` these people's) laid out and written once."""
    from smguide.handbook.pdf import lay_out, write_document

    chosen = list(range(len(persons))) if only is None else only
    manuscript = _pages_html(renderer, options, [persons[i] for i in chosen], slots, created)
    document = lay_out(manuscript, allow_network=allow_network, code=code)
    _check_pages(document, [persons[i] for i in chosen])
    pages: list[tuple[int, int] | None] = [None] * len(persons)
    for n, index in enumerate(chosen):
        pages[index] = (2 * n, 2 * n + 1)
    return PersonalFile(write_document(document, manuscript.template_dirs), tuple(pages))


def _stamped(renderer: HandbookRenderer, options: PrintOptions, persons: list[Person],
             slots: Slots, created: str | None, allow_network: bool,
             groups: list[list[int]], single: list[int], code: bytes | None = None
             ) -> tuple[PersonalFile | None, list[int]]:
    """One layout: for each group a stand-in with markers and its first person, then the
    people alone in their shape; every other member of a group stamped onto the
    stand-in's pages. Returns the file and the people it could not stamp (None: the
    layout itself failed, lay everyone out in full)."""
    import io

    import pikepdf

    from smguide.handbook.pdf import lay_out, write_document
    from smguide.handbook.stamp import LineContext, find_slots, marked, stamping

    stand_ins = [marked(persons[members[0]]) for members in groups]
    laid = [p for (stand_in, _), members in zip(stand_ins, groups, strict=True)
            for p in (stand_in, persons[members[0]])] + [persons[i] for i in single]
    manuscript = _pages_html(renderer, options, laid, slots, created)
    document = lay_out(manuscript, allow_network=allow_network, code=code)
    try:
        _check_pages(document, laid)
    except RenderError:
        return None, []
    context = LineContext()
    measured: dict[tuple[int, str], Any] = {}  # (slot, text): its box (many share a team)
    failed: list[int] = []
    plans: list[tuple[int, list[int], list[list[Any]]]] = []  # (group, stamped, slots)
    variants: dict[int, list[Any]] = {}
    for n, ((_, markers), members) in enumerate(zip(stand_ins, groups, strict=True)):
        found = [find_slots(document.pages[4 * n + k], markers) for k in (0, 1)]
        if found[0] is None or found[1] is None or not (found[0] or found[1]):
            failed += members[1:]
            continue
        page_slots = [*found[0], *found[1]]
        ok, boxes, unfit = _fill_group(page_slots, markers, [persons[i] for i in members],
                                       members, measured, context)
        failed += unfit
        if not ok or ok[0] != members[0]:
            failed += [i for i in members[1:] if i not in failed]
            continue
        plans.append((n, ok, [[slot.box for slot in found[0]], [slot.box for slot in found[1]]]))
        for slot, column in zip(page_slots, boxes, strict=True):
            variants[id(slot.box)] = column
    with stamping(variants) as drawn:
        data = write_document(document, manuscript.template_dirs)
    pdf = pikepdf.open(io.BytesIO(data))
    pages = _laid_out_pages(len(persons), groups, single)
    for n, ok, page_boxes in plans:
        made = _add_stamped(pdf, 4 * n, len(ok), page_boxes, drawn)
        if made is None:
            failed += [i for i in ok[1:] if i not in failed]
            continue
        for index, cover_week in zip(ok[1:], made, strict=True):
            pages[index] = cover_week
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    for index in failed:
        pages[index] = None
    return PersonalFile(out.getvalue(), tuple(pages)), sorted(set(failed))


def _fill_group(page_slots: list[Any], markers: dict[str, str], people: list[Person],
                members: list[int], measured: dict[tuple[int, str], Any], context: Any
                ) -> tuple[list[int], list[list[Any]], list[int]]:
    """A group's people in its stand-in's slots: (the members stamped, each slot's boxes
    for them in that order, the members whose words do not fit). `measured` keeps each
    (slot, text)'s box across groups (many share a team)."""
    from smguide.handbook.stamp import fill, substitute, values

    ok: list[int] = []
    unfit: list[int] = []
    boxes: list[list[Any]] = [[] for _ in page_slots]
    for index, person in zip(members, people, strict=True):
        words = values(person)
        filled = []
        for slot in page_slots:
            text = substitute(slot.box.text, markers, words)
            key = (id(slot.box), text)
            if key not in measured:
                measured[key] = fill(slot, text, context)
            filled.append(measured[key])
        if any(box is None for box in filled):
            if index == members[0]:
                break  # the first person is the check: without them, no stamping
            unfit.append(index)
            continue
        ok.append(index)
        for column, box in zip(boxes, filled, strict=True):
            column.append(box)
    return ok, boxes, unfit


def _laid_out_pages(count: int, groups: list[list[int]], single: list[int]
                    ) -> list[tuple[int, int] | None]:
    """Each person's two pages in the layout: a group's first person after its stand-in's
    two, then the people laid out alone."""
    pages: list[tuple[int, int] | None] = [None] * count
    for n, members in enumerate(groups):
        pages[members[0]] = (4 * n + 2, 4 * n + 3)
    for k, index in enumerate(single):
        pages[index] = (4 * len(groups) + 2 * k, 4 * len(groups) + 2 * k + 1)
    return pages
