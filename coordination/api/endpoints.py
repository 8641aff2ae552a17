"""The read-only API for other agencies' systems, version 1: issued documents and their status
in force. Its OpenAPI description is generated from these operations and ``schemas``."""

from typing import Annotated

from ninja import NinjaAPI, Path, Query, Status
from ninja.openapi.docs import Swagger
from ninja.renderers import JSONRenderer

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from .auth import ClientToken
from .errors import refuse_unknown_parameters, register_error_handlers
from .records import API_NAMESPACE, Links, document_out, documents_out
from .schemas import Absent, DocumentListOut, DocumentOut, DocumentQuery, ErrorOut, Year
from .selectors import api_entries_filtered, api_entries_numbered, api_pages
from .throttling import ClientRateThrottle

DESCRIPTION = """Issued documents of Vietnam Social Security (VSS) and the Ministry of Health
(MoH) as published on the guidance portal, with their status in force, for other agencies'
systems. Read-only; never a draft or a confidential document.

Send the token an administrator issued to your system as `Authorization: Bearer <token>`.
Each client may make `API_REQUESTS_PER_MINUTE` requests a minute (120 unless the deployment
says otherwise); past that the answer is 429 with `Retry-After` in seconds. Errors are JSON
with a stable `code` and a `detail` for people."""


class Utf8Renderer(JSONRenderer):
    """Vietnamese as it is written, not as \\u escapes."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="VSS–MoH documents API",
    version="1",
    description=DESCRIPTION,
    urls_namespace=API_NAMESPACE,
    auth=ClientToken(),
    throttle=ClientRateThrottle(),
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs/",
    openapi_url="/openapi.json",
    renderer=Utf8Renderer(),
)
register_error_handlers(api)
MAX_AMBIGUOUS = 20
LIST_PARAMETERS = set(DocumentQuery.model_fields)
MAX_ID = 2**31 - 1
ERRORS = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 429: ErrorOut}
# The headers that come with a refusal, for the description.
HEADERS = {
    "responses": {
        401: {
            "headers": {
                "WWW-Authenticate": {"schema": {"type": "string"}, "description": "`Bearer`"}
            }
        },
        429: {
            "headers": {
                "Retry-After": {
                    "schema": {"type": "integer", "minimum": 0},
                    "description": "Seconds to wait before the next request.",
                }
            }
        },
    }
}


@api.get(
    "/documents/",
    response={200: DocumentListOut, **ERRORS},
    url_name="document_list",
    summary="List issued documents",
    tags=["documents"],
    openapi_extra=HEADERS,
)
def document_list(request: HttpRequest, query: Query[DocumentQuery]) -> DocumentListOut | Status:
    """Newest first unless ``ordering`` says otherwise; ties are broken by id, so the order is
    stable. For an incremental sync, keep the time you started and pass it as
    ``updated_since`` next time."""
    refuse_unknown_parameters(request, LIST_PARAMETERS)
    today = timezone.localdate()
    entries = api_entries_filtered(query=query, today=today)
    paginator = Paginator(entries.values_list("page_id", flat=True), query.page_size)
    try:
        page_of = paginator.page(query.page)
    except EmptyPage:
        return Status(404, _no_such_page(query.page, paginator.num_pages))
    read = api_pages(list(page_of.object_list), today=today)
    return DocumentListOut(
        count=paginator.count,
        next=_page_link(request, query.page + 1) if page_of.has_next() else None,
        previous=_page_link(request, query.page - 1) if page_of.has_previous() else None,
        results=documents_out(read, links=Links(request), today=today),
    )


def _no_such_page(number: int, last: int) -> dict:
    detail = _("There is no page %(number)s: the last is page %(last)s.")
    return {"code": "not_found", "detail": detail % {"number": number, "last": last}}


def _page_link(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


@api.get(
    "/documents/{int:document_id}/",
    response={200: DocumentOut, **ERRORS},
    url_name="document_detail",
    summary="One document by id",
    tags=["documents"],
    openapi_extra=HEADERS,
)
def document_detail(
    request: HttpRequest, document_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> DocumentOut:
    refuse_unknown_parameters(request, set())
    return _one(request, document_id)


@api.get(
    "/documents/by-number/{path:number_symbol}/",
    response={200: DocumentOut, 409: ErrorOut, **ERRORS},
    url_name="document_by_number",
    summary="One document by its number and symbol",
    tags=["documents"],
    openapi_extra=HEADERS,
)
def document_by_number(
    request: HttpRequest,
    number_symbol: Annotated[
        str, Path(min_length=1, max_length=200, description="e.g. `4055%2FBHXH-CSYT`.")
    ],
    year: Annotated[Year | Absent, Query(description="Year of issue.")] = None,
) -> DocumentOut | Status:
    """The number and symbol URL-encoded (``4055%2FBHXH-CSYT``), with or without accents or
    separators. Numbers start again each year: when two documents share one, the answer is 409
    with their ids, and ``year`` picks the one issued that year."""
    refuse_unknown_parameters(request, {"year"})
    entries = api_entries_numbered(number=number_symbol, year=year)
    ids = list(entries.values_list("page_id", flat=True)[:MAX_AMBIGUOUS])
    if not ids:
        raise Http404
    if len(ids) > 1:
        detail = _("Several documents have this number: give the year.")
        return Status(409, {"code": "ambiguous_number", "detail": detail, "documents": sorted(ids)})
    return _one(request, ids[0])


def _one(request: HttpRequest, page_id: int) -> DocumentOut:
    today = timezone.localdate()
    read = api_pages([page_id], today=today)
    if not read.pages:
        raise Http404
    return document_out(read.pages[0], read=read, links=Links(request), today=today)
