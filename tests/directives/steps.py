"""Giving a test task and reporting on it with the right person."""

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from workflows.directives import services
from workflows.directives.models import DirectiveTask, ProgressReport, TaskAssignment
from workflows.directives.selectors import task_periods
from workflows.directives.services import Addressee

TITLE = "Rà soát, đối chiếu danh mục thuốc thanh toán BHYT"


def today() -> date:
    return timezone.localdate()


def give(issuer: Any, *offices: Any, **fields: Any) -> DirectiveTask:
    """A quarterly task started 200 days ago and due in 100 days: some quarters are past."""
    fields.setdefault("title", TITLE)
    fields.setdefault("frequency", "quarterly")
    fields.setdefault("starts_on", today() - timedelta(days=200))
    fields.setdefault("due_on", today() + timedelta(days=100))
    chosen = offices or tuple(issuer.offices.values())
    return services.task_create(
        document=fields.pop("document", issuer.directive),
        actor=fields.pop("actor", issuer.officer),
        addressees=[Addressee(office.agency) for office in chosen],
        **fields,
    )


def assignment_of(task: DirectiveTask, office: Any) -> TaskAssignment:
    return TaskAssignment.objects.get(task=task, agency=office.agency)


def report(assignment: TaskAssignment, actor: Any, period: int, **fields: Any) -> ProgressReport:
    assignment.refresh_from_db()
    fields.setdefault("text", "Đã rà soát danh mục thuốc tại các cơ sở khám bệnh, chữa bệnh.")
    return services.report_submit(
        assignment=assignment,
        actor=actor,
        expected_revision=assignment.revision,
        period=period,
        **fields,
    )


def past_periods(task: DirectiveTask) -> list[int]:
    return [p.number for p in task_periods(task) if p.due_on < today()]


def report_all_past(task: DirectiveTask, office: Any) -> None:
    assignment = assignment_of(task, office)
    for number in past_periods(task):
        report(assignment, office.officer, number, percent_done=40 + number * 10)
