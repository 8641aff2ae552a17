"""From a workflow document to the snapshot of its printed form (Decree 30/2020/NĐ-CP)."""

from django.utils import timezone

from workflows.documents.models import Document, DocumentKind, Urgency
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
        issuers=(
            Issuer(
                name=nfc(agency.name.upper()),
                parent=nfc(agency.parent.name.upper()) if agency.parent else "",
            ),
        ),
        number_line=_number_line(document),
        place_date=place_and_date(nfc(agency.place), document.issued_on, _year(document)),
        title=PRINTED_TITLE[DocumentKind(document.kind)],
        subject=nfc(document.subject.strip()),
        is_letter=is_letter,
        paragraphs=body_paragraphs(document.body),
        signatures=(_signature(document),),
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


def _signature(document: Document) -> SignatureBlock:
    return SignatureBlock(
        authority=nfc(document.signer_authority.upper()),
        position=nfc(document.signer_position.upper()),
        name=nfc(document.signer_name),
    )
