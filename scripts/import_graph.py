#!/usr/bin/env python3
"""Print the import graph between the apps in apps/, read from the code with `ast`, and check it against the
allowed edges in docs/arsitektur.md.

    python scripts/import_graph.py          # text: one line per app, the apps it imports and where
    python scripts/import_graph.py --dot    # Graphviz dot (render: `... --dot | dot -Tsvg > impor.svg`)

Exit status 1 when an app imports another app that docs/arsitektur.md does not allow (the block between the
lines `<!-- impor:mulai -->` and `<!-- impor:selesai -->`, one `app -> app, app, ...` line per app), or when the
graph has a cycle that the block does not name (a `siklus app -> app` line names the edge that may close one),
0 otherwise. Every import statement counts: module level, inside functions, under `if TYPE_CHECKING`, and
migrations. So does every reference to another app's model by name, which reads that app as surely as an import:
`apps.get_model("agen", "Penetapan")`, `get_model("agen.Penetapan")`, and a string `"app.Model"` given to a
relation field (`ForeignKey("survei.Periode", ...)`, `to="survei.periode"` in migrations); they are shown as
imports of `apps.<app>.models`. Model names inside migrations are not counted: they name the historical state
of that migration (an old `to="survei.periode"` stays in a migration after the model moved), and the current
state is in the models they were generated from.
A string literal that names a module of another app (`"apps.agen.demo"`, `"apps.kbk.reference:ensure"`: the
registries of `seed_demo` and `ensure_reference_data` in apps/common, which load modules by name) is shown as
a reference by name ("nama"), dashed in the dot output, and not checked: such a registry is how a lower app
reaches the apps above it without importing them.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = ROOT / "apps"
DOC = ROOT / "docs" / "arsitektur.md"
BLOCK = re.compile(r"<!-- impor:mulai -->(.*?)<!-- impor:selesai -->", re.S)
MODULE_STRING = re.compile(r"^apps\.([a-z_]+)(\.[a-z_.]+)?(:[a-z_]+)?$")
MODEL_STRING = re.compile(r"^([a-z_]+)\.([A-Za-z_][A-Za-z0-9_]*)$")
RELATION_FIELDS = {"ForeignKey", "OneToOneField", "ManyToManyField", "ForeignObject", "get_model"}


def app_names() -> list[str]:
    return sorted(p.name for p in APPS.iterdir() if (p / "__init__.py").exists())


def app_of(module: str, apps: set[str]) -> str | None:
    parts = module.split(".")
    if len(parts) >= 2 and parts[0] == "apps" and parts[1] in apps:
        return parts[1]
    return None


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _model_references(node: ast.Call) -> list[str]:
    """The app labels a call names a model of: `get_model("app", "Model")`, `get_model("app.Model")`, and
    `"app.Model"` as the first argument or `to=` of a relation field."""
    name = _call_name(node)
    strings = [a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    labels = []
    if name == "get_model" and len(strings) == 2 and len(node.args) >= 2:
        labels.append(strings[0])
    elif name in RELATION_FIELDS and strings and MODEL_STRING.match(strings[0]):
        labels.append(strings[0].split(".")[0])
    for keyword in node.keywords:
        value = keyword.value
        if keyword.arg == "to" and isinstance(value, ast.Constant) and isinstance(value.value, str):
            if MODEL_STRING.match(value.value):
                labels.append(value.value.split(".")[0])
    return labels


def imported_modules(path: Path) -> list[tuple[str, int, bool]]:
    """(module, line, by_name) for each import in the file (relative imports resolved against the file's
    package), for each model named by string (as `apps.<app>.models`), and for each string literal naming a
    module under apps/ (by_name=True)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    in_migration = "migrations" in path.parts
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and not in_migration:
            found += [(f"apps.{label}.models", node.lineno, False) for label in _model_references(node)]
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, False) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((module, node.lineno, False))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and MODULE_STRING.match(node.value):
            found.append((node.value.split(":")[0], node.lineno, True))
    return found


Graph = dict[str, dict[str, list[str]]]


def import_graph() -> tuple[Graph, Graph]:
    """({app: {imported app: ["path:line", ...]}}, the same for references by name) between different apps."""
    apps = set(app_names())
    graph: Graph = {app: defaultdict(list) for app in sorted(apps)}
    by_name: Graph = {app: defaultdict(list) for app in sorted(apps)}
    for path in sorted(APPS.rglob("*.py")):
        source = app_of(".".join(path.relative_to(ROOT).with_suffix("").parts), apps)
        if source is None:
            continue
        for module, line, named in imported_modules(path):
            target = app_of(module, apps)
            if target is not None and target != source:
                (by_name if named else graph)[source][target].append(f"{path.relative_to(ROOT)}:{line}")
    return graph, by_name


def _block_lines(text: str) -> list[str]:
    match = BLOCK.search(text)
    if match is None:
        raise SystemExit(f"{DOC.relative_to(ROOT)}: no block between <!-- impor:mulai --> and <!-- impor:selesai -->")
    lines = [raw.strip().strip("`") for raw in match.group(1).splitlines()]
    return [line for line in lines if line and not line.startswith(("#", "```"))]


def allowed_edges(text: str) -> dict[str, set[str]]:
    """The `app -> a, b` lines of the machine-readable block of docs/arsitektur.md."""
    allowed: dict[str, set[str]] = {}
    for line in _block_lines(text):
        if line.startswith("siklus "):
            continue
        source, _, targets = line.partition("->")
        allowed[source.strip()] = {t.strip() for t in targets.split(",") if t.strip() and t.strip() != "-"}
    return allowed


def allowed_cycle_edges(text: str) -> set[tuple[str, str]]:
    """The `siklus app -> app` lines of the block: the edges allowed to close a cycle."""
    edges = set()
    for line in _block_lines(text):
        if line.startswith("siklus "):
            source, _, target = line.removeprefix("siklus ").partition("->")
            edges.add((source.strip(), target.strip()))
    return edges


def cycles(graph, allowed_cycle: set[tuple[str, str]]) -> list[list[str]]:
    """The strongly connected groups of more than one app once the allowed cycle edges are taken out (Tarjan),
    each sorted; and a `siklus` edge that no longer exists is reported as a group of its own (a stale line)."""
    edges = {s: {t for t in targets if (s, t) not in allowed_cycle} for s, targets in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(groups)


def stale_cycle_edges(graph, allowed_cycle: set[tuple[str, str]]) -> list[str]:
    return sorted(f"siklus {s} -> {t}" for s, t in allowed_cycle if t not in graph.get(s, {}))


def violations(graph, allowed) -> list[str]:
    problems = []
    for source, targets in graph.items():
        if source not in allowed:
            problems.append(f"{source}: app not listed in {DOC.relative_to(ROOT)}")
            continue
        for target, where in sorted(targets.items()):
            if target not in allowed[source]:
                problems.append(f"{source} -> {target} not allowed ({', '.join(where)})")
    return problems


def as_text(graph, by_name, allowed) -> str:
    lines = []
    for source, targets in graph.items():
        ok = allowed.get(source, set())
        shown = [t if t in ok else f"{t} (DILARANG)" for t in sorted(targets)]
        named = sorted(set(by_name[source]) - set(targets))
        lines.append(
            f"{source} -> {', '.join(shown) if shown else '-'}" + (f"   [nama: {', '.join(named)}]" if named else "")
        )
    return "\n".join(lines)


def as_dot(graph, by_name, allowed) -> str:
    lines = ["digraph apps {", "  rankdir=BT;", "  node [shape=box, fontname=sans];"]
    for source in graph:
        lines.append(f"  {source};")
    for source, targets in graph.items():
        for target, where in sorted(targets.items()):
            style = "" if target in allowed.get(source, set()) else " [color=red, penwidth=2]"
            lines.append(f"  {source} -> {target}{style};  // {len(where)} import(s)")
    for source, targets in by_name.items():
        for target in sorted(set(targets) - set(graph[source])):
            lines.append(f"  {source} -> {target} [style=dashed, color=gray];  // by name")
    lines.append("}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dot", action="store_true", help="print Graphviz dot instead of text")
    parser.add_argument("--where", action="store_true", help="list the file and line of every import")
    args = parser.parse_args(argv)
    graph, by_name = import_graph()
    allowed = allowed_edges(DOC.read_text(encoding="utf-8"))
    print(as_dot(graph, by_name, allowed) if args.dot else as_text(graph, by_name, allowed))
    if args.where and not args.dot:
        for source, targets in graph.items():
            for target, where in sorted(targets.items()):
                print(f"  {source} -> {target}: {', '.join(where)}")
    text = DOC.read_text(encoding="utf-8")
    allowed_cycle = allowed_cycle_edges(text)
    problems = violations(graph, allowed)
    problems += [f"siklus {' <-> '.join(group)} not documented" for group in cycles(graph, allowed_cycle)]
    problems += [
        f"{line}: no such import any more, remove the line" for line in stale_cycle_edges(graph, allowed_cycle)
    ]
    for problem in problems:
        print(f"DILARANG: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
