"""The outgoing register: ten columns in number order, XLSX and PDF, readable only by those who
keep or sign the agency's documents; the confidential series apart."""

import io
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from django.test import Client
from django.urls import reverse

from reports.models import RegisterPrint
from tests.workflows.steps import draft, drive
from workflows.documents import services
from workflows.documents.models import DocumentKind, DocumentState
from workflows.documents.registers import register_rows

S = DocumentState


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _issued(org: Any) -> list[Any]:
    first = drive(
        org, draft(org, addressees="Bộ Y tế", distribution="Bảo hiểm xã hội các tỉnh"), S.ISSUED
    )
    later = draft(org, kind=DocumentKind.DECISION, subject='=HYPERLINK("x")')
    services.document_relate(document=later, actor=org.drafter, target=first, kind="supersedes")
    later = drive(org, later, S.ISSUED)
    secret = drive(org, draft(org, confidentiality="mat", subject="Văn bản mật"), S.ISSUED)
    drive(org, draft(org, subject="Chưa ban hành"), S.SIGNED)
    return [first, later, secret]


def test_rows_follow_the_numbers_with_ten_columns_and_notes(org: Any) -> None:
    first, later, _secret = _issued(org)
    rows = register_rows(agency=org.vss, year=first.year)
    assert [r.number_symbol for r in rows] == [first.number_symbol, later.number_symbol]
    assert len(rows[0].cells()) == 10
    assert rows[0].recipients == ("Bộ Y tế", "Bảo hiểm xã hội các tỉnh")
    assert rows[0].copies == 4 and rows[0].file_copy == "VT, CSYT"
    assert later.number_symbol in rows[0].notes
    confidential = register_rows(agency=org.vss, year=first.year, series="confidential")
    assert [r.number_symbol for r in confidential] == ["01/BHXH-CSYT"]


def test_the_xlsx_export_has_every_row_and_keeps_formulas_as_text(org: Any) -> None:
    first, later, _secret = _issued(org)
    response = _client(org.clerk).get(reverse("reports_register_xlsx"), {"year": first.year})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert len(values) == 3 and len(values[0]) == 10
    assert values[2][2].startswith("Quyết định: =") or values[2][2].startswith("'")
    assert values[1][0] == first.number_symbol


@pytest.mark.django_db(transaction=True)
def test_the_register_prints_as_a_landscape_pdf_by_the_worker(org: Any) -> None:
    first, _later, _secret = _issued(org)
    client = _client(org.clerk)
    client.post(
        reverse("reports_register_print"),
        {"agency": "vss", "year": first.year, "series": "ordinary"},
    )
    job = RegisterPrint.objects.get()
    assert job.status == "ready" and job.rows == 2
    pdf = client.get(reverse("reports_register_pdf", args=[job.pk]))
    reader = PdfReader(io.BytesIO(b"".join(pdf.streaming_content)))
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    text = " ".join(page.extract_text().split())
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in text and "Năm 2" in text and "Năm 2." not in text
    assert first.number_symbol in text and "Tên loại và trích yếu nội dung" in text
    assert "Văn bản mật" not in text


def test_a_drafter_cannot_read_the_register_and_only_clerks_and_signers_the_secret_one(
    org: Any,
) -> None:
    refused = _client(org.drafter).get(reverse("reports_register"))
    assert (refused.status_code, refused.url) == (302, "/admin/")  # Wagtail's refusal
    assert _client(org.head).get(reverse("reports_register")).status_code == 200
    secret = {"series": "confidential"}
    assert _client(org.head).get(reverse("reports_register"), secret).status_code == 302
    assert _client(org.clerk).get(reverse("reports_register"), secret).status_code == 200
