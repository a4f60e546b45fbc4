#!/usr/bin/env bash
# Check the systemd units and timers of deploy/ (docs/operasi.md), as .ci/run does: `systemd-analyze verify` where
# systemd is installed (it needs no running systemd), else a parse check in Python. The only message accepted from
# systemd-analyze is that the app's own programs under /srv/kupang-budaya are not there (they are on the server).
# The template units of deploy/instans/ (one instance per pemda) are verified as an instance, `<name>@contoh.*`.
set -euo pipefail
cd "$(dirname "$0")/.."
units=(deploy/*.service deploy/*.timer deploy/instans/*@.service deploy/instans/*@.timer)
if command -v systemd-analyze >/dev/null; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  cp "${units[@]}" "$tmp/"
  tunggal=(); for u in "$tmp"/*; do case "$u" in *@.*) tunggal+=("./$(basename "${u/@./@contoh.}")") ;; *) tunggal+=("./$(basename "$u")") ;; esac; done
  (cd "$tmp" && SYSTEMD_LOG_COLOR=0 systemd-analyze verify --man=no "${tunggal[@]}" > out.txt 2>&1) || true
  if grep -v -E '^[^ ]+: Command /srv/kupang-budaya/\S+ is not executable: No such file or directory$' \
      "$tmp/out.txt" | grep -q .; then
    echo "systemd-analyze verify: masalah di deploy/:" >&2
    cat "$tmp/out.txt" >&2
    exit 1
  fi
  echo "systemd-analyze verify: ${#units[@]} berkas di deploy/ OK"
  exit 0
fi
python3 - "${units[@]}" <<'PY'
import configparser, pathlib, sys
masalah = []
for nama in sys.argv[1:]:
    p = configparser.ConfigParser(strict=False, interpolation=None, delimiters=("=",))
    p.optionxform = str
    try:
        p.read_string(pathlib.Path(nama).read_text())
    except configparser.Error as exc:
        masalah.append(f"{nama}: {exc}")
        continue
    jenis = "Service" if nama.endswith(".service") else "Timer"
    if "Unit" not in p or jenis not in p:
        masalah.append(f"{nama}: butuh [Unit] dan [{jenis}]")
    elif jenis == "Service" and "ExecStart" not in p["Service"]:
        masalah.append(f"{nama}: [Service] tanpa ExecStart")
    elif jenis == "Timer" and not {"OnCalendar", "OnBootSec", "OnUnitActiveSec"} & set(p["Timer"]):
        masalah.append(f"{nama}: [Timer] tanpa jadwal")
    if jenis == "Timer" and not pathlib.Path(nama[: -len(".timer")] + ".service").exists():
        masalah.append(f"{nama}: tidak ada .service dengan nama yang sama")
if masalah:
    sys.exit("\n".join(masalah))
print(f"parse check (tanpa systemd-analyze): {len(sys.argv) - 1} berkas di deploy/ OK")
PY
