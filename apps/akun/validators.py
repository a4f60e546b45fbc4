import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class NipLikePasswordValidator:
    """Refuse passwords made mostly of a long digit run such as a NIP or a birth date."""

    def validate(self, password: str, user=None) -> None:
        if re.search(r"\d{8,}", password):
            raise ValidationError(
                _("Kata sandi tidak boleh memuat deretan 8 angka atau lebih (seperti NIP atau tanggal lahir)."),
                code="password_nip_like",
            )
        username = getattr(user, "username", "") or ""
        if username and username.isdigit() and username[-6:] in password:
            raise ValidationError(_("Kata sandi tidak boleh memuat bagian dari NIP."), code="password_nip_like")

    def get_help_text(self) -> str:
        return _("Kata sandi tidak boleh memuat NIP atau deretan 8 angka atau lebih.")
