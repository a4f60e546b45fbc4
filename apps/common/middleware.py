"""Per-request middleware of our own, kept small: it runs on every request."""

import time

from django.conf import settings

# Session key holding when the session was last written (Unix seconds).
DISEGARKAN = "_disegarkan"


class SesiSegarkanMiddleware:
    """Renew the idle timeout without writing the session on every request.

    The session lives SESSION_COOKIE_AGE (30 minutes) after its last write. Django's SESSION_SAVE_EVERY_REQUEST
    writes it on every request (BEGIN, UPDATE, COMMIT); here it is written when it changed anyway or when the last
    write is older than SESSION_REFRESH_SECONDS (60 s), so the idle timeout is 29-30 minutes and a busy user costs
    one session write a minute instead of one per request. Goes right after SessionMiddleware in MIDDLEWARE (its
    response step then runs first and marks the session for SessionMiddleware to save). A session that is empty
    (an anonymous visitor) is never written, as before.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response
        self.interval = settings.SESSION_REFRESH_SECONDS

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.modified or not session.accessed or session.is_empty():
            return response
        now = int(time.time())
        if now - session.get(DISEGARKAN, 0) >= self.interval:
            session[DISEGARKAN] = now
        return response
