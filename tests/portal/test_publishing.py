"""Issued documents appear on the portal by themselves, with their PDF, and stay correct."""

from typing import Any

import pytest

from django.core.files.base import ContentFile
from django.test import Client

from wagtail.models import Page, Site

from coordination.portal.models import DocumentIndexPage, DocumentPage, HomePage
from coordination.portal.publishing import (
    DocumentNotIssued,
    document_page_publish,
    portal_ensure_pages,
)
from tests.reports.conftest import issue
from workflows.documents import services
from workflows.documents.models import Document, DocumentKind, PdfStatus

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_portal_pages_are_made_once_and_replace_wagtails_welcome_page() -> None:
    first = portal_ensure_pages()
    second = portal_ensure_pages()
    assert first.pk == second.pk
    assert HomePage.objects.count() == 1
    assert DocumentIndexPage.objects.count() == 1
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert not Page.objects.filter(depth=2).exclude(pk=HomePage.objects.get().pk).exists()


def test_issuing_publishes_a_page_showing_the_number_and_the_pdf_link(org: Any) -> None:
    document = issue(org)
    page = DocumentPage.objects.get(source_document=document)
    assert page.live
    response = Client().get(page.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Số: 01/BHXH-CSYT" in content
    assert f"/pdf/van-ban/{document.pk}/" in content
    pdf = Client().get(f"/pdf/van-ban/{document.pk}/")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_publishing_again_does_not_duplicate_the_page(org: Any) -> None:
    document = issue(org)
    document_page_publish(document_pk=document.pk)
    assert DocumentPage.objects.filter(source_document=document).count() == 1


def test_an_old_revision_cannot_roll_back_what_the_page_shows(org: Any) -> None:
    document = issue(org)
    page = DocumentPage.objects.get(source_document=document)
    old_revision = page.latest_revision
    page.title = "Tiêu đề sửa tay"
    page.save_revision().publish()
    Document.objects.filter(pk=document.pk).update(signer_name="Trần Thị B")
    old_revision.publish()
    content = Client().get(page.url).content.decode()
    assert "Số: 01/BHXH-CSYT" in content
    assert "Trần Thị B" in content


def test_a_draft_is_never_published(org: Any) -> None:
    draft = services.document_create(
        actor=org.drafter,
        unit=org.csyt,
        kind=DocumentKind.OFFICIAL_LETTER,
        subject="Nháp",
        body="x",
    )
    with pytest.raises(DocumentNotIssued):
        document_page_publish(document_pk=draft.pk)
    assert Client().get(f"/pdf/van-ban/{draft.pk}/").status_code == 404


def test_the_pdf_is_not_offered_before_it_is_ready(org: Any) -> None:
    document = issue(org)
    Document.objects.filter(pk=document.pk).update(pdf_status=PdfStatus.PENDING)
    page = DocumentPage.objects.get(source_document=document)
    content = Client().get(page.url).content.decode()
    assert f"/pdf/van-ban/{document.pk}/" not in content
    assert Client().get(f"/pdf/van-ban/{document.pk}/").status_code == 404


def test_listing_and_home_show_documents_in_a_bounded_number_of_queries(
    org: Any, django_assert_max_num_queries: Any
) -> None:
    for n in range(3):
        issue(org, subject=f"Về việc số {n}")
    client = Client()
    with django_assert_max_num_queries(12):
        listing = client.get("/van-ban/")
    for n in range(3):
        assert f"Về việc số {n}" in listing.content.decode()
    assert "03/BHXH-CSYT" in client.get("/").content.decode()


def test_a_hand_published_document_shows_its_own_fields(org: Any) -> None:
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
    content = Client().get(page.url).content.decode()
    assert "Số: 38-CT/TW" in content
    assert "Ban Bí thư yêu cầu." in content


def test_a_pdf_file_name_is_ascii(org: Any) -> None:
    document = issue(org)
    document.pdf.save("x.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    response = Client().get(f"/pdf/van-ban/{document.pk}/")
    assert "01-bhxh-csyt.pdf" in response["Content-Disposition"]
