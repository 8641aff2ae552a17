"""Putting issued documents on the portal."""

import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from workflows.documents.models import Document, DocumentKind
from workflows.documents.models.states import ISSUED_STATES

from .folding import fold, fold_padded
from .models import (
    DocumentDisplay,
    DocumentEntry,
    DocumentIndexPage,
    DocumentPage,
    DocumentRelation,
    HomePage,
    PortalGeneration,
)

logger = logging.getLogger(__name__)
PDF_TEXT_PAGES = 30


class DocumentNotIssued(ValueError):
    """Only issued documents are published."""


class DocumentConfidential(ValueError):
    """A confidential document is never published, nor is its existence."""


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
    """Create or refresh the page of an issued document and publish it; a document later
    amended, superseded or revoked keeps its page, refreshed."""
    document = Document.objects.select_related("agency").get(pk=document_pk)
    if document.state not in ISSUED_STATES:
        raise DocumentNotIssued(f"document {document_pk} is not issued")
    if document.is_confidential:
        raise DocumentConfidential(f"document {document_pk} is confidential")
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
        relations_mirror(page=page)
        document_entry_refresh(page=page)
    return page


def relations_mirror(*, page: DocumentPage) -> int:
    """The workflow's applied relations of the page's document (this decision revokes that one)
    as relations between pages, so both pages show them and the earlier one's status follows.
    Returns how many were new; documents without a page yet are left out."""
    document = page.source_document
    if document is None:
        return 0
    relations = list(document.relations.filter(applied_at__isnull=False))
    targets = {
        p.source_document_id: p
        for p in DocumentPage.objects.filter(
            source_document_id__in=[r.target_id for r in relations]
        )
    }
    made = 0
    for relation in relations:
        target = targets.get(relation.target_id)
        if target is not None:
            _row, created = DocumentRelation.objects.get_or_create(
                source=page, kind=relation.kind, target=target
            )
            made += created
    return made


def document_entry_refresh(*, page: DocumentPage) -> DocumentEntry | None:
    """Rebuild the page's search and listing record from what the page shows now; drop it when
    the page is not live. Every cached public page is invalidated."""
    page = DocumentPage.objects.select_related("source_document__agency", "agency").get(pk=page.pk)
    portal_generation_bump()
    if not page.live:
        DocumentEntry.objects.filter(page=page).delete()
        return None
    display = page.display()
    issued_on = display.issued_on
    vi_kind, en_kind = _kind_names(page)
    entry, _created = DocumentEntry.objects.update_or_create(
        page=page,
        defaults={
            "number_key": fold(display.number_symbol),
            "heading": fold_padded(
                f"{vi_kind} {display.number_symbol} {display.subject} {en_kind}"
            ),
            "text": fold_padded(f"{vi_kind} {en_kind}\n{_full_text(page, display)}"),
            "kind": page.source_document.kind if page.source_document else page.kind,
            "agency": page.source_document.agency if page.source_document else page.agency,
            "issued_on": issued_on,
            "year": issued_on.year if issued_on else None,
            "sort_on": issued_on or page.first_published_at.date(),
            "in_force_from": display.effective_on or issued_on or page.first_published_at.date(),
            "expires_on": display.expires_on,
        },
    )
    return entry


def _kind_names(page: DocumentPage) -> tuple[str, str]:
    """The type in Vietnamese and in English, so 'chi thi 25' and 'directive 25' both find
    Chỉ thị 25/CT-BYT."""
    kind = page.source_document.kind if page.source_document else page.kind
    if not kind:
        return "", ""
    names = []
    for language in ("vi", "en"):
        with translation.override(language):
            names.append(str(DocumentKind(kind).label))
    return names[0], names[1]


def _full_text(page: DocumentPage, display: DocumentDisplay) -> str:
    topics = " ".join(topic.name for topic in page.topics.all())
    annexes = " ".join(annex.title for annex in page.annexes.all())
    parts = [display.number_symbol, display.subject, display.agency, display.text, topics, annexes]
    return "\n".join([*parts, _pdf_text(page)])


def _pdf_text(page: DocumentPage) -> str:
    """The text of the signed PDF an editor attached; a workflow document's PDF prints its own
    body, which is indexed already."""
    if page.pdf_file is None:
        return ""
    try:
        with page.pdf_file.file.open("rb") as stream:
            pages = PdfReader(stream).pages[:PDF_TEXT_PAGES]
            return "\n".join(pdf_page.extract_text() or "" for pdf_page in pages)
    except (OSError, PyPdfError, ValueError):
        logger.warning("could not read the text of page %s's PDF", page.pk, exc_info=True)
        return ""


def portal_generation_bump() -> int:
    """Every cached public page is stale once this commits: readers keep the old generation,
    and the pages cached under it, until then."""
    updated = PortalGeneration.objects.filter(pk=1).update(number=F("number") + 1)
    if not updated:
        PortalGeneration.objects.get_or_create(pk=1, defaults={"number": 1})
    return PortalGeneration.objects.get(pk=1).number


def document_page_count_view(*, page_pk: int) -> None:
    """One more reading of the page, for the home page's 'most read'."""
    DocumentEntry.objects.filter(page_id=page_pk).update(views=F("views") + 1)


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
