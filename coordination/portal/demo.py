"""The portal's part of the demo: topics, the documents the articles name that were issued
outside the system, who addresses whom, which document implements which, and a province's
question published as a frequent question. Idempotent."""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from coordination.organisation.models import Agency, Province
from workflows.documents.models import Document, DocumentKind
from workflows.documents.models.states import ISSUED_STATES

from .faq.demo import faq_demo_load
from .models import DocumentPage, DocumentRelation, RelationKind, Topic
from .publishing import document_entry_refresh, document_page_publish, portal_ensure_pages

TOPICS = {
    "bao-phu": "Bao phủ bảo hiểm y tế",
    "thanh-toan": "Thanh toán chi phí khám chữa bệnh",
    "giam-dinh": "Giám định bảo hiểm y tế",
    "thuoc": "Thuốc và vật tư y tế",
}


@dataclass(frozen=True)
class ManualDocument:
    """A document the articles name, issued outside the system and entered by an editor.
    Numbers and subjects are the articles'; summaries and bodies are illustrative."""

    slug: str
    number_symbol: str
    kind: str
    agency: str
    issued_on: date
    subject: str
    summary: str
    body: str
    topics: tuple[str, ...]
    signer: str = ""


MANUAL = (
    ManualDocument(
        slug="38-ct-tw-2009",
        number_symbol="38-CT/TW",
        kind=DocumentKind.DIRECTIVE,
        agency="",
        issued_on=date(2009, 9, 7),
        subject="Về đẩy mạnh công tác bảo hiểm y tế trong tình hình mới",
        summary="Chỉ thị của Ban Bí thư về đẩy mạnh công tác bảo hiểm y tế, tiến tới bảo hiểm "
        "y tế toàn dân.",
        body="Ban Bí thư yêu cầu các cấp ủy đảng, chính quyền lãnh đạo, chỉ đạo thực hiện tốt "
        "công tác bảo hiểm y tế.\nMở rộng diện bao phủ, tiến tới bảo hiểm y tế toàn dân.",
        topics=("bao-phu",),
    ),
    ManualDocument(
        slug="3618-qd-bhxh",
        number_symbol="3618/QĐ-BHXH",
        kind=DocumentKind.DECISION,
        agency="vss",
        issued_on=date(2022, 12, 15),
        subject="Ban hành Quy trình giám định bảo hiểm y tế",
        summary="Quy trình giám định bảo hiểm y tế mà Bảo hiểm xã hội các tỉnh áp dụng khi "
        "giám định chi phí khám bệnh, chữa bệnh.",
        body="Ban hành kèm theo Quyết định này Quy trình giám định bảo hiểm y tế.\n"
        "Bảo hiểm xã hội các tỉnh, thành phố tổ chức thực hiện.",
        topics=("giam-dinh",),
    ),
)


@dataclass(frozen=True)
class Addressing:
    number_symbol: str
    topics: tuple[str, ...]
    provinces: tuple[str, ...] = field(default=())


ADDRESSING = (
    Addressing("25/CT-BYT", ("thanh-toan", "giam-dinh")),
    Addressing("4055/BHXH-CSYT", ("thanh-toan",)),
    Addressing("335/BHXH-GĐBHYT", ("giam-dinh",), ("40",)),
)

RELATIONS = (
    ("335/BHXH-GĐBHYT", RelationKind.IMPLEMENTS, "4055/BHXH-CSYT"),
    ("4055/BHXH-CSYT", RelationKind.IMPLEMENTS, "25/CT-BYT"),
)


def portal_demo_seed() -> int:
    """Publish every issued document that has no page yet, then the editors' part; returns the
    number of pages made."""
    portal_ensure_pages()
    topics = {
        slug: Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in TOPICS.items()
    }
    made = _publish_issued()
    made += sum(_manual_upsert(spec, topics) for spec in MANUAL)
    for spec in ADDRESSING:
        _address(spec, topics)
    for source, kind, target in RELATIONS:
        _relate(source, kind, target)
    faq_demo_load()
    return made


def _publish_issued() -> int:
    issued = Document.objects.filter(state__in=ISSUED_STATES, portal_page__isnull=True)
    pks = list(issued.values_list("pk", flat=True))
    for pk in pks:
        document_page_publish(document_pk=pk)
    return len(pks)


def _manual_upsert(spec: ManualDocument, topics: dict[str, Topic]) -> int:
    if DocumentPage.objects.filter(slug=spec.slug).exists():
        return 0
    index = portal_ensure_pages()
    with transaction.atomic():
        page = DocumentPage(
            title=f"{spec.number_symbol} – {spec.subject}",
            slug=spec.slug,
            number_symbol=spec.number_symbol,
            kind=spec.kind,
            agency=Agency.objects.filter(code=spec.agency).first(),
            issued_on=spec.issued_on,
            signer_name=spec.signer,
            subject=spec.subject,
            summary=spec.summary,
            body=spec.body,
        )
        index.add_child(instance=page)
        page.topics.set([topics[slug] for slug in spec.topics])
        page.save_revision().publish()
        document_entry_refresh(page=page)
    return 1


def _address(spec: Addressing, topics: dict[str, Topic]) -> None:
    page = DocumentPage.objects.filter(number_symbol=spec.number_symbol).first()
    if page is None or page.topics.exists():
        return
    with transaction.atomic():
        page.topics.set([topics[slug] for slug in spec.topics])
        page.provinces.set(Province.objects.filter(code__in=spec.provinces))
        page.save_revision().publish()
        document_entry_refresh(page=page)


def _relate(source: str, kind: RelationKind, target: str) -> None:
    pages = {
        p.number_symbol: p for p in DocumentPage.objects.filter(number_symbol__in=[source, target])
    }
    if source in pages and target in pages:
        DocumentRelation.objects.get_or_create(
            source=pages[source], kind=kind, target=pages[target]
        )
