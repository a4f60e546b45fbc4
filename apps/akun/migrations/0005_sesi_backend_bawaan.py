"""Sessions of users logged in before the switch to Django's own ModelBackend stay valid.

Django keeps the dotted path of the backend that authenticated the user in the session and logs the user out when
that path is no longer in AUTHENTICATION_BACKENDS. The former `apps.akun.backends.ModelBackend` was Django's
ModelBackend with a faster user read, so each live session is rewritten to name Django's class: nobody is logged
out by the upgrade (docs/arsitektur.md, «Hak dan sesi»). Sessions that cannot be decoded are left alone."""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import migrations
from django.utils import timezone

LAMA = "apps.akun.backends.ModelBackend"
BARU = "django.contrib.auth.backends.ModelBackend"


def tulis_ulang(apps, schema_editor, dari=LAMA, ke=BARU):
    Session = apps.get_model("sessions", "Session")
    store = SessionStore()
    for sesi in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        data = store.decode(sesi.session_data)
        if data.get(BACKEND_SESSION_KEY) == dari:
            data[BACKEND_SESSION_KEY] = ke
            sesi.session_data = store.encode(data)
            sesi.save(update_fields=["session_data"])


def kembalikan(apps, schema_editor):
    tulis_ulang(apps, schema_editor, dari=BARU, ke=LAMA)


class Migration(migrations.Migration):
    dependencies = [
        ("akun", "0004_peran_agen_dan_versi"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(tulis_ulang, kembalikan)]
