"""Deadline day: every locust user is a stream of ASN, each already logged in, who opens Formulir 1 and submits it
complete (GET, then POST "Kirim"; the redirect to the result page is not followed). No wait between ASN.

Run by bench/beban/jalankan.py (it prepares the sessions and the periode, starts gunicorn and checks the database
afterwards). Each session key in bench/beban/sesi.txt is used once, so no ASN submits twice. Environment:
BEBAN_PERIODE (the periode's code), BEBAN_SESI (the file of session keys and user ids) and BEBAN_HASIL (where
the user ids whose POST was sent and whose POST got its 302 are written at the end, as JSON).
"""

import http.cookiejar
import itertools
import json
import os
import re
import threading
from urllib.parse import urlencode

from locust import events, task
from locust.contrib.fasthttp import FastHttpUser
from locust.exception import StopUser

PERIODE = os.environ["BEBAN_PERIODE"]
# One "session-key user-id" per line.
ROWS = [line.split() for line in open(os.environ["BEBAN_SESI"]).read().splitlines() if line]
KEYS = [key for key, _ in ROWS]
USER_ID = dict(ROWS)
# ASN whose POST was sent, and those whose POST got the 302: the runner checks both against the database.
SENT: list[str] = []
DONE: list[str] = []
NEXT = itertools.count()
LOCK = threading.Lock()
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ANSWERS = {f"p{n}": str(n % 4 + 1) for n in range(1, 36)}


def cookie(name: str, value: str) -> http.cookiejar.Cookie:
    return http.cookiejar.Cookie(
        0, name, value, None, False, "127.0.0.1", False, False, "/", True, False, None, False, None, None, {}
    )


class Asn(FastHttpUser):
    @task
    def isi_dan_kirim(self) -> None:
        with LOCK:
            i = next(NEXT)
        if i >= len(KEYS):
            raise StopUser()
        jar = self.client.cookiejar
        jar.clear()
        jar.set_cookie(cookie("sessionid", KEYS[i]))
        url = f"/survei/isi/{PERIODE}/"
        headers = {"Accept-Encoding": "gzip"}
        with self.client.get(
            url, name="GET formulir", headers=headers, allow_redirects=False, catch_response=True
        ) as page:
            found = TOKEN.search(page.text or "")
            if page.status_code != 200 or not found:
                page.failure(f"GET {page.status_code}")
                return
        data = urlencode({"csrfmiddlewaretoken": found.group(1), "aksi": "kirim", **ANSWERS})
        form = {**headers, "Content-Type": "application/x-www-form-urlencoded"}
        SENT.append(USER_ID[KEYS[i]])
        with self.client.post(
            url, data=data, name="POST kirim", allow_redirects=False, headers=form, catch_response=True
        ) as sent:
            if sent.status_code != 302 or "/survei/respon/" not in sent.headers.get("Location", ""):
                sent.failure(f"POST {sent.status_code} {sent.headers.get('Location')}")
            else:
                DONE.append(USER_ID[KEYS[i]])


@events.quitting.add_listener
def _tulis(environment, **kwargs) -> None:
    with open(os.environ["BEBAN_HASIL"], "w") as fh:
        json.dump({"dikirim": SENT, "diterima": DONE}, fh)
