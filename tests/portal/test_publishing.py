"""Issued documents get one portal page each, and what the page shows cannot be rolled back."""

from collections.abc import Callable
from importlib import import_module

import pytest

from django.apps import apps
from django.test import Client

from wagtail import hooks
from wagtail.models import Page, Site

from coordination.organisation.models import Agency, AgencyKind, Unit
from coordination.portal.models import DocumentIndexPage, DocumentPage, HomePage, PortalGeneration
from coordination.portal.publishing import (
    DocumentConfidential,
    DocumentNotIssued,
    document_page_publish,
    portal_ensure_pages,
)
from coordination.portal.wagtail_hooks import publish_issued_document
from workflows.documents.models import Document, DocumentState

pytestmark = pytest.mark.django_db


def test_the_portal_pages_are_made_once_and_replace_wagtails_welcome_page() -> None:
    first = portal_ensure_pages()
    second = portal_ensure_pages()
    home = HomePage.objects.get()
    assert first.pk == second.pk
    assert first.slug == "van-ban"
    assert DocumentIndexPage.objects.count() == 1
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()


def test_publishing_makes_a_live_page_showing_the_number(issued: Document) -> None:
    page = document_page_publish(document_pk=issued.pk)
    assert page.live
    assert page.slug == "01-bhxh-csyt-2026"
    assert page.url == "/van-ban/01-bhxh-csyt-2026/"
    assert page.title.startswith("01/BHXH-CSYT – Về việc cảnh báo")
    response = Client().get(page.url)
    assert response.status_code == 200
    assert "Số: 01/BHXH-CSYT" in response.content.decode()


def test_publishing_again_updates_the_one_page(issued: Document) -> None:
    first = document_page_publish(document_pk=issued.pk)
    Document.objects.filter(pk=issued.pk).update(subject="Về việc sửa đổi")
    second = document_page_publish(document_pk=issued.pk)
    assert second.pk == first.pk
    assert DocumentPage.objects.count() == 1
    second.refresh_from_db()
    assert second.slug == "01-bhxh-csyt-2026"
    assert second.title == "01/BHXH-CSYT – Về việc sửa đổi"


def test_an_old_revision_cannot_roll_back_what_the_page_shows(issued: Document) -> None:
    page = document_page_publish(document_pk=issued.pk)
    old_revision = page.latest_revision
    Document.objects.filter(pk=issued.pk).update(
        number_symbol="07/BHXH-CSYT", signer_name="Lê Văn C"
    )
    document_page_publish(document_pk=issued.pk)
    old_revision.publish()
    content = Client().get(page.url).content.decode()
    assert "Số: 07/BHXH-CSYT" in content
    assert "Lê Văn C" in content
    assert "01/BHXH-CSYT" not in content.split("<main", 1)[1]


@pytest.mark.parametrize(
    "state", [DocumentState.DRAFTING, DocumentState.AWAITING_SIGNATURE, DocumentState.SIGNED]
)
def test_a_document_not_yet_issued_is_refused(
    make_document: Callable[..., Document], state: DocumentState
) -> None:
    document = make_document(state=state, number=None)
    with pytest.raises(DocumentNotIssued):
        document_page_publish(document_pk=document.pk)
    assert not DocumentPage.objects.exists()


def test_a_clashing_number_symbol_still_gets_a_page_of_its_own(
    make_document: Callable[..., Document],
) -> None:
    first = document_page_publish(document_pk=make_document().pk)
    province = Agency.objects.create(
        code="bhxh-qna",
        name="Bảo hiểm xã hội tỉnh Quảng Nam",
        symbol="BHXH",
        kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY,
    )
    unit = Unit.objects.create(agency=province, name="Phòng Giám định BHYT", symbol="CSYT")
    second = document_page_publish(document_pk=make_document(agency=province, unit=unit).pk)
    assert second.slug != first.slug
    assert "Bảo hiểm xã hội tỉnh Quảng Nam" in Client().get(second.url).content.decode()


def test_the_document_issued_hook_publishes_the_page(issued: Document) -> None:
    assert publish_issued_document in hooks.get_hooks("document_issued")
    publish_issued_document(issued.pk)
    assert DocumentPage.objects.get(source_document=issued).live


def test_a_confidential_document_gets_no_page(make_document: Callable[..., Document]) -> None:
    secret = make_document(confidentiality="mat")
    publish_issued_document(secret.pk)
    assert not DocumentPage.objects.filter(source_document=secret).exists()
    with pytest.raises(DocumentConfidential):
        document_page_publish(document_pk=secret.pk)
    assert not DocumentPage.objects.exists()


def test_pages_published_before_for_confidential_documents_are_taken_down(
    make_document: Callable[..., Document],
) -> None:
    public = document_page_publish(document_pk=make_document().pk)
    leaked = document_page_publish(document_pk=make_document(number=2).pk)
    Document.objects.filter(pk=leaked.source_document_id).update(confidentiality="mat")
    before = PortalGeneration.objects.get(pk=1).number
    migration = import_module("coordination.portal.migrations.0007_unpublish_confidential")
    migration.unpublish_confidential(apps, None)
    assert [p.live for p in DocumentPage.objects.order_by("pk")] == [True, False]
    assert DocumentPage.objects.get(pk=public.pk).live
    assert PortalGeneration.objects.get(pk=1).number == before + 1
    assert Client().get(leaked.url).status_code == 404


def test_a_published_document_is_found_by_wagtail_search(
    make_document: Callable[..., Document],
) -> None:
    found = document_page_publish(document_pk=make_document(subject="Về việc trục lợi quỹ").pk)
    document_page_publish(document_pk=make_document(number=2, subject="Về việc khác").pk)
    results = list(DocumentPage.objects.live().search("trục lợi"))
    assert [page.pk for page in results] == [found.pk]
