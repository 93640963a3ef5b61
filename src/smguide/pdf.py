"""HTML + CSS -> PDF bytes with WeasyPrint, reading only allowed files.

WeasyPrint is imported here, lazily: it takes over a second to import.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from smguide.errors import RenderError
from smguide.fetcher import BlockedResource, make_fetcher
from smguide.handbook import HandbookRenderer, PrintOptions
from smguide.resources import ASSETS_DIR

VARIANT = "pdf/ua-1"  # tagged, with title and language: readable by assistive technology


class _Collect(logging.Handler):
    """Keeps WeasyPrint's warnings: a picture it could not load must fail the build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def lay_out(renderer: HandbookRenderer, options: PrintOptions,
            created: str | None = None) -> Any:
    """Paginate the handbook (a WeasyPrint Document) with the guarded fetcher."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    guide_root = Path(renderer.guide.root)
    fetcher = make_fetcher([guide_root, renderer.brand.root, ASSETS_DIR,
                            *renderer.template_dirs])
    with _engine_guard(renderer):
        fonts = FontConfiguration()
        stylesheets = [
            CSS(filename=str(_stylesheet(renderer)), url_fetcher=fetcher, font_config=fonts),
            CSS(string=renderer.css(options), url_fetcher=fetcher, font_config=fonts,
                base_url=renderer.brand.root.as_uri() + "/"),
        ]
        html = HTML(string=renderer.html(created), base_url=guide_root.as_uri() + "/",
                    url_fetcher=fetcher)
        return html.render(font_config=fonts, stylesheets=stylesheets, pdf_variant=VARIANT)


def render_pdf(renderer: HandbookRenderer, options: PrintOptions,
               created: str | None = None) -> tuple[bytes, int]:
    """Lay out and write the handbook; return (pdf bytes, page count)."""
    document = lay_out(renderer, options, created)
    with _engine_guard(renderer):
        data = document.write_pdf(pdf_variant=VARIANT)
    return data, len(document.pages)


@contextmanager
def _engine_guard(renderer: HandbookRenderer) -> Iterator[None]:
    """Turn a blocked resource or any WeasyPrint warning about one into a RenderError."""
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # font-file trivia, not ours
    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        yield
        _fail_on_warnings(collect.messages)
    except BlockedResource as exc:
        folders = ", ".join(str(d) for d in renderer.template_dirs[:-1]) or "the content"
        raise RenderError(f"blocked {exc.url}: {exc.reason} (referenced from "
                          f"{folders})") from None
    finally:
        logger.removeHandler(collect)


def _stylesheet(renderer: HandbookRenderer) -> Path:
    """handbook.css from the override folder when it has one, else the built-in one."""
    for folder in renderer.template_dirs:
        candidate = folder / "handbook" / "handbook.css"
        if candidate.is_file():
            return candidate
    raise RenderError("handbook/handbook.css not found in the template folders")


def _fail_on_warnings(messages: list[str]) -> None:
    serious = [m for m in messages if "Failed to" in m or "Error" in m or "load" in m.lower()]
    if serious:
        raise RenderError("the PDF engine could not use a resource: " + "; ".join(serious))
