"""The handbook bound from its parts laid out alone (handbook/binding.py) is the same book
as the handbook laid out whole: page by page the same text and picture, the same outline,
links, fonts and checks (bench/samebook.py compares every edition; here the default one)."""

from __future__ import annotations

import importlib.util
import io
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from smguide.cli import main
from smguide.resources import builtin

REPO = Path(__file__).resolve().parents[2]


def samebook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("samebook", REPO / "bench" / "samebook.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["samebook"] = module
    spec.loader.exec_module(module)
    return module


def build(out: Path, monkeypatch: pytest.MonkeyPatch, cache: Path, *options: str) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    result = CliRunner().invoke(main, ["pdf", "--content", str(builtin("content")),
                                       "--brand", str(builtin("brand") / "_brand.yml"),
                                       *options, "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def test_the_bound_handbook_is_the_handbook_laid_out_whole(
        default_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMGUIDE_WHOLE_LAYOUT", "1")
    whole = build(tmp_path / "whole.pdf", monkeypatch, tmp_path / "cache")
    found = samebook().compare(whole, default_pdf)
    assert found.same(), found.line()
    assert found.pages[0] >= 24


def test_a_handbook_whose_chapters_do_not_start_on_a_right_page_is_laid_out_whole(
        tmp_path: Path) -> None:
    """A chapter laid out alone starts on a right-hand page; when in the whole it would
    not, the handbook is not bound from its parts (render gives None), and it is laid
    out whole."""
    from smguide.handbook.engine import import_weasyprint
    from smguide.handbook.layouts import Layouts
    from smguide.handbook.manuscript import Manuscript
    from smguide.safety.fetcher import make_fetcher

    import_weasyprint()
    chapters = ("one", "two")
    html = ("<html><head><meta charset='utf-8'></head><body><h1>Contents</h1>"
            + "".join(f"<section class='chapter' id='{name}'><h1>{name}</h1><p>Text</p>"
                      f"<div id='{name}--end'></div></section>" for name in chapters)
            + "</body></html>")
    stylesheet = tmp_path / "handbook.css"
    stylesheet.write_text("@page { size: A6; @bottom-right { content: counter(page) ' of '"
                          " counter(pages) } }\n.chapter { break-before: %s }\n", "utf-8")
    from smguide.handbook.fitting import Fit

    manuscript = Manuscript(html=html, base_url=tmp_path.as_uri() + "/",
                            stylesheet=stylesheet, stylesheets=(), allowed=(tmp_path,),
                            template_dirs=(tmp_path,), fit=Fit(0, 500, 0, chapters),
                            in_parts=True)
    for side, bound in (("right", True), ("page", False)):
        stylesheet.write_text(stylesheet.read_text("utf-8").replace("%s", side), "utf-8")
        layouts = Layouts(manuscript, html, make_fetcher([tmp_path]))
        assert layouts.binding is not None
        parts = layouts.binding.render(layouts.parse(html), "")
        assert (parts is not None) is bound
        whole = layouts.laid(layouts.parse(html), "")
        if parts is not None:  # numbered as in the whole: "N of M" on every page
            assert len(parts.pages) == len(whole.pages) == 5  # contents, blank, one, blank, two
            reader = PdfReader(io.BytesIO(parts.write_pdf()))
            folios = [page.extract_text().split()[-3:] for page in reader.pages]
            assert folios == [[str(n), "of", "5"] for n in range(1, 6)]
        stylesheet.write_text(stylesheet.read_text("utf-8").replace(side, "%s"), "utf-8")
    assert replace(manuscript, in_parts=False).in_parts is False


def small_book(tmp_path: Path, front_pages: int) -> tuple[Any, str]:
    """Layouts of a small book: `front_pages` of front matter whose contents give each
    chapter's first page, and three chapters of 1, 3 and 2 pages."""
    from smguide.handbook.engine import import_weasyprint
    from smguide.handbook.fitting import Fit
    from smguide.handbook.layouts import Layouts
    from smguide.handbook.manuscript import Manuscript
    from smguide.safety.fetcher import make_fetcher

    import_weasyprint()
    lengths = {"one": 1, "two": 3, "three": 2}
    front = "".join(f"<div class='front'>Front {n}</div>" for n in range(front_pages - 1))
    html = ("<html><head><meta charset='utf-8'></head><body>" + front
            + "<nav><h1>Contents</h1>" + "".join(f"<p><a href='#{name}'>{name}</a></p>"
                                                 for name in lengths) + "</nav>"
            + "".join(f"<section class='chapter' id='{name}'><h1>{name}</h1>"
                      + "<p class='page'>Text</p>" * pages + "</section>"
                      for name, pages in lengths.items()) + "</body></html>")
    stylesheet = tmp_path / "handbook.css"
    stylesheet.write_text("@page { size: A6; @bottom-right { content: counter(page) } }\n"
                          ".chapter { break-before: right } .front { break-after: page }\n"
                          ".page + .page { break-before: page }\n"
                          "a::after { content: ' p. ' target-counter(attr(href), page) }\n",
                          "utf-8")
    manuscript = Manuscript(html=html, base_url=tmp_path.as_uri() + "/",
                            stylesheet=stylesheet, stylesheets=(), allowed=(tmp_path,),
                            template_dirs=(tmp_path,), fit=Fit(0, 500, 0, tuple(lengths)),
                            in_parts=True)
    return Layouts(manuscript, html, make_fetcher([tmp_path])), html


@pytest.mark.parametrize("front_pages", [1, 3])
def test_the_front_matter_is_laid_out_once_whatever_its_length(
        tmp_path: Path, front_pages: int) -> None:
    """The contents give each chapter's first page: numbered from the first chapter's,
    the front matter is laid out once, as long as it comes out, and says what the
    handbook laid out whole says."""
    layouts, html = small_book(tmp_path, front_pages)
    binding = layouts.binding
    assert binding is not None
    laid: list[str] = []
    lay = binding.lay

    def counted(alone: Any, css: str) -> Any:
        laid.append("front" if "Contents" in "".join(alone.etree_element.itertext())
                    else "chapter")
        return lay(alone, css)

    binding.lay = counted
    bound = binding.render(layouts.parse(html), "")
    assert bound is not None and laid.count("front") == 1 and laid.count("chapter") == 3
    whole = layouts.laid(layouts.parse(html), "")
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(bound.write_pdf())).pages]
    assert texts == [page.extract_text()
                     for page in PdfReader(io.BytesIO(whole.write_pdf())).pages]
    contents = next(text for text in texts if "Contents" in text)
    starts = {name: next(n for n, text in enumerate(texts, 1) if text.startswith(name))
              for name in ("one", "two", "three")}
    for name, page in starts.items():
        assert f"{name} p. {page}" in contents
    assert starts["one"] % 2 == 1 and starts["two"] - starts["one"] == 2  # one + a blank


def test_a_chapters_trials_are_dropped_but_the_one_chosen(tmp_path: Path) -> None:
    layouts, html = small_book(tmp_path, 1)
    binding = layouts.binding
    assert binding is not None
    loose = '.chapter[id="two"] > p { margin-top: 1mm }'
    tight = '.chapter[id="two"] > p { margin-top: 0 }'
    kept = layouts.trial(loose, "two", html)
    dropped = layouts.trial(tight, "two", html)
    other = layouts.trial("", "one", html)
    assert len(binding.parts) == 3
    binding.forget("two", loose)
    assert len(binding.parts) == 2
    assert layouts.trial(loose, "two", html).pages[0] is kept.pages[0]  # the same part
    assert layouts.trial(tight, "two", html).pages[0] is not dropped.pages[0]  # anew
    assert layouts.trial("", "one", html).pages[0] is other.pages[0]  # another chapter's
    binding.forget("two")
    assert len(binding.parts) == 1


def test_a_chapter_laid_out_with_its_breaks_taken_back_is_the_part_the_book_binds(
        tmp_path: Path) -> None:
    """A chapter laid out alone less the soft hyphens of some words (settled.py, as soon
    as its spacing is chosen) is the part of the HTML that lost them: binding that HTML
    lays the chapter out no more."""
    from smguide.handbook.breaks import SHY, take_back

    layouts, html = small_book(tmp_path, 1)
    html = html.replace("<h1>two</h1>", f"<h1>two</h1><p>hy{SHY}phen{SHY}ated once</p>")
    binding = layouts.binding
    assert binding is not None
    settled = layouts.trial("", "two", html, dropped=frozenset({0}))
    assert SHY not in "".join(box.text for page in settled.pages
                              for box in page._page_box.descendants()
                              if hasattr(box, "text") and isinstance(box.text, str))
    laid: list[str] = []
    lay = binding.lay

    def counted(alone: Any, css: str) -> Any:
        laid.extend(e.get("id") for e in alone.etree_element.iter()
                    if e.get("class") == "chapter")  # (the front matter has their ids too)
        return lay(alone, css)

    binding.lay = counted
    bound = binding.render(layouts.parse(take_back(html, {0})), "")
    assert bound is not None and "two" not in laid and {"one", "three"} <= set(laid)
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(bound.write_pdf())).pages]
    assert any("hyphenated once" in text for text in texts)


def test_a_handbook_bound_to_read_its_flow_has_no_margin_boxes_and_leaves_them_numbered(
        tmp_path: Path) -> None:
    """Bound not `numbered` (the paragraphs' settings tried, rags.py), the pages are the
    numbered ones' flow without their running heads and folios, from the same parts laid
    out once; the numbered pages bound after and before keep their margin boxes."""
    from weasyprint.formatting_structure import boxes

    layouts, html = small_book(tmp_path, 1)
    binding = layouts.binding
    assert binding is not None

    def margins(document: Any) -> list[int]:
        return [sum(isinstance(box, boxes.MarginBox) for box in page._page_box.children)
                for page in document.pages]

    def flow(document: Any) -> list[list[str]]:
        return [[box.text for box in page._page_box.descendants()
                 if isinstance(box, boxes.TextBox)
                 and not any(box in m.descendants() for m in page._page_box.children
                             if isinstance(m, boxes.MarginBox))]
                for page in document.pages]

    before = binding.render(layouts.parse(html), "")
    assert before is not None and sum(margins(before)) > 0
    numbers = margins(before)
    laid: list[Any] = []
    lay = binding.lay
    binding.lay = lambda alone, css: laid.append(alone) or lay(alone, css)
    bare = binding.render(layouts.parse(html), "", numbered=False)
    assert bare is not None and not laid  # the parts laid out before
    assert sum(margins(bare)) == 0 and flow(bare) == flow(before)
    assert margins(before) == numbers  # the pages bound before keep theirs
    after = binding.render(layouts.parse(html), "")
    assert after is not None and margins(after) == numbers and flow(after) == flow(before)
    assert after.write_pdf() == before.write_pdf()


def test_a_chapter_opened_on_the_left_is_bound_from_its_part_as_laid_out_whole(
        tmp_path: Path) -> None:
    """A chapter the fitting opens on the left-hand page after a notes page (facing.py)
    is laid out from a left-hand page and the part before it ends without the notes
    page: the bound handbook is the one laid out whole, page for page and side for
    side, its contents pointing where the chapters start."""
    from smguide.handbook.facing import left_css

    layouts, html = small_book(tmp_path, 1)  # contents, notes, one, notes, two (3), notes
    binding = layouts.binding
    assert binding is not None
    css = left_css(["two"])
    bound = binding.render(layouts.parse(html), css)
    assert bound is not None
    whole = layouts.laid(layouts.parse(html), css)

    def sides(document: Any) -> list[str]:
        return [page._page_box.page_type.side for page in document.pages]

    texts = [page.extract_text() for page in PdfReader(io.BytesIO(bound.write_pdf())).pages]
    assert texts == [page.extract_text()
                     for page in PdfReader(io.BytesIO(whole.write_pdf())).pages]
    assert sides(bound) == sides(whole)
    starts = {name: next(n for n, text in enumerate(texts, 1) if text.startswith(name))
              for name in ("one", "two", "three")}
    assert starts == {"one": 3, "two": 4, "three": 7}  # two on the left, after one
    assert sides(bound)[3] == "left" and len(bound.pages) == 8
    contents = next(text for text in texts if "Contents" in text)
    for name, page in starts.items():
        assert f"{name} p. {page}" in contents
