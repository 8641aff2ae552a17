"""Addressees report progress period by period; a report is never edited, a correction is a new
report; saying the task is done completes it. Every refusal stores nothing."""

import io
import zipfile
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import Workbook

from django.core.files.uploadedfile import SimpleUploadedFile

from workflows.audit import AuditTrailIsFinal
from workflows.directives import services
from workflows.directives.exceptions import (
    AttachmentRefused,
    InvalidReport,
    NotAnAddressee,
    ReasonRequired,
    StaleForm,
    WrongState,
    WrongUnit,
)
from workflows.directives.models import (
    MAX_ATTACHMENT_BYTES,
    AssignmentState,
    ProgressReport,
    ReportAttachment,
    TaskAssignment,
    TaskEvent,
)
from workflows.notifications.models import Notification

from .steps import assignment_of, give, report

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    book = Workbook()
    book.active.append(["Mã cơ sở", "Số thuốc đã rà soát"])
    book.save(buffer)
    return buffer.getvalue()


def test_an_officer_reports_a_period_with_figures_and_files(issuer: Any) -> None:
    task = give(issuer, measure_label="Số cơ sở đã rà soát", measure_unit="cơ sở")
    office = issuer.offices["49"]
    files = [
        SimpleUploadedFile("bao-cao.pdf", PDF),
        SimpleUploadedFile("danh-muc.xlsx", _xlsx()),
        SimpleUploadedFile("ghi-chu.csv", "Mã,Tên\n49001,Bệnh viện\n".encode()),
    ]
    sent = report(
        assignment_of(task, office),
        office.officer,
        1,
        percent_done=60,
        quantity=Decimal("65"),
        attachments=files,
    )
    assert (sent.period, sent.percent_done, sent.quantity, sent.author) == (
        1,
        60,
        65,
        office.officer,
    )
    kinds = list(ReportAttachment.objects.order_by("pk").values_list("content_type", flat=True))
    assert (
        kinds[0] == "application/pdf" and "spreadsheetml" in kinds[1] and kinds[2] == "text/plain"
    )
    assignment = assignment_of(task, office)
    assert (assignment.revision, assignment.state) == (2, AssignmentState.IN_PROGRESS)


def test_reporting_done_completes_the_task_at_100_percent(issuer: Any) -> None:
    task = give(issuer)
    office = issuer.offices["40"]
    sent = report(assignment_of(task, office), office.head, 2, marks_done=True)
    assignment = assignment_of(task, office)
    assert (assignment.state, sent.percent_done) == (AssignmentState.DONE, 100)
    assert assignment.completed_at is not None
    event = TaskEvent.objects.get(assignment=assignment)
    assert (event.action, event.source_state, event.target_state) == (
        "complete",
        "in_progress",
        "done",
    )


def test_a_correction_is_a_new_report_and_the_first_is_kept(issuer: Any) -> None:
    task = give(issuer)
    office = issuer.offices["49"]
    first = report(assignment_of(task, office), office.officer, 1, percent_done=70)
    fixed = report(assignment_of(task, office), office.officer, 2, percent_done=50, corrects=first)
    assert (fixed.period, fixed.corrects) == (1, first), "a correction keeps its report's period"
    assert ProgressReport.objects.get(pk=first.pk).percent_done == 70
    first.text = "sửa"
    with pytest.raises(AuditTrailIsFinal):
        first.save()
    with pytest.raises(AuditTrailIsFinal):
        first.delete()


def test_a_done_task_takes_only_corrections(issuer: Any) -> None:
    task = give(issuer)
    office = issuer.offices["49"]
    done = report(assignment_of(task, office), office.officer, 1, marks_done=True)
    with pytest.raises(WrongState):
        report(assignment_of(task, office), office.officer, 1)
    report(assignment_of(task, office), office.officer, 1, corrects=done, marks_done=True)
    assert assignment_of(task, office).state == AssignmentState.DONE
    assert ProgressReport.objects.count() == 2


def _cases(issuer: Any) -> dict[str, tuple[type, dict[str, Any]]]:
    other = issuer.offices["01"]
    huge = SimpleUploadedFile("lon.pdf", PDF + b"0" * MAX_ATTACHMENT_BYTES)
    return {
        "another province's officer": (NotAnAddressee, {"actor": other.officer}),
        "the issuing unit": (NotAnAddressee, {"actor": issuer.officer}),
        "no text": (ReasonRequired, {"text": " "}),
        "a period not started": (InvalidReport, {"period": 4}),
        "no such period": (InvalidReport, {"period": 9}),
        "more than 100%": (InvalidReport, {"percent_done": 101}),
        "done below 100%": (InvalidReport, {"percent_done": 80, "marks_done": True}),
        "a figure not asked for": (InvalidReport, {"quantity": Decimal("3")}),
        "a program named .pdf": (
            AttachmentRefused,
            {"attachments": [SimpleUploadedFile("x.pdf", b"MZ\x90\x00" + b"\x00" * 400)]},
        ),
        "a PDF named .docx": (
            AttachmentRefused,
            {"attachments": [SimpleUploadedFile("x.docx", PDF)]},
        ),
        "a zip archive": (
            AttachmentRefused,
            {"attachments": [SimpleUploadedFile("x.xlsx", _zip())]},
        ),
        "binary text": (
            AttachmentRefused,
            {"attachments": [SimpleUploadedFile("x.csv", b"\x00\x01\x02")]},
        ),
        "a file too large": (AttachmentRefused, {"attachments": [huge]}),
        "six files": (
            AttachmentRefused,
            {"attachments": [SimpleUploadedFile(f"{n}.pdf", PDF) for n in range(6)]},
        ),
    }


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "x")
    return buffer.getvalue()


CASES = [
    "another province's officer",
    "the issuing unit",
    "no text",
    "a period not started",
    "no such period",
    "more than 100%",
    "done below 100%",
    "a figure not asked for",
    "a program named .pdf",
    "a PDF named .docx",
    "a zip archive",
    "binary text",
    "a file too large",
    "six files",
]


@pytest.mark.parametrize("case", CASES)
def test_a_refused_report_stores_nothing(issuer: Any, case: str) -> None:
    task = give(issuer)
    office = issuer.offices["49"]
    error, fields = _cases(issuer)[case]
    actor = fields.pop("actor", office.officer)
    period = fields.pop("period", 1)
    with pytest.raises(error):
        report(assignment_of(task, office), actor, period, **fields)
    assignment = assignment_of(task, office)
    assert (assignment.revision, assignment.state) == (1, AssignmentState.IN_PROGRESS)
    assert not ProgressReport.objects.exists() and not ReportAttachment.objects.exists()


def test_a_stale_report_form_is_refused_with_who_reported_meanwhile(issuer: Any) -> None:
    task = give(issuer)
    office = issuer.offices["49"]
    assignment = assignment_of(task, office)
    report(assignment, office.head, 1)
    with pytest.raises(StaleForm) as refusal:
        services.report_submit(
            assignment=assignment,
            actor=office.officer,
            expected_revision=1,
            period=1,
            text="Báo cáo",
        )
    assert office.head.get_full_name() in refusal.value.changes[0]
    assert ProgressReport.objects.count() == 1


def test_the_issuing_unit_reopens_a_done_task_with_a_reason(issuer: Any, committed: Any) -> None:
    task = give(issuer)
    office = issuer.offices["49"]
    report(assignment_of(task, office), office.officer, 1, marks_done=True)
    assignment = assignment_of(task, office)
    with pytest.raises(WrongUnit):
        services.assignment_reopen(
            assignment=assignment,
            actor=office.head,
            expected_revision=assignment.revision,
            comment="Chưa đủ",
        )
    with committed():
        reopened = services.assignment_reopen(
            assignment=assignment,
            actor=issuer.officer,
            expected_revision=assignment.revision,
            comment="Chưa gửi danh mục",
        )
    assert (reopened.state, reopened.completed_at) == (AssignmentState.IN_PROGRESS, None)
    assert Notification.objects.filter(recipient=office.head, kind="return").exists()


@pytest.mark.parametrize("state", ["in_progress", "withdrawn"])
def test_reopen_only_a_done_task(issuer: Any, state: str) -> None:
    task = give(issuer)
    assignment = assignment_of(task, issuer.offices["49"])
    TaskAssignment.objects.filter(pk=assignment.pk).update(state=state)
    assignment.refresh_from_db()
    with pytest.raises(WrongState):
        services.assignment_reopen(
            assignment=assignment, actor=issuer.officer, expected_revision=1, comment="x"
        )
    assert assignment_of(task, issuer.offices["49"]).state == state


def test_a_withdrawn_addressee_reports_no_more(issuer: Any) -> None:
    task = give(issuer)
    office = issuer.offices["01"]
    assignment = assignment_of(task, office)
    services.assignment_withdraw(
        assignment=assignment,
        actor=issuer.officer,
        expected_revision=1,
        comment="Không thuộc phạm vi",
    )
    with pytest.raises(WrongState):
        report(assignment, office.officer, 1)
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize("state", ["done", "withdrawn"])
def test_withdraw_only_a_task_in_progress(issuer: Any, state: str) -> None:
    task = give(issuer)
    assignment = assignment_of(task, issuer.offices["49"])
    TaskAssignment.objects.filter(pk=assignment.pk).update(state=state)
    assignment.refresh_from_db()
    with pytest.raises(WrongState):
        services.assignment_withdraw(
            assignment=assignment, actor=issuer.officer, expected_revision=1, comment="x"
        )
    assert assignment_of(task, issuer.offices["49"]).state == state
    assert not TaskEvent.objects.filter(assignment=assignment).exists()


def test_nothing_is_reported_on_a_cancelled_task(issuer: Any) -> None:
    task = give(issuer)
    services.task_cancel(
        task=task, actor=issuer.officer, expected_revision=task.revision, comment="Trùng lặp"
    )
    office = issuer.offices["49"]
    with pytest.raises(WrongState):
        report(assignment_of(task, office), office.officer, 1)
    assert not ProgressReport.objects.exists()
