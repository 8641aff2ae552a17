"""A whole quarter, through the staff screens: last year's data and this quarter's uploaded,
the run created from the rules, changed, reviewed, signed and issued; then the letters are read
back from their PDFs as a facility would read them, each signed by the office."""

import io
from typing import Any

import pdfplumber
from openpyxl import Workbook
from pypdf import PdfReader

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reports.signing import pdf_signature_check
from workflows.warnings.models import WarningRun

from .conftest import HEADER, all_rows, cost_row, csv_bytes


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _xlsx(rows: list[list[str]]) -> bytes:
    workbook = Workbook()
    workbook.active.append(HEADER)
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _upload(client: Client, office: Any, quarter: str, content: bytes, name: str) -> None:
    upload = io.BytesIO(content)
    upload.name = name
    data = {"province": office.province.pk, "quarter": quarter, "file": upload}
    assert client.post(reverse("warnings_import"), data).status_code == 302


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\n".join(page.extract_text() for page in document.pages)


def _bytes(field: Any) -> bytes:
    with field.open("rb") as stored:
        return stored.read()


def _post(user: Any, name: str, *args: Any, **data: Any) -> Any:
    response = _client(user).post(reverse(name, args=args), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def test_from_upload_to_issued_letters_read_back_from_the_pdfs(
    office: Any, django_capture_on_commit_callbacks: Any, keep_pdf: Any
) -> None:
    verifier = _client(office.verifier)
    _upload(verifier, office, "2022Q4", csv_bytes(all_rows(estimate=10**11)), "2022q4.csv")
    rows = all_rows(estimate=10**11)
    rows[2] = cost_row("49012", total=2_300_000_000, estimate=10**11)
    rows[4] = cost_row("49014", rejected=140_000_000, estimate=10**11)
    _upload(verifier, office, "2023Q4", _xlsx(rows), "2023q4.xlsx")

    _post(office.verifier, "warnings_run_create", province=office.province.pk, quarter="2023Q4")
    run = WarningRun.objects.get()
    added = office.facilities["49016"]
    reason = "Qua giám định điện tử phát hiện chỉ định chụp cắt lớp vi tính tăng bất thường."
    _post(
        office.verifier, "warnings_item_add", run.pk, revision=1, facility=added.pk, reason=reason
    )
    _post(office.verifier, "warnings_run_act", run.pk, "submit", revision=2)
    _post(office.head, "warnings_run_act", run.pk, "approve", revision=3)
    with django_capture_on_commit_callbacks(execute=True):
        _post(office.signer, "warnings_run_act", run.pk, "issue", revision=4)

    run.refresh_from_db()
    assert (run.state, run.render_status, run.letters_rendered) == ("issued", "ready", 3)
    letters = {item.facility.code: item for item in run.items.filter(included=True)}
    assert sorted(letters) == ["49012", "49014", "49016"]
    today = timezone.localdate()

    growth = " ".join(_text(_bytes(letters["49012"].pdf)).split())
    keep_pdf("warning-49012.pdf", _bytes(letters["49012"].pdf))
    assert "BẢO HIỂM XÃ HỘI VIỆT NAM" in growth and "BẢO HIỂM XÃ HỘI TỈNH QUẢNG" in growth
    assert "Số: 01/BHXH-GĐBHYT" in growth
    assert f"Quảng Nam, ngày {today.day:02d}" in growth
    assert "Kính gửi: Trung tâm Y tế huyện Thăng Bình" in growth
    assert "tăng 15,00% so với cùng kỳ năm trước" in growth
    assert "2.300.000.000" in growth and "2.000.000.000" in growth
    assert "KT. GIÁM ĐỐC" in growth and "PHÓ GIÁM ĐỐC" in growth
    assert run.reply_by.strftime("%d/%m/%Y") in growth

    rejected = " ".join(_text(_bytes(letters["49014"].pdf)).split())
    assert "Số: 02/BHXH-GĐBHYT" in rejected
    assert "bằng 7,00% tổng chi phí" in rejected

    for item in letters.values():
        check = pdf_signature_check(_bytes(item.pdf))
        assert check.signed and check.intact and check.trusted

    manual = " ".join(_text(_bytes(letters["49016"].pdf)).split())
    assert "Số: 03/BHXH-GĐBHYT" in manual and reason in manual

    print_file = _bytes(run.print_file)
    keep_pdf("warning-print-file.pdf", print_file)
    pages = sum(len(PdfReader(io.BytesIO(_bytes(item.pdf))).pages) for item in letters.values())
    assert len(PdfReader(io.BytesIO(print_file)).pages) == pages
    printed = _text(print_file)
    assert [n in printed for n in ("01/BHXH", "02/BHXH", "03/BHXH")] == [True, True, True]
