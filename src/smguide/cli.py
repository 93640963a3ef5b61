"""The command line: parse options, call one pipeline function, print what happened.

Heavy libraries (WeasyPrint, python-pptx) are imported only by the commands that use
them, so `smguide --help` stays fast.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from smguide import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _resolve_sources(content: Path | None, brand: Path | None, templates: Path | None):  # noqa: ANN202
    from smguide.build import Sources
    from smguide.resources import default_brand, default_content

    return Sources(content=content or default_content(), brand=brand or default_brand(),
                   templates=templates)


def _bleed(ctx: click.Context, param: click.Parameter, value: str | None) -> float:
    if value is None:
        return 0.0
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(mm)?\s*", value)
    if not match or float(match[1]) > 10:
        raise click.BadParameter(f'expected a size in millimetres up to 10, such as "3mm"; '
                                 f'got "{value}"')
    return float(match[1])


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
    """Turn one set of content into a branded PDF handbook (and, soon, a deck).

    \b
    Quick start:
      smguide pdf                      # ./content (or the built-in guide) -> output/handbook.pdf
      smguide pdf --paper letter --print
      smguide schema > content.schema.json

    Edit the YAML files in content/ and the brand file (brand/_brand.yml); see
    docs/content.md for the format.
    """
    ctx.obj = Say(0 if quiet else 1 + verbose)


content_option = click.option(
    "--content", type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Content folder (default: ./content if it exists, else the built-in guide).")
brand_option = click.option(
    "--brand", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Brand file in _brand.yml format (default: ./brand/_brand.yml, ./_brand.yml, "
         "else the built-in brand).")
templates_option = click.option(
    "--templates", type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of template overrides, searched before the built-in templates.")


@main.command()
@content_option
@brand_option
@templates_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("output/handbook.pdf"), show_default=True,
              help="Where to write the PDF.")
@click.option("--paper", type=click.Choice(["a4", "letter", "a5"], case_sensitive=False),
              default="a4", show_default=True, help="Paper size.")
@click.option("--bleed", callback=_bleed, metavar="SIZE",
              help='Bleed around each page for a print shop, e.g. "3mm".')
@click.option("--crop-marks", is_flag=True, help="Add crop marks (use with --bleed).")
@click.option("--print", "print_profile", is_flag=True,
              help="Print-shop profile: 3mm bleed and crop marks.")
@click.pass_obj
def pdf(say: Say, content: Path | None, brand: Path | None, templates: Path | None,
        output: Path, paper: str, bleed: float, crop_marks: bool, print_profile: bool) -> None:
    """Build the PDF handbook.

    \b
    Examples:
      smguide pdf
      smguide pdf --content my-content --brand acme/_brand.yml -o out/acme.pdf
      smguide pdf --paper a5 --bleed 3mm --crop-marks
      smguide pdf --templates my-templates   # my-templates/handbook/... overrides

    Every problem in the content is reported at once, as file:line:column, and nothing
    is written until the whole handbook rendered.
    """
    from smguide.build import build_pdf
    from smguide.handbook import PrintOptions

    if print_profile:
        bleed, crop_marks = bleed or 3.0, True
    options = PrintOptions(paper=paper.lower(), bleed_mm=bleed, crop_marks=crop_marks)
    sources = _resolve_sources(content, brand, templates)
    say(f"content: {sources.content}; brand: {sources.brand}", 2)
    built = build_pdf(sources, output, options)
    for warning in built.warnings:
        say(f"Warning: {warning}")
    say(f"Wrote {_shown(built.path)} ({built.pages} pages, {built.seconds:.1f} s)")


@main.command()
@content_option
@brand_option
@templates_option
@click.option("--template", "template", metavar="PPTX",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A PowerPoint template (.pptx) to build on, instead of the branded "
                   "default; its layouts are found by name (see docs/content.md).")
@click.option("--aspect", type=click.Choice(["16:9", "4:3"]),
              help="Slide shape (default: 16:9, or the template's own shape).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("output/deck.pptx"), show_default=True, help="Where to write the deck.")
@click.pass_obj
def slides(say: Say, content: Path | None, brand: Path | None, templates: Path | None,
           template: Path | None, aspect: str | None, output: Path) -> None:
    """Build the PowerPoint deck from the same content and brand as the handbook.

    \b
    Examples:
      smguide slides
      smguide slides --aspect 4:3 -o out/deck-4x3.pptx
      smguide slides --template corporate.pptx
      smguide slides --templates my-templates   # my-templates/deck/plan.yaml.j2 picks slides

    Every text box, table and diagram stays editable. Nothing is written unless the
    whole deck rendered.
    """
    from smguide.build import build_slides
    from smguide.deck import DeckOptions

    sources = _resolve_sources(content, brand, templates)
    say(f"content: {sources.content}; brand: {sources.brand}", 2)
    built = build_slides(sources, output, DeckOptions(template=template, aspect=aspect))
    for warning in built.warnings:
        say(f"Warning: {warning}")
    say(f"Wrote {_shown(built.path)} ({built.pages} slides, {built.seconds:.1f} s)")


@main.command()
@content_option
@brand_option
@templates_option
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("output"), show_default=True,
              help="Folder for handbook.pdf and deck.pptx.")
@click.option("--paper", type=click.Choice(["a4", "letter", "a5"], case_sensitive=False),
              default="a4", show_default=True, help="Paper size of the handbook.")
@click.option("--print", "print_profile", is_flag=True,
              help="Handbook for a print shop: 3mm bleed and crop marks.")
@click.option("--template", "template", metavar="PPTX",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A PowerPoint template (.pptx) for the deck.")
@click.option("--aspect", type=click.Choice(["16:9", "4:3"]), help="Slide shape of the deck.")
@click.pass_obj
def build(say: Say, content: Path | None, brand: Path | None, templates: Path | None,
          out_dir: Path, paper: str, print_profile: bool, template: Path | None,
          aspect: str | None) -> None:
    """Build the handbook and the deck together (in parallel).

    \b
    Examples:
      smguide build                      # output/handbook.pdf and output/deck.pptx
      smguide build --paper letter --out-dir out
      smguide build --print --template corporate.pptx
    """
    from smguide.build import build_both
    from smguide.deck import DeckOptions
    from smguide.handbook import PrintOptions

    sources = _resolve_sources(content, brand, templates)
    say(f"content: {sources.content}; brand: {sources.brand}", 2)
    print_options = PrintOptions(paper=paper.lower(), bleed_mm=3.0 if print_profile else 0.0,
                                 crop_marks=print_profile)
    results = build_both(sources, out_dir, print_options,
                         DeckOptions(template=template, aspect=aspect))
    for warning in dict.fromkeys(w for built in results for w in built.warnings):
        say(f"Warning: {warning}")
    for built, unit in zip(results, ("pages", "slides"), strict=True):
        say(f"Wrote {_shown(built.path)} ({built.pages} {unit}, {built.seconds:.1f} s)")


@main.command()
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
    from smguide.schema import content_schema

    click.echo(json.dumps(content_schema(kind), indent=2, ensure_ascii=False))


def _shown(path: Path) -> str:
    from smguide.content import display_path

    return display_path(path)


if __name__ == "__main__":  # pragma: no cover
    main()
