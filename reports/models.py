"""What the printing side keeps about each issued file: its verification code and fingerprint."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

# Crockford's base32: no I, L, O or U, so a code read aloud or retyped is not misread.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def verification_code_new() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


class IssuedPdf(models.Model):
    document = models.OneToOneField(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="issued_pdf",
    )
    verification_code = models.CharField(
        _("verification code"), max_length=11, unique=True, default=verification_code_new
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    signed = models.BooleanField(_("digitally signed"), default=False)
    signature_valid = models.BooleanField(_("signature valid"), default=False)
    certificate = models.CharField(_("signing certificate"), max_length=300, blank=True)
    rendered_at = models.DateTimeField(_("rendered"), auto_now=True)

    class Meta:
        verbose_name = _("issued PDF")
        verbose_name_plural = _("issued PDFs")

    def __str__(self) -> str:
        return self.verification_code
