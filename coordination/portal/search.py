"""Finding published documents: filters and the folded full-text query, on any database: LIKE
over the folded text on SQLite, its tsvector on PostgreSQL, the same words and the same ranking."""

from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import add

from django import forms
from django.db import connections
from django.db.models import BooleanField, Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency, Province
from workflows.documents.models import DocumentKind

from .caching import cached_for_generation
from .folding import FoldedQuery, excerpt, highlight
from .models import DocumentEntry, DocumentPage, DocumentStatus, Topic, shown_pages
from .status import status_expression, statuses_of

NUMBER_SCORE, PHRASE_SCORE, HEADING_SCORE, TEXT_SCORE = 1000, 100, 10, 1


class DocumentFilterForm(forms.Form):
    """The search box and the listing's filters. Unknown values are ignored, never an error."""

    q = forms.CharField(label=_("Words or number"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    agency = forms.ChoiceField(label=_("Issuing agency"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["kind"].choices = every + list(DocumentKind.choices)
        self.fields["status"].choices = every + list(DocumentStatus.choices)
        facets = cached_for_generation("facets", _facets)
        for name in ("agency", "year", "topic"):
            self.fields[name].choices = every + facets[name]

    def filters(self) -> dict[str, object]:
        """The valid filters only: an invalid one is dropped rather than refused."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}


def _facets() -> dict[str, list]:
    """The agencies, years and topics there are documents for."""
    return {"agency": _agency_choices(), "year": _year_choices(), "topic": _topic_choices()}


def _agency_choices() -> list[tuple[str, str]]:
    used = DocumentEntry.objects.filter(page__live=True).values("agency")
    return list(Agency.objects.filter(pk__in=used).values_list("code", "name"))


def _topic_choices() -> list[tuple[str, str]]:
    return list(Topic.objects.values_list("slug", "name"))


def _year_choices() -> list[tuple[int, int]]:
    years = DocumentEntry.objects.filter(page__live=True, year__isnull=False).values_list(
        "year", flat=True
    )
    return [(year, year) for year in sorted(set(years.distinct()), reverse=True)]


def live_entries() -> QuerySet[DocumentEntry]:
    """The entries, newest first: a narrow, indexed ordering to paginate on. Only a live page has
    an entry (publishing.document_entry_refresh), so no join to the pages is needed."""
    return DocumentEntry.objects.order_by("-sort_on", "-page_id")


def pages_in_order(page_ids: list[int], *, today: date) -> list[DocumentPage]:
    """The pages with their documents and status, in the order given, in two queries."""
    pages = list(shown_pages().filter(pk__in=page_ids))
    statuses_of(pages, today=today)
    by_pk = {page.pk: page for page in pages}
    return [by_pk[pk] for pk in page_ids if pk in by_pk]


def document_search(
    *, filters: dict[str, object], today: date, province: Province | None = None
) -> QuerySet[DocumentEntry]:
    """The entries of the filtered pages; with a query, only those containing every word, best
    first. Paginate on it, then read the page's rows with ``pages_in_order``."""
    entries = _filtered(live_entries(), filters, today)
    if province is not None:
        entries = entries.filter(concerning_province(province))
    query = FoldedQuery.of(str(filters.get("q", "")))
    if not query:
        return entries
    on_postgresql = connections[entries.db].vendor == "postgresql"
    if on_postgresql:
        entries = entries.filter(_vector_matches(query.every_word_tsquery()))
    else:
        for word in query.words:
            entries = entries.filter(text__contains=FoldedQuery.pattern(word))
    score = _score(query, on_postgresql=on_postgresql)
    return entries.annotate(score=score).order_by("-score", "-sort_on", "-page_id")


def _vector_matches(tsquery: str) -> RawSQL:
    """PostgreSQL: the entry's folded text (its stored tsvector, GIN-indexed; migration 0008)
    matches the tsquery."""
    return RawSQL(
        "portal_documententry.search_vector @@ to_tsquery('simple'::regconfig, %s)",
        [tsquery],
        output_field=BooleanField(),
    )


def concerning_province(province: Province) -> Q:
    """Addressed to the province by name, or issued by one of its agencies."""
    addressed = DocumentPage.provinces.through.objects.filter(province=province)
    return Q(page_id__in=addressed.values("documentpage_id")) | Q(agency__province=province)


def _filtered(
    entries: QuerySet[DocumentEntry], filters: dict[str, object], today: date
) -> QuerySet[DocumentEntry]:
    lookups = {
        "kind": "kind",
        "agency": "agency__code",
        "year": "year",
        "status": "status",
        "topic": "page__topics__slug",
    }
    chosen = {lookups[name]: value for name, value in filters.items() if name in lookups}
    if "status" in chosen:
        entries = entries.annotate(status=status_expression(today, page="page_id", entry=""))
    return entries.filter(**chosen)


def _when(condition: Q | RawSQL, score: int) -> Case:
    return Case(When(condition, then=Value(score)), default=Value(0), output_field=IntegerField())


def _score(query: FoldedQuery, *, on_postgresql: bool) -> object:
    """The document itself first: its number typed in full, then the phrase or its words in its
    type, number and subject; a document that only mentions them in its text comes after."""
    in_text = (
        _vector_matches(query.phrase_tsquery())
        if on_postgresql
        else Q(text__contains=f" {query.phrase}")
    )
    parts = [
        _when(Q(number_key=query.phrase), NUMBER_SCORE),
        _when(Q(heading__contains=f" {query.phrase}"), PHRASE_SCORE),
        _when(in_text, TEXT_SCORE * 5),
    ]
    for word in query.words:
        parts.append(_when(Q(heading__contains=FoldedQuery.pattern(word)), HEADING_SCORE))
    return reduce(add, parts)


@dataclass(frozen=True)
class SearchResult:
    """A result as the reader sees it: the subject and an excerpt with the words marked."""

    page: DocumentPage
    number: SafeString
    subject: SafeString
    excerpt: SafeString


def search_results(pages: list[DocumentPage], query: FoldedQuery) -> list[SearchResult]:
    results = []
    for page in pages:
        display = page.display()
        results.append(
            SearchResult(
                page=page,
                number=highlight(display.number_symbol, query.words),
                subject=highlight(display.subject, query.words),
                excerpt=excerpt(display.text, query.words),
            )
        )
    return results
