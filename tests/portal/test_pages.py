"""What a provincial reader sees: the listing, the document page and its PDF."""

from collections.abc import Callable
from typing import Any

import pytest

from django.test import Client

from coordination.portal.models import PAGE_SIZE, DocumentPage
from coordination.portal.publishing import document_page_publish, portal_ensure_pages
from workflows.documents.models import Document, DocumentKind, DocumentState

pytestmark = pytest.mark.django_db


def _main(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1]


def test_the_document_page_shows_the_issued_facts(issued: Document) -> None:
    page = document_page_publish(document_pk=issued.pk)
    content = _main(page.url)
    for fact in ["Số: 01/BHXH-CSYT", "Bảo hiểm xã hội Việt Nam", "Trần Thị B", "01/11/2026"]:
        assert fact in content
    assert "<p>Bảo hiểm xã hội Việt Nam đề nghị.</p>" in content
    assert "<p>Các đơn vị thực hiện trước ngày 15/12/2026.</p>" in content


def test_the_body_is_shown_as_text_never_as_html(
    make_document: Callable[..., Document],
) -> None:
    document = make_document(body='<script>alert("x")</script>\n<b>đậm</b>')
    content = _main(document_page_publish(document_pk=document.pk).url)
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content
    assert "&lt;b&gt;đậm&lt;/b&gt;" in content


def test_the_pdf_is_not_offered_before_it_is_ready(issued: Document) -> None:
    content = _main(document_page_publish(document_pk=issued.pk).url)
    assert f"/pdf/van-ban/{issued.pk}/" not in content
    assert 'role="status"' in content
    assert Client().get(f"/pdf/van-ban/{issued.pk}/").status_code == 404


def test_a_ready_pdf_is_linked_and_downloaded(
    issued: Document, attach_pdf: Callable[[Document], None]
) -> None:
    page = document_page_publish(document_pk=issued.pk)
    attach_pdf(issued)
    assert f'href="/pdf/van-ban/{issued.pk}/"' in _main(page.url)
    response = Client().get(f"/pdf/van-ban/{issued.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="01-bhxh-csyt.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_pdf_missing_from_storage_is_a_404_not_an_error(
    issued: Document, attach_pdf: Callable[[Document], None]
) -> None:
    attach_pdf(issued)
    issued.pdf.storage.delete(issued.pdf.name)
    assert Client().get(f"/pdf/van-ban/{issued.pk}/").status_code == 404


def test_the_pdf_of_a_document_not_issued_is_never_served(
    issued: Document, attach_pdf: Callable[[Document], None]
) -> None:
    attach_pdf(issued)
    Document.objects.filter(pk=issued.pk).update(state=DocumentState.SIGNED)
    assert Client().get(f"/pdf/van-ban/{issued.pk}/").status_code == 404


def test_the_listing_is_newest_first_and_paginated(
    make_document: Callable[..., Document], django_assert_max_num_queries: Any
) -> None:
    for number in range(1, PAGE_SIZE + 2):
        document_page_publish(document_pk=make_document(number=number).pk)
    with django_assert_max_num_queries(15):
        first = _main("/van-ban/")
    newest, oldest = f"{PAGE_SIZE + 1:02d}/BHXH-CSYT", "01/BHXH-CSYT"
    assert first.index(newest) < first.index(f"{PAGE_SIZE:02d}/BHXH-CSYT")
    assert oldest not in first
    assert f"{PAGE_SIZE + 1:02d}/11/2026" in first
    assert oldest in _main("/van-ban/?p=2")


def test_the_home_page_lists_the_latest_documents(issued: Document) -> None:
    document_page_publish(document_pk=issued.pk)
    content = _main("/")
    assert "01/BHXH-CSYT" in content
    assert "/van-ban/01-bhxh-csyt-2026/" in content


def test_a_document_issued_elsewhere_shows_the_editors_fields() -> None:
    index = portal_ensure_pages()
    page = DocumentPage(
        title="Chỉ thị 38-CT/TW",
        slug="38-ct-tw",
        number_symbol="38-CT/TW",
        kind=DocumentKind.DIRECTIVE,
        subject="Về đẩy mạnh công tác bảo hiểm y tế trong tình hình mới",
        body="Ban Bí thư yêu cầu.",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    content = _main(page.url)
    assert "Số: 38-CT/TW" in content
    assert "<p>Ban Bí thư yêu cầu.</p>" in content
    assert "/pdf/van-ban/" not in content


@pytest.mark.parametrize(
    "state", [DocumentState.AMENDED, DocumentState.SUPERSEDED, DocumentState.REVOKED]
)
def test_a_document_changed_by_a_later_one_keeps_its_page_and_pdf(
    issued: Document, attach_pdf: Callable[[Document], None], state: DocumentState
) -> None:
    attach_pdf(issued)
    Document.objects.filter(pk=issued.pk).update(state=state)
    page = document_page_publish(document_pk=issued.pk)
    assert "Số: 01/BHXH-CSYT" in _main(page.url)
    assert Client().get(f"/pdf/van-ban/{issued.pk}/").status_code == 200


def test_a_listing_counts_no_further_than_its_cap(
    make_document: Callable[..., Document], monkeypatch: Any
) -> None:
    for number in range(1, 4):
        document_page_publish(document_pk=make_document(number=number).pk)
    monkeypatch.setattr("coordination.portal.listing.COUNT_CAP", 2)
    assert "Hơn 2 văn bản" in _main("/van-ban/")
