"""Test settings: only what makes tests faster."""

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# Each test's client builds the middleware chain anew; without autorefresh WhiteNoise indexes every collected
# static file each time (about 90 ms a test). With it, a file is looked up when it is asked for.
WHITENOISE_AUTOREFRESH = True
