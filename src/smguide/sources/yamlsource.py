"""Read YAML files: each file's data and positions parsed once (sources.yamlparse, with
PyYAML) and kept in the user cache under a hash of its bytes and of the reader's code, so
a file read before is read back without importing PyYAML. What a file gives is a
`Located` (sources.located): its data, where every key and value is, and its lines.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from smguide.io.usercache import cached_json, keep_json
from smguide.safety.limits import file_too_big
from smguide.sources.located import Located, Path_, YamlProblem

__all__ = ["Located", "Path_", "YamlProblem", "parse_yaml", "read_yaml"]


def parse_yaml(text: str) -> Located:
    """Parse one YAML document into plain data with positions; raise YamlProblem on error
    (sources.yamlparse)."""
    from smguide.sources.yamlparse import parse_yaml as parse

    return parse(text)


_PARSED: dict[bytes, Located] = {}  # by the file's bytes: one parse per content, per run
_PARSED_MAX = 256


def read_yaml(path: Path) -> Located:
    """Read a UTF-8 YAML file (a leading BOM is accepted and dropped).

    The same bytes are parsed once per process (check reads each file for several checks;
    preview rereads on every save): the result is shared, so callers must not change it."""
    too_big = file_too_big(path.stat().st_size)
    if too_big:
        raise YamlProblem(1, 1, too_big)
    raw = path.read_bytes()
    known = _PARSED.get(raw)
    if known is not None:
        return known
    located = _read_bytes(raw)
    if len(_PARSED) >= _PARSED_MAX:
        _PARSED.pop(next(iter(_PARSED)))
    _PARSED[raw] = located
    return located


def _read_bytes(raw: bytes) -> Located:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        from smguide.sources.encodings import SAVE_AS_UTF8, not_utf8

        raise YamlProblem(line, 1, not_utf8(raw), SAVE_AS_UTF8) from None
    name = f"yaml/{hashlib.sha256(raw + _reader_code()).hexdigest()[:40]}"
    kept = _from_cache(cached_json(name), text)
    if kept is not None:
        kept.digest = name
        return kept
    located = parse_yaml(text)  # a mistake is not kept: it is explained every time
    located.digest = name
    keep_json(name, {"data": located.data,
                     "values": [[list(path), *at] for path, at in located.value_pos.items()],
                     "keys": [[list(path), *at] for path, at in located.key_pos.items()]})
    return located


@lru_cache(maxsize=1)
def _reader_code() -> bytes:
    """What a file's data and positions depend on besides its bytes: this reader's code,
    the parser's and its rules' (a kept result from another version of them is not used),
    PyYAML's (its package's first file, which names its version), all read without
    importing PyYAML."""
    from smguide.safety import limits
    from smguide.sources import characters

    here, pyyaml = Path(__file__), find_spec("yaml")
    files = [here, here.with_name("located.py"), here.with_name("yamlparse.py"),
             here.with_name("yamlhints.py"), Path(limits.__file__ or ""),
             Path(characters.__file__ or ""), Path(pyyaml and pyyaml.origin or here)]
    return b"".join(file.read_bytes() for file in files)


def _from_cache(kept: Any, text: str) -> Located | None:
    """A file read before (the same bytes): its data and positions as parse_yaml gave them,
    kept in the user's cache (parsing costs ten times more than reading them back)."""
    try:
        return Located(kept["data"],
                       {tuple(path): (line, column) for path, line, column in kept["values"]},
                       {tuple(path): (line, column) for path, line, column in kept["keys"]},
                       tuple(text.splitlines()))
    except (TypeError, KeyError, ValueError):  # none kept, or not what was kept
        return None
