"""`smguide preview`: the handbook as a web page on localhost, rebuilt on every save.

The page is the handbook's own HTML and CSS (the same templates; the stylesheets' `@media
screen` parts lay it out for a browser), so what you see is what the PDF will say. A
broken edit does not take the page down: the last good version stays, with the error
shown on top of it and in the terminal. The browser polls a tiny status URL and reloads
when a new version is ready.

Only the files the rendered handbook refers to are served, and only when they are inside
the content, brand, font or template folders (the same allowlist as the PDF engine's).
"""

from __future__ import annotations

import html as htmlmod
import json
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from smguide.errors import ContentError, Problem, SmguideError, Where, counted
from smguide.paths import display_path

if TYPE_CHECKING:
    from smguide.commands.project import Project
    from smguide.model.options import PrintOptions

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
CSP = ("default-src 'none'; img-src 'self' data:; font-src 'self'; style-src 'self' "
       "'unsafe-inline'; script-src 'self'; connect-src 'self'; base-uri 'none'; "
       "form-action 'none'; frame-ancestors 'none'")
LIVE_JS = """\
// smguide preview: reload when a new version is built; show build errors at once.
(function () {
  var meta = document.querySelector('meta[name="smguide-version"]');
  var shown = meta ? meta.content : "";
  function poll() {
    fetch("/_smguide/status", {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (s) { if (String(s.version) !== shown) { location.reload(); } })
      .catch(function () {}).finally(function () { setTimeout(poll, 500); });
  }
  setTimeout(poll, 500);
})();
"""
ERROR_CSS = """\
#smguide-error { position: sticky; top: 0; z-index: 10; margin: 0 0 1em; padding: 0.8em 1.2em;
  background: #fff4f2; color: #7a1f12; border-bottom: 3px solid #c0392b;
  font: 14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; }
#smguide-error strong { font-family: system-ui, sans-serif; display: block; margin-bottom: 0.3em; }
"""
_FILE_URI = re.compile(r"file://[^\"'\s<>)]+")
_CSS_URL = re.compile(r'url\("((?:\\[0-9a-f]{6} |[A-Za-z0-9 ])*)"\)')


@dataclass
class Page:
    """One successful build: the HTML, its two stylesheets and the files they refer to."""

    html: str
    css: str
    stylesheet: str
    files: dict[str, Path] = field(default_factory=dict)


class Preview:
    """Holds the last good page and the current error; rebuilds on request."""

    def __init__(self, project: Project, say: Callable[..., None],
                 pdf: Path | None = None, print_options: PrintOptions | None = None):
        self.project, self.say, self.pdf = project, say, pdf
        self.print_options = print_options
        self.page: Page | None = None
        self.error: str | None = None
        self.version = 0
        self.url = ""  # set once the server listens
        self.lock = threading.Lock()
        self._warnings: tuple[Problem, ...] = ()

    def watched(self) -> list[Path]:
        """The folders whose changes trigger a rebuild."""
        folders = [self.project.content, self.project.brand.resolve().parent]
        if self.project.templates is not None:
            folders.append(self.project.templates)
        return [f.resolve() for f in folders]

    def rebuild(self, reason: str = "") -> bool:
        """Render the page; on failure keep the last good one and remember the error."""
        start = time.perf_counter()
        from smguide.safety.sandbox import Limits, run_limited

        try:  # untrusted templates: rendered within the same limits as a build
            page, warnings = run_limited(self._render, Limits.from_env(), "the preview")
        except SmguideError as exc:
            self._fail(exc)
            return False
        with self.lock:
            self.page, self.error = page, None
            self.version += 1
        if warnings != self._warnings:
            for warning in warnings:
                self.say(f"Warning: {warning.line_text()}")
            self._warnings = warnings
        because = f" ({reason})" if reason else ""
        self.say(f"Rebuilt the preview in {time.perf_counter() - start:.1f} s{because}")
        if self.pdf is not None:
            return self._build_pdf()
        return True

    def _render(self) -> tuple[Page, tuple[Problem, ...]]:
        from smguide.commands.build import load
        from smguide.handbook.html import HandbookRenderer
        from smguide.model.options import PrintOptions

        sources = self.project.sources()
        guide, brand, warnings = load(sources)
        renderer = HandbookRenderer(guide, brand, sources.templates)
        manuscript = renderer.manuscript(self.print_options or PrintOptions())
        roots = list(manuscript.allowed)
        files: dict[str, Path] = {}
        page = Page(html=_serve_uris(manuscript.html, roots, files),
                    css=_serve_css_urls(manuscript.stylesheets[0][0], roots, files),
                    stylesheet=manuscript.stylesheet.read_text(encoding="utf-8"), files=files)
        return page, tuple(warnings)

    def _build_pdf(self) -> bool:
        from smguide.commands.build import build_pdf
        from smguide.model.options import PrintOptions

        assert self.pdf is not None
        try:
            built = build_pdf(self.project.sources(), self.pdf,
                              self.print_options or PrintOptions())
        except SmguideError as exc:
            self._fail(exc, "the PDF was not written: ")
            return False
        self.say(f"Wrote {display_path(built.path)} ({counted(built.pages, 'page')}, "
                 f"{built.seconds:.1f} s)")
        return True

    def _fail(self, exc: SmguideError, prefix: str = "") -> None:
        problems = exc.problems if isinstance(exc, ContentError) else [exc.message]
        with self.lock:
            self.error = "\n".join(prefix + p for p in problems)
            self.version += 1
        for problem in problems:
            self.say(f"Error: {prefix}{problem}")
        kept = "the last good version" if self.page else "an error page"
        self.say(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}; "
                 f"the preview shows {kept} until it is fixed.")

    # -- what the server sends ------------------------------------------------------

    def status(self) -> dict[str, Any]:
        with self.lock:
            return {"version": self.version, "error": self.error}

    def document(self) -> str:
        """The last good page, with the live-reload script and any current error on top."""
        with self.lock:
            page, error, version = self.page, self.error, self.version
        head = (f'<meta name="smguide-version" content="{version}">\n'
                '<link rel="stylesheet" href="/_smguide/handbook.css">\n'
                '<link rel="stylesheet" href="/_smguide/brand.css">\n'
                '<link rel="stylesheet" href="/_smguide/preview.css">\n'
                '<script src="/_smguide/live.js" defer></script>\n')
        banner = ""
        if error:
            kept = ("Still showing the last good version." if page
                    else "Nothing could be built yet.")
            banner = (f'<div id="smguide-error" role="alert"><strong>smguide: the last edit '
                      f"has a problem. {kept}</strong>{htmlmod.escape(error)}</div>\n")
        if page is None:
            return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                    f"<title>smguide preview</title>\n{head}</head>\n<body>\n{banner}"
                    "</body></html>\n")
        text = page.html.replace("</head>", head + "</head>", 1)
        return re.sub(r"<body([^>]*)>", lambda m: m[0] + "\n" + banner, text, count=1)

    def asset(self, name: str) -> tuple[bytes, str] | None:
        """(bytes, content type) of one served URL path, or None: only what the page uses."""
        with self.lock:
            page = self.page
        fixed = {"/_smguide/live.js": (LIVE_JS, "text/javascript"),
                 "/_smguide/preview.css": (ERROR_CSS, "text/css")}
        if page is not None:
            fixed["/_smguide/handbook.css"] = (page.stylesheet, "text/css")
            fixed["/_smguide/brand.css"] = (page.css, "text/css")
        if name in fixed:
            text, kind = fixed[name]
            return text.encode(), f"{kind}; charset=utf-8"
        path = page.files.get(name) if page is not None else None
        if path is None or not path.is_file():
            return None
        return path.read_bytes(), _content_type(path)


def _content_type(path: Path) -> str:
    import mimetypes

    known = {".svg": "image/svg+xml", ".ttf": "font/ttf", ".otf": "font/otf",
             ".woff": "font/woff", ".woff2": "font/woff2"}
    return known.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or \
        "application/octet-stream"


def _served(uri: str, roots: list[Path], files: dict[str, Path]) -> str:
    """The URL path that serves a file: URI, if the file may be served; else a RenderError."""
    from smguide.errors import RenderError

    path = Path(unquote(urlsplit(uri).path)).resolve()
    if not any(path.is_relative_to(root.resolve()) for root in roots) or not path.is_file():
        raise RenderError(Problem.at(Where(""), f"blocked {uri}: only files inside the "
                                     "content, brand and template folders may be used"))
    for name, known in files.items():
        if known == path:
            return name
    name = f"/_files/{len(files) + 1}{re.sub(r'[^a-z0-9.]', '', path.suffix.lower())}"
    files[name] = path
    return name


def _serve_uris(text: str, roots: list[Path], files: dict[str, Path]) -> str:
    return _FILE_URI.sub(lambda m: _served(htmlmod.unescape(m[0]), roots, files), text)


def _serve_css_urls(css: str, roots: list[Path], files: dict[str, Path]) -> str:
    """url("...") in the brand CSS is hex-escaped (css_string); decode, map, re-emit."""
    def one(match: re.Match[str]) -> str:
        url = re.sub(r"\\([0-9a-f]{6}) ", lambda m: chr(int(m[1], 16)), match[1])
        if not url.startswith("file:"):
            return match[0]
        return f'url("{_served(url, roots, files)}")'

    return _CSS_URL.sub(one, css)


class _Handler(BaseHTTPRequestHandler):
    """The preview's answers: the document, its status and its assets (GET and HEAD)."""

    server_version = "smguide-preview"
    sys_version = ""
    preview: Preview  # set on the subclass make_server makes
    loopback: bool  # only Host names of this computer are answered

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self._answer(body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(body=False)

    def _answer(self, body: bool) -> None:
        if self.loopback and not self._local_host():
            return self._send(HTTPStatus.FORBIDDEN, b"forbidden\n", "text/plain", body)
        path = urlsplit(self.path).path
        if path in ("/", "/index.html"):
            data = self.preview.document().encode()
            return self._send(HTTPStatus.OK, data, "text/html; charset=utf-8", body)
        if path == "/_smguide/status":
            data = json.dumps(self.preview.status()).encode()
            return self._send(HTTPStatus.OK, data, "application/json", body)
        found = self.preview.asset(path)
        if found is None:
            return self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain", body)
        return self._send(HTTPStatus.OK, found[0], found[1], body)

    def _local_host(self) -> bool:
        """Refuse other Host names (a web page cannot rebind a name to our port)."""
        name = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]")
        return name in LOOPBACK

    def _send(self, status: HTTPStatus, data: bytes, kind: str, body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        self.preview.say(f"{self.address_string()} {format % args}", 3)


def make_server(preview: Preview, host: str, port: int) -> ThreadingHTTPServer:
    """An HTTP server for the preview (GET and HEAD only); raises SmguideError if the port
    is taken."""
    handler = type("Handler", (_Handler,), {"preview": preview, "loopback": host in LOOPBACK})
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise SmguideError(Problem.fix(Where(""), f"cannot listen on {host}:{port} "
                                       f"({exc.strerror})", "choose another port with --port")
                           ) from None
    server.daemon_threads = True
    return server


def watch_changes(preview: Preview, stop: threading.Event) -> Iterator[set[Any]]:
    """Changes under the preview's folders, in batches (watchfiles: native file events,
    0.3 s debounce, so one save that writes twice is one rebuild)."""
    from watchfiles import watch

    from smguide.logs import quieted

    output = preview.pdf.parent.resolve() if preview.pdf is not None else None

    def wanted(change: Any, path: str) -> bool:  # not our own output: that would loop
        return output is None or not Path(path).resolve().is_relative_to(output)

    with quieted("watchfiles"):  # not "KeyboardInterrupt caught"
        yield from watch(*preview.watched(), debounce=300, step=50, stop_event=stop,
                         raise_interrupt=False, watch_filter=wanted)


def _changed(batch: set[Any]) -> str:
    """'content/chapters/01.yaml changed' (editors' temporary files left out)."""
    paths = {Path(p) for _, p in batch}
    names = sorted(display_path(p) for p in ({p for p in paths if p.exists()} or paths))
    if not names:
        return ""
    return ", ".join(names[:3]) + (" ..." if len(names) > 3 else "") + " changed"


@contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """While serving, `kill` (SIGTERM) and Ctrl+C (SIGINT) stop the preview cleanly."""
    import signal

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, interrupt)
    # Ctrl+C too, even when started by a program that ignores SIGINT (its children inherit
    # that, and Python then leaves SIGINT ignored)
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, before)


def serve(preview: Preview, host: str, port: int,
          changes: Callable[[Preview, threading.Event], Iterable[set[Any]]] | None = None
          ) -> None:
    """Build, serve, and rebuild on every change until Ctrl+C (or the changes end)."""
    server = make_server(preview, host, port)
    shown = f"[{host}]" if ":" in host else host
    preview.rebuild()
    thread = threading.Thread(target=server.serve_forever, name="smguide-preview", daemon=True)
    thread.start()
    preview.url = f"http://{shown}:{server.server_address[1]}/"
    preview.say(f"Serving the handbook at {preview.url} "
                f"(watching {', '.join(display_path(p) for p in preview.watched())}; "
                "Ctrl+C stops)")
    stop = threading.Event()
    try:
        with _stop_on_sigterm():
            for batch in (changes or watch_changes)(preview, stop):
                preview.rebuild(_changed(batch))
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        preview.say("Stopped the preview.")
