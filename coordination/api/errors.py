"""JSON errors everywhere under /api/: the API's own refusals, a query that does not validate,
an unknown address, a method the address does not take, and a server error."""

import logging
from collections.abc import Callable

from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from .auth import TokenRefused
from .schemas import DocumentQuery

logger = logging.getLogger(__name__)
API_PREFIX = "/api/"
PARAMETERS = {*DocumentQuery.model_fields, "document_id", "number_symbol"}


def error_response(status: int, code: str, detail: str, **extra: object) -> JsonResponse:
    body = {"code": code, "detail": detail, **extra}
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def register_error_handlers(api: NinjaAPI) -> None:
    api.add_exception_handler(TokenRefused, _token_refused)
    api.add_exception_handler(AuthenticationError, _token_refused)
    api.add_exception_handler(ValidationError, _invalid_parameters)
    api.add_exception_handler(Throttled, _throttled)
    api.add_exception_handler(Http404, _not_found)
    api.add_exception_handler(HttpError, _http_error)
    api.add_exception_handler(Exception, _server_error)


def refuse_unknown_parameters(request: HttpRequest, known: set[str]) -> None:
    """A misspelt filter is refused rather than silently ignored, which would answer with
    every document."""
    unknown = sorted(set(request.GET) - known)
    if unknown:
        message = _("Unknown parameter.")
        raise ValidationError(
            [{"loc": ("query", name), "msg": message, "type": "unknown"} for name in unknown]
        )


def _token_refused(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    code = getattr(exc, "code", "not_authenticated")
    response = error_response(401, code, exc.message)
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def _invalid_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """One line per parameter, saying what was wrong with its value (a parameter that may be
    absent also fails its 'absent' branch, which says nothing useful). Pydantic's messages are
    in English."""
    errors = [
        {"parameter": _parameter(error["loc"]), "message": error["msg"]}
        for error in exc.errors
        if error["type"] != "none_required"
    ]
    return error_response(
        400, "invalid_parameters", _("Some parameters are not valid."), errors=errors
    )


def _parameter(location: tuple) -> str:
    """('query', 'query', 'year', 'constrained-int') → 'year'."""
    names = [str(part) for part in location[1:]]
    return next((name for name in names if name in PARAMETERS), names[-1] if names else "")


def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    return error_response(
        429, "throttled", _("Too many requests: wait until the time in Retry-After has passed.")
    )


def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return error_response(404, "not_found", _("There is no such document."))


def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return error_response(exc.status_code, "error", exc.message)


def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s", request.path, exc_info=exc)
    return error_response(500, "server_error", _("The server failed; the error was logged."))


class ApiJsonErrors:
    """For any address under /api/: errors that happen outside an API operation (no such
    address, a method it does not take, an exception) answer JSON like the API's own, and no
    answer is kept by a cache on the way."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        response = self.get_response(request)
        if response.status_code >= 400 and not _is_json(response):
            response = _as_json(response)
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not request.path.startswith(API_PREFIX) or isinstance(exception, Http404):
            return None
        return _server_error(request, exception)


def _is_json(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith("application/json")


def _as_json(response: HttpResponse) -> HttpResponse:
    status = response.status_code
    if status == 404:
        replaced = error_response(404, "not_found", _("There is nothing at this address."))
    elif status == 405:
        replaced = error_response(
            405, "method_not_allowed", _("This address is read-only: use GET.")
        )
        replaced["Allow"] = response.get("Allow", "GET")
    elif status >= 500:
        replaced = error_response(status, "server_error", _("The server failed."))
    else:
        replaced = error_response(status, "error", response.reason_phrase)
    return replaced
