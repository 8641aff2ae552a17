"""Published documents as the portal's tests make them, and a client system with its token."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest

from django.test import Client
from django.utils import timezone

from coordination.api.services import IssuedToken, api_client_create
from coordination.organisation.models import Agency, AgencyKind, Person
from coordination.portal.models import DocumentPage, DocumentRelation, RelationKind, Topic
from coordination.portal.publishing import document_page_publish
from coordination.portal.wagtail_hooks import refresh_document_entry
from reports.models import IssuedPdf
from tests.portal import conftest as portal
from workflows.documents.models import (
    VERSIONED_FIELDS,
    Confidentiality,
    Document,
    DocumentKind,
    DocumentSignature,
    DocumentState,
    DocumentVersion,
)

# The portal's fixtures, shared: issued documents made with the ORM, editors' pages, relations.
attach_pdf = portal.attach_pdf
csyt = portal.csyt
drafter = portal.drafter
empty_cache = portal.empty_cache
make_document = portal.make_document
media_in_tmp = portal.media_in_tmp
publish_manual = portal.publish_manual
relate = portal.relate
vss = portal.vss


@pytest.fixture
def moh(db: None) -> Agency:
    """The Ministry of Health, whose document system reads the API (the suite's ``org`` may have
    made it already)."""
    agency, _created = Agency.objects.get_or_create(
        code="moh", defaults={"name": "Bộ Y tế", "symbol": "BYT", "kind": AgencyKind.CENTRAL}
    )
    return agency


@pytest.fixture
def issued_token(moh: Agency) -> IssuedToken:
    return api_client_create(agency=moh, name="Hệ thống quản lý văn bản Bộ Y tế")


@pytest.fixture
def token(issued_token: IssuedToken) -> str:
    return issued_token.token


@pytest.fixture
def api(token: str) -> Client:
    """A client system sending its token with every request."""
    return Client(headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
def publish(make_document: Callable[..., Document]) -> Callable[..., DocumentPage]:
    """An issued workflow document, published by the portal's own service."""

    def make(number: int = 1, **fields: Any) -> DocumentPage:
        return document_page_publish(document_pk=make_document(number, **fields).pk)

    return make


@dataclass
class Library:
    """What the portal holds: every kind of page the API must answer, and what it must hide."""

    directive_38: DocumentPage
    letter: DocumentPage
    amending: DocumentPage
    joint: DocumentPage
    expired: DocumentPage
    future: DocumentPage
    confidential: DocumentPage
    draft: Document
    topic: Topic


def _signed_by_both(document: Document, moh: Agency, drafter: Person) -> None:
    """The joint circular's issued version, signed by both agencies (the partner first)."""
    version = DocumentVersion.objects.create(
        document=document,
        number=1,
        frozen_by=drafter,
        **{name: getattr(document, name) for name in VERSIONED_FIELDS},
    )
    for agency, name, position, authority in [
        (moh, "Phạm Văn M", "Thứ trưởng", "KT. Bộ trưởng"),
        (document.agency, "Lê Văn T", "Phó Tổng Giám đốc", "KT. Tổng Giám đốc"),
    ]:
        DocumentSignature.objects.create(
            document=document,
            version=version,
            agency=agency,
            signer=drafter,
            name=name,
            position=position,
            authority=authority,
        )


@pytest.fixture
def library(
    publish: Callable[..., DocumentPage],
    publish_manual: Callable[..., DocumentPage],
    make_document: Callable[..., Document],
    attach_pdf: Callable[[Document], None],
    relate: Callable[..., DocumentRelation],
    moh: Agency,
    drafter: Person,
) -> Library:
    topic = Topic.objects.create(name="Giám định bảo hiểm y tế", slug="giam-dinh")
    directive_38 = publish_manual(
        "38-ct-tw",
        number_symbol="38-CT/TW",
        kind=DocumentKind.DIRECTIVE,
        subject="Về đẩy mạnh công tác bảo hiểm y tế trong tình hình mới",
        summary="Ban Bí thư chỉ đạo mở rộng bao phủ bảo hiểm y tế.",
        signer_name="Trương Tấn Sang",
        issued_on=date(2009, 9, 7),
        topics=[topic],
    )
    letter_document = make_document(1, signer_position="Phó Tổng Giám đốc")
    attach_pdf(letter_document)
    IssuedPdf.objects.create(
        document=letter_document, sha256="ab" * 32, size=len(portal.TINY_PDF), signed=True
    )
    letter = document_page_publish(document_pk=letter_document.pk)
    letter.topics.add(topic)
    letter.save()
    amending = publish(2, kind=DocumentKind.GUIDANCE, number_symbol="02/HD-BHXH")
    relate(amending, RelationKind.AMENDS, letter)
    relate(letter, RelationKind.IMPLEMENTS, directive_38)
    joint = make_document(
        3,
        kind=DocumentKind.JOINT_CIRCULAR,
        number_symbol="03/2026/TTLT-BHXH-BYT",
        is_joint=True,
        counterpart_agency=moh,
        version_number=1,
    )
    _signed_by_both(joint, moh, drafter)
    expired = publish_manual(
        "hd-cu",
        number_symbol="12/HD-BHXH",
        kind=DocumentKind.GUIDANCE,
        subject="Hướng dẫn cũ đã hết hiệu lực",
        issued_on=date(2020, 1, 6),
        expires_on=date(2021, 1, 1),
    )
    future = publish(5, subject="Quy định áp dụng từ năm sau")
    future_page = DocumentPage.objects.get(pk=future.pk)
    future_page.effective_on = timezone.localdate() + timedelta(days=30)
    future_page.save_revision().publish()
    refresh_document_entry(None, future_page)
    # The portal no longer publishes a confidential document; a page made before that (or for a
    # document marked confidential afterwards) must still never be answered.
    confidential = publish(7, subject="Văn bản mật")
    Document.objects.filter(pk=confidential.source_document_id).update(
        confidentiality=Confidentiality.CONFIDENTIAL
    )
    relate(confidential, RelationKind.REVOKES, directive_38)
    draft = make_document(None, state=DocumentState.DRAFTING, subject="Dự thảo chưa ban hành")
    return Library(
        directive_38=directive_38,
        letter=letter,
        amending=amending,
        joint=document_page_publish(document_pk=joint.pk),
        expired=expired,
        future=future_page,
        confidential=confidential,
        draft=draft,
        topic=topic,
    )
