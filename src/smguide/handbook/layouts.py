"""One handbook laid out by WeasyPrint, as many times as the fitting needs: its
stylesheets and fonts loaded once, its HTML parsed once (the last markup only; markup
that differs from it only inside paragraphs, as rags.py sets them again, parsed from it
paragraph by paragraph: `reparsed`), laid out whole or one chapter alone (alone.py),
with extra CSS (parsed once a build)."""

from __future__ import annotations

import os
import re
from typing import Any

from smguide.handbook.alone import chapter_alone
from smguide.handbook.floats import Move
from smguide.handbook.manuscript import VARIANT, Manuscript, PrintSpec
from smguide.handbook.raglines import TAGS
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
        self.sheets: dict[str, Any] = {}  # extra CSS -> it parsed (`_sheets`)
        self.binding = None  # the handbook laid out in parts and bound (binding.py)
        if manuscript.in_parts and manuscript.fit is not None and not os.environ.get(WHOLE):
            from smguide.handbook.binding import Binding
            from smguide.handbook.numbering import supported

            if supported():
                self.binding = Binding(self.laid, manuscript.fit.chapters)

    def parse(self, markup: str) -> Any:
        """The markup parsed: from the last markup parsed when it differs from it only
        inside paragraphs (`reparsed`: rags.py's settings), else anew."""
        from weasyprint import HTML

        if markup not in self.parsed:
            last = next(iter(self.parsed.items()), None)
            html = reparsed(*last, markup) if last is not None else None
            self.parsed.clear()  # the last one only
            self.parsed[markup] = html if html is not None else HTML(
                string=markup, base_url=self.manuscript.base_url, url_fetcher=self.fetcher)
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
        """The extra CSS as a stylesheet, parsed once while the handbook is laid out (a
        chapter's spacing tried alone and bound as its part, a part laid out again with
        the same CSS: its selectors compiled once). One sheet, not one for each run of
        it a chapter's rules hold: split, the same 55 layouts of a first build took 6 %
        more CPU (29.0 s against 27.3, each layout made both ways in turn), more than
        parsing the runs once saves."""
        from weasyprint import CSS

        if not extra_css:
            return []
        if extra_css not in self.sheets:
            self.sheets[extra_css] = CSS(string=extra_css, font_config=self.fonts)
        return [self.sheets[extra_css]]


def reparsed(old: str, html: Any, markup: str) -> Any | None:
    """`markup` parsed from `old` parsed (`html`, a WeasyPrint HTML), when they differ
    only inside paragraphs (raglines.TAGS: their start tags' attributes, their text):
    each paragraph that changed parsed alone (with the markup up to the next paragraph,
    in a table or list as it needs) and put in place of its old self in a copy of the
    tree (only its ancestors copied; the rest is shared). The old paragraph parsed alone
    must come out as in the tree, and all but the paragraph the same in both; else None
    (then the markup is parsed whole)."""
    starts, now = _starts(old), _starts(markup)
    if not starts or len(starts) != len(now) or old[:starts[0]] != markup[:now[0]]:
        return None
    root = html.etree_element
    elements = [e for e in root.iter() if e.tag in TAGS]
    if len(elements) != len(starts):
        return None
    starts.append(len(old))
    now.append(len(markup))
    parents = {child: parent for parent in root.iter() for child in parent}
    index = {id(e): n for n, e in enumerate(elements)}
    swap: dict[int, Any] = {}  # id of a paragraph (an outermost one) -> its new self
    for n in range(len(elements)):
        if old[starts[n]:starts[n + 1]] == markup[now[n]:now[n + 1]]:
            continue
        top = elements[n]
        while parents.get(top) is not None and parents[top].tag in TAGS:
            top = parents[top]
        at = index[id(top)]
        if id(top) not in swap:
            end = at + sum(1 for e in top.iter() if e.tag in TAGS)
            new = _alone(top, old[starts[at]:starts[end]], markup[now[at]:now[end]])
            if new is None:
                return None
            swap[id(top)] = new
    return _with(html, root, swap, parents) if swap else None


def _with(html: Any, root: Any, swap: dict[int, Any], parents: dict[Any, Any]) -> Any:
    """A copy of `html` whose tree has the elements `swap` says in place of those (by
    id): their ancestors copied, the rest shared with `root`."""
    import copy

    import cssselect2

    copied: set[int] = set()
    for element in root.iter():
        if id(element) in swap:
            while element in parents:
                element = parents[element]
                copied.add(id(element))

    def rebuilt(element: Any) -> Any:
        if id(element) in swap:
            return swap[id(element)]
        if id(element) not in copied:
            return element
        clone = element.makeelement(element.tag, dict(element.attrib))
        clone.text, clone.tail = element.text, element.tail
        clone.extend(rebuilt(child) for child in element)
        return clone

    again = copy.copy(html)
    again.wrapper_element = cssselect2.ElementWrapper.from_html_root(
        rebuilt(root), content_language=None)
    again.etree_element = again.wrapper_element.etree_element
    return again


START = re.compile(rf"<(?:{'|'.join(TAGS)})[\s>/]")
# what a paragraph is parsed in when alone: its tag -> the start tags before it
CONTEXT = {"li": "<ul>", "dd": "<dl>", "td": "<table><tbody><tr>"}


def _starts(markup: str) -> list[int]:
    body = markup.find("<body")
    return [m.start() for m in START.finditer(markup, max(0, body))]


def _alone(element: Any, old: str, new: str) -> Any | None:
    """The paragraph `element` as parsed from `new` (its markup up to the next paragraph
    that is not in it), when `old` parsed alone gives `element` and the two parse
    alike but inside it (its tail too); None when not."""
    was, now = _parsed_alone(element.tag, old), _parsed_alone(element.tag, new)
    if was is None or now is None or was[1] != now[1] or _own(was[0]) != _own(element):
        return None
    now[0].tail = element.tail  # (alone, it runs on to the next paragraph)
    return now[0]


def _own(element: Any) -> str:
    """`element` serialized, without its tail."""
    from xml.etree import ElementTree

    tail, element.tail = element.tail, None
    try:
        return ElementTree.tostring(element, encoding="unicode")
    finally:
        element.tail = tail


def _parsed_alone(tag: str, markup: str) -> tuple[Any, str] | None:
    """The first `tag` element of `markup` parsed alone, and the rest of it serialized
    (that element as an empty one with its tail)."""
    from xml.etree import ElementTree

    import tinyhtml5  # type: ignore[import-untyped]

    root = tinyhtml5.parse(f"<!DOCTYPE html><html><body>{CONTEXT.get(tag, '')}{markup}",
                           namespace_html_elements=False)
    body = next((e for e in root if e.tag == "body"), None)
    if body is None:
        return None
    parents = {child: parent for parent in body.iter() for child in parent}
    first = next(body.iter(tag), None)
    if first is None or first not in parents:
        return None
    parent = parents[first]
    at = list(parent).index(first)
    stand = first.makeelement(tag, {})
    stand.tail = first.tail
    parent[at] = stand
    rest = ElementTree.tostring(body, encoding="unicode")
    parent[at] = first
    return first, rest


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
