"""What the API says about a document: the facts a receiving system files it by, its status in
force as the portal computes it, its relations both ways, its page, PDF and verification code.
Never a draft, never a confidential document."""

from datetime import timedelta
from typing import Any

import pytest

from django.test import Client
from django.utils import timezone

from coordination.portal.models import DocumentPage
from reports.models import IssuedPdf

from .conftest import Library

pytestmark = pytest.mark.django_db

SERVER = "http://testserver"


def _one(api: Client, page: DocumentPage) -> dict[str, Any]:
    response = api.get(f"/api/v1/documents/{page.pk}/")
    assert response.status_code == 200
    return response.json()


def _relations(answer: dict[str, Any]) -> set[tuple[str, int]]:
    return {(related["relation"], related["id"]) for related in answer["relations"]}


def test_an_issued_letter_is_described_with_its_pdf_and_verification_code(
    api: Client, library: Library
) -> None:
    answer = _one(api, library.letter)
    document = library.letter.source_document
    issued = IssuedPdf.objects.get(document=document)
    assert answer["number_symbol"] == "01/BHXH-CSYT"
    assert (answer["type"], answer["type_label"]) == ("official_letter", "Công văn")
    assert answer["issuing_agencies"] == [
        {"code": "vss", "name": "Bảo hiểm xã hội Việt Nam", "symbol": "BHXH", "lead": True}
    ]
    assert answer["signers"] == [
        {"name": "Trần Thị B", "position": "Phó Tổng Giám đốc", "authority": "", "agency": "vss"}
    ]
    assert (answer["issued_on"], answer["effective_on"]) == ("2026-11-01", "2026-11-01")
    assert answer["expires_on"] is None
    assert answer["subject"] == document.subject
    assert answer["url"] == f"{SERVER}/van-ban/01-bhxh-csyt-2026/"
    assert answer["api_url"] == f"{SERVER}/api/v1/documents/{library.letter.pk}/"
    assert answer["pdf"] == {
        "url": f"{SERVER}/pdf/van-ban/{document.pk}/",
        "size": issued.size,
        "sha256": "ab" * 32,
    }
    assert answer["verification"] == {
        "code": issued.verification_code,
        "url": f"{SERVER}/xac-thuc/{issued.verification_code}/",
    }
    assert [topic["slug"] for topic in answer["topics"]] == ["giam-dinh"]
    assert Client().get(answer["pdf"]["url"])["Content-Type"] == "application/pdf"
    assert Client().get(answer["url"]).status_code == 200


def test_the_status_and_the_relations_follow_the_portal_both_ways(
    api: Client, library: Library
) -> None:
    letter = _one(api, library.letter)
    assert (letter["status"], letter["status_label"]) == ("amended", "Được sửa đổi một phần")
    assert _relations(letter) == {
        ("amended_by", library.amending.pk),
        ("implements", library.directive_38.pk),
    }
    amending = _one(api, library.amending)
    assert amending["status"] == "in_force"
    assert _relations(amending) == {("amends", library.letter.pk)}
    related = amending["relations"][0]
    assert related["number_symbol"] == "01/BHXH-CSYT"
    assert related["api_url"] == f"{SERVER}/api/v1/documents/{library.letter.pk}/"
    assert _one(api, library.expired)["status"] == "expired"
    future = _one(api, library.future)
    assert future["status"] == "not_yet"
    assert future["effective_on"] == (timezone.localdate() + timedelta(days=30)).isoformat()


def test_a_document_issued_elsewhere_is_described_from_the_editors_fields(
    api: Client, library: Library
) -> None:
    answer = _one(api, library.directive_38)
    assert (answer["number_symbol"], answer["type"]) == ("38-CT/TW", "directive")
    assert answer["issued_on"] == "2009-09-07"
    assert answer["summary"] == "Ban Bí thư chỉ đạo mở rộng bao phủ bảo hiểm y tế."
    assert answer["signers"] == [
        {"name": "Trương Tấn Sang", "position": "", "authority": "", "agency": None}
    ]
    assert answer["issuing_agencies"] == []
    assert (answer["pdf"], answer["verification"]) == (None, None)
    assert _relations(answer) == {("implemented_by", library.letter.pk)}


def test_a_joint_circular_names_both_agencies_and_both_signers_the_lead_first(
    api: Client, library: Library
) -> None:
    answer = _one(api, library.joint)
    assert [(a["code"], a["lead"]) for a in answer["issuing_agencies"]] == [
        ("vss", True),
        ("moh", False),
    ]
    assert answer["signers"] == [
        {
            "name": "Lê Văn T",
            "position": "Phó Tổng Giám đốc",
            "authority": "KT. Tổng Giám đốc",
            "agency": "vss",
        },
        {
            "name": "Phạm Văn M",
            "position": "Thứ trưởng",
            "authority": "KT. Bộ trưởng",
            "agency": "moh",
        },
    ]


def test_no_draft_nor_confidential_document_is_ever_answered(api: Client, library: Library) -> None:
    listed = api.get("/api/v1/documents/", {"page_size": 200}).json()
    ids = {answer["id"] for answer in listed["results"]}
    public = {library.directive_38, library.letter, library.amending, library.joint}
    assert ids == {page.pk for page in public | {library.expired, library.future}}
    assert listed["count"] == 6
    subjects = {answer["subject"] for answer in listed["results"]}
    assert "Văn bản mật" not in subjects and library.draft.subject not in subjects
    secret = library.confidential
    assert api.get(f"/api/v1/documents/{secret.pk}/").status_code == 404
    assert api.get("/api/v1/documents/by-number/07%2FBHXH-CSYT/").status_code == 404
    assert api.get("/api/v1/documents/", {"number": "07/BHXH-CSYT"}).json()["count"] == 0
    everything = str(listed)
    assert str(secret.pk) not in {str(r["id"]) for a in listed["results"] for r in a["relations"]}
    assert "07/BHXH-CSYT" not in everything


def test_an_unpublished_page_is_no_longer_answered(api: Client, library: Library) -> None:
    library.amending.unpublish()
    assert api.get(f"/api/v1/documents/{library.amending.pk}/").status_code == 404
    letter = _one(api, library.letter)
    assert ("amended_by", library.amending.pk) not in _relations(letter)


@pytest.mark.parametrize(
    "number", ["01%2FBHXH-CSYT", "01/BHXH-CSYT", "01%20bhxh%20csyt", "01-BHXH-CSYT"]
)
def test_a_document_is_found_by_its_number_written_any_way(
    api: Client, library: Library, number: str
) -> None:
    response = api.get(f"/api/v1/documents/by-number/{number}/")
    assert response.status_code == 200
    assert response.json()["id"] == library.letter.pk


def test_a_number_shared_by_two_years_asks_for_the_year(
    api: Client, library: Library, publish: Any
) -> None:
    older = publish(1, year=2025, issued_on=library.letter.issued_on.replace(year=2025))
    response = api.get("/api/v1/documents/by-number/01%2FBHXH-CSYT/")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "ambiguous_number"
    assert body["documents"] == sorted([library.letter.pk, older.pk])
    picked = api.get("/api/v1/documents/by-number/01%2FBHXH-CSYT/", {"year": 2025})
    assert picked.json()["id"] == older.pk


@pytest.mark.parametrize("path", ["by-number/99%2FBHXH-CSYT/", "by-number/%2F%2F/", "99999/"])
def test_an_unknown_document_is_a_json_404(api: Client, library: Library, path: str) -> None:
    response = api.get(f"/api/v1/documents/{path}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
