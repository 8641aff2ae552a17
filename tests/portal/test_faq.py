"""Frequent questions: the head of the unit that answered a request publishes it in public words
next to the documents it concerns; readers find it on those pages, in the listing and in the
search; it can be taken off again. Refusals change nothing; cached pages follow every change."""

from typing import Any

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coordination.organisation.models import Agency, Person
from coordination.portal.faq import services
from coordination.portal.faq.exceptions import (
    FaqChanged,
    NamesThePerson,
    NoDocument,
    TextRequired,
    WrongRole,
    WrongState,
    WrongUnit,
)
from coordination.portal.models import DocumentPage, FaqEntry, FaqEvent, FaqState, PortalGeneration
from coordination.portal.questions import question_ask
from tests.factories import staff_group
from workflows.requests import services as request_services
from workflows.requests.models import CoordinationRequest

pytestmark = pytest.mark.django_db

QUESTION = "Chi phí vận chuyển người bệnh được thanh toán từ khi nào?"
ANSWER = "Từ ngày 01/01/2021, theo khoản 6 Điều 22 Luật Bảo hiểm y tế."


def _client(user: Person | None) -> Client:
    """Signed in (staff may open the admin) or anonymous."""
    client = Client()
    if user is not None:
        user.groups.add(staff_group())
        client.force_login(user)
    return client


def _asked(page: DocumentPage, text: str = "Xin hỏi về chi phí vận chuyển?") -> Any:
    reader = Person.objects.get(username="qnam.reader")
    return question_ask(page=page, actor=reader, text=text).request


@pytest.fixture
def answered(quang_nam: Agency, national: DocumentPage, central_staff: Person) -> Any:
    """Quảng Nam asked about 05/BHXH-CSYT; the CSYT head took it and answered."""
    request = _asked(national)
    request = request_services.request_assign(
        request=request,
        actor=central_staff,
        expected_revision=request.revision,
        assignee=central_staff,
    )
    return request_services.request_answer(
        request=request,
        actor=central_staff,
        expected_revision=request.revision,
        comment="Trả lời riêng cho Bảo hiểm xã hội tỉnh Quảng Nam.",
    )


def _publish(request: CoordinationRequest, actor: Person, **changes: Any) -> FaqEntry:
    values = {
        "question": QUESTION,
        "answer": ANSWER,
        "pages": [DocumentPage.objects.get(source_document__in=request.documents.all())],
        "expected_revision": request.revision,
    }
    values.update(changes)
    return services.faq_publish(request=request, actor=actor, **values)


def _generation() -> int:
    return PortalGeneration.objects.get(pk=1).number


def test_the_head_publishes_an_answer_next_to_its_document(
    answered: CoordinationRequest, national: DocumentPage, central_staff: Person
) -> None:
    before = _generation()
    entry = _publish(answered, central_staff)
    assert (entry.state, entry.unit, entry.revision) == (FaqState.PUBLISHED, answered.unit, 1)
    assert list(entry.pages.all()) == [national]
    event = entry.events.get()
    assert (event.action, event.source_state, event.target_state, event.actor) == (
        "publish",
        FaqState.UNPUBLISHED,
        FaqState.PUBLISHED,
        central_staff,
    )
    assert _generation() > before
    page = _client(None).get(national.url).content.decode()
    section = page.split('data-testid="faq"')[1].split("</section>")[0]
    assert "Hỏi đáp" in section and QUESTION in section and ANSWER in section
    for public in (page, _client(None).get(reverse("portal_faq")).content.decode()):
        assert "Lý Văn Q" not in public and "Quảng Nam" not in public
        assert "Trả lời riêng" not in public
    detail = _client(None).get(reverse("portal_faq_entry", args=[entry.pk]))
    assert QUESTION in detail.content.decode()


def _nothing_published(request: CoordinationRequest) -> None:
    assert not FaqEntry.objects.exists() and not FaqEvent.objects.exists()
    assert CoordinationRequest.objects.get(pk=request.pk).revision == request.revision


@pytest.mark.parametrize(
    ("changes", "refusal"),
    [
        ({"question": "  "}, TextRequired),
        ({"answer": ""}, TextRequired),
        ({"pages": []}, NoDocument),
        ({"question": "Ông Lý Văn Q hỏi về chi phí vận chuyển?"}, NamesThePerson),
        ({"answer": "Trả lời qnam.reader: từ năm 2021."}, NamesThePerson),
        ({"expected_revision": 1}, FaqChanged),
    ],
)
def test_a_publication_without_public_text_documents_or_anonymity_is_refused(
    answered: CoordinationRequest, central_staff: Person, changes: dict, refusal: type
) -> None:
    with pytest.raises(refusal):
        _publish(answered, central_staff, **changes)
    _nothing_published(answered)


def test_only_the_answering_units_head_publishes_an_answered_request(
    answered: CoordinationRequest,
    national: DocumentPage,
    central_staff: Person,
    csyt_reviewer: Person,
    nghe_an: Agency,
) -> None:
    with pytest.raises(WrongRole):
        _publish(answered, csyt_reviewer)
    with pytest.raises(WrongUnit):
        _publish(answered, Person.objects.get(username="nghean.head"))
    open_one = _asked(national, "Câu hỏi chưa được trả lời?")
    with pytest.raises(WrongState):
        _publish(open_one, central_staff)
    _nothing_published(answered)
    _publish(answered, central_staff)
    with pytest.raises(WrongState):
        _publish(CoordinationRequest.objects.get(pk=answered.pk), central_staff)
    assert FaqEntry.objects.count() == 1


def test_unpublish_edit_and_publish_again_each_leave_a_row_and_refresh_the_pages(
    answered: CoordinationRequest, national: DocumentPage, central_staff: Person
) -> None:
    entry = _publish(answered, central_staff)
    reader = _client(None)
    assert QUESTION in reader.get(national.url).content.decode()
    entry = services.faq_unpublish(
        entry=entry, actor=central_staff, expected_revision=entry.revision, comment="Hết hiệu lực"
    )
    assert QUESTION not in reader.get(national.url).content.decode()
    assert reader.get(reverse("portal_faq_entry", args=[entry.pk])).status_code == 404
    with pytest.raises(WrongState):
        services.faq_unpublish(entry=entry, actor=central_staff, expected_revision=entry.revision)
    entry = services.faq_edit(
        entry=entry,
        actor=central_staff,
        expected_revision=entry.revision,
        question="Chi phí vận chuyển người bệnh chuyển tuyến?",
        answer=ANSWER,
        pages=[national],
    )
    entry = services.faq_republish(
        entry=entry, actor=central_staff, expected_revision=entry.revision
    )
    assert (
        "Chi phí vận chuyển người bệnh chuyển tuyến?" in reader.get(national.url).content.decode()
    )
    assert list(entry.events.values_list("action", flat=True)) == [
        "publish",
        "unpublish",
        "edit",
        "publish",
    ]
    with pytest.raises(FaqChanged) as stale:
        services.faq_unpublish(entry=entry, actor=central_staff, expected_revision=2)
    assert len(stale.value.changes) == 2
    assert FaqEntry.objects.get().state == FaqState.PUBLISHED


def test_another_provinces_staff_and_members_who_are_not_the_head_cannot_manage(
    answered: CoordinationRequest, central_staff: Person, csyt_reviewer: Person, nghe_an: Agency
) -> None:
    entry = _publish(answered, central_staff)
    outsider = Person.objects.get(username="nghean.head")
    for person in (outsider, csyt_reviewer):
        with pytest.raises((WrongUnit, WrongRole)):
            services.faq_unpublish(entry=entry, actor=person, expected_revision=entry.revision)
        client = _client(person)
        assert client.get(reverse("portal_faq_staff_entry", args=[entry.pk])).status_code == 404
        state_url = reverse("portal_faq_staff_state", args=[entry.pk, "unpublish"])
        assert client.post(state_url, {"revision": entry.revision}).status_code == 404
        new_url = reverse("portal_faq_staff_new", args=[answered.pk])
        assert client.get(new_url).status_code == 404
    assert FaqEntry.objects.get().state == FaqState.PUBLISHED
    assert FaqEvent.objects.count() == 1


def test_the_head_publishes_through_the_staff_screens(
    answered: CoordinationRequest, national: DocumentPage, central_staff: Person
) -> None:
    head = _client(central_staff)
    request_page = head.get(reverse("requests_detail", args=[answered.pk])).content.decode()
    new_url = reverse("portal_faq_staff_new", args=[answered.pk])
    assert new_url in request_page
    form = head.get(new_url)
    assert form.status_code == 200
    assert list(form.context["form"].fields["pages"].queryset) == [national]
    response = head.post(
        new_url,
        {
            "revision": answered.revision,
            "question": QUESTION,
            "answer": ANSWER,
            "pages": [national.pk],
        },
    )
    entry = FaqEntry.objects.get()
    assert response["Location"] == reverse("portal_faq_staff_entry", args=[entry.pk])
    unpublish = reverse("portal_faq_staff_state", args=[entry.pk, "unpublish"])
    stale = head.post(unpublish, {"revision": entry.revision - 1})
    assert stale.status_code == 409 and 'data-testid="refusal"' in stale.content.decode()
    head.post(unpublish, {"revision": entry.revision, "comment": "Tạm gỡ"})
    assert FaqEntry.objects.get().state == FaqState.UNPUBLISHED


def test_user_text_is_escaped_on_every_public_page(
    answered: CoordinationRequest, national: DocumentPage, central_staff: Person
) -> None:
    entry = _publish(
        answered,
        central_staff,
        question='<script>alert("q")</script> Chi phí vận chuyển?',
        answer="<b>Từ 2021</b> & theo luật.",
    )
    reader = _client(None)
    urls = (
        national.url,
        reverse("portal_faq"),
        reverse("portal_faq_entry", args=[entry.pk]),
        "/van-ban/?q=chi+phi+van+chuyen",
    )
    for url in urls:
        page = reader.get(url).content.decode()
        assert '<script>alert("q")' not in page and "<b>Từ 2021</b>" not in page, url
        assert "&lt;script&gt;" in page, url


def test_the_search_finds_a_question_typed_without_accents(
    answered: CoordinationRequest, central_staff: Person
) -> None:
    _publish(answered, central_staff)
    search = _client(None).get("/van-ban/", {"q": "van chuyen nguoi benh"}).content.decode()
    found = search.split('data-testid="faq-results"')[1].split("</section>")[0]
    assert "<mark>vận</mark> <mark>chuyển</mark> <mark>người</mark> <mark>bệnh</mark>" in found
    listing = _client(None).get(reverse("portal_faq"), {"q": "dieu 22 05/BHXH-CSYT"})
    assert QUESTION in listing.content.decode()
    nothing = _client(None).get(reverse("portal_faq"), {"q": "thuoc"}).content.decode()
    assert QUESTION not in nothing


def test_publishing_invalidates_the_anonymous_page_cache(
    answered: CoordinationRequest,
    national: DocumentPage,
    central_staff: Person,
    attach_pdf: Any,
) -> None:
    attach_pdf(national.source_document)
    reader = _client(None)
    assert QUESTION not in reader.get(national.url).content.decode()
    assert QUESTION not in reader.get(reverse("portal_faq")).content.decode()
    with CaptureQueriesContext(connection) as cached:
        reader.get(national.url)
    assert len(cached) <= 3
    _publish(answered, central_staff)
    assert QUESTION in reader.get(national.url).content.decode()
    assert QUESTION in reader.get(reverse("portal_faq")).content.decode()


def _queries(url: str) -> int:
    client = _client(Person.objects.get(username="vss.head"))
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_pages_cost_the_same_queries_with_many_questions(
    answered: CoordinationRequest, national: DocumentPage, central_staff: Person
) -> None:
    _publish(answered, central_staff)
    urls = (national.url, reverse("portal_faq"), reverse("portal_faq_staff"))
    few = [_queries(url) for url in urls]
    for number in range(8):
        request = _asked(national, f"Câu hỏi số {number}?")
        request = request_services.request_assign(
            request=request,
            actor=central_staff,
            expected_revision=request.revision,
            assignee=central_staff,
        )
        request = request_services.request_answer(
            request=request,
            actor=central_staff,
            expected_revision=request.revision,
            comment="Trả lời.",
        )
        _publish(request, central_staff, question=f"Câu hỏi công khai {number}?")
    assert [_queries(url) for url in urls] == few
