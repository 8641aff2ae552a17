"""The API's part of the demo: the Ministry of Health's document system holds a token, so that
the README's example answers at once. Idempotent: a token already there (even revoked) is left
as it is."""

import os

from coordination.organisation.models import Agency

from .models import ApiClient
from .services import TOKEN_PREFIX, token_digest

DEMO_TOKEN = f"{TOKEN_PREFIX}demo-2026"
DEMO_CLIENT = "Hệ thống quản lý văn bản và điều hành Bộ Y tế (demo)"


def api_demo_seed() -> str:
    """Make the demo client if it is missing; say which token it reads with."""
    token = os.environ.get("DEMO_API_TOKEN", DEMO_TOKEN)
    client, _created = ApiClient.objects.get_or_create(
        token_hash=token_digest(token),
        defaults={
            "agency": Agency.objects.get(code="moh"),
            "name": DEMO_CLIENT,
            "token_prefix": token[:12],
        },
    )
    state = "" if client.is_active else " (revoked)"
    return f"API: the demo token of “{client.name}” is {token}{state}."
