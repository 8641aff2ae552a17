"""Around the machine: versions, comments, deadlines, the inbox, delegation, notices."""

import datetime
from typing import Any

import pytest

from django.core import mail
from django.utils import timezone

from coordination.organisation.models import Role
from tests.factories import DelegationFactory
from workflows.documents import comments, services
from workflows.documents.deadlines import add_working_days
from workflows.documents.exceptions import WrongAgency, WrongRole
from workflows.documents.models import (
    DocumentKind,
    DocumentState,
    FrozenVersion,
)
from workflows.documents.selectors import (
    document_comments_for,
    documents_in_unit_queue,
    documents_overdue,
    documents_recently_done,
    documents_waiting_for,
    documents_waiting_for_others,
)
from workflows.documents.tasks import documents_daily
from workflows.notifications.models import Notification

from .steps import act, draft, drive

S = DocumentState


def test_a_frozen_version_cannot_be_changed(org: Any) -> None:
    document = drive(org, draft(org), S.INTERNAL_REVIEW)
    version = document.versions.get()
    version.body = "Sửa lén."
    with pytest.raises(FrozenVersion):
        version.save()
    version.refresh_from_db()
    assert version.body == document.body


def test_working_days_skip_the_weekend() -> None:
    friday = datetime.date(2026, 11, 20)
    assert add_working_days(friday, 1) == datetime.date(2026, 11, 23)
    assert add_working_days(friday, 5) == datetime.date(2026, 11, 27)


def test_each_step_gets_a_deadline_that_the_unit_head_may_move(org: Any) -> None:
    document = drive(org, draft(org, kind=DocumentKind.DIRECTIVE), S.LEGAL_APPRAISAL)
    today = timezone.localdate()
    assert document.step_due_on == add_working_days(today, 7)
    with pytest.raises(WrongRole):
        act(document, org.drafter, "set_deadline", due_on=today)
    document = act(document, org.head, "set_deadline", due_on=today, comment="Gấp")
    assert document.step_due_on == today
    assert document.events.last().action == "deadline"


def test_overdue_steps_are_escalated_once_and_digests_sent_once_a_day(
    org: Any, django_capture_on_commit_callbacks: Any
) -> None:
    document = drive(org, draft(org), S.INTERNAL_REVIEW)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    document = act(document, org.head, "set_deadline", due_on=yesterday)
    assert list(documents_overdue(org.drafter)) == [document]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first = documents_daily.call()
        second = documents_daily.call()
    assert first["escalated"] == 1 and second["escalated"] == 0
    assert second["digests"] == 0
    escalations = Notification.objects.filter(kind="escalation")
    assert set(escalations.values_list("recipient__username", flat=True)) == {
        "vss.head",
        "vss.deputyhead",
    }
    assert Notification.objects.filter(kind="digest", recipient=org.head).count() == 1
    assert any(document.subject[:40] in message.subject for message in mail.outbox)


def test_every_assignment_and_return_is_notified_in_the_admin_and_by_email(
    org: Any, django_capture_on_commit_callbacks: Any
) -> None:
    org.head.email = "truongban@example.vn"
    org.head.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        document = drive(org, draft(org), S.INTERNAL_REVIEW)
    notice = Notification.objects.get(recipient=org.head)
    assert notice.kind == "assignment" and notice.link.endswith(f"/{document.pk}/")
    assert sorted(m.to[0] for m in mail.outbox) == [
        "truongban@example.vn",
        "vss.deputyhead@example.org",
    ]
    with django_capture_on_commit_callbacks(execute=True):
        act(document, org.head, "return", comment="Bổ sung số liệu")
    assert Notification.objects.filter(recipient=org.drafter, kind="return").exists()


def test_the_inbox_tabs_and_the_unit_queue(org: Any) -> None:
    document = drive(org, draft(org), S.INTERNAL_REVIEW)
    assert list(documents_waiting_for(org.head)) == [document]
    assert list(documents_in_unit_queue(org.head)) == [document]
    assert list(documents_waiting_for_others(org.drafter)) == [document]
    colleague = org.head.__class__.objects.create(username="vss.head2")
    colleague.memberships.create(unit=org.csyt, role=Role.UNIT_HEAD)
    document = act(document, colleague, "take")
    assert document.assignee == colleague
    assert list(documents_waiting_for(org.head)) == []
    assert list(documents_in_unit_queue(org.head)) == []
    assert list(documents_waiting_for(colleague)) == [document]
    act(document, colleague, "approve")
    assert document in documents_recently_done(colleague)


def test_a_deputy_signs_with_kt_and_the_principals_position_during_the_delegation(
    org: Any,
) -> None:
    deputy = org.head.__class__.objects.create(
        username="vss.deputy", first_name="B", last_name="Trần Văn"
    )
    principal = org.head.__class__.objects.create(username="vss.director")
    membership = principal.memberships.create(
        unit=org.vss_leaders, role=Role.SIGNER, position="Tổng Giám đốc"
    )
    today = timezone.localdate()
    document = drive(org, draft(org), S.AWAITING_SIGNATURE)
    with pytest.raises(WrongAgency):
        act(document, deputy, "sign")
    DelegationFactory(
        membership=membership,
        deputy=deputy,
        deputy_position="Phó Tổng Giám đốc",
        starts_on=today,
        ends_on=today,
    )
    assert list(documents_waiting_for(deputy)) == [document]
    document = act(document, deputy, "sign")
    assert (document.signer_authority, document.signer_position) == (
        "KT. Tổng Giám đốc",
        "Phó Tổng Giám đốc",
    )


def test_a_delegation_outside_its_dates_gives_nothing(org: Any) -> None:
    deputy = org.head.__class__.objects.create(username="vss.deputy")
    membership = org.signer.memberships.get()
    last_week = timezone.localdate() - datetime.timedelta(days=7)
    DelegationFactory(
        membership=membership,
        deputy=deputy,
        starts_on=last_week,
        ends_on=last_week + datetime.timedelta(days=2),
    )
    document = drive(org, draft(org), S.AWAITING_SIGNATURE)
    with pytest.raises(WrongAgency):
        act(document, deputy, "sign")


def test_internal_comments_stay_inside_and_counterpart_comments_are_shared(org: Any) -> None:
    document = drive(org, draft(org, counterpart_unit=org.moh_bh), S.COUNTERPART_REVIEW)
    internal = comments.comment_add(document=document, actor=org.head, body="Chỉ nội bộ.")
    shared = comments.comment_add(
        document=document, actor=org.head, body="Đề nghị Bộ cho ý kiến.", visibility="shared"
    )
    reply = comments.comment_add(
        document=document, actor=org.moh_head, body="Đồng ý.", parent=shared
    )
    assert reply.visibility == "shared" and reply.version == shared.version
    assert set(document_comments_for(document, org.moh_head)) == {shared, reply}
    assert set(document_comments_for(document, org.drafter)) == {internal, shared, reply}
    comments.comment_resolve(comment=shared, actor=org.drafter)
    shared.refresh_from_db()
    assert shared.is_resolved and shared.resolved_by == org.drafter


def test_the_counterpart_cannot_comment_before_the_draft_is_shared(org: Any) -> None:
    document = drive(org, draft(org, counterpart_unit=org.moh_bh), S.INTERNAL_REVIEW)
    with pytest.raises(WrongAgency):
        comments.comment_add(document=document, actor=org.moh_head, body="Xem trước.")
    assert document.comments.count() == 0


def test_an_edit_after_submission_leaves_the_frozen_version_alone(org: Any) -> None:
    document = drive(org, draft(org), S.INTERNAL_REVIEW)
    document = act(document, org.head, "return", comment="Sửa câu đầu.")
    services.document_update(
        document=document, actor=org.drafter, expected_revision=document.revision, body="Câu mới."
    )
    assert document.versions.get(number=1).body != "Câu mới."


def test_the_tab_counts_agree_with_the_lists(org: Any) -> None:
    from workflows.documents.selectors import inbox_counts

    drive(org, draft(org), S.INTERNAL_REVIEW)
    taken = drive(org, draft(org, subject="Đã nhận"), S.INTERNAL_REVIEW)
    act(taken, org.head_who_drafts, "take")
    late = drive(org, draft(org, subject="Quá hạn"), S.INTERNAL_REVIEW)
    act(late, org.head, "set_deadline", due_on=timezone.localdate() - datetime.timedelta(days=1))
    drive(org, draft(org, subject="Đã xong"), S.SIGNED)
    for person in (org.head, org.drafter, org.head_who_drafts, org.clerk, org.signer):
        counts = inbox_counts(person)
        assert counts == {
            "waiting": documents_waiting_for(person).count(),
            "queue": documents_in_unit_queue(person).count(),
            "others": documents_waiting_for_others(person).count(),
            "overdue": documents_overdue(person).count(),
            "done": documents_recently_done(person).count(),
        }, person.username


def test_audit_rows_are_never_edited_or_deleted(org: Any) -> None:
    from workflows.audit import AuditTrailIsFinal

    document = drive(org, draft(org), S.INTERNAL_REVIEW)
    event = document.events.last()
    event.comment = "sửa lại lịch sử"
    with pytest.raises(AuditTrailIsFinal):
        event.save()
    with pytest.raises(AuditTrailIsFinal):
        event.delete()
    event.refresh_from_db()
    assert event.comment == "" and document.events.count() == 2
