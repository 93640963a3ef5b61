"""HTML + CSS -> PDF bytes with WeasyPrint, reading only allowed files.

WeasyPrint is imported here, lazily: it takes over a second to import.
"""

from __future__ import annotations

import logging
from pathlib import Path

from smguide.errors import RenderError
from smguide.fetcher import BlockedResource, make_fetcher
from smguide.handbook import HandbookRenderer, PrintOptions
from smguide.resources import ASSETS_DIR


class _Collect(logging.Handler):
    """Keeps WeasyPrint's warnings: a picture it could not load must fail the build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render_pdf(renderer: HandbookRenderer, options: PrintOptions,
               created: str | None = None) -> tuple[bytes, int]:
    """Lay out and write the handbook; return (pdf bytes, page count)."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    guide_root = Path(renderer.guide.root)
    roots = [guide_root, renderer.brand.root, ASSETS_DIR, *renderer.template_dirs]
    fetcher = make_fetcher(roots)
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # font-file trivia, not ours
    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        fonts = FontConfiguration()
        stylesheets = [
            CSS(filename=str(_stylesheet(renderer)), url_fetcher=fetcher, font_config=fonts),
            CSS(string=renderer.css(options), url_fetcher=fetcher, font_config=fonts,
                base_url=renderer.brand.root.as_uri() + "/"),
        ]
        html = HTML(string=renderer.html(created), base_url=guide_root.as_uri() + "/",
                    url_fetcher=fetcher)
        document = html.render(font_config=fonts, stylesheets=stylesheets,
                               pdf_variant="pdf/ua-1")
        _fail_on_warnings(collect.messages)
        data = document.write_pdf(pdf_variant="pdf/ua-1")
        _fail_on_warnings(collect.messages)
    except BlockedResource as exc:
        raise RenderError(f"blocked {exc.url}: {exc.reason} "
                          f"(referenced from {renderer.guide.root} or the brand)") from None
    finally:
        logger.removeHandler(collect)
    assert data is not None
    return data, len(document.pages)


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
