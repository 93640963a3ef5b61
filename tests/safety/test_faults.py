"""Faults a fuzzing campaign found: each is a one-line message naming the place, never a
traceback; a user's value quoted in a message cannot break it into several lines."""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from smguide.sources.yamlsource import YamlProblem, parse_yaml
from tests.conftest import edit, template_overrides

OURS = re.compile(r"^(Error|Warning): |^\d+ problems? found; nothing was written\.$"
                  r"|^(Checked|Building|Wrote|Built) |^\[\d+/\d+\] ")


def our_lines(result: Result) -> list[str]:
    """The lines smguide printed; each one must be a whole message of ours."""
    lines = result.output.splitlines()
    assert "Traceback" not in result.output
    assert all(OURS.match(line) for line in lines), result.output
    return lines


# -- YAML: infinite numbers and tags ---------------------------------------------------


@pytest.mark.parametrize("number", [".inf", "-.inf", "+.Inf", ".nan", ".NaN", "1e999"])
def test_an_infinite_or_undefined_number_is_refused_where_it_is(number: str) -> None:
    for text, position in ((f"width: {number}\n", (1, 8)),
                           (f"blocks:\n  - {number}\n", (2, 5)),
                           (f"a: [1, {number}]\n", (1, 8))):
        with pytest.raises(YamlProblem) as caught:
            parse_yaml(text)
        assert (caught.value.line, caught.value.column) == position
        assert caught.value.message == (
            f"{number} is not a number smguide can use (infinite or not a number); write a "
            "number, or put it in quotes if it is meant as text")
    assert parse_yaml(f'edition: "{number}"\n').data == {"edition": number}  # quoted: text
    assert parse_yaml("a: .5\nb: -.5e3\nc: 1.\n").data == {"a": 0.5, "b": -500.0, "c": 1.0}


@pytest.mark.parametrize(("where", "old", "new", "line_of"), [
    ("content/guide.yaml", "edition: First edition", "edition: .inf", "edition:"),
    ("content/chapters/02-sales.yaml", "  - type: prose\n    heading: The core job",
     "  - type: prose\n    width: -.inf\n    heading: The core job", "width:"),
    ("brand/_brand.yml", "line-height: 1.45", "line-height: .nan", "line-height:"),
])
def test_check_and_build_refuse_an_infinite_number_with_its_place(
        where: str, old: str, new: str, line_of: str, content: Path, brand_dir: Path,
        run: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / where
    edit(path, old, new)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if line_of in text)
    key, value = path.read_text().splitlines()[line - 1].split(": ")
    column = len(key) + 3
    for command in ("check", "build"):
        result = run(command)
        assert result.exit_code == 1, result.output
        errors = [text for text in our_lines(result) if text.startswith("Error: ")]
        assert errors == [f"Error: {where}:{line}:{column}: {value} is not a "
                          "number smguide can use (infinite or not a number); write a number, "
                          "or put it in quotes if it is meant as text"]
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize(("value", "shown"), [
    ("!foo [a]", "!foo"), ("!!map {}", "!!map"), ("!!seq [1]", "!!seq"), ("! {a: 1}", "!"),
    ("!!str text", "!!str"), ("!x\n  - a", "!x"), ("!!python/object:os.system ls",
                                                    "!!python/object:os.system"),
])
def test_a_tag_on_text_a_list_or_a_group_is_refused(value: str, shown: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(f"title: ok\nitems: {value}\n")
    assert (caught.value.line, caught.value.column, caught.value.message) == (
        2, 8, f"the tag {shown} is not supported; remove it")


def test_check_names_the_place_of_a_tagged_list(content: Path,
                                                run: Callable[..., Result]) -> None:
    edit(content / "guide.yaml", "chapters:\n", "chapters: !ordered\n")
    result = run("check")
    assert result.exit_code == 1
    assert our_lines(result)[0] == ("Error: content/guide.yaml:6:11: the tag !ordered is not "
                                    "supported; remove it")


# -- messages: one problem, one line ---------------------------------------------------


def test_quote_escapes_what_could_break_or_forge_a_line() -> None:
    from smguide.errors import one_line, quote

    assert quote('a\nError: b "c" \\ \u202e\x1b[31m\u2028z') == (
        '"a\\nError: b \\"c\\" \\\\ \\u202e\\u001b[31m\\u2028z"')
    assert quote("x" * 80) == '"' + "x" * 57 + '..."'
    assert quote("Zoë Ørsted 王伟") == '"Zoë Ørsted 王伟"'
    assert one_line("plain, ünïcode text") == "plain, ünïcode text"
    assert one_line("two\r\nlines\x85") == "two\\r\\nlines\\u0085"


FORGED = "\\nError: content/guide.yaml:1:1: title: forged\\n"  # YAML escapes: line breaks


@pytest.mark.parametrize(("where", "old", "new"), [
    ("content/chapters/02-sales.yaml", "  - type: role", f'  - type: "role{FORGED}"'),
    ("content/chapters/02-sales.yaml", "blocks:\n", f'blocks:\n  - "not a block{FORGED}"\n'),
    ("content/chapters/02-sales.yaml", "title: What", f'"title{FORGED}": x\ntitle: What'),
    ("content/guide.yaml", "  - chapters/00-welcome.yaml", f'  - "chapters/0{FORGED}.yaml"'),
    ("content/guide.yaml", "language: en", f'language: "e{FORGED}"'),
    ("brand/_brand.yml", 'forest: "#2f6b4f"', f'forest: "#2f6b4f{FORGED}"'),
    ("brand/_brand.yml", "path: logo.svg", f'path: "logo{FORGED}.svg"'),
])
def test_a_value_with_line_breaks_stays_on_its_message_line(
        where: str, old: str, new: str, content: Path, brand_dir: Path,
        run: Callable[..., Result], tmp_path: Path) -> None:
    edit(tmp_path / where, old, new)
    result = run("check")
    assert result.exit_code == 1
    lines = our_lines(result)
    assert not any(line.startswith("Error: content/guide.yaml:1:1: title: forged")
                   for line in lines), result.output
    assert any(FORGED.rstrip("\\n") in line for line in lines if line.startswith("Error: ")
               ), result.output


def test_a_roster_value_with_line_breaks_stays_on_its_message_line(
        run: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "hires.csv").write_text(
        'name,team,start_date\nAnn,"Sales\nError: hires.csv:9: name: forged",2026-01-01\n'
        'Bob,Sales,"2026\n13-01"\n', encoding="utf-8")
    result = run("pdf", "--roster", "hires.csv")
    assert result.exit_code == 1
    lines = [line for line in our_lines(result) if line.startswith("Error: ")]
    assert lines == [
        'Error: hires.csv:2: team: unknown team "Sales\\nError: hires.csv:9: name: forged"; '
        "expected one of Sales, Marketing (teams are the roles in the content)",
        'Error: hires.csv:4: start_date: "2026\\n13-01" is not a date smguide reads; '
        "write it as year-month-day with dashes, e.g. 2026-03-01 for 1 March 2026"]
    assert not (tmp_path / "output").exists()


# -- symbolic links that lead back to themselves ----------------------------------------


LOOPS = {
    "a chapter linked to itself": ("content/chapters/01-mixed-up.yaml", None,
                                   "Error: content/guide.yaml:8:5: chapter 2: "
                                   '"chapters/01-mixed-up.yaml": '),
    "two chapter links to each other": ("content/chapters/01-mixed-up.yaml",
                                        "content/chapters/other.yaml",
                                        "Error: content/guide.yaml:8:5: chapter 2: "
                                        '"chapters/01-mixed-up.yaml": '),
    "guide.yaml": ("content/guide.yaml", None, "Error: content/guide.yaml:1:1: "),
    "labels.yaml": ("content/labels.yaml", None, "Error: content/labels.yaml:1:1: "),
    "the brand file": ("brand/_brand.yml", None, "Error: brand/_brand.yml:1:1: "),
    "the logo": ("brand/logo.svg", None, 'Error: brand/_brand.yml:12:7: logo.images.mark.path: '
                  '"logo.svg": '),
    "a template": ("templates/handbook/chapter.html.j2", None,
                   "Error: templates/handbook/chapter.html.j2: the template is"),
}


@pytest.mark.parametrize("case", list(LOOPS))
def test_a_symbolic_link_loop_is_one_line_naming_it(
        case: str, content: Path, brand_dir: Path, run: Callable[..., Result],
        tmp_path: Path) -> None:
    target, partner, start = LOOPS[case]
    template_overrides(tmp_path / "templates", {"handbook/toc.html.j2": "{# mine #}"})
    link = tmp_path / target
    link.unlink(missing_ok=True)
    if partner:
        os.symlink(Path(partner).name, tmp_path / partner)
        os.symlink(Path(partner).name, link)
        (tmp_path / partner).unlink()
        os.symlink(link.name, tmp_path / partner)
    else:
        os.symlink(link.name, link)
    result = run("check")
    assert result.exit_code == 1, result.output
    errors = [line for line in our_lines(result) if line.startswith("Error: ")]
    assert len(errors) == 1 and errors[0].startswith(start), result.output
    assert "symbolic link that leads back to itself (a link loop)" in errors[0]


# -- a font the brand names as installed, that is not ------------------------------------


def fontconfig_family(family: str) -> str:
    return subprocess.run(["fc-match", "--format=%{family[0]}", family], capture_output=True,
                          text=True, check=True).stdout


def system_font_brand(brand_dir: Path, family: str) -> Path:
    path = brand_dir / "_brand.yml"
    edit(path, "typography:\n",
         f"typography:\n  fonts:\n    - family: {family}\n      source: system\n")
    edit(path, "family: Lato\n    size", f"family: {family}\n    size")
    return path


def test_a_system_font_that_is_not_installed_is_a_warning_naming_the_substitute(
        brand_dir: Path, run: Callable[..., Result], tmp_path: Path) -> None:
    from pptx import Presentation

    from smguide.commands.build import load
    from smguide.model.options import Sources
    from smguide.resources import builtin

    family = "Nonexistent Sans Test"
    brand = system_font_brand(brand_dir, family)
    # the handbook sets the bundled Lato (never a font the machine happens to substitute)
    # and the deck, measured with Lato, still names the brand's font
    warning = (f'Warning: brand/_brand.yml:37:5: typography.base.family: the font "{family}" '
               "is not on this computer (nor in the brand's folder or smguide's font cache); "
               'the handbook uses the bundled Lato instead and the deck names "Nonexistent '
               "Sans Test\" (text fitted with Lato's measures); install it on this computer, "
               "or put its .ttf/.otf files beside the brand file under typography.fonts "
               "(source: file)")
    checked = run("check", "--brand", str(brand))
    assert checked.exit_code == 0, checked.output
    assert warning in our_lines(checked)
    deck = run("slides", "--brand", str(brand))
    assert deck.exit_code == 0, deck.output
    assert warning in our_lines(deck)
    slides = Presentation(str(tmp_path / "output" / "deck.pptx")).slides
    assert len(slides) > 10
    # pdf and build load the brand the same way, so they print the same warning
    loaded = load(Sources(content=builtin("content"), brand=brand, templates=None))
    assert [w.text() for w in loaded[2]] == [warning]
    assert [(w.file, w.line, w.column, w.field) for w in loaded[2]] == [
        ("brand/_brand.yml", 37, 5, "typography.base.family")]


def test_an_installed_system_font_measures_the_deck_without_a_warning(
        brand_dir: Path, run: Callable[..., Result]) -> None:
    assert fontconfig_family("DejaVu Sans") == "DejaVu Sans"
    brand = system_font_brand(brand_dir, "DejaVu Sans")
    checked = run("check", "--brand", str(brand))
    assert checked.exit_code == 0, checked.output
    assert not any(line.startswith("Warning") for line in our_lines(checked))


# -- two builds into one output folder ---------------------------------------------------


class InstantWorker:
    """Stands in for a render child: the "rendering" is the guide's title, at once."""

    def __init__(self, *_: object) -> None:
        import multiprocessing

        self._replies, self._send = multiprocessing.Pipe(duplex=False)
        self.data = b""

    def submit(self, job: object, guide: Any, *_: object, **__: object) -> None:
        self.data = b"%PDF " + guide.title.encode()
        self._send.send(True)

    def result(self, seconds: float | None = None) -> tuple[bytes, int, list[str]]:
        return self.data, 1, []

    @property
    def reply(self) -> Any:
        return self._replies

    def __enter__(self) -> InstantWorker:
        return self

    def __exit__(self, *_: object) -> None:
        self._send.close()
        self._replies.close()


def test_a_build_never_records_the_file_another_build_wrote_meanwhile(
        content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Build A is interrupted just after its handbook.pdf is in place and before it records
    it: build B (other content, same folder) runs in that gap. A's record must not call B's
    file A's, so a later build of A's content rebuilds (it said "up to date" before)."""
    import shutil
    import threading

    from smguide.commands import build
    from smguide.io.buildcache import BuildCache, build_key
    from smguide.model.options import DeckOptions, PrintOptions, Sources
    from smguide.resources import builtin

    monkeypatch.setattr(build, "Worker", InstantWorker)
    monkeypatch.setattr(build, "submit_handbook",
                        lambda worker, guide, *_: worker.submit(None, guide))
    other = tmp_path / "other"
    shutil.copytree(content, other)
    edit(other / "guide.yaml", "title: Sales and Marketing", "title: Somebody Else's Guide")
    brand, out = builtin("brand") / "_brand.yml", tmp_path / "output"

    def run_build(folder: Path) -> None:
        key = build_key(folder, brand, None, {}, out)
        build.build_both(Sources(folder, brand, None), out, PrintOptions(),
                         DeckOptions(), cache=BuildCache(out, key))

    real_replace, gap = os.replace, threading.Event()
    other_build = threading.Thread(target=run_build, args=(other,))

    def replace(source: Any, target: Any) -> None:
        real_replace(source, target)
        if str(target).endswith("handbook.pdf") and not gap.is_set() and \
                threading.current_thread() is not other_build:
            gap.set()
            other_build.start()
            other_build.join(timeout=3)  # B finishes here, unless A's lock makes it wait

    monkeypatch.setattr(os, "replace", replace)
    run_build(content)
    other_build.join(timeout=10)
    assert gap.is_set() and not other_build.is_alive()
    # the title as the guide prints it (a plain-text field is typeset: Else’s)
    assert (out / "handbook.pdf").read_bytes() == "%PDF Somebody Else’s Guide".encode()
    key = build_key(content, brand, None, {}, out)
    assert BuildCache(out, key).fresh("handbook.pdf") is None  # A's content: build again
    other_key = build_key(other, brand, None, {}, out)
    assert BuildCache(out, other_key).fresh("handbook.pdf") is not None


# -- a roster run is one transaction ------------------------------------------------------


HIRES = "name,team\nAnn Lee,Sales\nBob Ray,Marketing\nCy Dee,Sales\n"


@pytest.fixture(scope="module")
def roster_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A starter project (short, so fast) with a first roster run's copies in output/."""
    import subprocess
    import sys

    root = tmp_path_factory.mktemp("roster") / "project"
    subprocess.run([sys.executable, "-m", "smguide", "init", str(root)], check=True,
                   capture_output=True)
    (root / "hires.csv").write_text(HIRES, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "smguide", "pdf", "--roster", "hires.csv",
                    "--merge"], cwd=root, check=True, capture_output=True)
    (root / "output" / "handbooks" / "keep").mkdir()
    (root / "output" / "handbooks" / "keep" / "notes.txt").write_text("mine")
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too), by relative name."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def project_copy(roster_project: Path, tmp_path: Path) -> Path:
    import shutil

    root = tmp_path / "project"
    shutil.copytree(roster_project, root)
    edit(root / "content" / "guide.yaml", "title: ", "title: New ")  # new copies differ
    return root


def copy_title(pdf: Path) -> str:
    from pypdf import PdfReader

    return str(PdfReader(pdf).metadata.title)


def test_a_full_disk_during_a_roster_run_leaves_every_copy_as_it_was(
        roster_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills while the second copy is written (the write fails at its fsync)."""
    import errno

    from click.testing import CliRunner

    from smguide.cli import main

    root = project_copy(roster_project, tmp_path)
    before = snapshot(root / "output")
    real_fsync, written = os.fsync, []

    def fsync(fd: int) -> None:
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(root / "output")):
            written.append(fd)
            if len(written) == 2:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.chdir(root)
    monkeypatch.setattr(os, "fsync", fsync)
    result = CliRunner().invoke(main, ["pdf", "--roster", "hires.csv", "--merge"])
    assert result.exit_code == 1, result.output
    assert "No space left on device" in our_lines(result)[-1]
    assert snapshot(root / "output") == before  # not one copy new, no temp file


KILL_DRIVER = """
import os, signal, sys
from pathlib import Path
from smguide.io import transaction

point = sys.argv[1]
folder = Path(sys.argv[2])
kill = lambda: os.kill(os.getpid(), signal.SIGKILL)
real_exchange, real_finish, real_rename = transaction._exchange, transaction._finish, os.rename
if point == "no-exchange":
    transaction._exchange = lambda a, b: False
    renames = []
    def rename(a, b):
        real_rename(a, b)
        renames.append(b)
        if len(renames) == 1 and not Path(a).name.startswith(transaction.PREFIX):
            kill()
    os.rename = rename
if point == "after-swap":
    transaction._finish = lambda *a: kill()
if point == "moving-beside":
    transaction._move = lambda *a: kill()
with transaction.FolderTransaction(folder) as tx:
    for n, name in enumerate(("a.pdf", "b.pdf", "c.pdf")):
        tx.put(folder / name, b"new " + name.encode())
        if point == "staging" and n == 1:
            kill()
    tx.put(folder.parent / "all.pdf", b"new all")
    if point == "ready":
        transaction._exchange = lambda a, b: kill()
"""


@pytest.mark.parametrize(("point", "committed"), [
    ("staging", False), ("ready", False), ("no-exchange", False), ("after-swap", True),
    ("moving-beside", True)])
def test_a_transaction_killed_anywhere_is_all_old_or_all_new(
        point: str, committed: bool, tmp_path: Path) -> None:
    import subprocess
    import sys

    from smguide.io.transaction import recover

    folder = tmp_path / "out" / "handbooks"
    (folder / "mine").mkdir(parents=True)
    (folder / "mine" / "notes.txt").write_text("mine")
    for name in ("a.pdf", "b.pdf", "c.pdf", "d.pdf"):
        (folder / name).write_bytes(b"old " + name.encode())
    (folder / ".b.pdf.abcd1234.tmp").write_bytes(b"left by an older killed write")
    (folder.parent / "all.pdf").write_bytes(b"old all")
    done = subprocess.run([sys.executable, "-c", KILL_DRIVER, point, str(folder)])
    assert done.returncode == -9
    names = ("a.pdf", "b.pdf", "c.pdf")
    state = "new" if committed else "old"
    if point == "no-exchange":  # a file system without RENAME_EXCHANGE: between two renames
        assert not folder.exists() and (folder.parent / ".smguide-previous-handbooks").is_dir()
    else:
        copies = {name: (folder / name).read_bytes() for name in names}
        assert copies == {name: f"{state} {name}".encode() for name in names}  # never mixed
    recover(folder.parent, folder.name)  # what the next run does first
    assert snapshot(folder.parent) == {
        **{f"handbooks/{name}": f"{state} {name}".encode() for name in names},
        "handbooks/d.pdf": b"old d.pdf", "handbooks/mine/notes.txt": b"mine",
        "all.pdf": f"{state} all".encode()}


def test_a_roster_run_killed_while_writing_leaves_the_old_copies_and_the_next_run_cleans_up(
        roster_project: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    root = project_copy(roster_project, tmp_path)
    before = snapshot(root / "output")
    driver = ("import os, signal, sys\nreal, count = os.fsync, []\n"
              "def fsync(fd):\n"
              "    if os.readlink(f'/proc/self/fd/{fd}').startswith(sys.argv[1]):\n"
              "        count.append(fd)\n"
              "        if len(count) == 2: os.kill(os.getpid(), signal.SIGKILL)\n"
              "    real(fd)\n"
              "os.fsync = fsync\n"
              "from smguide.cli import main\n"
              "main(['pdf', '--roster', 'hires.csv', '--merge'])\n")
    temp = tmp_path / "tmp"  # the runs' temp folder, to see what a killed one leaves there
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    killed = subprocess.run([sys.executable, "-c", driver, str(root / "output")], cwd=root,
                            capture_output=True, text=True, env=env)
    assert killed.returncode == -9, killed.stderr
    assert {k: v for k, v in snapshot(root / "output").items()
            if not k.startswith(".smguide-staging-")} == before
    left = [p for p in temp.iterdir() if p.name.startswith("smguide-roster-")]
    assert left and any(p.name.startswith("copy-") for p in left[0].iterdir())  # the pages
    for folder in temp.iterdir():  # older than the minute a new folder is spared
        os.utime(folder, (time.time() - 120, time.time() - 120))
    again = subprocess.run([sys.executable, "-m", "smguide", "pdf", "--roster", "hires.csv",
                            "--merge"], cwd=root, capture_output=True, text=True, env=env)
    assert again.returncode == 0, again.stderr
    assert [p.name for p in temp.iterdir() if p.name.startswith("smguide-")] == []
    after = snapshot(root / "output")
    assert sorted(after) == sorted(before)  # nothing left over, nothing lost
    assert after["handbooks/keep/notes.txt"] == b"mine"
    for name in ("ann-lee", "bob-ray", "cy-dee"):
        assert copy_title(root / "output" / "handbooks" / f"{name}.pdf").startswith("New ")
    assert copy_title(root / "output" / "handbooks-all.pdf").startswith("New ")


# -- check refuses what the PDF engine refuses ---------------------------------------------


REPO_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
OUTSIDE = "/etc/hostname"  # a file every machine has, outside the allowed folders
HEAD = '{% extends "builtin/handbook/base.html.j2" %}{% block head %}BLOCK{% endblock %}'
ENGINE_REFUSALS = {
    "a CSS url() in handbook.css": {
        "handbook/handbook.css": f'h1 {{ background-image: url("{OUTSIDE}"); }}\n'},
    "an <img> outside the folders": {
        "handbook/handbook.html.j2": HEAD.replace("BLOCK", "")
        .replace("{% block head %}{% endblock %}",
                 '{% block cover %}<img src="file://' + OUTSIDE + '" alt="x">{% endblock %}')},
    "a stylesheet over http": {
        "handbook/handbook.html.j2": HEAD.replace(
            "BLOCK", '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">')},
    "an @page background outside": {
        "handbook/handbook.html.j2": HEAD.replace(
            "BLOCK", f'<style>@page {{ background: url("{OUTSIDE}") }}</style>')},
    "an attachment": {
        "handbook/handbook.html.j2": HEAD.replace(
            "BLOCK", '<link rel="attachment" href="handbook/handbook.css">')},
    "a link to a local file": {
        "handbook/handbook.html.j2": HEAD.replace("BLOCK", "").replace(
            "{% block head %}{% endblock %}",
            '{% block cover %}<a href="file:///etc/passwd">x</a>{% endblock %}')},
}


@pytest.fixture(scope="module")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A starter project: two short chapters, so laying it out is quick."""
    import subprocess
    import sys

    root = tmp_path_factory.mktemp("small") / "project"
    subprocess.run([sys.executable, "-m", "smguide", "init", str(root)], check=True,
                   capture_output=True)
    return root


@pytest.mark.parametrize("case", list(ENGINE_REFUSALS))
def test_check_refuses_a_template_resource_the_pdf_engine_refuses(
        case: str, small_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        run: Callable[..., Result]) -> None:
    import shutil

    root = tmp_path / "project"
    shutil.copytree(small_project, root)
    files = dict(ENGINE_REFUSALS[case])
    if "handbook/handbook.css" in files:
        files["handbook/handbook.css"] = ((REPO_TEMPLATES / "handbook" / "handbook.css")
                                          .read_text() + files["handbook/handbook.css"])
    template_overrides(root / "templates", files)
    monkeypatch.chdir(root)
    checked = run("check")
    errors = [line for line in our_lines(checked) if line.startswith("Error: ")]
    assert checked.exit_code == 1 and len(errors) == 1, checked.output
    if case in ("a CSS url() in handbook.css", "an attachment"):  # and pdf says the same
        built = run("pdf")
        assert built.exit_code == 1
        refusal = [line for line in our_lines(built) if line.startswith("Error: ")][0]
        assert refusal.split(": ", 1)[1] in errors[0], (refusal, errors)
        assert not (root / "output").exists()


def test_check_still_passes_a_template_override_that_builds(
        small_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        run: Callable[..., Result]) -> None:
    import shutil

    root = tmp_path / "project"
    shutil.copytree(small_project, root)
    shutil.copy(root / "brand" / "logo.svg", root / "content" / "mark.svg")  # an allowed folder
    template_overrides(root / "templates", {"handbook/handbook.html.j2": HEAD.replace(
        "BLOCK", '<style>h1 { background: url("mark.svg") no-repeat; }</style>')})
    monkeypatch.chdir(root)
    checked = run("check")
    assert checked.exit_code == 0, checked.output


def test_pdf_refuses_a_template_override_that_is_a_link_loop(
        small_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        run: Callable[..., Result]) -> None:
    """Not silently the built-in template instead (check says so too, see LOOPS)."""
    import shutil

    root = tmp_path / "project"
    shutil.copytree(small_project, root)
    template_overrides(root / "templates", {"handbook/toc.html.j2": "{# mine #}"})
    os.symlink("chapter.html.j2", root / "templates" / "handbook" / "chapter.html.j2")
    monkeypatch.chdir(root)
    built = run("pdf")
    assert built.exit_code == 1, built.output
    errors = [line for line in our_lines(built) if line.startswith("Error: ")]
    assert len(errors) == 1 and "chapter.html.j2: the template is a symbolic link that " \
        "leads back to itself (a link loop)" in errors[0], errors
    assert not (root / "output").exists()


def test_a_stale_scratch_folder_is_removed_and_one_in_use_is_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import sys
    import tempfile

    from smguide.safety.scratch import ScratchFolder, sweep

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    old = time.time() - 120
    dead, fresh = tmp_path / "smguide-roster-dead", tmp_path / "smguide-roster-fresh"
    for folder in (dead, fresh):
        folder.mkdir()
        (folder / "copy-0.pdf").write_bytes(b"pages")
    held = tmp_path / "smguide-roster-held"
    held.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys, time\nfd = os.open(sys.argv[1], os.O_RDONLY)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(60)"),
        str(held)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        for folder in (dead, held):
            os.utime(folder, (old, old))
        with ScratchFolder("smguide-roster-") as mine:
            assert sweep("smguide-roster-") == 0  # its own folder is in use too
            assert Path(mine).is_dir()
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "smguide-roster-fresh", "smguide-roster-held"]
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
