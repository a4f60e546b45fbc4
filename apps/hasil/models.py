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
