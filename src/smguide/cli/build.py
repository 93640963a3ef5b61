"""`smguide pdf`, `slides` and `build`: their options, the rules between them, and what
they print (the work is commands.build and commands.roster)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from smguide.cli.options import (
    TEMPLATE_HELP,
    Say,
    brand_option,
    content_option,
    lang_option,
    paper_option,
    resolve_project,
    safety_options,
    templates_option,
)
from smguide.errors import counted, quote
from smguide.model.options import deck_name, handbook_name
from smguide.paths import display_path
from smguide.safety.sandbox import Limits


def _millimetres(most: float, example: str) -> Callable[..., float | None]:
    """A click callback reading a size such as "3mm" (the unit may be left out), at most
    `most` millimetres: --bleed and --creep."""

    def read(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
        if value is None:
            return None
        match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(mm)?\s*", value)
        if not match or float(match[1]) > most:
            raise click.BadParameter(f"expected a size in millimetres up to {most:g}, such "
                                     f'as "{example}"; got {quote(value)}')
        return float(match[1])

    return read


_bleed = _millimetres(10, "3mm")
_creep = _millimetres(3, "0.3mm")


@click.command(short_help="Build the PDF handbook.")
@content_option
@brand_option
@templates_option
@lang_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the PDF (default: output/handbook.pdf; handbook-a5.pdf, "
                   "handbook-letter.pdf for other paper, -print with --print, -LANG with "
                   "--lang).")
@paper_option("Paper size.")
@click.option("--bleed", callback=_bleed, metavar="SIZE",
              help='Bleed around each page for a print shop, e.g. "3mm".')
@click.option("--crop-marks", is_flag=True,
              help="Add crop marks, on a white margin outside the page and its bleed.")
@click.option("--print", "print_profile", is_flag=True,
              help="For a print shop: a PDF/X-4 in CMYK with crop marks and a 3mm bleed "
                   "(or --bleed's) [default output: output/handbook-print.pdf].")
@click.option("--output-profile", type=click.Path(dir_okay=False, path_type=Path),
              metavar="FILE.icc", help="With --print: your print shop's CMYK output profile "
              "[default: the brand's defaults.smguide.print.profile, else FOGRA39 coated; "
              "GRACoL coated on --paper letter].")
@click.option("--booklet", is_flag=True,
              help="For a print shop: the --print PDF as printer spreads for a saddle-"
                   "stitched booklet (2 pages a sheet side, in imposition order) "
                   "[default output: output/handbook-booklet.pdf].")
@click.option("--creep", callback=_creep, metavar="SIZE",
              help='With --booklet: move the pages of the innermost sheet this far towards '
                   'the spine (the outer sheets less), e.g. "0.5mm" for thick paper.')
@click.option("--roster", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar="CSV", help="One personal copy per row of this CSV (columns: name; "
              "optional team, role, manager, start_date, buddy) -> output/handbooks/.")
@click.option("--merge", is_flag=True,
              help="With --roster: also all copies in one file (output/handbooks-all.pdf).")
@click.option("--deck", "cohort_deck", is_flag=True, help="With --roster: also a title slide "
              "with everyone's names (output/handbooks-welcome.pptx).")
@click.option("--skip-bad-rows", is_flag=True,
              help="With --roster: make the copies of the good rows and list the bad ones.")
@click.pass_obj
@safety_options(jobs=True)
def pdf(say: Say, content: Path | None, brand: Path | None, templates: Path | None,
        lang: str | None, output: Path | None, paper: str, bleed: float | None,
        crop_marks: bool, print_profile: bool, output_profile: Path | None,
        booklet: bool, creep: float | None, roster: Path | None, merge: bool, cohort_deck: bool,
        skip_bad_rows: bool, limits: Limits) -> None:
    """Build the PDF handbook.

    \b
    Examples:
      smguide pdf
      smguide pdf --content my-content --brand acme/_brand.yml -o out/acme.pdf
      smguide pdf --paper a5 --bleed 3mm --crop-marks
      smguide pdf --print                    # PDF/X-4 -> output/handbook-print.pdf
      smguide pdf --booklet --creep 0.3mm    # printer spreads -> output/handbook-booklet.pdf
      smguide pdf --template-overrides my-templates   # my-templates/handbook/...
      smguide pdf --lang de                  # content/de/ -> output/handbook-de.pdf
      smguide pdf --roster hires.csv --merge --deck   # a personal copy for every new hire

    Every problem in the content is reported at once, as file:line:column, and nothing
    is written until the whole handbook rendered.
    """
    from dataclasses import replace

    from smguide.commands.build import build_pdf
    from smguide.model.options import PrintOptions

    if creep is not None and not booklet:
        raise click.UsageError("--creep needs --booklet (it moves the pages of the sheets)")
    print_profile = print_profile or booklet
    if output_profile is not None and not print_profile:
        raise click.UsageError("--output-profile needs --print (it makes the CMYK PDF/X)")
    if print_profile:
        bleed, crop_marks = 3.0 if bleed is None else bleed, True
    options = PrintOptions(paper=paper.lower(), bleed_mm=bleed or 0.0, crop_marks=crop_marks,
                           pdfx=print_profile, output_profile=output_profile,
                           booklet=booklet, creep_mm=creep or 0.0)
    project = resolve_project(content, brand, templates, lang, say)
    if roster is not None or merge or cohort_deck or skip_bad_rows:
        # personal copies: bleed and crop marks with --print, still sRGB (not yet PDF/X)
        _roster_pdf(say, project, roster, output, replace(options, pdfx=False), merge,
                    cohort_deck, skip_bad_rows, limits)
        return
    name = handbook_name(paper, print_profile)
    if booklet:
        name = name.replace("-print.pdf", "-booklet.pdf")
    built = build_pdf(project.sources(), output or project.output(name), options, limits)
    for warning in built.warnings:
        say(f"Warning: {warning.line_text()}")
    sheets = (f" on {built.pages // 4} sheets printed both sides, {built.pages // 2} "
              f"spreads" if booklet else "")
    say(f"Wrote {display_path(built.path)} ({counted(built.pages, 'page')}{sheets}, "
        f"{built.seconds:.1f} s)")
    if print_profile:
        say("Preflight passed: PDF/X-4, CMYK output intent, fonts embedded, no device RGB, "
            "ink, type, lines, pictures and bleed checked (smguide preflight FILE lists "
            "any warnings again)")


@click.command(short_help="Build the PowerPoint deck.")
@content_option
@brand_option
@templates_option
@lang_option
@click.option("--template", "template", metavar="PPTX",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=TEMPLATE_HELP)
@click.option("--aspect", type=click.Choice(["16:9", "4:3"]),
              help="Slide shape (default: 16:9, or the template's own shape).")
@click.option("--theme", type=click.Choice(["light", "dark"]), default="light",
              show_default=True, help="The brand's light colours, or its dark ones (the "
              "dark values of light/dark pairs; without them, the brand's dark colour as "
              "background) and its dark logo.")
@click.option("--embed-fonts", is_flag=True,
              help="Put the brand's font files in the deck where their licence allows (the "
                   "bundled Lato does), so PowerPoint shows them on a computer without them. "
                   "LibreOffice ignores embedded fonts.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the deck (default: output/deck.pptx; with --template "
                   "firma.pptx, deck-firma.pptx; then -4x3 with --aspect 4:3, -dark with "
                   "--theme dark, -LANG with --lang: deck-firma-4x3-dark-de.pptx).")
@click.pass_obj
@safety_options()
def slides(say: Say, content: Path | None, brand: Path | None, templates: Path | None,
           lang: str | None, template: Path | None, aspect: str | None, theme: str,
           embed_fonts: bool,
           output: Path | None, limits: Limits) -> None:
    """Build the PowerPoint deck from the same content and brand as the handbook.

    \b
    Examples:
      smguide slides
      smguide slides --aspect 4:3               # -> output/deck-4x3.pptx
      smguide slides --template corporate.pptx  # -> output/deck-corporate.pptx
      smguide slides --template-overrides my-templates   # its deck/plan.yaml.j2 picks slides
      smguide slides --lang de                  # content/de/ -> output/deck-de.pptx
      smguide slides --theme dark               # the brand's dark colours

    Every text box, table and diagram stays editable. Nothing is written unless the
    whole deck rendered.
    """
    from smguide.commands.build import build_slides
    from smguide.model.options import DeckOptions

    project = resolve_project(content, brand, templates, lang, say)
    name = deck_name(aspect, template, theme)
    built = build_slides(project.sources(), output or project.output(name),
                         DeckOptions(template=template, aspect=aspect, theme=theme,
                                     embed_fonts=embed_fonts), limits)
    for warning in built.warnings:
        say(f"Warning: {warning.line_text()}")
    say(f"Wrote {display_path(built.path)} ({counted(built.pages, 'slide')}, "
        f"{built.seconds:.1f} s)")


@click.command(short_help="Build the handbook and the deck together.")
@content_option
@brand_option
@templates_option
@lang_option
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the handbook and the deck, named as pdf and slides name "
                   "them (default: the project's output/).")
@paper_option("Paper size of the handbook.")
@click.option("--print", "print_profile", is_flag=True,
              help="Handbook for a print shop: PDF/X-4 in CMYK, 3mm bleed and crop marks "
                   "(as handbook-print.pdf).")
@click.option("--template", "template", metavar="PPTX",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=TEMPLATE_HELP)
@click.option("--aspect", type=click.Choice(["16:9", "4:3"]), help="Slide shape of the deck.")
@click.option("--force", is_flag=True,
              help="Rebuild even when no input changed (by content hash) since the last build.")
@click.pass_obj
@safety_options(jobs=True)
def build(say: Say, content: Path | None, brand: Path | None, templates: Path | None,
          lang: str | None, out_dir: Path | None, paper: str, print_profile: bool,
          template: Path | None, aspect: str | None, force: bool, limits: Limits) -> None:
    """Build the handbook and the deck together (in two processes at once).

    On a terminal you see live progress; in a pipe or a CI log, one plain line per step.
    It ends with what was written: the files, their pages and slides.

    \b
    Examples:
      smguide build                      # output/handbook.pdf and output/deck.pptx
      smguide build --lang de            # output/handbook-de.pdf and output/deck-de.pptx
      smguide build --paper letter --out-dir out
      smguide build --print --template corporate.pptx   # deck-corporate.pptx
      smguide build --force              # even if nothing changed since the last build
    """
    from dataclasses import replace

    from smguide.commands.build import open_cache, up_to_date

    project = resolve_project(content, brand, templates, lang, say)
    out_dir = out_dir or project.out_dir
    names = (Path(project.named(handbook_name(paper, print_profile))),
             Path(project.named(deck_name(aspect, template))))
    # (not --jobs: the outputs are the same whatever it is)
    settings = {"paper": paper.lower(), "print": print_profile, "template": template,
                "aspect": aspect, "names": names, "limits": replace(limits, jobs=None)}
    cache = open_cache(project, out_dir, settings, template, force)
    kept = up_to_date(cache, [name.name for name in names])
    if kept is not None:
        for warning in kept:
            say(f"Warning: {warning.line_text()}")
        say(f"Up to date: {', '.join(str(out_dir / n.name) for n in names)} (no input "
            f"changed; --force rebuilds)")
        return

    from smguide.commands.build import build_both
    from smguide.io.progress import BuildProgress
    from smguide.model.options import DeckOptions, PrintOptions

    print_options = PrintOptions(paper=paper.lower(), bleed_mm=3.0 if print_profile else 0.0,
                                 crop_marks=print_profile, pdfx=print_profile)
    progress = BuildProgress(say, [out_dir / name for name in names])
    with progress.running():
        results = build_both(project.sources(), out_dir, print_options,
                             DeckOptions(template=template, aspect=aspect),
                             names=(names[0].name, names[1].name), done=progress.done,
                             limits=limits, cache=cache)
    for warning in dict.fromkeys(w for built in results for w in built.warnings):
        say(f"Warning: {warning.line_text()}")
    progress.summary(results)



def _roster_pdf(say: Say, project: Any, roster: Path | None, output: Path | None,
                options: Any, merge: bool, deck: bool, skip_bad_rows: bool,
                limits: Limits) -> None:
    """smguide pdf --roster: one personal copy per row (see smguide.commands.roster)."""
    from smguide.commands.roster import RosterOptions, build_roster

    if roster is None:
        raise click.UsageError("--merge, --deck and --skip-bad-rows go with --roster CSV")
    built = build_roster(project.sources(), roster,
                         output or project.output("handbook.pdf"), options,
                         RosterOptions(merge=merge, deck=deck, skip_bad_rows=skip_bad_rows,
                                       workers=limits.jobs or 0),
                         limits, progress=say)
    for warning in built.warnings:
        say(f"Warning: {warning.line_text()}")
    for problem in built.skipped:
        say(f"Skipped: {problem.line_text()}")
    copies, skipped = len(built.copies), len(built.skipped)
    also = [f"{display_path(path)} ({what})" for path, what in
            ((built.merged, f"the {counted(copies, 'copy', 'copies')} in one file"),
             (built.deck, "the welcome deck")) if path is not None]
    say(f"Wrote {counted(copies, 'personal handbook')} ({counted(built.pages, 'page')} "
        f"each) to {display_path(built.copies[0].parent)}"
        + (f", and {' and '.join(also)}" if also else "") + f" in {built.seconds:.1f} s"
        + (f"; skipped {counted(skipped, 'bad row')}" if skipped else ""))
