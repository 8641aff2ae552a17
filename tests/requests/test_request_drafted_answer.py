"""The receiving unit answers one or several requests with one document (a guidance letter to
many provinces): a drafting officer starts the draft from the requests, the draft's page lists
them, and issuing it answers each one, with an audit row and a notice to its requester."""

from typing import Any

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.workflows.steps import drive
from workflows.documents.models import Document, DocumentKind, DocumentState
from workflows.notifications.models import Notification
from workflows.requests import services
from workflows.requests.exceptions import (
    ReasonRequired,
    RequestChanged,
    WrongRole,
    WrongState,
    WrongUnit,
)
from workflows.requests.models import CoordinationRequest, RequestEvent
from workflows.requests.models import RequestState as S

from .steps import act, raise_request, to_state

SUBJECT = "Về việc hướng dẫn thanh toán chi phí khám chữa bệnh BHYT"


def _draft(requests: list[CoordinationRequest], actor: Any, **changes: Any) -> Document:
    return services.request_draft_answer(
        requests=requests,
        expected_revisions={request.pk: request.revision for request in requests},
        actor=actor,
        kind=DocumentKind.OFFICIAL_LETTER,
        subject=changes.pop("subject", SUBJECT),
        body=changes.pop("body", "Vụ Bảo hiểm y tế hướng dẫn như sau."),
        **changes,
    )


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_drafter_of_the_receiving_unit_starts_one_draft_for_two_requests(
    org: Any, qnam: Any
) -> None:
    first = to_state(org, qnam, S.ASSIGNED)
    second = raise_request(org, qnam, subject="Hỏi về thanh toán thuốc ngoài danh mục")
    document = _draft([second, first], org.moh_drafter)
    assert (document.unit, document.state, document.created_by) == (
        org.moh_bh,
        DocumentState.DRAFTING,
        org.moh_drafter,
    )
    for before in (first, second):
        after = CoordinationRequest.objects.get(pk=before.pk)
        assert list(after.drafted_answers.all()) == [document]
        assert (after.state, after.revision) == (before.state, before.revision + 1)
        event = after.events.order_by("-pk").first()
        assert (event.action, event.actor, event.comment) == ("draft", org.moh_drafter, SUBJECT)


def _unchanged(requests: list[CoordinationRequest]) -> None:
    for before in requests:
        after = CoordinationRequest.objects.get(pk=before.pk)
        assert (after.state, after.revision) == (before.state, before.revision)
        assert not after.drafted_answers.exists()


@pytest.mark.parametrize(
    ("who", "refusal"),
    [("moh_head", WrongRole), ("moh_reviewer", WrongRole), ("drafter", WrongRole)],
)
def test_only_a_drafting_officer_of_the_receiving_unit_starts_it(
    org: Any, qnam: Any, who: str, refusal: type[Exception]
) -> None:
    request = to_state(org, qnam, S.ASSIGNED)
    documents, events = Document.objects.count(), RequestEvent.objects.count()
    with pytest.raises(refusal):
        _draft([request], getattr(org, who))
    _unchanged([request])
    assert (Document.objects.count(), RequestEvent.objects.count()) == (documents, events)


def test_requests_of_two_units_a_closed_one_none_or_a_stale_form_are_refused(
    org: Any, qnam: Any
) -> None:
    to_moh = to_state(org, qnam, S.ASSIGNED)
    to_vss = raise_request(org, qnam, unit=org.csyt)
    closed = to_state(org, qnam, S.ACCEPTED)
    with pytest.raises(WrongUnit):
        _draft([to_moh, to_vss], org.moh_drafter)
    with pytest.raises(WrongState):
        _draft([to_moh, closed], org.moh_drafter)
    with pytest.raises(ReasonRequired):
        _draft([], org.moh_drafter)
    seen = to_moh.revision
    act(to_moh, org.moh_reviewer, "ask", comment="Đề nghị gửi số liệu.")
    with pytest.raises(RequestChanged) as stale:
        services.request_draft_answer(
            requests=[CoordinationRequest.objects.get(pk=to_moh.pk)],
            expected_revisions={to_moh.pk: seen},
            actor=org.moh_drafter,
            kind=DocumentKind.OFFICIAL_LETTER,
            subject=SUBJECT,
        )
    assert "đã đề nghị người yêu cầu bổ sung thông tin" in " ".join(stale.value.changes)
    _unchanged([to_vss, closed])
    assert not Document.objects.filter(subject=SUBJECT).exists()


def test_issuing_the_draft_answers_each_request_and_tells_its_requester(
    org: Any, qnam: Any, committed: Any
) -> None:
    open_one = to_state(org, qnam, S.ASSIGNED)
    answered = to_state(org, qnam, S.ANSWERED)
    document = _draft([open_one, answered], org.moh_drafter)
    with committed():
        issued = drive(org, document, DocumentState.ISSUED)
    now_open = CoordinationRequest.objects.get(pk=open_one.pk)
    assert now_open.state == S.ANSWERED
    assert issued.number_symbol in now_open.answer_text
    assert list(now_open.answered_by.all()) == [issued]
    still = CoordinationRequest.objects.get(pk=answered.pk)
    assert (still.state, still.answer_text) == (S.ANSWERED, answered.answer_text)
    assert list(still.answered_by.all()) == [issued]
    for request, source in ((now_open, S.ASSIGNED), (still, S.ANSWERED)):
        event = request.events.order_by("-pk").first()
        assert (event.action, event.source_state, event.target_state, event.actor) == (
            "answer_document",
            source,
            S.ANSWERED,
            org.moh_clerk,
        )
        assert event.comment == issued.number_symbol
    notices = Notification.objects.filter(recipient=qnam.officer, link__contains="/requests/")
    assert notices.filter(message__contains="Đã trả lời bằng văn bản").count() == 2


def test_answering_again_changes_nothing_and_a_draft_answers_nobody(
    org: Any, qnam: Any, committed: Any
) -> None:
    request = to_state(org, qnam, S.ASSIGNED)
    document = _draft([request], org.moh_drafter)
    with pytest.raises(WrongState):
        services.requests_answer_with_document(document=document, actor=org.moh_clerk)
    assert CoordinationRequest.objects.get(pk=request.pk).state == S.ASSIGNED
    with committed():
        issued = drive(org, document, DocumentState.ISSUED)
    events = RequestEvent.objects.count()
    assert services.requests_answer_with_document(document=issued, actor=org.moh_clerk) == []
    assert RequestEvent.objects.count() == events


def test_the_draft_page_lists_the_requests_and_the_request_page_links_the_draft(
    org: Any, qnam: Any, committed: Any
) -> None:
    request = to_state(org, qnam, S.ASSIGNED)
    document = _draft([request], org.moh_drafter)
    draft_page = _client(org.moh_drafter).get(reverse("workflow_document", args=[document.pk]))
    listed = draft_page.content.decode().split('data-testid="answered-requests"')[1]
    assert request.subject in listed.split("</ul>")[0]
    requester_view = _client(qnam.officer).get(reverse("requests_detail", args=[request.pk]))
    drafts = requester_view.content.decode().split('data-testid="drafts"')[1].split("</ul>")[0]
    assert SUBJECT in drafts
    assert reverse("workflow_document", args=[document.pk]) not in drafts
    with committed():
        issued = drive(org, document, DocumentState.ISSUED)
    portal_url = issued.portal_page.url
    page = _client(qnam.officer).get(reverse("requests_detail", args=[request.pk]))
    answered_by = page.content.decode().split('data-testid="answered-by"')[1].split("</ul>")[0]
    assert issued.number_symbol in answered_by
    assert f'href="{portal_url}" data-testid="portal-link"' in answered_by
    staff_page = _client(org.moh_drafter).get(reverse("workflow_document", args=[issued.pk]))
    html = staff_page.content.decode()
    assert f'href="{portal_url}" data-testid="portal-link"' in html
    listed = html.split('data-testid="answered-requests"')[1].split("</ul>")[0]
    assert request.subject in listed


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_pages_cost_the_same_queries_with_one_or_many_drafts_and_requests(
    org: Any, qnam: Any
) -> None:
    request = to_state(org, qnam, S.ASSIGNED)
    first = _draft([request], org.moh_drafter, subject="Dự thảo 1")
    drafter, officer = _client(org.moh_drafter), _client(qnam.officer)
    urls = (
        (officer, reverse("requests_detail", args=[request.pk])),
        (drafter, reverse("requests_index") + "?tab=queue"),
        (drafter, reverse("workflow_document", args=[first.pk])),
    )
    few = [_queries(client, url) for client, url in urls]
    for number in range(2, 6):
        request = CoordinationRequest.objects.get(pk=request.pk)
        _draft([request], org.moh_drafter, subject=f"Dự thảo {number}")
    for number in range(5):
        other = raise_request(org, qnam, subject=f"Yêu cầu {number}")
        CoordinationRequest.objects.get(pk=other.pk).drafted_answers.add(first)
    assert [_queries(client, url) for client, url in urls] == few


def test_the_queue_offers_drafting_to_its_drafters_and_the_form_starts_it(
    org: Any, qnam: Any
) -> None:
    first = to_state(org, qnam, S.ASSIGNED)
    second = raise_request(org, qnam, subject="Hỏi về chi phí vận chuyển người bệnh")
    queue = _client(org.moh_drafter).get(reverse("requests_index") + "?tab=queue")
    assert queue.content.decode().count('type="checkbox" name="r"') == 2
    assert (
        'type="checkbox"'
        not in _client(org.moh_head).get(reverse("requests_index") + "?tab=queue").content.decode()
    )
    url = reverse("requests_draft_answer")
    form = _client(org.moh_drafter).get(url, {"r": [first.pk, second.pk]})
    assert form.status_code == 200
    assert "Bảo hiểm xã hội tỉnh Quảng Nam" in form.context["form"].initial["addressees"]
    response = _client(org.moh_drafter).post(
        url,
        {
            "r": [first.pk, second.pk],
            f"rev-{first.pk}": first.revision,
            f"rev-{second.pk}": second.revision,
            "kind": DocumentKind.OFFICIAL_LETTER,
            "subject": SUBJECT,
        },
    )
    document = Document.objects.get(subject=SUBJECT)
    assert response["Location"] == reverse("workflow_document", args=[document.pk])
    assert set(document.requests_to_answer.all()) == {first, second}


def test_the_form_refuses_a_stale_request_and_someone_who_may_not_see_it(
    org: Any, qnam: Any
) -> None:
    request = to_state(org, qnam, S.ASSIGNED)
    url = reverse("requests_draft_answer")
    data = {"r": [request.pk], f"rev-{request.pk}": request.revision - 1, "kind": "official_letter"}
    stale = _client(org.moh_drafter).post(url, {**data, "subject": SUBJECT})
    assert stale.status_code == 409
    assert 'data-testid="refusal"' in stale.content.decode()
    outsider = _client(org.drafter).post(url, {**data, "subject": SUBJECT})
    assert outsider.status_code == 302 and outsider["Location"] == reverse("requests_index")
    assert not Document.objects.filter(subject=SUBJECT).exists()
