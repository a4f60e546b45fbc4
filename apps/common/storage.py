from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files; falls back to the plain name before collectstatic has run.

    A file's URL is worked out once per process: the manifest is read when the process starts and does not change
    while it runs (an upgrade collects the files, then restarts: docs/operasi.md, «Pembaruan»), and every page asks
    for the same few files (parsing and joining the URL cost more than the rest of a `{% static %}`: bench/kirim.py).
    """

    manifest_strict = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._url_sekali: dict[tuple, str] = {}

    def url(self, name, force=False):
        kunci = (name, force, settings.DEBUG)
        url = self._url_sekali.get(kunci)
        if url is None:
            url = self._url_sekali[kunci] = super().url(name, force)
        return url
