"""What WeasyPrint may not do while it lays out and writes the handbook: read a blocked
resource, warn that it could not use one, or keep a link or an embedded file that is not
safe (each becomes an EngineRefusal)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from smguide.errors import Problem, RenderError, Where, quote
from smguide.logs import quieted
from smguide.safety.fetcher import BlockedResource


class EngineRefusal(RenderError):
    """What the PDF engine was not allowed to do, or could not: the message, and `names`,
    how a template may name what was refused (a URL, a tag or its attributes), so that
    `smguide check` can point at the template line that names it (the engine does not
    know which file that is: its problem names none)."""

    def __init__(self, message: str, names: tuple[str, ...] = ()):
        super().__init__(Problem.at(Where(""), message))
        self.names = names

    def __reduce__(self):  # noqa: ANN204 - the names cross from a render child too
        return (self.__class__, (self.message, self.names))


class _Collect(logging.Handler):
    """Keeps WeasyPrint's warnings: a picture it could not load must fail the build. Each
    is kept as its message and the text values the message was made from (the record's
    args: the URL, the href, the image's source), which name what failed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[tuple[str, tuple[str, ...]]] = []

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args if isinstance(record.args, tuple) else ()
        self.messages.append((record.getMessage(),
                              tuple(arg for arg in args if isinstance(arg, str))))


def refuse_unsafe_links(document: Any) -> None:
    """No embedded files and no links but https, http, mailto and anchors in the PDF.

    Content Markdown can't make such links; a template override could (`<link
    rel=attachment>`, `<a href="file:...">`), and WeasyPrint would embed or keep them."""
    from smguide.safety.links import safe_link

    if document.metadata.attachments:
        raise EngineRefusal('blocked <link rel="attachment">: the PDF never embeds files '
                            "(remove it from the template overrides)",
                            ('<link rel="attachment">', 'rel="attachment"'))
    for page in document.pages:
        for kind, target, *_ in page.links:
            if kind == "attachment":
                raise EngineRefusal(f'blocked <a rel="attachment" href={quote(target, 80)}>: '
                                    f"the PDF never embeds files (remove it from the "
                                    f"template overrides)", (str(target), 'rel="attachment"'))
            if kind == "external" and not safe_link(str(target)):
                raise EngineRefusal(f"the templates link to {quote(target, 80)}; links may "
                                    f"only go to https, http, mailto or a place in the guide",
                                    (str(target),))


@contextmanager
def engine_guard(template_dirs: tuple[Path, ...]) -> Iterator[None]:
    """Turn a blocked resource or any WeasyPrint warning about one into a RenderError
    (naming the template override folders, where such a reference can come from)."""
    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        with quieted("fontTools"):  # font-file trivia, not ours
            yield
        _fail_on_warnings(collect.messages)
    except BlockedResource as exc:
        folders = ", ".join(str(d) for d in template_dirs[:-1]) or "the content"
        raise EngineRefusal(f"blocked {exc.url}: {exc.reason} (referenced from "
                            f"{folders})", (exc.url,)) from None
    finally:
        logger.removeHandler(collect)


def _fail_on_warnings(messages: list[tuple[str, tuple[str, ...]]]) -> None:
    serious = [(m, names) for m, names in messages
               if "Failed to" in m or "Error" in m or "load" in m.lower()]
    if serious:
        raise EngineRefusal("the PDF engine could not use a resource: "
                            + "; ".join(m for m, _ in serious),
                            tuple(name for _, names in serious for name in names))
