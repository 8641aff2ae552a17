"""One published document as the API answers it, built from what ``selectors.api_pages`` read:
no query here but the site's root, once per request."""

from datetime import date, datetime

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import cached_property

from wagtail.models import Site

from coordination.portal.models import (
    DocumentPage,
    DocumentRelation,
    DocumentStatus,
    RelationKind,
)
from workflows.documents.models import Document, DocumentKind, PdfStatus

from .schemas import (
    AgencyOut,
    DocumentOut,
    PdfOut,
    RelatedOut,
    Relation,
    SignerOut,
    TopicOut,
    VerificationOut,
)
from .selectors import PagesRead, day_start

API_NAMESPACE = "api_v1"
INVERSE = {
    RelationKind.AMENDS: Relation.AMENDED_BY,
    RelationKind.SUPERSEDES: Relation.SUPERSEDED_BY,
    RelationKind.REVOKES: Relation.REVOKED_BY,
    RelationKind.IMPLEMENTS: Relation.IMPLEMENTED_BY,
}


class Links:
    """Absolute links, on the host the client called."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def api_document(self, pk: int) -> str:
        return self.absolute(reverse(f"{API_NAMESPACE}:document_detail", args=[pk]))

    def page(self, page: DocumentPage) -> str:
        return self.absolute("/" + page.url_path.removeprefix(self._site_root))

    @cached_property
    def _site_root(self) -> str:
        root = Site.objects.filter(is_default_site=True).values_list("root_page__url_path")
        return (root.first() or ("/",))[0]


def documents_out(read: PagesRead, *, links: Links, today: date) -> list[DocumentOut]:
    return [document_out(page, read=read, links=links, today=today) for page in read.pages]


def document_out(page: DocumentPage, *, read: PagesRead, links: Links, today: date) -> DocumentOut:
    display = page.display()
    source = page.source_document
    kind = source.kind if source else page.kind
    relations = [r for r in read.relations if page.pk in (r.source_id, r.target_id)]
    return DocumentOut(
        id=page.pk,
        number_symbol=display.number_symbol,
        type=DocumentKind(kind) if kind else None,
        type_label=str(DocumentKind(kind).label) if kind else "",
        issuing_agencies=_agencies(page),
        signers=_signers(page),
        issued_on=display.issued_on,
        effective_on=display.effective_on,
        expires_on=display.expires_on,
        subject=display.subject,
        summary=display.summary,
        status=DocumentStatus(page.status),
        status_label=str(DocumentStatus(page.status).label),
        topics=[TopicOut(slug=t.slug, name=t.name) for t in page.topics.all()],
        relations=[_related(page, r, links) for r in relations],
        url=links.page(page),
        api_url=links.api_document(page.pk),
        pdf=_pdf(page, links),
        verification=_verification(source, links),
        updated_at=_updated_at(page, relations, today),
    )


def _agencies(page: DocumentPage) -> list[AgencyOut]:
    source = page.source_document
    if source is None:
        agencies = [page.agency] if page.agency else []
    elif source.is_joint and source.counterpart_agency:
        agencies = [source.agency, source.counterpart_agency]
    else:
        agencies = [source.agency]
    return [
        AgencyOut(code=a.code, name=a.name, symbol=a.symbol, lead=index == 0)
        for index, a in enumerate(agencies)
    ]


def _signers(page: DocumentPage) -> list[SignerOut]:
    """A joint document's signatures on its issued version, the lead agency's first; else the
    signer the document names."""
    source = page.source_document
    if source is None:
        code = page.agency.code if page.agency else None
        return [_signer(page.signer_name, "", "", code)] if page.signer_name else []
    if not source.is_joint:
        signer = _signer(
            source.signer_name, source.signer_position, source.signer_authority, source.agency.code
        )
        return [signer] if source.signer_name else []
    signed = [s for s in source.signatures.all() if s.version.number == source.version_number]
    signed.sort(key=lambda s: s.agency_id != source.agency_id)
    return [_signer(s.name, s.position, s.authority, s.agency.code) for s in signed]


def _signer(name: str, position: str, authority: str, agency: str | None) -> SignerOut:
    return SignerOut(name=name, position=position, authority=authority, agency=agency)


def _related(page: DocumentPage, relation: DocumentRelation, links: Links) -> RelatedOut:
    outgoing = relation.source_id == page.pk
    other = relation.target if outgoing else relation.source
    return RelatedOut(
        relation=Relation(relation.kind) if outgoing else INVERSE[relation.kind],
        id=other.pk,
        number_symbol=other.number_symbol,
        subject=other.subject or other.title,
        api_url=links.api_document(other.pk),
    )


def _pdf(page: DocumentPage, links: Links) -> PdfOut | None:
    source = page.source_document
    if source is None:
        if page.pdf_file is None:
            return None
        file = page.pdf_file
        return PdfOut(url=links.absolute(file.url), size=file.file_size, sha256=None)
    if source.pdf_status != PdfStatus.READY:
        return None
    issued = getattr(source, "issued_pdf", None)
    return PdfOut(
        url=links.absolute(reverse("portal_document_pdf", args=[source.pk])),
        size=issued.size if issued else None,
        sha256=(issued.sha256 or None) if issued else None,
    )


def _verification(source: Document | None, links: Links) -> VerificationOut | None:
    issued = getattr(source, "issued_pdf", None) if source else None
    if issued is None or source.pdf_status != PdfStatus.READY:
        return None
    url = reverse("portal_verification", args=[issued.verification_code])
    return VerificationOut(code=issued.verification_code, url=links.absolute(url))


def _updated_at(page: DocumentPage, relations: list[DocumentRelation], today: date) -> datetime:
    """The latest of what ``selectors._changed_since`` looks at."""
    entry = page.entry
    source = page.source_document
    moments = [entry.indexed_at]
    if source is not None:
        moments.append(source.updated_at)
        issued = getattr(source, "issued_pdf", None)
        moments += [issued.rendered_at] if issued else []
    days = [entry.in_force_from, entry.expires_on]
    for relation in relations:
        moments.append(relation.created_at)
        if relation.target_id == page.pk:
            source_entry = getattr(relation.source, "entry", None)
            days.append(source_entry.in_force_from if source_entry else None)
    moments += [day_start(day) for day in days if day is not None and day <= today]
    return max(moments)
