#!/usr/bin/env bash
# Backup round trip (docs/keamanan.md, «Kendali»): pg_dump a database, pg_restore it into a new scratch
# database, compare the row count of every table, then drop the scratch database.
#
#   scripts/backup_roundtrip.sh postgres://postgres@127.0.0.1:5432/kupang_registry [DUMP_FILE]
#
# Exit 0 when every table has the same number of rows in both; the dump file is kept when given.
set -euo pipefail

SOURCE_URL="${1:-${DATABASE_URL:-}}"
case "$SOURCE_URL" in
  postgres://*|postgresql://*) ;;
  *) echo "Pakai: $0 postgres://USER@HOST:PORT/DB [BERKAS_DUMP]" >&2; exit 2 ;;
esac
for tool in pg_dump pg_restore psql; do
  command -v "$tool" >/dev/null || { echo "$tool tidak ada (apt-get install -y postgresql-client)" >&2; exit 2; }
done

BASE_URL="${SOURCE_URL%/*}"
SOURCE_DB="${SOURCE_URL##*/}"
SOURCE_DB="${SOURCE_DB%%\?*}"
SCRATCH_DB="${SOURCE_DB}_pulih_$$"
SCRATCH_URL="${BASE_URL}/${SCRATCH_DB}"
DUMP="${2:-$(mktemp --suffix=.dump)}"
KEEP_DUMP="${2:+yes}"

cleanup() {
  psql -q "${BASE_URL}/postgres" -c "DROP DATABASE IF EXISTS \"${SCRATCH_DB}\"" >/dev/null 2>&1 || true
  [ -n "$KEEP_DUMP" ] || rm -f "$DUMP"
}
trap cleanup EXIT

counts() {
  # "table count" for every table of the public schema, sorted by name.
  local url="$1"
  psql -At "$url" -c "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename" |
    while read -r table; do
      printf '%s %s\n' "$table" "$(psql -At "$url" -c "SELECT count(*) FROM \"${table}\"")"
    done
}

pg_dump --format=custom --no-owner --no-privileges --file "$DUMP" "$SOURCE_URL"
psql -q "${BASE_URL}/postgres" -c "CREATE DATABASE \"${SCRATCH_DB}\"" >/dev/null
pg_restore --no-owner --no-privileges --exit-on-error --dbname "$SCRATCH_URL" "$DUMP"

BEFORE="$(counts "$SOURCE_URL")"
AFTER="$(counts "$SCRATCH_URL")"
TABLES="$(printf '%s\n' "$BEFORE" | grep -c . || true)"
ROWS="$(printf '%s\n' "$BEFORE" | awk '{s += $2} END {print s + 0}')"
if [ "$BEFORE" != "$AFTER" ]; then
  echo "GAGAL: jumlah baris berbeda setelah pemulihan" >&2
  diff <(printf '%s\n' "$BEFORE") <(printf '%s\n' "$AFTER") >&2 || true
  exit 1
fi
echo "OK: ${TABLES} tabel, ${ROWS} baris sama setelah pg_dump/pg_restore ($(du -h "$DUMP" | cut -f1) dump)"
