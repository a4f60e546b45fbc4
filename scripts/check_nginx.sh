#!/usr/bin/env bash
# Check deploy/nginx/kupang-budaya.conf with `nginx -t` (Debian's nginx), as .ci/run does.
# The site is included from a throwaway nginx.conf in a temporary folder, with a throwaway self-signed
# certificate in place of Let's Encrypt's; nothing outside that folder is read or written but mime.types.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || { echo "nginx missing: sudo apt-get install -y nginx"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=budaya.kupangkab.go.id -days 1 \
  -keyout "$tmp/privkey.pem" -out "$tmp/fullchain.pem" 2>/dev/null
sed -e "s#/etc/letsencrypt/live/budaya.kupangkab.go.id/#$tmp/#" deploy/nginx/kupang-budaya.conf > "$tmp/site.conf"
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
    include $tmp/site.conf;
}
CONF
nginx -t -q -e "$tmp/error.log" -p "$tmp" -c "$tmp/nginx.conf"
echo "nginx -t: deploy/nginx/kupang-budaya.conf OK"
