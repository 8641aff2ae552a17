"""Putting issued documents on the portal."""

from django.conf import settings
from django.db import transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from workflows.documents.models import Document, DocumentState

from .models import DocumentIndexPage, DocumentPage, HomePage


class DocumentNotIssued(ValueError):
    """Only issued documents are published."""


def portal_ensure_pages() -> DocumentIndexPage:
    """Make the portal's home page the default site's root and give it its document listing.
    Idempotent: running it again changes nothing."""
    with transaction.atomic():
        _ensure_locale()
        home = _ensure_home()
        index = DocumentIndexPage.objects.child_of(home).first()
        if index is None:
            index = DocumentIndexPage(title="Văn bản", slug="van-ban")
            home.add_child(instance=index)
            index.save_revision().publish()
    return index


def _ensure_locale() -> None:
    """Wagtail's migrations make the default locale; an emptied database (tests) may lack it."""
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )


def document_page_publish(*, document_pk: int) -> DocumentPage:
    """Create or refresh the page of an issued document and publish it."""
    document = Document.objects.select_related("agency").get(pk=document_pk)
    if document.state != DocumentState.ISSUED:
        raise DocumentNotIssued(f"document {document_pk} is not issued")
    index = portal_ensure_pages()
    with transaction.atomic():
        page = DocumentPage.objects.select_for_update().filter(source_document=document).first()
        if page is None:
            page = DocumentPage(source_document=document, slug=_free_slug(index, document))
            _copy_fields(page, document)
            index.add_child(instance=page)
        else:
            _copy_fields(page, document)
        page.save_revision().publish()
    return page


def _copy_fields(page: DocumentPage, document: Document) -> None:
    """Kept on the page for search and sorting; the page displays the document row itself."""
    page.title = f"{document.number_symbol} – {document.subject}"[:255]
    page.number_symbol = document.number_symbol
    page.kind = document.kind
    page.agency = document.agency
    page.signer_name = document.signer_name
    page.issued_on = document.issued_on
    page.subject = document.subject
    page.body = document.body


def _free_slug(index: DocumentIndexPage, document: Document) -> str:
    base = f"{document.file_stem}-{document.year}"[:70]
    taken = set(Page.objects.child_of(index).values_list("slug", flat=True))
    return base if base not in taken else f"{base}-{document.pk}"


def _ensure_home() -> HomePage:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = HomePage(title="Cổng văn bản điều phối BHXH – Bộ Y tế", slug="trang-chu", live=True)
        root.add_child(instance=home)
        home.save_revision().publish()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        _drop_wagtail_welcome_page(old_root)
    return home


def _drop_wagtail_welcome_page(page: Page) -> None:
    """Wagtail's installation leaves a bare 'Welcome' page; remove it once it is not the root."""
    if page.specific_class is Page and page.get_children_count() == 0:
        page.delete()
