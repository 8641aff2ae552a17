"""A provincial office's question on a document's page travels as a coordination request to the
unit that answers for the document; the office follows its state and reads the answer on the
same page and in "New for us"."""

from collections.abc import Callable
from typing import Any

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coordination.organisation.models import Agency, Person, Unit
from coordination.portal.models import DocumentPage, Question, QuestionDesk
from coordination.portal.questions import AskingOwnUnit, question_ask
from workflows.requests import services as request_services
from workflows.requests.models import CoordinationRequest, RequestState

pytestmark = pytest.mark.django_db


def _client(username: str | None) -> Client:
    client = Client()
    if username:
        client.force_login(Person.objects.get(username=username))
    return client


def _ask(page: DocumentPage, text: str, username: str = "qnam.reader") -> Any:
    return _client(username).post(reverse("portal_question", args=[page.pk]), {"text": text})


def _answer(request: CoordinationRequest, head: Person, text: str) -> CoordinationRequest:
    assigned = request_services.request_assign(
        request=request, actor=head, expected_revision=request.revision, assignee=head
    )
    return request_services.request_answer(
        request=assigned, actor=head, expected_revision=assigned.revision, comment=text
    )


def test_a_question_becomes_a_request_to_the_documents_drafting_unit(
    quang_nam: Agency, national: DocumentPage, csyt: Unit
) -> None:
    response = _ask(national, "Khoản 6 Điều 22 áp dụng từ quý nào?")
    assert response.status_code == 302
    question = Question.objects.select_related("request").get()
    request = question.request
    assert (request.unit, request.requester.username, request.state) == (
        csyt,
        "qnam.reader",
        RequestState.SUBMITTED,
    )
    assert request.requester_unit.agency == quang_nam
    assert request.subject == "Hỏi về văn bản 05/BHXH-CSYT: Khoản 6 Điều 22 áp dụng từ quý nào?"
    assert list(request.documents.all()) == [national.source_document]
    assert request.events.get().action == "create"


def test_the_office_sees_the_state_then_the_answer_on_the_page(
    quang_nam: Agency, national: DocumentPage, central_staff: Person
) -> None:
    _ask(national, "Áp dụng từ quý nào?")
    reader = _client("qnam.reader")
    page = reader.get(national.url).content.decode()
    assert 'data-testid="question-state">Chờ phân công' in page
    assert 'data-testid="question-answer"' not in page
    request = Question.objects.get().request
    assert reverse("requests_detail", args=[request.pk]) in page
    _answer(request, central_staff, "Áp dụng từ quý I năm 2021 <b>ngay</b>.")
    page = reader.get(national.url).content.decode()
    assert 'data-testid="question-state">Đã trả lời' in page
    answer = page.split('data-testid="question-answer"')[1].split("</div>")[0]
    assert "Áp dụng từ quý I năm 2021 &lt;b&gt;ngay&lt;/b&gt;." in answer
    new_for_us = reader.get(reverse("portal_reader_new")).content.decode()
    listed = new_for_us.split('data-testid="office-questions"')[1].split("</ul>")[0]
    assert "Áp dụng từ quý nào?" in listed and "Đã trả lời" in listed


def test_a_document_entered_by_hand_asks_the_editors_unit_else_the_agencys_desk(
    quang_nam: Agency, vss: Agency, csyt: Unit, publish_manual: Callable[..., DocumentPage]
) -> None:
    office = Unit.objects.create(agency=vss, name="Văn phòng", symbol="VP")
    chosen = publish_manual("3618", number_symbol="3618/QĐ-BHXH", agency=vss, answering_unit=csyt)
    by_desk = publish_manual("3619", number_symbol="3619/QĐ-BHXH", agency=vss)
    nobody = publish_manual("38-ct-tw", number_symbol="38-CT/TW", subject="Chỉ thị")
    assert (
        'data-testid="no-answering-unit"'
        in _client("qnam.reader").get(by_desk.url).content.decode()
    )
    _ask(by_desk, "Trước khi có bàn tiếp nhận?")
    assert not CoordinationRequest.objects.exists() and not Question.objects.exists()
    QuestionDesk.objects.create(agency=vss, unit=office)
    _ask(chosen, "Hỏi về quy trình giám định?")
    _ask(by_desk, "Hỏi về thủ tục?")
    _ask(nobody, "Hỏi về chỉ thị?")
    units = dict(Question.objects.values_list("page__slug", "request__unit__symbol"))
    assert units == {"3618": "CSYT", "3619": "VP"}
    assert not CoordinationRequest.objects.filter(documents__isnull=False).exists()


def test_an_office_cannot_ask_its_own_unit_nor_another_province_ask_at_all(
    quang_nam: Agency,
    nghe_an: Agency,
    national: DocumentPage,
    publish_manual: Callable[..., DocumentPage],
) -> None:
    own_unit = Unit.objects.get(agency=quang_nam, symbol="VP")
    page = publish_manual(
        "qnam-1",
        number_symbol="1/BHXH-VP",
        agency=quang_nam,
        answering_unit=own_unit,
        provinces=[quang_nam.province],
    )
    with pytest.raises(AskingOwnUnit):
        question_ask(page=page, actor=Person.objects.get(username="qnam.reader"), text="Hỏi?")
    national.provinces.set([quang_nam.province])
    national.save_revision().publish()
    assert _ask(national, "Hỏi?", username="nghean.reader").status_code == 403
    assert 'id="questions"' not in _client("nghean.reader").get(national.url).content.decode()
    assert not Question.objects.exists() and not CoordinationRequest.objects.exists()


def test_the_question_is_text_on_the_page_and_in_new_for_us(
    quang_nam: Agency, national: DocumentPage
) -> None:
    _ask(national, '<img src=x onerror="alert(1)"> Áp dụng?')
    reader = _client("qnam.reader")
    for url in (national.url, reverse("portal_reader_new")):
        page = reader.get(url).content.decode()
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Áp dụng?" in page
        assert "<img src=x" not in page


def _queries(client: Client, url: str) -> int:
    """The queries of a reading after the first of the portal's generation (which also reads
    the listing page it keeps until the next publish)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_readers_pages_cost_the_same_queries_with_many_questions(
    quang_nam: Agency, national: DocumentPage
) -> None:
    reader = _client("qnam.reader")
    urls = (national.url, reverse("portal_reader_new"))
    _ask(national, "Câu hỏi 1?")
    few = [_queries(reader, url) for url in urls]
    for number in range(2, 13):
        _ask(national, f"Câu hỏi {number}?")
    assert [_queries(reader, url) for url in urls] == few
