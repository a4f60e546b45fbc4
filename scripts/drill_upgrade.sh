#!/usr/bin/env bash
# The upgrade drill and the backup/restore drill, on PostgreSQL, as .ci/run runs them (docs/operasi.md, «Latihan»).
#
#   scripts/drill_upgrade.sh [BASE_URL]      # BASE_URL default postgres://postgres@127.0.0.1:5432
#
# 1. The previous release (deploy/RILIS_SEBELUMNYA) is checked out with `git worktree add` into a temporary
#    "server" folder, migrated into its own database and seeded with `seed_demo`, plus two private files with
#    records pointing at them; gunicorn serves it (DEBUG off).
# 2. Before: the row count of every table, `ekspor_jawaban --periode 2025`, the 2025 Laporan Evaluasi (every number
#    of its XLSX).
# 3. scripts/upgrade --ke <this commit>, as on the server: backup, maintenance, code, migrate, restart, smoke test.
# 4. After: every count of step 2 identical, the export and the 2025 report identical, the files still there.
# 5. A backup of the upgraded site and the restore drill (`uji_pulih`): counts, checksums, files records point at.
# 6. scripts/upgrade --kembalikan <the backup of step 3>: the previous release again, counts as in step 2.
# Prints the seconds of each part. Exit 0 when everything held.
set -euo pipefail

# The drill's stand-in for `systemctl start|stop kupang-budaya`: gunicorn of the server folder, as a daemon.
case "${1:-}" in
  --mulai)
    "$2/server/.venv/bin/gunicorn" kupang_budaya.wsgi -c "$2/server/deploy/gunicorn.conf.py" --chdir "$2/server" \
      --pid "$2/gunicorn.pid" --error-logfile "$2/gunicorn.log" --daemon
    exit 0 ;;
  --mulai-ulang)
    bash "$0" --hentikan "$2"
    exec bash "$0" --mulai "$2" ;;
  --hentikan)
    if [ -f "$2/gunicorn.pid" ]; then
      pid=$(cat "$2/gunicorn.pid")
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      rm -f "$2/gunicorn.pid"
    fi
    exit 0 ;;
esac

cd "$(dirname "$0")/.."
repo=$(pwd)
BASE_URL="${1:-postgres://postgres@127.0.0.1:5432}"
DB=kupang_ci_upgrade
export DATABASE_URL="$BASE_URL/$DB"
rilis=$(tr -d '[:space:]' < deploy/RILIS_SEBELUMNYA)
baru=$(git rev-parse HEAD)
tmp=$(mktemp -d /tmp/kupang-drill-XXXXXX)
server="$tmp/server"
port=$((21000 + RANDOM % 9000))
mulai=$(date +%s)
detik() { echo "$(( $(date +%s) - mulai )) s"; }

export DEBUG=false SECRET_KEY="drill-$(head -c 64 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')" \
  ALLOWED_HOSTS=budaya.test USE_X_FORWARDED_PROTO=true MEDIA_ROOT="$tmp/media" LOG_LEVEL_PERMINTAAN=WARNING \
  GUNICORN_BIND="127.0.0.1:$port" GUNICORN_WORKERS=1 GUNICORN_THREADS=2
export CADANGAN_DIR="$tmp/cadangan" PEMELIHARAAN="$tmp/pemeliharaan" ENV_FILE=/dev/null APP_USER=nobody-here \
  SMOKE_URL="http://127.0.0.1:$port" SMOKE_HOST=budaya.test APP_DIR="$server"
# The "service": gunicorn from the server folder, restarted (never reloaded) by scripts/upgrade.
export STOP_CMD="bash $repo/scripts/drill_upgrade.sh --hentikan $tmp"
export RESTART_CMD="bash $repo/scripts/drill_upgrade.sh --mulai-ulang $tmp"

cleanup() {
  bash "$repo/scripts/drill_upgrade.sh" --hentikan "$tmp" 2>/dev/null || true
  git -C "$repo" worktree remove --force "$server" 2>/dev/null || true
  psql -q "$BASE_URL/postgres" -c "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

psql -q "$BASE_URL/postgres" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
git worktree add -q --detach "$server" "$rilis"
ln -s "$repo/.venv" "$server/.venv"
echo "== drill: rilis sebelumnya ${rilis:0:12} -> ${baru:0:12}, database $DB"
(cd "$server" && .venv/bin/python manage.py migrate --noinput -v0 && .venv/bin/python manage.py seed_demo >/dev/null \
  && .venv/bin/python manage.py collectstatic --noinput -v0)
# Two private files with records pointing at them, written by the previous release's own storages.
(cd "$server" && .venv/bin/python manage.py shell -v 0 -c "
from django.core.files.base import ContentFile
from apps.forum.models import LampiranPertemuan, Pertemuan
from apps.rencana.models import BuktiDukung, RealisasiBaris
from apps.akun.models import User
pdf = b'%PDF-1.4\n% drill\n' + bytes(range(256)) * 40 + b'\n%%EOF\n'
r = RealisasiBaris.objects.order_by('pk').first()
b = BuktiDukung(realisasi=r, nama_asli='bukti-drill.pdf', jenis='pdf', ukuran=len(pdf))
b.berkas.save('bukti.pdf', ContentFile(pdf), save=False)
b.save()
p = Pertemuan.objects.order_by('pk').first()
lampiran = LampiranPertemuan(pertemuan=p, nama_asli='notulen-drill.pdf', content_type='application/pdf',
    ukuran=len(pdf) + 1, diunggah_oleh=User.objects.get(username='admin'))
lampiran.berkas.save('notulen.pdf', ContentFile(pdf + b'x'), save=False)
lampiran.save()
")
echo "== drill: rilis sebelumnya terpasang dan berisi data demo ($(detik))"
bash "$repo/scripts/drill_upgrade.sh" --mulai "$tmp"

# Tables a data migration between deploy/RILIS_SEBELUMNYA and this release fills from existing rows (agen 0006: the
# role of every appointed agent, from its Penetapan). Empty this list when RILIS_SEBELUMNYA moves past them.
BOLEH_BERTAMBAH="${BOLEH_BERTAMBAH-akun_peran}"
# Django's bookkeeping grows with every release (a row per migration, content type, permission): not data.
BUKU='^(django_migrations|django_content_type|auth_permission) '
jumlah() {  # "table count" for every data table, sorted byte-wise (for join)
  psql -At "$DATABASE_URL" -c "SELECT tablename FROM pg_tables WHERE schemaname = 'public'" |
    while read -r tabel; do
      printf '%s %s\n' "$tabel" "$(psql -At "$DATABASE_URL" -c "SELECT count(*) FROM \"$tabel\"")"
    done | grep -Ev "$BUKU" | LC_ALL=C sort
}

potret() {  # potret NAME: counts of every table, the 2025 export and report, the files' checksums
  local keluar="$tmp/$1"
  mkdir -p "$keluar"
  jumlah > "$keluar/jumlah.txt"
  (cd "$server" && .venv/bin/python manage.py ekspor_jawaban --periode 2025 --output "$keluar/jawaban-2025.csv" >/dev/null \
    && .venv/bin/python manage.py laporan_evaluasi --periode 2025 --format xlsx --output "$keluar/laporan-2025.xlsx" >/dev/null)
  "$repo/.venv/bin/python" - "$keluar/laporan-2025.xlsx" > "$keluar/laporan-2025.txt" <<'PY'
# Every number of the report, sheet by sheet in reading order: the figures must not change; a release may
# reword a heading or a signer's title (the words are not compared).
import sys
import openpyxl
for sheet in openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True).worksheets:
    for row in sheet.iter_rows(values_only=True):
        angka = [repr(v) for v in row if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if angka:
            print(sheet.title, " ".join(angka))
PY
  (cd "$tmp/media" && find . -type f ! -name '.*' -exec sha256sum {} + | awk '{print $1}' | sort) > "$keluar/berkas.txt"
}

potret sebelum
echo "== drill: sebelum: $(wc -l < "$tmp/sebelum/jumlah.txt") tabel, $(awk '{s+=$2} END {print s}' "$tmp/sebelum/jumlah.txt") baris, $(wc -l < "$tmp/sebelum/jawaban-2025.csv") baris ekspor 2025, $(wc -l < "$tmp/sebelum/berkas.txt") berkas ($(detik))"

t0=$(date +%s)
bash "$repo/scripts/upgrade" --ke "$baru" | tee "$tmp/upgrade.log"
echo "== drill: scripts/upgrade selesai dalam $(( $(date +%s) - t0 )) s"
cadangan_upgrade=$(sed -n 's/^OK: \([^ ]*\) (.*/\1/p' "$tmp/upgrade.log" | head -n 1)
[ "$(git -C "$server" rev-parse HEAD)" = "$baru" ]
[ ! -e "$PEMELIHARAAN" ]

potret sesudah
# Every table of the previous release keeps its count; tables the upgrade added are listed.
"$repo/.venv/bin/python" - "$tmp/sebelum/jumlah.txt" "$tmp/sesudah/jumlah.txt" "$BOLEH_BERTAMBAH" \
  > "$tmp/banding.txt" <<'PY'
"""Every table of the previous release keeps its row count. A model that moved to another app keeps its rows under
the new table name (app_model -> otherapp_model, same model part and count). A table may only grow where a data
migration of the release derives rows (BOLEH_BERTAMBAH); no table may lose a row."""
import sys
baca = lambda p: dict(line.split() for line in open(p) if line.strip())
sebelum, sesudah = baca(sys.argv[1]), {k: int(v) for k, v in baca(sys.argv[2]).items()}
boleh = set(sys.argv[3].split())
beda, catatan = [], []
baru = set(sesudah) - set(sebelum)
for tabel, n in sorted(sebelum.items()):
    n = int(n)
    if tabel not in sesudah:
        model = tabel.split("_", 1)[1]
        pindah = [t for t in sorted(baru) if t.split("_", 1)[1] == model and sesudah[t] == n]
        if pindah:
            baru.discard(pindah[0])
            catatan.append(f"{tabel} -> {pindah[0]} ({n})")
        else:
            beda.append(f"{tabel}: {n} -> hilang")
    elif sesudah[tabel] > n and tabel in boleh:
        catatan.append(f"{tabel} {n} -> {sesudah[tabel]} (diturunkan migrasi)")
    elif sesudah[tabel] != n:
        beda.append(f"{tabel}: {n} -> {sesudah[tabel]}")
print("; ".join(catatan + [f"baru {t}={sesudah[t]}" for t in sorted(baru)]) or "tidak ada")
if beda:
    sys.exit("BEDA: " + "; ".join(beda))
PY
baru_tabel=$(cat "$tmp/banding.txt")
cmp "$tmp/sebelum/jawaban-2025.csv" "$tmp/sesudah/jawaban-2025.csv"
diff "$tmp/sebelum/laporan-2025.txt" "$tmp/sesudah/laporan-2025.txt"
diff "$tmp/sebelum/berkas.txt" "$tmp/sesudah/berkas.txt"
echo "== drill: sesudah pembaruan: jumlah setiap tabel, ekspor 2025, angka Laporan Evaluasi 2025 ($(wc -w < "$tmp/sesudah/laporan-2025.txt") kata di $(wc -l < "$tmp/sesudah/laporan-2025.txt") baris XLSX) dan $(wc -l < "$tmp/sesudah/berkas.txt") berkas sama; pindah, bertambah, baru: ${baru_tabel} ($(detik))"

t0=$(date +%s)
(cd "$server" && .venv/bin/python manage.py cadangan "$tmp/cadangan-baru" && .venv/bin/python manage.py uji_pulih "$tmp/cadangan-baru")
echo "== drill: cadangan + uji pemulihan $(( $(date +%s) - t0 )) s"

t0=$(date +%s)
bash "$repo/scripts/upgrade" --kembalikan "$cadangan_upgrade"
[ "$(git -C "$server" rev-parse HEAD)" = "$(git -C "$repo" rev-parse "$rilis")" ]
jumlah > "$tmp/kembali.txt"
diff "$tmp/sebelum/jumlah.txt" "$tmp/kembali.txt"
echo "== drill: dikembalikan ke rilis sebelumnya dalam $(( $(date +%s) - t0 )) s; jumlah setiap tabel sama dengan sebelum"
echo "== drill: OK dalam $(detik)"
