"""Signatures given to a version. A joint document needs one from each agency."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency


class DocumentSignature(models.Model):
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    version = models.ForeignKey(
        "documents.DocumentVersion",
        verbose_name=_("version signed"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("for agency"), on_delete=models.PROTECT, related_name="+"
    )
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("signer"), on_delete=models.PROTECT
    )
    name = models.CharField(_("signer's name"), max_length=120)
    position = models.CharField(_("signer's position"), max_length=120, blank=True)
    authority = models.CharField(_("signs for"), max_length=160, blank=True)
    signed_at = models.DateTimeField(_("signed"), auto_now_add=True)

    class Meta:
        ordering = ["signed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "agency"], name="one_signature_per_agency_per_version"
            )
        ]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")

    def __str__(self) -> str:
        return f"{self.document_id}: {self.name} ({self.agency_id})"
