"""Public pages cached whole for anonymous readers, looked up before Wagtail routes the request.

The key holds the portal's generation (a random token and a number that every publish raises,
see publishing.portal_generation_bump) and today's date, on which statuses turn. A page says it
may be cached by marking its response; a hit on a document page still counts as a reading."""

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from .models import PortalGeneration
from .publishing import document_page_count_view

TIMEOUT_S = 600
T = TypeVar("T")
_MARK = "portal_cache_page_pk"


def mark_cacheable(response: HttpResponse, *, page_pk: int | None = None) -> HttpResponse:
    """Let the middleware keep this response for anonymous readers; ``page_pk`` is the document
    page whose readings a cached hit counts."""
    setattr(response, _MARK, page_pk or 0)
    return response


class AnonymousPageCache:
    """Serve and store the pages that marked themselves cacheable, for anonymous GETs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "GET" or request.user.is_authenticated:
            return self.get_response(request)
        key = _key(request)
        hit = cache.get(key)
        if hit is not None:
            content, page_pk = hit
            if page_pk:
                document_page_count_view(page_pk=page_pk)
            return HttpResponse(content)
        response = self.get_response(request)
        page_pk = getattr(response, _MARK, None)
        if page_pk is not None and response.status_code == 200 and not response.streaming:
            cache.set(key, (response.content, page_pk), TIMEOUT_S)
        return response


def generation_key() -> str:
    """What every cached piece of the portal is keyed by: it changes on every publish."""
    generation = PortalGeneration.objects.filter(pk=1).values_list("token", "number").first()
    token, number = generation or ("none", 0)
    return f"portal:{token}:{number}:{timezone.localdate().isoformat()}"


def cached_for_generation(name: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept until the next publish."""
    return cache.get_or_set(f"{generation_key()}:{name}", compute, TIMEOUT_S)


def _key(request: HttpRequest) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"{generation_key()}:{translation.get_language()}:{path}"
