"""Annexes of a document entered by hand: PDFs an editor uploads with the page, listed and
downloadable on it, checked by their content whatever their names say."""

import io
from collections.abc import Callable
from typing import Any

import pytest
from pypdf import PdfWriter

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.documents.models import Document as WagtailDocument
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from coordination.organisation.models import Agency, Person
from coordination.portal.models import DocumentAnnex, DocumentEntry, DocumentPage

pytestmark = pytest.mark.django_db


def _pdf_bytes(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


def _upload(title: str, content: bytes, name: str = "phu-luc.pdf") -> WagtailDocument:
    return WagtailDocument.objects.create(title=title, file=ContentFile(content, name=name))


@pytest.fixture
def editor(db: None) -> Person:
    return Person.objects.create_superuser("editor", password="pw")


@pytest.fixture
def procedure(vss: Agency, publish_manual: Callable[..., DocumentPage]) -> DocumentPage:
    return publish_manual(
        "3618-qd-bhxh",
        number_symbol="3618/QĐ-BHXH",
        kind="decision",
        agency=vss,
        subject="Ban hành Quy trình giám định bảo hiểm y tế",
    )


def _edit(client: Client, page: DocumentPage, annexes: list[dict], **fields: Any) -> Any:
    """The Wagtail editor's form, as the browser posts it when publishing."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "number_symbol": page.number_symbol,
        "kind": page.kind,
        "agency": page.agency_id or "",
        "subject": page.subject,
        "body": page.body,
        "annexes": inline_formset(annexes),
        "comments": inline_formset([]),
        "action-publish": "action-publish",
        **fields,
    }
    return client.post(f"/admin/pages/{page.pk}/edit/", nested_form_data(data))


def test_an_editor_uploads_annexes_that_readers_list_and_download(
    editor: Person, procedure: DocumentPage
) -> None:
    client = Client()
    client.force_login(editor)
    first = _upload("Phụ lục I", _pdf_bytes(2), "phu-luc-1.pdf")
    second = _upload("Phụ lục II", _pdf_bytes(), "phu-luc-2.pdf")
    response = _edit(
        client,
        procedure,
        [
            {"title": "Phụ lục I. Danh mục cơ sở khám chữa bệnh", "file": first.pk},
            {"title": "Phụ lục II. Mẫu biên bản giám định", "file": second.pk},
        ],
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = DocumentPage.objects.get(pk=procedure.pk)
    assert list(page.annexes.values_list("title", flat=True)) == [
        "Phụ lục I. Danh mục cơ sở khám chữa bệnh",
        "Phụ lục II. Mẫu biên bản giám định",
    ]
    html = Client().get(page.url).content.decode()
    listed = html.split('data-testid="annexes"')[1].split("</ul>")[0]
    assert "Phụ lục I. Danh mục cơ sở khám chữa bệnh" in listed and first.url in listed
    download = Client().get(first.url)
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert " mau bien ban giam dinh " in DocumentEntry.objects.get(page=page).text


def test_a_file_named_pdf_that_is_not_one_is_refused_and_nothing_is_saved(
    editor: Person, procedure: DocumentPage
) -> None:
    client = Client()
    client.force_login(editor)
    fake = _upload("Phụ lục giả", b"<html><script>alert(1)</script></html>", "phu-luc.pdf")
    response = _edit(client, procedure, [{"title": "Phụ lục I", "file": fake.pk}])
    assert response.status_code == 200
    assert "không phải là tệp PDF (đã kiểm tra theo nội dung tệp)" in response.content.decode()
    assert not DocumentAnnex.objects.exists()
    assert (
        DocumentPage.objects.get(pk=procedure.pk).get_latest_revision().content.get("annexes", [])
        == []
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"PK\x03\x04 a spreadsheet", "không phải là tệp PDF"),
        (b"%PDF-1.7\n garbage without structure", "bị hỏng"),
        (_pdf_bytes(0), "không có trang nào"),
    ],
)
def test_annexes_and_the_signed_pdf_are_checked_by_content(
    procedure: DocumentPage, content: bytes, problem: str
) -> None:
    upload = _upload("Tệp tải lên", content)
    annex = DocumentAnnex(page=procedure, title="Phụ lục", file=upload)
    with pytest.raises(Exception, match=problem):
        annex.full_clean()
    procedure.pdf_file = upload
    with pytest.raises(Exception, match=problem):
        procedure.full_clean()


def test_a_page_with_many_annexes_costs_the_same_queries(
    procedure: DocumentPage,
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert Client().get(procedure.url).status_code == 200
        return len(captured)

    def add(count: int) -> None:
        for number in range(count):
            file = _upload(f"Phụ lục {number}", _pdf_bytes())
            DocumentAnnex.objects.create(page=procedure, title=f"Phụ lục {number}", file=file)

    add(1)
    cache.clear()
    few = queries()
    add(6)
    cache.clear()
    assert queries() == few
