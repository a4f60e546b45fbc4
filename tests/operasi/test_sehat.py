"""`GET /sehat/` (docs/keputusan.md, «Antarmuka yang tetap») and the request log (docs/operasi.md, «Log»)."""

import io
import json
import logging

from django.db import OperationalError, connection
from django.test import Client, override_settings

from apps.common.models import Instansi
from apps.common.permintaan import FilterPermintaan, JsonFormatter


def test_health_answers_without_login_and_names_no_person(db):
    response = Client().get("/sehat/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "penyimpanan": "ok", "instansi": Instansi.aktif().nama}
    assert "no-cache" in response["Cache-Control"]


def test_health_names_the_instansi_this_instance_serves(db):
    Instansi.objects.create(nama="Pemerintah Kota Lestari")
    assert Client().get("/sehat/").json()["instansi"] == "Pemerintah Kota Lestari"


@override_settings(DEBUG=False, SECURE_SSL_REDIRECT=True)
def test_health_over_plain_http_is_not_redirected(db):
    assert Client().get("/sehat/").status_code == 200
    assert Client().get("/akun/masuk/").status_code == 301


def test_health_is_503_when_the_database_fails(db):
    def putus(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly (uji)")

    with connection.execute_wrapper(putus):
        response = Client().get("/sehat/")
    assert response.status_code == 503
    assert response.json() == {"status": "gagal", "database": "gagal", "penyimpanan": "ok", "instansi": None}


def test_health_is_503_when_the_storage_cannot_be_written(db, settings, tmp_path):
    bukan_folder = tmp_path / "berkas"
    bukan_folder.write_text("x")
    settings.MEDIA_ROOT = bukan_folder
    response = Client().get("/sehat/")
    assert response.status_code == 503
    assert response.json() == {
        "status": "gagal",
        "database": "ok",
        "penyimpanan": "gagal",
        "instansi": Instansi.aktif().nama,
    }


def test_health_refuses_a_post(db):
    assert Client().post("/sehat/").status_code == 405


def _log(client: Client, path: str) -> tuple[list[dict], object]:
    """The JSON lines written by the configured handler (filter + formatter of settings.LOGGING) for one GET."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.addFilter(FilterPermintaan())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        response = client.get(path)
    finally:
        root.removeHandler(handler)
    return [json.loads(line) for line in buffer.getvalue().splitlines()], response


def test_one_json_line_per_request_with_the_user_id_never_the_nip(world):
    client = Client()
    user = world.user("asn")
    client.force_login(user)
    lines, response = _log(client, "/pemberitahuan/")
    akses = [line for line in lines if line["logger"] == "kupang.permintaan"]
    assert len(akses) == 1
    line = akses[0]
    assert set(line) == {
        "waktu",
        "tingkat",
        "logger",
        "pesan",
        "request_id",
        "metode",
        "path",
        "status",
        "ms",
        "pengguna_id",
    }
    assert (line["metode"], line["path"], line["status"], line["pengguna_id"]) == (
        "GET",
        "/pemberitahuan/",
        200,
        user.pk,
    )
    assert line["request_id"] == response["X-Referensi"]
    assert line["pesan"] == "GET /pemberitahuan/ 200"
    assert isinstance(line["ms"], float)
    teks = json.dumps(lines, ensure_ascii=False)
    assert user.username not in teks
    assert world.asn_a1.nama not in teks


@override_settings(DEBUG=False)
def test_the_error_page_reference_is_the_request_id_on_every_log_line(world):
    client = Client(raise_request_exception=False)
    client.force_login(world.user("asn"))
    lines, response = _log(client, "/agen/usulan/999999/")
    assert response.status_code == 404
    ref = response["X-Referensi"]
    assert ref in response.content.decode()
    assert sorted((line["logger"], line["request_id"]) for line in lines) == [
        ("django.request", ref),
        ("kupang.galat", ref),
        ("kupang.permintaan", ref),
    ]
    anonim = [line for line in lines if line["logger"] == "kupang.permintaan"]
    assert anonim[0]["status"] == 404
