"""What each portal page puts in its template context: reads only, bounded queries."""

from datetime import date
from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from .annexes import annexes_of
from .faq.selectors import faq_for_page, faq_in_search
from .folding import FoldedQuery
from .models import PAGE_SIZE, DocumentEntry, DocumentPage, Topic
from .search import (
    DocumentFilterForm,
    document_search,
    live_entries,
    pages_in_order,
    search_results,
)
from .status import page_standing

HOME_COUNT = 8
MOST_READ_COUNT = 5
COUNT_CAP = 1000


def home_context() -> dict:
    today = timezone.localdate()
    latest = live_entries().values_list("page_id", flat=True)[:HOME_COUNT]
    read = live_entries().filter(views__gt=0).order_by("-views", "-page_id")[:MOST_READ_COUNT]
    return {
        "latest": pages_in_order(list(latest), today=today),
        "most_read": pages_in_order(list(read.values_list("page_id", flat=True)), today=today),
        "topics": Topic.objects.all()[:20],
    }


def index_context(request: HttpRequest) -> dict:
    form = DocumentFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    today = timezone.localdate()
    entries = document_search(filters=filters, today=today)
    page_of = page_of_results(entries, request.GET.get("p"), today=today)
    query = FoldedQuery.of(str(filters.get("q", "")))
    return {
        "form": form,
        "documents": page_of,
        "query": query,
        "results": search_results(list(page_of.object_list), query) if query else None,
        "faq_results": faq_in_search(query),
        "filtered": bool(filters),
        "query_string": _without_page(request),
        "feeds": _feeds(filters),
        "count_cap": COUNT_CAP,
    }


def _feeds(filters: dict[str, object]) -> list[tuple[str, str]]:
    """The RSS and Atom feeds of the topic or agency the reader filtered by."""
    feeds = []
    if topic := filters.get("topic"):
        feeds += [("rss", reverse("portal_feed_topic", args=[topic]))]
        feeds += [("atom", reverse("portal_atom_topic", args=[topic]))]
    if agency := filters.get("agency"):
        feeds += [("rss", reverse("portal_feed_agency", args=[agency]))]
        feeds += [("atom", reverse("portal_atom_agency", args=[agency]))]
    return feeds


def document_context(request: HttpRequest, *, page: DocumentPage) -> dict:
    standing = page_standing(page=page, today=timezone.localdate())
    context = {
        "status": standing.status,
        "relations": standing.relations,
        "topics": list(page.topics.all()),
        "annexes": annexes_of(page),
        "faq": faq_for_page(page),
    }
    if request.user.is_authenticated:
        context.update(_reader_panel(request.user, page))
    return context


def _reader_panel(user: Any, page: DocumentPage) -> dict:
    """A provincial office's panel: acknowledging receipt, and its questions about the page."""
    from .questions import question_context
    from .receipts import reader_context

    context = reader_context(user=user, page=page)
    if context:
        context.update(question_context(user=user, page=page, agency=context["reader_agency"]))
    return context


def page_of_results(
    entries: QuerySet[DocumentEntry], number: str | None, *, today: date
) -> PaginatorPage:
    """One page of results. The first COUNT_CAP + 1 ids are read in one query on the narrow
    entries ('more than 1,000 documents' is all a reader needs), so a search is ranked once,
    not once to count and again to slice; then the rows of the page's documents."""
    ids = list(entries.values_list("page_id", flat=True)[: COUNT_CAP + 1])
    page_of = Paginator(ids, PAGE_SIZE).get_page(number)
    page_of.object_list = pages_in_order(list(page_of.object_list), today=today)
    return page_of


def _without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("p", None)
    return params.urlencode()
