"""Giving, changing and cancelling a document's tasks: the issuing unit's work."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.organisation.models import Agency, Unit
from coordination.organisation.selectors import capacities_fixed
from workflows.documents.models import Document

from .. import rules
from ..exceptions import InvalidTask
from ..models import AssignmentState, DirectiveTask, TaskAssignment, TaskFrequency
from ..notices import task_notify_assigned, task_notify_cancelled
from ..periods import MAX_PERIODS, period_count
from .common import TASKS, check_task_open, record, require_text


@dataclass(frozen=True)
class Addressee:
    """Who carries a task out: a whole agency, or one unit of a central agency."""

    agency: Agency
    unit: Unit | None = None

    @property
    def key(self) -> tuple[int, int | None]:
        return (self.agency.pk, self.unit.pk if self.unit else None)


def task_create(
    *,
    document: Document,
    actor: Any,
    title: str,
    due_on: date,
    frequency: str,
    addressees: Iterable[Addressee],
    details: str = "",
    starts_on: date | None = None,
    measure_label: str = "",
    measure_unit: str = "",
) -> DirectiveTask:
    """The issuing unit gives the document a task, addressed to agencies or central units."""
    with capacities_fixed(actor):
        rules.check_takes_tasks(document)
        rules.check_manage_document(document, actor)
    title = require_text(title, _("Say what is to be done."))
    starts_on = starts_on or timezone.localdate()
    _check_dates(frequency=frequency, starts_on=starts_on, due_on=due_on)
    chosen = _addressees_checked(document, addressees)
    with transaction.atomic():
        Document.objects.select_for_update(of=("self",)).filter(pk=document.pk).first()
        task = DirectiveTask.objects.create(
            document=document,
            number=_next_number(document),
            title=title,
            details=details.strip(),
            starts_on=starts_on,
            due_on=due_on,
            frequency=frequency,
            measure_label=measure_label.strip(),
            measure_unit=measure_unit.strip(),
            created_by=actor,
        )
        assignments = _assign(task, chosen)
        comment = _("%(n)d addressees") % {"n": len(assignments)}
        record(task, actor=actor, action="create", revision=task.revision, comment=comment)
    transaction.on_commit(lambda: task_notify_assigned(task=task, assignments=assignments))
    return task


def task_update(
    *,
    task: DirectiveTask,
    actor: Any,
    expected_revision: int,
    title: str,
    details: str,
    due_on: date,
    measure_label: str = "",
    measure_unit: str = "",
) -> DirectiveTask:
    """The issuing unit rewords the task or moves its due date; what changed is recorded."""
    title = require_text(title, _("Say what is to be done."))
    with capacities_fixed(actor):
        rules.check_manage(task, actor)
        with transaction.atomic():
            locked = TASKS.lock(task, expected_revision)
            check_task_open(locked)
            _check_dates(frequency=locked.frequency, starts_on=locked.starts_on, due_on=due_on)
            changes = _changes(locked, title=title, due_on=due_on)
            locked.title, locked.details, locked.due_on = title, details.strip(), due_on
            locked.measure_label, locked.measure_unit = measure_label.strip(), measure_unit.strip()
            locked.revision += 1
            locked.save()
            record(locked, actor=actor, action="update", revision=locked.revision, comment=changes)
    return locked


def task_add_addressees(
    *, task: DirectiveTask, actor: Any, expected_revision: int, addressees: Iterable[Addressee]
) -> list[TaskAssignment]:
    """More agencies or units get the task; those that already have it are left as they are."""
    with capacities_fixed(actor):
        rules.check_manage(task, actor)
        chosen = _addressees_checked(task.document, addressees)
        with transaction.atomic():
            locked = TASKS.lock(task, expected_revision)
            check_task_open(locked)
            present = set(locked.assignments.values_list("agency_id", "unit_id"))
            new = [addressee for addressee in chosen if addressee.key not in present]
            if not new:
                raise InvalidTask(_("Every addressee chosen already has this task."))
            assignments = _assign(locked, new)
            locked.revision += 1
            locked.save()
            comment = _("%(n)d addressees") % {"n": len(assignments)}
            record(locked, actor=actor, action="add", revision=locked.revision, comment=comment)
    transaction.on_commit(lambda: task_notify_assigned(task=locked, assignments=assignments))
    return assignments


def task_cancel(
    *, task: DirectiveTask, actor: Any, expected_revision: int, comment: str
) -> DirectiveTask:
    """The issuing unit cancels the task, saying why; its addressees hear of it."""
    reason = require_text(comment, _("Say why the task is cancelled."))
    with capacities_fixed(actor):
        rules.check_manage(task, actor)
        with transaction.atomic():
            locked = TASKS.lock(task, expected_revision)
            check_task_open(locked)
            source = locked.state
            locked.cancel()
            locked.revision += 1
            locked.save()
            record(
                locked,
                actor=actor,
                action="cancel",
                source=source,
                revision=locked.revision,
                comment=reason,
            )
            waiting = list(locked.assignments.filter(state=AssignmentState.IN_PROGRESS))
    transaction.on_commit(lambda: task_notify_cancelled(task=locked, assignments=waiting))
    return locked


def _check_dates(*, frequency: str, starts_on: date, due_on: date) -> None:
    if frequency not in TaskFrequency.values:
        raise InvalidTask(_("Choose how often the addressees report."))
    if due_on < starts_on:
        raise InvalidTask(_("The due date comes before the start."))
    if due_on < timezone.localdate():
        raise InvalidTask(_("The due date has already passed."))
    if period_count(frequency=frequency, starts_on=starts_on, due_on=due_on) > MAX_PERIODS:
        raise InvalidTask(
            _("That makes more than %(n)d reporting periods; report less often.")
            % {"n": MAX_PERIODS}
        )


def _addressees_checked(document: Document, addressees: Iterable[Addressee]) -> list[Addressee]:
    chosen = list({addressee.key: addressee for addressee in addressees}.values())
    if not chosen:
        raise InvalidTask(_("Choose at least one addressee."))
    managing = rules.managing_units(document)
    for addressee in chosen:
        if not addressee.agency.is_active or (addressee.unit and not addressee.unit.is_active):
            raise InvalidTask(_("%(name)s no longer exists.") % {"name": addressee.agency.name})
        if addressee.unit and addressee.unit.agency_id != addressee.agency.pk:
            raise InvalidTask(_("A unit is addressed together with its own agency."))
        if addressee.unit and addressee.unit.pk in managing:
            raise InvalidTask(_("The issuing unit does not give a task to itself."))
    return chosen


def _next_number(document: Document) -> int:
    last = DirectiveTask.objects.filter(document=document).aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


def _assign(task: DirectiveTask, addressees: list[Addressee]) -> list[TaskAssignment]:
    rows = [TaskAssignment(task=task, agency=a.agency, unit=a.unit) for a in addressees]
    return TaskAssignment.objects.bulk_create(rows)


def _changes(task: DirectiveTask, *, title: str, due_on: date) -> str:
    lines = []
    if title != task.title:
        lines.append(_("Task: %(old)s → %(new)s") % {"old": task.title, "new": title})
    if due_on != task.due_on:
        old, new = task.due_on.strftime("%d/%m/%Y"), due_on.strftime("%d/%m/%Y")
        lines.append(_("Due: %(old)s → %(new)s") % {"old": old, "new": new})
    return "\n".join(lines)
