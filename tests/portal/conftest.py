"""Issued documents made directly with the ORM: the portal only reads what the workflow stored."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from django.core.cache import cache
from django.core.files.base import ContentFile

from coordination.organisation.models import (
    Agency,
    AgencyKind,
    Membership,
    Person,
    Province,
    Role,
    Unit,
)
from coordination.portal.models import DocumentPage, DocumentRelation, RelationKind
from coordination.portal.publishing import portal_ensure_pages
from coordination.portal.wagtail_hooks import refresh_document_entry, relation_changed
from workflows.documents.models import Document, DocumentKind, DocumentState, PdfStatus

BODY = "Bảo hiểm xã hội Việt Nam đề nghị.\nCác đơn vị thực hiện trước ngày 15/12/2026."
TINY_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_in_tmp(settings: Any, tmp_path: Path) -> None:
    """PDF files written by a test go to its own folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Each test's database starts its portal generation afresh; so must the page cache."""
    cache.clear()


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


@pytest.fixture
def publish_manual(db: None) -> Callable[..., DocumentPage]:
    """A document issued outside the system, published by an editor: the page and the entry the
    editor's publish hook rebuilds."""

    def publish(slug: str, **fields: Any) -> DocumentPage:
        index = portal_ensure_pages()
        topics = fields.pop("topics", [])
        provinces = fields.pop("provinces", [])
        page = DocumentPage(title=fields.get("subject", slug), slug=slug, **fields)
        index.add_child(instance=page)
        page.topics.set(topics)
        page.provinces.set(provinces)
        page.save_revision().publish()
        refresh_document_entry(None, page)
        return page

    return publish


@pytest.fixture
def relate() -> Callable[..., DocumentRelation]:
    """An editor records in the relations screen that one document changes another."""

    def make(source: DocumentPage, kind: RelationKind, target: DocumentPage) -> DocumentRelation:
        relation = DocumentRelation.objects.create(source=source, kind=kind, target=target)
        relation_changed(None, relation)
        return relation

    return make


@pytest.fixture
def quang_nam(vss: Agency) -> Agency:
    """The Quang Nam Social Security office, with a reader."""
    province = Province.objects.create(code="49", name="Quảng Nam")
    office = Agency.objects.create(
        code="bhxh-49",
        name="Bảo hiểm xã hội tỉnh Quảng Nam",
        symbol="BHXH",
        kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY,
        province=province,
        parent=vss,
    )
    unit = Unit.objects.create(agency=office, name="Văn phòng", symbol="VP")
    reader = Person.objects.create_user(
        "qnam.reader", password="pw", last_name="Lý Văn", first_name="Q"
    )
    Membership.objects.create(user=reader, unit=unit, role=Role.PROVINCIAL_READER)
    return office


@pytest.fixture
def central_staff(csyt: Unit) -> Person:
    person = Person.objects.create_user(
        "vss.head", password="pw", last_name="Lê Văn", first_name="C"
    )
    Membership.objects.create(user=person, unit=csyt, role=Role.UNIT_HEAD)
    return person


@pytest.fixture
def nghe_an(vss: Agency) -> Agency:
    """Nghệ An's Social Security office, with a reader: another province."""
    province = Province.objects.create(code="40", name="Nghệ An")
    office = Agency.objects.create(
        code="bhxh-40",
        name="Bảo hiểm xã hội tỉnh Nghệ An",
        symbol="BHXH",
        kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY,
        province=province,
        parent=vss,
    )
    unit = Unit.objects.create(agency=office, name="Văn phòng", symbol="VP")
    reader = Person.objects.create_user(
        "nghean.reader", password="pw", last_name="Tạ Thị", first_name="V"
    )
    Membership.objects.create(user=reader, unit=unit, role=Role.PROVINCIAL_READER)
    head = Person.objects.create_user(
        "nghean.head", password="pw", last_name="Kiều Thị", first_name="Y"
    )
    Membership.objects.create(user=head, unit=unit, role=Role.UNIT_HEAD)
    return office


@pytest.fixture
def csyt_reviewer(csyt: Unit) -> Person:
    person = Person.objects.create_user(
        "vss.reviewer", password="pw", last_name="Trần Thị", first_name="B"
    )
    Membership.objects.create(user=person, unit=csyt, role=Role.REVIEWER)
    return person


@pytest.fixture
def national(make_document: Callable[..., Document]) -> DocumentPage:
    """A VSS letter to every province, drafted by CSYT: 05/BHXH-CSYT."""
    from coordination.portal.publishing import document_page_publish

    return document_page_publish(document_pk=make_document(number=5).pk)
