"""An addressee's side of a task: progress reports (never edited; a correction is a new report),
and the issuing unit reopening or withdrawing it."""

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.organisation.selectors import capacities_fixed
from workflows.attachments import AttachmentLimits, CheckedFile, attachments_check

from .. import rules
from ..exceptions import AttachmentRefused, InvalidReport, WrongState
from ..models import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    AssignmentState,
    ProgressReport,
    ReportAttachment,
    TaskAssignment,
)
from ..notices import assignment_notify_returned
from ..selectors import task_periods
from .common import ASSIGNMENTS, check_task_open, record, require_text

LIMITS = AttachmentLimits(files=MAX_ATTACHMENTS, bytes_each=MAX_ATTACHMENT_BYTES)


def report_submit(
    *,
    assignment: TaskAssignment,
    actor: Any,
    expected_revision: int,
    period: int,
    text: str,
    percent_done: int | None = None,
    quantity: Decimal | None = None,
    marks_done: bool = False,
    corrects: ProgressReport | None = None,
    attachments: Iterable[UploadedFile] = (),
) -> ProgressReport:
    """Someone of the addressee reports progress for a period; saying the task is done
    completes it. A correction replaces an earlier report of the same period."""
    text = require_text(text, _("Write what was done."))
    files = attachments_check(list(attachments), limits=LIMITS, refused=AttachmentRefused)
    with capacities_fixed(actor):
        _check_may_report(assignment, actor, expected_revision, corrects)
        with transaction.atomic():
            locked = ASSIGNMENTS.lock(assignment, expected_revision)
            _check_may_report(locked, actor, expected_revision, corrects)
            period = corrects.period if corrects else period
            _check_figures(locked, period, percent_done, quantity, marks_done and not corrects)
            completes = marks_done and not corrects
            locked.revision += 1
            report = ProgressReport.objects.create(
                assignment=locked,
                period=period,
                text=text,
                percent_done=100 if completes and percent_done is None else percent_done,
                quantity=quantity,
                marks_done=completes,
                corrects=corrects,
                author=actor,
                revision=locked.revision,
            )
            _attach(report, files)
            if completes:
                _complete(locked, actor)
            locked.save()
    return report


def assignment_reopen(
    *, assignment: TaskAssignment, actor: Any, expected_revision: int, comment: str
) -> TaskAssignment:
    """The issuing unit finds the task not done after all; the addressee hears why."""
    reason = require_text(comment, _("Say why the task is not done."))
    return _transition(assignment, actor, expected_revision, "reopen", reason)


def assignment_withdraw(
    *, assignment: TaskAssignment, actor: Any, expected_revision: int, comment: str
) -> TaskAssignment:
    """The issuing unit takes the task back from this addressee, saying why."""
    reason = require_text(comment, _("Say why the task is withdrawn from this addressee."))
    return _transition(assignment, actor, expected_revision, "withdraw", reason)


def _transition(
    assignment: TaskAssignment, actor: Any, expected_revision: int, name: str, reason: str
) -> TaskAssignment:
    with capacities_fixed(actor):
        ASSIGNMENTS.check_fresh(assignment, expected_revision)
        rules.check_manage_assignment(assignment, actor)
        with transaction.atomic():
            locked = ASSIGNMENTS.lock(assignment, expected_revision)
            check_task_open(locked.task)
            ASSIGNMENTS.check_state(locked, name)
            source = locked.state
            getattr(locked, name)()
            locked.completed_at = None
            locked.revision += 1
            locked.save()
            record(
                locked.task,
                actor=actor,
                action=name,
                assignment=locked,
                source=source,
                revision=locked.revision,
                comment=reason,
            )
    transaction.on_commit(lambda: assignment_notify_returned(assignment=locked, action=name))
    return locked


def _check_may_report(
    assignment: TaskAssignment, actor: Any, expected_revision: int, corrects: Any
) -> None:
    ASSIGNMENTS.check_fresh(assignment, expected_revision)
    rules.check_report(assignment, actor)
    check_task_open(assignment.task)
    if assignment.state == AssignmentState.WITHDRAWN:
        raise WrongState(_("This task was withdrawn from your agency."))
    if assignment.state == AssignmentState.DONE and corrects is None:
        raise WrongState(_("This task is reported done; send a correction of a report instead."))
    if corrects is not None and corrects.assignment_id != assignment.pk:
        raise InvalidReport(_("A correction replaces a report of the same task."))


def _check_figures(
    assignment: TaskAssignment,
    period: int,
    percent_done: int | None,
    quantity: Decimal | None,
    completes: bool,
) -> None:
    periods = {p.number: p for p in task_periods(assignment.task)}
    if period not in periods:
        raise InvalidReport(_("Choose one of the task's reporting periods."))
    if periods[period].starts_on > timezone.localdate():
        raise InvalidReport(_("That reporting period has not started yet."))
    if percent_done is not None and not 0 <= percent_done <= 100:
        raise InvalidReport(_("The percentage done is between 0 and 100."))
    if completes and percent_done is not None and percent_done < 100:
        raise InvalidReport(_("A task reported done is done in full: 100 percent."))
    if quantity is not None and not assignment.task.measure_label:
        raise InvalidReport(_("This task asks for no figure."))
    if quantity is not None and quantity < 0:
        raise InvalidReport(_("The figure cannot be negative."))


def _attach(report: ProgressReport, files: list[CheckedFile]) -> None:
    for checked in files:
        ReportAttachment.objects.create(
            report=report,
            file=checked.upload,
            name=checked.name,
            size=checked.upload.size or 0,
            content_type=checked.content_type,
        )


def _complete(assignment: TaskAssignment, actor: Any) -> None:
    source = assignment.state
    assignment.complete()
    assignment.completed_at = timezone.now()
    record(
        assignment.task,
        actor=actor,
        action="complete",
        assignment=assignment,
        source=source,
        revision=assignment.revision,
    )
