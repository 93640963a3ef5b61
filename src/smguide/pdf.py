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
            created: str | None = None, html_text: str | None = None,
            extra_css: str | None = None, *, allow_network: bool = False) -> Any:
    """Paginate the handbook (a WeasyPrint Document) with the guarded fetcher.

    `html_text` and `extra_css` replace the handbook's HTML and add a stylesheet (the
    personal copies of `smguide pdf --roster` use them)."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    guide_root = Path(renderer.guide.root)
    fetcher = make_fetcher([guide_root, *renderer.brand.files(), ASSETS_DIR,
                            *renderer.template_dirs], allow_network=allow_network)
    with _engine_guard(renderer):
        fonts = FontConfiguration()
        stylesheets = [
            CSS(filename=str(_stylesheet(renderer)), url_fetcher=fetcher, font_config=fonts),
            CSS(string=renderer.css(options), url_fetcher=fetcher, font_config=fonts,
                base_url=renderer.brand.root.as_uri() + "/"),
        ]
        if extra_css:
            stylesheets.append(CSS(string=extra_css, url_fetcher=fetcher, font_config=fonts,
                                   base_url=renderer.brand.root.as_uri() + "/"))
        if html_text is None:
            html_text = renderer.html(created)
        html = HTML(string=html_text, base_url=guide_root.as_uri() + "/",
                    url_fetcher=fetcher)
        document = html.render(font_config=fonts, stylesheets=stylesheets, pdf_variant=VARIANT)
    refuse_unsafe_links(document)
    return document


def render_pdf(renderer: HandbookRenderer, options: PrintOptions,
               created: str | None = None, *, allow_network: bool = False,
               uncompressed: bool = False) -> tuple[bytes, int]:
    """Lay out and write the handbook; return (pdf bytes, page count).

    The file identifier is a hash of the PDF's own objects, so the same inputs (and
    SOURCE_DATE_EPOCH) give the same bytes. `uncompressed` is for tests that search
    the bytes."""
    document = lay_out(renderer, options, created, allow_network=allow_network)
    with _engine_guard(renderer):
        data = document.write_pdf(pdf_variant=VARIANT, pdf_identifier=True,
                                  uncompressed_pdf=uncompressed)
    if options.crop_marks:
        from smguide.printmarks import add_crop_marks

        data = add_crop_marks(data)
    return data, len(document.pages)


def refuse_unsafe_links(document: Any) -> None:
    """No embedded files and no links but https, http, mailto and anchors in the PDF.

    Content Markdown can't make such links; a template override could (`<link
    rel=attachment>`, `<a href="file:...">`), and WeasyPrint would embed or keep them."""
    from smguide.markdown import safe_link

    if document.metadata.attachments:
        raise RenderError('blocked <link rel="attachment">: the PDF never embeds files '
                          "(remove it from the template overrides)")
    for page in document.pages:
        for kind, target, *_ in page.links:
            if kind == "attachment":
                raise RenderError(f'blocked <a rel="attachment" href="{str(target)[:80]}">: '
                                  f"the PDF never embeds files (remove it from the template "
                                  f"overrides)")
            if kind == "external" and not safe_link(str(target)):
                raise RenderError(f'the templates link to "{str(target)[:80]}"; links may '
                                  f"only go to https, http, mailto or a place in the guide")


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
            if not candidate.resolve().is_relative_to(folder.resolve()):
                raise RenderError(f"{candidate}: the stylesheet is a link to a file outside "
                                  f"the template folders; put the file itself there")
            return candidate
    raise RenderError("handbook/handbook.css not found in the template folders")


def _fail_on_warnings(messages: list[str]) -> None:
    serious = [m for m in messages if "Failed to" in m or "Error" in m or "load" in m.lower()]
    if serious:
        raise RenderError("the PDF engine could not use a resource: " + "; ".join(serious))
