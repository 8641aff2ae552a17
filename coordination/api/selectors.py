"""What the API reads: the documents the portal publishes, never a draft nor a confidential
document, found and filtered on the portal's narrow entries, then read a page at a time in a
fixed number of queries. The status in force is the portal's (coordination.portal.status)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from coordination.portal.folding import fold
from coordination.portal.models import DocumentEntry, DocumentPage, DocumentRelation
from coordination.portal.status import status_expression, with_status
from workflows.documents.models import DocumentSignature
from workflows.documents.models.states import ISSUED_STATES

from .models import ApiClient
from .schemas import DocumentQuery, Ordering
from .services import token_digest

ORDERINGS = {
    Ordering.NEWEST: ("-sort_on", "-page_id"),
    Ordering.OLDEST: ("sort_on", "page_id"),
    Ordering.ID: ("page_id",),
    Ordering.ID_DESCENDING: ("-page_id",),
}
# Any earlier time asks for every document.
EARLIEST = datetime(1900, 1, 1, tzinfo=timezone.get_fixed_timezone(0))


def api_client_for_token(token: str) -> ApiClient | None:
    return ApiClient.objects.filter(token_hash=token_digest(token)).first()


def public(page: str = "") -> Q:
    """Live pages of documents issued outside the system, or of issued, non-confidential
    workflow documents. ``page`` is the path to the page, e.g. ``"page__"``."""
    source = f"{page}source_document"
    workflow = Q(**{f"{source}__confidentiality": "", f"{source}__state__in": ISSUED_STATES})
    return Q(**{f"{page}live": True}) & (Q(**{f"{source}__isnull": True}) | workflow)


def api_entries() -> QuerySet[DocumentEntry]:
    return DocumentEntry.objects.filter(public("page__"))


def api_entries_filtered(*, query: DocumentQuery, today: date) -> QuerySet[DocumentEntry]:
    entries = api_entries()
    if query.type:
        entries = entries.filter(kind=query.type)
    if query.agency:
        entries = entries.filter(_issued_by(query.agency))
    if query.year:
        entries = entries.filter(year=query.year)
    if query.topic:
        entries = entries.filter(page__topics__slug=query.topic)
    if query.number is not None:
        entries = _numbered(entries, query.number)
    if query.status:
        entries = entries.annotate(status=status_expression(today, page="page_id", entry=""))
        entries = entries.filter(status=query.status)
    if query.updated_since is not None:
        entries = _changed_since(entries, query.updated_since, now=timezone.now())
    return entries.order_by(*ORDERINGS[query.ordering])


def api_entries_numbered(*, number: str, year: int | None) -> QuerySet[DocumentEntry]:
    entries = _numbered(api_entries(), number)
    return entries.filter(year=year) if year else entries


def _issued_by(code: str) -> Q:
    joint = Q(page__source_document__is_joint=True)
    return Q(agency__code=code) | (joint & Q(page__source_document__counterpart_agency__code=code))


def _numbered(entries: QuerySet[DocumentEntry], number: str) -> QuerySet[DocumentEntry]:
    """'4055/BHXH-CSYT' as the portal's search reads it: folded, so '4055 bhxh csyt' and
    'QĐ'/'QD' find it too. A number with no letter or digit finds nothing."""
    key = fold(number)
    return entries.filter(number_key=key) if key else entries.none()


def _changed_since(
    entries: QuerySet[DocumentEntry], since: datetime, *, now: datetime
) -> QuerySet[DocumentEntry]:
    """Entries whose answer may differ from the one a client read at ``since``: the page was
    published or edited, the workflow document or its PDF changed, a relation was recorded, or a
    day on which its status turns (it comes into force or expires, a document amending,
    superseding or revoking it comes into force) began in between."""
    if timezone.is_naive(since):
        since = timezone.make_aware(since)
    if since.year < EARLIEST.year + 1:
        since = EARLIEST
    if since.year > now.year + 1 or since > now:
        return entries.none()
    days = (first_midnight_from(since), timezone.localdate(now))
    relations = DocumentRelation.objects.filter(
        Q(source=OuterRef("page_id")) | Q(target=OuterRef("page_id"))
    )
    in_force = DocumentRelation.objects.filter(
        target=OuterRef("page_id"), source__live=True, source__entry__in_force_from__range=days
    )
    return entries.filter(
        Q(indexed_at__gte=since)
        | Q(page__source_document__updated_at__gte=since)
        | Q(page__source_document__issued_pdf__rendered_at__gte=since)
        | Q(in_force_from__range=days)
        | Q(expires_on__range=days)
        | Exists(relations.filter(created_at__gte=since))
        | Exists(in_force)
    )


def first_midnight_from(moment: datetime) -> date:
    """The first day whose start (Vietnam time) is at or after ``moment``."""
    day = timezone.localdate(moment)
    return day if day_start(day) >= moment else day + timedelta(days=1)


def day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass(frozen=True)
class PagesRead:
    """One page of documents, in order, with what their answers need."""

    pages: list[DocumentPage]
    relations: list[DocumentRelation]


def api_pages(page_ids: list[int], *, today: date) -> PagesRead:
    """The public pages among those given, in that order, with their documents, PDFs, status,
    topics, signatures and relations to other public pages: four queries whatever their
    number."""
    signatures = DocumentSignature.objects.select_related("agency", "version")
    pages = with_status(
        DocumentPage.objects.filter(public(), pk__in=page_ids, entry__isnull=False)
        .select_related(
            "entry",
            "agency",
            "pdf_file",
            "source_document__agency",
            "source_document__counterpart_agency",
            "source_document__issued_pdf",
        )
        .prefetch_related("topics", Prefetch("source_document__signatures", queryset=signatures)),
        today=today,
    )
    by_pk = {page.pk: page for page in pages}
    return PagesRead(
        pages=[by_pk[pk] for pk in page_ids if pk in by_pk], relations=_relations(page_ids)
    )


def _relations(page_ids: list[int]) -> list[DocumentRelation]:
    both_public = public("source__") & public("target__")
    touching = Q(source_id__in=page_ids) | Q(target_id__in=page_ids)
    return list(
        DocumentRelation.objects.filter(both_public, touching)
        .select_related("source__entry", "target__entry")
        .order_by("pk")
    )
