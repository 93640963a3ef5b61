"""A roster of new hires (CSV) -> validated Hire records with unique, safe file names.

Every problem is reported at once, one line each, as `file:line: column: problem (fix)`,
with the CSV line number where the row starts. Dates are strict ISO (yyyy-mm-dd) and are
printed later as the guide's language writes them.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from smguide.errors import ContentError, Problem, Where, quote
from smguide.sources.characters import has_invisible
from smguide.sources.rostercolumns import KNOWN, check_header, column_key

if TYPE_CHECKING:
    import _csv

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_SLUG = 60  # characters
MAX_SLUG_BYTES = 120  # file names stop at 255 bytes; leave room for -2.pdf and temp names
# letters NFKD does not take apart into a base letter and a mark
TRANSLIT = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ð": "d", "ł": "l",
            "þ": "th", "ı": "i", "ŧ": "t", "ħ": "h"}
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
            *(f"lpt{i}" for i in range(10))}  # device names Windows will not use as files


@dataclass(frozen=True)
class Hire:
    """One person on the roster, as the templates see them."""

    line: int
    name: str
    slug: str
    team: str | None = None
    role: str | None = None
    manager: str | None = None
    start_date: str | None = None  # ISO yyyy-mm-dd
    buddy: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def counterpart(self) -> str | None:
        return self.buddy


@dataclass(frozen=True)
class Roster:
    hires: tuple[Hire, ...]
    problems: tuple[Problem, ...]  # bad rows
    warnings: tuple[Problem, ...]


def slugify(name: str) -> str:
    """A file-system safe name for anyone: 'Zoë Ørsted-Ñúñez' -> 'zoe-orsted-nunez'.

    Latin letters lose their accents; letters of other scripts are kept (normalised, so
    the same name always gives the same file); everything else becomes a dash. The result
    never contains a path separator, never starts with a dot and is never empty.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = "".join(TRANSLIT.get(ch, ch) for ch in text)
    kept: list[str] = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.category(ch).startswith("M"):  # a mark: an accent, a vowel sign
            if not (kept and kept[-1].isascii()):  # accents on Latin letters go
                kept.append(ch)
            continue
        kept.append(ch if ch.isalnum() else "-")
    slug = unicodedata.normalize("NFC", re.sub(r"-{2,}", "-", "".join(kept)).strip("-"))
    while len(slug.encode()) > MAX_SLUG_BYTES or len(slug) > MAX_SLUG:
        slug = slug[:-1]
    slug = slug.rstrip("-")
    if not slug:
        return "hire"
    return f"{slug}-hire" if slug in RESERVED else slug


def unique_slugs(names: list[str]) -> list[str]:
    """Slugs in order, the second 'Anna Schmidt' becoming anna-schmidt-2 (never clashing
    with another row's own slug)."""
    bases = [slugify(name) for name in names]
    taken = set(bases)
    seen: set[str] = set()
    slugs = []
    for base in bases:
        slug, number = base, 1
        while slug in seen or (slug != base and slug in taken):
            number += 1
            slug = f"{base}-{number}"
        seen.add(slug)
        slugs.append(slug)
    return slugs


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


MAX_CELL = 200  # a name, a team, a date: nothing in a roster cell needs more
MAX_ROSTER_BYTES = 5_000_000


def read_roster(path: Path, teams: tuple[str, ...] = (), shown: str | None = None,
                used: frozenset[str] | None = None, language: str = "en") -> Roster:
    """Read and check a roster; bad rows are listed in `problems`, never silently dropped.

    A problem with the file as a whole (missing, not UTF-8, no name column) raises
    ContentError: no row can be trusted then. `used`: the hire.extra fields the templates
    print (None: not known); a column neither known nor used is a warning, as is a person
    on two rows. `language`: the guide's, in which a date's example is said.
    """
    shown = shown or str(path)
    text = _roster_text(path, shown)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ContentError([Problem.at(Where(shown, 1),
                                       f"the header row cannot be read ({exc})")]) from None
    if not header or not any(cell.strip() for cell in header):
        raise ContentError([Problem.at(Where(shown, 1), "the file has no header row (the first "
                                       "line names the columns, e.g. "
                                       "name,team,role,manager,start_date,buddy)")])
    columns = [column_key(h) for h in header]
    problems, warnings = check_header(header, columns, shown, used)
    if problems:
        raise ContentError(problems)
    rows, bad = _rows(reader, columns, delimiter, shown)
    good: list[tuple[int, dict[str, str]]] = []
    wrong_team, off = _check_teams(rows, teams, shown)
    for start, row in rows:
        found = _check_row(row, Where(shown, start), language)
        bad += found
        if not found and start not in off:
            good.append((start, row))
    bad += wrong_team  # after a row's own problems, on its first line
    slugs = unique_slugs([row["name"] for _, row in good])
    hires = tuple(_hire(start, row, slug, teams) for (start, row), slug in zip(good, slugs,
                                                                             strict=True))
    bad.sort(key=lambda problem: problem.line or 0)
    warnings += _duplicates(good, slugs, shown)
    return Roster(hires=hires, problems=tuple(bad), warnings=tuple(warnings))


def _duplicates(rows: list[tuple[int, dict[str, str]]], slugs: list[str], shown: str
                ) -> list[Problem]:
    """A warning at each row that repeats an earlier one (every value the same) or names
    the same person (the same name, in any case or spacing), naming both lines."""
    found: list[Problem] = []
    first: dict[str, tuple[int, dict[str, str], str]] = {}
    for (line, row), slug in zip(rows, slugs, strict=True):
        key = " ".join(unicodedata.normalize("NFKC", row["name"]).casefold().split())
        if key not in first:
            first[key] = (line, row, slug)
            continue
        earlier, earlier_row, earlier_slug = first[key]
        same = "repeats line" if row == earlier_row else "names the same person as line"
        fix = "delete one of the two rows if they are one person"
        found.append(Problem("warning", shown, line, None, "name",
                             f"{quote(row['name'])}: this row {same} {earlier}, so two copies "
                             f"are made ({earlier_slug}.pdf and {slug}.pdf) ({fix})",
                             None, fix))
    return found


def _roster_text(path: Path, shown: str) -> str:
    """The roster file's text, if it can be read, is not too large and is UTF-8."""
    try:
        if path.stat().st_size > MAX_ROSTER_BYTES:
            raise ContentError([Problem.fix(Where(shown, 1), f"the roster is larger than "
                                            f"{MAX_ROSTER_BYTES // 1_000_000} MB",
                                            "split it into cohorts")])
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem.at(Where(shown, 1),
                                       f"cannot read the roster ({exc.strerror})")]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from smguide.sources.encodings import not_utf8

        raise ContentError([Problem.at(Where(shown, _line_of(data, exc.start)),
                                       f'{not_utf8(data)}; save it as "CSV UTF-8" (in '
                                       f'Excel: File > Save as, "CSV UTF-8")',
                                       suggestion='save it as "CSV UTF-8"')]) from None


def _rows(reader: _csv.Reader, columns: list[str], delimiter: str, shown: str
          ) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    """(line, cells by column) of every row that has values, and the rows that cannot
    be read or have more values than the header has columns."""
    rows: list[tuple[int, dict[str, str]]] = []
    bad: list[Problem] = []
    line = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            bad.append(Problem.at(Where(shown, line), f"the row cannot be read ({exc}; check "
                                                      "its quotes)", suggestion="check its quotes"))
            break  # the reader cannot resynchronise after a broken quote
        start, line = line, reader.line_num + 1
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(columns) and any(v.strip() for v in values[len(columns):]):
            bad.append(_too_many(values, len(columns), delimiter, Where(shown, start)))
            continue
        rows.append((start, {col: (values[i].strip() if i < len(values) else "")
                             for i, col in enumerate(columns)}))
    return rows, bad


def _too_many(values: list[str], columns: int, delimiter: str, where: Where) -> Problem:
    """A row with more values than the header has columns: most often an extra separator
    (an empty value where two are typed in a row), else a value with the separator in it
    that is not in quotes."""
    said = f"the row has {len(values)} values but the header has {columns} columns"
    empty = next((i for i, v in enumerate(values) if not v.strip()), None)
    quoted = f'put a value that has a "{delimiter}" in it in double quotes'
    if empty is not None:
        after = f"after {quote(values[empty - 1].strip())}" if empty else "at the start"
        fix = f'delete the extra "{delimiter}" {after}, or {quoted}'
        return Problem.at(where, f'{said}: probably an extra "{delimiter}" (two in a row '
                                 f"{after}) ({fix})", suggestion=fix)
    return Problem.at(where, f'{said}: probably a value with a "{delimiter}" in it ({quoted}, '
                             f'or delete the extra "{delimiter}")', suggestion=quoted)


def _check_row(row: dict[str, str], where: Where, language: str = "en") -> list[Problem]:
    problems = []
    for column, value in row.items():
        if not isinstance(value, str):
            continue
        if has_invisible(value):
            problems.append(Problem.fix(where.with_field(column),
                                        "contains an invisible control character",
                                        "retype the value (it often comes from copy and paste)"))
        elif len(value) > MAX_CELL:
            problems.append(Problem.at(where.with_field(column), f"too long ({len(value)} "
                                       f"characters; at most {MAX_CELL})",
                                       f"at most {MAX_CELL} characters"))
    if not row.get("name"):
        problems.append(Problem.at(where.with_field("name"), "empty (every row needs the "
                                   "person's name; fill it in or delete the row)",
                                   suggestion="fill it in or delete the row"))
    start = row.get("start_date", "")
    if start and parse_date(start) is None:
        problems.append(date_problem(where.with_field("start_date"), start, language))
    return problems


def _near_team(value: str, teams: tuple[str, ...]) -> str | None:
    """The content's team `value` is a misspelling of, if any."""
    near = difflib.get_close_matches(value.casefold(), [t.casefold() for t in teams], n=1)
    return next((t for t in teams if near and t.casefold() == near[0]), None)


def _check_teams(rows: list[tuple[int, dict[str, str]]], teams: tuple[str, ...], shown: str
                 ) -> tuple[list[Problem], set[int]]:
    """The rows whose team is not one of the content's roles, one problem for each team
    so named (with every line that names it), when the roster's teams are the roles: when
    one of its rows names a role, or misspells one. Else the teams are the roster's own,
    printed as given (a guide whose roles are jobs, not the hires' teams)."""
    named = [(start, row["team"]) for start, row in rows if row.get("team")]
    if not teams or not any(_team(value, teams) or _near_team(value, teams)
                            for _, value in named):
        return [], set()
    lines: dict[str, list[int]] = {}
    for start, value in named:
        if _team(value, teams) is None:
            lines.setdefault(value, []).append(start)
    return ([_team_problem(value, found, teams, shown) for value, found in lines.items()],
            {line for found in lines.values() for line in found})


def _team_problem(team: str, lines: list[int], teams: tuple[str, ...], shown: str
                  ) -> Problem:
    meant = _near_team(team, teams)
    meant_fix = f"did you mean {quote(meant)}?" if meant else None
    wanted = f"one of {', '.join(teams)}"
    where = Where(shown, lines[0]).with_field("team")
    rows = f" on {len(lines)} rows (lines {_spans(lines)})" if len(lines) > 1 else ""
    return Problem.at(where, f"unknown team {quote(team)}{rows}; expected {wanted} "
                             f"({meant_fix or 'teams are the roles in the content'})",
                      wanted, meant_fix)


def _spans(lines: list[int]) -> str:
    """2, 3, 4, 7 -> "2-4, 7"."""
    spans: list[list[int]] = []
    for line in lines:
        if spans and line == spans[-1][-1] + 1:
            spans[-1].append(line)
        else:
            spans.append([line])
    return ", ".join(f"{span[0]}-{span[-1]}" if len(span) > 1 else str(span[0])
                     for span in spans)


def date_problem(where: Where, text: str, language: str = "en") -> Problem:
    """A date written in a way smguide does not read, or a day the calendar lacks."""
    from smguide.sources.dates import how_to_write

    if ISO_DATE.match(text):
        return Problem.fix(where, f"{quote(text)} is not a day in the calendar",
                           "check the month and the day (it is written year-month-day)",
                           "a day in the calendar")
    return Problem.fix(where, f"{quote(text)} is not a date smguide reads",
                       how_to_write(text, language),
                       "year-month-day")


def parse_date(text: str) -> date | None:
    """A strict ISO date: 2026-03-02 yes; 2/3/2026, 20260302 or 2026-02-30 no."""
    if not ISO_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _team(value: str, teams: tuple[str, ...]) -> str | None:
    """The content's team `value` names: in any case, and as typed or typeset (the
    content's role names have curly apostrophes and French spaces, sources/plaintext.py)."""
    return next((t for t in teams if _team_key(t) == _team_key(value)), None)


def _team_key(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.casefold())) or name.casefold()


def _hire(line: int, row: dict[str, str], slug: str, teams: tuple[str, ...]) -> Hire:
    known = {key: (row.get(key) or None) for key in KNOWN if key != "name"}
    if known["team"] and teams:  # the role's own name, else the roster's team as given
        known["team"] = _team(known["team"], teams) or known["team"]
    extra = {key: value for key, value in row.items() if key not in KNOWN}
    return Hire(line=line, name=row["name"], slug=slug, extra=extra, **known)


def other_team(team: str | None, teams: tuple[str, ...]) -> str | None:
    """The team a counterpart comes from: the other one, when the guide has exactly two."""
    others = [t for t in teams if t != team]
    return others[0] if team and len(teams) == 2 and len(others) == 1 else None


def safe_output(folder: Path, slug: str) -> Path:
    """folder/<slug>.pdf, refusing anything that would land outside the folder."""
    target = (folder / f"{slug}.pdf").resolve()
    if target.parent != folder.resolve() or "/" in slug or "\\" in slug or slug.startswith("."):
        raise ValueError(f"unsafe file name {slug!r}")
    return target
