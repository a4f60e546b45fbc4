"""Reads of the report document (Lampiran BAB IV.2): the summary (`ringkasan`), the implementation section
(`pelaksanaan`) and the covering letter's signer (`penandatangan`). The numbers come from apps.hasil.selectors."""
