from .scope import lingkup


def peran(request) -> dict:
    """Expose the user's resolved roles to every template as `lingkup`."""
    user = getattr(request, "user", None)
    return {"lingkup": lingkup(user)}
