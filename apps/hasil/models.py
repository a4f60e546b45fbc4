"""What the results read model keeps of a closed periode (Lampiran BAB IV.2; docs/keputusan.md, «Laporan Evaluasi:
angka per baris»)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AsnPeriode(models.Model):
    """Active ASN of one unit kerja for a closed periode: the denominator of participation (docs/keputusan.md, «Laporan Evaluasi: angka per baris»: "ASN active in
    the row when the periode closed"). Written once, the first time a report of the periode is read after it
    closed, so that later transfers and retirements do not change a closed periode's report.
    """

    periode = models.ForeignKey("survei.Periode", on_delete=models.CASCADE, related_name="+")
    unit_kerja = models.ForeignKey("organisasi.UnitKerja", on_delete=models.CASCADE, related_name="+")
    perangkat_daerah = models.ForeignKey("organisasi.PerangkatDaerah", on_delete=models.CASCADE, related_name="+")
    jumlah = models.PositiveIntegerField(_("ASN aktif"))
    dihitung_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("jumlah ASN periode")
        verbose_name_plural = _("jumlah ASN periode")
        constraints = [models.UniqueConstraint(fields=["periode", "unit_kerja"], name="asn_periode_unik")]


class PeriodeBeku(models.Model):
    """A closed periode's frozen world (docs/keputusan.md, «Periode tertutup dibaca, tidak dihitung»): written the
    first time it closes. `pohon_pada`: when the unit tree and the PD list were frozen (never rewritten, also not
    by a reopening: every later page of the periode folds by the tree its first pages used). `agregat_pada`: when
    the stored sums were last written (at every close and at FINAL, from the counted responses). `histogram`:
    respondents per section total, {"I": {"12": 3, ...}, ...}, for the category distribution."""

    periode = models.OneToOneField("survei.Periode", on_delete=models.CASCADE, related_name="+")
    pohon_pada = models.DateTimeField()
    agregat_pada = models.DateTimeField()
    histogram = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("periode beku")
        verbose_name_plural = _("periode beku")


class PdPeriode(models.Model):
    """One perangkat daerah as it was when the periode first closed. Plain ids: the frozen world does not follow
    a later change or deletion in the registry."""

    periode = models.ForeignKey("survei.Periode", on_delete=models.CASCADE, related_name="+")
    pd_id = models.PositiveBigIntegerField()
    kode = models.CharField(max_length=40)
    nama = models.CharField(max_length=200)
    aktif = models.BooleanField()

    class Meta:
        verbose_name = _("perangkat daerah periode")
        verbose_name_plural = _("perangkat daerah periode")
        constraints = [models.UniqueConstraint(fields=["periode", "pd_id"], name="pd_periode_unik")]


class UnitPeriode(models.Model):
    """One unit kerja as it was when the periode first closed: its PD, parent, path, code, name, active flag."""

    periode = models.ForeignKey("survei.Periode", on_delete=models.CASCADE, related_name="+")
    unit_id = models.PositiveBigIntegerField()
    pd_id = models.PositiveBigIntegerField()
    induk_id = models.PositiveBigIntegerField(null=True)
    path = models.CharField(max_length=255)
    kode = models.CharField(max_length=40)
    nama = models.CharField(max_length=200)
    aktif = models.BooleanField()

    class Meta:
        verbose_name = _("unit kerja periode")
        verbose_name_plural = _("unit kerja periode")
        constraints = [models.UniqueConstraint(fields=["periode", "unit_id"], name="unit_periode_unik")]


class AgregatPeriode(models.Model):
    """The sums of the counted responses of one (PD, unit kerja) as the responses carry them: respondents, the
    three section totals (the items: AgregatButir). Every view of a closed periode adds these up
    instead of reading the answers (apps/hasil/selectors/sumber.py)."""

    periode = models.ForeignKey("survei.Periode", on_delete=models.CASCADE, related_name="+")
    pd_id = models.PositiveBigIntegerField(null=True)
    unit_id = models.PositiveBigIntegerField(null=True)
    n = models.PositiveIntegerField()
    s1 = models.PositiveBigIntegerField()
    s2 = models.PositiveBigIntegerField()
    s3 = models.PositiveBigIntegerField()

    class Meta:
        verbose_name = _("agregat periode")
        verbose_name_plural = _("agregat periode")
        indexes = [models.Index(fields=["periode", "pd_id"], name="agregat_periode_pd")]


class AgregatButir(models.Model):
    """The sum and count of the answers to one item of the counted responses of one (PD, unit kerja)."""

    periode = models.ForeignKey("survei.Periode", on_delete=models.CASCADE, related_name="+")
    pd_id = models.PositiveBigIntegerField(null=True)
    unit_id = models.PositiveBigIntegerField(null=True)
    nomor = models.PositiveSmallIntegerField()
    s = models.PositiveBigIntegerField()
    n = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("agregat butir periode")
        verbose_name_plural = _("agregat butir periode")
        indexes = [models.Index(fields=["periode", "pd_id"], name="agregat_butir_pd")]
