"""Thresholds of the anomaly rules. A row applies to a province (or every province) and a
facility level (or every level); for each threshold the most specific row that sets it wins,
then the defaults in ``anomalies.DEFAULTS``."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import FacilityLevel, Province


def _threshold(label: str, help_text: str) -> models.DecimalField:
    return models.DecimalField(
        label,
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=help_text,
    )


class ThresholdSet(models.Model):
    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Empty: every province."),
    )
    level = models.CharField(
        _("facility level"),
        max_length=20,
        choices=FacilityLevel.choices,
        blank=True,
        help_text=_("Empty: every level."),
    )
    growth_pct = _threshold(
        _("cost growth (%)"), _("Warn when total cost grew more than this on the same quarter.")
    )
    peer_k = _threshold(
        _("peer spread multiple (k)"),
        _("Warn when cost per visit is above the level's median by more than k spreads."),
    )
    estimate_overrun_pct = _threshold(
        _("estimate overrun (%)"),
        _("Warn when spending to date exceeds the pro-rata yearly estimate by more than this."),
    )
    rejected_pct = _threshold(
        _("rejected share (%)"), _("Warn when the rejected amount exceeds this share of cost.")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["province", "level"],
                condition=models.Q(province__isnull=False),
                name="one_threshold_set_per_province_level",
            ),
            models.UniqueConstraint(
                fields=["level"],
                condition=models.Q(province__isnull=True),
                name="one_default_threshold_set_per_level",
            ),
        ]
        verbose_name = _("threshold set")
        verbose_name_plural = _("threshold sets")

    def __str__(self) -> str:
        province = self.province.name if self.province else _("every province")
        level = self.get_level_display() if self.level else _("every level")
        return f"{province} – {level}"
