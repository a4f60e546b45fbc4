#!/usr/bin/env python3
"""Print the import graph between the apps in apps/, read from the code with `ast`, and check it against the
allowed edges in docs/arsitektur.md.

    python scripts/import_graph.py          # text: one line per app, the apps it imports and where
    python scripts/import_graph.py --dot    # Graphviz dot (render: `... --dot | dot -Tsvg > impor.svg`)

Exit status 1 when an app imports another app that docs/arsitektur.md does not allow (the block between the
lines `<!-- impor:mulai -->` and `<!-- impor:selesai -->`, one `app -> app, app, ...` line per app), 0 otherwise.
Every import statement counts: module level, inside functions, under `if TYPE_CHECKING`, and migrations.
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


def app_names() -> list[str]:
    return sorted(p.name for p in APPS.iterdir() if (p / "__init__.py").exists())


def app_of(module: str, apps: set[str]) -> str | None:
    parts = module.split(".")
    if len(parts) >= 2 and parts[0] == "apps" and parts[1] in apps:
        return parts[1]
    return None


def imported_modules(path: Path) -> list[tuple[str, int, bool]]:
    """(module, line, by_name) for each import in the file (relative imports resolved against the file's
    package), and for each string literal naming a module under apps/ (by_name=True)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(tree):
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


def allowed_edges(text: str) -> dict[str, set[str]]:
    """The `app -> a, b` lines of the machine-readable block of docs/arsitektur.md."""
    match = BLOCK.search(text)
    if match is None:
        raise SystemExit(f"{DOC.relative_to(ROOT)}: no block between <!-- impor:mulai --> and <!-- impor:selesai -->")
    allowed: dict[str, set[str]] = {}
    for raw in match.group(1).splitlines():
        line = raw.strip().strip("`")
        if not line or line.startswith(("#", "```")):
            continue
        source, _, targets = line.partition("->")
        allowed[source.strip()] = {t.strip() for t in targets.split(",") if t.strip() and t.strip() != "-"}
    return allowed


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
    problems = violations(graph, allowed)
    for problem in problems:
        print(f"DILARANG: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
