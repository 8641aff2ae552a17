"""The staff pages around the machine: inbox tabs, comments, the version comparison, the
history export, delegations, notifications; what a user wrote never reaches the page as HTML."""

import datetime
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coordination.organisation.models import Delegation
from workflows.documents import services
from workflows.documents.models import DocumentKind, DocumentState

from .steps import act, draft, drive

S = DocumentState


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_each_inbox_tab_answers_and_filters_apply(org: Any) -> None:
    letter = drive(org, draft(org), S.INTERNAL_REVIEW)
    directive = drive(
        org, draft(org, kind=DocumentKind.DIRECTIVE, subject="Chỉ thị"), S.INTERNAL_REVIEW
    )
    client = _client(org.head)
    for tab in ("waiting", "queue", "others", "overdue", "done", "all"):
        assert client.get(reverse("workflow_index"), {"tab": tab}).status_code == 200
    page = client.get(reverse("workflow_index"), {"tab": "waiting", "kind": "directive"})
    listed = list(page.context["page"].object_list)
    assert listed == [directive] and letter not in listed


def test_the_inbox_runs_a_bounded_number_of_queries(org: Any) -> None:
    for _ in range(3):
        drive(org, draft(org), S.INTERNAL_REVIEW)
    client = _client(org.head)
    url = reverse("workflow_index")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(12):
        drive(org, draft(org), S.INTERNAL_REVIEW)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few) <= 25


def test_a_comment_with_markup_prints_as_text_and_threads(org: Any) -> None:
    document = drive(org, draft(org, counterpart_unit=org.moh_bh), S.COUNTERPART_REVIEW)
    head = _client(org.moh_head)
    url = reverse("workflow_document_comment", args=[document.pk])
    head.post(url, {"body": '<script>alert("x")</script> Đề nghị sửa Điều 2'})
    comment = document.comments.get()
    assert comment.visibility == "shared"
    _client(org.drafter).post(url, {"body": "Đã sửa.", "parent": comment.pk})
    page = head.get(reverse("workflow_document", args=[document.pk])).content.decode()
    assert "&lt;script&gt;" in page and '<script>alert("x")' not in page
    assert "Đã sửa." in page


def test_the_comparison_marks_changed_words_and_escapes_them(org: Any) -> None:
    document = drive(org, draft(org, body="Đoạn một.\nĐoạn hai cũ."), S.INTERNAL_REVIEW)
    document = act(document, org.head, "return", comment="Sửa đoạn hai.")
    document = services.document_update(
        document=document,
        actor=org.drafter,
        expected_revision=document.revision,
        body="Đoạn một.\nĐoạn hai <b>mới</b>.",
    )
    act(document, org.drafter, "submit")
    page = _client(org.head).get(reverse("workflow_document_compare", args=[document.pk]))
    html = page.content.decode()
    assert "<del>cũ.</del>" in html
    assert "<ins>&lt;b&gt;mới&lt;/b&gt;.</ins>" in html


def test_the_history_exports_as_csv_with_every_step(org: Any) -> None:
    document = drive(org, draft(org), S.ISSUED)
    response = _client(org.drafter).get(reverse("workflow_document_history", args=[document.pk]))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert len(text.strip().splitlines()) == 1 + document.events.count() + document.versions.count()


def test_another_agency_cannot_open_an_unshared_draft(org: Any) -> None:
    document = drive(org, draft(org, counterpart_unit=org.moh_bh), S.INTERNAL_REVIEW)
    for name in ("workflow_document", "workflow_document_compare", "workflow_document_history"):
        response = _client(org.moh_head).get(reverse(name, args=[document.pk]))
        assert response.status_code == 404


def test_a_signer_delegates_through_the_page(org: Any) -> None:
    deputy = org.head
    membership = org.signer.memberships.get()
    today = timezone.localdate()
    response = _client(org.signer).post(
        reverse("delegation_index"),
        {
            "membership": membership.pk,
            "deputy": deputy.pk,
            "deputy_position": "Phó Tổng Giám đốc",
            "starts_on": today.isoformat(),
            "ends_on": (today + datetime.timedelta(days=3)).isoformat(),
            "reason": "Đi công tác",
        },
    )
    assert response.status_code == 302
    assert Delegation.objects.get().deputy == deputy
    refused = _client(org.drafter).post(reverse("delegation_index"), {"membership": membership.pk})
    assert refused.status_code == 200 and Delegation.objects.count() == 1


def test_notifications_page_lists_and_marks_read(
    org: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        drive(org, draft(org), S.INTERNAL_REVIEW)
    client = _client(org.head)
    page = client.get(reverse("notification_index"))
    assert page.status_code == 200 and len(page.context["unread"]) == 1
    assert org.head.notifications.filter(read_at__isnull=True).count() == 0


def test_numbers_in_forms_are_never_written_with_thousands_separators(org: Any) -> None:
    """A revision or comment id above 999 must post back as 1234, not '1.234'."""
    from workflows.documents.models import Document, DocumentComment

    document = drive(org, draft(org), S.INTERNAL_REVIEW)
    DocumentComment.objects.create(
        id=4321,
        document=document,
        version=document.versions.get(),
        author=org.head,
        author_agency=org.vss,
        body="Góp ý.",
    )
    Document.objects.filter(pk=document.pk).update(revision=1234)
    html = _client(org.head).get(reverse("workflow_document", args=[document.pk])).content
    assert b'name="revision" value="1234"' in html
    assert b'name="parent" value="4321"' in html
    register = _client(org.clerk).get(reverse("reports_register")).content.decode()
    assert f'name="year" value="{timezone.localdate().year}"' in register
