"""Reading tasks: who sees which, the lists of the staff screens, an addressee's record."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.organisation.names import person_name
from coordination.organisation.selectors import capacities_of
from workflows.audit import change_sentence, changes_since
from workflows.documents.models import Document

from . import rules
from .models import (
    AssignmentState,
    DirectiveTask,
    ProgressReport,
    TaskAssignment,
    TaskEvent,
    TaskReminder,
    TaskState,
)
from .periods import Period, reporting_periods
from .standing import Position, position_on

_ASSIGNMENT_RELATED = ("task__document", "agency__province", "unit__agency")


@dataclass(frozen=True)
class AssignmentLine:
    """An addressee's task in a list, with where it stands today."""

    assignment: TaskAssignment
    position: Position


def task_periods(task: DirectiveTask) -> tuple[Period, ...]:
    return reporting_periods(frequency=task.frequency, starts_on=task.starts_on, due_on=task.due_on)


def reported_periods(assignment_ids: Iterable[int] = (), **assignments: Any) -> dict[int, set[int]]:
    """The periods each addressee has reported on (a correction counts for its period): those
    of ``assignment_ids``, or of the assignments matching ``assignments`` (e.g.
    ``task__document=document``), one query either way."""
    chosen = {f"assignment__{k}": v for k, v in assignments.items()}
    if not chosen:
        chosen = {"assignment_id__in": list(assignment_ids)}
    reports = ProgressReport.objects.filter(**chosen).order_by()
    found: dict[int, set[int]] = defaultdict(set)
    for assignment_id, period in reports.values_list("assignment_id", "period").distinct():
        found[assignment_id].add(period)
    return found


def assignment_position(
    assignment: TaskAssignment, reported: set[int], *, today: date | None = None
) -> Position:
    return position_on(
        today=today or timezone.localdate(),
        state=assignment.state,
        periods=task_periods(assignment.task),
        reported=reported,
        task_open=assignment.task.is_open,
    )


def with_positions(assignments: Iterable[TaskAssignment]) -> list[AssignmentLine]:
    items = list(assignments)
    reported = reported_periods(item.pk for item in items)
    return [AssignmentLine(item, assignment_position(item, reported[item.pk])) for item in items]


def _addressed(user: Any) -> Q:
    capacities = capacities_of(user)
    agencies = {c.agency_id for c in capacities}
    units = {c.unit_id for c in capacities}
    return Q(unit__isnull=True, agency_id__in=agencies) | Q(unit_id__in=units)


def assignments_addressed_to(user: Any) -> QuerySet[TaskAssignment]:
    """Tasks given to the person's agencies or units and not withdrawn, the nearest due first."""
    return (
        TaskAssignment.objects.filter(
            _addressed(user),
            task__state=TaskState.OPEN,
            state__in=(AssignmentState.IN_PROGRESS, AssignmentState.DONE),
        )
        .select_related(*_ASSIGNMENT_RELATED)
        .order_by("state", "task__due_on", "pk")
    )


def assignments_to_report(user: Any) -> QuerySet[TaskAssignment]:
    return assignments_addressed_to(user).filter(state=AssignmentState.IN_PROGRESS)


def _managed(user: Any) -> Q:
    units = {c.unit_id for c in capacities_of(user)}
    return Q(unit_id__in=units) | Q(is_joint=True, counterpart_unit_id__in=units)


def _followed(user: Any) -> Q:
    if rules.is_central_leader(user):
        return Q()
    agencies = {c.agency_id for c in capacities_of(user)}
    issuers = Q(agency_id__in=agencies) | Q(is_joint=True, counterpart_agency_id__in=agencies)
    return _managed(user) | (issuers & Q(confidentiality=""))


def _with_task_counts(documents: QuerySet[Document]) -> QuerySet[Document]:
    has_tasks = Exists(DirectiveTask.objects.filter(document=OuterRef("pk")))
    return (
        documents.filter(has_tasks)
        .annotate(
            task_count=Count("directive_tasks", distinct=True),
            addressee_count=Count(
                "directive_tasks__assignments",
                filter=~Q(directive_tasks__assignments__state=AssignmentState.WITHDRAWN),
                distinct=True,
            ),
            done_count=Count(
                "directive_tasks__assignments",
                filter=Q(directive_tasks__assignments__state=AssignmentState.DONE),
                distinct=True,
            ),
        )
        .select_related("agency", "unit")
        .order_by("-issued_on", "-pk")
    )


def documents_managed_by(user: Any) -> QuerySet[Document]:
    """Documents with tasks that the person's unit gave."""
    return _with_task_counts(Document.objects.filter(_managed(user)))


def documents_followed_by(user: Any) -> QuerySet[Document]:
    """Documents with tasks whose follow-up the person may see."""
    return _with_task_counts(Document.objects.filter(_followed(user)))


def documents_taking_tasks_from(user: Any) -> QuerySet[Document]:
    """Issued documents in force, of a kind that gives tasks, that the person's unit drafted."""
    return (
        Document.objects.filter(_managed(user), state__in=rules.IN_FORCE, kind__in=rules.TASK_KINDS)
        .select_related("agency", "unit")
        .order_by("-issued_on", "-pk")
    )


def document_tasks(document: Document) -> QuerySet[DirectiveTask]:
    return document.directive_tasks.select_related("created_by").order_by("number")


def assignment_reports(assignment: TaskAssignment) -> QuerySet[ProgressReport]:
    return (
        assignment.reports.select_related("author", "corrects")
        .prefetch_related("attachments", "corrections")
        .order_by("-at", "-pk")
    )


def assignment_timeline(assignment: TaskAssignment) -> QuerySet[TaskEvent]:
    return TaskEvent.objects.filter(
        Q(assignment=assignment) | Q(task_id=assignment.task_id, assignment__isnull=True)
    ).select_related("actor")


def assignment_reminders(assignment: TaskAssignment) -> QuerySet[TaskReminder]:
    people = Prefetch("recipients", queryset=_people())
    return assignment.reminders.select_related("actor").prefetch_related(people)


def _people() -> QuerySet[Any]:
    return get_user_model().objects.order_by("last_name", "first_name")


def assignment_changes_since(assignment: TaskAssignment, revision: int) -> list[str]:
    """What the addressee's stale form is told: the steps taken and the reports sent since."""
    events = assignment.events.filter(revision__gt=revision).select_related("actor")
    reports = assignment.reports.filter(revision__gt=revision).select_related("author")
    lines = [(event.at, person_name(event.actor), event.action_label) for event in events]
    lines += [(report.at, person_name(report.author), _("sent a report")) for report in reports]
    return [change_sentence(who, what, at) for at, who, what in sorted(lines)]


def task_changes_since(task: DirectiveTask, revision: int) -> list[str]:
    return changes_since(task.events.filter(assignment__isnull=True), revision)


@dataclass(frozen=True)
class PeriodLine:
    """One reporting period on an addressee's page: its latest report, or how late it is."""

    period: Period
    report: ProgressReport | None
    days_late: int
    is_open: bool


def period_lines(
    periods: Iterable[Period], reports: Iterable[ProgressReport], *, today: date
) -> list[PeriodLine]:
    latest: dict[int, ProgressReport] = {}
    for report in sorted(reports, key=lambda r: (r.at, r.pk)):
        latest[report.period] = report
    return [
        PeriodLine(
            period=period,
            report=latest.get(period.number),
            days_late=max(0, (today - period.due_on).days) if period.number not in latest else 0,
            is_open=period.starts_on <= today <= period.ends_on,
        )
        for period in periods
    ]
