"""Issued documents made directly with the ORM: the portal only reads what the workflow stored."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from django.core.files.base import ContentFile

from coordination.organisation.models import Agency, AgencyKind, Person, Unit
from workflows.documents.models import Document, DocumentKind, DocumentState, PdfStatus

BODY = "Bảo hiểm xã hội Việt Nam đề nghị.\nCác đơn vị thực hiện trước ngày 15/12/2026."
TINY_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_in_tmp(settings: Any, tmp_path: Path) -> None:
    """PDF files written by a test go to its own folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def vss(db: None) -> Agency:
    return Agency.objects.create(
        code="vss", name="Bảo hiểm xã hội Việt Nam", symbol="BHXH", kind=AgencyKind.CENTRAL
    )


@pytest.fixture
def csyt(vss: Agency) -> Unit:
    return Unit.objects.create(agency=vss, name="Ban Thực hiện chính sách BHYT", symbol="CSYT")


@pytest.fixture
def drafter(db: None) -> Person:
    return Person.objects.create(username="vss.drafter", last_name="Nguyễn Văn", first_name="A")


@pytest.fixture
def make_document(csyt: Unit, drafter: Person) -> Callable[..., Document]:
    """An issued document No. <number>/BHXH-CSYT of <number> November 2026 unless told
    otherwise; number=None for one that has no number yet."""

    def make(number: int | None = 1, **fields: Any) -> Document:
        values: dict[str, Any] = {
            "kind": DocumentKind.OFFICIAL_LETTER,
            "subject": "Về việc cảnh báo cơ sở khám bệnh, chữa bệnh có chi phí tăng bất thường",
            "body": BODY,
            "agency": csyt.agency,
            "unit": csyt,
            "created_by": drafter,
            "last_edited_by": drafter,
            "state": DocumentState.ISSUED,
            "number": number,
            "year": 2026,
            "number_symbol": f"{number:02d}/BHXH-CSYT" if number else "",
            "issued_on": date(2026, 11, number) if number else None,
            "signer_name": "Trần Thị B",
            "pdf_status": PdfStatus.PENDING,
        }
        values.update(fields)
        return Document.objects.create(**values)

    return make


@pytest.fixture
def issued(make_document: Callable[..., Document]) -> Document:
    return make_document()


@pytest.fixture
def attach_pdf() -> Callable[[Document], None]:
    """What the rendering task leaves behind: a stored file and the READY status."""

    def attach(document: Document) -> None:
        document.pdf.save(f"{document.file_stem}.pdf", ContentFile(TINY_PDF), save=False)
        document.pdf_status = PdfStatus.READY
        document.save(update_fields=["pdf", "pdf_status"])

    return attach
