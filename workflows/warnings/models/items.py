"""One facility in a warning run: its figures, the rules it broke, whether it gets a letter,
the letter's number and file, and the facility's response."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Facility

from .costs import FacilityCost
from .run import WarningRun


class FacilityResponse(models.TextChoices):
    AWAITING = "", _("No response yet")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    EXPLANATION_RECEIVED = "explanation_received", _("Explanation received")
    RESOLVED = "resolved", _("Resolved")


class WarningItem(models.Model):
    run = models.ForeignKey(
        WarningRun, verbose_name=_("warning run"), on_delete=models.CASCADE, related_name="items"
    )
    facility = models.ForeignKey(
        Facility, verbose_name=_("facility"), on_delete=models.PROTECT, related_name="+"
    )
    cost = models.ForeignKey(
        FacilityCost, verbose_name=_("figures"), on_delete=models.PROTECT, related_name="+"
    )
    previous_cost = models.ForeignKey(
        FacilityCost,
        verbose_name=_("same quarter last year"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    findings = models.JSONField(_("broken rules"), default=list, blank=True)
    added_reason = models.TextField(_("reason for adding"), blank=True)
    included = models.BooleanField(_("gets a letter"), default=True)
    removed_reason = models.TextField(_("reason for removing"), blank=True)

    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    number_symbol = models.CharField(_("number and symbol"), max_length=60, blank=True)
    pdf = models.FileField(_("letter PDF"), blank=True, editable=False)

    response = models.CharField(
        _("response"), max_length=30, choices=FacilityResponse.choices, blank=True, default=""
    )
    response_note = models.TextField(_("response note"), blank=True)
    response_at = models.DateTimeField(_("response recorded"), null=True, blank=True)
    response_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("response recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["facility__code"]
        constraints = [
            models.UniqueConstraint(fields=["run", "facility"], name="one_item_per_facility")
        ]
        verbose_name = _("warning letter")
        verbose_name_plural = _("warning letters")

    def __str__(self) -> str:
        return f"{self.run} – {self.facility_id}"

    @property
    def was_added(self) -> bool:
        return bool(self.added_reason)

    @property
    def reasons(self) -> list[str]:
        """What the letter says, in Vietnamese: each broken rule, then the officer's reason."""
        texts = [finding["text"] for finding in self.findings]
        if self.added_reason:
            texts.append(self.added_reason)
        return texts
