"""One addressee's share of a task: an agency (a provincial office, a Department of Health) or
a central unit, which reports on it period by period until it is done."""

from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency, Unit

from .. import rules
from .states import AssignmentState


class TaskAssignment(ConcurrentTransitionMixin, models.Model):
    task = models.ForeignKey(
        "directives.DirectiveTask",
        verbose_name=_("task"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("addressee"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit addressed"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("A central unit; empty when the whole agency is addressed."),
    )
    state = FSMField(
        _("state"),
        default=AssignmentState.IN_PROGRESS,
        choices=AssignmentState.choices,
        editable=False,
        db_index=True,
    )
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    completed_at = models.DateTimeField(_("done"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("assigned"), auto_now_add=True)

    class Meta:
        ordering = ["task", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "agency"],
                condition=models.Q(unit__isnull=True),
                name="assignment_agency_once_per_task",
            ),
            models.UniqueConstraint(
                fields=["task", "unit"],
                condition=models.Q(unit__isnull=False),
                name="assignment_unit_once_per_task",
            ),
        ]
        indexes = [models.Index(fields=["agency", "state"], name="assignment_agency_state")]
        verbose_name = _("assigned task")
        verbose_name_plural = _("assigned tasks")

    def __str__(self) -> str:
        return f"{self.task_id} → {self.addressee_name}"

    @property
    def addressee_name(self) -> str:
        if self.unit_id:
            return f"{self.unit.name} – {self.agency.symbol}"
        return self.agency.name

    @property
    def is_in_progress(self) -> bool:
        return self.state == AssignmentState.IN_PROGRESS

    # The lifecycle. Reports themselves are audit rows (``ProgressReport``), not transitions;
    # a report that says the task is done completes it.

    @transition(
        field=state,
        source=AssignmentState.IN_PROGRESS,
        target=AssignmentState.DONE,
        permission=rules.may_report,
        conditions=[rules.task_is_open],
    )
    def complete(self) -> None:
        """The addressee reports the task done."""

    @transition(
        field=state,
        source=AssignmentState.DONE,
        target=AssignmentState.IN_PROGRESS,
        permission=rules.may_manage_assignment,
        conditions=[rules.task_is_open],
    )
    def reopen(self) -> None:
        """The issuing unit finds the work not done after all and says why."""

    @transition(
        field=state,
        source=AssignmentState.IN_PROGRESS,
        target=AssignmentState.WITHDRAWN,
        permission=rules.may_manage_assignment,
        conditions=[rules.task_is_open],
    )
    def withdraw(self) -> None:
        """The issuing unit takes the task back from this addressee, saying why."""
