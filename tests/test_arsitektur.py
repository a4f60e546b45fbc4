"""The apps import each other only the way docs/arsitektur.md allows, and migrations import no live code."""

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "import_graph.py"


def _script():
    spec = importlib.util.spec_from_file_location("import_graph", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_import_graph_script_passes_and_prints_every_app():
    result = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    printed = {line.split(" -> ")[0] for line in result.stdout.splitlines()}
    assert printed == set(_script().app_names())


def test_import_graph_script_refuses_an_arrow_against_the_layers():
    script = _script()
    allowed = script.allowed_edges((ROOT / "docs" / "arsitektur.md").read_text(encoding="utf-8"))
    graph = {"common": {"agen": ["apps/common/pdf.py:3"]}, "agen": {"common": ["apps/agen/views.py:16"]}}
    assert script.violations(graph, allowed) == ["common -> agen not allowed (apps/common/pdf.py:3)"]
    assert script.violations({"baru": {}}, allowed) == ["baru: app not listed in docs/arsitektur.md"]


def test_import_graph_reads_relative_function_local_and_named_imports():
    script = _script()
    module = ROOT / "apps" / "laporan" / "apps.py"
    found = {(name, by_name) for name, _line, by_name in script.imported_modules(module)}
    assert ("apps.survei.signals", False) in found  # inside ready()
    assert ("apps.laporan.services", False) in found  # relative, resolved
    named = script.imported_modules(ROOT / "apps" / "common" / "reference.py")
    assert ("apps.agen.reference", True) in {(name, by_name) for name, _line, by_name in named}


def test_organisasi_models_do_not_import_akun():
    """The registry's models stand below the accounts; its views, admin and services ask Lingkup for rights."""
    script = _script()
    graph, _by_name = script.import_graph()
    files = {Path(where.split(":")[0]) for where in graph["organisasi"].get("akun", [])}
    assert {f.name for f in files} & {"models.py", "nip.py", "golongan.py"} == set()


def test_migrations_import_no_live_application_code():
    """A data migration carries a frozen copy of its data (apps/<app>/migrations/_*.py), never apps.* code."""
    bad = []
    for path in sorted((ROOT / "apps").glob("*/migrations/*.py")):
        # Schema migrations name the callables of their fields (storage, upload_to, validators) as Django
        # generates them; data migrations (RunPython) and their frozen modules import nothing of the app.
        if not (path.name.startswith("_") or "RunPython" in path.read_text(encoding="utf-8")):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [("." * node.level) + (node.module or "")]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if not (name.startswith("._") or top in {"django", "simple_history"} or top in sys.stdlib_module_names):
                    bad.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {name}")
    assert bad == []
