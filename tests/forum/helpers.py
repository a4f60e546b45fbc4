"""Arrange helpers of the forum: small valid and invalid files, a meeting with a file, a praktik baik."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.forum.models import LampiranPertemuan, Pertemuan, PraktikBaik
from apps.nilai.models import Nilai
from tests.agen.kelompok import agen_aktif

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
HTML = b"<!doctype html><html><script>alert(1)</script></html>"


def berkas(nama: str = "notulen.pdf", isi: bytes = PDF, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, isi, content_type=content_type)


def pertemuan(world, pd="x", dengan_lampiran: bool = True) -> Pertemuan:
    """A meeting of PD X's forum (or the kabupaten's with pd=None) with asn_a1 attending and one PDF file."""
    pd_obj = world.pd_x if pd == "x" else None
    m = Pertemuan.objects.create(
        perangkat_daerah=pd_obj,
        tanggal=timezone.localdate() - datetime.timedelta(days=1) if pd_obj else timezone.localdate(),
        topik="Berbagi pengalaman layanan",
        fasilitator="Anggota KBK X",
        catatan="Disepakati jadwal piket layanan.",
        dicatat_oleh=(world.kbk.user if pd_obj else world.monev.user),
    )
    if pd_obj:
        m.peserta.set([agen_aktif(world, world.asn_a1)])
    if dengan_lampiran:
        lampiran = LampiranPertemuan(
            pertemuan=m,
            nama_asli="notulen.pdf",
            content_type="application/pdf",
            ukuran=len(PDF),
            diunggah_oleh=m.dicatat_oleh,
        )
        lampiran.berkas.save("notulen.pdf", berkas(), save=False)
        lampiran.save()
    return m


def praktik(world, judul="Layanan tanpa antre", kode_nilai=("MELAYANI",)) -> PraktikBaik:
    kontak = agen_aktif(world, world.asn_b)
    p = PraktikBaik.objects.create(
        perangkat_daerah=world.pd_x,
        judul=judul,
        yang_dilakukan="Membuka layanan konsultasi daring setiap Jumat.",
        hasil="Antrean loket berkurang separuh.",
        kontak=kontak,
        ditulis_oleh=world.kbk.user,
    )
    p.nilai.set(Nilai.objects.filter(kode__in=kode_nilai))
    return p
