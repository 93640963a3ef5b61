"""What an author uses while writing: `smguide init`, `preview`, `docs`, `fonts` and
`schema`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from smguide.cli.options import (
    Say,
    brand_option,
    content_option,
    lang_option,
    paper_option,
    resolve_project,
    templates_option,
)
from smguide.errors import Problem, SmguideError, Where, counted, quote
from smguide.paths import display_path, real


def _port(ctx: click.Context, param: click.Parameter, value: int) -> int:
    if not 0 <= value <= 65535:
        raise click.BadParameter(f"expected a port number from 0 to 65535; got {value}")
    return value



@click.command(short_help="Create a starter project in FOLDER (default: this folder).")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--lang", metavar="LANG", help="Language of the starter content (default: en); a "
              "language with no starter of its own gets the English text to translate.")
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
    started = create(target, lang, here=here)
    where = "the project in this folder" if here else f"{display_path(target)}/"
    say(f"Created {where} with {counted(len(started.files), 'file')}. Next:")
    if started.untranslated:
        say(f"  translate content/ into {started.untranslated}: the text is the English "
            "starter's, with dates, quotes and hyphenation already in "
            f"{started.untranslated}; start with content/labels.yaml")
    say(("" if here else f"  cd {display_path(target)}\n") +
        "  smguide preview      # see it in your browser while you edit\n"
        "  smguide build        # output/handbook.pdf and output/deck.pptx")


@click.command(short_help="Show the handbook in your browser, rebuilt on save.")
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

    project = resolve_project(content, brand, templates, lang, say, "previewing")
    pdf_path = project.output("handbook.pdf") if with_pdf else None
    serve(Preview(project, say, pdf_path, PrintOptions(paper=paper.lower())), host, port)


@click.command(short_help="Show the guide to the content format.")
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


@click.command(short_help="Get the brand's fonts and say where each came from.")
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
    be had is replaced by the bundled Lato. Exit code 1 when downloads were needed and
    none succeeded (offline, say), with the cause on the last line.

    \b
    Example:
      smguide fonts --brand brand/_brand.yml
    """
    from smguide.sources.brand import load_brand

    project = resolve_project(None, brand, None, None, say, "reading")
    loaded, _ = load_brand(project.brand, network=True)
    for warning in loaded.font_warnings:
        say(f"Warning: {warning.line_text()}")
    for asked, used, origin in loaded.fonts_found:
        wanted = "" if asked == used else f" (for {quote(asked, 100)})"
        click.echo(f"{used}{wanted}: {origin}")
    fetched = loaded.fonts_fetched
    if fetched and all(why is not None for _, _, why in fetched):  # none could be had
        services = " and ".join(dict.fromkeys(service for _, service, _ in fetched))
        families = ", ".join(quote(family) for family in dict.fromkeys(f for f, _, _ in fetched))
        raise SmguideError(Problem.at(
            Where(loaded.source), f"no font could be downloaded from {services} "
                                  f"({fetched[0][2]}), so {families} "
                                  f"{'is' if len(fetched) == 1 else 'are'} replaced by the "
                                  f"bundled Lato; run smguide fonts again once this computer "
                                  f"is online"))


@click.command(short_help="Print the JSON Schema of a content file.")
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
