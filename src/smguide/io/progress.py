"""What `smguide build` shows while it works: live spinners on a terminal, plain lines in a
pipe; and the copies a roster run has made (`CopyProgress`).

rich is imported only here, and only when stderr is a terminal, so `--help` stays fast
and a CI log gets one readable line per event instead of escape codes.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from smguide.errors import counted
from smguide.paths import display_path

Say = Callable[..., None]


class BuildProgress:
    """Reports the start of a build, each artefact as it is written, and a summary.

    In a pipe each file is named once, on a `Wrote` line as soon as its process finishes,
    and the summary adds only the totals. On a terminal the live display vanishes when the
    build ends, so the summary names the files (in a fixed order) before the totals.
    """

    def __init__(self, say: Say, paths: list[Path], live: bool | None = None):
        self.say, self.paths = say, paths
        self.live = sys.stderr.isatty() if live is None else live
        self.start = time.perf_counter()
        self._rich: Any = None
        self._tasks: dict[str, Any] = {}
        self._shown_live = False

    @contextmanager
    def running(self) -> Iterator[BuildProgress]:
        names = " and ".join(display_path(p) for p in self.paths)
        if not (self.live and self.say.verbosity >= 1):  # type: ignore[attr-defined]
            self.say(f"Building {names} in parallel...")
            yield self
            return
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        with Progress(SpinnerColumn(finished_text="[green]✓"), TextColumn("{task.description}"),
                      TimeElapsedColumn(), console=console, transient=True) as progress:
            self._rich, self._shown_live = progress, True
            for path in self.paths:
                self._tasks[path.name] = progress.add_task(f"Building {display_path(path)}",
                                                           total=1)
            yield self
        self._rich = None

    def done(self, built: Any) -> None:
        """One artefact is written (called as soon as its process finishes)."""
        if self._rich is not None and built.path.name in self._tasks:
            self._rich.update(self._tasks[built.path.name], completed=1,
                              description=_wrote(built))
        else:
            self.say(_wrote(built))

    def summary(self, results: list[Any]) -> None:
        """One line of totals; after a live display, first the written files in a fixed order."""
        if self._shown_live:
            for built in results:
                self.say(_wrote(built))
        pages = sum(b.pages for b in results if b.path.suffix != ".pptx")
        slides = sum(b.pages for b in results if b.path.suffix == ".pptx")
        self.say(f"Built {counted(len(results), 'file')} in "
                 f"{time.perf_counter() - self.start:.1f} s: {counted(pages, 'page')}, "
                 f"{counted(slides, 'slide')}.")


def _wrote(built: Any) -> str:
    unit = "slide" if built.path.suffix == ".pptx" else "page"
    return (f"Wrote {display_path(built.path)} ({counted(built.pages, unit)}, "
            f"{built.seconds:.1f} s)")


class CopyProgress:
    """What `smguide pdf --roster` shows: `[done/total]` lines, one per copy for a small
    roster; for a big one, about one a second, with the rate and the time left."""

    def __init__(self, total: int, say: Callable[[str], None],
                 clock: Callable[[], float] = time.monotonic):
        self.total, self.say, self.count, self.clock = total, say, 0, clock
        self.start = self.last = clock()

    def done(self, spec: Any) -> None:
        self.count += 1
        now = self.clock()
        if self.total <= 100:
            self.say(f"[{self.count}/{self.total}] {spec.name} -> "
                     f"{display_path(spec.output)}")
        elif now - self.last >= 1 or self.count == self.total:
            self.last = now
            rate = self.count / max(now - self.start, 1e-6)
            left = (self.total - self.count) / rate
            self.say(f"[{self.count}/{self.total}] {rate:.0f} copies a second, "
                     f"{_duration(left)} left")


def _duration(seconds: float) -> str:
    """12 s, 3 min 05 s."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"
