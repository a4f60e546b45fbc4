"""Settings for the Budaya Kerja app, read only from environment variables.

Every value but SECRET_KEY has a default; DEBUG defaults to off. Production sets SECRET_KEY, ALLOWED_HOSTS and
DATABASE_URL (see README, "Deploy"); development runs through `make run`, which sets DEBUG=true and a key.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# Safe by default (docs/pdp.md, "Keamanan pemrosesan"): DEBUG is off unless the environment turns it on, and there
# is no built-in key: SECRET_KEY signs sessions and keys the activation codes' HMAC. `make run` sets both for
# development; the test settings set their own.
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment (development: `make run` sets one)")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The site's address as printed on issued documents before the verification path (docs/keputusan.md, «Dokumen
# terbit»), e.g. "https://budayakerja.kupangkab.go.id"; empty prints the path alone.
ALAMAT_SITUS = env_str("ALAMAT_SITUS", "").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "import_export",
    "simple_history",
    "axes",
    "csp",
    "apps.common",
    "apps.akun",
    "apps.organisasi",
    "apps.nilai",
    "apps.survei",
    "apps.hasil",
    "apps.laporan",
    "apps.kbk",
    "apps.agen",
    "apps.rencana",
    "apps.notifikasi",
    "apps.forum",
    "apps.tindaklanjut",
    "apps.internalisasi",
    "apps.pdp",
    "apps.paket",
]

MIDDLEWARE = [
    # The request id on every log line and response, one JSON log line per request, one retry of a GET after a
    # dropped database connection (apps/common/permintaan.py).
    "apps.common.permintaan.PermintaanMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML compressed for phones on weak signals; BREACH: see README "Deploy" (Django adds random bytes to every
    # gzip response, and the CSRF token in a page is masked anew for every response).
    "django.middleware.gzip.GZipMiddleware",
    "apps.common.middleware.MasukanBurukMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "apps.common.middleware.SesiSegarkanMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "apps.akun.middleware.SesiPeranMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "apps.common.middleware.KebijakanKontenMiddleware",  # django-csp's CSPMiddleware, the header built once
    "simple_history.middleware.HistoryRequestMiddleware",
    "apps.akun.throttle.PembatasMasukMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kupang_budaya.urls"
WSGI_APPLICATION = "kupang_budaya.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.akun.context_processors.peran",
                "apps.notifikasi.context_processors.notifikasi",
                "apps.common.instansi.instansi",
            ],
        },
    },
]

# Persistent connections, checked before each request reuses them (docs/operasi.md, «Koneksi database»): opening a
# PostgreSQL connection per request cost more CPU than the request itself (bench/beban, README «Ukuran»), and the
# health check finds a connection dropped by a database restart before a query fails on it.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 600),
        conn_health_checks=env_bool("DB_CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock at BEGIN, so two concurrent writers wait for each other (up to `timeout`)
    # instead of one failing with "database is locked" when it upgrades a read lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
    # The test database is a file (not shared memory), so live-server threads have their own connections
    # and concurrent requests behave as they do on a real server.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A cache shared by every app process, when the environment names one: CACHE_URL=redis://host:6379/0 (Django's
# RedisCache; redis-py is pinned) or memcached://host:11211 (Django's PyMemcacheCache; needs pymemcache). Without
# it Django's default per-process cache stays, and nothing that must be shared (sessions) is kept in it.
CACHE_URL = env_str("CACHE_URL", "")
CACHE_BERSAMA = bool(CACHE_URL)
# Several instances on one cache server (docs/operasi.md, «Satu instans per pemda») each set their own
# CACHE_KEY_PREFIX (or their own Redis database): a cached session of one must never be found by another.
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
elif CACHE_URL.startswith("memcached://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
            "LOCATION": CACHE_URL.removeprefix("memcached://"),
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
elif CACHE_URL:
    raise ImproperlyConfigured("CACHE_URL: use redis://, rediss://, unix:// or memcached://")

AUTH_USER_MODEL = "akun.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "apps.akun.validators.NipLikePasswordValidator"},
]
LOGIN_URL = "akun:login"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "akun:login"

# Sessions: idle timeout of 30 minutes, renewed by a request when the last write is a minute old or more
# (apps.common.middleware.SesiSegarkanMiddleware), so the timeout is 29-30 minutes without a write per request.
# Django's own engines: `cached_db` on the shared cache when CACHE_URL names one (Redis or memcached, shared by
# every app process), `db` otherwise; never a per-process cache (a second process would not see a logout). The
# role facts ride in the session (apps/akun/fakta.py). docs/arsitektur.md, «Hak dan sesi».
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db" if CACHE_BERSAMA else "django.contrib.sessions.backends.db"
)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 30 * 60)
SESSION_REFRESH_SECONDS = 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# One name per instance when several pemda run on one server (docs/operasi.md, «Satu instans per pemda»): with
# their own hosts the browser keeps the cookies apart anyway; the names keep them apart in logs and under a parent
# domain too.
SESSION_COOKIE_NAME = env_str("SESSION_COOKIE_NAME", "sessionid")
CSRF_COOKIE_NAME = env_str("CSRF_COOKIE_NAME", "csrftoken")

# django-axes: lock (username, IP) after 5 failures. The client IP is REMOTE_ADDR only, so a spoofed
# X-Forwarded-For cannot reset the counter; behind a trusted proxy set TRUSTED_PROXY_COUNT.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "akun/terkunci.html"
AXES_CLIENT_IP_CALLABLE = "apps.akun.security.client_ip"
# Every failure is also kept in AccessFailureLog: apps/akun/throttle.py slows and stops an address that sprays
# many NIPs, and a NIP whose activation code is being guessed (README, "Keamanan").
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Number of trusted reverse proxies in front of the app (0: use REMOTE_ADDR only).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

LANGUAGE_CODE = "id"
# Indonesian whatever the browser prefers: English returns when its translation is complete, and with it
# django.middleware.locale.LocaleMiddleware after SesiSegarkanMiddleware (with one language it only chose "id" on
# every request, at ± 0,07 ms each: bench/kirim.py).
LANGUAGES = [("id", "Bahasa Indonesia")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Makassar"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files served at the site root by WhiteNoise (/favicon.ico, which browsers ask for by that name).
WHITENOISE_ROOT = BASE_DIR / "static/root"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "apps.common.storage.StaticStorage"},
}
# An upload up to nginx's client_max_body_size (6 MB, deploy/nginx/) stays in memory while the request is read: no
# temporary file that a full disk could break before the form can say so (docs/operasi.md, «Sehat dan gangguan»).
FILE_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

IMPORT_EXPORT_USE_TRANSACTIONS = True
# Import and export need explicit permissions: "<app>.import_<model>" and "<app>.export_<model>".
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "export"
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# Uploaded files wait here between preview and confirmation; deleted after confirm, cancel or refusal, and
# after an hour in any case (apps/common/pratinjau.py).
IMPORT_EXPORT_TMP_STORAGE_CLASS = "apps.common.pratinjau.PratinjauStorage"
IMPORT_PREVIEW_DIR = Path(env_str("IMPORT_PREVIEW_DIR", str(Path(tempfile.gettempdir()) / "kupang-pratinjau")))

# Security headers (check --deploy clean when DEBUG is off).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# The load balancer and monitoring may ask for /sehat/ over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^sehat/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
if env_bool("USE_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Strict Content-Security-Policy (django-csp 4): no inline script, no inline style, no style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# One JSON object per line on stderr (the journal under systemd), each with the request id
# (apps/common/permintaan.py). LOG_FORMAT=teks gives plain lines for development.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"permintaan": {"()": "apps.common.permintaan.FilterPermintaan"}},
    "formatters": {
        "json": {"()": "apps.common.permintaan.JsonFormatter"},
        "teks": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["permintaan"],
            "formatter": env_str("LOG_FORMAT", "json"),
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {
        # The access log: one line per request (method, path, status, ms, user id), INFO by default.
        "kupang.permintaan": {"level": env_str("LOG_LEVEL_PERMINTAAN", "INFO")},
    },
}
if LOGGING["handlers"]["console"]["formatter"] not in LOGGING["formatters"]:
    raise ImproperlyConfigured("LOG_FORMAT must be json or teks")

# Email is optional (in-app notices are the record): SMTP when EMAIL_HOST is set, the console in development,
# nothing otherwise.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # port 465
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not EMAIL_USE_SSL)  # STARTTLS, port 587
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "budaya-kerja@kupangkab.go.id")
# The address of the site as people reach it (https://budayakerja.kupangkab.go.id): links in emails and
# WhatsApp texts start with it; empty gives paths only.
SITE_URL = env_str("SITE_URL", "").rstrip("/")
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL are exclusive: set one to false")
# EMAIL_BACKEND may name any Django mail backend (e.g. the file backend on a test server); without it, SMTP
# when EMAIL_HOST is set. Without either, no email leaves the app and each notice says so (email "nonaktif").
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.dummy.EmailBackend",
)

# Time limit for one PDF render (WeasyPrint), in seconds.
PDF_RENDER_TIMEOUT = env_int("PDF_RENDER_TIMEOUT", 60)

# Personal data protection (docs/pdp.md). The contact of the data protection officer shown in the privacy notice
# (UU 27/2022 Pasal 53-54), and how long each kind of personal data is kept: `apps.pdp.retensi.retensi_jalankan`
# applies these every day (`kerja_harian`). Years count from the event named in docs/pdp.md, «Retensi».
PEJABAT_PDP = {
    "nama": env_str("PDP_PEJABAT_NAMA", "Pejabat Pelindungan Data Pribadi, Bagian Organisasi Sekretariat Daerah"),
    "email": env_str("PDP_PEJABAT_EMAIL", DEFAULT_FROM_EMAIL),
    "telepon": env_str("PDP_PEJABAT_TELEPON", ""),
    "alamat": env_str("PDP_PEJABAT_ALAMAT", ""),
}
RETENSI = {
    # An ASN who left (aktif off): account closed, contact data removed, after this many years.
    "pegawai_keluar_tahun": env_int("RETENSI_PEGAWAI_KELUAR_TAHUN", 5),
    # A disciplinary sanction, after this many years from its end date.
    "sanksi_tahun": env_int("RETENSI_SANKSI_TAHUN", 5),
    # The read audit (AksesData).
    "jejak_baca_tahun": env_int("RETENSI_JEJAK_BACA_TAHUN", 5),
    # django-axes' logs of logins and failures (NIP and IP address).
    "log_masuk_hari": env_int("RETENSI_LOG_MASUK_HARI", 365),
    # In-app notices.
    "pemberitahuan_hari": env_int("RETENSI_PEMBERITAHUAN_HARI", 730),
}
