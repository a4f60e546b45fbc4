"""Test settings: only what makes tests faster."""

import os

# The suite runs as development does (`make run`): DEBUG on at import (pytest-django turns it off for each test), a
# key that is not a secret. Production refuses to start without its own key (kupang_budaya/settings.py).
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret-" + "k" * 40)

from django.contrib.staticfiles.storage import ManifestStaticFilesStorage

from .settings import *  # noqa: E402, F403
from .settings import BASE_DIR, STORAGES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# Each test's client builds the middleware chain anew; without autorefresh WhiteNoise indexes every collected
# static file each time (about 90 ms a test). With it, a file is looked up when it is asked for.
WHITENOISE_AUTOREFRESH = True

# Static files for the tests go to their own folder, hashed as in production (templates use the hashed names) but
# not compressed: gzip and brotli copies of every file were most of collectstatic's time on a fresh checkout, and
# no test reads them (bench/ and production collect into staticfiles/ with compression).
STATIC_ROOT = BASE_DIR / "staticfiles-test"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "kupang_budaya.test_settings.StaticStorageUji"}}


class StaticStorageUji(ManifestStaticFilesStorage):
    manifest_strict = False  # as apps.common.storage.StaticStorage
