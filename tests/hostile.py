"""Building blocks for the hostile-input tests: a tiny guide to break, crafted files."""

from __future__ import annotations

import io
import shutil
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
TINY = HERE / "fixtures" / "hostile" / "tiny"
CHAPTER = "chapters/01-one.yaml"
CANARY = b"CANARY-7f3a9c1e-do-not-leak"


def tiny(tmp_path: Path) -> Path:
    """A writable copy of the tiny guide (one short chapter): quick to validate and render."""
    target = tmp_path / "content"
    shutil.copytree(TINY, target)
    return target


def add_block(content: Path, block: str) -> None:
    """Append a block (YAML, indented as a list item under blocks:) to the chapter."""
    path = content / CHAPTER
    path.write_text(path.read_text(encoding="utf-8") + "\n" + block, encoding="utf-8")


def image_block(src: str) -> str:
    return f"  - type: image\n    src: {src}\n    alt: A picture\n"


def canary(tmp_path: Path) -> Path:
    """A secret file outside every allowed folder, whose bytes must never reach an output."""
    secret = tmp_path / "secret"
    secret.mkdir(exist_ok=True)
    path = secret / "canary.txt"
    path.write_bytes(CANARY + b"\n")
    return path


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims `width` x `height` pixels but carries almost no data (a bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(b"\0" * 64)) + _chunk(b"IEND", b""))


def picture(kind: str = "PNG", size: tuple[int, int] = (120, 80)) -> bytes:
    """A small real picture in `kind` (PNG, JPEG, GIF, WEBP)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, "#2f6b4f").save(out, kind)
    return out.getvalue()
