"""Issued PDFs are signed (PAdES), archival (PDF/A-3b with their data attached) and verifiable."""

import hashlib
import io
import json
import re
from typing import Any

import pytest
from pypdf import PdfReader

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from reports.models import IssuedPdf
from reports.signing import pdf_signature_check
from workflows.documents.models import Document

from .conftest import issue

pytestmark = pytest.mark.django_db(transaction=True)


def _stored(document: Document) -> bytes:
    document.refresh_from_db()
    with default_storage.open(document.pdf.name, "rb") as stored:
        return stored.read()


def test_an_issued_pdf_carries_a_valid_signature_that_breaks_when_one_byte_changes(
    org: Any,
) -> None:
    pdf = _stored(issue(org))
    check = pdf_signature_check(pdf)
    assert check.valid, check
    assert "Bảo hiểm xã hội Việt Nam" in check.signer
    tampered = bytearray(pdf)
    middle = len(pdf) // 3
    tampered[middle] = (tampered[middle] + 1) % 256
    broken = pdf_signature_check(bytes(tampered))
    assert not broken.valid
    assert broken.signed


def test_the_visible_stamp_sits_in_the_signature_block(org: Any) -> None:
    reader = PdfReader(io.BytesIO(_stored(issue(org))))
    widgets = [
        annotation.get_object()
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/FT") == "/Sig"
    ]
    assert len(widgets) == 1
    left, bottom, right, top = (float(v) for v in widgets[0]["/Rect"])
    page = reader.pages[0]
    width = float(page.mediabox.width)
    assert left > width / 2, "the stamp is in the right-hand signature column"
    assert right - left == pytest.approx(60 * 72 / 25.4, abs=1)
    words = page.extract_text()
    assert "PHÓ TỔNG GIÁM ĐỐC" in words


def test_archival_copy_declares_pdf_a_3b_and_attaches_its_data(org: Any) -> None:
    document = issue(org)
    reader = PdfReader(io.BytesIO(_stored(document)))
    metadata = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part(>|=")3', metadata), metadata
    assert re.search(r'pdfaid:conformance(>|=")B', metadata), metadata
    attached = json.loads(reader.attachments["snapshot.json"][0])
    assert attached["number_line"] == "Số: 01/BHXH-CSYT"
    assert attached["verification"]["code"] == document.issued_pdf.verification_code


def test_the_pdf_prints_its_verification_code_and_the_page_shows_the_facts(org: Any) -> None:
    document = issue(org)
    pdf = _stored(document)
    issued = IssuedPdf.objects.get(document=document)
    assert issued.sha256 == hashlib.sha256(pdf).hexdigest()
    assert issued.signature_valid
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert f"Mã xác thực: {issued.verification_code}" in text
    page = Client().get(f"/xac-thuc/{issued.verification_code}/")
    content = page.content.decode()
    assert page.status_code == 200
    assert "01/BHXH-CSYT" in content
    assert issued.sha256 in content


@pytest.mark.parametrize(
    ("change", "identical", "signature_words"),
    [
        (None, True, "Its digital signature is valid."),
        ("flip", False, "Its digital signature is broken or not trusted."),
    ],
    ids=["the-issued-file", "one-byte-changed"],
)
def test_uploading_a_copy_tells_whether_it_is_the_issued_file(
    org: Any, change: str | None, identical: bool, signature_words: str
) -> None:
    document = issue(org)
    pdf = bytearray(_stored(document))
    if change == "flip":
        pdf[len(pdf) // 3] ^= 0x01
    client = Client()
    client.cookies["django_language"] = "en"
    code = document.issued_pdf.verification_code
    response = client.post(
        f"/xac-thuc/{code}/", {"file": SimpleUploadedFile("copy.pdf", bytes(pdf))}
    )
    content = response.content.decode()
    assert ("This is the issued file, unchanged." in content) is identical
    assert signature_words in content


def test_a_file_that_is_not_a_pdf_is_refused_clearly(org: Any) -> None:
    document = issue(org)
    client = Client()
    client.cookies["django_language"] = "en"
    response = client.post(
        f"/xac-thuc/{document.issued_pdf.verification_code}/",
        {"file": SimpleUploadedFile("x.pdf", b"<html>not a pdf</html>")},
    )
    assert "This file is not a PDF." in response.content.decode()


def test_an_unknown_code_is_not_found(db: None) -> None:
    assert Client().get("/xac-thuc/AAAAA-BBBBB/").status_code == 404


def test_the_stamp_text_keeps_the_fonts_natural_spacing(org: Any) -> None:
    """Glyph widths in a PDF are thousandths of an em; written in the font's own units (2048 per
    em), the stamp's letters would spread apart and run out of its box."""
    page = PdfReader(io.BytesIO(_stored(issue(org)))).pages[0]
    widget = next(a.get_object() for a in page["/Annots"] if a.get_object().get("/FT") == "/Sig")
    widths = [
        width
        for font in _fonts_of(widget["/AP"]["/N"].get_object())
        for entry in font["/DescendantFonts"][0].get_object()["/W"]
        if isinstance(entry, list)
        for width in entry
    ]
    assert widths
    assert max(widths) <= 1000
    assert 200 < sum(widths) / len(widths) < 700


def _fonts_of(xobject: Any) -> list[Any]:
    resources = xobject.get("/Resources", {})
    fonts = [font.get_object() for font in resources.get("/Font", {}).values()]
    for inner in resources.get("/XObject", {}).values():
        fonts += _fonts_of(inner.get_object())
    return fonts


def test_a_joint_document_is_signed_by_both_agencies_each_in_its_own_block(org: Any) -> None:
    """Lead agency (VSS) on the right, partner (MoH) on the left, two valid PAdES signatures."""
    from tests.workflows.steps import draft, drive
    from workflows.documents.models import DocumentKind, DocumentState

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
    pdf = _stored(document)
    check = pdf_signature_check(pdf)
    assert check.valid, check
    assert "Bảo hiểm xã hội Việt Nam" in check.signer and ";" in check.signer
    reader = PdfReader(io.BytesIO(pdf))
    rects = sorted(
        float(annotation.get_object()["/Rect"][0])
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/FT") == "/Sig"
    )
    width = float(reader.pages[0].mediabox.width)
    assert len(rects) == 2 and rects[0] < width / 2 < rects[1]
    text = "".join(page.extract_text() for page in reader.pages)
    assert "BỘ Y TẾ" in text and "BẢO HIỂM XÃ HỘI VIỆT NAM" in text
    assert "/TTLT-BHXH-BYT" in text
