"""A joint circular taken through the whole workflow by the right people: once issued, its page
published and its PDF rendered and signed by the worker, the API describes it from end to end."""

import hashlib
from typing import Any

import pytest

from django.core.files.storage import default_storage
from django.test import Client

from reports.models import IssuedPdf
from tests.workflows.steps import draft, drive
from workflows.documents.models import DocumentKind, DocumentState

pytestmark = pytest.mark.django_db


def test_an_issued_joint_circular_is_answered_with_its_signed_pdf(
    org: Any, token: str, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        document = drive(
            org,
            draft(
                org,
                kind=DocumentKind.JOINT_CIRCULAR,
                counterpart_unit=org.moh_bh,
                subject="Hướng dẫn thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế",
            ),
            DocumentState.ISSUED,
        )
    document.refresh_from_db()
    api = Client(headers={"Authorization": f"Bearer {token}"})
    number = document.number_symbol.replace("/", "%2F")
    answer = api.get(f"/api/v1/documents/by-number/{number}/").json()
    assert answer["number_symbol"] == document.number_symbol
    assert answer["type"] == "joint_circular" and answer["status"] == "in_force"
    assert [agency["code"] for agency in answer["issuing_agencies"]] == ["vss", "moh"]
    assert [(s["agency"], s["position"], s["authority"]) for s in answer["signers"]] == [
        ("vss", "Phó Tổng Giám đốc", "KT. Tổng Giám đốc"),
        ("moh", "Thứ trưởng", ""),
    ]
    with default_storage.open(document.pdf.name, "rb") as stored:
        pdf = stored.read()
    issued = IssuedPdf.objects.get(document=document)
    assert answer["pdf"]["sha256"] == hashlib.sha256(pdf).hexdigest() == issued.sha256
    assert answer["pdf"]["size"] == len(pdf)
    downloaded = b"".join(Client().get(answer["pdf"]["url"]).streaming_content)
    assert downloaded == pdf
    assert answer["verification"]["code"] == issued.verification_code
    assert Client().get(answer["verification"]["url"]).status_code == 200
    assert Client().get(answer["url"]).status_code == 200
