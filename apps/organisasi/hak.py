"""Rights over the registry, one named predicate each (docs/arsitektur.md, «Hak dan sesi»)."""


def boleh_impor_pegawai(user) -> bool:
    """Import pegawai (the template, the XLSX import, the SIASN import): the admin of Bagian Organisasi/BKPSDM,
    through the permission `organisasi.import_pegawai` (docs/keamanan.md, «Kendali»)."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm("organisasi.import_pegawai")
