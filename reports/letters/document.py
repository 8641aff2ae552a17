"""From a workflow document to the snapshot of its printed form (Decree 30/2020/NĐ-CP)."""

import dataclasses

from django.utils import timezone

from coordination.organisation.models import Agency
from workflows.documents.models import Document, DocumentKind, DocumentSignature, Urgency
from workflows.documents.models.kinds import ABBREVIATION, PRINTED_TITLE

from ..snapshot import DocumentSnapshot, Issuer, SignatureBlock, nfc, place_and_date
from .body import body_paragraphs

URGENCY_MARK = {
    Urgency.URGENT: "KHẨN",
    Urgency.VERY_URGENT: "THƯỢNG KHẨN",
    Urgency.FLASH: "HỎA TỐC",
}


def document_snapshot(document: Document) -> DocumentSnapshot:
    agency = document.agency
    is_letter = document.kind == DocumentKind.OFFICIAL_LETTER
    addressees = lines_of(document.addressees)
    return DocumentSnapshot(
        issuers=tuple(_issuer(a, joint=document.is_joint) for a in _issuing_agencies(document)),
        number_line=_number_line(document),
        place_date=place_and_date(nfc(agency.place), document.issued_on, _year(document)),
        title=PRINTED_TITLE[DocumentKind(document.kind)],
        subject=nfc(document.subject.strip()),
        is_letter=is_letter,
        paragraphs=body_paragraphs(document.body),
        signatures=_signatures(document),
        recipients=recipients_lines(
            document.distribution,
            unit_symbol=document.unit.symbol,
            as_above=bool(addressees) and is_letter,
        ),
        addressees=tuple(addressees),
        urgency=URGENCY_MARK.get(Urgency(document.urgency), ""),
    )


def recipients_lines(distribution: str, *, unit_symbol: str, as_above: bool) -> tuple[str, ...]:
    """'Nơi nhận' lines: '- Như trên;' when there are addressees, then '- Lưu: VT, <unit>.'"""
    lines = ["Như trên"] if as_above else []
    lines += [line.strip("-–;. ") for line in lines_of(distribution)]
    formatted = [f"- {line};" for line in lines if line]
    formatted.append(f"- Lưu: VT, {nfc(unit_symbol)}.")
    return tuple(formatted)


def lines_of(text: str) -> list[str]:
    return [nfc(line.strip()) for line in text.splitlines() if line.strip()]


def _year(document: Document) -> int:
    return document.year or timezone.localdate().year


def _number_line(document: Document) -> str:
    if document.number_symbol:
        return f"Số: {document.number_symbol}"
    if document.kind == DocumentKind.OFFICIAL_LETTER:
        return f"Số:        /{document.agency.symbol}-{document.unit.symbol}"
    return f"Số:        /{ABBREVIATION[DocumentKind(document.kind)]}-{document.agency.symbol}"


def _issuing_agencies(document: Document) -> list[Agency]:
    """The lead agency, and for a joint document its partner after it (Decree 30)."""
    if document.is_joint and document.counterpart_agency is not None:
        return [document.agency, document.counterpart_agency]
    return [document.agency]


def _issuer(agency: Agency, *, joint: bool) -> Issuer:
    parent = agency.parent.name.upper() if agency.parent and not joint else ""
    return Issuer(name=nfc(agency.name.upper()), parent=nfc(parent))


def _signatures(document: Document) -> tuple[SignatureBlock, ...]:
    """One block, or for a joint document one per agency side by side, the lead on the right
    (its anchor ``signature-1`` is where the lead's PAdES stamp goes, ``signature-2`` the
    partner's)."""
    if not document.is_joint or document.counterpart_agency is None:
        return (_block(document.signer_authority, document.signer_position, document.signer_name),)
    signed = {s.agency_id: s for s in document.signatures_on_current_version()}
    lead, partner = document.agency, document.counterpart_agency
    return (
        _joint_block(signed.get(partner.pk), partner, "signature-2"),
        _joint_block(signed.get(lead.pk), lead, "signature-1"),
    )


def _joint_block(
    signature: DocumentSignature | None, agency: Agency, anchor: str
) -> SignatureBlock:
    block = _block(*(_parts(signature) if signature else ("", "", "")))
    return dataclasses.replace(block, agency=nfc(agency.name.upper()), anchor=anchor)


def _parts(signature: DocumentSignature) -> tuple[str, str, str]:
    return signature.authority, signature.position, signature.name


def _block(authority: str, position: str, name: str) -> SignatureBlock:
    return SignatureBlock(
        authority=nfc(authority.upper()), position=nfc(position.upper()), name=nfc(name)
    )
