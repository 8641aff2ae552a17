"""The incoming register's counter (one row per agency and year) and its printed copies."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency


class IncomingCounter(models.Model):
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last arrival number given"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="one_incoming_counter_a_year")
        ]
        verbose_name = _("incoming register counter")
        verbose_name_plural = _("incoming register counters")

    def __str__(self) -> str:
        return f"{self.agency_id} {self.year}: {self.last_number}"


class PrintStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class IncomingRegisterPrint(models.Model):
    """A printed incoming register, prepared by the worker on request."""

    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=10, choices=PrintStatus.choices, default=PrintStatus.PENDING
    )
    pdf = models.FileField(_("PDF"), upload_to="registers/%Y/", blank=True)
    error = models.TextField(_("error"), blank=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requester"), on_delete=models.PROTECT
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("printed incoming register")
        verbose_name_plural = _("printed incoming registers")

    def __str__(self) -> str:
        return f"{self.agency_id} {self.year}"
