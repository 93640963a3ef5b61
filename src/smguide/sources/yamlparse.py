"""Parse YAML the way a non-programmer means it, remembering where every value came from.

PyYAML follows YAML 1.1, where `no` is false, `12:30` is 750 and a repeated key silently
wins. We resolve plain scalars by the YAML 1.2 core schema instead (only true/false are
booleans, dates stay text), refuse duplicate keys, anchors, aliases and custom tags, and
record the line and column of every key and value so errors can point at them. Files are
read through sources.yamlsource, which imports this module (and PyYAML) only for a text
not read before.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from smguide.errors import quote
from smguide.safety.limits import list_too_long, text_too_long
from smguide.sources.characters import has_invisible
from smguide.sources.located import Located, Path_, YamlProblem
from smguide.sources.yamlhints import CURLY, curly_fix, explain, plain_problem

MAX_DEPTH = 40


class CoreResolver(BaseResolver):
    """YAML 1.2 core schema: no yes/no booleans, no sexagesimal numbers, no timestamps."""


CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"),
)
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class _Loader(Reader, Scanner, Parser, Composer, CoreResolver):
    def __init__(self, text: str):
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        CoreResolver.__init__(self)
        self._depth = 0  # how deep the node being composed is nested

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        event = self.peek_event()
        tag = getattr(event, "tag", None)
        if tag is not None:  # on text, a list or a group: `!x a`, `!!map {}`, `! [a]`
            mark = event.start_mark
            raise YamlProblem(mark.line + 1, mark.column + 1,
                              f"the tag {_written(tag)} is not supported", "remove it")
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            raise YamlProblem(mark.line + 1, mark.column + 1,
                              "anchors and aliases (&name, *name) are not supported",
                              "write the value out in full")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = event.start_mark
                raise YamlProblem(mark.line + 1, mark.column + 1,
                                  f"nesting is deeper than {MAX_DEPTH} levels", "flatten it")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def _scalar(node: ScalarNode) -> Any:
    tag, value = node.tag, node.value
    too_long = text_too_long(len(value))
    if too_long:
        raise YamlProblem(*_pos(node), too_long)
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:int":
        if len(value) > 30:  # Python refuses to convert over 4,300 digits: stop long before
            raise YamlProblem(*_pos(node), "this number is too long",
                              "put it in quotes if it is meant as text")
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if tag == "tag:yaml.org,2002:float":
        special = value.lstrip("+-").lower() in (".inf", ".nan")
        number = math.inf if special else float(value)
        if not math.isfinite(number):  # .inf, -.inf, .nan, 1e999
            raise YamlProblem(*_pos(node), f"{value} is not a number smguide can use "
                                           "(infinite or not a number)",
                              "write a number, or put it in quotes if it is meant as text")
        return number
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:str":
        if has_invisible(value):
            raise YamlProblem(*_pos(node), "text contains an invisible control character",
                              "retype the text or remove the character")
        return value
    raise YamlProblem(*_pos(node), f"the tag {_written(tag)} is not supported", "remove it")


def _written(tag: str) -> str:
    """A tag as it is written in the file (`!!map`, not tag:yaml.org,2002:map)."""
    return quote("!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:")
                 else tag).strip('"')


def _build(node: Node, path: Path_, out: Located, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise YamlProblem(*_pos(node), f"nesting is deeper than {MAX_DEPTH} levels")
    out.value_pos[path] = _pos(node)
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode | MappingNode) and list_too_long(len(node.value)):
        raise YamlProblem(*_pos(node), list_too_long(len(node.value)) or "")
    if isinstance(node, SequenceNode):
        return [_build(item, (*path, i), out, depth + 1) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        return _mapping(node, path, out, depth)
    raise YamlProblem(*_pos(node), "unsupported YAML construct")  # pragma: no cover


def _mapping(node: MappingNode, path: Path_, out: Located, depth: int) -> dict[str, Any]:
    """A group of "key: value" lines: every key plain text, written once."""
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise YamlProblem(*_pos(key_node), "a key must be plain text")
        key = key_node.value
        curly = next((c for c in key if c in CURLY), None)
        if curly is not None and key_node.style is None:  # “Read chapter 2: it takes...”
            said = f"{key}: {getattr(value_node, 'value', '')}".strip(CURLY + " ")
            raise YamlProblem(*_pos(key_node), f"YAML syntax: "
                              f'{curly_fix(curly, chr(34) + said + chr(34))} (with curly '
                              f'quotes, the ": " in it starts a key)')
        if key == "<<":
            raise YamlProblem(*_pos(key_node), "merge keys (<<) are not supported")
        if key in result:
            first = out.key_pos[(*path, key)]
            if path and isinstance(path[-1], int) and key == next(iter(result)) \
                    and first[1] == _pos(key_node)[1] and first[1] > 2:
                raise YamlProblem(*_pos(key_node), f"the key {quote(key)} starts the "
                                  f"list item on line {first[0]} and appears again "
                                  f'here; if this line starts a new item, put back the '
                                  f'"- " in front of it, with the dash at column '
                                  f"{first[1] - 2} as on line {first[0]}")
            raise YamlProblem(*_pos(key_node), f"the key {quote(key)} appears twice "
                              f"(first on line {first[0]})", "keep one of them")
        out.key_pos[(*path, key)] = _pos(key_node)
        result[key] = _build(value_node, (*path, key), out, depth + 1)
    return result


_HINTS = (
    ("\t", "indent with spaces, not tabs"),
    ("mapping values are not allowed", 'a value containing ": " must be put in quotes'),
    ("could not find expected ':'", 'each line needs "key: value"; check the indentation'),
    ("did not find expected key", "check the indentation of this line and the one before"),
    ("expected <block end>", "check the indentation of this line"),
    ("expected ',' or ']'", 'text that starts with "[" must be put in quotes (or close the '
                            'list with "]")'),
    ("expected ',' or '}'", 'text that starts with "{" must be put in quotes (or close it '
                            'with "}")'),
    ("found character '*'", 'put the text in quotes ("*...")'),
    ("found character '@'", 'put the text in quotes ("@...")'),
    ("found character '`'", "put the text in quotes"),
    ("found undefined alias", "anchors and aliases are not supported"),
)


def parse_yaml(text: str) -> Located:
    """Parse one YAML document into plain data with positions; raise YamlProblem on error."""
    out = Located(data=None, lines=tuple(text.splitlines()))
    bad = _RAW_CONTROL.search(text)
    if bad:  # PyYAML's reader would refuse it with a message about "special characters"
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise YamlProblem(line, column, f"invisible control character U+{ord(bad[0]):04X}",
                          "delete it (it often comes from copy and paste)")
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        out.data = None if root is None else _build(root, (), out)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        hint = next((h for needle, h in _HINTS if needle in str(exc)), "check the syntax here")
        if "\t" in problem or "'\\t'" in problem:
            hint = "indent with spaces, not tabs"
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if hint == "check the indentation of this line" and text.splitlines()[line - 1:line] \
                and text.splitlines()[line - 1].lstrip("- ").startswith(("[", "{")):
            hint = "text that starts with [ or { must be put in quotes"
        elif hint != "indent with spaces, not tabs":
            context = exc.context_mark.line + 1 if exc.context_mark else None
            found = explain(text, line, str(exc), context)
            if found is not None:
                raise YamlProblem(found.line, found.column, f"YAML syntax: {found.fix}",
                                  suggestion=found.fix) from None
        raise YamlProblem(line, col, f"YAML syntax: {plain_problem(problem)}", hint) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, 1, f"YAML: {exc}", "check the file") from None
    finally:
        loader.dispose()
    return out
