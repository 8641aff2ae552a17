"""Printing a workflow document: its HTML (preview and PDF share it) and its stored, signed,
archival PDF."""

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from workflows.documents.models import Document, PdfStatus

from .letters.document import document_snapshot
from .models import IssuedPdf
from .render import ARCHIVAL_VARIANT, render_document
from .signing import FIELD_NAME, pdf_sign, pdf_signature_check
from .snapshot import DocumentSnapshot
from .verification import verification_for


def document_html(document: Document, *, preview: bool = False) -> str:
    return snapshot_html(document_snapshot(document), preview=preview)


def snapshot_html(snapshot: DocumentSnapshot, *, preview: bool = False) -> str:
    return render_to_string("reports/document.html", {"doc": snapshot, "preview": preview})


def document_store_pdf(*, document_pk: int) -> str:
    """Render, sign and store the PDF. The row points at the new file only once it is fully
    written, so a failure leaves the last good file in place and records the reason."""
    document = Document.objects.select_related("agency__parent", "unit", "counterpart_agency").get(
        pk=document_pk
    )
    issued, _created = IssuedPdf.objects.get_or_create(document=document)
    try:
        pdf = document_pdf_bytes(document, code=issued.verification_code)
        name = default_storage.save(
            f"documents/{_year(document)}/{document.file_stem}.pdf", ContentFile(pdf)
        )
    except Exception as exc:
        Document.objects.filter(pk=document_pk).update(
            pdf_status=PdfStatus.FAILED, pdf_error=f"{type(exc).__name__}: {exc}"
        )
        raise
    check = pdf_signature_check(pdf)
    IssuedPdf.objects.filter(pk=issued.pk).update(
        sha256=hashlib.sha256(pdf).hexdigest(),
        size=len(pdf),
        signed=check.signed,
        signature_valid=check.valid,
        certificate=check.signer[:300],
    )
    previous = document.pdf.name
    Document.objects.filter(pk=document_pk).update(
        pdf=name, pdf_status=PdfStatus.READY, pdf_error=""
    )
    if previous and previous != name:
        default_storage.delete(previous)
    return name


def document_pdf_bytes(document: Document, *, code: str) -> bytes:
    """The archival PDF/A-3b with the snapshot attached as JSON, signed when it was signed."""
    snapshot = document_snapshot(document).with_verification(verification_for(code))
    rendered = render_document(
        snapshot_html(snapshot),
        pdf_variant=ARCHIVAL_VARIANT,
        attachments={"snapshot.json": snapshot.to_json()},
    )
    if not document.is_issued or not document.signer_name:
        return rendered.pdf
    pdf = rendered.pdf
    for signer in _signers(document):
        pdf = pdf_sign(pdf, where=rendered.anchors[signer.pop("anchor")], **signer)
    return pdf


def _signers(document: Document) -> list[dict[str, str]]:
    """Who signs the file: the lead agency, then for a joint document its partner."""
    lead = {
        "agency_code": document.agency.code,
        "name": document.signer_name,
        "position": document.signer_position,
        "agency": document.agency.name,
        "anchor": "signature-1",
    }
    partner = document.counterpart_agency
    if not document.is_joint or partner is None:
        return [lead]
    signature = document.signatures_on_current_version().filter(agency=partner).first()
    if signature is None:
        return [lead]
    return [
        lead,
        {
            "agency_code": partner.code,
            "name": signature.name,
            "position": signature.position,
            "agency": partner.name,
            "anchor": "signature-2",
            "field_name": f"{FIELD_NAME}2",
        },
    ]


def _year(document: Document) -> int:
    return document.year or document.created_at.year
