"""Libraries' log records kept out of the user's way, only while the call that causes them runs."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def quieted(name: str, level: int = logging.ERROR) -> Iterator[None]:
    """Within the block, logger `name` passes only records at `level` or above; its own
    level is put back afterwards (so a caller's logging setup is left as it was)."""
    logger = logging.getLogger(name)
    previous = logger.level
    logger.setLevel(max(level, previous))
    try:
        yield
    finally:
        logger.setLevel(previous)
