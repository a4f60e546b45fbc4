#!/usr/bin/env python3
"""Fail when a template, Python, JS or CSS file names the pemda: every pemda's name, places and offices come from
its pack through `apps.common.models.Instansi` (docs/paket.md), so the same code runs for any pemda.

    python scripts/tanpa_nama_pemda.py    # file:line  text, and exit 1 while any is left (CI runs this)

Searched: the tracked files ending in .py, .html, .txt, .js or .css, and every file under a templates/ folder.
Not searched: the Kupang pack (paket/kupang/), docs/, migrations (history), tests/, the README and this file. The words are
case-sensitive: the package `kupang_budaya`, database names and other lowercase identifiers are not hits.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KATA = re.compile(r"Kupang|KUPANG|Oelamasi")
AKHIRAN = {".py", ".html", ".txt", ".js", ".css"}
DIKECUALIKAN = re.compile(r"^(paket/kupang/|docs/|tests/|README|scripts/tanpa_nama_pemda\.py$)|(^|/)migrations/")
# Files whose data moves into the Kupang pack (paket/kupang/): allowed until it has moved. Remove each line when
# its file is clean (the script says which are).
SEMENTARA: set[str] = set()


# Outside a git checkout: the files of the tree, without what is built or installed.
BUKAN_SUMBER = {
    ".git",
    ".venv",
    "node_modules",
    "staticfiles",
    "staticfiles-test",
    "media",
    "test-artifacts",
    "tmp",
    "__pycache__",
}


def berkas_terlacak() -> list[str]:
    try:
        keluaran = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return [
            str(p.relative_to(ROOT))
            for p in ROOT.rglob("*")
            if p.is_file() and not BUKAN_SUMBER & set(p.relative_to(ROOT).parts)
        ]
    return [p for p in keluaran.decode().split("\0") if p]


def diperiksa(path: str) -> bool:
    if DIKECUALIKAN.search(path):
        return False
    return Path(path).suffix in AKHIRAN or "templates" in Path(path).parts


def temuan(path: str) -> list[tuple[int, str]]:
    try:
        teks = (ROOT / path).read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return []
    return [(n, baris.strip()) for n, baris in enumerate(teks.splitlines(), start=1) if KATA.search(baris)]


def main() -> int:
    gagal = 0
    for path in sorted(p for p in berkas_terlacak() if diperiksa(p)):
        hits = temuan(path)
        if path in SEMENTARA:
            if not hits:
                print(f"{path}: tidak lagi menyebut nama pemda; hapus dari SEMENTARA", file=sys.stderr)
            continue
        for n, baris in hits:
            print(f"{path}:{n}: {baris[:160]}")
            gagal += 1
    if gagal:
        print(
            f"{gagal} baris menyebut nama pemda: ambil dari Instansi (apps.common.models) atau dari paket pemda.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
