"""Public pages cached for anonymous readers. The key holds the portal's generation, which every
publish raises (publishing.portal_generation_bump), and today's date, on which statuses turn."""

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from .models import PortalGeneration

TIMEOUT_S = 600


def serve_cached(
    request: HttpRequest, render: Callable[[], HttpResponse], *, cacheable: bool = True
) -> HttpResponse:
    """The cached page for an anonymous GET; otherwise, or on a miss, the rendered one."""
    if not cacheable or request.method != "GET" or request.user.is_authenticated:
        return render()
    key = _key(request)
    content = cache.get(key)
    if content is not None:
        return HttpResponse(content)
    response = render()
    if response.status_code == 200 and hasattr(response, "render"):
        response.render()
        cache.set(key, response.content, TIMEOUT_S)
    return response


def _key(request: HttpRequest) -> str:
    generation = PortalGeneration.objects.filter(pk=1).values_list("number", flat=True).first() or 0
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    language = translation.get_language()
    return f"portal:{generation}:{timezone.localdate().isoformat()}:{language}:{path}"
