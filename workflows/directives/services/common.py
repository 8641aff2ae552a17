"""What every service of this app does the same way: lock the row, compare the revision the
actor saw, write the audit row."""

from typing import Any

from django.utils.translation import gettext as _

from ..exceptions import ReasonRequired, StaleForm, WrongState
from ..models import DirectiveTask, TaskAssignment, TaskEvent
from ..selectors import assignment_changes_since, task_changes_since


def require_text(text: str, message: str) -> str:
    if not text.strip():
        raise ReasonRequired(message)
    return text.strip()


def check_task_open(task: DirectiveTask) -> None:
    if not task.is_open:
        raise WrongState(_("This task was cancelled; nothing more can be done with it."))


def check_task_fresh(task: DirectiveTask, expected_revision: int) -> None:
    if task.revision != expected_revision:
        raise StaleForm(
            _("This task changed since you opened it. Nothing was saved; reload to see it."),
            changes=task_changes_since(task, expected_revision),
        )


def check_assignment_fresh(assignment: TaskAssignment, expected_revision: int) -> None:
    if assignment.revision != expected_revision:
        raise StaleForm(
            _(
                "This addressee's record changed since you opened it. Nothing was saved; "
                "reload to see it."
            ),
            changes=assignment_changes_since(assignment, expected_revision),
        )


def lock_task(task: DirectiveTask, expected_revision: int) -> DirectiveTask:
    locked = (
        DirectiveTask.objects.select_for_update(of=("self",))
        .select_related("document__unit")
        .get(pk=task.pk)
    )
    check_task_fresh(locked, expected_revision)
    return locked


def lock_assignment(assignment: TaskAssignment, expected_revision: int) -> TaskAssignment:
    locked = (
        TaskAssignment.objects.select_for_update(of=("self",))
        .select_related("task__document__unit", "agency", "unit")
        .get(pk=assignment.pk)
    )
    check_assignment_fresh(locked, expected_revision)
    return locked


def record(
    task: DirectiveTask,
    *,
    actor: Any,
    action: str,
    revision: int,
    assignment: TaskAssignment | None = None,
    source: str = "",
    comment: str = "",
) -> TaskEvent:
    target = assignment.state if assignment is not None else task.state
    return TaskEvent.objects.create(
        task=task,
        assignment=assignment,
        action=action,
        source_state=source,
        target_state=target,
        actor=actor,
        comment=comment,
        revision=revision,
    )
