"""The staff screens: who may register, read and act; refused uploads list their problems;
the register as a page, a spreadsheet and a printed PDF; bounded queries; escaping."""

import io
from typing import Any

import pdfplumber
from openpyxl import load_workbook

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UserFactory
from workflows.exchange.edxml.content import PDF
from workflows.exchange.edxml.envelope import Attachment
from workflows.exchange.models import IncomingDocument, IncomingRegisterPrint
from workflows.exchange.models import IncomingState as S

from .conftest import imported, one_page_pdf, raw_package
from .steps import act, to_state


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(raw: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("goi.edxml", raw, content_type="application/xml")


def test_only_a_clerk_opens_the_upload_page(qnam: Any) -> None:
    url = reverse("exchange_import")
    assert _client(qnam.clerk).get(url).status_code == 200
    refused = _client(qnam.officer).get(url)
    assert refused.status_code == 403
    assert 'data-testid="not-clerk"' in refused.content.decode()
    assert _client(qnam.signer).get(url).status_code == 403


def test_a_clerk_registers_only_for_their_own_agency(qnam: Any) -> None:
    response = _client(qnam.nghean_clerk).post(
        reverse("exchange_import"), {"agency": qnam.agency.pk, "package": _upload(raw_package())}
    )
    assert response.status_code == 400
    assert not IncomingDocument.objects.exists()


def test_a_refused_upload_lists_every_problem_and_stores_nothing(qnam: Any) -> None:
    raw = raw_package(subject="", due_on=None).replace(b"<edXML:Place>H", b"<edXML:Place>")
    response = _client(qnam.clerk).post(
        reverse("exchange_import"), {"agency": qnam.agency.pk, "package": _upload(raw)}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert 'data-testid="problems"' in page
    assert "Thiếu hoặc để trống edXML:Subject." in page
    assert "MessageHeader › Subject, dòng" in page
    assert not IncomingDocument.objects.exists()


def test_only_the_receiving_agencys_staff_see_the_document_and_its_register(
    org: Any, qnam: Any
) -> None:
    incoming = imported(qnam)
    detail = reverse("exchange_incoming", args=[incoming.pk])
    files = reverse("exchange_attachment", args=[incoming.pk, incoming.attachments.get().pk])
    for user, status in ((qnam.officer, 200), (qnam.nghean_clerk, 404), (org.clerk, 404)):
        client = _client(user)
        assert client.get(detail).status_code == status, user
        assert client.get(files).status_code == status, user
        assert client.get(reverse("exchange_package", args=[incoming.pk])).status_code == status
    page = _client(qnam.nghean_clerk).get(reverse("exchange_register")).content.decode()
    assert incoming.number_symbol not in page
    loner = UserFactory(username="nobody")
    assert _client(loner).get(reverse("exchange_register")).status_code == 403


def test_acting_through_the_page_and_a_stale_form(qnam: Any) -> None:
    incoming = imported(qnam)
    client = _client(qnam.clerk)
    url = reverse("exchange_incoming_act", args=[incoming.pk, "accept"])
    assert client.post(url, {"revision": incoming.revision}).status_code == 302
    stale = client.post(
        reverse("exchange_incoming_act", args=[incoming.pk, "return_to_sender"]),
        {"revision": incoming.revision, "comment": "Sai nơi nhận"},
    )
    assert stale.status_code == 409
    assert "Văn bản đã thay đổi" in stale.content.decode()
    assign = reverse("exchange_incoming_act", args=[incoming.pk, "assign"])
    done = _client(qnam.signer).post(
        assign,
        {
            "revision": incoming.revision + 1,
            "unit": qnam.verification.pk,
            "assignee": qnam.officer.pk,
        },
    )
    assert done.status_code == 302
    incoming.refresh_from_db()
    assert (incoming.state, incoming.assignee) == (S.ASSIGNED, qnam.officer)


def test_a_refused_step_is_shown_not_a_server_error(qnam: Any) -> None:
    incoming = imported(qnam)
    response = _client(qnam.officer).post(
        reverse("exchange_incoming_act", args=[incoming.pk, "accept"]),
        {"revision": incoming.revision},
    )
    assert response.status_code == 409
    assert 'data-testid="refusal"' in response.content.decode()
    assert (
        _client(qnam.clerk)
        .post(reverse("exchange_incoming_act", args=[incoming.pk, "destroy"]), {"revision": 1})
        .status_code
        == 404
    )


def test_text_from_a_package_is_escaped(qnam: Any) -> None:
    incoming = imported(qnam, subject="<script>alert('x')</script> Về việc")
    page = _client(qnam.clerk).get(reverse("exchange_incoming", args=[incoming.pk])).content
    assert b"<script>alert" not in page
    assert b"&lt;script&gt;alert" in page


def test_the_register_shows_decree_30_columns_and_exports_them(qnam: Any) -> None:
    incoming = to_state(qnam, S.PROCESSING)
    client = _client(qnam.officer)
    page = client.get(reverse("exchange_register")).content.decode()
    for heading in ("Số đến", "Ngày đến", "Tác giả", "Ký nhận", "Hạn giải quyết", "Ghi chú"):
        assert heading in page
    assert "4055/BHXH-CSYT" in page and "Khẩn" in page
    response = client.get(reverse("exchange_register_xlsx"), {"agency": "bhxh-49"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Số đến", "Ngày đến", "Tác giả")
    assert rows[1][0] == 1
    assert rows[1][3] == "4055/BHXH-CSYT"
    assert rows[1][6] == f"{qnam.verification.name} – {qnam.officer.get_full_name()}"
    assert rows[1][7].startswith(qnam.officer.get_full_name())
    assert rows[1][8].date() == incoming.due_on


def _registered(qnam: Any, count: int, start: int = 0) -> Any:
    for n in range(start, start + count):
        incoming = imported(qnam, document_id=f"doc-{n}", code_number=str(4000 + n))
        act(act(incoming, qnam.clerk, "accept"), qnam.signer, "assign", unit=qnam.verification)
    return incoming


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_register_and_document_pages_take_the_same_few_queries_at_any_size(qnam: Any) -> None:
    client = _client(qnam.officer)
    few = _registered(qnam, 1)
    small = (
        _queries(client, reverse("exchange_register")),
        _queries(client, reverse("exchange_incoming", args=[few.pk])),
    )
    many = _registered(qnam, 7, start=1)
    large = (
        _queries(client, reverse("exchange_register")),
        _queries(client, reverse("exchange_incoming", args=[many.pk])),
    )
    assert small == large
    assert large[0] <= 16 and large[1] <= 20


def test_the_printed_register_is_a_landscape_decree_30_table(qnam: Any, committed: Any) -> None:
    to_state(qnam, S.ASSIGNED)
    with committed():
        response = _client(qnam.clerk).post(
            reverse("exchange_register_print"), {"agency": "bhxh-49", "year": 2026}
        )
    assert response.status_code == 302
    job = IncomingRegisterPrint.objects.get()
    assert (job.status, job.rows) == ("ready", 1)
    pdf = _client(qnam.officer).get(reverse("exchange_register_pdf", args=[job.pk]))
    content = b"".join(pdf.streaming_content)
    with pdfplumber.open(io.BytesIO(content)) as document:
        page = document.pages[0]
        text = page.extract_text()
        assert page.width > page.height
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in text
    assert "BẢO HIỂM XÃ HỘI TỈNH QUẢNG NAM" in text
    assert "4055/BHXH-CSYT" in text
    assert (
        _client(qnam.nghean_clerk).get(reverse("exchange_register_pdf", args=[job.pk])).status_code
        == 404
    )


def test_a_status_notice_downloads_for_both_agencies_only(org: Any, qnam: Any) -> None:
    notice = imported(qnam).notices.get()
    url = reverse("exchange_notice", args=[notice.pk])
    response = _client(qnam.officer).get(url)
    assert response.status_code == 200
    assert b"<edXML:StatusCode>01</edXML:StatusCode>" in response.content
    assert _client(qnam.nghean_clerk).get(url).status_code == 404


def test_a_file_name_from_a_package_neither_climbs_folders_nor_breaks_headers(qnam: Any) -> None:
    pdf = one_page_pdf()
    name = "..\\\\..\\\\tmp/evil\r\nX-Injected: 1.pdf"
    incoming = imported(qnam, attachments=(Attachment("cid:1", name, PDF, pdf),))
    attachment = incoming.attachments.get()
    assert attachment.name == "evil X-Injected: 1.pdf"
    assert ".." not in attachment.file.name
    response = _client(qnam.clerk).get(
        reverse("exchange_attachment", args=[incoming.pk, attachment.pk])
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf
    assert "X-Injected" not in response.headers
