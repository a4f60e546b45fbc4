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
    module = ROOT / "apps" / "hasil" / "apps.py"
    found = {(name, by_name) for name, _line, by_name in script.imported_modules(module)}
    assert ("apps.survei.signals", False) in found  # inside ready()
    assert ("apps.hasil.services", False) in found  # relative, resolved
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


def test_import_graph_reads_model_names_given_as_strings(tmp_path):
    """`apps.get_model("agen", ...)` and `"app.Model"` in a relation field read that app as an import does."""
    script = _script()
    module = tmp_path / "contoh.py"
    module.write_text(
        "from django.apps import apps\n"
        "from django.db import models\n"
        'Penetapan = apps.get_model("agen", "Penetapan")\n'
        'SK = apps.get_model("agen.SuratKeputusan")\n'
        'periode = models.ForeignKey("survei.Periode", on_delete=models.CASCADE)\n'
        'unit = models.OneToOneField(to="organisasi.UnitKerja", on_delete=models.CASCADE)\n'
        'teks = "laporan.pdf"\n',
        encoding="utf-8",
    )
    script.ROOT = tmp_path  # the module's package is read relative to ROOT
    found = sorted((name, line) for name, line, by_name in script.imported_modules(module) if not by_name)
    assert found == [
        ("apps.agen.models", 3),
        ("apps.agen.models", 4),
        ("apps.organisasi.models", 6),
        ("apps.survei.models", 5),
        ("django.apps", 1),
        ("django.db", 2),
    ]


def test_import_graph_refuses_an_undocumented_cycle_and_a_stale_cycle_line():
    script = _script()
    graph = {"akun": {"organisasi": ["a"], "agen": ["b"]}, "organisasi": {"akun": ["c"]}, "agen": {"akun": ["d"]}}
    assert script.cycles(graph, {("organisasi", "akun")}) == [["agen", "akun"]]
    assert script.cycles(graph, {("organisasi", "akun"), ("akun", "agen")}) == []
    assert script.cycles(graph, set()) == [["agen", "akun", "organisasi"]]
    assert script.stale_cycle_edges(graph, {("survei", "laporan")}) == ["siklus survei -> laporan"]


def test_the_only_documented_cycle_is_organisasi_akun():
    """docs/arsitektur.md: `organisasi -> akun` is the one intended cycle. A new cycle needs a `siklus` line there,
    which this test refuses."""
    script = _script()
    text = (ROOT / "docs" / "arsitektur.md").read_text(encoding="utf-8")
    assert script.allowed_cycle_edges(text) == {("organisasi", "akun")}
    graph, _by_name = script.import_graph()
    assert script.cycles(graph, script.allowed_cycle_edges(text)) == []
