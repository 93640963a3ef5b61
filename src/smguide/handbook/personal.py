"""The two PDFs personal copies are assembled from, each laid out once by WeasyPrint.

- the body: the handbook with an empty page where the cover is and another (a left page,
  facing the chapter guide.yaml's personal_week_before names) where the week page goes,
  so every page number and every "Page X of Y" is already what the finished copy shows;
- the personal pages: every person's cover and first-week page, in one document (one
  layout, one font subsetting pass), page 2i the cover and 2i+1 the week of person i.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smguide.errors import ContentError, Problem, RenderError, Where
from smguide.handbook.html import HandbookRenderer
from smguide.handbook.templating import render
from smguide.model.guide import Guide, Role
from smguide.model.options import PrintOptions
from smguide.sources.roster import Hire, other_team

COVER_SLOT, WEEK_SLOT = "smguide-slot-cover", "smguide-slot-week"
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
    return [Person(hire, format_date(hire.start_date, guide.language, ordinals)
                   if hire.start_date else None, other_team(hire.team, known))
            for hire in hires]


def personal_css(renderer: HandbookRenderer, slots: Slots | None) -> str:
    return render(renderer.css_env, "handbook/personal.css.j2", brand=renderer.brand,
                  c=renderer.colours, labels=renderer.guide.labels,
                  week_page=slots.week + 1 if slots else None,
                  pages=slots.pages if slots else None)


def lay_out_body(renderer: HandbookRenderer, options: PrintOptions, created: str | None,
                 allow_network: bool = False) -> tuple[Any, Slots]:
    """The shared body laid out (a WeasyPrint Document), with the two empty pages the
    copies fill, and where they are."""
    from smguide.handbook.pdf import lay_out

    html = render(renderer.env, "handbook/roster-body.html.j2", **renderer.context(created),
                  week_before=renderer.guide.week_before or "")
    document = lay_out(renderer.manuscript(options, created, html, personal_css(renderer, None)),
                       allow_network=allow_network)
    found = {name: index for index, page in enumerate(document.pages)
             for name in (COVER_SLOT, WEEK_SLOT) if name in page.anchors}
    if found.get(COVER_SLOT) != 0 or WEEK_SLOT not in found:
        raise RenderError("the template overrides moved the personal pages' places "
                          f"(#{COVER_SLOT} must start the book, #{WEEK_SLOT} be in it)")
    return document, Slots(cover=0, week=found[WEEK_SLOT], pages=len(document.pages))


def render_personal(renderer: HandbookRenderer, options: PrintOptions, persons: list[Person],
                    slots: Slots, created: str | None, allow_network: bool = False) -> bytes:
    """Every person's cover and first-week page, laid out and written once."""
    from smguide.handbook.pdf import lay_out, write_document

    html = render(renderer.env, "handbook/personal.html.j2", **renderer.context(created),
                  people=persons)
    manuscript = renderer.manuscript(options, created, html, personal_css(renderer, slots))
    document = lay_out(manuscript, allow_network=allow_network)
    for index, person in enumerate(persons):
        for offset, prefix in ((0, "cover-"), (1, "week-")):
            number = 2 * index + offset
            page = document.pages[number] if number < len(document.pages) else None
            if page is None or prefix + person.hire.slug not in page.anchors:
                raise RenderError(f"the personal pages of {person.hire.name} (roster line "
                                  f"{person.hire.line}) do not fit on one page each; "
                                  "shorten what the roster row puts on them")
    if len(document.pages) != 2 * len(persons):
        raise RenderError("the personal pages do not fit on one page each")
    return write_document(document, manuscript.template_dirs)
