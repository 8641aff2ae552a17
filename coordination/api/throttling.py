"""Each client's requests per minute (API_REQUESTS_PER_MINUTE), counted on its row, so that the
limit holds across every server process and machine."""

import threading

from ninja.throttling import BaseThrottle

from django.conf import settings
from django.http import HttpRequest

from .services import api_client_count_request


class ClientRateThrottle(BaseThrottle):
    """One instance serves every request, so the wait of the refused one is kept per thread."""

    def __init__(self) -> None:
        self._refused = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        self._refused.wait = api_client_count_request(
            client=request.auth, limit=settings.API_REQUESTS_PER_MINUTE
        )
        return self._refused.wait is None

    def wait(self) -> float | None:
        return getattr(self._refused, "wait", None)
