"""Status notices (edXML ``Status`` messages): what the receiving agency tells the sender at each
step. The XML is kept as written; when the sender is an agency of this system the worker delivers
the notice to the outgoing document it answers."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .states import STATE_OF_CODE


class StatusNotice(models.Model):
    incoming = models.ForeignKey(
        "exchange.IncomingDocument",
        verbose_name=_("incoming document"),
        on_delete=models.PROTECT,
        related_name="notices",
    )
    status_code = models.CharField(_("status code"), max_length=2)
    description = models.TextField(_("description"), blank=True)
    receiver_name = models.CharField(_("from"), max_length=500)
    staff_name = models.CharField(_("handled by"), max_length=200, blank=True)
    at = models.DateTimeField(_("at"))
    xml = models.BinaryField(_("edXML status message"))
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("outgoing document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="status_notices",
        help_text=_("Set when the notice is delivered to a document of this system."),
    )
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status notice")
        verbose_name_plural = _("status notices")

    def __str__(self) -> str:
        return f"{self.status_code} {self.receiver_name}"

    @property
    def status_label(self) -> str:
        return str(STATE_OF_CODE[self.status_code].label)
