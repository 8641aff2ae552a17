"""The daily job flags each late request once: an audit row and a notice to the receiving
unit's heads and the assignee."""

from datetime import timedelta
from io import StringIO
from typing import Any

from django.core.management import call_command
from django.utils import timezone

from coordination.organisation.models import Role
from tests.factories import DelegationFactory, UserFactory
from workflows.notifications.models import NoticeKind, Notification
from workflows.requests.models import RequestEvent
from workflows.requests.tasks import requests_escalate_overdue

from .steps import act, raise_request


def test_a_late_request_is_escalated_once(org: Any, qnam: Any) -> None:
    late = raise_request(org, qnam, due_on=timezone.localdate() - timedelta(days=1))
    act(late, org.moh_head, "assign", assignee=org.moh_reviewer)
    raise_request(org, qnam, subject="Chưa đến hạn")
    assert requests_escalate_overdue() == 1
    assert requests_escalate_overdue() == 0
    escalations = Notification.objects.filter(kind=NoticeKind.ESCALATION)
    assert {n.recipient for n in escalations} == {org.moh_head, org.moh_reviewer}
    assert RequestEvent.objects.filter(action="escalate").count() == 1


def test_an_answered_request_is_not_escalated(org: Any, qnam: Any) -> None:
    late = raise_request(org, qnam, due_on=timezone.localdate() - timedelta(days=3))
    late = act(late, org.moh_head, "assign", assignee=org.moh_reviewer)
    act(late, org.moh_reviewer, "answer", comment="Đã trả lời.")
    assert requests_escalate_overdue() == 0


def test_the_command_queues_the_daily_work(org: Any, qnam: Any) -> None:
    raise_request(org, qnam, due_on=timezone.localdate() - timedelta(days=1))
    out = StringIO()
    call_command("requests_daily", stdout=out)
    assert out.getvalue().startswith("queued")
    assert RequestEvent.objects.filter(action="escalate").count() == 1


def test_the_deputy_acting_for_the_unit_head_hears_of_new_and_late_requests(
    org: Any, qnam: Any, django_capture_on_commit_callbacks: Any
) -> None:
    today = timezone.localdate()
    headship = org.moh_head.memberships.get(role=Role.UNIT_HEAD, unit=org.moh_bh)
    acting, former = UserFactory(username="moh.acting"), UserFactory(username="moh.former")
    DelegationFactory(membership=headship, deputy=acting)
    DelegationFactory(
        membership=headship,
        deputy=former,
        starts_on=today - timedelta(days=10),
        ends_on=today - timedelta(days=3),
    )
    with django_capture_on_commit_callbacks(execute=True):
        raise_request(org, qnam, due_on=today - timedelta(days=1))
    assert requests_escalate_overdue() == 1
    for kind in (NoticeKind.ASSIGNMENT, NoticeKind.ESCALATION):
        told = {n.recipient for n in Notification.objects.filter(kind=kind)}
        assert told == {org.moh_head, acting}, "not the deputy whose delegation has ended"
