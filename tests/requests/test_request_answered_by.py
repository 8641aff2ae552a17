"""A request can be answered by an issued document (a guidance letter to many provinces): the
link shows on the request's page, and the document's side lists the requests it answers."""

from datetime import date
from typing import Any

import pytest

from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse

from workflows.documents import services as document_services
from workflows.documents.models import DocumentKind
from workflows.requests.exceptions import WrongState, WrongUnit
from workflows.requests.models import RequestEvent
from workflows.requests.models import RequestState as S

from .steps import act, to_state


def _guidance(org: Any, **fields: Any) -> Any:
    return document_services.document_record_issued(
        actor=org.clerk,
        unit=org.csyt,
        number=4055,
        issued_on=date(2024, 3, 5),
        signer_name="Nguyễn Văn A",
        signer_position="Phó Tổng Giám đốc",
        kind=DocumentKind.OFFICIAL_LETTER,
        subject="Về việc thanh toán chi phí khám chữa bệnh BHYT",
        body="Hướng dẫn.",
        **fields,
    )


def test_the_assignee_links_the_document_that_answers(org: Any, qnam: Any) -> None:
    request = to_state(org, qnam, S.ANSWERED)
    document = _guidance(org)
    linked = act(request, org.moh_reviewer, "link_document", document=document)
    assert list(linked.answered_by.all()) == [document]
    assert linked.revision == request.revision + 1
    event = linked.events.order_by("-pk").first()
    assert (event.action, event.comment) == ("link", document.number_symbol)
    page = _client(qnam.officer).get(reverse("requests_detail", args=[request.pk]))
    assert document.number_symbol in page.content.decode()


def test_the_requester_cannot_link_nor_can_a_draft_be_linked(org: Any, qnam: Any) -> None:
    request = to_state(org, qnam, S.ANSWERED)
    events = RequestEvent.objects.count()
    with pytest.raises(WrongUnit):
        act(request, qnam.officer, "link_document", document=_guidance(org))
    draft = document_services.document_create(
        actor=org.drafter, unit=org.csyt, kind=DocumentKind.OFFICIAL_LETTER, subject="Dự thảo"
    )
    with pytest.raises(WrongState):
        act(request, org.moh_reviewer, "link_document", document=draft)
    assert RequestEvent.objects.count() == events
    assert not request.answered_by.exists()


def test_the_document_side_lists_the_requests_it_answers_to_those_who_may_see(
    org: Any, qnam: Any
) -> None:
    request = to_state(org, qnam, S.ASSIGNED)
    document = _guidance(org)
    act(request, org.moh_head, "link_document", document=document)
    template = Template(
        "{% load coordination_requests %}{% requests_answered_by_document document %}"
    )

    def shown_to(user: Any) -> str:
        http = RequestFactory().get("/")
        http.user = user
        return template.render(Context({"request": http, "document": document}))

    assert request.subject in shown_to(qnam.colleague)
    assert request.subject not in shown_to(org.clerk)


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client
