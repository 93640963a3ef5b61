"""Validate YAML read with positions against a type: every problem of the file as a
`Problem` at its line and column (Pydantic's errors said in the user's words by
sources.describe, and keys whose value was lost to a `#` comment).

Each problem reads `file:line:col: field.path: what is wrong (how to fix it)`, with a
"did you mean" suggestion for misspelt keys and choices.
"""

from __future__ import annotations

import re
import typing
from typing import TYPE_CHECKING, Any, TypeVar

from smguide.errors import Problem, human_field, quote
from smguide.sources.located import Located, Path_
from smguide.sources.validated import shape, validated

if TYPE_CHECKING:
    # imported where a file has a mistake to say: a file without one (most often read
    # before, its value kept) needs neither them nor the Pydantic types they inspect
    from smguide.sources.describe import Described

M = TypeVar("M")


def dotted(path: Path_) -> str:
    """('blocks', 1, 'focus') -> 'blocks[1].focus'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def suggest(word: str, choices: typing.Iterable[str]) -> str:
    """' (did you mean "x"?)' when a close match exists, else ''."""
    from smguide.sources.describe import closest

    meant = closest(word, choices)
    return f" (did you mean {quote(meant)}?)" if meant else ""


def validate(root: type[M] | Any, located: Located,
             display: str) -> tuple[M | None, list[Problem]]:
    """Validate located YAML against a type, or the shape a root names ("module:Name",
    sources.validated: imported only if validated anew); return (value, problems), the
    value the model's plain one (sources/strict.py)."""
    fields = getattr(shape(root), "model_fields", None) if located.data is None else None
    if fields is not None:  # an empty file whose shape is a model
        needed = [info.alias or name for name, info in fields.items() if info.is_required()]
        keys = [k + ":" for k in needed]
        said = " and ".join([", ".join(keys[:-1]), keys[-1]] if len(keys) > 1 else keys)
        fix = (f"write at least {said} in it (see smguide docs)" if 0 < len(needed) <= 4
               else "copy its lines from the same file of a new project (smguide init "
                    "FOLDER), or see smguide docs")
        return None, [Problem("error", display, 1, 1, None, f"the file is empty; {fix}",
                              suggestion=fix)]
    found = _empty_values(located)
    try:
        value = validated(root, located.data)
    except ValueError as exc:  # Pydantic's ValidationError is one
        from pydantic import ValidationError

        if not isinstance(exc, ValidationError):
            raise
        from smguide.sources.describe import describe
        from smguide.sources.typeinfo import explanations

        value = None
        root = shape(root)
        helps = explanations(typing.cast(typing.Hashable, root))
        described = _translated(_most_specific([describe(error, root, located.data, helps)
                                                for error in exc.errors(include_url=False)]))
        misspelt = {(*entry.path[:-1], entry.meant) for entry in described
                    if entry.at_key and entry.meant}
        empty = {entry.path for entry in found}
        found += [entry for entry in described  # "expected text; got nothing" says less
                  if not (entry.message.startswith("required field is missing")
                          and entry.path in misspelt) and entry.path not in empty]
    problems = []
    for entry in found:
        line, col = ((located.key_pos.get(entry.path) if entry.at_key else None)
                     or located.position(entry.path))
        where = dotted(entry.path)
        problems.append(Problem("error", display, line, col, where, entry.message,
                                entry.expected, entry.suggestion,
                                human_field(where, located.data)))
    problems.sort(key=lambda p: (p.line, p.column, p.line_text()))
    return (None if problems else value), problems


MISSING = "required field is missing"


def _translated(described: list[Described]) -> list[Described]:
    """An unknown key beside a required field that is missing, in the same place: most
    often the field's name translated (`misja:` for `mission:`), so one line says that
    field names stay in English and which field it may be, instead of two unlinked ones."""
    missing: dict[Path_, list[str]] = {}
    for entry in described:
        if entry.message.startswith(MISSING):
            missing.setdefault(entry.path[:-1], []).append(str(entry.path[-1]))
    unknown = [entry for entry in described if entry.message.startswith("unknown key")
               and entry.at_key and entry.meant is None and entry.path[:-1] in missing
               and " here: " not in entry.message]
    if not unknown:
        return described
    out = [entry for entry in described if not (entry.message.startswith(MISSING)
                                                and entry.path[:-1] in {u.path[:-1]
                                                                        for u in unknown})]
    for entry in unknown:
        key, fields = str(entry.path[-1]), missing[entry.path[:-1]]
        names = " or ".join(f'"{name}:"' for name in fields)
        fix = (f'rename "{key}:" to {names}' if len(fields) == 1
               else f'rename "{key}:" to the one it stands for: {names}')
        lacking = (f"the required {names} is missing here" if len(fields) == 1 else
                   f"the required {' and '.join(repr_ for repr_ in names.split(' or '))} are "
                   f"missing here")
        said = f'unknown key "{key}": field names stay in English, and {lacking}; {fix}'

        out[out.index(entry)] = entry._replace(message=said, suggestion=fix)
    return out


def _most_specific(described: list[Described]) -> list[Described]:
    """Where a field may take several shapes (text or a group of keys), Pydantic reports
    one error per shape; drop the bare shape mismatch when a more telling error exists."""
    unique = list(dict.fromkeys(described))
    shape = ("expected text;", "expected a group of")

    def telling(other: Described, path: Path_) -> bool:
        deeper = len(other[0]) > len(path) and other[0][:len(path)] == path
        return deeper or (other[0] == path and not other[1].startswith(shape))

    return [entry for entry in unique
            if not (entry[1].startswith(shape) and any(telling(o, entry[0]) for o in unique))]


def _empty_values(located: Located) -> list[Described]:
    """Keys written with nothing after them: usually a value lost to a `#` comment."""
    fix = ('write one or remove the key (text after # is a comment: put such text in '
           'quotes, e.g. "#1 rule")')
    found = []
    for path, (line, column) in located.key_pos.items():
        if _get(located.data, path) is not None:
            continue
        from smguide.sources.describe import Described  # a mistake to say: see above

        written = located.lines[line - 1] if 0 < line <= len(located.lines) else ""
        cut = re.match(r"^\s*(?:-\s+)?([^:#]+):\s+(#.*?)\s*$", written[column - 1:] if
                       column > 0 else written)
        if cut:  # `green: #2f6b4f`: the colour is read as a comment
            quoted = f"put it in quotes: {cut[1].strip()}: {quote(cut[2])}"
            found.append(Described(path, f"the value is empty: YAML reads {quote(cut[2])} "
                                         f"as a comment; {quoted}", True, suggestion=quoted))
        else:
            found.append(Described(path, f"the value is empty; {fix}", True, suggestion=fix))
    return found


def _get(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data
