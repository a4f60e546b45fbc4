#!/usr/bin/env bash
# Check the nginx sites of deploy/nginx/ with Debian's nginx, as .ci/run does (docs/operasi.md, «Server baru»):
#   1. kupang-budaya-http.conf (step 1 on a new server) passes `nginx -t` with no certificate anywhere;
#   2. kupang-budaya.conf fails `nginx -t` while the certificate is missing (why step 1 exists), and passes with one;
#   2b. kupang-budaya-instans.conf (several instances, one per pemda) passes with a certificate per host name;
#   3. kupang-budaya.conf served for real on high ports, with a throwaway self-signed certificate and no gunicorn
#      behind it: the ACME challenge is served over HTTP, everything else is redirected to HTTPS, a dead upstream
#      answers 502 with the Indonesian page, and the maintenance file turns every page into the 503 page.
# Every site is included from a throwaway nginx.conf in a temporary folder; nothing outside it is written.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
command -v nginx >/dev/null || { echo "nginx missing: sudo apt-get install -y nginx"; exit 1; }
tmp=$(mktemp -d)
# nginx workers run as an unprivileged user: they read the challenge and the error pages from here.
chmod 755 "$tmp"
pid=""
cleanup() {
  [ -n "$pid" ] && [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

nginx_conf() {  # nginx_conf SITE_FILE: a throwaway nginx.conf including that site
  mkdir -p "$tmp/temp"
  cat > "$tmp/nginx.conf" <<CONF
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $tmp/temp/body;
    proxy_temp_path $tmp/temp/proxy;
    fastcgi_temp_path $tmp/temp/fastcgi;
    uwsgi_temp_path $tmp/temp/uwsgi;
    scgi_temp_path $tmp/temp/scgi;
    include $1;
}
CONF
}
uji() { nginx -t -q -e "$tmp/error.log" -p "$tmp" -c "$tmp/nginx.conf"; }

# 1. HTTP only, no certificate.
sed -e "s#/srv/kupang-budaya/#$repo/#" deploy/nginx/kupang-budaya-http.conf > "$tmp/http.conf"
nginx_conf "$tmp/http.conf"
uji
echo "nginx -t: deploy/nginx/kupang-budaya-http.conf OK without a certificate"

# 2. Full site: refused without the certificate, accepted with one.
live="/etc/letsencrypt/live/budaya.kupangkab.go.id/"
sed -e "s#$live#$tmp/tidak-ada/#" deploy/nginx/kupang-budaya.conf > "$tmp/site-tanpa.conf"
nginx_conf "$tmp/site-tanpa.conf"
if uji 2>/dev/null; then
  echo "nginx -t accepted kupang-budaya.conf without its certificate: the HTTP-first step is not needed?" >&2
  exit 1
fi
echo "nginx -t: deploy/nginx/kupang-budaya.conf refused without a certificate (expected: start with -http.conf)"
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=budaya.kupangkab.go.id -days 1 \
  -keyout "$tmp/privkey.pem" -out "$tmp/fullchain.pem" 2>/dev/null
sed -e "s#$live#$tmp/#" deploy/nginx/kupang-budaya.conf > "$tmp/site.conf"
nginx_conf "$tmp/site.conf"
uji
echo "nginx -t: deploy/nginx/kupang-budaya.conf OK with a certificate"

# 2b. The site for several instances (docs/operasi.md, «Satu instans per pemda») with its shared part: accepted
#     with a certificate per host name (scripts/cek_dua_instans.sh serves it for real with two instances).
mkdir -p "$tmp/instans/deploy/nginx"
for nama in budaya.kupangkab.go.id budaya.kotalestari.go.id; do
  mkdir -p "$tmp/live/$nama" && cp "$tmp/privkey.pem" "$tmp/fullchain.pem" "$tmp/live/$nama/"
done
sed -e "s#/srv/kupang-budaya/#$repo/#" deploy/nginx/kupang-budaya-instans-umum.conf \
  > "$tmp/instans/deploy/nginx/kupang-budaya-instans-umum.conf"
sed -e "s#/etc/letsencrypt/live/#$tmp/live/#" -e "s#/srv/kupang-budaya/#$tmp/instans/#" \
  deploy/nginx/kupang-budaya-instans.conf > "$tmp/instans.conf"
nginx_conf "$tmp/instans.conf"
uji
echo "nginx -t: deploy/nginx/kupang-budaya-instans.conf (+ -instans-umum.conf) OK with a certificate per host"

# 3. Served for real: high ports, IPv4 only, a dead upstream, paths into the temporary folder.
http_port=$((20000 + RANDOM % 20000)); https_port=$((http_port + 1)); dead_port=$((http_port + 2))
mkdir -p "$tmp/acme/.well-known/acme-challenge" "$tmp/app/deploy/nginx"
# The error pages as scripts/upgrade writes them (here with a given name; the database may not exist yet).
SECRET_KEY="${SECRET_KEY:-uji-nginx}" .venv/bin/python manage.py halaman_galat --nama "Budaya Kerja Uji" "$tmp/app/galat" >/dev/null
echo "token-uji" > "$tmp/acme/.well-known/acme-challenge/uji"
sed -e "s#$live#$tmp/#" \
    -e "/listen \[::\]/d" \
    -e "s#listen 80;#listen 127.0.0.1:$http_port;#" \
    -e "s#listen 443 ssl#listen 127.0.0.1:$https_port ssl#" \
    -e "s#server 127.0.0.1:8001;#server 127.0.0.1:$dead_port;#" \
    -e "s#/var/www/letsencrypt#$tmp/acme#" \
    -e "s#/var/lib/kupang-budaya/pemeliharaan#$tmp/pemeliharaan#" \
    -e "s#/srv/kupang-budaya/#$tmp/app/#" \
    deploy/nginx/kupang-budaya.conf > "$tmp/live.conf"
nginx_conf "$tmp/live.conf"
nginx -e "$tmp/error.log" -p "$tmp" -c "$tmp/nginx.conf"
pid=started
for _ in $(seq 1 50); do [ -s "$tmp/nginx.pid" ] && break; sleep 0.1; done
host=budaya.kupangkab.go.id
periksa() {  # periksa NAME EXPECTED_STATUS EXPECTED_TEXT CURL_ARGS...
  local name=$1 status=$2 text=$3; shift 3
  local got
  got=$(curl -ks -o "$tmp/body" -w '%{http_code}' -H "Host: $host" "$@")
  if [ "$got" != "$status" ] || ! grep -q "$text" "$tmp/body"; then
    echo "GAGAL $name: status $got (harus $status), isi:" >&2; head -c 400 "$tmp/body" >&2; exit 1
  fi
  echo "nginx: $name -> $got"
}
periksa "ACME challenge over HTTP" 200 "token-uji" "http://127.0.0.1:$http_port/.well-known/acme-challenge/uji"
periksa "other HTTP path redirected" 301 "" "http://127.0.0.1:$http_port/survei/"
periksa "gunicorn down: Indonesian 502" 502 "Aplikasi sedang dimulai ulang · Budaya Kerja Uji" "https://127.0.0.1:$https_port/survei/"
touch "$tmp/pemeliharaan"
periksa "maintenance: Indonesian 503" 503 "Sedang pemeliharaan" "https://127.0.0.1:$https_port/survei/"
echo "nginx: deploy/nginx/ OK"
