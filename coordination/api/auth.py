"""Token authentication of client systems: ``Authorization: Bearer <token>``."""

from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiClient
from .selectors import api_client_for_token


class TokenRefused(AuthenticationError):
    """A 401 with a stable ``code`` and a sentence for the client's developers."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(status_code=401, message=message)
        self.code = code


class ClientToken(HttpBearer):
    """The token of an active API client; a revoked one stops working at its next request."""

    def __call__(self, request: HttpRequest) -> ApiClient:
        client = super().__call__(request)
        if client is None:
            raise _not_sent()
        return client

    def authenticate(self, request: HttpRequest, token: str) -> ApiClient:
        if not token.strip():
            raise _not_sent()
        client = api_client_for_token(token.strip())
        if client is None:
            raise TokenRefused("invalid_token", _("This token is not valid."))
        if not client.is_active:
            revoked = timezone.localtime(client.revoked_at).strftime("%d/%m/%Y %H:%M")
            raise TokenRefused(
                "revoked_token",
                _("This token was revoked on %(date)s; ask the administrators for a new one.")
                % {"date": revoked},
            )
        return client


def _not_sent() -> TokenRefused:
    return TokenRefused(
        "not_authenticated", _("Send your token in the header “Authorization: Bearer <token>”.")
    )
