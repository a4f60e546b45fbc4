"""One append-only base for history rows (who did what, when): a row is written once and never edited or deleted,
through the instance or in bulk (docs/keamanan.md, «Kendali»). A deletion cascading from the parent (e.g. a test
periode removed with its history) is the database's and is not refused here.

A model may name `kolom_penutup`: the columns that close a still open row and may be written once, while they
are empty (RiwayatUnit: `sampai`, the last day in a unit, set at the next mutasi).
"""

from django.db import models


class RiwayatQuerySet(models.QuerySet):
    def update(self, **kwargs):
        tutup = self.model.kolom_penutup
        if not kwargs or not set(kwargs) <= tutup:
            raise ValueError(f"{self.model.__name__} is append-only: history rows are never updated")
        # Only rows still open (every closing column empty) may be closed.
        terbuka = self.filter(**{f"{kolom}__isnull": True for kolom in tutup})
        return models.QuerySet.update(terbuka, **kwargs)

    def delete(self):
        raise ValueError(f"{self.model.__name__} is append-only: history rows are never deleted")


class Riwayat(models.Model):
    """Abstract base: append-only rows, refused edits and deletions (instance and bulk)."""

    kolom_penutup: frozenset[str] = frozenset()

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise ValueError(f"{type(self).__name__} is append-only: a history row is never edited")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError(f"{type(self).__name__} is append-only: a history row is never deleted")
