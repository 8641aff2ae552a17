"""Reminders reach late addressees: from the issuing unit (one, or every late one at once) and
from the daily job, once per period however often it runs. Each is recorded: who, when, to
whom; the notices are e-mailed by the worker."""

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest

from django.core import mail
from django.core.management import call_command

from workflows.directives import services
from workflows.directives.exceptions import AlreadyReminded, NothingToRemind, WrongState, WrongUnit
from workflows.directives.models import TaskReminder
from workflows.notifications.models import Notification

from .steps import assignment_of, give, report_all_past, today


def _late_in_quang_nam(issuer: Any) -> Any:
    """Hà Nội and Nghệ An reported every past quarter; Quảng Nam none."""
    task = give(issuer)
    report_all_past(task, issuer.offices["01"])
    report_all_past(task, issuer.offices["40"])
    return task


def test_the_issuing_unit_reminds_every_late_addressee_in_one_click(
    issuer: Any, committed: Any
) -> None:
    task = _late_in_quang_nam(issuer)
    with committed():
        count = services.document_remind_late(document=issuer.directive, actor=issuer.officer)
    late = issuer.offices["49"]
    reminder = TaskReminder.objects.get()
    assert count == 1
    assert (reminder.assignment, reminder.actor) == (assignment_of(task, late), issuer.officer)
    assert set(reminder.recipients.all()) == {late.head}
    assert reminder.days_late > 0
    notice = Notification.objects.get(kind="deadline")
    assert notice.recipient == late.head and notice.message.startswith("Nhắc việc (Quá hạn")
    assert [m.to for m in mail.outbox] == [[late.head.email]]


def test_the_same_day_a_second_reminder_is_refused(issuer: Any) -> None:
    task = _late_in_quang_nam(issuer)
    services.document_remind_late(document=issuer.directive, actor=issuer.officer)
    with pytest.raises(NothingToRemind):
        services.document_remind_late(document=issuer.directive, actor=issuer.officer)
    with pytest.raises(AlreadyReminded):
        services.assignment_remind(
            assignment=assignment_of(task, issuer.offices["49"]), actor=issuer.officer
        )
    assert TaskReminder.objects.count() == 1


def test_an_addressee_on_track_or_done_is_not_reminded(issuer: Any) -> None:
    task = _late_in_quang_nam(issuer)
    on_track = assignment_of(task, issuer.offices["01"])
    with pytest.raises(NothingToRemind):
        services.assignment_remind(assignment=on_track, actor=issuer.officer)
    with pytest.raises(WrongUnit):
        services.assignment_remind(
            assignment=assignment_of(task, issuer.offices["49"]), actor=issuer.offices["01"].head
        )
    services.assignment_withdraw(
        assignment=on_track, actor=issuer.officer, expected_revision=on_track.revision, comment="x"
    )
    on_track.refresh_from_db()
    with pytest.raises(WrongState):
        services.assignment_remind(assignment=on_track, actor=issuer.officer)
    assert not TaskReminder.objects.exists()


def test_the_daily_job_reminds_each_late_addressee_once_per_period(
    issuer: Any, committed: Any
) -> None:
    task = _late_in_quang_nam(issuer)
    with committed():
        call_command("directives_daily", stdout=StringIO())
        call_command("directives_daily", stdout=StringIO())
    reminder = TaskReminder.objects.get()
    assert (reminder.actor, reminder.is_automatic) == (None, True)
    assert reminder.assignment == assignment_of(task, issuer.offices["49"])
    assert Notification.objects.filter(kind="deadline").count() == 1
    later = today() + timedelta(days=100)
    assert services.reminders_send_overdue(today=later) == 3, "next quarter: all three are late"
    assert services.reminders_send_overdue(today=later) == 0


def test_a_cancelled_task_sends_no_reminders(issuer: Any) -> None:
    task = _late_in_quang_nam(issuer)
    services.task_cancel(
        task=task, actor=issuer.officer, expected_revision=task.revision, comment="x"
    )
    assert services.reminders_send_overdue() == 0
