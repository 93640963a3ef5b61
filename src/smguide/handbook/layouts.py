"""One handbook laid out by WeasyPrint, as many times as the fitting needs: its
stylesheets and fonts loaded once, its HTML parsed once (the last markup only), laid out
whole or one chapter alone (alone.py), with extra CSS."""

from __future__ import annotations

import os
from typing import Any

from smguide.handbook.alone import chapter_alone
from smguide.handbook.binding import SCOPED
from smguide.handbook.floats import Move
from smguide.handbook.manuscript import VARIANT, Manuscript, PrintSpec
from smguide.handbook.settled import drop_words

# set (to anything): the handbook is laid out whole, never in parts (to compare the two,
# bench/samebook.py)
WHOLE = "SMGUIDE_WHOLE_LAYOUT"


class Layouts:
    """The manuscript's stylesheets with `fetcher`, and its HTML (`text`, or other markup:
    with blocks moved or soft hyphens taken back) laid out. Made and used inside
    `guard.engine_guard`."""

    def __init__(self, manuscript: Manuscript, text: str, fetcher: Any) -> None:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.manuscript, self.text, self.fetcher = manuscript, text, fetcher
        self.fonts = FontConfiguration()
        self.stylesheets = [CSS(filename=str(manuscript.stylesheet), url_fetcher=fetcher,
                                font_config=self.fonts)]
        self.stylesheets += [CSS(string=css, url_fetcher=fetcher, font_config=self.fonts,
                                 base_url=base_url)
                             for css, base_url in manuscript.stylesheets]
        spec = manuscript.print_spec
        self.variant = spec.variant() if spec else {"pdf_variant": VARIANT}
        self.parsed: dict[str, Any] = {}
        self.sheets: dict[str, Any] = {}  # a run of extra CSS -> it parsed (`_sheets`)
        self.binding = None  # the handbook laid out in parts and bound (binding.py)
        if manuscript.in_parts and manuscript.fit is not None and not os.environ.get(WHOLE):
            from smguide.handbook.binding import Binding
            from smguide.handbook.numbering import supported

            if supported():
                self.binding = Binding(self.laid, manuscript.fit.chapters)

    def parse(self, markup: str) -> Any:
        from weasyprint import HTML

        if markup not in self.parsed:
            self.parsed.clear()  # the last one only
            self.parsed[markup] = HTML(string=markup, base_url=self.manuscript.base_url,
                                       url_fetcher=self.fetcher)
        return self.parsed[markup]

    def render(self, extra_css: str, markup: str | None = None, whole: bool = False,
               numbered: bool = True) -> Any:
        """The HTML (or `markup`: with blocks moved or soft hyphens taken back) laid
        out: in parts and bound when it can be (binding.py), else whole; `whole`: whole
        anyway (the same pages, in one layout: cheaper than the parts when none of them
        is laid out for a trial or used again). Not `numbered`: bound from parts, its
        pages may come without their margin boxes (to read the flow from, not to print)."""
        html = self.parse(self.text if markup is None else markup)
        if self.binding is not None and not whole:
            bound = self.binding.render(html, extra_css, numbered)
            if bound is not None:
                return bound
        return self.laid(html, extra_css)

    def trial(self, extra_css: str, anchor: str, markup: str | None = None,
              made: tuple[Move, ...] = (), dropped: frozenset[int] = frozenset()) -> Any:
        """The chapter `anchor` of the HTML (or of `markup`, with `made` moves) laid
        out alone; `dropped`: with the soft hyphens of these breaks (numbered in the
        chapter) taken back (settled.drop_words)."""
        html = self.parse(self.text if markup is None else markup)
        if self.binding is not None:
            part = self.binding.trial(html, anchor, extra_css, made, dropped)
            if part is not None:
                return part
        alone = chapter_alone(html, anchor, made)
        if alone is None:
            return None
        if dropped:
            drop_words(next(e for e in alone.etree_element.iter() if e.get("id") == anchor),
                       set(dropped))
        return self.laid(alone, extra_css)

    def laid(self, html: Any, extra_css: str) -> Any:
        """`html` (the handbook parsed, or a chapter of it alone) laid out."""
        return html.render(font_config=self.fonts,
                           stylesheets=self.stylesheets + self._sheets(extra_css),
                           color_profiles=output_profiles(self.manuscript.print_spec),
                           **self.variant)


    def _sheets(self, extra_css: str) -> list[Any]:
        """The extra CSS as stylesheets, each parsed once while the handbook is laid out:
        one for each run of its lines scoped to one chapter (a rule of the fitting CSS is
        one line: binding.SCOPED) and for each run of the others (a part's own CSS, after
        its chapter's), in their order, so a chapter's spacing tried alone, bound as a
        part and laid out again with other parts' CSS is parsed once (its selectors
        compiled once). The cascade is the same as with one sheet: WeasyPrint applies
        the sheets in turn, and a later rule of the same weight wins in either."""
        from weasyprint import CSS

        runs: list[tuple[str | None, list[str]]] = []
        for line in extra_css.split("\n") if extra_css else ():
            match = SCOPED.match(line)
            kind = match.group(1) if match else None
            if runs and runs[-1][0] == kind:
                runs[-1][1].append(line)
            else:
                runs.append((kind, [line]))
        found = []
        for _, lines in runs:
            css = "\n".join(lines)
            if css not in self.sheets:
                self.sheets[css] = CSS(string=css, font_config=self.fonts)
            found.append(self.sheets[css])
        return found


def output_profiles(spec: PrintSpec | None) -> dict[str, Any] | None:
    """The output profile as WeasyPrint's `device-cmyk` colour profile: it becomes the
    PDF's output intent, and transparency groups blend in CMYK."""
    if spec is None:
        return None
    from weasyprint.css import ColorProfile

    with spec.profile.path.open("rb") as data:
        profile = ColorProfile(data, spec.profile.path.as_uri(), "relative-colorimetric",
                               ["c", "m", "y", "k"])
    return {"device-cmyk": profile}
