import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kupang_budaya.settings")
application = get_wsgi_application()

# The pemda's words for the plain error pages, read before gunicorn forks its workers (apps/common/instansi.py).
from apps.common.instansi import baca_saat_mulai  # noqa: E402 (after Django is set up)

baca_saat_mulai()
