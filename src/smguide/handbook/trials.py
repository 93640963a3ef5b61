"""How the fitting's trials run: each chapter's spacing variants laid out alone, in the
engine and in workers forked from it (safety/forked.py), and, in the engine, each
chapter laid out as the handbook will hold it as soon as its spacing is chosen.

A chapter's trials are parts of the bound handbook (binding.py), so the one chosen is
the part the handbook is bound from; the chapter's other parts are dropped at once.
When its chosen layout has breaks that go (settled.py), it is laid out again with them
taken back right then, while the workers go on with the other chapters: the layout of
the handbook then binds parts laid out already (and lays out only the chapters that
were not tried and lost a break). A worker's layouts cannot be handed over, so a
chapter a worker tried is laid out in the engine, as chosen, when its result comes in.
Which process does what never changes a part (a part is known by its tree and CSS):
the PDF is the same whatever the number of processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from smguide.handbook.fitting import chosen
from smguide.handbook.layouts import Layouts
from smguide.handbook.settled import Settling
from smguide.handbook.spacing import fitting_css
from smguide.safety import forked


class Trials:
    """The trials of the HTML as placed (`text`) with `layouts`, seen by `settling`."""

    def __init__(self, layouts: Layouts, settling: Settling, text: str) -> None:
        self.layouts, self.settling, self.text = layouts, settling, text
        self.engine = os.getpid()  # the engine: workers are forked from it
        self.mine: set[str] = set()  # the chapters tried in the engine (its parts)

    def trial(self, extra_css: str, anchor: str) -> Any:
        """A chapter of the HTML as placed laid out alone, its lines read for settling."""
        document = self.layouts.trial(extra_css, anchor, self.text)
        self.settling.saw(extra_css, anchor, document)
        return document

    def each(self, work: Callable[[str], Any], names: list[str]) -> list[Any]:
        """`work` (a chapter's trials) for each of `names`, in this process and in
        workers forked from it (fitting.Each), each chapter laid out as chosen when its
        trials are done."""
        found = forked.each(lambda name: self._tried(work, name), names, forked.jobs(),
                            lambda n, one: self._ahead(names[n], one))
        for _, seen in found:
            self.settling.knew(seen)
        return [result for result, _ in found]

    def _tried(self, work: Callable[[str], Any], name: str) -> tuple[Any, Any]:
        """A chapter's trials, and what was read of their layouts for settling; then its
        parts dropped but the one laid out as chosen, which the handbook is bound from
        (in a worker, all of them: its parts are not the engine's)."""
        here = os.getpid() == self.engine
        if here:
            self.mine.add(name)
        results = work(name)
        binding = self.layouts.binding
        if binding is not None:
            variant = chosen(results) if results and here else None
            binding.forget(name, None if variant is None else
                           fitting_css({name: variant}) if variant else "")
        return results, self.settling.seen(name)

    def _ahead(self, name: str, found: tuple[Any, Any]) -> None:
        """In the engine, as soon as a chapter's trials are done (here or in a worker,
        which goes on with the others meanwhile): its part as the handbook will be bound
        from it, with its breaks taken back (or, tried in a worker, as tried)."""
        results, seen = found
        self.settling.knew(seen)
        binding = self.layouts.binding
        if binding is None or not results:
            return
        variant = chosen(results)
        wanted = self.settling.breaks(name, variant)
        if wanted or name not in self.mine:  # (a part only, never the chapter cut out)
            binding.trial(self.layouts.parse(self.text), name,
                          fitting_css({name: variant}) if variant else "", (),
                          wanted or frozenset())
