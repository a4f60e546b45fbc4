from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The client address used by django-axes.

    With no trusted proxy (the default) this is REMOTE_ADDR, so a forged X-Forwarded-For header cannot
    change the lock-out key. Behind N trusted proxies it is the N-th address from the right of
    X-Forwarded-For, which only those proxies can write.
    """
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
