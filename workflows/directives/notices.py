"""Who hears about a task. Called after the commit; the notifications app stores the notices and
the worker e-mails them. An addressee is reached through its heads and signers (and the deputies
acting for them today) and whoever has reported for it before, or all its staff when it has none
of those."""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from coordination.organisation.models import Membership, Role
from coordination.organisation.selectors import delegations_running
from workflows.notifications.models import NoticeKind
from workflows.notifications.services import notification_send

from .models import DirectiveTask, ProgressReport, TaskAssignment
from .standing import Position

CONTACT_ROLES = (Role.UNIT_HEAD, Role.SIGNER)


def addressee_contacts(assignments: Iterable[TaskAssignment]) -> dict[int, list[Any]]:
    """The people to tell about each addressee's task: three queries for any number of them."""
    items = list(assignments)
    members = _members(items)
    deputies = _deputies(members)
    reporters = _reporters(items)
    contacts: dict[int, list[Any]] = {}
    for item in items:
        staff = members[(item.agency_id, item.unit_id)]
        heads = [m for m in staff if m.role in CONTACT_ROLES]
        acting = [deputy for m in heads for deputy in deputies[m.pk]]
        chosen = [m.user for m in heads] + acting + reporters[item.pk]
        contacts[item.pk] = _unique(chosen or [m.user for m in staff])
    return contacts


def _members(items: list[TaskAssignment]) -> dict[tuple[int, int | None], list[Membership]]:
    units = {item.unit_id for item in items if item.unit_id}
    agencies = {item.agency_id for item in items if not item.unit_id}
    rows = Membership.objects.filter(
        Q(unit_id__in=units) | Q(unit__agency_id__in=agencies),
        is_active=True,
        user__is_active=True,
    ).select_related("user", "unit")
    found: dict[tuple[int, int | None], list[Membership]] = defaultdict(list)
    for membership in rows:
        found[(membership.unit.agency_id, None)].append(membership)
        found[(membership.unit.agency_id, membership.unit_id)].append(membership)
    return found


def _deputies(members: dict[tuple[int, int | None], list[Membership]]) -> dict[int, list[Any]]:
    """The deputies acting today for the heads and signers among ``members``, by membership."""
    heads = {m.pk for staff in members.values() for m in staff if m.role in CONTACT_ROLES}
    running = delegations_running().filter(membership__in=heads, deputy__is_active=True)
    found: dict[int, list[Any]] = defaultdict(list)
    for delegation in running.select_related("deputy"):
        found[delegation.membership_id].append(delegation.deputy)
    return found


def _reporters(items: list[TaskAssignment]) -> dict[int, list[Any]]:
    reports = ProgressReport.objects.filter(assignment__in=items).select_related("author")
    found: dict[int, list[Any]] = defaultdict(list)
    for report in reports.only("assignment_id", "author"):
        if report.author.is_active:
            found[report.assignment_id].append(report.author)
    return found


def _unique(people: list[Any]) -> list[Any]:
    return list({person.pk: person for person in people}.values())


def task_notify_assigned(*, task: DirectiveTask, assignments: list[TaskAssignment]) -> None:
    with translation.override("vi"):
        headline = _("New task for your agency")
        _send_each(task, assignments, NoticeKind.ASSIGNMENT, headline)


def task_notify_cancelled(*, task: DirectiveTask, assignments: list[TaskAssignment]) -> None:
    with translation.override("vi"):
        _send_each(task, assignments, NoticeKind.RETURN, _("Task cancelled"))


def assignment_notify_returned(*, assignment: TaskAssignment, action: str) -> None:
    """The issuing unit reopened the task or withdrew it from this addressee."""
    with translation.override("vi"):
        headline = _("Task reopened") if action == "reopen" else _("Task withdrawn")
        _send_each(assignment.task, [assignment], NoticeKind.RETURN, headline)


def reminder_notify(*, assignment: TaskAssignment, people: list[Any], position: Position) -> None:
    with translation.override("vi"):
        headline = _("Reminder (%(standing)s)") % {"standing": position.label}
        _send(assignment.task, assignment, people, NoticeKind.DEADLINE, headline)


def _send_each(
    task: DirectiveTask, assignments: list[TaskAssignment], kind: str, headline: str
) -> None:
    contacts = addressee_contacts(assignments)
    for assignment in assignments:
        _send(task, assignment, contacts[assignment.pk], kind, headline)


def _send(
    task: DirectiveTask, assignment: TaskAssignment, people: list[Any], kind: str, headline: str
) -> None:
    if not people:
        return
    number = task.document.number_symbol
    message = f"{headline}: {task.title[:200]} – {number}"
    link = reverse("directives_assignment", args=[assignment.pk])
    notification_send(recipients=people, kind=kind, message=message, link=link)
