"""Jinja's compiled templates kept in the user's cache, for every environment smguide
makes (the key holds everything of the environment the compiled code depends on).
"""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from typing import Any

from smguide import __version__
from smguide.io.usercache import private_folder


def template_cache() -> Any:
    """Jinja's compiled templates kept in the user's cache (see TemplateCache), or None
    when that folder cannot be made private to the user."""
    folder = private_folder("templates")
    if folder is None:
        return None
    return _template_cache_class()(str(folder))


@cache
def _template_cache_class() -> Any:
    """TemplateCache, made on first use (jinja2 is imported only by the commands that
    render templates)."""
    from jinja2 import __version__ as jinja_version
    from jinja2.bccache import Bucket, FileSystemBytecodeCache

    class TemplateCache(FileSystemBytecodeCache):
        """Compiling the templates costs more than rendering them (about 0.1 s for the
        built-in ones, on every command); Jinja keeps the compiled code of each template
        here, keyed by its name, its file and, through Jinja's own check, the hash of its
        source. The key also holds everything of the environment the compiled code
        depends on (its class and sandbox operators, autoescaping, whitespace options,
        the names of its filters and tests, which Jinja checks while compiling, and the
        versions of Jinja, Python and smguide), so a template compiled by one of
        smguide's environments is never run by another. The code is sandboxed as
        compiled code always is: it reaches the data only through the environment. A
        cache that cannot be read or written is simply not used."""

        def get_bucket(self, environment: Any, name: str, filename: str | None,
                       source: str) -> Bucket:
            settings = repr((type(environment).__module__, type(environment).__qualname__,
                             sorted(environment.intercepted_binops),
                             sorted(environment.intercepted_unops), environment.autoescape,
                             environment.trim_blocks, environment.lstrip_blocks,
                             environment.keep_trailing_newline, environment.newline_sequence,
                             environment.optimized, environment.is_async,
                             sorted(environment.filters), sorted(environment.tests),
                             sorted(environment.extensions), jinja_version,
                             sys.version_info[:2], __version__))
            key = hashlib.sha256(f"{self.get_cache_key(name, filename)}|{settings}"
                                 .encode()).hexdigest()
            bucket = Bucket(environment, key, self.get_source_checksum(source))
            self.load_bytecode(bucket)
            return bucket

        def load_bytecode(self, bucket: Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # noqa: BLE001 - a damaged file: compiled again
                bucket.reset()

        def dump_bytecode(self, bucket: Bucket) -> None:
            from contextlib import suppress

            with suppress(Exception):  # a read-only or full disk must not fail the build
                super().dump_bytecode(bucket)

    return TemplateCache
