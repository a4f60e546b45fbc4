"""Test settings: only what makes tests faster."""

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
