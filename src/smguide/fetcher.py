"""The only way the PDF engine reads anything: files under allowed folders, and data: URLs.

WeasyPrint's default fetcher reads any local file and any URL, and only logs what it
could not load. This one refuses everything outside the allowlist and stops the render,
so a content file cannot pull `/etc/passwd` or a tracking pixel into the handbook.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit


class BlockedResource(BaseException):
    """Raised inside the render to stop it (a BaseException so WeasyPrint can't swallow it)."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason = url, reason


def make_fetcher(allowed_roots: list[Path]):  # noqa: ANN201 - returns WeasyPrint's class
    """A WeasyPrint URL fetcher limited to `allowed_roots` (WeasyPrint imported lazily)."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    roots = [root.resolve() for root in allowed_roots]

    class Blocked(BlockedResource, FatalURLFetchingError):
        pass

    class GuardedFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False,
                             fail_on_errors=True)
            self.requested: list[str] = []

        def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
            self.requested.append(url)
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme != "file":
                raise Blocked(url, "network and other URLs are never fetched")
            parts = urlsplit(url)
            if parts.netloc not in ("", "localhost"):
                raise Blocked(url, "remote file URLs are not allowed")
            path = Path(unquote(parts.path)).resolve()
            if not any(path.is_relative_to(root) for root in roots):
                raise Blocked(url, "only files inside the content, brand and template "
                                   "folders may be used")
            if not path.is_file():
                raise Blocked(url, "file not found")
            return URLFetcherResponse(path.as_uri(), body=path.read_bytes())

    return GuardedFetcher()
