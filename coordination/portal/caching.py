"""Public pages cached whole for anonymous readers, looked up before Wagtail routes the request.

The key holds the portal's generation (a random token and a number that every publish raises,
see publishing.portal_generation_bump) and today's date, on which statuses turn. A page says it
may be cached by marking its response; a hit on a document page still counts as a reading.

On a miss, the site and its root page are kept too: Wagtail reads the site, the root page and
its specific row for every request (three queries) before it routes. They change only with a
publish or a change of a site, both of which raise the generation (signals.py)."""

import hashlib
from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar, cast

from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from wagtail.models import Site

from .models import PortalGeneration
from .publishing import document_page_count_view

TIMEOUT_S = 600
T = TypeVar("T")
_MARK = "portal_cache_page_pk"
# The generation an anonymous reading is served under, read once for the whole request.
_request_generation: ContextVar[str | None] = ContextVar("portal_generation", default=None)


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
        generation = generation_key()
        key = _key(request, generation)
        hit = cache.get(key)
        if hit is not None:
            content, page_pk = hit
            if page_pk:
                document_page_count_view(page_pk=page_pk)
            return HttpResponse(content)
        _site_from_cache(request, generation)
        token = _request_generation.set(generation)
        try:
            response = self.get_response(request)
        finally:
            _request_generation.reset(token)
        page_pk = getattr(response, _MARK, None)
        if page_pk is not None and response.status_code == 200 and not response.streaming:
            cache.set(key, (response.content, page_pk), TIMEOUT_S)
        return response


def generation_key() -> str:
    """What every cached piece of the portal is keyed by: it changes on every publish."""
    if (generation_of_request := _request_generation.get()) is not None:
        return generation_of_request
    generation = PortalGeneration.objects.filter(pk=1).values_list("token", "number").first()
    token, number = generation or ("none", 0)
    return f"portal:{token}:{number}:{timezone.localdate().isoformat()}"


def cached_for_generation(name: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept until the next publish."""
    return cast(T, cache.get_or_set(f"{generation_key()}:{name}", compute, TIMEOUT_S))


def _key(request: HttpRequest, generation: str) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"{generation}:{translation.get_language()}:{path}"


def _site_from_cache(request: HttpRequest, generation: str) -> None:
    """Give Wagtail the request's site, with its root page's specific row, from the cache: what
    ``Site.find_for_request`` would find (it keeps it on the request the same way)."""
    try:
        host = request.get_host()  # a host not allowed is refused later, as without the cache
    except DisallowedHost:
        return
    where = hashlib.sha256(f"{host}|{request.get_port()}".encode()).hexdigest()[:16]
    key = f"{generation}:site:{where}"
    site = cache.get_or_set(key, lambda: _site_with_root(request), TIMEOUT_S)
    setattr(request, "_wagtail_site", site)  # noqa: B010 - where Site.find_for_request keeps it


def _site_with_root(request: HttpRequest) -> Site | None:
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site
