"""Issued documents read back from their PDFs as a clerk would check them (Decree 30)."""

import io
import unicodedata
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from django.core.files.storage import default_storage
from django.utils import timezone

from coordination.organisation.names import person_name
from reports.documents import document_html, document_store_pdf
from reports.render import FetchRefused, StaticOnlyFetcher, render_pdf
from reports.snapshot import vietnamese_date
from workflows.documents.models import Document, DocumentKind, PdfStatus

from .conftest import LONG_BODY, issue

MM = 72 / 25.4


def _pdf(document: Document) -> bytes:
    document.refresh_from_db()
    assert document.pdf_status == PdfStatus.READY, document.pdf_error
    with default_storage.open(document.pdf.name, "rb") as stored:
        return stored.read()


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.django_db(transaction=True)
def test_issuing_renders_a_pdf_with_the_decree_30_parts_in_order(org: Any, keep_pdf: Any) -> None:
    document = issue(org)
    pdf = _pdf(document)
    keep_pdf("official-letter.pdf", pdf)
    text = _text(pdf)
    expected_in_order = [
        "BẢO HIỂM XÃ HỘI VIỆT NAM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 01/BHXH-CSYT",
        f"Hà Nội, {vietnamese_date(timezone.localdate())}",
        "V/v thực hiện khoản 6 Điều 22 Luật Bảo hiểm y tế",
        "Kính gửi: Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương.",
        "Bảo hiểm xã hội Việt Nam đề nghị các đơn vị thực hiện.",
        "Nơi nhận:",
        "KT. TỔNG GIÁM ĐỐC",
        "PHÓ TỔNG GIÁM ĐỐC",
        "- Như trên;",
        "- Lưu: VT, CSYT.",
    ]
    flat = " ".join(text.split())
    positions = [flat.find(" ".join(part.split())) for part in expected_in_order]
    assert -1 not in positions, dict(zip(expected_in_order, positions, strict=True))
    assert person_name(org.signer) in flat


def test_vietnamese_dates_have_decree_30_leading_zeros() -> None:
    import datetime

    assert vietnamese_date(datetime.date(2020, 1, 5)) == "ngày 05 tháng 01 năm 2020"
    assert vietnamese_date(datetime.date(2026, 2, 15)) == "ngày 15 tháng 02 năm 2026"
    assert vietnamese_date(datetime.date(2026, 11, 23)) == "ngày 23 tháng 11 năm 2026"
    assert vietnamese_date(datetime.date(2026, 3, 9)) == "ngày 09 tháng 3 năm 2026"


@pytest.mark.django_db(transaction=True)
def test_fonts_are_embedded_liberation_serif_subsets(org: Any) -> None:
    reader = PdfReader(io.BytesIO(_pdf(issue(org))))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, "font not embedded"
            fonts.add(str(font["/BaseFont"]))
    assert fonts
    assert all("Liberation-Serif" in name and "+" in name for name in fonts), fonts


@pytest.mark.django_db(transaction=True)
def test_margins_and_page_numbers_follow_decree_30(org: Any, keep_pdf: Any) -> None:
    pdf = _pdf(issue(org, body=LONG_BODY))
    keep_pdf("long-letter.pdf", pdf)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) >= 2
        first, second = document.pages[0], document.pages[1]
        body_lines = [w for w in second.extract_words() if w["top"] > 30 * MM]
        left = min(word["x0"] for word in body_lines)
        assert abs(left - 35 * MM) < 1 * MM, left / MM
        right = max(word["x1"] for word in body_lines)
        assert abs((second.width - right) - 20 * MM) < 1 * MM, (second.width - right) / MM
        top_of_text = min(w["top"] for w in first.extract_words())
        assert abs(top_of_text - 25 * MM) < 2 * MM, top_of_text / MM
        numbers_in_top_margin = [w for w in second.extract_words() if w["bottom"] < 25 * MM]
        assert [w["text"] for w in numbers_in_top_margin] == ["2"]
        centre = (numbers_in_top_margin[0]["x0"] + numbers_in_top_margin[0]["x1"]) / 2
        assert abs(centre - (35 * MM + (second.width - 55 * MM) / 2)) < 2 * MM
        assert [w for w in first.extract_words() if w["bottom"] < 24 * MM] == []


@pytest.mark.django_db(transaction=True)
def test_user_text_prints_as_text_never_as_markup(org: Any) -> None:
    hostile = '<img src="file:///etc/passwd"> <style>body{display:none}</style> <b>đậm</b>'
    pdf = _pdf(issue(org, body=hostile, subject="Về việc <script>alert(1)</script>"))
    text = " ".join(_text(pdf).split())
    assert '<img src="file:///etc/passwd">' in text
    assert "<style>body{display:none}</style>" in text
    assert "<script>alert(1)</script>" in text


@pytest.mark.django_db(transaction=True)
def test_decomposed_vietnamese_prints_like_composed(org: Any) -> None:
    subject = "Về việc giám định bảo hiểm y tế tại Quảng Nam"
    nfd = unicodedata.normalize("NFD", subject)
    text = _text(_pdf(issue(org, subject=nfd, body=unicodedata.normalize("NFD", "Điều chỉnh."))))
    assert "giám định bảo hiểm y tế tại Quảng Nam" in " ".join(text.split())
    assert "Điều chỉnh." in text


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:5432/",
        "https://example.org/logo.png",
        "https://print.coordination.invalid/static/../../etc/passwd",
        "https://print.coordination.invalid/media/documents/x.pdf",
    ],
)
def test_the_fetcher_refuses_everything_but_static_files(url: str) -> None:
    with pytest.raises(FetchRefused):
        StaticOnlyFetcher().fetch(url)


def test_the_fetcher_serves_the_vendored_font() -> None:
    url = "https://print.coordination.invalid/static/reports/fonts/LiberationSerif-Regular.ttf"
    response = StaticOnlyFetcher().fetch(url)
    assert response.status == 200


def test_a_page_asking_for_a_local_file_renders_without_it() -> None:
    pdf = render_pdf('<p>An toàn</p><img src="file:///etc/passwd"><img src="/etc/hostname">')
    assert b"root:" not in pdf
    assert "An toàn" in _text(pdf)


@pytest.mark.django_db(transaction=True)
def test_a_failed_render_keeps_the_good_file_and_records_why(
    org: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = issue(org)
    good = _pdf(document)
    good_name = Document.objects.get(pk=document.pk).pdf.name

    def broken(html: str, **kwargs: Any) -> bytes:
        raise RuntimeError("printer on fire")

    monkeypatch.setattr("reports.documents.render_document", broken)
    with pytest.raises(RuntimeError):
        document_store_pdf(document_pk=document.pk)
    document.refresh_from_db()
    assert document.pdf_status == PdfStatus.FAILED
    assert "printer on fire" in document.pdf_error
    assert document.pdf.name == good_name
    with default_storage.open(good_name, "rb") as stored:
        assert stored.read() == good


@pytest.mark.django_db(transaction=True)
def test_the_preview_is_the_same_snapshot_as_the_pdf(org: Any) -> None:
    document = issue(org, kind=DocumentKind.DIRECTIVE)
    html = document_html(document, preview=True)
    assert "Số: 01/CT-BHXH" in html
    assert "CHỈ THỊ" in html
    assert "Số: 01/CT-BHXH" in _text(_pdf(document))


@pytest.mark.django_db(transaction=True)
def test_the_verification_code_stays_on_the_page_of_the_signature(org: Any) -> None:
    pdf = _pdf(issue(org, body=LONG_BODY))
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
    last = pages[-1]
    assert "Nơi nhận:" in last
    assert "Mã xác thực:" in last
    assert person_name(org.signer) in last
    assert "Đoạn 39." in last, "the signature page carries some of the body"
