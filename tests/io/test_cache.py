"""smguide build skips what did not change: a content hash decides, not file times."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from smguide.io.buildcache import BuildCache, build_key
from smguide.resources import builtin
from tests.conftest import edit


def key(content: Path, out: Path, **settings: object) -> str | None:
    return build_key(content, builtin("brand") / "_brand.yml", None, settings, out)


def test_the_key_follows_bytes_not_times(content: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    first = key(content, out, paper="a4")
    chapter = content / "chapters" / "02-sales.yaml"
    os.utime(chapter, (1, 1))  # touched, not changed
    assert key(content, out, paper="a4") == first
    assert key(content, out, paper="letter") != first
    edit(chapter, "Sales at a glance", "Sales, at a glance")
    edited = key(content, out, paper="a4")
    assert edited != first
    (out / "junk").mkdir(parents=True)  # the output folder is never an input
    (out / "junk" / "x.txt").write_text("x")
    assert key(content, out, paper="a4") == edited


def test_a_new_version_of_an_engine_means_a_new_build(content: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from smguide.io import buildcache

    out = tmp_path / "output"
    installed = buildcache.installed_packages()
    assert any(name.startswith("weasyprint-") for name in installed)
    first = key(content, out)
    upgraded = [name.replace("weasyprint-", "weasyprint-999.") for name in installed]
    monkeypatch.setattr(buildcache, "installed_packages", lambda: upgraded)
    assert key(content, out) != first


def test_an_artefact_is_fresh_only_while_its_file_is_unchanged(tmp_path: Path) -> None:
    BuildCache(tmp_path, "k1").write("handbook.pdf", b"%PDF-1.7 one", 24)
    assert BuildCache(tmp_path, "k1").fresh("handbook.pdf") == {
        "inputs": "k1", "output": BuildCache(tmp_path, "k1").entries["handbook.pdf"]["output"],
        "pages": 24, "warnings": []}
    assert BuildCache(tmp_path, "k2").fresh("handbook.pdf") is None
    assert BuildCache(tmp_path, "k1", force=True).fresh("handbook.pdf") is None
    (tmp_path / "handbook.pdf").write_bytes(b"%PDF-1.7 two")
    assert BuildCache(tmp_path, "k1").fresh("handbook.pdf") is None
    (tmp_path / "handbook.pdf").unlink()
    assert BuildCache(tmp_path, "k1").fresh("handbook.pdf") is None
    (tmp_path / ".smguide-cache.json").write_text("not json")
    assert BuildCache(tmp_path, "k1").fresh("handbook.pdf") is None


def test_a_second_build_skips_and_force_rebuilds(run: Callable[..., Result], content: Path,
                                                 tmp_path: Path) -> None:
    args = ("build", "--content", str(content), "--brand",
            str(builtin("brand") / "_brand.yml"))
    assert run(*args).exit_code == 0
    pdf, deck = tmp_path / "output" / "handbook.pdf", tmp_path / "output" / "deck.pptx"
    stamps = (pdf.stat().st_mtime_ns, deck.stat().st_mtime_ns)
    again = run(*args)
    assert again.exit_code == 0 and "Up to date" in again.stderr
    assert (pdf.stat().st_mtime_ns, deck.stat().st_mtime_ns) == stamps
    deck.write_bytes(deck.read_bytes() + b"x")  # someone changed an output: rebuild it
    fixed = run(*args)
    assert fixed.exit_code == 0 and "Up to date" not in fixed.stderr
    assert pdf.stat().st_mtime_ns == stamps[0] and deck.stat().st_mtime_ns != stamps[1]
    forced = run(*args, "--force")
    assert forced.exit_code == 0 and pdf.stat().st_mtime_ns != stamps[0]


def test_font_widths_are_cached_by_the_font_files_hash(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """The deck measures text with cached advance widths, equal to fontTools' own; a
    broken cache file is read from the font again (and rewritten)."""
    from dataclasses import asdict

    from smguide.deck.textfit import load_metrics
    from smguide.io.usercache import read_font_widths
    from smguide.resources import FONTS_DIR

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    font = FONTS_DIR / "Lato-Bold.ttf"
    load_metrics.cache_clear()
    first = load_metrics(font, 1.15)
    files = list((tmp_path / "cache" / "smguide").glob("font-*.json"))
    assert len(files) == 1
    upm, _, widths = read_font_widths(font)
    assert first.advances == {code: units / upm * 1.15 for code, units in widths.items()}
    load_metrics.cache_clear()
    assert asdict(load_metrics(font, 1.15)) == asdict(first)  # from the cache
    files[0].write_text("[1, 2, [3]")
    load_metrics.cache_clear()
    assert asdict(load_metrics(font, 1.15)) == asdict(first)
    load_metrics.cache_clear()


def _render(folder: Path, name: str, html: bool = True, **data: object) -> str:
    from smguide.handbook.templating import make_env, render

    return render(make_env(folder, html=html), name, **data)


def test_compiled_templates_are_kept_and_reused_per_environment(tmp_path: Path,
                                                                 monkeypatch) -> None:  # noqa: ANN001
    """A template compiles once: the next command's environment runs the code kept in the
    user's cache (the template is not compiled again), an edited template compiles
    anew, and an environment that compiles differently (no autoescaping) never runs
    another's code."""
    from jinja2 import Environment

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html.j2").write_text("<p>{{ text }}</p>\n", encoding="utf-8")
    compiled: list[str] = []
    original = Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):  # noqa: ANN001, ANN202
        compiled.append(str(name))
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", counting)
    assert _render(folder, "page.html.j2", text="a < b") == "<p>a &lt; b</p>"
    assert compiled == ["page.html.j2"]
    kept = list((tmp_path / "cache" / "smguide" / "templates").iterdir())
    assert len(kept) == 1 and kept[0].stat().st_size > 0
    assert _render(folder, "page.html.j2", text="a < b") == "<p>a &lt; b</p>"
    assert compiled == ["page.html.j2"]  # from the cache
    assert _render(folder, "page.html.j2", html=False, text="a < b") == "<p>a < b</p>"
    assert compiled == ["page.html.j2"] * 2  # its own code
    (folder / "page.html.j2").write_text("<b>{{ text }}</b>\n", encoding="utf-8")
    assert _render(folder, "page.html.j2", text="x") == "<b>x</b>"
    assert len(compiled) == 3


def test_a_template_cache_that_cannot_be_used_is_skipped(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A cache folder that cannot be made (a file in its place) or that others may write
    to is not used, and a damaged cache file is compiled again: rendering goes on."""
    from smguide.io.templatecache import template_cache

    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html.j2").write_text("<p>{{ text }}</p>\n", encoding="utf-8")
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert template_cache() is None
    assert _render(folder, "page.html.j2", text="ok") == "<p>ok</p>"
    shared = tmp_path / "shared"
    (shared / "smguide" / "templates").mkdir(parents=True)
    (shared / "smguide" / "templates").chmod(0o777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared))
    assert template_cache() is None
    assert _render(folder, "page.html.j2", text="ok") == "<p>ok</p>"
    assert not list((shared / "smguide" / "templates").iterdir())
    own = tmp_path / "own"
    monkeypatch.setenv("XDG_CACHE_HOME", str(own))
    assert _render(folder, "page.html.j2", text="ok") == "<p>ok</p>"
    kept = own / "smguide" / "templates"
    assert kept.stat().st_mode & 0o077 == 0  # the user's only
    for damaged in kept.iterdir():
        damaged.write_bytes(b"j2 not marshalled code")
    assert _render(folder, "page.html.j2", text="again") == "<p>again</p>"


def _aged(path: Path, days: float, now: float, size: int = 10) -> Path:
    """A cache file of `size` bytes last read and written `days` days before `now`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    os.utime(path, (now - days * 86400, now - days * 86400))
    return path


def test_the_user_cache_loses_what_no_run_used_for_a_month_never_the_fonts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from smguide.io.usercache import prune_user_cache, user_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    now = 1_800_000_000.0
    root = user_cache()
    old = [_aged(root / "yaml" / "a.json", 31, now), _aged(root / "templates" / "b.cache", 40, now),
           _aged(root / "laid-c-0.1.0.json", 90, now)]
    kept = [_aged(root / "yaml" / "d.json", 29, now), _aged(root / "templates" / "e.cache", 1, now),
            _aged(root / "fit-chapters-0.1.0.json", 0, now),
            _aged(root / "fonts" / "Serif-Regular.ttf", 400, now),  # downloaded: never
            _aged(root / "fonts" / "nested" / "x.ttf", 400, now)]
    read = _aged(root / "yaml" / "f.json", 60, now)  # written long ago, read yesterday
    os.utime(read, (now - 86400, now - 60 * 86400))
    (root / "link.json").symlink_to(old[0])
    assert prune_user_cache(now) == 3
    assert not any(p.exists() for p in old) and all(p.exists() for p in [*kept, read])
    assert (root / "link.json").is_symlink()  # not followed, not removed


def test_beyond_its_size_the_user_cache_loses_the_least_recently_used_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from smguide.io.usercache import prune_user_cache, user_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    now = 1_800_000_000.0
    root = user_cache()
    files = [_aged(root / "yaml" / f"{n}.json", days, now, 400_000)
             for n, days in enumerate([5, 1, 3, 2, 4])]  # 2 MB in all
    assert prune_user_cache(now, megabytes=1.2) == 2  # 0.8 MB to go: the two oldest
    assert [p.exists() for p in files] == [False, True, True, True, False]
    assert prune_user_cache(now, megabytes=1.2) == 0


def test_the_user_cache_is_pruned_at_most_once_a_day(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from smguide.io.usercache import PRUNED, prune_when_due, user_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    now = 1_800_000_000.0
    root = user_cache()
    first = _aged(root / "yaml" / "a.json", 45, now)
    assert prune_when_due(now) == 1 and not first.exists()  # never pruned before
    assert (root / PRUNED).stat().st_mtime == now
    second = _aged(root / "yaml" / "b.json", 45, now)
    assert prune_when_due(now + 3600) == 0 and second.exists()  # pruned an hour ago
    assert prune_when_due(now + 25 * 3600) == 1 and not second.exists()


def test_a_build_prunes_the_user_cache(run: Callable[..., Result], content: Path,
                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    """`smguide slides` (as `pdf` and `build`) prunes the user cache when it is due: a
    compiled template unused for a month is gone, the ones it used are there."""
    import time

    from smguide.io.usercache import user_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    stale = _aged(user_cache() / "templates" / "stale.cache", 45, time.time())
    done = run("slides", "--content", str(content), "-o", str(tmp_path / "deck.pptx"))
    assert done.exit_code == 0, done.output
    assert not stale.exists() and list((user_cache() / "templates").iterdir())


def test_the_key_covers_the_code_of_every_subpackage(content: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade that changes a module deep in a subpackage (deck/, handbook/...) means
    a new build: the code is read recursively, so "Up to date" cannot lie."""
    import shutil

    from smguide.io import buildcache
    from smguide.resources import PACKAGE_DIR

    copy = tmp_path / "smguide"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(buildcache, "PACKAGE_DIR", copy)
    out = tmp_path / "output"
    first = key(content, out)
    deep = copy / "deck" / "tables.py"
    deep.write_text(deep.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert key(content, out) != first
