"""Issuing and revoking client tokens, and counting each client's requests.

A token is ``vssmoh_`` and 43 random URL-safe characters (256 bits); only its SHA-256 is stored,
with its first characters so that an administrator can tell tokens apart."""

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.organisation.models import Agency

from .exceptions import AgencyInactive, AlreadyRevoked, NameRequired, NotAnAdministrator
from .models import ApiClient

logger = logging.getLogger(__name__)
TOKEN_PREFIX = "vssmoh_"  # noqa: S105 - a marker that secret scanners can look for
SHOWN_PREFIX = 12
RATE_WINDOW = timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedToken:
    """A new client and its token, which is never shown again."""

    client: ApiClient
    token: str


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def api_client_create(*, agency: Agency, name: str, actor: Any = None) -> IssuedToken:
    """An administrator (or the server's operator, with no ``actor``) issues a token to one
    system of an agency."""
    _check_administrator(actor, "api.add_apiclient")
    name = name.strip()
    if not name:
        raise NameRequired(_("Name the system that will use the token."))
    if not agency.is_active:
        raise AgencyInactive(_("%(agency)s is no longer active.") % {"agency": agency.name})
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    client = ApiClient.objects.create(
        agency=agency,
        name=name,
        token_hash=token_digest(token),
        token_prefix=token[:SHOWN_PREFIX],
        created_by=actor,
    )
    logger.info("API client %s issued to %s", client.pk, agency.code)
    return IssuedToken(client=client, token=token)


def api_client_revoke(*, client: ApiClient, actor: Any = None) -> ApiClient:
    """The token stops working with the next request; a revoked client stays on record."""
    _check_administrator(actor, "api.change_apiclient")
    with transaction.atomic():
        locked = ApiClient.objects.select_for_update().get(pk=client.pk)
        if not locked.is_active:
            raise AlreadyRevoked(
                _("This token was already revoked on %(date)s.")
                % {"date": timezone.localtime(locked.revoked_at).strftime("%d/%m/%Y %H:%M")}
            )
        locked.is_active = False
        locked.revoked_at = timezone.now()
        locked.revoked_by = actor
        locked.save(update_fields=["is_active", "revoked_at", "revoked_by"])
    logger.info("API client %s revoked", locked.pk)
    return locked


def _check_administrator(actor: Any, permission: str) -> None:
    if actor is not None and not actor.has_perm(permission):
        raise NotAnAdministrator(_("Only administrators issue and revoke API tokens."))


def api_client_count_request(*, client: ApiClient, limit: int) -> float | None:
    """Count one request of the client in its current one-minute window and note when it was
    last used. Returns None when the request may go on, else the seconds until the window ends
    (a refused request is not counted). Requests arriving at the very same moment may pass the
    limit by as many as arrive together."""
    now = timezone.now()
    started = client.window_started_at
    if started is None or now - started >= RATE_WINDOW:
        _window_restart(client, now)
        return None
    if client.window_requests >= limit:
        return (started + RATE_WINDOW - now).total_seconds()
    ApiClient.objects.filter(pk=client.pk).update(
        window_requests=F("window_requests") + 1, last_used_at=now
    )
    return None


def _window_restart(client: ApiClient, now: datetime) -> None:
    ApiClient.objects.filter(pk=client.pk).update(
        window_started_at=now, window_requests=1, last_used_at=now
    )
