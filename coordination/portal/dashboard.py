"""What central staff see of the provinces' acknowledgements: per document, who acknowledged and
how long it took; per provincial office, what is still unacknowledged past the deadline."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from coordination.organisation.models import Agency, AgencyKind
from coordination.organisation.selectors import memberships_of

from .models import Acknowledgement, DocumentPage
from .receipts import PROVINCIAL_KINDS, pages_for_agency

ACKNOWLEDGE_WITHIN = timedelta(days=7)
RECENT_DOCUMENTS = 20


def user_is_central_staff(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or memberships_of(user).filter(unit__agency__kind=AgencyKind.CENTRAL).exists()
    )


def provincial_offices() -> list[Agency]:
    return list(
        Agency.objects.filter(kind__in=PROVINCIAL_KINDS, is_active=True, province__isnull=False)
        .select_related("province")
        .order_by("province__name", "kind")
    )


@dataclass(frozen=True)
class DocumentReceipts:
    page: DocumentPage
    expected: int
    acknowledged: int
    median_hours: float | None


def document_receipts() -> list[DocumentReceipts]:
    """The latest central documents with how many offices acknowledged and how fast."""
    pages = list(
        DocumentPage.objects.live()
        .filter(entry__agency__kind=AgencyKind.CENTRAL)
        .select_related("entry")
        .order_by("-first_published_at")[:RECENT_DOCUMENTS]
    )
    offices = provincial_offices()
    per_province = _offices_per_province(offices)
    addressed = _addressed_provinces([page.pk for page in pages])
    delays = _delays_by_page([page.pk for page in pages])
    return [
        DocumentReceipts(
            page=page,
            expected=_expected(addressed.get(page.pk), len(offices), per_province),
            acknowledged=len(delays.get(page.pk, [])),
            median_hours=_median_hours(delays.get(page.pk, [])),
        )
        for page in pages
    ]


def _offices_per_province(offices: list[Agency]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for office in offices:
        counts[office.province_id] = counts.get(office.province_id, 0) + 1
    return counts


def _addressed_provinces(page_pks: list[int]) -> dict[int, list[int]]:
    rows = DocumentPage.provinces.through.objects.filter(documentpage_id__in=page_pks)
    addressed: dict[int, list[int]] = {}
    for page_id, province_id in rows.values_list("documentpage_id", "province_id"):
        addressed.setdefault(page_id, []).append(province_id)
    return addressed


def _expected(provinces: list[int] | None, every: int, per_province: dict[int, int]) -> int:
    if not provinces:
        return every
    return sum(per_province.get(pk, 0) for pk in provinces)


def _delays_by_page(page_pks: list[int]) -> dict[int, list[timedelta]]:
    rows = Acknowledgement.objects.filter(page_id__in=page_pks).values_list(
        "page_id", "acknowledged_at", "page__first_published_at"
    )
    delays: dict[int, list[timedelta]] = {}
    for page_id, acknowledged_at, published_at in rows:
        delays.setdefault(page_id, []).append(acknowledged_at - published_at)
    return delays


def _median_hours(delays: list[timedelta]) -> float | None:
    return median(delay.total_seconds() / 3600 for delay in delays) if delays else None


@dataclass(frozen=True)
class OfficeReceipt:
    agency: Agency
    acknowledged_by: str
    acknowledged_at: datetime | None
    hours: float | None


def document_receipt_lines(*, page: DocumentPage) -> list[OfficeReceipt]:
    """Every office the document is addressed to, acknowledged or not."""
    acknowledgements = {
        a.agency_id: a
        for a in Acknowledgement.objects.filter(page=page).select_related("acknowledged_by")
    }
    addressed = set(page.provinces.values_list("pk", flat=True))
    lines = []
    for office in provincial_offices():
        if addressed and office.province_id not in addressed:
            continue
        ack = acknowledgements.get(office.pk)
        lines.append(_line(office, ack, page.first_published_at))
    return lines


def _line(office: Agency, ack: Acknowledgement | None, published: datetime) -> OfficeReceipt:
    if ack is None:
        return OfficeReceipt(office, "", None, None)
    hours = (ack.acknowledged_at - published).total_seconds() / 3600
    return OfficeReceipt(office, ack.acknowledged_by.get_full_name(), ack.acknowledged_at, hours)


@dataclass(frozen=True)
class OverdueOffice:
    agency: Agency
    overdue: int


def overdue_offices() -> list[OverdueOffice]:
    """Offices with documents unacknowledged past the deadline, most overdue first, in four
    queries whatever the number of offices."""
    deadline = timezone.now() - ACKNOWLEDGE_WITHIN
    central = DocumentPage.objects.live().filter(
        entry__agency__kind=AgencyKind.CENTRAL, first_published_at__lte=deadline
    )
    addressed = DocumentPage.provinces.through.objects.filter(documentpage__in=central)
    national = central.exclude(pk__in=addressed.values("documentpage_id")).count()
    targeted = dict(
        addressed.values("province_id").annotate(n=Count("pk")).values_list("province_id", "n")
    )
    acknowledged = dict(
        Acknowledgement.objects.filter(page__in=central)
        .values("agency_id")
        .annotate(n=Count("pk"))
        .values_list("agency_id", "n")
    )
    rows = [
        OverdueOffice(o, national + targeted.get(o.province_id, 0) - acknowledged.get(o.pk, 0))
        for o in provincial_offices()
    ]
    return sorted((r for r in rows if r.overdue > 0), key=lambda r: (-r.overdue, r.agency.name))


def overdue_pages(*, agency: Agency) -> list[DocumentPage]:
    """The documents one office has not acknowledged past the deadline."""
    deadline = timezone.now() - ACKNOWLEDGE_WITHIN
    return list(
        pages_for_agency(agency)
        .filter(first_published_at__lte=deadline)
        .exclude(Q(acknowledgements__agency=agency))
        .order_by("first_published_at")[:50]
    )
