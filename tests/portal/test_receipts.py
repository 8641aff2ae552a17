"""Provincial offices acknowledge and ask; central staff see who did and who is late. Each
screen checks who is asking."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from django.test import Client
from django.utils import timezone

from coordination.organisation.models import Agency, AgencyKind, Person, Province
from coordination.portal.models import Acknowledgement, DocumentPage, Question
from coordination.portal.publishing import document_page_publish
from workflows.documents.models import Document

pytestmark = pytest.mark.django_db


def _client(username: str | None) -> Client:
    client = Client()
    if username:
        client.force_login(Person.objects.get(username=username))
    return client


def test_a_provincial_reader_acknowledges_once_and_sees_who_did(
    quang_nam: Agency, national: DocumentPage
) -> None:
    reader = _client("qnam.reader")
    assert 'data-testid="acknowledge"' in reader.get(national.url).content.decode()
    assert reader.post(f"/da-nhan/{national.pk}/").status_code == 302
    first = Acknowledgement.objects.get()
    reader.post(f"/da-nhan/{national.pk}/")
    assert Acknowledgement.objects.get() == first
    assert (first.agency, first.acknowledged_by.username) == (quang_nam, "qnam.reader")
    page = reader.get(national.url).content.decode()
    assert "Đã xác nhận nhận văn bản: Lý Văn Q" in page
    assert 'data-testid="acknowledge"' not in page


def test_new_for_us_lists_what_the_office_has_not_acknowledged(
    quang_nam: Agency, national: DocumentPage
) -> None:
    reader = _client("qnam.reader")
    assert national.url in reader.get("/moi-cho-don-vi/").content.decode()
    reader.post(f"/da-nhan/{national.pk}/")
    assert national.url not in reader.get("/moi-cho-don-vi/").content.decode()


def test_a_document_for_another_province_cannot_be_acknowledged(
    quang_nam: Agency, make_document: Callable[..., Document]
) -> None:
    page = document_page_publish(document_pk=make_document(number=6).pk)
    page.provinces.set([Province.objects.create(code="40", name="Nghệ An")])
    page.save_revision().publish()
    reader = _client("qnam.reader")
    assert reader.post(f"/da-nhan/{page.pk}/").status_code == 403
    assert 'data-testid="acknowledge"' not in reader.get(page.url).content.decode()
    assert page.url not in reader.get("/moi-cho-don-vi/").content.decode()
    assert not Acknowledgement.objects.exists()


@pytest.mark.parametrize("who", [None, "vss.head"])
def test_only_provincial_staff_acknowledge_or_ask(
    quang_nam: Agency, central_staff: Any, national: DocumentPage, who: str | None
) -> None:
    client = _client(who)
    acknowledged = client.post(f"/da-nhan/{national.pk}/")
    asked = client.post(f"/hoi/{national.pk}/", {"text": "Xin hỏi?"})
    expected = 302 if who is None else 403
    assert (acknowledged.status_code, asked.status_code) == (expected, expected)
    if who is None:
        assert acknowledged["Location"].startswith("/admin/login/")
    assert not Acknowledgement.objects.exists() and not Question.objects.exists()


def test_a_question_is_stored_and_shown_to_its_office_as_text(
    quang_nam: Agency, national: DocumentPage
) -> None:
    reader = _client("qnam.reader")
    reader.post(f"/hoi/{national.pk}/", {"text": "<script>x()</script> Áp dụng từ quý nào?"})
    question = Question.objects.get()
    assert (question.agency, question.page_id) == (quang_nam, national.pk)
    page = reader.get(national.url).content.decode()
    assert "&lt;script&gt;x()&lt;/script&gt; Áp dụng từ quý nào?" in page
    assert "<script>x()" not in page
    assert reader.post(f"/hoi/{national.pk}/", {"text": "  "}).status_code == 302
    assert Question.objects.count() == 1


def test_central_staff_see_who_acknowledged_and_how_long_it_took(
    quang_nam: Agency, central_staff: Any, national: DocumentPage
) -> None:
    DocumentPage.objects.filter(pk=national.pk).update(
        first_published_at=timezone.now() - timedelta(hours=30)
    )
    _client("qnam.reader").post(f"/da-nhan/{national.pk}/")
    staff = _client("vss.head")
    board = staff.get("/theo-doi/").content.decode()
    assert "1 / 1" in board
    assert "30,0 giờ" in board
    lines = staff.get(f"/theo-doi/van-ban/{national.pk}/").content.decode()
    assert "Bảo hiểm xã hội tỉnh Quảng Nam" in lines and "Lý Văn Q" in lines


def test_offices_late_past_the_deadline_are_listed_with_their_documents(
    quang_nam: Agency, central_staff: Any, national: DocumentPage, make_document: Any
) -> None:
    recent = document_page_publish(document_pk=make_document(number=7).pk)
    DocumentPage.objects.filter(pk=national.pk).update(
        first_published_at=timezone.now() - timedelta(days=8)
    )
    staff = _client("vss.head")
    board = staff.get("/theo-doi/").content.decode()
    overdue = board.split('data-testid="overdue-offices"', 1)[1]
    assert "/theo-doi/don-vi/bhxh-49/" in overdue
    office = staff.get("/theo-doi/don-vi/bhxh-49/").content.decode()
    assert national.title in office and recent.title not in office
    _client("qnam.reader").post(f"/da-nhan/{national.pk}/")
    assert "bhxh-49" not in staff.get("/theo-doi/").content.decode().split("overdue-offices")[1]


@pytest.mark.parametrize(
    "url", ["/theo-doi/", "/theo-doi/van-ban/{pk}/", "/theo-doi/don-vi/bhxh-49/"]
)
def test_the_dashboard_is_for_central_staff_only(
    quang_nam: Agency, national: DocumentPage, url: str
) -> None:
    url = url.format(pk=national.pk)
    assert _client(None).get(url).status_code == 302
    assert _client("qnam.reader").get(url).status_code == 403


def test_the_dashboard_costs_the_same_queries_for_many_offices_and_documents(
    quang_nam: Agency,
    central_staff: Any,
    make_document: Callable[..., Document],
    django_assert_max_num_queries: Any,
) -> None:
    for code in range(50, 60):
        province = Province.objects.create(code=str(code), name=f"Tỉnh {code}")
        Agency.objects.create(
            code=f"syt-{code}",
            name=f"Sở Y tế {code}",
            symbol="SYT",
            kind=AgencyKind.PROVINCIAL_HEALTH,
            province=province,
        )
    for number in range(10, 20):
        document_page_publish(document_pk=make_document(number=number).pk)
    staff = _client("vss.head")
    with django_assert_max_num_queries(14):
        assert staff.get("/theo-doi/").status_code == 200
