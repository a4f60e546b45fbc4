"""Django's ModelBackend, with the logged-in user read in one plain statement.

Every request of a logged-in user loads its user; the base class builds and compiles an ORM query for it each time
(bench/kirim.py, README «Ukuran»). `raw()` reads the same row and builds the same instance, with the database's
converters. Authentication and permissions are the base class's.
"""

from django.contrib.auth import backends, get_user_model
from django.core.exceptions import ValidationError
from django.db import connections, router


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        User = get_user_model()
        try:
            pk = User._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        ops = connections[router.db_for_read(User)].ops
        table, kolom = ops.quote_name(User._meta.db_table), ops.quote_name(User._meta.pk.column)
        user = next(iter(User._default_manager.raw(f"SELECT * FROM {table} WHERE {kolom} = %s", [pk])), None)
        return user if user is not None and self.user_can_authenticate(user) else None
