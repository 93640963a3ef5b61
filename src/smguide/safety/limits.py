"""Size limits on what smguide reads, checked when the files are read, before rendering.

They stop a pathological input (a 100,000-row table, a 10 MB paragraph, a 50 MB picture)
with a clear error naming the file and line, long before it could exhaust the renderer.
Generous for a handbook: the built-in guide uses a few percent of each. What slips
through (absurd CSS in a template override, say) meets the render's time and memory
limits (see sandbox.py).
"""

from __future__ import annotations

MAX_FILE_BYTES = 1_000_000  # one YAML file (content, labels, brand)
MAX_TEXT_CHARS = 20_000  # one text field: about eight printed pages
MAX_LIST_ITEMS = 1_000  # one list: chapters, blocks, rows, items
MAX_IMAGE_BYTES = 20_000_000  # one image file
MAX_IMAGE_PIXELS = 50_000_000  # width x height of one image (e.g. 8,000 x 6,000)
MAX_TEMPLATE_BYTES = 200_000_000  # a PowerPoint template, and its unpacked contents


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def file_too_big(size: int) -> str | None:
    if size <= MAX_FILE_BYTES:
        return None
    return (f"the file is {megabytes(size)}; a content file may be at most "
            f"{megabytes(MAX_FILE_BYTES)} (split it into several files)")


def text_too_long(length: int) -> str | None:
    if length <= MAX_TEXT_CHARS:
        return None
    return (f"this text is {length:,} characters long; one field may hold at most "
            f"{MAX_TEXT_CHARS:,} (split it into several blocks)")


def list_too_long(length: int) -> str | None:
    if length <= MAX_LIST_ITEMS:
        return None
    return f"this list has {length:,} items; at most {MAX_LIST_ITEMS:,} are allowed (split it up)"
