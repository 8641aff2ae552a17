"""An issued warning letter is an issued paper like any other: an archival PDF/A-3b with its data
attached, a verification code and QR code printed on it, and a public page that tells a facility
whether the file in its hands is the one the office issued."""

import hashlib
import io
import json
import re
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from reports.models import IssuedPdf
from workflows.warnings import services
from workflows.warnings.models import RenderStatus, WarningItem, WarningRun

from .test_runs import Q4, _step, _to_signature, flagged_quarter


def _issue(office: Any, capture: Any) -> WarningRun:
    flagged_quarter(office)
    run = services.warning_run_create(actor=office.verifier, province=office.province, period=Q4)
    run = _to_signature(run, office)
    with capture(execute=True):
        return _step(run, "issue", office.signer)


@pytest.fixture
def issued(office: Any, django_capture_on_commit_callbacks: Any) -> list[WarningItem]:
    run = _issue(office, django_capture_on_commit_callbacks)
    return list(run.items.filter(included=True).order_by("number"))


def _bytes(item: WarningItem) -> bytes:
    with item.pdf.open("rb") as stored:
        return stored.read()


def test_each_letter_is_pdf_a_3b_with_its_snapshot_attached(issued: list[WarningItem]) -> None:
    for item in issued:
        reader = PdfReader(io.BytesIO(_bytes(item)))
        metadata = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
        assert re.search(r'pdfaid:part(>|=")3', metadata), metadata
        assert re.search(r'pdfaid:conformance(>|=")B', metadata), metadata
        assert len(reader.trailer["/ID"]) == 2, "PDF/A wants a file identifier"
        attached = json.loads(reader.attachments["snapshot.json"][0])
        assert attached["number_line"] == f"Số: {item.number_symbol}"
        assert attached["addressees"] == [item.facility.name]
        assert attached["verification"]["code"] == item.issued_pdf.verification_code


def test_each_letter_prints_its_own_verification_code_and_qr(issued: list[WarningItem]) -> None:
    codes = {item.issued_pdf.verification_code for item in issued}
    assert len(codes) == len(issued), "every letter has its own code"
    for item in issued:
        code = item.issued_pdf.verification_code
        with pdfplumber.open(io.BytesIO(_bytes(item))) as pdf:
            page = pdf.pages[-1]
            text = " ".join(page.extract_text().split())
            assert f"Mã xác thực: {code}" in text
            assert f"/xac-thuc/{code}/" in text.replace(" ", ""), "the URL, wrapped or not"
            qr = [image for image in page.images if image["width"] == pytest.approx(56.7, abs=1)]
            assert len(qr) == 1, "a 20 mm QR image under the recipients"


def test_the_verification_page_names_the_letter_and_knows_the_issued_file(
    issued: list[WarningItem],
) -> None:
    item = issued[0]
    pdf = _bytes(item)
    record = IssuedPdf.objects.get(warning_item=item)
    assert record.sha256 == hashlib.sha256(pdf).hexdigest() and record.size == len(pdf)
    assert record.signed and record.signature_valid
    reader = Client()
    page = reader.get(f"/xac-thuc/{record.verification_code}/").content.decode()
    assert item.number_symbol in page
    assert "Bảo hiểm xã hội tỉnh Quảng Nam" in page
    assert item.facility.name in page
    assert record.sha256 in page

    same = SimpleUploadedFile("thu.pdf", pdf, content_type="application/pdf")
    answer = reader.post(f"/xac-thuc/{record.verification_code}/", {"file": same})
    assert 'class="verdict ok"' in answer.content.decode()

    changed = bytearray(pdf)
    changed[len(changed) // 2] ^= 0x01
    other = SimpleUploadedFile("thu.pdf", bytes(changed), content_type="application/pdf")
    verdict = reader.post(f"/xac-thuc/{record.verification_code}/", {"file": other})
    assert 'class="verdict bad"' in verdict.content.decode()


def test_printing_again_keeps_each_letters_code(
    office: Any, django_capture_on_commit_callbacks: Any
) -> None:
    run = _issue(office, django_capture_on_commit_callbacks)
    before = dict(IssuedPdf.objects.values_list("warning_item", "verification_code"))
    assert len(before) == 2
    WarningRun.objects.filter(pk=run.pk).update(render_status=RenderStatus.FAILED)
    run.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.warning_run_render_again(run=run, actor=office.verifier)
    assert dict(IssuedPdf.objects.values_list("warning_item", "verification_code")) == before
