"""What several commands share: the project's inputs found and said (`resolve_project`),
`Say` (progress on stderr, as quiet or verbose as asked), and the options --content,
--brand, --template-overrides, --lang, --paper and the safety limits."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from smguide.model.options import PAPER_SIZES
from smguide.safety.forked import ENV_JOBS
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


def resolve_project(content: Path | None, brand: Path | None, templates: Path | None,
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


def _positive(ctx: click.Context, param: click.Parameter, value: float) -> float:
    if value <= 0:
        raise click.BadParameter(f"expected a number of seconds above 0; got {value:g}")
    return value


def _at_least_minimum(ctx: click.Context, param: click.Parameter, value: int) -> int:
    if value < MIN_MEMORY_MB:
        raise click.BadParameter(f"expected at least {MIN_MEMORY_MB} (megabytes); got {value}")
    return value


def _processes(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """--jobs (or SMGUIDE_JOBS, named when the value is its) as a whole number, at least 1."""
    if value is None:
        return None
    if not value.strip().isdigit() or int(value) < 1:
        given = "" if ctx.get_parameter_source("jobs") != click.core.ParameterSource.ENVIRONMENT \
            else f" (from {ENV_JOBS})"
        raise click.BadParameter(f"expected a whole number of processes, at least 1 (1: "
                                 f"one after the other); got {value!r}{given}")
    return int(value)


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


def safety_options(network: bool = True, jobs: bool = False
                   ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--max-seconds, --max-memory-mb (and --allow-network; with `jobs`, --jobs: for the
    commands that make a handbook), given to the command as `limits`."""
    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def wrapper(*args: Any, max_seconds: float, max_memory_mb: int,
                    allow_network: bool = False, jobs: int | None = None,
                    **kwargs: Any) -> Any:
            return command(*args, limits=Limits(max_seconds, max_memory_mb, allow_network,
                                                jobs), **kwargs)

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
        if jobs:
            options.append(click.option(
                "--jobs", callback=_processes, envvar=ENV_JOBS, metavar="N",
                help=f"Processes the handbook's layout may use: the fitting tries N "
                     f"chapters' spacing at once (1: one after the other); default: one "
                     f"per idle core (the cores no other program kept busy lately), or set "
                     f"{ENV_JOBS}. "
                     f"With --roster: the processes that make the copies (default: one "
                     f"per core, at most 8). The outputs are the same either way."))
        for option in reversed(options):
            wrapper = option(wrapper)
        return wrapper

    return decorate


lang_option = click.option(
    "--lang", metavar="LANG", shell_complete=_languages,
    help="Language variant: the content folder's LANG/ subfolder (e.g. de); default: the "
         "content folder itself. Outputs get -LANG in their names.")
