"""The audit trail of a task and its addressees: one row per action, never edited or deleted."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.audit import MachineEvent

ACTION_LABELS = {
    "create": _("gave the task"),
    "update": _("changed the task"),
    "add": _("added addressees"),
    "cancel": _("cancelled the task"),
    "complete": _("reported the task done"),
    "reopen": _("reopened the task"),
    "withdraw": _("withdrew the task from this addressee"),
}


class TaskEvent(MachineEvent):
    """A step of a task, or of one addressee's part of it (``assignment``)."""

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
    source_state = models.CharField(_("from"), max_length=30, blank=True)
    target_state = models.CharField(_("to"), max_length=30, blank=True)

    action_labels = ACTION_LABELS

    class Meta(MachineEvent.Meta):
        verbose_name = _("task event")
        verbose_name_plural = _("task events")

    def __str__(self) -> str:
        return f"{self.task_id}: {self.action}"
