"""The public pages of the frequent questions: the listing (searchable, like the documents) and
one entry. Cached whole for anonymous readers; every change to an entry raises the generation."""

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..caching import mark_cacheable
from ..folding import FoldedQuery
from .selectors import faq_listing_page, faq_published_item


@require_GET
def faq_index(request: HttpRequest) -> HttpResponse:
    typed = request.GET.get("q", "")[:200]
    query = FoldedQuery.of(typed)
    context = {
        "entries": faq_listing_page(query, request.GET.get("p")),
        "query": query,
        "q": typed,
        "query_string": urlencode({"q": typed}) if typed else "",
    }
    return mark_cacheable(render(request, "portal/faq/index.html", context))


@require_GET
def faq_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = faq_published_item(pk)
    if item is None:
        raise Http404("No such published question.")
    return mark_cacheable(render(request, "portal/faq/detail.html", {"item": item}))
