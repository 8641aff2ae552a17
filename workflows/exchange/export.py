"""An issued document as an edXML package: its header from the document and the issuing
agency, its signed PDF as the attachment. Exporting changes nothing; it is refused for drafts,
confidential documents, documents without their PDF and agencies without an exchange code."""

import io
from datetime import date
from typing import Any

from pypdf import PdfReader

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.organisation.models import Agency
from workflows.documents.models import Document, DocumentKind, PdfStatus
from workflows.documents.models.document import Urgency
from workflows.documents.selectors import documents_visible_to

from .edxml.content import PDF
from .edxml.envelope import (
    Attachment,
    Organisation,
    Package,
    Signer,
    Trace,
    document_id_of,
)
from .edxml.writer import package_write
from .exceptions import NotExportable

# DocumentType/Type: 1 an administrative document, 2 a legal normative one (a joint circular).
ADMINISTRATIVE, LEGAL_NORMATIVE = 1, 2
TYPE_NAMES = {
    DocumentKind.OFFICIAL_LETTER: "Công văn",
    DocumentKind.DIRECTIVE: "Chỉ thị",
    DocumentKind.DECISION: "Quyết định",
    DocumentKind.GUIDANCE: "Hướng dẫn",
    DocumentKind.PLAN: "Kế hoạch",
    DocumentKind.REPORT: "Báo cáo",
    DocumentKind.REGULATION: "Quy chế",
    DocumentKind.NOTICE: "Thông báo",
    DocumentKind.JOINT_CIRCULAR: "Thông tư liên tịch",
}
PRIORITIES = {Urgency.NORMAL: 0, Urgency.URGENT: 1, Urgency.VERY_URGENT: 2, Urgency.FLASH: 3}
ORDINARY_STEERING = 0
ATTACHMENT_DESCRIPTION = "Văn bản điện tử đã ký số"  # package data, kept in Vietnamese


def organisation_of(agency: Agency) -> Organisation:
    """An agency as the header names it: its code, name, governing body and contacts."""
    return Organisation(
        code=agency.edxml_code,
        name=agency.name,
        in_charge=agency.parent.name if agency.parent_id else agency.name,
        address=agency.address,
        email=agency.email,
        telephone=agency.telephone,
        website=agency.website,
    )


def exportable_receivers(document: Document) -> QuerySet[Agency]:
    """Every other active agency that has an exchange code, central ones first."""
    return (
        Agency.objects.filter(is_active=True)
        .exclude(edxml_code="")
        .exclude(pk=document.agency_id)
        .select_related("parent")
        .order_by("kind", "name")
    )


def check_exportable(document: Document, user: Any) -> None:
    if not documents_visible_to(user).filter(pk=document.pk).exists():
        raise NotExportable(_("You cannot see this document."))
    if not document.is_issued or document.is_confidential:
        raise NotExportable(_("Only an issued, non-confidential document can be exported."))
    if document.pdf_status != PdfStatus.READY or not document.pdf:
        raise NotExportable(_("The signed PDF is not ready yet; export it when it is."))
    if not document.agency.edxml_code:
        raise NotExportable(
            _("%(agency)s has no exchange code.") % {"agency": document.agency.name}
        )


def document_export_edxml(
    *, document: Document, receivers: list[Agency], actor: Any, due_on: date | None = None
) -> bytes:
    """The package of ``document`` addressed to ``receivers``, as UTF-8 XML."""
    check_exportable(document, actor)
    if not receivers or any(not a.edxml_code or a.pk == document.agency_id for a in receivers):
        raise NotExportable(_("Choose another agency that has an exchange code."))
    return package_write(document_package(document, receivers, due_on=due_on))


def document_package(
    document: Document, receivers: list[Agency], *, due_on: date | None
) -> Package:
    with document.pdf.open("rb") as handle:
        pdf = handle.read()
    number, _slash, notation = document.number_symbol.partition("/")
    sender = organisation_of(document.agency)
    places = tuple(
        line.strip()
        for line in f"{document.addressees}\n{document.distribution}".splitlines()
        if line.strip()
    )
    return Package(
        sender=sender,
        receivers=tuple(organisation_of(agency) for agency in receivers),
        document_id=document_id_of(
            sender_code=sender.code,
            promulgated_on=document.issued_on,
            number_symbol=document.number_symbol,
        ),
        code_number=number,
        code_notation=notation,
        place=document.agency.place,
        promulgated_on=document.issued_on,
        type_code=LEGAL_NORMATIVE if document.is_joint else ADMINISTRATIVE,
        type_name=TYPE_NAMES[DocumentKind(document.kind)],
        subject=document.subject,
        content=document.body,
        signer=Signer(
            competence=document.signer_authority,
            position=document.signer_position,
            full_name=document.signer_name,
        ),
        due_on=due_on,
        to_places=places,
        priority=PRIORITIES[Urgency(document.urgency)],
        steering_type=ORDINARY_STEERING,
        page_amount=len(PdfReader(io.BytesIO(pdf)).pages),
        promulgation_amount=len(places) + 2,  # as the outgoing register counts the copies
        typer_notation=document.unit.symbol,
        traces=(Trace(sender.code, timezone.now()),),
        attachments=(
            Attachment("cid:1", f"{document.file_stem}.pdf", PDF, pdf, ATTACHMENT_DESCRIPTION),
        ),
    )


def package_file_name(document: Document) -> str:
    return f"{document.file_stem}.edxml"
