"""Slowing and stopping guessers by IP address and by NIP, beside django-axes (docs/keamanan.md).

django-axes locks one (username, IP) pair after 5 wrong passwords. That does not slow a guesser who tries one
password on many NIPs from one address (spraying), nor one who guesses a person's activation code. Both are
counted here from axes' own failure log (`AccessFailureLog`, a table shared by every worker; login failures are
written by axes, activation failures by `catat_gagal`), and successful logins from axes' `AccessLog`:

- by IP, over the last 15 minutes: after BATAS_LAMBAT failures the address may try once every JEDA_LAMBAT
  seconds; after BATAS_HENTI failures it is stopped until the window moves on. Every distinct account that
  logged in successfully from the address in the window raises both limits (1 and 2), so one office behind one
  NAT, where hundreds of people log in and a few mistype, keeps working (README, "Keamanan").
- by (IP, NIP), for activation codes: after BATAS_IP_NIP wrong codes for one NIP from one address in 15 minutes,
  that address is refused for that NIP for the rest of the window. Never by NIP alone: guesses from elsewhere
  must not stop the person with the genuine code (anyone could lock a named person out). A guesser with many
  addresses is still bounded by the per-IP rule, against a code of 10 characters from 31 (about 50 bits) that
  is valid 7 days. The printed code itself stays valid: wrong guesses never cancel it.
"""

import datetime
import math

from axes.models import AccessFailureLog, AccessLog
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from .security import client_ip

JENDELA = datetime.timedelta(minutes=15)
BATAS_LAMBAT = 20
JEDA_LAMBAT = 5  # seconds
BATAS_HENTI = 50
BATAS_IP_NIP = 5
PATH_AKTIVASI = "/akun/aktivasi/"


def _sejak():
    return timezone.now() - JENDELA


def tunggu_ip(request) -> int:
    """Seconds the client's address must wait before its next login or activation try (0: go ahead)."""
    ip = client_ip(request)
    if not ip:
        return 0
    sejak = _sejak()
    gagal = AccessFailureLog.objects.filter(ip_address=ip, attempt_time__gte=sejak)
    jumlah = gagal.count()
    if jumlah < BATAS_LAMBAT:
        return 0
    berhasil = AccessLog.objects.filter(ip_address=ip, attempt_time__gte=sejak).values("username").distinct().count()
    if jumlah < BATAS_LAMBAT + berhasil:
        return 0
    if jumlah >= BATAS_HENTI + 2 * berhasil:
        # Stopped until enough failures leave the window: wait for the oldest one that counts.
        pertama = gagal.order_by("attempt_time").values_list("attempt_time", flat=True).first()
        return max(1, math.ceil((pertama + JENDELA - timezone.now()).total_seconds()))
    terakhir = gagal.order_by("-attempt_time").values_list("attempt_time", flat=True).first()
    sisa = (terakhir + datetime.timedelta(seconds=JEDA_LAMBAT) - timezone.now()).total_seconds()
    return max(0, math.ceil(sisa))


def tunggu_ip_nip(request, nip: str) -> int:
    """Seconds before this address's next activation try for this NIP (0: go ahead)."""
    gagal = AccessFailureLog.objects.filter(
        ip_address=client_ip(request), username=nip, path_info=PATH_AKTIVASI, attempt_time__gte=_sejak()
    )
    if gagal.count() < BATAS_IP_NIP:
        return 0
    pertama = gagal.order_by("attempt_time").values_list("attempt_time", flat=True).first()
    return max(1, math.ceil((pertama + JENDELA - timezone.now()).total_seconds()))


def catat_gagal(request, nip: str) -> None:
    """Record a wrong activation try in axes' failure log (seen by the admin beside the login failures)."""
    AccessFailureLog.objects.create(
        ip_address=client_ip(request),
        username=nip[:255],
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:255],
        http_accept=request.META.get("HTTP_ACCEPT", "")[:1025],
        path_info=PATH_AKTIVASI,
    )


def terlalu_banyak(request, detik: int):
    """429 with Retry-After: the guesser waits; nobody's code or account is cancelled."""
    response = render(request, "akun/terlalu_banyak.html", {"detik": detik, "menit": (detik + 59) // 60}, status=429)
    response["Retry-After"] = str(detik)
    return response


class PembatasMasukMiddleware:
    """Applies `tunggu_ip` to every password form: the app's login page and the admin's (both reach axes)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response
        self._paths: frozenset[str] | None = None

    def _login_paths(self) -> frozenset[str]:
        if self._paths is None:
            self._paths = frozenset({reverse("akun:login"), reverse("admin:login")})
        return self._paths

    def __call__(self, request):
        if request.method == "POST" and request.path_info in self._login_paths():
            detik = tunggu_ip(request)
            if detik:
                return terlalu_banyak(request, detik)
        return self.get_response(request)
