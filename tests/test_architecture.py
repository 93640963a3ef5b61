"""The package layout is the pipeline: imports point down the layers, never up, and no
two modules import each other. Imports inside functions count; imports made only for the
type checker (`if TYPE_CHECKING:`) count for the direction, not for cycles."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from smguide.resources import PACKAGE_DIR

# top to bottom: a module may import from its own layer or any layer below it
LAYERS = (("cli", "__main__"), ("commands",), ("deck",), ("handbook",), ("sources",),
          ("io",), ("model",), ("safety",),
          ("errors", "logs", "paths", "resources", "__init__"))


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE_DIR.rglob("*.py"):
        parts = path.relative_to(PACKAGE_DIR).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found["smguide." + ".".join(parts)] = path
    return found


def imports(path: Path, known: dict[str, Path], typing: bool = True) -> set[str]:
    """The smguide modules `path` imports, anywhere in it (and, unless `typing` is false,
    in its `if TYPE_CHECKING:` blocks)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[ast.AST] = set()
    if not typing:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
                skipped |= set(ast.walk(node))
    names = set()
    for node in ast.walk(tree):
        if node in skipped:
            continue
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                names.add(full if full in known else node.module)
    return {name for name in names if name in known}


def layer(module: str) -> int:
    top = module.split(".")[1] if "." in module else "__init__"
    return next(n for n, names in enumerate(LAYERS) if top in names)


def test_every_module_is_in_a_layer() -> None:
    for module in modules():
        layer(module)  # StopIteration names a package the layers do not list


def test_imports_point_down() -> None:
    known = modules()
    upward = [f"{module} imports {target}"
              for module, path in sorted(known.items())
              for target in sorted(imports(path, known))
              if layer(target) < layer(module)]
    assert upward == []


def test_no_import_cycles() -> None:
    known = modules()
    graph = {module: imports(path, known, typing=False) - {module}
             for module, path in known.items()}
    packages = {module for module, path in known.items() if path.name == "__init__.py"}
    cycles = []
    for start in graph:
        stack, seen = [(start, (start,))], set()
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node] - packages:
                if nxt == start:
                    cycles.append(" -> ".join((*trail, start)))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, (*trail, nxt)))
    assert sorted(cycles, key=len)[:3] == []


def _imported_names(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("smguide"):
            names |= {alias.asname or alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    return names


def test_no_module_changes_another_on_import() -> None:
    """Module-level code never mutates what it imported (another module's constants)."""
    changed = []
    for module, path in sorted(modules().items()):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = _imported_names(tree)
        for node in tree.body:  # module level only: functions run when called, not on import
            for inner in ast.walk(node) if not isinstance(
                    node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else ():
                target = None
                if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute):
                    target = inner.func.value
                elif isinstance(inner, (ast.Assign, ast.AugAssign)):
                    targets = inner.targets if isinstance(inner, ast.Assign) else [inner.target]
                    target = next((t.value for t in targets
                                   if isinstance(t, (ast.Attribute, ast.Subscript))), None)
                constant = isinstance(target, ast.Name) and target.id[0].isupper()
                if constant and isinstance(target, ast.Name) and target.id in imported:
                    changed.append(f"{module}:{inner.lineno}: {ast.unparse(inner)[:60]}")
    assert changed == []


def test_logging_is_quieted_only_around_a_call() -> None:
    """A library's logger level is changed only by logs.quieted, which puts it back."""
    setting = [f"{module}:{node.lineno}"
               for module, path in sorted(modules().items()) if module != "smguide.logs"
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.Attribute) and node.attr in ("setLevel", "disabled")]
    assert setting == []


def _bound_by_import(tree: ast.Module) -> set[str]:
    """The names import statements bind anywhere in a module (modules, and what was
    imported from them)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.asname or alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names |= {alias.asname or alias.name for alias in node.names}
    return names


def _root(node: ast.expr) -> ast.expr:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node


# a render child's temporary folder is its own process's for the child's life
SET_FOR_THE_PROCESS = {"smguide.safety.sandbox: tempfile.tempdir"}


def test_a_library_is_changed_only_around_a_call() -> None:
    """A function that sets an attribute of something it imported (pyphen.HyphDict,
    weasyprint's layout.make_margin_boxes, Pillow's ImageFile.LOAD_TRUNCATED_IMAGES)
    puts it back in a `finally` of its own, so no change outlives the call."""
    lasting = []
    for module, path in sorted(modules().items()):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = _bound_by_import(tree)
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            restored = {ast.unparse(target) for node in ast.walk(function)
                        if isinstance(node, ast.Try) for statement in node.finalbody
                        for inner in ast.walk(statement) if isinstance(inner, ast.Assign)
                        for each in inner.targets
                        for target in (each.elts if isinstance(each, ast.Tuple) else [each])}
            for node in ast.walk(function):
                if not isinstance(node, (ast.Assign, ast.AugAssign)):
                    continue
                for each in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    for target in each.elts if isinstance(each, ast.Tuple) else [each]:
                        root = _root(target)
                        if (isinstance(target, ast.Attribute) and isinstance(root, ast.Name)
                                and root.id in imported
                                and ast.unparse(target) not in restored
                                and f"{module}: {ast.unparse(target)}"
                                not in SET_FOR_THE_PROCESS):
                            lasting.append(f"{module}:{node.lineno}: {ast.unparse(target)}")
    assert lasting == []


def _sets_own(node: ast.AST) -> str | None:
    """The attribute `node` assigns on `self` (`self.name = ...`), if it does."""
    if (isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name) and node.value.id == "self"):
        return node.attr
    return None


def test_an_objects_attributes_exist_from_construction() -> None:
    """A class of ours makes its attributes in __init__ (or declares them in its body, as
    a dataclass does): no method adds one that exists only once it has run. (One set from
    outside the class that it does not declare, mypy refuses.)"""
    late = []
    for module, path in sorted(modules().items()):
        for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(cls, ast.ClassDef):
                continue
            methods = [m for m in cls.body if isinstance(m, (ast.FunctionDef,
                                                              ast.AsyncFunctionDef))]
            made = {t.target.id for t in cls.body
                    if isinstance(t, ast.AnnAssign) and isinstance(t.target, ast.Name)}
            made |= {name for m in methods if m.name in ("__init__", "__post_init__")
                     for node in ast.walk(m) if (name := _sets_own(node))}
            late += [f"{module}:{node.lineno}: {cls.name}.{m.name} sets self.{name}"
                     for m in methods for node in ast.walk(m)
                     if (name := _sets_own(node)) and name not in made]
    assert late == []


def _defined(tree: ast.AST) -> set[str]:
    """The names a module or class defines or imports (functions, classes, assignments,
    attributes set on self)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for each in target.elts if isinstance(target, ast.Tuple) else [target]:
                    if isinstance(each, ast.Name):
                        names.add(each.id)
                    elif isinstance(each, ast.Attribute):
                        names.add(each.attr)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {alias.asname or alias.name.split(".")[0] for alias in node.names}
    return names


NOT_OURS = {"Page.anchors"}  # WeasyPrint's Page, as the handbook's fitting reads it


def test_docstrings_name_what_exists() -> None:
    """A docstring that names a module's function (`io.usercache.cached_file`,
    `handbook.stamp`'s `find_slots`) or a method of one of our classes
    (`Tones.readable`) names one that is there."""
    trees = {module: ast.parse(path.read_text(encoding="utf-8"))
             for module, path in modules().items()}
    in_module = {module: _defined(tree) for module, tree in trees.items()}
    in_class: dict[str, set[str]] = {}
    for tree in trees.values():
        for cls in ast.walk(tree):
            if isinstance(cls, ast.ClassDef):
                in_class.setdefault(cls.name, set()).update(_defined(cls))
    named = re.compile(r"\b((?:smguide\.)?(?:[a-z]+\.)+)?([A-Za-z_]\w*)\.([a-z_]\w*)\b")
    stale = []
    for module, tree in sorted(trees.items()):
        for node in [tree, *ast.walk(tree)]:
            if not isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef,
                                     ast.ClassDef)):
                continue
            for match in named.finditer(ast.get_docstring(node) or ""):
                package, name, attr = match.groups()
                where = f"{module}:{getattr(node, 'name', '')}: {match.group(0)}"
                if name in in_class and name[0].isupper() and not package:
                    if attr not in in_class[name] and f"{name}.{attr}" not in NOT_OURS:
                        stale.append(where)
                    continue
                dotted = "smguide." + f"{package or ''}{name}".removeprefix("smguide.")
                if (package and dotted in in_module and attr not in in_module[dotted]
                        and f"{dotted}.{attr}" not in in_module):
                    stale.append(where)
    assert stale == []


# Sizes: a module is one job (about 400 lines at most), a function one step (about 60).
# The modules and functions listed are over today; each may not grow past its ceiling, and
# leaves the list once it is split (the test says so when one no longer needs its place).
MODULE_LINES = 400
MODULES_OVER: dict[str, int] = {}
FUNCTION_LINES = 60
FUNCTIONS_OVER: dict[str, int] = {}


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_400_lines() -> None:
    sizes = {module: _lines(path) for module, path in modules().items()}
    over = {module: size for module, size in sizes.items()
            if size > MODULES_OVER.get(module, MODULE_LINES)}
    assert over == {}, "split these modules by job (docs/architecture.md)"
    listed = {module for module in MODULES_OVER if sizes.get(module, 0) <= MODULE_LINES}
    assert listed == set(), "under the limit now: take them out of MODULES_OVER"


def test_no_function_is_over_60_lines() -> None:
    sizes = {}
    for module, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                name = f"{module}.{node.name}"
                sizes[name] = max(sizes.get(name, 0), length)
    over = {name: size for name, size in sizes.items()
            if size > FUNCTIONS_OVER.get(name, FUNCTION_LINES)}
    assert over == {}, "split these functions into steps"
    listed = {name for name in FUNCTIONS_OVER if sizes.get(name, 0) <= FUNCTION_LINES}
    assert listed == set(), "under the limit now: take them out of FUNCTIONS_OVER"


def test_problems_are_not_read_back_from_text() -> None:
    """A Problem is made where the problem is found: an error is raised with one
    (SmguideError takes nothing else), never with a line of text to be read back, and no
    code parses a message for its place (there is no Problem.from_line)."""
    from typing import get_type_hints

    from smguide.errors import Problem, SmguideError

    assert not hasattr(Problem, "from_line")
    assert get_type_hints(SmguideError.__init__)["problem"] is Problem
    errors = {"SmguideError", "ContentError", "BrandError", "RenderError", "OutputError",
              "LanguageError", "TooLong"}
    as_text = [f"{module}:{node.lineno}"
               for module, path in sorted(modules().items())
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
               and node.func.id in errors and node.args
               and isinstance(node.args[0], (ast.JoinedStr, ast.Constant, ast.BinOp))]
    assert as_text == []
