"""The outgoing register's counter: one row per agency, year and series."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency


class RegisterSeries(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary")
    CONFIDENTIAL = "confidential", _("Confidential")


class RegisterCounter(models.Model):
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("year"))
    series = models.CharField(
        _("series"), max_length=20, choices=RegisterSeries.choices, default=RegisterSeries.ORDINARY
    )
    last_number = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "series"], name="one_counter_per_agency_year_series"
            )
        ]
        verbose_name = _("register counter")
        verbose_name_plural = _("register counters")

    def __str__(self) -> str:
        return f"{self.agency.symbol} {self.year} {self.series}: {self.last_number}"
