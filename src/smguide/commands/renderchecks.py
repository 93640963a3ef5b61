"""What check finds by rendering, in memory: templates that do not compile, the
handbook's HTML and CSS of template overrides (laid out by the PDF engine), blocks no
slide shows, and blocks too long for their slides."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smguide.commands.contentchecks import finding
from smguide.errors import Problem, SmguideError, quote
from smguide.paths import display_path, link_loop

if TYPE_CHECKING:
    from smguide.deck.plan import PlannedSlide
    from smguide.handbook.manuscript import Manuscript
    from smguide.model.guide import Block, Guide
    from smguide.model.options import DeckOptions
    from smguide.sources.brand import Brand


def compile_templates(override: Path | None) -> list[Problem]:
    """Compile every template in the override folder: syntax errors. The built-in ones are
    not compiled here: they are the package's own, compiled by its tests, and compiling
    one says nothing of the overrides it may extend or include (those are named only as
    it renders); render_checks renders the ones a build renders."""
    if override is None:
        return []
    from jinja2 import TemplateError, TemplateSyntaxError

    from smguide.handbook.html import wrap_text
    from smguide.handbook.templating import make_env, template_dirs

    env = make_env(override)
    env.filters["wrap"] = wrap_text  # the handbook renderer's own filter
    findings = []
    for folder in template_dirs(override)[:-1]:  # the overrides (the last: the built-ins)
        for path in sorted(folder.rglob("*.j2")):
            name = path.relative_to(folder).as_posix()
            if link_loop(path):
                findings.append(Problem("error", display_path(path), None, None, None,
                                        "the template is a symbolic link that leads back to "
                                        "itself (a link loop); put the file itself there"))
                continue
            try:
                env.get_template(name)
            except TemplateSyntaxError as exc:
                shown = display_path(Path(exc.filename)) if exc.filename else name
                findings.append(Problem("error", shown, exc.lineno, None, None,
                                        f"template syntax: {exc.message}", None,
                                        "check the {% %} and {{ }} tags on this line"))
            except TemplateError as exc:
                findings.append(Problem("error", display_path(path), None, None, None,
                                        f"template: {exc}"))
            except SmguideError as exc:  # e.g. a template that links outside its folder
                findings += exc.as_problems()
    return findings


def render_checks(guide: Guide, brand: Brand, templates: Path | None,
                  allow_network: bool = False, deck: DeckOptions | None = None
                  ) -> list[Problem]:
    """Render the deck plan in memory and, with template overrides, the handbook's HTML
    and CSS, laid out with the PDF engine as `smguide pdf` does (the same fetcher, so
    every stylesheet, font, picture, link and attachment an override names meets the
    same rules; only no PDF is written). Without overrides the handbook is the built-in
    templates' alone: they are the package's own (rendered on every guide by its tests),
    and name only the files already checked here (content pictures, the brand's fonts and
    logo), so neither their rendering nor the layout, which cost more than the rest of
    check, is done. Then lay out the slides with the deck's own text fitting to find
    blocks that spill over (on `deck`'s company template and in its shape, when given,
    the deck is made in memory as slides makes it). So whatever would stop a build is an
    error."""
    from smguide.deck.plan import load_plan

    findings: list[Problem] = []
    try:
        manuscript = _manuscript(guide, brand, templates) if templates is not None else None
        plan = load_plan(guide, templates)
        findings += unshown_blocks(guide, plan) + reader_text(guide, plan)
    except SmguideError as exc:
        return exc.as_problems()
    if manuscript is not None:
        from smguide.handbook.pdf import lay_out

        try:
            lay_out(manuscript, allow_network=allow_network)  # refuses what pdf refuses
        except SmguideError as exc:
            return [engine_finding(exc, templates)]
    return findings + slide_fitting(guide, brand, templates, plan, deck)


def _manuscript(guide: Guide, brand: Brand, templates: Path) -> Manuscript:
    """The handbook of the template overrides, rendered as pdf renders it."""
    from smguide.handbook.html import HandbookRenderer
    from smguide.model.options import PrintOptions

    return HandbookRenderer(guide, brand, templates).manuscript(PrintOptions())


def engine_finding(error: SmguideError, templates: Path | None) -> Problem:
    """A refusal of the PDF engine as a finding: at the line of the template override
    that names the resource (by the names the refusal carries: the URL as written, its
    path or file name; the tag or its attributes), when one does; else at the override
    folder."""
    from urllib.parse import unquote, urlsplit

    from smguide.handbook.guard import EngineRefusal

    message = error.message
    needles = set()
    for name in error.names if isinstance(error, EngineRefusal) else ():
        needles.add(name)
        if name.startswith(("file:", "http:", "https:")):
            target = unquote(urlsplit(name).path)
            needles |= {name.split("://", 1)[-1], target, Path(target).name}
    needles = {n for n in needles if len(n) > 2}
    if templates is not None and needles:
        for source in sorted(p for p in templates.rglob("*") if p.is_file()):
            try:
                lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            for number, line in enumerate(lines, 1):
                column = min((line.find(n) for n in needles if n in line), default=-1)
                if column >= 0:
                    return Problem("error", display_path(source), number, column + 1, None,
                                   message)
    where = display_path(templates) if templates is not None else "the templates"
    return Problem("error", where, None, None, None, message)


def unshown_blocks(guide: Guide, plan: list[PlannedSlide]) -> list[Problem]:
    """Blocks that no slide of the deck shows (warnings, one a block): a callout without
    `slide:`, a glossary or an image, or a role, comparison, analogy, practices,
    checklist or questions block a plan override leaves out. Not prose (the handbook's
    running text), takeaways (the summary slide recaps the chapter), or a block marked
    `slide: false` (its author keeps it to the handbook)."""
    from smguide.deck.plan import SHOWN

    kinds = {*SHOWN, "callout", "glossary", "image"} - {"takeaways"}
    planned = {id(p.block) for p in plan if p.block is not None}
    findings = []
    for chapter in guide.chapters:
        for index, block in enumerate(chapter.blocks):
            if block.type not in kinds or id(block) in planned or \
                    getattr(block, "slide", None) is False:
                continue
            fix = _show_or_keep(block)
            findings.append(finding(
                "warning", chapter.path, ("blocks", index),
                f"{_named(block)} is on no slide of the deck; {fix}",
                "a slide, or slide: false", fix))
    return findings


def reader_text(guide: Guide, plan: list[PlannedSlide]) -> list[Problem]:
    """Blocks whose slide leaves out an item or paragraph that speaks to a reader of a
    document ("Read it in order once": deck.plan.left_out), one warning a block, at the
    first such item, naming the field that lets the slide say it in a presenter's words
    (`slide:`); a list that has no slide because every item speaks to a reader too."""
    from smguide.deck.plan import LISTS, left_out, on_slides

    planned = {id(p.block) for p in plan if p.block is not None}
    findings = []
    for chapter in guide.chapters:
        for index, block in enumerate(chapter.blocks):
            gone = left_out(block, guide.spoken)
            dropped = block.type in LISTS and on_slides(block) and \
                not on_slides(block, guide.spoken)
            if not gone or not (id(block) in planned or dropped):
                continue
            first = min(gone)
            at = ("items", first) if block.type in LISTS else ("text",)
            total = len(block.items) if block.type in LISTS else None  # type: ignore[union-attr]
            what = "items" if total is not None else "paragraphs"
            words = ", ".join(quote(w) for w in dict.fromkeys(gone.values()))
            said = (f"no slide shows this block: all {total} of its {what} speak to a "
                    f"reader of a document" if dropped else
                    f"the deck leaves {len(gone)} of its {total} {what} off its slide, as "
                    f"they speak to a reader of a document" if total else
                    f"the deck leaves {len(gone)} {what} off its slide, as they speak to "
                    f"a reader of a document")
            fix = ("give the block slide: (what its slide shows, in a presenter's words), "
                   "or slide: false to keep it to the handbook")
            findings.append(finding("warning", chapter.path, ("blocks", index, *at),
                                    f"{said} ({words}); {fix}", "a slide: field", fix))
    return findings


def _named(block: Block) -> str:
    """How a block is named in a message: its title or heading, an image by its file."""
    named = getattr(block, "title", None) or block.heading
    if named:
        return quote(named)
    return f"the image {quote(block.src)}" if block.type == "image" else f"this {block.type}"


def _show_or_keep(block: Block) -> str:
    """What to do about a block no slide shows: the way to present it, or slide: false."""
    show = {"callout": "give it slide: (what its slide shows, in a presenter's words) to "
                       "present it",
            "image": "a deck has no slide for an image block (put the picture on a slide "
                     "of your own template)"}.get(
        block.type, "add it to your deck plan (deck/plan.yaml.j2) to present it")
    return f"{show}, or slide: false to keep it to the handbook"


def slide_fitting(guide: Guide, brand: Brand, templates: Path | None,
                  plan: list[PlannedSlide] | None = None, deck: DeckOptions | None = None
                  ) -> list[Problem]:
    """Blocks the deck continues on two or more "(cont.)" slides (warnings; one is how the
    deck keeps its text large), a comparison table on more than one (its rows are compared
    with each other), or cannot fit at all (errors); `plan`: the deck plan, when already
    loaded; `deck`: the template and shape. The built-in theme is measured without
    making slides; a company template's deck is made in memory, as its placeholders are
    named only as each slide is made, and what it warns about is a warning here too."""
    from smguide.deck.render import DeckRenderer
    from smguide.deck.slides import TooLong
    from smguide.model.options import DeckOptions

    spilled: dict[tuple[Path, int], list[Any]] = {}

    def count(planned: PlannedSlide, page: int) -> None:
        """Count each block's "(cont.)" slides."""
        if page and planned.block is not None and planned.chapter is not None:
            key = (planned.chapter.path, planned.chapter.blocks.index(planned.block))
            spilled.setdefault(key, [planned.block, 0])[1] += 1

    options = (deck or DeckOptions()).on(brand.template)
    warned: list[Problem] = []
    try:
        if options.template is None:  # measured as the deck is built, without slides
            DeckRenderer(guide, brand, options, templates=templates, plan=plan, on_page=count,
                         warnings=warned, fitting=True).fit()
        else:
            DeckRenderer(guide, brand, options, templates=templates, plan=plan, on_page=count,
                         warnings=warned).render()
    except TooLong as exc:
        if exc.source is None or exc.block is None:
            return [exc.problem]
        return [finding("error", exc.source, ("blocks", exc.block), exc.detail, None,
                        "shorten it, or split it into two blocks")]
    except SmguideError as exc:
        return exc.as_problems()
    # a company template's warnings are at the template (DeckContext.warn), shown as
    # check shows a file
    template = options.template
    findings = [replace(warning, file=display_path(template)) if template is not None
                else warning for warning in warned]
    return findings + [found for (path, index), (block, extra) in spilled.items()
                       if (found := _spilled(path, index, block, extra)) is not None]


def _spilled(path: Path, index: int, block: Block, extra: int) -> Problem | None:
    """The warning for a block the deck continues on `extra` more slides: a comparison
    table on any (its rows are read against each other, unless its author chose the
    slide's rows), any other block on two or more (one is how the deck keeps its text
    large)."""
    if block.type == "comparison" and not block.slide:
        fix = ("give it slide: (the few rows the slide shows, each value a few words), "
               "or shorten its cells")
        return finding("warning", path, ("blocks", index),
                       f"the comparison table is too long for one slide; the deck splits its "
                       f"rows over {extra + 1} slides, where they cannot be compared at a "
                       f"glance; {fix}", "a table that fits one slide", fix)
    if extra < 2:
        return None
    more = f"{extra} more slide{'s' if extra != 1 else ''}"
    return finding("warning", path, ("blocks", index),
                   f"the {block.type} block is too long for one slide; the deck continues it "
                   f"on {more}", "one slide's worth of text",
                   "shorten it, or split it into two blocks")
