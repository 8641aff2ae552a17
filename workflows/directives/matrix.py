"""The issuing unit's view of a document's tasks: one row per province (63 read down the page)
or central addressee, one column per task, each cell saying where the addressee stands. Three
queries whatever the number of addressees, tasks or reports."""

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime

from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from workflows.documents.models import Document

from .models import DirectiveTask, ProgressReport, TaskAssignment, TaskReminder
from .periods import Period
from .places import Place, entry_order, kind_label, place_of
from .regions import provinces_in
from .selectors import reported_periods, task_periods
from .standing import Position, Standing, position_on

# From the most pressing standing to the least.
URGENCY = (Standing.LATE, Standing.REPORT_DUE, Standing.ON_TRACK, Standing.DONE, Standing.WITHDRAWN)


@dataclass(frozen=True)
class Entry:
    """One addressee's standing on one task, with its words and link ready for the page."""

    assignment_id: int
    kind: str
    position: Position
    percent: int | None
    last_report_on: str
    reminded_on: str
    url: str
    label: str
    reason: str

    @property
    def standing(self) -> str:
        return self.position.standing.value

    @property
    def may_remind(self) -> bool:
        return self.position.calls_for_reminder


@dataclass(frozen=True)
class Cell:
    entries: tuple[Entry, ...]
    standing: str

    @classmethod
    def of(cls, entries: list[Entry]) -> "Cell":
        """The cell takes the colour of its most pressing entry."""
        found = {entry.position.standing for entry in entries}
        return cls(tuple(entries), next((s.value for s in URGENCY if s in found), ""))

    @property
    def shows_kind(self) -> bool:
        return len(self.entries) > 1


@dataclass(frozen=True)
class Row:
    place: Place
    cells: tuple[Cell, ...]

    def has(self, standing: str) -> bool:
        return any(e.position.standing == standing for c in self.cells for e in c.entries)


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
        found = {r.place.province_code: r.place.label for r in self.rows if r.place.province_code}
        return sorted(found.items())

    def only(self, *, province: str = "", region: str = "", standing: str = "") -> "Matrix":
        """The same matrix showing only the rows asked for; the totals stay the whole's."""
        rows = tuple(row for row in self.rows if _chosen(row, province, region, standing))
        return replace(self, rows=rows)


def document_matrix(document: Document, *, today: date | None = None) -> Matrix:
    today = today or timezone.localdate()
    link = reverse("directives_assignment", args=[0]).removesuffix("0/")
    tasks = tuple(document.directive_tasks.order_by("number"))
    assignments = sorted(_assignments(document), key=entry_order)
    reported = reported_periods(task__document=document)
    periods = {task.pk: task_periods(task) for task in tasks}
    places: dict[str, Place] = {}
    grid: dict[str, dict[int, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    for assignment in assignments:
        place = places.setdefault(place_of(assignment).key, place_of(assignment))
        entry = _entry(assignment, periods[assignment.task_id], reported[assignment.pk], today)
        grid[place.key][assignment.task_id].append(replace(entry, url=f"{link}{assignment.pk}/"))
    rows = sorted(
        (
            Row(place, tuple(Cell.of(grid[key][t.pk]) for t in tasks))
            for key, place in places.items()
        ),
        key=lambda row: row.place.order,
    )
    entries = [e for row in rows for cell in row.cells for e in cell.entries]
    totals = Counter(entry.position.standing.value for entry in entries)
    late = tuple(e.assignment_id for e in entries if e.position.standing == Standing.LATE)
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


def _entry(
    assignment: TaskAssignment, periods: tuple[Period, ...], reported: set[int], today: date
) -> Entry:
    position = position_on(
        today=today,
        state=assignment.state,
        periods=periods,
        reported=reported,
        task_open=assignment.task.is_open,
    )
    return Entry(
        assignment_id=assignment.pk,
        kind=kind_label(assignment),
        position=position,
        percent=assignment.latest_percent,  # type: ignore[attr-defined]
        last_report_on=_day(assignment.latest_at),  # type: ignore[attr-defined]
        reminded_on=_day(assignment.reminded_at),  # type: ignore[attr-defined]
        url="",
        label=position.label,
        reason=position.reason,
    )


def _day(moment: datetime | None) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT") if moment else ""


def _chosen(row: Row, province: str, region: str, standing: str) -> bool:
    if province and row.place.province_code != province:
        return False
    if region and row.place.province_code not in provinces_in(region):
        return False
    return not standing or row.has(standing)
