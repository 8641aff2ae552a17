"""A task an issued document gives to other agencies: what, by when, how often to report."""

from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import rules
from .states import TaskFrequency, TaskState


class DirectiveTask(ConcurrentTransitionMixin, models.Model):
    """One numbered task of an issued directive, plan or regulation; each addressee carries it
    out and reports on it (``TaskAssignment``)."""

    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="directive_tasks",
    )
    number = models.PositiveSmallIntegerField(_("number"), editable=False)
    title = models.CharField(_("task"), max_length=300)
    details = models.TextField(_("details"), blank=True)
    starts_on = models.DateField(_("from"))
    due_on = models.DateField(_("due"))
    frequency = models.CharField(
        _("reporting"), max_length=20, choices=TaskFrequency.choices, default=TaskFrequency.ONCE
    )
    measure_label = models.CharField(
        _("figure to report"),
        max_length=120,
        blank=True,
        help_text=_("e.g. Số cơ sở đã rà soát; leave empty when only the percentage is asked."),
    )
    measure_unit = models.CharField(_("unit of the figure"), max_length=40, blank=True)
    state = FSMField(
        _("state"),
        default=TaskState.OPEN,
        choices=TaskState.choices,
        editable=False,
        db_index=True,
    )
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="task_number_per_document"),
            models.CheckConstraint(
                condition=models.Q(due_on__gte=models.F("starts_on")),
                name="task_due_after_start",
            ),
        ]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def is_open(self) -> bool:
        return self.state == TaskState.OPEN

    # The task's lifecycle; each addressee's own lifecycle is ``TaskAssignment``'s.

    @transition(
        field=state,
        source=TaskState.OPEN,
        target=TaskState.CANCELLED,
        permission=rules.may_manage,
    )
    def cancel(self) -> None:
        """The issuing unit cancels a task given by mistake or no longer needed, saying why."""
