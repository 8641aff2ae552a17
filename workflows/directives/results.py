"""What a periodic review reports: per task, each addressee's standing at the end of the period
and the figures it last reported within it. Plain data for the printing side; three queries
whatever the number of addressees."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone

from workflows.documents.models import Document

from .models import AssignmentState, DirectiveTask, ProgressReport, TaskAssignment, TaskState
from .places import Place, entry_order, kind_label, place_of
from .selectors import task_periods
from .standing import Position, Standing, position_on


@dataclass(frozen=True)
class AddresseeResult:
    place: str
    label: str
    kind: str
    position: Position
    percent: int | None
    quantity: Decimal | None


@dataclass(frozen=True)
class TaskResult:
    task: DirectiveTask
    addressees: tuple[AddresseeResult, ...]

    def count(self, *standings: Standing) -> int:
        return sum(1 for a in self.addressees if a.position.standing in standings)

    @property
    def late(self) -> tuple[AddresseeResult, ...]:
        late = [a for a in self.addressees if a.position.standing == Standing.LATE]
        return tuple(sorted(late, key=lambda a: -a.position.days))

    @property
    def percent_mean(self) -> Decimal | None:
        values = [a.percent for a in self.addressees if a.percent is not None]
        return Decimal(sum(values)) / len(values) if values else None

    @property
    def quantity_total(self) -> Decimal | None:
        values = [a.quantity for a in self.addressees if a.quantity is not None]
        return sum(values, Decimal(0)) if values else None


@dataclass(frozen=True)
class Results:
    starts_on: date
    ends_on: date
    as_of: date
    tasks: tuple[TaskResult, ...]
    places: tuple[Place, ...]
    addressee_count: int

    def count(self, *standings: Standing) -> int:
        return sum(task.count(*standings) for task in self.tasks)


def document_results(
    document: Document, *, starts_on: date, ends_on: date, today: date | None = None
) -> Results:
    as_of = min(ends_on, today or timezone.localdate())
    until = timezone.make_aware(datetime.combine(as_of, time.max))
    since = timezone.make_aware(datetime.combine(starts_on, time.min))
    tasks = list(
        document.directive_tasks.filter(state=TaskState.OPEN, created_at__lte=until).order_by(
            "number"
        )
    )
    assignments = sorted(
        TaskAssignment.objects.filter(task__in=tasks)
        .exclude(state=AssignmentState.WITHDRAWN)
        .select_related("agency__province", "unit")
        .order_by("pk"),
        key=entry_order,
    )
    reports = _reports_until(assignments, until)
    by_task = defaultdict(list)
    for assignment in assignments:
        by_task[assignment.task_id].append(assignment)
    results = tuple(
        TaskResult(
            task,
            tuple(_result(a, task, reports[a.pk], as_of, until, since) for a in by_task[task.pk]),
        )
        for task in tasks
    )
    places = {place.key: place for place in map(place_of, assignments)}
    ordered = tuple(sorted(places.values(), key=lambda place: place.order))
    count = len({(a.agency_id, a.unit_id) for a in assignments})
    return Results(starts_on, ends_on, as_of, results, ordered, count)


def _reports_until(
    assignments: list[TaskAssignment], until: datetime
) -> dict[int, list[ProgressReport]]:
    found: dict[int, list[ProgressReport]] = defaultdict(list)
    reports = ProgressReport.objects.filter(assignment__in=assignments, at__lte=until).order_by(
        "at", "pk"
    )
    for report in reports.only("assignment_id", "period", "percent_done", "quantity", "at"):
        found[report.assignment_id].append(report)
    return found


def _result(
    assignment: TaskAssignment,
    task: DirectiveTask,
    reports: list[ProgressReport],
    as_of: date,
    until: datetime,
    since: datetime,
) -> AddresseeResult:
    done = assignment.state == AssignmentState.DONE and assignment.completed_at is not None
    finished = done and assignment.completed_at <= until
    state = AssignmentState.DONE if finished else AssignmentState.IN_PROGRESS
    position = position_on(
        today=as_of,
        state=state,
        periods=task_periods(task),
        reported={report.period for report in reports},
        task_open=task.is_open,
    )
    place = place_of(assignment)
    within = [report for report in reports if report.at >= since]
    percents = [r.percent_done for r in within if r.percent_done is not None]
    quantities = [r.quantity for r in within if r.quantity is not None]
    return AddresseeResult(
        place=place.key,
        label=place.label,
        kind=kind_label(assignment),
        position=position,
        percent=percents[-1] if percents else None,
        quantity=quantities[-1] if quantities else None,
    )
