"""Reading frequent questions: what the public sees (published entries, on a document's page, in
the listing and the search) and what the answering units' heads manage."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.utils.safestring import SafeString

from coordination.organisation.models import Role
from coordination.organisation.selectors import capacities_of
from workflows.audit import changes_since
from workflows.permissions import allowed
from workflows.requests.models import CoordinationRequest, RequestState

from ..folding import FoldedQuery, excerpt, highlight
from ..models import DocumentPage, FaqEntry, FaqEvent, FaqState
from . import rules
from .exceptions import FaqRefused

ON_A_PAGE = 20
PAGE_SIZE = 20
IN_SEARCH = 3
ANSWERED_STATES = (RequestState.ANSWERED, RequestState.ACCEPTED)


def faq_published() -> QuerySet[FaqEntry]:
    return FaqEntry.objects.filter(state=FaqState.PUBLISHED).order_by("-published_at", "-pk")


def faq_for_page(page: DocumentPage) -> list[FaqEntry]:
    """The published questions about one document, newest first (one query)."""
    return list(faq_published().filter(pages=page)[:ON_A_PAGE])


def faq_matching(query: FoldedQuery) -> QuerySet[FaqEntry]:
    """Published entries containing every word typed, with or without accents."""
    entries = faq_published()
    for word in query.words:
        entries = entries.filter(folded__contains=FoldedQuery.pattern(word))
    return entries


@dataclass(frozen=True)
class FaqItem:
    """An entry as the public reads it: escaped, the words searched for marked."""

    entry: FaqEntry
    question: SafeString
    answer: SafeString
    pages: list[DocumentPage]


def _item(entry: FaqEntry, query: FoldedQuery, *, short: bool) -> FaqItem:
    answer = excerpt(entry.answer, query.words) if short else highlight(entry.answer, query.words)
    pages = list(getattr(entry, "live_pages", []))
    return FaqItem(entry, highlight(entry.question, query.words), answer, pages)


def _with_pages(entries: QuerySet[FaqEntry]) -> QuerySet[FaqEntry]:
    live = DocumentPage.objects.live().order_by("-issued_on", "pk")
    return entries.prefetch_related(Prefetch("pages", queryset=live, to_attr="live_pages"))


def faq_listing_page(query: FoldedQuery, number: str | None) -> PaginatorPage:
    """One page of the listing (or of the entries matching the query), with their documents:
    three queries whatever the number of entries."""
    entries = faq_matching(query) if query else faq_published()
    page_of = Paginator(entries.values_list("pk", flat=True), PAGE_SIZE).get_page(number)
    keys = list(page_of.object_list)
    by_pk = {entry.pk: entry for entry in _with_pages(FaqEntry.objects.filter(pk__in=keys))}
    items = [_item(by_pk[pk], query, short=False) for pk in keys if pk in by_pk]
    # The page now lists what it shows, not the keys it was cut from.
    page_of.object_list = items  # type: ignore[assignment]
    return page_of


def faq_in_search(query: FoldedQuery) -> list[FaqItem]:
    """The first few entries matching a search of the documents, as short excerpts."""
    if not query:
        return []
    return [_item(entry, query, short=True) for entry in faq_matching(query)[:IN_SEARCH]]


def faq_published_item(pk: int) -> FaqItem | None:
    entry = _with_pages(faq_published().filter(pk=pk)).first()
    return _item(entry, FoldedQuery.of(""), short=False) if entry else None


# The staff side.


def _head_units(user: Any) -> set[int]:
    return {c.unit_id for c in capacities_of(user) if c.role == Role.UNIT_HEAD}


def faq_entries_managed_by(user: Any) -> QuerySet[FaqEntry]:
    """Entries of the units this person heads, published or not."""
    return (
        FaqEntry.objects.filter(unit_id__in=_head_units(user))
        .select_related("unit__agency", "request")
        .order_by("state", "-published_at", "-pk")
    )


def faq_candidates_for(user: Any) -> QuerySet[CoordinationRequest]:
    """Answered requests of the units this person heads that are not published yet."""
    return (
        CoordinationRequest.objects.filter(
            unit_id__in=_head_units(user), state__in=ANSWERED_STATES, faq_entry__isnull=True
        )
        .select_related("requester_unit__agency")
        .order_by("-updated_at", "-pk")
    )


def faq_may_manage(entry: FaqEntry, user: Any) -> bool:
    return allowed(rules.check_manage, entry, user, refused=FaqRefused)


def faq_may_publish(request: CoordinationRequest, user: Any) -> bool:
    """Answered, and the person heads the unit that answered; no query once capacities are
    read."""
    if request.state not in ANSWERED_STATES:
        return False
    return allowed(rules.check_publish_request, request, user, refused=FaqRefused)


def faq_suggested_pages(
    request: CoordinationRequest, *, entry: FaqEntry | None = None
) -> QuerySet[DocumentPage]:
    """The live pages of the documents the request names or is answered by, the page it was
    asked on, and those the entry is already linked to."""
    concerns = (
        Q(source_document__in=request.documents.values("pk"))
        | Q(source_document__in=request.answered_by.values("pk"))
        | Q(questions__request=request)
    )
    if entry is not None:
        concerns |= Q(faq_entries=entry)
    return DocumentPage.objects.live().filter(concerns).distinct().order_by("-issued_on", "pk")


def faq_timeline(entry: FaqEntry) -> QuerySet[FaqEvent]:
    return entry.events.select_related("actor")


def faq_changes_since(entry: FaqEntry, revision: int) -> list[str]:
    return changes_since(entry.events, revision)
