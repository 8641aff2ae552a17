"""The files a package carried (the signed PDF first), stored as they arrived."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IncomingAttachment(models.Model):
    incoming = models.ForeignKey(
        "exchange.IncomingDocument",
        verbose_name=_("incoming document"),
        on_delete=models.PROTECT,
        related_name="attachments",
    )
    content_id = models.CharField(_("content identifier"), max_length=500)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=200)
    description = models.CharField(_("description"), max_length=500, blank=True)
    file = models.FileField(_("stored file"), upload_to="exchange/%Y/")
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name
