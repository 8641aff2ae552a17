"""The staff screens: drafting through the web, and each refusal shown as a clear message."""

from typing import Any

import pytest

from django.test import Client
from django.urls import reverse

from workflows.documents import services
from workflows.documents.models import Document, DocumentKind, DocumentState


def _client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _in_review(org: Any, drafter: Any) -> Document:
    document = services.document_create(
        actor=drafter,
        unit=org.csyt,
        kind=DocumentKind.OFFICIAL_LETTER,
        subject="Về việc rà soát chi phí khám chữa bệnh",
        body="Nội dung.",
    )
    return services.document_submit(
        document=document, actor=drafter, expected_revision=document.revision
    )


def _act(client: Client, document: Document, action: str, **data: Any) -> Any:
    data.setdefault("revision", document.revision)
    url = reverse("workflow_document_act", args=[document.pk, action])
    return client.post(url, data, follow=True)


def test_a_drafter_creates_a_letter_through_the_form(org: Any) -> None:
    client = _client_for(org.drafter)
    response = client.post(
        reverse("workflow_document_create"),
        {
            "unit": org.csyt.pk,
            "kind": DocumentKind.OFFICIAL_LETTER,
            "subject": "Về việc <b>cảnh báo</b> chi phí",
            "body": "Đoạn một.\n\nĐoạn hai.",
            "addressees": "Bảo hiểm xã hội tỉnh Quảng Nam",
        },
        follow=True,
    )
    document = Document.objects.get()
    assert document.created_by == org.drafter
    assert response.status_code == 200
    content = response.content.decode()
    assert "Về việc &lt;b&gt;cảnh báo&lt;/b&gt; chi phí" in content
    assert "<b>cảnh báo</b>" not in content


@pytest.mark.parametrize(
    ("actor_name", "message"),
    [
        ("head_who_drafts", "someone else must approve"),
        ("drafter", "Only a unit head"),
        ("moh_head", None),
    ],
    ids=["self-approval", "wrong-role", "wrong-agency"],
)
def test_refused_approval_shows_why_and_changes_nothing(
    org: Any, actor_name: str, message: str | None
) -> None:
    document = _in_review(org, org.head_who_drafts)
    client = _client_for(getattr(org, actor_name))
    client.cookies["django_language"] = "en"
    response = _act(client, document, "approve")
    document.refresh_from_db()
    assert document.state == DocumentState.INTERNAL_REVIEW
    if message is None:
        assert response.status_code == 404, "another agency's draft is not even visible"
    else:
        assert response.status_code == 409
        assert message in response.content.decode()


def test_a_transition_from_the_wrong_state_is_refused(org: Any) -> None:
    document = _in_review(org, org.drafter)
    client = _client_for(org.signer)
    client.cookies["django_language"] = "en"
    response = _act(client, document, "sign")
    assert response.status_code == 409
    assert "that action is not possible now" in response.content.decode()
    document.refresh_from_db()
    assert document.state == DocumentState.INTERNAL_REVIEW


def test_two_people_acting_at_once_the_second_is_told_what_changed(org: Any) -> None:
    document = _in_review(org, org.drafter)
    opened = document.revision
    first, second = _client_for(org.head), _client_for(org.head_who_drafts)
    second.cookies["django_language"] = "en"
    _act(first, document, "return_to_drafter", revision=opened, comment="Thiếu số liệu")
    response = _act(second, document, "return_to_drafter", revision=opened, comment="Sửa lại")
    assert response.status_code == 409
    content = response.content.decode()
    assert "changed since you opened it" in content
    assert "returned it to the drafter" in content
    document.refresh_from_db()
    assert document.state == DocumentState.DRAFTING
    assert document.events.filter(action="return_to_drafter").count() == 1


def test_a_stale_edit_form_keeps_what_the_user_typed(org: Any) -> None:
    document = services.document_create(
        actor=org.drafter, unit=org.csyt, kind="official_letter", subject="Về việc A", body="Một"
    )
    opened = document.revision
    services.document_update(
        document=document, actor=org.head_who_drafts, expected_revision=opened, body="Hai"
    )
    client = _client_for(org.drafter)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("workflow_document_edit", args=[document.pk]),
        {"revision": opened, "kind": "official_letter", "subject": "Về việc A", "body": "Ba"},
    )
    content = response.content.decode()
    assert "changed since you opened it" in content
    assert "Ba</textarea>" in content
    document.refresh_from_db()
    assert document.body == "Hai"


def test_the_inbox_lists_what_waits_for_the_unit_head(org: Any) -> None:
    document = _in_review(org, org.drafter)
    response = _client_for(org.head).get(reverse("workflow_index"))
    assert document.subject in response.content.decode()
    response = _client_for(org.moh_head).get(reverse("workflow_index") + "?tab=all")
    assert document.subject not in response.content.decode()


def test_the_dashboard_shows_what_waits_for_me(org: Any) -> None:
    document = _in_review(org, org.drafter)
    response = _client_for(org.head).get("/admin/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'data-testid="waiting-panel"' in content
    assert document.subject in content
