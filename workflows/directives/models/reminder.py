"""Reminders to late addressees: who sent it (nobody for the daily job), when, to whom."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.audit import AuditRow


class TaskReminder(AuditRow):
    assignment = models.ForeignKey(
        "directives.TaskAssignment",
        verbose_name=_("addressee"),
        on_delete=models.PROTECT,
        related_name="reminders",
    )
    period = models.PositiveSmallIntegerField(_("reporting period"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty when the daily job sent it."),
    )
    recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("sent to"), related_name="+"
    )
    days_late = models.PositiveIntegerField(_("days late"))
    at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "period"],
                condition=models.Q(actor__isnull=True),
                name="one_automatic_reminder_per_period",
            )
        ]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")

    def __str__(self) -> str:
        return f"{self.assignment_id}/{self.period} {self.at:%Y-%m-%d}"

    @property
    def is_automatic(self) -> bool:
        return self.actor_id is None
