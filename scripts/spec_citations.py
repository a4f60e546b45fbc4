#!/usr/bin/env python3
"""List the comments, docstrings and texts that cite documents outside the repository (SPEC, SECURITY, STYLE,
shared/spec), with the section of docs/ that now holds the same rule.

    python scripts/spec_citations.py           # file:line  citation  ->  suggested docs/ target
    python scripts/spec_citations.py --check   # exit 1 while any citation is left (CI runs this)
    python scripts/spec_citations.py --fix     # rewrite each SPEC/SECURITY/STYLE citation to its docs/ target

Code comments cite the regulation ("Lampiran BAB IV angka 2") or docs/ ("docs/keputusan.md, \"Kategori\""),
never a file a person who clones the repository cannot read.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEARCHED = ["apps", "tests", "templates", "kupang_budaya", "static/js", "static/css", "scripts", "bench"]
TOP_FILES = ["README.md", "Makefile", "pyproject.toml", ".ci/run"]
SUFFIXES = {".py", ".html", ".js", ".css", ".md", ".txt", ".toml", ".sh", ".cfg", ""}
CITATION = re.compile(
    r"""(?<![\w])(?P<doc>SPEC|SECURITY|STYLE)(?:\.md)?(?:\s+(?:section\s+)?(?P<num>\d+)|\s+"(?P<name>[^"]+)")?"""
    r"""|(?P<path>(?:\.\./)*shared/(?:spec/)?[\w./-]+)"""
)
# Where each cited section lives now.
TARGET = {
    ("SPEC", "1"): "docs/glosarium.md",
    ("SPEC", "2"): 'docs/keputusan.md, "Peran dan lingkup" / "Kerahasiaan Formulir 1"',
    ("SPEC", "3"): 'docs/keputusan.md, "Registri dan impor" / "Kode aktivasi"',
    ("SPEC", "4"): "Lampiran BAB II (katalog nilai)",
    ("SPEC", "5"): "Lampiran BAB III 2.1 (Tabel 3.1); Pasal 9 (Tim Monev)",
    ("SPEC", "6"): 'docs/keputusan.md, "Alur agen perubahan"',
    ("SPEC", "7"): "Lampiran BAB III 2.2.4-2.2.5 (Tabel 2)",
    ("SPEC", "8"): 'docs/keputusan.md, "Formulir 1: skor dan kategori" / "Periode Formulir 1"',
    ("SPEC", "9"): 'docs/keputusan.md, "Laporan Evaluasi: angka per baris"',
    ("SPEC", "10"): 'docs/keputusan.md, "Antarmuka yang tetap"',
    ("SPEC", ""): "docs/keputusan.md",
    ("SECURITY", ""): 'docs/keamanan.md, "Kendali"',
    ("STYLE", "State changes"): 'docs/glosarium.md, "Kata kode" (transisi); docs/arsitektur.md',
    ("STYLE", "Tests"): "tests/conftest.py (personas)",
    ("STYLE", ""): "docs/arsitektur.md",
}


def files() -> list[Path]:
    found = [ROOT / name for name in TOP_FILES if (ROOT / name).exists()]
    for folder in SEARCHED:
        base = ROOT / folder
        if base.exists():
            found += [
                p
                for p in base.rglob("*")
                if p.is_file() and p.suffix in SUFFIXES and not {"vendor", ".venv"} & set(p.parts)  # not our code
            ]
    return sorted(set(found) - {Path(__file__).resolve()})


def target(doc: str, num: str | None, name: str | None) -> str:
    if doc == "SPEC":
        return TARGET.get((doc, num or ""), TARGET[(doc, "")])
    return TARGET.get((doc, name or ""), TARGET[(doc, "")])


def citations() -> list[tuple[str, str, str]]:
    rows = []
    for path in files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            for match in CITATION.finditer(line):
                if match.group("path"):
                    rows.append((f"{path.relative_to(ROOT)}:{number}", match.group(0), "the regulation or docs/"))
                else:
                    doc = match.group("doc")
                    rows.append(
                        (
                            f"{path.relative_to(ROOT)}:{number}",
                            match.group(0),
                            target(doc, match.group("num"), match.group("name")),
                        )
                    )
    return rows


def _tanpa_kutip(teks: str) -> str:
    """A target safe inside any string literal: "X" becomes «X»."""
    hasil, buka = [], True
    for ch in teks:
        if ch == '"':
            hasil.append("«" if buka else "»")
            buka = not buka
        else:
            hasil.append(ch)
    return "".join(hasil)


def fix() -> int:
    """Rewrite every SPEC/SECURITY/STYLE citation in place; paths under shared/ are left for a person to word."""
    changed = 0
    for path in files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue

        def ganti(match: re.Match) -> str:
            if match.group("path"):
                return match.group(0)
            return _tanpa_kutip(target(match.group("doc"), match.group("num"), match.group("name")))

        new = CITATION.sub(ganti, text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 while any citation is left")
    parser.add_argument("--fix", action="store_true", help="rewrite citations to their docs/ targets")
    args = parser.parse_args(argv)
    if args.fix:
        print(f"{fix()} file(s) rewritten", file=sys.stderr)
    rows = citations()
    for where, cited, suggested in rows:
        print(f"{where}\t{cited}\t-> {suggested}")
    print(f"{len(rows)} citation(s) in {len({w.rsplit(':', 1)[0] for w, _c, _s in rows})} file(s)", file=sys.stderr)
    return 1 if args.check and rows else 0


if __name__ == "__main__":
    sys.exit(main())
