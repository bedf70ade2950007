"""The import graph of a Python package, read with ast (nothing is imported or run).

`tests/test_layers.py` holds the house rules against it. An edge is kept with where it sits:
at module level, or inside a function (an import deferred until the function runs), and the
comment on its lines, so a rule can ask a deferred import to say why it is deferred.
"""

import ast
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int
    deferred: bool  # inside a function: runs when called, not when the module loads
    comment: str
    type_checking: bool = False  # under `if TYPE_CHECKING:`: never runs


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Every module of `package` (rooted at `root`) by dotted name, migrations left out."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if "migrations" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join((package, *parts))] = path
    return modules


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(module: str, path: Path, known: set[str]) -> list[Import]:
    """The imports of one module that land inside `known` modules."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    is_package = path.name == "__init__.py"
    found = []

    def comment(first: int, last: int) -> str:
        """The first comment on the statement's lines (a long import wraps over several)."""
        for text in lines[first - 1 : last]:
            if "#" in text:
                words = text.split("#", 1)[1].strip()
                # A lint pragma silences a tool; it does not tell a reader why.
                return "" if words.startswith(("noqa", "type:", "pragma")) else words
        return ""

    def target_of(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    def visit(node: ast.AST, deferred: bool, type_checking: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                visit(child, True, type_checking)
            elif isinstance(child, ast.If) and _is_type_checking(child):
                for statement in child.body:  # never runs: for type checkers only
                    visit(ast.Module(body=[statement], type_ignores=[]), deferred, True)
                for statement in child.orelse:  # runs
                    visit(ast.Module(body=[statement], type_ignores=[]), deferred, type_checking)
            elif isinstance(child, ast.Import | ast.ImportFrom):
                if isinstance(child, ast.Import):
                    names = [alias.name for alias in child.names]
                else:
                    base = _resolve(child, module, is_package)
                    # `from package import submodule` imports the submodule itself.
                    names = [f"{base}.{alias.name}" for alias in child.names] or [base]
                    names = [name if name in known else base for name in names]
                for name in dict.fromkeys(names):
                    target = target_of(name)
                    if target and target != module:
                        why = comment(child.lineno, child.end_lineno or child.lineno)
                        found.append(
                            Import(module, target, child.lineno, deferred, why, type_checking)
                        )
            else:
                visit(child, deferred, type_checking)

    visit(ast.parse(source, filename=str(path)), False, False)
    return found


def import_graph(root: Path, package: str) -> list[Import]:
    modules = module_names(root, package)
    known = set(modules)
    return [edge for name, path in modules.items() for edge in imports_of(name, path, known)]


def cycles(edges: list[Import]) -> list[list[str]]:
    """Strongly connected groups of modules importing each other when they load (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for edge in edges:
        if not edge.deferred and not edge.type_checking:
            graph.setdefault(edge.source, set()).add(edge.target)
            graph.setdefault(edge.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []

    def connect(node: str) -> None:
        # Iterative, so a long chain of imports cannot exhaust Python's recursion limit.
        work = [(node, iter(sorted(graph[node])))]
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        while work:
            current, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[current] = min(low[current], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[current])
                if low[current] == index[current]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == current:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(groups)
