"""From a workflow document to the snapshot of its printed form (Decree 30/2020/NĐ-CP)."""

from django.utils import timezone

from workflows.documents.models import Document, DocumentKind, Urgency
from workflows.documents.models.kinds import ABBREVIATION, PRINTED_TITLE

from ..snapshot import DocumentSnapshot, SignatureBlock, nfc, place_and_date

URGENCY_MARK = {
    Urgency.URGENT: "KHẨN",
    Urgency.VERY_URGENT: "THƯỢNG KHẨN",
    Urgency.FLASH: "HỎA TỐC",
}


def document_snapshot(document: Document) -> DocumentSnapshot:
    agency = document.agency
    is_letter = document.kind == DocumentKind.OFFICIAL_LETTER
    addressees = _lines(document.addressees)
    return DocumentSnapshot(
        parent_agency=nfc(agency.parent.name.upper()) if agency.parent else "",
        agency=nfc(agency.name.upper()),
        number_line=_number_line(document),
        place_date=place_and_date(nfc(agency.place), document.issued_on, _year(document)),
        title=PRINTED_TITLE[DocumentKind(document.kind)],
        subject=nfc(document.subject.strip()),
        is_letter=is_letter,
        paragraphs=tuple(_lines(document.body)),
        signatures=(_signature(document),),
        recipients=_recipients(document, has_addressees=bool(addressees) and is_letter),
        addressees=tuple(addressees),
        urgency=URGENCY_MARK.get(Urgency(document.urgency), ""),
    )


def _year(document: Document) -> int:
    return document.year or timezone.localdate().year


def _number_line(document: Document) -> str:
    if document.number_symbol:
        return f"Số: {document.number_symbol}"
    if document.kind == DocumentKind.OFFICIAL_LETTER:
        return f"Số:        /{document.agency.symbol}-{document.unit.symbol}"
    return f"Số:        /{ABBREVIATION[DocumentKind(document.kind)]}-{document.agency.symbol}"


def _signature(document: Document) -> SignatureBlock:
    return SignatureBlock(
        authority=nfc(document.signer_authority.upper()),
        position=nfc(document.signer_position.upper()),
        name=nfc(document.signer_name),
    )


def _recipients(document: Document, *, has_addressees: bool) -> tuple[str, ...]:
    lines = ["Như trên"] if has_addressees else []
    lines += [line.strip("-–;. ") for line in _lines(document.distribution)]
    formatted = [f"- {line};" for line in lines if line]
    formatted.append(f"- Lưu: VT, {nfc(document.unit.symbol)}.")
    return tuple(formatted)


def _lines(text: str) -> list[str]:
    return [nfc(line.strip()) for line in text.splitlines() if line.strip()]
