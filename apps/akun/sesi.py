"""Sessions in the database (Django's `db` engine), read with one plain statement.

Every request of a logged-in user reads its session. The base class builds and compiles an ORM query for it each
time, which cost as much CPU as the rest of the read (bench/kirim.py, README «Ukuran»); this reads the same row
with the same condition (the key, not expired). Writing, expiry and `clearsessions` are the base class's.
"""

from django.contrib.sessions.backends.db import SessionStore as DbSessionStore
from django.db import connections, router
from django.utils import timezone


class SessionStore(DbSessionStore):
    def _get_session_from_db(self):
        using = router.db_for_read(self.model)
        ops = connections[using].ops
        sql = (
            f"SELECT session_data FROM {ops.quote_name(self.model._meta.db_table)} "
            "WHERE session_key = %s AND expire_date > %s"
        )
        with connections[using].cursor() as cursor:
            cursor.execute(sql, [self.session_key, ops.adapt_datetimefield_value(timezone.now())])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return self.model(session_key=self.session_key, session_data=row[0])
