"""The command line: each command parses its options into the option types of the model
(with the rules between options: --print brings bleed and crop marks, --creep needs
--booklet), finds the project's inputs, calls the function in commands/ that does the
work and prints what happened. `build` asks the build cache first, so an up-to-date
build imports no renderer.

Heavy libraries (WeasyPrint, python-pptx) are imported only by the commands that use
them, so `smguide --help` stays fast.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from smguide import __version__
from smguide.errors import counted, one_line, quote
from smguide.model.options import PAPER_SIZES, deck_name, handbook_name
from smguide.paths import display_path, real
from smguide.safety.sandbox import (
    DEFAULT_MEMORY_MB,
    DEFAULT_SECONDS,
    ENV_MEMORY,
    ENV_SECONDS,
    MIN_MEMORY_MB,
    Limits,
)

if TYPE_CHECKING:
    from smguide.commands.project import Project

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _project(content: Path | None, brand: Path | None, templates: Path | None,
             lang: str | None, say: Say, doing: str = "building") -> Project:
    """The inputs of one command (the project's content, brand, templates; --lang),
    resolved; says so when it is another folder's, or the built-in sample guide."""
    from smguide.commands.project import resolve

    project = resolve(content, brand, templates, lang)
    if project.sample:
        say(f"Note: no content/ folder here or above: {doing} smguide's sample guide. "
            f"Run `smguide init FOLDER` to start your own.")
    elif project.root is not None:
        say(f"Using the project in {project.root}{os.sep} (it has content/guide.yaml).")
    say(f"content: {project.content}; brand: {project.brand}; "
        f"templates: {project.templates or 'built-in'}", 2)
    return project


def _languages(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion for --lang: the languages of the content folder."""
    from smguide.commands.project import find_root
    from smguide.resources import builtin
    from smguide.sources.languages import variants

    root = find_root(Path.cwd().resolve())
    folder = ctx.params.get("content") or (root / "content" if root else builtin("content"))
    return [lang for lang in variants(Path(folder)) if lang.startswith(incomplete.lower())]


def _bleed(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    if value is None:
        return None
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(mm)?\s*", value)
    if not match or float(match[1]) > 10:
        raise click.BadParameter(f'expected a size in millimetres up to 10, such as "3mm"; '
                                 f"got {quote(value)}")
    return float(match[1])


def _creep(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    if value is None:
        return None
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(mm)?\s*", value)
    if not match or float(match[1]) > 3:
        raise click.BadParameter(f'expected a size in millimetres up to 3, such as "0.3mm"; '
                                 f'got "{value}"')
    return float(match[1])


def _positive(ctx: click.Context, param: click.Parameter, value: float) -> float:
    if value <= 0:
        raise click.BadParameter(f"expected a number of seconds above 0; got {value:g}")
    return value


def _at_least_minimum(ctx: click.Context, param: click.Parameter, value: int) -> int:
    if value < MIN_MEMORY_MB:
        raise click.BadParameter(f"expected at least {MIN_MEMORY_MB} (megabytes); got {value}")
    return value


def _port(ctx: click.Context, param: click.Parameter, value: int) -> int:
    if not 0 <= value <= 65535:
        raise click.BadParameter(f"expected a port number from 0 to 65535; got {value}")
    return value


def paper_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--paper", type=click.Choice(list(PAPER_SIZES), case_sensitive=False),
                        default="a4", show_default=True, help=help_text)


class Say:
    """Prints progress to stderr, quietly or verbosely as asked."""

    def __init__(self, verbosity: int):
        self.verbosity = verbosity

    def __call__(self, message: str, level: int = 1) -> None:
        if self.verbosity >= level:
            click.echo(message, err=True)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="smguide")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option("-v", "--verbose", count=True, help="Print more detail (timings, inputs).")
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: int) -> None:
    """Turn one set of content into a branded PDF handbook and a PowerPoint deck.

    \b
    The workflow:
      smguide init my-handbook         # a starter project; then cd my-handbook
      smguide preview                  # the handbook in your browser, rebuilt on save
      smguide check                    # every problem and warning, without building
      smguide build                    # output/handbook.pdf and output/deck.pptx
      smguide build --lang de          # the German variant (content/de/)

    Edit the YAML files in content/ and the brand file (brand/_brand.yml); see
    `smguide docs` for the format. Run `smguide COMMAND --help` for a command's options
    and examples.

    \b
    Shell completion (bash; zsh and fish likewise, see the README):
      eval "$(_SMGUIDE_COMPLETE=bash_source smguide)"
    """
    ctx.obj = Say(0 if quiet else 1 + verbose)


content_option = click.option(
    "--content", type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Content folder (default: the content/ folder of the project you are in: this "
         "folder or the nearest one above it with content/guide.yaml; else the built-in "
         "sample guide, with a note saying so).")
brand_option = click.option(
    "--brand", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Brand file in _brand.yml format (default: the project's brand/_brand.yml or "
         "_brand.yml, else the built-in brand).")
TEMPLATE_HELP = (
    "Your company's PowerPoint template (.pptx or .potx; .pptm is refused for its macros) "
    "to build the deck on, instead of the branded default. Its slide master, layouts and "
    "theme are used; slides already in it are not copied into the deck. Its theme colours "
    "and fonts win over the brand file's, unless the brand file sets "
    "defaults.smguide.template-theme: brand (see `smguide docs`).")
def templates_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--template-overrides FOLDER, given to the command as `templates`; the old name
    --templates (too close to slides' --template) still works, with a warning."""
    @functools.wraps(command)
    def wrapper(*args: Any, old_templates: Path | None = None, **kwargs: Any) -> Any:
        if old_templates is not None:
            click.echo("Warning: --templates is now called --template-overrides; the old "
                       "name will stop working in a later version", err=True)
            kwargs["templates"] = kwargs.get("templates") or old_templates
        return command(*args, **kwargs)

    folder = click.Path(exists=True, file_okay=False, path_type=Path)
    wrapper = click.option("--templates", "old_templates", type=folder, hidden=True)(wrapper)
    return click.option(
        "--template-overrides", "templates", type=folder, metavar="FOLDER",
        help="Folder of template overrides (Jinja), searched before the built-in templates "
             "(default: the project's templates/ when it has a handbook/ or deck/ folder). "
             "Not the PowerPoint template: that is --template.")(wrapper)


def safety_options(network: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--max-seconds, --max-memory-mb (and --allow-network), given to the command as `limits`."""
    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def wrapper(*args: Any, max_seconds: float, max_memory_mb: int,
                    allow_network: bool = False, **kwargs: Any) -> Any:
            return command(*args, limits=Limits(max_seconds, max_memory_mb, allow_network),
                           **kwargs)

        options = [
            click.option("--max-seconds", type=float, callback=_positive,
                         default=DEFAULT_SECONDS, envvar=ENV_SECONDS, metavar="SECONDS",
                         help=f"Stop a render step (the templates, the layout) that takes "
                              f"longer than this; default {DEFAULT_SECONDS:g} (or set "
                              f"{ENV_SECONDS})."),
            click.option("--max-memory-mb", type=int, callback=_at_least_minimum, metavar="MB",
                         default=DEFAULT_MEMORY_MB, envvar=ENV_MEMORY,
                         help=f"Memory one render process may use, in megabytes; default "
                              f"{DEFAULT_MEMORY_MB}, at least {MIN_MEMORY_MB} (or set "
                              f"{ENV_MEMORY})."),
        ]
        if network:
            options.append(click.option(
                "--allow-network", is_flag=True,
                help="Let templates load http(s) resources and download the brand's Google "
                     "or Bunny fonts into the font cache (off: nothing is ever fetched)."))
        for option in reversed(options):
            wrapper = option(wrapper)
        return wrapper

    return decorate


lang_option = click.option(
    "--lang", metavar="LANG", shell_complete=_languages,
    help="Language variant: the content folder's LANG/ subfolder (e.g. de); default: the "
         "content folder itself. Outputs get -LANG in their names.")


@main.command(short_help="Build the PDF handbook.")
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
              "[default: the brand's defaults.smguide.print.profile, else FOGRA39 coated].")
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
@safety_options()
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
    project = _project(content, brand, templates, lang, say)
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
        say(f"Warning: {one_line(warning)}")
    sheets = (f" on {built.pages // 4} sheets printed both sides, {built.pages // 2} "
              f"spreads" if booklet else "")
    say(f"Wrote {display_path(built.path)} ({counted(built.pages, 'page')}{sheets}, "
        f"{built.seconds:.1f} s)")
    if print_profile:
        say("Preflight passed: PDF/X-4, CMYK output intent, fonts embedded, no device RGB, "
            "ink, type, lines, pictures and bleed checked (smguide preflight FILE lists "
            "any warnings again)")


@main.command(short_help="Build the PowerPoint deck.")
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
              help="Where to write the deck (default: output/deck.pptx; deck-4x3.pptx "
                   "with --aspect 4:3; -LANG added with --lang).")
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
      smguide slides --template corporate.pptx
      smguide slides --template-overrides my-templates   # its deck/plan.yaml.j2 picks slides
      smguide slides --lang de                  # content/de/ -> output/deck-de.pptx
      smguide slides --theme dark               # the brand's dark colours

    Every text box, table and diagram stays editable. Nothing is written unless the
    whole deck rendered.
    """
    from smguide.commands.build import build_slides
    from smguide.model.options import DeckOptions

    project = _project(content, brand, templates, lang, say)
    name = deck_name(aspect).replace(".pptx", "-dark.pptx") if theme == "dark" else deck_name(
        aspect)
    built = build_slides(project.sources(), output or project.output(name),
                         DeckOptions(template=template, aspect=aspect, theme=theme,
                                     embed_fonts=embed_fonts), limits)
    for warning in built.warnings:
        say(f"Warning: {one_line(warning)}")
    say(f"Wrote {display_path(built.path)} ({counted(built.pages, 'slide')}, "
        f"{built.seconds:.1f} s)")


@main.command(short_help="Build the handbook and the deck together.")
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
@safety_options()
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
      smguide build --print --template corporate.pptx
      smguide build --force              # even if nothing changed since the last build
    """
    from smguide.io.cache import BuildCache, build_key

    project = _project(content, brand, templates, lang, say)
    out_dir = out_dir or project.out_dir
    names = (Path(project.named(handbook_name(paper, print_profile))),
             Path(project.named(deck_name(aspect))))
    settings = {"paper": paper.lower(), "print": print_profile, "template": template,
                "aspect": aspect, "names": names, "limits": limits}
    cache = BuildCache(out_dir, build_key(project.content, project.brand, project.templates,
                                          settings, out_dir, (template,)), force=force)
    if all(cache.fresh(name.name) for name in names):  # before importing any renderer
        for warning in dict.fromkeys(w for name in names for w in cache.warnings(name.name)):
            say(f"Warning: {one_line(warning)}")
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
        say(f"Warning: {one_line(warning)}")
    progress.summary(results)


@main.command(short_help="Check content, brand and templates; build nothing.")
@content_option
@brand_option
@templates_option
@lang_option
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit code 1).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json: one JSON object on stdout, for CI.")
@click.pass_obj
def check(say: Say, content: Path | None, brand: Path | None, templates: Path | None,
          lang: str | None, strict: bool, fmt: str) -> None:
    """Check content, brand and templates without building anything.

    Lists every error (what would stop a build: with template overrides, the handbook
    is laid out as pdf does, so a resource the PDF engine refuses is one) and every
    warning (what would build but look bad: low colour contrast, a block too long for
    one slide, an image below 150 dpi at its printed size, a logo without alt text, a
    link to an #anchor that does not exist), each as file:line:column: field: message.
    Exit code 0 when there are no errors, 1 otherwise; with --strict, warnings count
    as errors.

    \b
    Examples:
      smguide check
      smguide check --lang de
      smguide check --strict --format json > check.json   # in CI
    """
    from smguide.commands.check import run_check

    report = run_check(_project(content, brand, templates, lang, say, "checking"))
    if fmt == "json":
        click.echo(json.dumps(report.as_json(strict), indent=2, ensure_ascii=False))
    else:
        for finding in report.findings:
            click.echo(finding.text())
        if say.verbosity:
            click.echo(report.summary())
    if report.failed(strict):
        raise SystemExit(1)


@main.command(short_help="Check a PDF the way a print shop's preflight does.")
@click.argument("pdf_file", metavar="FILE.pdf", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit code 1).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json: one JSON object on stdout, for CI.")
def preflight(pdf_file: Path, strict: bool, fmt: str) -> None:
    """Check a PDF the way a print shop's preflight does, and list every finding.

    Checks: PDF/X identification and a CMYK output intent with its ICC profile; TrimBox
    and BleedBox on every page; every font embedded; no device RGB; total ink over 300%;
    type under 6 pt; lines under 0.25 pt; pictures under 300 ppi at their printed size
    (a warning; under 150 ppi an error); objects that touch the trim without reaching
    into the bleed. Each finding names its page and where on it (millimetres from the
    trim's top-left corner); every picture's resolution at its printed size is listed.
    Exit code 0 when there are no errors, 1 otherwise (with --strict, warnings too).
    `smguide pdf --print` runs the same checks on its own file before writing it.

    \b
    Examples:
      smguide preflight output/handbook-print.pdf
      smguide preflight --strict --format json output/handbook-print.pdf > preflight.json
    """
    from smguide.commands.preflight import as_json, as_text, failed, run_preflight

    report = run_preflight(pdf_file)
    if fmt == "json":
        click.echo(json.dumps(as_json(pdf_file, report, strict), indent=2, ensure_ascii=False))
    else:
        for line in as_text(pdf_file, report):
            click.echo(line)
    if failed(report, strict):
        raise SystemExit(1)


@main.command(short_help="Create a starter project in FOLDER (default: this folder).")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--lang", metavar="LANG", help="Language of the starter content (default: en).")
@click.pass_obj
def init(say: Say, folder: Path | None, lang: str | None) -> None:
    """Create a starter project in FOLDER: content, brand, a README for editors and an
    empty template override folder. It builds as it is.

    FOLDER must be new or empty; nothing is ever overwritten. Without FOLDER, the
    project is made in the folder you are in, if it is empty.

    \b
    Examples:
      smguide init my-handbook
      smguide init --lang de mein-handbuch
      cd my-handbook && smguide preview
    """
    from smguide.commands.init import create

    target = folder or Path(".")
    here = real(target) == real(Path.cwd())  # no FOLDER, or "."
    written = create(target, lang, here=here)
    where = "the project in this folder" if here else f"{display_path(target)}/"
    say(f"Created {where} with {counted(len(written), 'file')}. Next:")
    say(("" if here else f"  cd {display_path(target)}\n") +
        "  smguide preview      # see it in your browser while you edit\n"
        "  smguide build        # output/handbook.pdf and output/deck.pptx")


@main.command(short_help="Show the handbook in your browser, rebuilt on save.")
@content_option
@brand_option
@templates_option
@lang_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default is only reachable from this computer).")
@click.option("--port", type=int, callback=_port, default=8000,
              help="Port to listen on, default 8000 (0: any free port).")
@click.option("--pdf", "with_pdf", is_flag=True,
              help="Also rebuild the PDF (output/handbook.pdf) on every save.")
@paper_option("Paper size of the PDF (with --pdf).")
@click.pass_obj
def preview(say: Say, content: Path | None, brand: Path | None, templates: Path | None,
            lang: str | None, host: str, port: int, with_pdf: bool, paper: str) -> None:
    """Show the handbook in your browser and rebuild it each time you save a file.

    Open the address it prints. The page reloads by itself after each save. If an edit
    has a mistake, the page keeps the last good version and shows the error on top;
    the terminal shows it too. Stop with Ctrl+C.

    \b
    Examples:
      smguide preview                  # http://127.0.0.1:8000/
      smguide preview --pdf            # and output/handbook.pdf on every save
      smguide preview --lang de --port 8001
    """
    from smguide.commands.preview import Preview, serve
    from smguide.model.options import PrintOptions

    project = _project(content, brand, templates, lang, say, "previewing")
    pdf_path = project.output("handbook.pdf") if with_pdf else None
    serve(Preview(project, say, pdf_path, PrintOptions(paper=paper.lower())), host, port)


@main.command(short_help="Show the guide to the content format.")
@click.option("--path", "show_path", is_flag=True, help="Print where the guide is instead.")
def docs(show_path: bool) -> None:
    """Show the guide to the content format: the files in content/, every block type, the
    brand file, template overrides and every error message.

    \b
    Examples:
      smguide docs              # read it here (on a terminal: space pages on, q quits)
      smguide docs > guide.md   # keep a copy to open in an editor
      smguide docs --path       # where the installed copy is
    """
    from smguide.resources import builtin

    path = builtin("docs") / "content.md"
    if show_path:
        click.echo(path)
        return
    text = path.read_text(encoding="utf-8")
    if sys.stdout.isatty():
        click.echo_via_pager(text)
    else:
        click.echo(text, nl=False)


@main.command(short_help="Get the brand's fonts and say where each came from.")
@brand_option
@click.pass_obj
def fonts(say: Say, brand: Path | None) -> None:
    """Get the fonts the brand file names, and say where each came from.

    Each family of typography (base, headings, monospace; the first of a font stack that
    can be had) is looked for in the brand's font files, then on this computer, then in
    smguide's font cache (~/.cache/smguide/fonts, or $XDG_CACHE_HOME/smguide/fonts). Those
    still missing that the brand lists with source: google or bunny are downloaded from
    Google Fonts or Bunny Fonts into the cache (the only command that goes online by
    itself; pdf, slides and build do so only with --allow-network). A family that cannot
    be had is replaced by the bundled Lato.

    \b
    Example:
      smguide fonts --brand brand/_brand.yml
    """
    from smguide.sources.brand import load_brand

    project = _project(None, brand, None, None, say, "reading")
    loaded, _ = load_brand(project.brand, network=True)
    for warning in loaded.font_warnings:
        say(f"Warning: {warning.line_text()}")
    for asked, used, origin in loaded.fonts_found:
        wanted = "" if asked == used else f" (for {quote(asked, 100)})"
        click.echo(f"{used}{wanted}: {origin}")


@main.command(short_help="Print the JSON Schema of a content file.")
@click.argument("kind", type=click.Choice(["chapter", "guide", "labels", "brand"]),
                default="chapter")
def schema(kind: str) -> None:
    """Print the JSON Schema of a content file (for completion in editors).

    KIND is chapter (default: content/chapters/*.yaml), guide (content/guide.yaml),
    labels (content/labels.yaml) or brand (_brand.yml).

    \b
    Example (VS Code with the YAML extension):
      smguide schema > chapter.schema.json
      # and at the top of a chapter file:
      # yaml-language-server: $schema=../../chapter.schema.json
    """
    from smguide.sources.schema import content_schema

    click.echo(json.dumps(content_schema(kind), indent=2, ensure_ascii=False))


def _roster_pdf(say: Say, project: Any, roster: Path | None, output: Path | None,
                options: Any, merge: bool, deck: bool, skip_bad_rows: bool,
                limits: Limits) -> None:
    """smguide pdf --roster: one personal copy per row (see smguide.commands.roster)."""
    from smguide.commands.roster import RosterOptions, build_roster

    if roster is None:
        raise click.UsageError("--merge, --deck and --skip-bad-rows go with --roster CSV")
    built = build_roster(project.sources(), roster,
                         output or project.output("handbook.pdf"), options,
                         RosterOptions(merge=merge, deck=deck, skip_bad_rows=skip_bad_rows),
                         limits, progress=say)
    for warning in built.warnings:
        say(f"Warning: {one_line(warning)}")
    for problem in built.skipped:
        say(f"Skipped: {problem.line_text()}")
    copies, skipped = len(built.copies), len(built.skipped)
    say(f"Wrote {counted(copies, 'personal handbook')} ({counted(built.pages, 'page')} "
        f"each) to {display_path(built.copies[0].parent)} in {built.seconds:.1f} s"
        + (f"; skipped {counted(skipped, 'bad row')}" if skipped else ""))


def _quiet_here(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    say = ctx.find_object(Say)
    if value and say is not None:
        say.verbosity = 0


def _verbose_here(ctx: click.Context, param: click.Parameter, value: int) -> None:
    say = ctx.find_object(Say)
    if value and say is not None and say.verbosity:
        say.verbosity += value


# -q and -v also after the command's name (`smguide build -q`), as people type them
for _command in main.commands.values():
    _command.params += [
        click.Option(["-q", "--quiet"], is_flag=True, expose_value=False,
                     callback=_quiet_here, help="Print errors only."),
        click.Option(["-v", "--verbose"], count=True, expose_value=False,
                     callback=_verbose_here, help="Print more detail (timings, inputs)."),
    ]


if __name__ == "__main__":  # pragma: no cover
    main()
