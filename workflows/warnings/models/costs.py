"""A quarter's cost data for a province, as imported: each import is a numbered version, and
only one version of a province's quarter is current at a time. Earlier versions are kept."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Facility, Province

from ..quarters import Quarter


class CostImport(models.Model):
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    version = models.PositiveIntegerField(_("version"))
    is_current = models.BooleanField(_("current"), default=True)
    source_name = models.CharField(_("file name"), max_length=255)
    source_sha256 = models.CharField(_("file SHA-256"), max_length=64)
    encoding = models.CharField(_("encoding"), max_length=20)
    row_count = models.PositiveIntegerField(_("rows"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "-quarter", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "year", "quarter", "version"], name="cost_import_version"
            ),
            models.UniqueConstraint(
                fields=["province", "year", "quarter"],
                condition=models.Q(is_current=True),
                name="one_current_cost_import",
            ),
        ]
        verbose_name = _("cost import")
        verbose_name_plural = _("cost imports")

    def __str__(self) -> str:
        return f"{self.province} {self.period} v{self.version}"

    @property
    def period(self) -> Quarter:
        return Quarter(self.year, self.quarter)


class FacilityCost(models.Model):
    """One facility's figures for the quarter of its import, in whole đồng and visits."""

    cost_import = models.ForeignKey(
        CostImport, verbose_name=_("import"), on_delete=models.CASCADE, related_name="costs"
    )
    facility = models.ForeignKey(
        Facility, verbose_name=_("facility"), on_delete=models.PROTECT, related_name="+"
    )
    visits_outpatient = models.PositiveIntegerField(_("outpatient visits"))
    visits_inpatient = models.PositiveIntegerField(_("inpatient stays"))
    total_cost = models.PositiveBigIntegerField(_("total cost"))
    insurance_paid = models.PositiveBigIntegerField(_("paid by insurance"))
    rejected_amount = models.PositiveBigIntegerField(_("rejected amount"))
    yearly_estimate = models.PositiveBigIntegerField(_("yearly estimate"))

    class Meta:
        ordering = ["facility__code"]
        constraints = [
            models.UniqueConstraint(fields=["cost_import", "facility"], name="one_cost_per_import")
        ]
        verbose_name = _("facility cost")
        verbose_name_plural = _("facility costs")

    def __str__(self) -> str:
        return f"{self.facility_id} @ {self.cost_import_id}"

    @property
    def visits(self) -> int:
        return self.visits_outpatient + self.visits_inpatient
