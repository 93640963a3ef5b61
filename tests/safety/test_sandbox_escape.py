"""Template overrides cannot get out: templates see data, and the sandbox refuses the rest.

Every attempt here is a template an untrusted override folder could hold. Each must be
refused with one line naming the template file and line, exit code 1, and no side
effect: the canary file never appears, the kept file never vanishes, the secret file's
text is printed nowhere. The first test shows the attacks are real: against the objects
and the stock Jinja sandbox smguide used before, they run a shell command, read, write
and delete files.
"""

from __future__ import annotations

import dataclasses
import html as html_module
import json
import os
import pickle
import shlex
import shutil
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from jinja2 import StrictUndefined, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from smguide.deck.plan import render_plan
from smguide.errors import RenderError
from smguide.handbook import templatelimits, templating
from smguide.handbook.html import HandbookRenderer
from smguide.handbook.templatedata import Record
from smguide.model.guide import Guide
from smguide.model.options import PrintOptions
from smguide.resources import builtin
from smguide.sources.brand import Brand, load_brand
from smguide.sources.content import load_guide
from smguide.sources.roster import read_roster

SECRET = "TOP-SECRET-7c41e9"


class Payload:
    """What an attacker pickles: unpickling it runs a shell command."""

    def __init__(self, command: str):
        self.command = command

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return os.system, (self.command,)


@dataclass
class Scene:
    """A project with an override folder, a pickle in it and three files to watch."""

    root: Path
    content: Path
    brand: Path
    templates: Path
    canary: Path  # must never appear
    keep: Path  # must never vanish
    secret: Path  # its text must never be printed
    pickle: Path

    def untouched(self) -> bool:
        return (not self.canary.exists() and self.keep.read_text(encoding="utf-8") == "keep"
                and self.secret.read_text(encoding="utf-8") == SECRET)


@pytest.fixture
def scene(tmp_path: Path) -> Scene:
    content = tmp_path / "content"
    shutil.copytree(builtin("content"), content)
    shutil.copytree(builtin("brand"), tmp_path / "brand")
    templates = tmp_path / "templates"
    (templates / "handbook").mkdir(parents=True)
    canary = tmp_path / "canary.txt"
    payload = templates / "handbook" / "payload.pickle"
    payload.write_bytes(pickle.dumps(Payload(f"touch {shlex.quote(str(canary))}")))
    (tmp_path / "keep.txt").write_text("keep", encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    return Scene(tmp_path, content, tmp_path / "brand" / "_brand.yml", templates, canary,
                 tmp_path / "keep.txt", tmp_path / "secret.txt", payload)


def issue_attacks(scene: Scene) -> dict[str, str]:
    """The two attacks of the security review, in four forms."""
    return {
        "pickle": f'{{{{ guide.parse_file("{scene.pickle}", proto="pickle", '
                  f"allow_pickle=True) }}}}",
        "read": '{{ brand.root.parent.joinpath("secret.txt").read_text() }}',
        "write": '{{ brand.root.parent.joinpath("canary.txt").write_text("pwned") }}',
        "unlink": '{{ brand.root.parent.joinpath("keep.txt").unlink() }}',
    }


# Every other way out we know of. Each is refused for its own reason (no such field, a
# method, a class, an unbounded size), so each must stop with a template error.
TRICKS = {
    "dunder chain": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "model class": "{{ guide.__class__.model_validate_json('{}') }}",
    "model method": "{{ guide.model_dump_json() }}",
    "model fields": "{{ guide.chapters[0].model_fields }}",
    "json file": "{{ guide.chapters[0].parse_file('/etc/hostname') }}",
    "copy": "{{ guide.model_copy(update={'title': 'x'}) }}",
    "labels method": "{{ labels.model_json_schema() }}",
    "path of the logo": "{{ brand.logo.read_bytes() }}",
    "path of a font": "{{ brand.faces[0].path.read_bytes() }}",
    "brand method": "{{ brand.colour('primary') }}",
    "brand files": "{{ brand.files() }}",
    "content folder": "{{ guide.root }}",
    "mapping method": "{{ brand.colours.items() }}",
    "mapping get": "{{ brand.colours.get('primary') }}",
    "self": "{{ self.__init__.__globals__ }}",
    "self context": "{{ self._TemplateReference__context }}",
    "cycler class": "{{ cycler.__init__.__globals__ }}",
    "cycler method on the class": "{{ cycler.reset }}",
    "joiner": "{{ joiner.__call__.__globals__ }}",
    "namespace internals": "{% set ns = namespace() %}{{ ns._Namespace__attrs }}",
    "namespace class": "{{ namespace.__init__.__globals__ }}",
    "range too big": "{% for i in range(10000000) %}{% endfor %}",
    "range object": "{{ range(3).index(1) }}",
    "lipsum": "{{ lipsum(100000, false, 1000, 1000) }}",
    "dict": "{{ dict(a=1) }}",
    "attr filter": "{{ guide | attr('__class__') }}",
    "attr filter to a method": "{{ (guide.chapters | attr('count'))(1) }}",
    "attr filter on a string": "{{ ('{0.__class__}' | attr('format'))(1) }}",
    "map attribute": "{{ guide.chapters | map(attribute='model_dump') | first }}",
    "map attribute dunder": "{{ (guide.chapters | map(attribute='__class__') | first)"
                            ".__name__ }}",
    "format method": "{{ '{0.__class__.__base__.__subclasses__}'.format(guide) }}",
    "format_map": "{{ '{title}'.format_map(guide) }}",
    "printf width": "{{ '%0999999999d' % 1 }}",
    "printf star": "{{ '%*d' % (999999999, 1) }}",
    "format filter": "{{ '%0999999999d' | format(1) }}",
    "join method": "{{ ','.join(guide.chapters | map(attribute='title')) }}",
    "string method": "{{ guide.title.upper() }}",
    "markup method": "{{ (guide.title | md).unescape() }}",
    "huge string": "{{ 'x' * 10000000000 }}",
    "huge list": "{{ [0] * 10000000000 }}",
    "huge power": "{{ 7 ** 100000000 }}",
    "center": "{{ 'x' | center(1000000000) }}",
    "indent": "{{ 'x\\ny' | indent(1000000000) }}",
    "replace": "{{ ('a' * 1000) | replace('a', 'a' * 1000) | replace('a', 'a' * 1000) }}",
    "escape chain": "{{ ('&' * 1000000) | forceescape | forceescape | forceescape "
                    "| forceescape | forceescape | forceescape | forceescape }}",
    "filter assertion": "{{ 'abc' | truncate(-5) }}",
    "filter attribute error": "{{ guide.chapters | dictsort }}",
    "include the pickle": '{% include "handbook/payload.pickle" %}',
    "generator frame": "{{ (guide.chapters | unique).gi_frame.f_globals }}",
    "loop internals": "{% for c in guide.chapters %}{{ loop._iterator }}{% endfor %}",
    "macro internals": "{% macro m() %}{% endmacro %}{{ m._func.__globals__ }}",
    "macro attribute": "{% macro m() %}{% endmacro %}{{ m.arguments }}",
    "call data": "{{ guide() }}",
    "call a field": "{{ guide.chapters[0].title() }}",
    "recursion": "{% macro r() %}{{ r() }}{% endmacro %}{{ r() }}",
    "long output": "{% for i in range(100000) %}{{ '.' * 10000 }}{% endfor %}",
}  # a string doubled until memory runs out: test_hostile_render, in a limited child


def guide_and_brand(scene: Scene) -> tuple[Guide, Brand]:
    return load_guide(scene.content), load_brand(scene.brand)[0]


def refused(message: str, template: Path) -> None:
    """One line, naming the template file (as given, or from the project folder, as
    `check` shows it) and line 2 (line 1 is harmless)."""
    assert "\n" not in message and "Traceback" not in message, message
    shown = (str(template), str(template.relative_to(template.parents[2])))
    assert message.startswith(tuple(f"{name}:2: template error: " for name in shown)), message
    assert SECRET not in message


def render_in_process(scene: Scene, where: str, attack: str) -> None:
    """Render one attack through the real renderer of `where`, expecting a refusal."""
    guide, brand = guide_and_brand(scene)
    names = {"html": "handbook/cover.html.j2", "css": "handbook/brand.css.j2",
             "plan": "deck/plan.yaml.j2", "svg": "handbook/analogy.svg.j2"}
    template = scene.templates / names[where]
    template.parent.mkdir(parents=True, exist_ok=True)
    template.write_text("<p>harmless</p>\n" + attack + "\n", encoding="utf-8")
    with pytest.raises(RenderError) as caught:
        if where == "plan":
            render_plan(guide, scene.templates)
        else:
            renderer = HandbookRenderer(guide, brand, scene.templates)
            renderer.css(PrintOptions()) if where == "css" else renderer.html()
    refused(caught.value.message, template)
    assert scene.untouched()
    template.unlink()


def test_the_attacks_are_real_against_model_objects_in_the_stock_sandbox(
        scene: Scene) -> None:
    # what smguide did before: the model objects themselves, Jinja's stock sandbox
    guide, brand = guide_and_brand(scene)
    attacks = issue_attacks(scene)
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined)

    def run(name: str) -> str:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # parse_file is deprecated, not gone
            try:
                return env.from_string(attacks[name]).render(guide=guide, brand=brand)
            except Exception as exc:  # noqa: BLE001 - the error is the attack's answer
                return type(exc).__name__

    # the guide's objects are plain dataclasses: Pydantic's parse_file, which unpickled
    # a file (the shell ran), is no longer theirs to call; a Path still reads and writes
    assert run("pickle") == "UndefinedError" and not scene.canary.exists()
    assert run("read") == SECRET
    run("write")
    assert scene.canary.read_text(encoding="utf-8") == "pwned"
    run("unlink")
    assert not scene.keep.exists()


@pytest.mark.parametrize("where", ["html", "css", "plan", "svg"])
def test_the_issue_attacks_are_refused_by_every_renderer(scene: Scene, where: str) -> None:
    for attack in issue_attacks(scene).values():
        render_in_process(scene, where, attack)


@pytest.mark.parametrize("name", sorted(TRICKS))
def test_every_known_trick_is_refused_with_the_template_and_line(
        scene: Scene, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templatelimits, "MAX_OUTPUT_CHARS", 10_000_000)  # fast, same path
    render_in_process(scene, "html", TRICKS[name])


@pytest.mark.parametrize("name", ["dunder chain", "model class", "mapping method",
                                  "format method", "self", "huge string"])
def test_tricks_are_refused_in_the_css_and_the_deck_plan_too(scene: Scene, name: str) -> None:
    render_in_process(scene, "css", TRICKS[name])
    render_in_process(scene, "plan", TRICKS[name])


# -- what templates can reach: data only -----------------------------------------------


def contexts(scene: Scene, monkeypatch: pytest.MonkeyPatch
             ) -> Iterator[tuple[templating.DataSandbox, str, dict[str, Any]]]:
    """Every template render of a handbook, its CSS, the diagram, the deck plan and the
    personal pages, with the context each template really got."""
    from smguide.handbook import personal

    seen: list[tuple[templating.DataSandbox, str, dict[str, Any]]] = []
    original = templating.bounded_output

    def spy(template: Any, data: dict[str, Any]) -> str:
        seen.append((template.environment, template.name, data))
        return original(template, data)

    monkeypatch.setattr(templating, "bounded_output", spy)
    guide, brand = guide_and_brand(scene)
    renderer = HandbookRenderer(guide, brand, None)
    renderer.html("2026-01-01T00:00:00Z")
    renderer.css(PrintOptions(bleed_mm=3))
    render_plan(guide, None)
    (scene.root / "hires.csv").write_text(
        "name,team,role,manager,start_date,buddy,desk\n"
        "Zoë Ørsted,Sales,Account executive,Ana Ruiz,2026-02-02,Ben Okafor,3.14\n",
        encoding="utf-8")
    hires = read_roster(scene.root / "hires.csv", personal.teams(guide)).hires
    templating.render(renderer.env, "handbook/personal.html.j2",
                      **renderer.context(None), people=personal.people(guide, hires))
    personal.personal_css(renderer, personal.Slots(0, 3, 24))
    assert {name for _, name, _ in seen} >= {
        "handbook/handbook.html.j2", "handbook/analogy.svg.j2", "handbook/brand.css.j2",
        "deck/plan.yaml.j2", "handbook/personal.html.j2", "handbook/personal.css.j2"}
    yield from seen


def reachable(env: templating.DataSandbox, value: Any, path: str,
              found: dict[int, tuple[str, Any]]) -> None:
    """Walk every field, item and attribute a template can reach from `value`, through
    the sandbox itself: names from dir(), fields, indexes."""
    if id(value) in found or isinstance(value, Undefined):
        return
    found[id(value)] = (path, value)
    names = set(dir(value)) | ({"gi_frame", "f_globals"} if hasattr(value, "__iter__") else set())
    steps: list[tuple[str, Any]] = [(f".{name}", env.getattr(value, name)) for name in names]
    steps += [(f"[{name!r}]", env.getitem(value, name)) for name in names]
    if isinstance(value, Record):
        steps += [(f".{name}", env.getattr(value, name)) for name in value]
    if isinstance(value, tuple):
        steps += [(f"[{index}]", env.getitem(value, index)) for index in range(len(value))]
    for step, child in steps:
        reachable(env, child, path + step, found)


def test_a_template_can_reach_data_and_nothing_callable_but_ours(
        scene: Scene, monkeypatch: pytest.MonkeyPatch) -> None:
    data_types = (str, Markup, int, float, bool, type(None), tuple, Record)
    for env, name, data in contexts(scene, monkeypatch):
        found: dict[int, tuple[str, Any]] = {}
        for key, value in data.items():
            assert isinstance(value, data_types), (name, key, type(value))
            reachable(env, value, f"{name}: {key}", found)
        ours = [env.globals[g] for g in ("analogy_diagram", "asset_uri") if g in env.globals]
        for path, value in found.values():
            assert isinstance(value, data_types), (path, type(value))
            assert not callable(value) or any(value is mine for mine in ours), path
        assert len(found) > 20  # the walk did reach the data
        # the functions and helpers a template may call lead nowhere either
        for global_name, value in env.globals.items():
            helpers: dict[int, tuple[str, Any]] = {}
            reachable(env, value, global_name, helpers)
            assert [path for path, _ in helpers.values()] == [global_name]


def test_what_templates_legitimately_use_still_works(scene: Scene) -> None:
    guide, brand = guide_and_brand(scene)
    (scene.templates / "handbook" / "handbook.html.j2").write_text(
        '{% extends "builtin/handbook/base.html.j2" %}\n'
        "{% block head %}{{ super() }}<meta name=x>{% endblock %}\n"
        "{% block back %}{% set c = cycler('odd', 'even') %}{% set j = joiner(' | ') %}"
        "{% set ns = namespace(n=0) %}{% macro item(t) %}<i>{{ t }}</i>{% endmacro %}"
        "<ol>{% for ch in guide.chapters %}{% set ns.n = ns.n + ch.blocks | length %}"
        "<li class='{{ c.next() }} {{ loop.cycle('a', 'b') }}'>{{ j() }}{{ item(ch.title) }}"
        "{{ loop.index }}/{{ loop.length }}</li>{% endfor %}</ol>"
        "<p>{{ ns.n }} blocks; {{ guide.chapters[0].blocks | groupby('type') | map(attribute="
        "'grouper') | join(',') }}; {{ brand.colours | items | first | join('=') }}; "
        "{{ brand.colours.primary }}={{ brand.colours['primary'] }}; {{ '%s-%04d' % ('n', 7) }}"
        "; {{ guide | attr('title') }}; {{ self.toc() | length > 0 }}; {{ 'ab' * 2 }}; "
        "{{ 2 ** 10 }}; {{ (guide.chapters | map(attribute='number') | list)[1:3] }}; "
        "<code>{{ guide.chapters[0].blocks[-1] | tojson }}</code></p>"
        "{% endblock %}\n", encoding="utf-8")
    html = HandbookRenderer(guide, brand, scene.templates).html()
    back = html[html.index("<ol>", html.rindex("</section>")):]
    assert "<li class='odd a'><i>Welcome</i>1/9</li>" in back
    assert "<li class='even b'> | <i>Why sales and marketing get mixed up</i>2/9</li>" in back
    assert "callout,prose,takeaways; foreground=#1d2327; #2f6b4f=#2f6b4f; n-0007; " in back
    assert "Sales and Marketing; True; abab; 1024; [2, 3]; <code>" in back
    written = json.loads(html_module.unescape(back[back.index("<code>") + 6:
                                                   back.index("</code>")]))
    last = guide.chapters[0].blocks[-1]
    assert written == dataclasses.asdict(last) and written["type"] == last.type
    blocks = sum(len(chapter.blocks) for chapter in guide.chapters)
    assert f"<p>{blocks} blocks;" in back
    assert "<meta name=x>" in html[:html.index("</head>")]


def test_the_shipped_templates_render_exactly_as_they_did_from_the_objects(
        scene: Scene, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every shipped template, rendered from data in the new sandbox and from the model
    objects in Jinja's stock sandbox (as before), gives the same text."""
    from smguide.handbook import personal

    def renders() -> list[str]:
        out = []
        (scene.root / "hires.csv").write_text(
            "name,team,role,manager,start_date,buddy,desk\n"
            "Zoë Ørsted,Sales,Account executive,Ana Ruiz,2026-02-02,Ben Okafor,3.14\n",
            encoding="utf-8")
        for folder in (builtin("content"), builtin("content") / "de"):
            guide, brand = load_guide(folder), load_brand(scene.brand)[0]
            renderer = HandbookRenderer(guide, brand, None)
            hires = read_roster(scene.root / "hires.csv", personal.teams(guide)).hires
            out += [renderer.html("2026-01-01T00:00:00Z"), renderer.css(PrintOptions()),
                    renderer.css(PrintOptions(paper="a5", bleed_mm=3)),
                    render_plan(guide, None), personal.personal_css(renderer, None),
                    personal.personal_css(renderer, personal.Slots(0, 3, 24)),
                    templating.render(renderer.env, "handbook/personal.html.j2",
                                      **renderer.context(None),
                                      people=personal.people(guide, hires))]
        return out

    now = renders()

    class Stock(ImmutableSandboxedEnvironment):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.pop("optimized", None)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(templating, "DataSandbox", Stock)
    monkeypatch.setattr(templating, "to_data", lambda value, key: value)
    before = renders()
    assert len(now) == 14 and all(len(text) > 200 for text in now)
    for new, old in zip(now, before, strict=True):
        assert new == old


# -- the same attacks through the commands a user runs ---------------------------------


def one_error_line(result: Result, template: Path) -> None:
    assert result.exit_code == 1, result.output
    # (check reports on stdout, the build commands on stderr)
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.output
    refused(errors[0].removeprefix("Error: "), template)
    assert SECRET not in result.output and "Traceback" not in result.output


COMMANDS: dict[str, tuple[str, list[str]]] = {
    "pdf": ("handbook/cover.html.j2", ["pdf", "-o", "out/handbook.pdf"]),
    "pdf css": ("handbook/brand.css.j2", ["pdf", "-o", "out/handbook.pdf"]),
    "pdf --roster": ("handbook/personal-cover.html.j2",
                     ["pdf", "--roster", "hires.csv", "-o", "out/handbook.pdf"]),
    "slides": ("deck/plan.yaml.j2", ["slides", "-o", "out/deck.pptx"]),
    "check": ("handbook/cover.html.j2", ["check"]),
    "check plan": ("deck/plan.yaml.j2", ["check"]),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("attack", ["pickle", "unlink"])
def test_the_commands_refuse_the_attacks_and_touch_nothing(
        run: Callable[..., Result], scene: Scene, command: str, attack: str) -> None:
    name, args = COMMANDS[command]
    template = scene.templates / name
    template.parent.mkdir(parents=True, exist_ok=True)
    template.write_text("<p>harmless</p>\n" + issue_attacks(scene)[attack] + "\n",
                        encoding="utf-8")
    (scene.root / "hires.csv").write_text("name,team\nAnna Schmidt,Sales\n", encoding="utf-8")
    result = run(*args, "--content", str(scene.content), "--brand", str(scene.brand),
                 "--template-overrides", str(scene.templates))
    one_error_line(result, template)
    assert scene.untouched()
    assert not [path for path in (scene.root / "out").rglob("*") if not path.is_dir()]


@pytest.mark.parametrize("attack", ["read", "write"])
def test_pdf_refuses_reading_and_writing_files(run: Callable[..., Result], scene: Scene,
                                               attack: str) -> None:
    template = scene.templates / "handbook" / "cover.html.j2"
    template.write_text("<p>harmless</p>\n" + issue_attacks(scene)[attack] + "\n",
                        encoding="utf-8")
    result = run("pdf", "--content", str(scene.content), "--brand", str(scene.brand),
                 "--template-overrides", str(scene.templates), "-o", "out.pdf")
    one_error_line(result, template)
    assert scene.untouched() and not (scene.root / "out.pdf").exists()


def test_the_preview_refuses_the_attacks(scene: Scene) -> None:
    from smguide.commands.preview import Preview
    from smguide.commands.project import Project

    project = Project(scene.content, scene.brand, scene.templates, None, False)
    template = scene.templates / "handbook" / "cover.html.j2"
    said: list[str] = []
    for attack in issue_attacks(scene).values():
        template.write_text("<p>harmless</p>\n" + attack + "\n", encoding="utf-8")
        preview = Preview(project, said.append)
        assert preview.rebuild() is False and preview.page is None
        assert preview.error is not None
        refused(preview.error, template)
        assert scene.untouched()
    assert len([line for line in said if line.startswith("Error: ")]) == 4


def test_a_huge_deck_plan_output_names_its_line(run: Callable[..., Result],
                                                scene: Scene) -> None:
    template = scene.templates / "deck" / "plan.yaml.j2"
    template.parent.mkdir(parents=True)
    template.write_text("- kind: title\n{% for i in range(100000) %}{{ '#' * 20000 }}"
                        "{% endfor %}\n", encoding="utf-8")
    result = run("slides", "--content", str(scene.content), "--brand", str(scene.brand),
                 "--template-overrides", str(scene.templates), "-o", "out.pptx")
    one_error_line(result, template)
    assert "the output is longer than 50,000,000 characters" in result.stderr


LOOPING = "<p>harmless</p>\n{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}" \
          "{% endfor %}\n"


@pytest.mark.parametrize("command", ["pdf", "check"])
def test_a_template_looping_without_output_is_stopped_at_its_line(
        run: Callable[..., Result], scene: Scene, command: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    template = scene.templates / "handbook" / "cover.html.j2"
    template.write_text(LOOPING, encoding="utf-8")
    monkeypatch.setenv("SMGUIDE_MAX_SECONDS", "2")
    args = ["-o", "out.pdf"] if command == "pdf" else []
    result = run(command, "--content", str(scene.content), "--brand", str(scene.brand),
                 "--template-overrides", str(scene.templates), *args)
    one_error_line(result, template)
    assert "was still running close to the time limit and was stopped" in result.output

