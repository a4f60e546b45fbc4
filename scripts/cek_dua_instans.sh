#!/usr/bin/env bash
# Two instances (two pemda) of this checkout behind one nginx, as .ci/run runs it (docs/operasi.md, «Satu instans per
# pemda»):
#
#   scripts/cek_dua_instans.sh [BASE_URL]    # BASE_URL default postgres://postgres@127.0.0.1:5432
#                                            # databases ${DB_AWALAN:-kupang_ci_instans}_a and _b (dropped after)
#
# Each instance as on a server: its own pack (pasang_paket), its own environment file (the variables of deploy/instans/contoh.env: SECRET_KEY,
# database, media folder, gunicorn port, cookie names), its own PostgreSQL database, its own gunicorn
# (deploy/gunicorn.conf.py). One nginx serves deploy/nginx/kupang-budaya-instans.conf as written (two server_names
# on one HTTPS port; only ports, certificate and folder paths rewritten into a temporary folder). Checks:
#   1. each host answers /sehat/ and the login page with its own instansi name, never the other's;
#   2. a session cookie of one instance is not accepted by the other (under either cookie name);
#   3. a private file of one instance is served by it (after login) and by the other not (404);
#   4. a host name no instance has gets no answer; maintenance of one instance leaves the other serving, and its
#      503 page names its own pack's app name.
# Everything lives in a temporary folder and both databases are dropped at the end, also on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
BASE_URL="${1:-postgres://postgres@127.0.0.1:5432}"
AWALAN="${DB_AWALAN:-kupang_ci_instans}"
command -v nginx >/dev/null || { echo "nginx missing: sudo apt-get install -y nginx" >&2; exit 1; }
mulai=$(date +%s)
tmp=$(mktemp -d /tmp/kupang-instans-XXXXXX)
chmod 755 "$tmp"  # nginx's workers read the error pages from here
http_port=$((22000 + RANDOM % 8000)); https_port=$((http_port + 1))
port_a=$((http_port + 2)); port_b=$((http_port + 3))

# The two pemda of the example in deploy/: instance name, host, database, instansi name.
declare -A HOST=([kupang]=budaya.kupangkab.go.id [kota-lestari]=budaya.kotalestari.go.id)
declare -A DB=([kupang]="${AWALAN}_a" [kota-lestari]="${AWALAN}_b")
declare -A PORT=([kupang]=$port_a [kota-lestari]=$port_b)
declare -A NAMA=([kupang]="Pemerintah Kabupaten Kupang" [kota-lestari]="Pemerintah Kota Lestari")
declare -A KUNCI=()
SANDI="uji-dua-instans-$(head -c 12 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"

cleanup() {
  for i in kupang kota-lestari; do
    [ -f "$tmp/$i.pid" ] && kill -TERM "$(cat "$tmp/$i.pid")" 2>/dev/null || true
  done
  [ -s "$tmp/nginx.pid" ] && kill -QUIT "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  sleep 0.5
  for db in "${DB[@]}"; do psql -q "$BASE_URL/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
gagal() { echo "GAGAL: $*" >&2; for i in kupang kota-lestari; do tail -n 20 "$tmp/$i.log" >&2 2>/dev/null || true; done; exit 1; }

# Environment file per instance, with the variables of deploy/instans/contoh.env (values for this machine).
for i in kupang kota-lestari; do
  mkdir -p "$tmp/data/$i/media" "$tmp/data/$i/pratinjau"
  cat > "$tmp/$i.env" <<ENV
DEBUG=false
SECRET_KEY=$(head -c 64 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9' | head -c 60)
ALLOWED_HOSTS=${HOST[$i]}
CSRF_TRUSTED_ORIGINS=https://${HOST[$i]}
DATABASE_URL=$BASE_URL/${DB[$i]}
MEDIA_ROOT=$tmp/data/$i/media
IMPORT_PREVIEW_DIR=$tmp/data/$i/pratinjau
GUNICORN_BIND=127.0.0.1:${PORT[$i]}
SESSION_COOKIE_NAME=sesi_${i//-/_}
CSRF_COOKIE_NAME=csrf_${i//-/_}
TRUSTED_PROXY_COUNT=1
USE_X_FORWARDED_PROTO=true
GUNICORN_WORKERS=1
GUNICORN_THREADS=2
LOG_LEVEL_PERMINTAAN=WARNING
ENV
done
instans() {  # instans NAME COMMAND...: run COMMAND with that instance's environment file, as systemd does
  local i=$1; shift
  (set -a; . "$tmp/$i.env"; set +a; "$@")
}

# Databases: one migrated, the other a copy of it (the same schema; faster than migrating twice).
for db in "${DB[@]}"; do psql -q "$BASE_URL/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; done
psql -q "$BASE_URL/postgres" -c "CREATE DATABASE ${DB[kupang]}" >/dev/null
# The login page names hashed static files (DEBUG off): the manifest must exist. Collected while migrate runs.
instans kupang .venv/bin/python manage.py collectstatic --noinput -v0 &
statis=$!
instans kupang .venv/bin/python manage.py migrate --noinput -v0
psql -q "$BASE_URL/postgres" -c "CREATE DATABASE ${DB[kota-lestari]} TEMPLATE ${DB[kupang]}" >/dev/null
wait "$statis"
echo "== dua instans: database dan statis siap ($(( $(date +%s) - mulai )) s)"

declare -A APLIKASI=()
for i in kupang kota-lestari; do
  # Each instance's pack (instansi, values, instrument: docs/paket.md), as on a new server; then nginx's error pages
  # with the pack's app name, where kupang-budaya-instans-umum.conf reads them (scripts/upgrade writes them so).
  instans "$i" .venv/bin/python manage.py pasang_paket "$i" --terapkan >/dev/null
  APLIKASI[$i]=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["instansi"]["nama_aplikasi"])' \
    "paket/$i/paket.json")
  instans "$i" .venv/bin/python manage.py halaman_galat "$tmp/app/galat/$i" >/dev/null
  KUNCI[$i]=$(instans "$i" .venv/bin/python manage.py shell -v 0 -c "
import datetime
from django.core.files.base import ContentFile
from apps.akun.models import User
from apps.forum.models import LampiranPertemuan, Pertemuan
user = User.objects.create_user(username='uji', password='$SANDI')
pertemuan = Pertemuan.objects.create(tanggal=datetime.date(2026, 11, 20), topik='Rapat $i', fasilitator='Uji',
                                     catatan='Uji dua instans', dicatat_oleh=user)
isi = b'%PDF-1.4\n% berkas instans $i\n%%EOF\n'
lampiran = LampiranPertemuan(pertemuan=pertemuan, nama_asli='$i.pdf', content_type='application/pdf', ukuran=len(isi),
                             diunggah_oleh=user)
lampiran.berkas.save('$i.pdf', ContentFile(isi), save=False)
lampiran.save()
print(lampiran.kunci)
")
  instans "$i" .venv/bin/gunicorn kupang_budaya.wsgi -c deploy/gunicorn.conf.py --pid "$tmp/$i.pid" \
    --error-logfile "$tmp/$i.log" --daemon
done

# nginx: deploy/nginx/kupang-budaya-instans.conf and its shared part, with ports and paths into the temporary
# folder; a self-signed certificate per host name, where certbot would put it.
mkdir -p "$tmp/app/deploy/nginx" "$tmp/acme" "$tmp/temp"
for i in kupang kota-lestari; do
  mkdir -p "$tmp/sertifikat/${HOST[$i]}"
  openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=${HOST[$i]}" -days 1 \
    -keyout "$tmp/sertifikat/${HOST[$i]}/privkey.pem" -out "$tmp/sertifikat/${HOST[$i]}/fullchain.pem" 2>/dev/null
done
ubah=(
  -e "/listen \[::\]/d"
  -e "s#listen 80;#listen 127.0.0.1:$http_port;#"
  -e "s#listen 80 default_server;#listen 127.0.0.1:$http_port default_server;#"
  -e "s#listen 443 ssl#listen 127.0.0.1:$https_port ssl#"
  -e "s#server 127.0.0.1:8001;#server 127.0.0.1:$port_a;#"
  -e "s#server 127.0.0.1:8002;#server 127.0.0.1:$port_b;#"
  -e "s#/etc/letsencrypt/live/#$tmp/sertifikat/#"
  -e "s#/var/www/letsencrypt#$tmp/acme#"
  -e "s#/var/log/nginx/kupang-budaya.access.log#$tmp/akses.log#"
  -e "s#/var/lib/kupang-budaya/#$tmp/data/#"
  -e "s#/srv/kupang-budaya/#$tmp/app/#"
)
sed "${ubah[@]}" deploy/nginx/kupang-budaya-instans-umum.conf > "$tmp/app/deploy/nginx/kupang-budaya-instans-umum.conf"
sed "${ubah[@]}" deploy/nginx/kupang-budaya-instans.conf > "$tmp/situs.conf"
cat > "$tmp/nginx.conf" <<CONF
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    client_body_temp_path $tmp/temp/body;
    proxy_temp_path $tmp/temp/proxy;
    fastcgi_temp_path $tmp/temp/fastcgi;
    uwsgi_temp_path $tmp/temp/uwsgi;
    scgi_temp_path $tmp/temp/scgi;
    include $tmp/situs.conf;
}
CONF
nginx -t -q -e "$tmp/error.log" -p "$tmp" -c "$tmp/nginx.conf" || gagal "nginx -t: $(cat "$tmp/error.log")"
nginx -e "$tmp/error.log" -p "$tmp" -c "$tmp/nginx.conf"

# curl to one instance through nginx, by host name (SNI and Host), over HTTPS.
minta() {  # minta INSTANCE PATH [CURL_ARGS...]: prints the status; the body is in $tmp/isi
  local i=$1 path=$2; shift 2
  curl -ks -o "$tmp/isi" -w '%{http_code}' --resolve "${HOST[$i]}:$https_port:127.0.0.1" \
    "https://${HOST[$i]}:$https_port$path" "$@" || true
}
for _ in $(seq 1 150); do
  [ "$(minta kupang /sehat/)" = 200 ] && [ "$(minta kota-lestari /sehat/)" = 200 ] && break
  sleep 0.2
done

lain() { [ "$1" = kupang ] && echo kota-lestari || echo kupang; }
for i in kupang kota-lestari; do
  j=$(lain "$i")
  # 1. Its own name on /sehat/ and on the login page, never the other's.
  status=$(minta "$i" /sehat/)
  [ "$status" = 200 ] || gagal "$i /sehat/ $status: $(head -c 300 "$tmp/isi")"
  nama=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["instansi"])' "$tmp/isi")
  [ "$nama" = "${NAMA[$i]}" ] || gagal "$i /sehat/ menyebut '$nama', harus '${NAMA[$i]}'"
  status=$(minta "$i" /akun/masuk/)
  [ "$status" = 200 ] || gagal "$i /akun/masuk/ $status"
  grep -q "${NAMA[$i]}" "$tmp/isi" || gagal "halaman masuk $i tidak menyebut '${NAMA[$i]}'"
  if grep -q "${NAMA[$j]}" "$tmp/isi"; then gagal "halaman masuk $i menyebut instans lain '${NAMA[$j]}'"; fi
  echo "== $i: /sehat/ dan halaman masuk menyebut '${NAMA[$i]}'"

  # Log in (the login form, as a browser does): the session cookie of this instance, under its own name.
  jar="$tmp/$i.cookies"
  minta "$i" /akun/masuk/ -c "$jar" >/dev/null
  token=$(grep -o 'name="csrfmiddlewaretoken" value="[^"]*"' "$tmp/isi" | head -n 1 | sed 's/.*value="//; s/"$//')
  status=$(minta "$i" /akun/masuk/ -b "$jar" -c "$jar" -e "https://${HOST[$i]}/akun/masuk/" \
    --data-urlencode "csrfmiddlewaretoken=$token" --data-urlencode "username=uji" --data-urlencode "password=$SANDI")
  [ "$status" = 302 ] || gagal "$i: masuk gagal ($status): $(grep -o 'alert[^<]*<[^<]*' "$tmp/isi" | head -n 3)"
  sesi=$(awk -v n="sesi_${i//-/_}" '$6 == n {print $7}' "$jar")
  [ -n "$sesi" ] || gagal "$i: tidak ada cookie sesi_${i//-/_} (cookie: $(awk '!/^#/ && NF {print $6}' "$jar" | xargs))"

  # 3. Its own private file, after login.
  status=$(minta "$i" "/forum/lampiran/${KUNCI[$i]}/" -b "$jar")
  [ "$status" = 200 ] && grep -q "berkas instans $i" "$tmp/isi" || gagal "$i tidak melayani berkasnya sendiri ($status)"
  declare "SESI_${i//-/_}=$sesi"
done

for i in kupang kota-lestari; do
  j=$(lain "$i")
  sesi_i="SESI_${i//-/_}"; sesi_i=${!sesi_i}
  # 2. The session of i is not accepted by j, under either cookie name: j sends it to the login page.
  for nama_cookie in "sesi_${i//-/_}" "sesi_${j//-/_}"; do
    status=$(minta "$j" /forum/ -H "Cookie: $nama_cookie=$sesi_i" -D "$tmp/kepala")
    lokasi=$(tr -d '\r' < "$tmp/kepala" | awk 'tolower($1) == "location:" {print $2}')
    [ "$status" = 302 ] && [[ "$lokasi" == /akun/masuk/* ]] \
      || gagal "sesi $i diterima $j sebagai $nama_cookie ($status $lokasi)"
  done
  # 3. The file of i is not served by j, even to a user logged in there (the record and the file are i's only).
  status=$(minta "$j" "/forum/lampiran/${KUNCI[$i]}/" -b "$tmp/$j.cookies")
  [ "$status" = 404 ] || gagal "$j menjawab $status untuk berkas $i"
  if grep -rlq "berkas instans $i" "$tmp/data/$j/media"; then gagal "berkas $i ada di folder $j"; fi
  echo "== $i: sesinya ditolak $j, berkasnya tidak dilayani $j"
done

# 4. A host name no instance has: no answer (not the first instance by default).
status=$(curl -ks -o /dev/null -w '%{http_code}' --resolve "lain.example:$https_port:127.0.0.1" \
  "https://lain.example:$https_port/akun/masuk/" || true)
[ "$status" = 000 ] || gagal "host tak dikenal dijawab $status"
for i in kupang kota-lestari; do
  j=$(lain "$i")
  touch "$tmp/data/$i/pemeliharaan"
  [ "$(minta "$i" /akun/masuk/)" = 503 ] && grep -q "Sedang pemeliharaan" "$tmp/isi" || gagal "pemeliharaan $i"
  grep -q "<header>${APLIKASI[$i]}</header>" "$tmp/isi" || gagal "halaman 503 $i tidak menyebut '${APLIKASI[$i]}'"
  [ "$(minta "$j" /akun/masuk/)" = 200 ] || gagal "$j ikut pemeliharaan $i"
  rm -f "$tmp/data/$i/pemeliharaan"
  echo "== pemeliharaan $i: 503 dengan nama '${APLIKASI[$i]}', $j tetap melayani"
done
echo "== host tak dikenal tidak dijawab"
echo "== dua instans di belakang satu nginx: OK ($(( $(date +%s) - mulai )) s)"
