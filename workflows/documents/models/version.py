"""Frozen versions: each submission freezes the draft's content; nothing frozen is edited."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .kinds import DocumentKind

# The fields a version freezes, in the order the comparison shows them.
VERSIONED_FIELDS = ("kind", "subject", "addressees", "body", "distribution")


class FrozenVersion(Exception):
    """A version was about to be changed after it was frozen."""


class DocumentVersion(models.Model):
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    kind = models.CharField(_("type"), max_length=30, choices=DocumentKind.choices)
    subject = models.CharField(_("subject"), max_length=500)
    body = models.TextField(_("body"), blank=True)
    addressees = models.TextField(_("addressed to (Kính gửi)"), blank=True)
    distribution = models.TextField(_("recipients (Nơi nhận)"), blank=True)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    frozen_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="one_version_number")
        ]
        verbose_name = _("version")
        verbose_name_plural = _("versions")

    def __str__(self) -> str:
        return f"{self.document_id} v{self.number}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise FrozenVersion(f"version {self.pk} is frozen")
        super().save(*args, **kwargs)  # type: ignore[arg-type]
