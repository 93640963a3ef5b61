"""The command line: `main`, the group every command belongs to, and the -q/-v every
command takes. Each command parses its options into the option types of the model (with
the rules between options: --print brings bleed and crop marks, --creep needs --booklet),
finds the project's inputs, calls the function in commands/ that does the work and prints
what happened: build (pdf, slides, build), check (check, preflight) and authoring (init,
preview, docs, fonts, schema); options holds what several commands share.

Heavy libraries (WeasyPrint, python-pptx) are imported only by the commands that use
them, so `smguide --help` stays fast.
"""

from __future__ import annotations

import atexit
import gc
from typing import Any

import click

from smguide import __version__
from smguide.cli.authoring import docs, fonts, init, preview, schema
from smguide.cli.build import build, pdf, slides
from smguide.cli.check import check, preflight
from smguide.cli.options import CONTEXT, Say
from smguide.io.classcode import compiling_once


class Main(click.Group):
    """The group of commands; a command runs with the methods of the dataclasses it
    makes compiled once, on an earlier run (io.classcode)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        with compiling_once():
            return super().main(*args, **kwargs)


@click.group(cls=Main, context_settings=CONTEXT)
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


# a command's objects live until it ends: the collector's run as Python exits would only
# go through them (about 0.04 s of CPU after `smguide slides`); what is written is closed
# before (io.atomic), and the render children exit without it anyway
atexit.register(gc.freeze)

for _command in (pdf, slides, build, check, preflight, init, preview, docs, fonts, schema):
    main.add_command(_command)


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

