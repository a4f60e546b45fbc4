"""gunicorn for the Budaya Kerja app (deploy/kupang-budaya.service starts it; bench/ uses it too).

Two gthread workers of 4 threads for a 2-core VM: a request is CPU in Python (a few ms) plus waits on PostgreSQL
(a commit waits for the disk); threads let one request's Python run while another waits, and keep nginx's
upstream connections alive. bench/beban/jalankan.py measured 13.9 against 8.5 submissions/s for 2 sync workers,
at the same CPU per request (README, "Ukuran"). nginx buffers slow phones, so no thread is held by a weak
signal. Override with GUNICORN_WORKERS / GUNICORN_THREADS (threads 1 means sync workers).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Load the app once in the master (middleware, WhiteNoise's file index) and fork: workers start ready.
preload_app = True
# A PDF render may take up to PDF_RENDER_TIMEOUT (60 s).
timeout = 90
graceful_timeout = 30
keepalive = 5
# Recycle a worker now and then, so a slow leak cannot grow for weeks.
max_requests = 5000
max_requests_jitter = 500
# Only nginx on this machine talks to gunicorn; it sets X-Forwarded-For and X-Forwarded-Proto (deploy/nginx/).
forwarded_allow_ips = "127.0.0.1"
# nginx writes the access log; gunicorn logs errors to the journal.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
