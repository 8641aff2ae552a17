"""The staff's print screens: the HTML preview of any document they may see, the stored PDF of an
issued one, and nothing of a document they may not see."""

import io
from typing import Any

import pdfplumber
import pytest

from django.test import Client
from django.urls import reverse

from reports.documents import document_html
from reports.render import render_pdf
from workflows.documents import services
from workflows.documents.models import Document, DocumentKind

from .conftest import issue

MM = 72 / 25.4


def _client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _draft(org: Any) -> Document:
    return services.document_create(
        actor=org.drafter,
        unit=org.csyt,
        kind=DocumentKind.OFFICIAL_LETTER,
        subject="Về việc rà soát chi phí <b>khám bệnh</b>",
        body="Đề nghị các đơn vị rà soát.",
        addressees="Bảo hiểm xã hội tỉnh Quảng Nam",
    )


def test_the_preview_of_a_draft_leaves_the_number_blank_and_escapes_user_text(org: Any) -> None:
    response = _client_for(org.drafter).get(
        reverse("reports_document_preview", args=[_draft(org).pk])
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Số:        /BHXH-CSYT" in content
    assert "Hà Nội, ngày      tháng      năm" in content
    assert "V/v rà soát chi phí &lt;b&gt;khám bệnh&lt;/b&gt;" in content
    assert 'class="official sheet"' in content
    assert "reports/official.css" in content


@pytest.mark.parametrize("name", ["reports_document_preview", "reports_document_pdf"])
def test_another_agency_cannot_open_a_draft_it_may_not_see(org: Any, name: str) -> None:
    response = _client_for(org.moh_drafter).get(reverse(name, args=[_draft(org).pk]))
    assert response.status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_issued_pdf_opens_inline_as_a_pdf(org: Any) -> None:
    document = issue(org)
    response = _client_for(org.moh_drafter).get(reverse("reports_document_pdf", args=[document.pk]))
    body = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert body.startswith(b"%PDF-")


def test_a_draft_has_no_pdf_to_open(org: Any) -> None:
    response = _client_for(org.drafter).get(reverse("reports_document_pdf", args=[_draft(org).pk]))
    assert response.status_code == 404


def test_someone_outside_the_staff_interface_is_sent_to_log_in(org: Any) -> None:
    response = Client().get(reverse("reports_document_preview", args=[_draft(org).pk]))
    assert response.status_code == 302


def test_a_draft_printed_from_its_preview_keeps_blanks_for_the_number_and_the_date(
    org: Any,
) -> None:
    pdf = render_pdf(document_html(_draft(org)))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        words = document.pages[0].extract_words()
    texts = [word["text"] for word in words]
    number, symbol = words[texts.index("Số:")], words[texts.index("/BHXH-CSYT")]
    assert symbol["x0"] - number["x1"] > 8 * MM, "room to write the number in"
    day, month = words[texts.index("ngày")], words[texts.index("tháng")]
    assert month["x0"] - day["x1"] > 6 * MM, "room to write the day in"
