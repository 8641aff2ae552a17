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
    """One issued file: a workflow document's PDF or one warning letter of an issued run."""

    document = models.OneToOneField(
        "documents.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="issued_pdf",
    )
    warning_item = models.OneToOneField(
        "warnings.WarningItem",
        verbose_name=_("warning letter"),
        null=True,
        blank=True,
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
        constraints = [
            models.CheckConstraint(
                condition=models.Q(document__isnull=False, warning_item__isnull=True)
                | models.Q(document__isnull=True, warning_item__isnull=False),
                name="issued_pdf_of_one_paper",
            )
        ]
        verbose_name = _("issued PDF")
        verbose_name_plural = _("issued PDFs")

    def __str__(self) -> str:
        return self.verification_code


class PrintStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class RegisterPrint(models.Model):
    """A printed outgoing register, prepared by the worker on request."""

    agency = models.ForeignKey(
        "organisation.Agency", verbose_name=_("agency"), on_delete=models.PROTECT
    )
    year = models.PositiveSmallIntegerField(_("year"))
    series = models.CharField(_("series"), max_length=20)
    status = models.CharField(
        _("status"), max_length=10, choices=PrintStatus.choices, default=PrintStatus.PENDING
    )
    pdf = models.FileField(_("PDF"), upload_to="registers/%Y/", blank=True)
    error = models.TextField(_("error"), blank=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    requested_by = models.ForeignKey(
        "organisation.Person", verbose_name=_("requested by"), on_delete=models.PROTECT
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("printed register")
        verbose_name_plural = _("printed registers")

    def __str__(self) -> str:
        return f"{self.agency_id} {self.year} {self.series}"


class SummaryPrint(models.Model):
    """A printed summary report (whole country, or with one province's quarters)."""

    province = models.ForeignKey(
        "organisation.Province",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PrintStatus.choices, default=PrintStatus.PENDING
    )
    pdf = models.FileField(_("PDF"), upload_to="summaries/%Y/", blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        "organisation.Person", verbose_name=_("requested by"), on_delete=models.PROTECT
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("printed summary report")
        verbose_name_plural = _("printed summary reports")

    def __str__(self) -> str:
        return f"{self.province_id or 'VN'} {self.requested_at:%Y-%m-%d}"
