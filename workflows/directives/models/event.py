"""The audit trail of a task and its addressees: one row per action, never edited or deleted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.audit import AuditRow

ACTION_LABELS = {
    "create": _("gave the task"),
    "update": _("changed the task"),
    "add": _("added addressees"),
    "cancel": _("cancelled the task"),
    "complete": _("reported the task done"),
    "reopen": _("reopened the task"),
    "withdraw": _("withdrew the task from this addressee"),
}


class TaskEvent(AuditRow):
    task = models.ForeignKey(
        "directives.DirectiveTask",
        verbose_name=_("task"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    assignment = models.ForeignKey(
        "directives.TaskAssignment",
        verbose_name=_("addressee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    action = models.CharField(_("action"), max_length=20)
    source_state = models.CharField(_("from"), max_length=30, blank=True)
    target_state = models.CharField(_("to"), max_length=30, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    comment = models.TextField(_("comment"), blank=True)
    revision = models.PositiveIntegerField(_("revision after"))
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("task event")
        verbose_name_plural = _("task events")

    def __str__(self) -> str:
        return f"{self.task_id}: {self.action}"

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))
