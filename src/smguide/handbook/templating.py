"""Jinja, locked down: sandboxed, autoescaped, strict about undefined names.

The loader looks in the user's override folder first, then in the built-in templates;
`builtin/<name>` always reaches the shipped template, so an override can extend it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from smguide.errors import RenderError
from smguide.resources import builtin
from smguide.sources import markdown
from smguide.sources.languages import format_date


def css_string(value: str) -> Markup:
    """A CSS string literal that can hold any text: everything but letters, digits and
    spaces is written as a hex escape, so nothing can end the string early."""
    escaped = "".join(c if re.match(r"[A-Za-z0-9 ]", c) else f"\\{ord(c):06x} " for c in value)
    return Markup(f'"{escaped}"')


def template_dirs(override: Path | None) -> list[Path]:
    dirs = [builtin("templates")]
    return [override, *dirs] if override else dirs


class ConfinedLoader(FileSystemLoader):
    """A FileSystemLoader that will not follow a symbolic link out of its folders."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(filename).resolve()
        if not any(real.is_relative_to(Path(folder).resolve()) for folder in self.searchpath):
            raise RenderError(f"{filename}: the template is a link to a file outside the "
                              f"template folders; put the file itself there")
        return source, filename, uptodate


def make_env(override: Path | None, *, html: bool = True, language: str = "en"
             ) -> ImmutableSandboxedEnvironment:
    dirs = template_dirs(override)
    loader = ChoiceLoader([ConfinedLoader([str(d) for d in dirs]),
                           PrefixLoader({"builtin": ConfinedLoader(str(dirs[-1]))})])
    env = ImmutableSandboxedEnvironment(loader=loader, autoescape=html,
                                        undefined=StrictUndefined, trim_blocks=True,
                                        lstrip_blocks=True)
    env.filters["md"] = lambda text: markdown.to_html(text, language)
    env.filters["md_inline"] = lambda text: markdown.to_inline_html(text, language)
    env.filters["plain"] = lambda text: markdown.to_plain(text, language)
    env.filters["css_string"] = css_string
    env.filters["date"] = lambda iso: format_date(iso, language)
    return env


def render(env: ImmutableSandboxedEnvironment, name: str, **context: Any) -> str:
    """Render one template; template mistakes become a RenderError naming the file and line."""
    try:
        return env.get_template(name).render(**context)
    except TemplateNotFound as exc:
        raise RenderError(f"template {exc.name} not found in the template folders") from None
    except TemplateError as exc:
        raise RenderError(f"{_template_place(exc, name)}: template error: {exc}") from None
    except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError) as exc:
        # Python errors inside a template expression ({{ 1 // 0 }}): the template's fault
        raise RenderError(f"{_template_place(exc, name)}: template error: "  # type: ignore[arg-type]
                          f"{type(exc).__name__}: {exc}") from None


def _template_place(exc: TemplateError, name: str) -> str:
    """file:line of a template error: syntax errors carry it, runtime errors are found in
    the traceback, where Jinja maps frames back to template lines."""
    filename, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if not (filename and line):
        tb = exc.__traceback__
        while tb is not None:
            frame_file = tb.tb_frame.f_code.co_filename
            if frame_file.endswith((".j2", ".html", ".css")):
                filename, line = frame_file, tb.tb_lineno
            tb = tb.tb_next
    return f"{filename}:{line}" if filename and line else (filename or name)
