"""An issued document leaves VSS as an edXML package and arrives in Quảng Nam's incoming
register with every field equal and its signed PDF identical byte for byte; the sender sees
the status notices on its outgoing document."""

import io
from datetime import date
from typing import Any

import pytest
from lxml import etree
from pypdf import PdfReader

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reports.documents import document_store_pdf
from tests.workflows.steps import to_state
from workflows.documents.models import Confidentiality, Document, DocumentState
from workflows.exchange.edxml.envelope import qualified
from workflows.exchange.exceptions import NotExportable
from workflows.exchange.export import document_export_edxml
from workflows.exchange.models import IncomingDocument

from .conftest import QNAM_CODE, VSS_CODE, find

ADDRESSEES = "Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương"
DISTRIBUTION = "Như trên;\nTổng Giám đốc (để b/c)"


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _issued(org: Any, **fields: Any) -> Document:
    fields.setdefault("subject", "Về việc thực hiện khoản 6 Điều 22 Luật Bảo hiểm y tế")
    fields.setdefault("body", "Bảo hiểm xã hội Việt Nam đề nghị các tỉnh thực hiện.\nĐoạn hai.")
    document = to_state(
        org,
        DocumentState.ISSUED,
        addressees=ADDRESSEES,
        distribution=DISTRIBUTION,
        urgency="khan",
        **fields,
    )
    document_store_pdf(document_pk=document.pk)
    document.refresh_from_db()
    return document


def _export(org: Any, qnam: Any, document: Document, **params: Any) -> bytes:
    url = reverse("exchange_export", args=[document.pk])
    response = _client(org.clerk).get(url, {"to": qnam.agency.pk, **params})
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Disposition"].endswith('.edxml"')
    return response.content


def _import(qnam: Any, raw: bytes) -> IncomingDocument:
    upload = SimpleUploadedFile("goi.edxml", raw, content_type="application/xml")
    response = _client(qnam.clerk).post(
        reverse("exchange_import"), {"agency": qnam.agency.pk, "package": upload}
    )
    incoming = IncomingDocument.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("exchange_incoming", args=[incoming.pk])
    return incoming


def test_every_field_survives_the_round_trip_and_the_pdf_is_identical(org: Any, qnam: Any) -> None:
    document = _issued(org)
    raw = _export(org, qnam, document, due_on="2026-12-20")
    incoming = _import(qnam, raw)
    with document.pdf.open("rb") as handle:
        pdf = handle.read()
    attachment = incoming.attachments.get()
    with attachment.file.open("rb") as handle:
        assert handle.read() == pdf
    assert (attachment.content_type, attachment.name) == (
        "application/pdf",
        f"{document.file_stem}.pdf",
    )
    assert {
        "number_symbol": incoming.number_symbol,
        "promulgated_on": incoming.promulgated_on,
        "place": incoming.place,
        "type_name": incoming.type_name,
        "subject": incoming.subject,
        "content": incoming.content,
        "signer": (incoming.signer_competence, incoming.signer_position, incoming.signer_name),
        "priority": incoming.priority,
        "due_on": incoming.due_on,
        "pages": incoming.page_amount,
        "to_places": incoming.to_places,
        "sender": (incoming.sender_code, incoming.sender_name, incoming.sender_agency),
        "source": incoming.source_document,
    } == {
        "number_symbol": document.number_symbol,
        "promulgated_on": document.issued_on,
        "place": org.vss.place,
        "type_name": "Công văn",
        "subject": document.subject,
        "content": document.body,
        "signer": (document.signer_authority, document.signer_position, document.signer_name),
        "priority": 1,
        "due_on": date(2026, 12, 20),
        "pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "to_places": [ADDRESSEES, "Như trên;", "Tổng Giám đốc (để b/c)"],
        "sender": (VSS_CODE, org.vss.name, org.vss),
        "source": document,
    }
    assert (
        incoming.package_id == f"{VSS_CODE},{document.issued_on:%Y/%m/%d},{document.number_symbol}"
    )
    assert (incoming.state, incoming.arrival_number, incoming.year) == (
        "arrived",
        1,
        timezone.localdate().year,
    )


def test_the_package_uses_the_standards_element_names(org: Any, qnam: Any) -> None:
    document = _issued(org)
    root = etree.fromstring(
        document_export_edxml(document=document, receivers=[qnam.agency], actor=org.drafter)
    )
    assert root.tag == qualified("edXMLEnvelope")
    header = "edXMLHeader/MessageHeader"
    texts = {
        path: find(root, f"{header}/{path}").text
        for path in (
            "From/OrganId",
            "From/OrganName",
            "From/OrganAdd",
            "To/OrganId",
            "Code/CodeNumber",
            "Code/CodeNotation",
            "PromulgationInfo/Place",
            "DocumentType/TypeName",
            "SignerInfo/Competence",
            "SignerInfo/Position",
            "SignerInfo/FullName",
            "OtherInfo/Priority",
            "SteeringType",
        )
    }
    number, notation = document.number_symbol.split("/", 1)
    assert texts == {
        "From/OrganId": VSS_CODE,
        "From/OrganName": "Bảo hiểm xã hội Việt Nam",
        "From/OrganAdd": "Số 7 Tràng Thi",
        "To/OrganId": QNAM_CODE,
        "Code/CodeNumber": number,
        "Code/CodeNotation": notation,
        "PromulgationInfo/Place": "Hà Nội",
        "DocumentType/TypeName": "Công văn",
        "SignerInfo/Competence": "KT. Tổng Giám đốc",
        "SignerInfo/Position": "Phó Tổng Giám đốc",
        "SignerInfo/FullName": document.signer_name,
        "OtherInfo/Priority": "1",
        "SteeringType": "0",
    }
    assert find(root, "edXMLHeader/TraceHeaderList/TraceHeader/OrganId").text == VSS_CODE
    assert find(root, "edXMLBody/edXMLManifest/Reference/ContentType").text == "application/pdf"


def test_the_sender_sees_each_status_notice_on_its_document(
    org: Any, qnam: Any, committed: Any
) -> None:
    document = _issued(org)
    raw = document_export_edxml(document=document, receivers=[qnam.agency], actor=org.clerk)
    with committed():
        incoming = _import(qnam, raw)
    with committed():
        _client(qnam.clerk).post(
            reverse("exchange_incoming_act", args=[incoming.pk, "accept"]),
            {"revision": incoming.revision},
        )
    notices = list(document.status_notices.order_by("at", "pk"))
    assert [(n.status_code, n.receiver_name) for n in notices] == [
        ("01", qnam.agency.name),
        ("03", qnam.agency.name),
    ]
    page = _client(org.drafter).get(reverse("workflow_document", args=[document.pk])).content
    accepted = timezone.localtime(notices[1].at)
    assert f"03 Đã tiếp nhận — {qnam.agency.name}, {accepted:%H:%M %d/%m/%Y}" in page.decode()


@pytest.mark.parametrize("problem", ["draft", "confidential", "no_pdf", "no_code", "same_agency"])
def test_only_an_issued_public_document_with_its_pdf_is_exported(
    org: Any, qnam: Any, problem: str
) -> None:
    receivers = [qnam.agency]
    if problem == "draft":
        document = to_state(org, DocumentState.AWAITING_SIGNATURE)
    else:
        document = _issued(org)
    if problem == "confidential":
        Document.objects.filter(pk=document.pk).update(confidentiality=Confidentiality.CONFIDENTIAL)
    if problem == "no_pdf":
        Document.objects.filter(pk=document.pk).update(pdf_status="pending")
    if problem == "no_code":
        qnam.vss.__class__.objects.filter(pk=org.vss.pk).update(edxml_code="")
    if problem == "same_agency":
        receivers = [org.vss]
    document.refresh_from_db()
    with pytest.raises(NotExportable):
        document_export_edxml(document=document, receivers=receivers, actor=org.clerk)


def test_the_export_form_shows_only_on_an_exportable_document(org: Any, qnam: Any) -> None:
    issued = _issued(org)
    page = _client(org.drafter).get(reverse("workflow_document", args=[issued.pk])).content.decode()
    assert 'data-testid="export-form"' in page
    assert f"{qnam.agency.name} ({QNAM_CODE})" in page
    draft = to_state(org, DocumentState.DRAFTING)
    page = _client(org.drafter).get(reverse("workflow_document", args=[draft.pk])).content.decode()
    assert 'data-testid="export-form"' not in page


def test_a_refused_export_says_why_on_the_document_page(org: Any, qnam: Any) -> None:
    document = _issued(org)
    Document.objects.filter(pk=document.pk).update(pdf_status="pending")
    client = _client(org.clerk)
    response = client.get(reverse("exchange_export", args=[document.pk]), {"to": qnam.agency.pk})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Bản PDF đã ký số chưa sẵn sàng" in page
