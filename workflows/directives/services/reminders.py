"""Reminders to addressees who are late or whose report is due: sent by the issuing unit (one
addressee, or every late one at once) and by the daily job (each late addressee once per
period). Each is an audit row: who sent it, when, to whom."""

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.organisation.selectors import capacities_fixed
from workflows.documents.models import Document

from .. import rules
from ..exceptions import AlreadyReminded, NothingToRemind, WrongState
from ..matrix import document_matrix
from ..models import AssignmentState, TaskAssignment, TaskReminder, TaskState
from ..notices import addressee_contacts, reminder_notify
from ..selectors import assignment_position, reported_periods
from ..standing import Position

BATCH = 500


def assignment_remind(*, assignment: TaskAssignment, actor: Any) -> TaskReminder:
    """The issuing unit reminds one addressee that is late or has a report due."""
    today = timezone.localdate()
    with capacities_fixed(actor):
        rules.check_manage_assignment(assignment, actor)
    if not assignment.is_in_progress or not assignment.task.is_open:
        raise WrongState(_("Only an addressee still working on the task can be reminded."))
    position = assignment_position(assignment, reported_periods([assignment.pk])[assignment.pk])
    if not position.calls_for_reminder:
        raise NothingToRemind(_("This addressee is on track; there is nothing to remind."))
    if assignment.reminders.filter(at__date=today).exists():
        raise AlreadyReminded(_("This addressee was already reminded today."))
    people = addressee_contacts([assignment])[assignment.pk]
    with transaction.atomic():
        return _remind(assignment, position, actor, people)


def document_remind_late(*, document: Document, actor: Any) -> int:
    """The issuing unit reminds every late addressee of the document's tasks at once, except
    those already reminded today."""
    today = timezone.localdate()
    with capacities_fixed(actor):
        rules.check_manage_document(document, actor)
    late = set(document_matrix(document, today=today).late_ids)
    reminded = TaskReminder.objects.filter(assignment_id__in=late, at__date=today)
    waiting = late - set(reminded.values_list("assignment_id", flat=True))
    if not waiting:
        raise NothingToRemind(_("No late addressee is waiting for a reminder today."))
    assignments = _with_task(TaskAssignment.objects.filter(pk__in=waiting))
    positions = _positions(assignments, today)
    contacts = addressee_contacts(assignments)
    with transaction.atomic():
        for item in assignments:
            _remind(item, positions[item.pk], actor, contacts[item.pk])
    return len(assignments)


def reminders_send_overdue(*, today: date | None = None) -> int:
    """The daily job: every late addressee gets one reminder per reporting period, however
    often this runs."""
    today = today or timezone.localdate()
    open_work = TaskAssignment.objects.filter(
        state=AssignmentState.IN_PROGRESS, task__state=TaskState.OPEN, task__starts_on__lte=today
    ).order_by("pk")
    sent, after = 0, 0
    while batch := _with_task(open_work.filter(pk__gt=after)[:BATCH]):
        after = batch[-1].pk
        positions = _positions(batch, today)
        late = _not_yet_reminded([item for item in batch if positions[item.pk].is_late], positions)
        contacts = addressee_contacts(late)
        sent += sum(_remind_once(item, positions[item.pk], contacts[item.pk]) for item in late)
    return sent


def _not_yet_reminded(
    late: list[TaskAssignment], positions: dict[int, Position]
) -> list[TaskAssignment]:
    """Those whose late period has had no automatic reminder yet (one query for the batch)."""
    sent = set(
        TaskReminder.objects.filter(assignment__in=late, actor__isnull=True).values_list(
            "assignment_id", "period"
        )
    )
    return [item for item in late if (item.pk, _period(positions[item.pk])) not in sent]


def _period(position: Position) -> int:
    """The period a reminder is about: the latest one missed, else the one due."""
    period = position.latest or position.period
    assert period is not None
    return period.number


def _remind_once(assignment: TaskAssignment, position: Position, people: list[Any]) -> int:
    """A concurrent run that got there first wins; the unique constraint says so."""
    try:
        with transaction.atomic():
            _remind(assignment, position, None, people)
    except IntegrityError:
        return 0
    return 1


def _remind(
    assignment: TaskAssignment, position: Position, actor: Any, people: list[Any]
) -> TaskReminder:
    reminder = TaskReminder.objects.create(
        assignment=assignment,
        period=_period(position),
        actor=actor,
        days_late=position.days if position.is_late else 0,
    )
    reminder.recipients.set(people)
    transaction.on_commit(
        lambda: reminder_notify(assignment=assignment, people=people, position=position)
    )
    return reminder


def _with_task(assignments: Any) -> list[TaskAssignment]:
    return list(assignments.select_related("task__document", "agency", "unit"))


def _positions(assignments: list[TaskAssignment], today: date) -> dict[int, Position]:
    reported = reported_periods(item.pk for item in assignments)
    return {
        item.pk: assignment_position(item, reported[item.pk], today=today) for item in assignments
    }
