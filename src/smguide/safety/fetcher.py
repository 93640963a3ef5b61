"""The only way the PDF engine reads anything: files under allowed folders, and data: URLs.

WeasyPrint's default fetcher reads any local file and any URL, and only logs what it
could not load. This one refuses everything outside the allowlist and stops the render,
so a content file cannot pull `/etc/passwd` or a tracking pixel into the handbook.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from smguide.paths import real


class BlockedResource(BaseException):
    """Raised inside the render to stop it (a BaseException so WeasyPrint can't swallow it)."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason = url, reason


def make_fetcher(allowed_roots: list[Path], *, allow_network: bool = False):  # noqa: ANN201
    """A WeasyPrint URL fetcher limited to `allowed_roots` (WeasyPrint imported lazily).

    http and https are fetched only with `allow_network` (`--allow-network`), and then
    without following redirects."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    roots = [real(root) for root in allowed_roots]

    class Blocked(BlockedResource, FatalURLFetchingError):
        pass

    class GuardedFetcher(URLFetcher):
        def __init__(self) -> None:
            protocols = {"file", "data", *(("http", "https") if allow_network else ())}
            super().__init__(allowed_protocols=protocols, allow_redirects=False,
                             fail_on_errors=True)
            self.requested: list[str] = []

        def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
            self.requested.append(url)
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data" or (allow_network and scheme in ("http", "https")):
                return super().fetch(url, headers)
            if scheme != "file":
                raise Blocked(url, "network and other URLs are never fetched" + (
                    "" if scheme not in ("http", "https") else
                    " (unless --allow-network is given)"))
            parts = urlsplit(url)
            if parts.netloc not in ("", "localhost"):
                raise Blocked(url, "remote file URLs are not allowed")
            path = real(Path(unquote(parts.path)))
            if not any(path.is_relative_to(root) for root in roots):
                raise Blocked(url, "only files inside the content, brand and template "
                                   "folders may be used")
            if not path.is_file():
                raise Blocked(url, "file not found")
            return URLFetcherResponse(path.as_uri(), body=path.read_bytes())

    return GuardedFetcher()
