"""Search as a provincial reader types it: with or without accents, by number typed any way, with
filters, excerpts marked and escaped, the document itself before those that mention it. The
documents are the demo's, written before these queries (coordination/demo.py)."""

from datetime import date
from typing import Any

import pytest

from django.test import Client

from coordination import demo
from coordination.organisation.models import Agency, AgencyKind, Unit
from coordination.portal.models import DocumentPage, Topic
from coordination.portal.publishing import document_page_publish
from workflows.documents.models import Document, DocumentKind, DocumentState

pytestmark = pytest.mark.django_db

SYMBOLS = {25: "25/CT-BYT", 4055: "4055/BHXH-CSYT", 335: "335/BHXH-GĐBHYT"}
AGENCIES = {
    "moh": ("Bộ Y tế", "BYT", AgencyKind.CENTRAL, "KCB"),
    "vss": ("Bảo hiểm xã hội Việt Nam", "BHXH", AgencyKind.CENTRAL, "CSYT"),
    "bhxh-40": (
        "Bảo hiểm xã hội tỉnh Nghệ An",
        "BHXH",
        AgencyKind.PROVINCIAL_SOCIAL_SECURITY,
        "GĐBHYT",
    ),
}


def _unit(code: str) -> Unit:
    name, symbol, kind, unit_symbol = AGENCIES[code]
    agency, _ = Agency.objects.get_or_create(
        code=code, defaults={"name": name, "symbol": symbol, "kind": kind}
    )
    unit, _ = Unit.objects.get_or_create(
        agency=agency, symbol=unit_symbol, defaults={"name": "Ban"}
    )
    return unit


@pytest.fixture
def recorded(drafter: Any, csyt: Unit) -> dict[int, DocumentPage]:
    """The three documents of the background articles, published as the workflow publishes."""
    pages = {}
    for spec in demo.RECORDED:
        unit = _unit(spec.agency)
        document = Document.objects.create(
            kind=spec.kind,
            subject=spec.subject,
            body=spec.body,
            agency=unit.agency,
            unit=unit,
            created_by=drafter,
            last_edited_by=drafter,
            state=DocumentState.ISSUED,
            number=spec.number,
            year=spec.issued_on.year,
            number_symbol=SYMBOLS[spec.number],
            issued_on=spec.issued_on,
            signer_name=spec.signer,
        )
        pages[spec.number] = document_page_publish(document_pk=document.pk)
    return pages


def _search(query: str = "", **filters: str) -> str:
    response = Client().get("/van-ban/", {"q": query, **filters})
    assert response.status_code == 200
    return response.content.decode().split('<div class="results">', 1)[1]


def _numbers(html: str) -> list[str]:
    """The numbers of the results, in order, as the reader reads them (marks removed)."""
    plain = html.replace("<mark>", "").replace("</mark>", "")
    found = []
    for chunk in plain.split('<span class="number">')[1:]:
        found.append(chunk.split("</span>", 1)[0])
    return found


@pytest.mark.parametrize("query", ["chi thi 25", "Chỉ thị 25", "CHI THI 25/CT-BYT", "chỉ thi 25"])
def test_a_directive_is_found_by_its_type_and_number_with_or_without_accents(
    recorded: dict, query: str
) -> None:
    assert _numbers(_search(query))[0] == "25/CT-BYT"


@pytest.mark.parametrize("query", ["giam dinh", "giám định", "GIÁM ĐỊNH", "Giam Đinh"])
def test_words_are_found_without_their_accents_and_marked_in_the_excerpt(
    recorded: dict, query: str
) -> None:
    html = _search(query)
    assert "25/CT-BYT" in _numbers(html)
    assert "<mark>giám</mark> <mark>định</mark>" in html


@pytest.mark.parametrize("query", ["4055/BHXH-CSYT", "4055 BHXH CSYT", "4055/bhxh-csyt", "4055"])
def test_the_document_itself_comes_before_documents_that_mention_its_number(
    recorded: dict, query: str
) -> None:
    assert _numbers(_search(query))[:2] == ["4055/BHXH-CSYT", "335/BHXH-GĐBHYT"]


def test_a_number_matches_whole_numbers_only(recorded: dict) -> None:
    """'25' is not '250' nor '2025'; '22' (Điều 22) finds the documents citing the article."""
    assert _numbers(_search("25")) == ["25/CT-BYT"]
    assert set(_numbers(_search("dieu 22"))) == set(SYMBOLS.values())


def test_every_word_must_be_found(recorded: dict) -> None:
    assert _numbers(_search("giam dinh thanh toan")) == ["25/CT-BYT"]
    assert _numbers(_search("giam dinh nghe an")) == []
    assert "Không có văn bản phù hợp" in _search("trục lợi Nghệ An")


def test_wildcards_typed_by_a_reader_match_nothing_rather_than_everything(recorded: dict) -> None:
    assert _numbers(_search("%")) == _numbers(_search(""))
    assert _numbers(_search("_ 4055 %")) == ["4055/BHXH-CSYT", "335/BHXH-GĐBHYT"]
    assert _numbers(_search("%%x%%")) == []


def test_what_a_document_says_is_escaped_in_the_results(drafter: Any, csyt: Unit) -> None:
    document = Document.objects.create(
        kind=DocumentKind.OFFICIAL_LETTER,
        subject="Về <b>giám định</b>",
        body='Đoạn <script>alert("giám định")</script> cuối.',
        agency=csyt.agency,
        unit=csyt,
        created_by=drafter,
        last_edited_by=drafter,
        state=DocumentState.ISSUED,
        number=9,
        year=2026,
        number_symbol="09/BHXH-CSYT",
        issued_on=date(2026, 11, 9),
    )
    document_page_publish(document_pk=document.pk)
    html = _search("giam dinh")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;b&gt;<mark>giám</mark> <mark>định</mark>&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(&quot;<mark>giám</mark> <mark>định</mark>&quot;)" in html


def test_filters_narrow_the_listing_and_the_search(recorded: dict) -> None:
    assert _numbers(_search(kind="directive")) == ["25/CT-BYT"]
    assert _numbers(_search(agency="bhxh-40")) == ["335/BHXH-GĐBHYT"]
    assert _numbers(_search(year="2021")) == ["335/BHXH-GĐBHYT"]
    assert _numbers(_search("bao hiem y te", year="2020", kind="official_letter")) == [
        "4055/BHXH-CSYT"
    ]
    assert set(_numbers(_search(status="in_force"))) == set(SYMBOLS.values())
    assert _numbers(_search(status="revoked")) == []


def test_a_topic_filter_shows_the_documents_tagged_with_it(
    recorded: dict, publish_manual: Any
) -> None:
    payment = Topic.objects.create(name="Thanh toán", slug="thanh-toan")
    publish_manual(
        "38-ct-tw",
        number_symbol="38-CT/TW",
        kind=DocumentKind.DIRECTIVE,
        subject="Về đẩy mạnh công tác bảo hiểm y tế trong tình hình mới",
        issued_on=date(2009, 9, 7),
        topics=[payment],
    )
    assert _numbers(_search(topic="thanh-toan")) == ["38-CT/TW"]
    assert _numbers(_search("thanh toan", topic="thanh-toan")) == ["38-CT/TW"]


@pytest.mark.parametrize(
    "filters",
    [{"year": "x"}, {"kind": "poem"}, {"status": "'; drop"}, {"agency": "nowhere"}, {"p": "-1"}],
)
def test_unknown_filter_values_are_ignored_not_an_error(recorded: dict, filters: dict) -> None:
    assert len(_numbers(_search(**filters))) == 3


def test_a_search_page_costs_the_same_queries_for_few_or_many_results(
    recorded: dict, make_document: Any, django_assert_max_num_queries: Any
) -> None:
    for number in range(1, 15):
        document_page_publish(document_pk=make_document(number=number, body="giám định").pk)
    with django_assert_max_num_queries(16):
        assert len(_numbers(_search("giam dinh"))) == 15
