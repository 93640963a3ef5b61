"""`smguide check` and `smguide preflight`: their options and how their reports print
(text or JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from smguide.cli.options import (
    TEMPLATE_HELP,
    Say,
    brand_option,
    content_option,
    lang_option,
    resolve_project,
    templates_option,
)


@click.command(short_help="Check content, brand and templates; build nothing.")
@content_option
@brand_option
@templates_option
@lang_option
@click.option("--template", "template", metavar="PPTX",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Check the deck on this PowerPoint template, as slides --template "
                   "builds it (the deck is made in memory). " + TEMPLATE_HELP.split(". ")[1]
                   + ".")
@click.option("--aspect", type=click.Choice(["16:9", "4:3"]),
              help="Check the deck in this slide shape (default: 16:9, or the template's).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit code 1).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json: one JSON object on stdout, for CI.")
@click.pass_obj
def check(say: Say, content: Path | None, brand: Path | None, templates: Path | None,
          lang: str | None, template: Path | None, aspect: str | None, strict: bool,
          fmt: str) -> None:
    """Check content, brand and templates without building anything.

    Lists every error (what would stop a build: with template overrides, the handbook
    is laid out as pdf does, so a resource the PDF engine refuses is one) and every
    warning (what would build but look bad: low colour contrast, a block that takes
    three slides or more (a comparison table: two), an image below 150 dpi at its
    printed size, a logo without alt text, a link to an #anchor that does not exist),
    each as file:line:column: field: message.
    Exit code 0 when there are no errors, 1 otherwise; with --strict, warnings count
    as errors.

    \b
    Examples:
      smguide check
      smguide check --lang de
      smguide check --template corporate.pptx
      smguide check --strict --format json > check.json   # in CI
    """
    from smguide.commands.check import run_check
    from smguide.model.options import DeckOptions

    report = run_check(resolve_project(content, brand, templates, lang, say, "checking"),
                       DeckOptions(template=template, aspect=aspect))
    if fmt == "json":
        click.echo(json.dumps(report.as_json(strict), indent=2, ensure_ascii=False))
    else:
        for finding in report.findings:
            click.echo(finding.text())
        if say.verbosity:
            click.echo(report.summary())
    if report.failed(strict):
        raise SystemExit(1)


@click.command(short_help="Check a PDF the way a print shop's preflight does.")
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
