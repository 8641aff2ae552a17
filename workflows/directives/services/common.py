"""What every service of this app does the same way: lock the row, compare the revision the
actor saw (``TASKS``, ``ASSIGNMENTS``), write the audit row."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workflows.machines import Machine

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


TASKS = Machine(
    model=DirectiveTask,
    related=("document__unit",),
    changed=StaleForm,
    changed_message=gettext_lazy(
        "This task changed since you opened it. Nothing was saved; reload to see it."
    ),
    changes_since=task_changes_since,
)
ASSIGNMENTS = Machine(
    model=TaskAssignment,
    related=("task__document__unit", "agency", "unit"),
    changed=StaleForm,
    changed_message=gettext_lazy(
        "This addressee's record changed since you opened it. Nothing was saved; reload to see it."
    ),
    changes_since=assignment_changes_since,
    wrong_state=WrongState,
    wrong_state_message=gettext_lazy(
        "This addressee's task is “%(state)s”; that action is not possible now."
    ),
)


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
