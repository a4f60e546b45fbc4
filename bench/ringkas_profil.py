"""The top costs of a profile written by `bench/kirim.py --profil NAMA`, as shares of the request's CPU.

    .venv/bin/python bench/ringkas_profil.py bench/profil/sebelum-get.prof bench/profil/sesudah-get.prof

Inclusive CPU (a function and what it calls) of the functions that matter for one request, largest first,
in percent of the whole request and in ms per request (cProfile's own overhead inflates the ms; compare
the shares). Functions are found by file and name, so the table reads the same before and after a change.
"""

import pstats
import sys

# (label, file suffix, function name)
PUNCAK = [
    ("whole request (test client -> response)", "django/core/handlers/base.py", "get_response"),
    ("view", "apps/survei/views.py", "formulir"),
    ("template rendering", "django/template/backends/django.py", "render"),
    ("form fields built (FormulirForm.__init__)", "apps/survei/forms.py", "__init__"),
    ("form validation (full_clean)", "django/forms/forms.py", "full_clean"),
    ("ORM: compile SQL", "django/db/models/sql/compiler.py", "as_sql"),
    ("ORM: run queries (execute_sql)", "django/db/models/sql/compiler.py", "execute_sql"),
    ("driver: cursor.execute", "~", "<method 'execute' of 'psycopg2.extensions.cursor' objects>"),
    ("instrument read (_bagian)", "apps/survei/views.py", "_bagian"),
    ("roles + pegawai (lingkup)", "apps/akun/scope.py", "lingkup"),
    ("auth: user from session", "django/contrib/auth/__init__.py", "get_user"),
    ("session load", "django/contrib/sessions/backends/db.py", "load"),
    ("session save (middleware response)", "django/contrib/sessions/middleware.py", "process_response"),
    ("CSRF check", "django/middleware/csrf.py", "process_view"),
    ("CSP header", "csp/middleware.py", "process_response"),
    ("CSP header, built once (apps/common/middleware.py)", "apps/common/middleware.py", "process_response"),
    ("messages", "django/contrib/messages/middleware.py", "process_response"),
    ("localize numbers in templates", "django/utils/formats.py", "localize"),
    ("submission service (kirim)", "apps/survei/services.py", "kirim"),
    ("request body parsing", "django/http/request.py", "_load_post_and_files"),
    ("gzip", "django/middleware/gzip.py", "process_response"),
]


def ringkas(path: str) -> None:
    stats = pstats.Stats(path)
    calls = {}
    for (file, _line, name), (_cc, nc, _tt, ct, _callers) in stats.stats.items():
        for label, suffix, fn in PUNCAK:
            if name == fn and file.endswith(suffix):
                old = calls.get(label, (0, 0.0))
                calls[label] = (max(old[0], nc), max(old[1], ct))
    total_label = PUNCAK[0][0]
    requests, total = calls[total_label]
    print(f"{path}: {requests} requests, {total / requests * 1000:.1f} ms CPU each under cProfile")
    for label, (_n, ct) in sorted(calls.items(), key=lambda kv: -kv[1][1]):
        print(f"  {ct / total * 100:5.1f} %  {ct / requests * 1000:6.2f} ms  {label}")


if __name__ == "__main__":
    for p in sys.argv[1:]:
        ringkas(p)
