"""Every legal step of a coordination request, taken by the right person: the state moves, the
revision rises, an audit row is written and the right people are told."""

from datetime import timedelta
from typing import Any

import pytest

from django.utils import timezone

from workflows.documents.deadlines import add_working_days
from workflows.notifications.models import Notification
from workflows.requests import selectors
from workflows.requests.models import RequestEvent, RequestUrgency
from workflows.requests.models import RequestState as S

from .steps import act, raise_request, to_state


def _last_event(request: Any) -> RequestEvent:
    return request.events.order_by("-pk").first()


def test_a_provincial_office_raises_a_request_to_an_moh_unit(
    org: Any, qnam: Any, committed: Any
) -> None:
    with committed():
        request = raise_request(org, qnam, urgency=RequestUrgency.URGENT)
    assert request.state == S.SUBMITTED
    assert request.unit == org.moh_bh
    assert request.due_on == add_working_days(timezone.localdate(), 5)
    event = _last_event(request)
    assert (event.action, event.actor, event.unit) == ("create", qnam.officer, org.moh_bh)
    assert Notification.objects.filter(recipient=org.moh_head).count() == 1


def test_a_given_deadline_wins_over_the_urgency(org: Any, qnam: Any) -> None:
    due = timezone.localdate() + timedelta(days=30)
    assert raise_request(org, qnam, due_on=due).due_on == due


def test_the_head_assigns_a_member_who_is_told(org: Any, qnam: Any, committed: Any) -> None:
    request = raise_request(org, qnam)
    with committed():
        assigned = act(request, org.moh_head, "assign", assignee=org.moh_reviewer)
    assert (assigned.state, assigned.assignee, assigned.revision) == (
        S.ASSIGNED,
        org.moh_reviewer,
        2,
    )
    assert Notification.objects.filter(recipient=org.moh_reviewer).exists()
    assert _last_event(assigned).to_person == org.moh_reviewer


def test_the_head_reassigns_to_another_member(org: Any, qnam: Any) -> None:
    request = to_state(org, qnam, S.ASSIGNED)
    again = act(request, org.moh_head, "assign", assignee=org.moh_drafter)
    assert (again.state, again.assignee) == (S.ASSIGNED, org.moh_drafter)


@pytest.mark.parametrize("state", [S.SUBMITTED, S.ASSIGNED])
def test_the_head_forwards_it_and_it_waits_at_the_new_unit(
    org: Any, qnam: Any, state: S, committed: Any
) -> None:
    request = to_state(org, qnam, state)
    with committed():
        forwarded = act(
            request, org.moh_head, "forward", unit=org.csyt, comment="Thuộc thẩm quyền BHXH"
        )
    assert (forwarded.state, forwarded.unit, forwarded.assignee) == (S.SUBMITTED, org.csyt, None)
    event = _last_event(forwarded)
    assert (event.to_unit, event.to_person) == (org.csyt, None)
    assert (event.action, event.unit, event.comment) == (
        "forward",
        org.moh_bh,
        "Thuộc thẩm quyền BHXH",
    )
    assert Notification.objects.filter(recipient=org.head).exists()
    assert act(forwarded, org.head, "assign", assignee=org.drafter).state == S.ASSIGNED


def test_the_assignee_answers_and_the_requester_is_told(
    org: Any, qnam: Any, committed: Any
) -> None:
    request = to_state(org, qnam, S.ASSIGNED)
    with committed():
        answered = act(request, org.moh_reviewer, "answer", comment="Áp dụng khoản 6 Điều 22.")
    assert (answered.state, answered.answer_text) == (S.ANSWERED, "Áp dụng khoản 6 Điều 22.")
    assert Notification.objects.filter(recipient=qnam.officer).exists()


def test_the_assignee_asks_for_more_and_the_requester_replies(
    org: Any, qnam: Any, committed: Any
) -> None:
    request = to_state(org, qnam, S.ASSIGNED)
    with committed():
        waiting = act(request, org.moh_reviewer, "ask", comment="Gửi số liệu quý IV.")
    assert waiting.state == S.WAITING_FOR_REQUESTER
    assert Notification.objects.filter(recipient=qnam.officer, kind="return").exists()
    replied = act(waiting, qnam.officer, "reply", comment="Số liệu đính kèm.")
    assert (replied.state, replied.assignee) == (S.ASSIGNED, org.moh_reviewer)


def test_the_requester_accepts_the_answer(org: Any, qnam: Any) -> None:
    accepted = act(to_state(org, qnam, S.ANSWERED), qnam.officer, "accept")
    assert accepted.state == S.ACCEPTED
    assert accepted.closed_at is not None
    assert not accepted.is_open


def test_the_requester_reopens_with_a_reason_back_to_the_assignee(
    org: Any, qnam: Any, committed: Any
) -> None:
    request = to_state(org, qnam, S.ANSWERED)
    with committed():
        reopened = act(request, qnam.officer, "reopen", comment="Chưa trả lời về tuyến huyện.")
    assert (reopened.state, reopened.assignee) == (S.ASSIGNED, org.moh_reviewer)
    assert Notification.objects.filter(recipient=org.moh_reviewer, kind="return").exists()


def test_the_whole_trail_is_recorded_in_order(org: Any, qnam: Any) -> None:
    request = to_state(org, qnam, S.ACCEPTED)
    trail = list(request.events.values_list("action", "source_state", "target_state", "revision"))
    assert trail == [
        ("create", S.SUBMITTED, S.SUBMITTED, 1),
        ("assign", S.SUBMITTED, S.ASSIGNED, 2),
        ("answer", S.ASSIGNED, S.ANSWERED, 3),
        ("accept", S.ANSWERED, S.ACCEPTED, 4),
    ]


def test_a_request_past_its_deadline_is_overdue_until_answered(org: Any, qnam: Any) -> None:
    yesterday = timezone.localdate() - timedelta(days=1)
    late = raise_request(org, qnam, due_on=yesterday)
    assert late.is_overdue
    assert list(selectors.requests_overdue(org.moh_head)) == [late]
    assert list(selectors.requests_overdue(qnam.officer)) == [late]
    act(
        act(late, org.moh_head, "assign", assignee=org.moh_reviewer),
        org.moh_reviewer,
        "answer",
        comment="Xong.",
    )
    late.refresh_from_db()
    assert not late.is_overdue
    assert list(selectors.requests_overdue(org.moh_head)) == []


def test_the_lists_of_each_person(org: Any, qnam: Any) -> None:
    assigned = to_state(org, qnam, S.ASSIGNED)
    waiting = raise_request(org, qnam, subject="Đề nghị cung cấp số liệu")
    assert set(selectors.requests_in_unit_queue(org.moh_head)) == {assigned, waiting}
    assert list(selectors.requests_assigned_to(org.moh_reviewer)) == [assigned]
    assert set(selectors.requests_raised_by(qnam.officer)) == {assigned, waiting}
    assert list(selectors.requests_in_unit_queue(org.head)) == []


def test_who_sees_a_request(org: Any, qnam: Any) -> None:
    """The requester's unit, the receiving unit and every unit it passed through; nobody else."""
    request = raise_request(org, qnam)
    act(request, org.moh_head, "forward", unit=org.csyt, comment="Chuyển BHXH")

    def sees(user: Any) -> bool:
        return selectors.requests_visible_to(user).filter(pk=request.pk).exists()

    assert sees(qnam.colleague) and sees(org.moh_reviewer) and sees(org.drafter)
    assert not sees(org.clerk) and not sees(org.moh_signer)


def test_audit_rows_cannot_be_edited_or_deleted(org: Any, qnam: Any) -> None:
    from workflows.audit import AuditTrailIsFinal

    event = _last_event(raise_request(org, qnam))
    event.comment = "sửa"
    with pytest.raises(AuditTrailIsFinal):
        event.save()
    with pytest.raises(AuditTrailIsFinal):
        event.delete()
