"""The issuing unit's view of a document's tasks: one row per addressee (63 provinces read down
the page), one column per task, each cell saying where the addressee stands. Three queries
whatever the number of addressees, tasks or reports."""

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from coordination.organisation.models import AgencyKind
from workflows.documents.models import Document

from .models import DirectiveTask, ProgressReport, TaskAssignment, TaskReminder
from .regions import provinces_in, region_of
from .selectors import reported_periods, task_periods
from .standing import Position, Standing, position_on


@dataclass(frozen=True)
class Cell:
    assignment_id: int
    position: Position
    percent: int | None
    last_report_at: datetime | None
    reminded_at: datetime | None

    @property
    def may_remind(self) -> bool:
        return self.position.standing in (Standing.LATE, Standing.REPORT_DUE)


@dataclass(frozen=True)
class Row:
    label: str
    detail: str
    province_code: str
    region: str
    kind: str
    cells: tuple[Cell | None, ...]

    def has(self, standing: str) -> bool:
        return any(cell and cell.position.standing == standing for cell in self.cells)


@dataclass(frozen=True)
class Matrix:
    tasks: tuple[DirectiveTask, ...]
    rows: tuple[Row, ...]
    totals: dict[str, int]
    row_count: int
    late_ids: tuple[int, ...]

    @property
    def standings(self) -> list[tuple[str, str, int]]:
        return [(s.value, str(s.label), self.totals.get(s.value, 0)) for s in Standing]

    @property
    def provinces(self) -> list[tuple[str, str]]:
        """The provinces among the addressees, to filter by."""
        found = {row.province_code: row.label for row in self.rows if row.province_code}
        return sorted(found.items())

    def only(self, *, province: str = "", region: str = "", standing: str = "") -> "Matrix":
        """The same matrix showing only the rows asked for; the totals stay the whole's."""
        rows = tuple(row for row in self.rows if _chosen(row, province, region, standing))
        return replace(self, rows=rows)


def document_matrix(document: Document, *, today: date | None = None) -> Matrix:
    today = today or timezone.localdate()
    tasks = tuple(document.directive_tasks.order_by("number"))
    assignments = list(_assignments(document))
    reported = reported_periods(a.pk for a in assignments)
    columns = {task.pk: index for index, task in enumerate(tasks)}
    periods = {task.pk: task_periods(task) for task in tasks}
    grid: dict[tuple[int, int | None], list[Cell | None]] = {}
    first: dict[tuple[int, int | None], TaskAssignment] = {}
    for assignment in assignments:
        key = (assignment.agency_id, assignment.unit_id)
        first.setdefault(key, assignment)
        row = grid.setdefault(key, [None] * len(tasks))
        row[columns[assignment.task_id]] = _cell(assignment, periods, reported, today)
    rows = sorted((_row(first[key], cells) for key, cells in grid.items()), key=_order)
    cells = [cell for row in rows for cell in row.cells if cell is not None]
    totals = Counter(cell.position.standing.value for cell in cells)
    late = tuple(c.assignment_id for c in cells if c.position.standing == Standing.LATE)
    return Matrix(tasks, tuple(rows), dict(totals), len(rows), late)


def _assignments(document: Document) -> QuerySet[TaskAssignment]:
    reports = ProgressReport.objects.filter(assignment=OuterRef("pk")).order_by("-at", "-pk")
    with_percent = reports.filter(percent_done__isnull=False)
    reminders = TaskReminder.objects.filter(assignment=OuterRef("pk")).order_by("-at", "-pk")
    return (
        TaskAssignment.objects.filter(task__document=document)
        .select_related("task", "agency__province", "unit")
        .annotate(
            latest_percent=Subquery(with_percent.values("percent_done")[:1]),
            latest_at=Subquery(reports.values("at")[:1]),
            reminded_at=Subquery(reminders.values("at")[:1]),
        )
    )


def _cell(
    assignment: TaskAssignment,
    periods: dict[int, tuple],
    reported: dict[int, set[int]],
    today: date,
) -> Cell:
    position = position_on(
        today=today,
        state=assignment.state,
        periods=periods[assignment.task_id],
        reported=reported[assignment.pk],
        task_open=assignment.task.is_open,
    )
    return Cell(
        assignment_id=assignment.pk,
        position=position,
        percent=assignment.latest_percent,  # type: ignore[attr-defined]
        last_report_at=assignment.latest_at,  # type: ignore[attr-defined]
        reminded_at=assignment.reminded_at,  # type: ignore[attr-defined]
    )


def _row(assignment: TaskAssignment, cells: list[Cell | None]) -> Row:
    agency, province = assignment.agency, assignment.agency.province
    if province is None:
        label = assignment.unit.name if assignment.unit_id else agency.name
        return Row(label, agency.name, "", "", agency.kind, tuple(cells))
    found = region_of(province.code)
    region = found.label if found else ""
    detail = agency.get_kind_display()
    return Row(province.name, detail, province.code, region, agency.kind, tuple(cells))


_KIND_ORDER = {kind.value: index for index, kind in enumerate(AgencyKind)}


def _order(row: Row) -> tuple[str, int, str]:
    return (row.province_code, _KIND_ORDER.get(row.kind, 0), row.label)


def _chosen(row: Row, province: str, region: str, standing: str) -> bool:
    if province and row.province_code != province:
        return False
    if region and row.province_code not in provinces_in(region):
        return False
    return not standing or row.has(standing)
