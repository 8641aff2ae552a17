"""The API checked against its own OpenAPI description by schemathesis: for every operation,
requests generated from the description (valid ones, then invalid ones) sent in-process through
the WSGI application with a valid token. Every answer must conform to the description (status
code, headers, content type, body), and none may be a server error."""

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.generation.modes import GenerationMode

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from .conftest import Library

pytestmark = pytest.mark.django_db

OPERATIONS = {
    "GET /api/v1/documents/",
    "GET /api/v1/documents/{document_id}/",
    "GET /api/v1/documents/by-number/{number_symbol}/",
}
EXAMPLES = {GenerationMode.POSITIVE: 60, GenerationMode.NEGATIVE: 30}


@pytest.fixture
def connection_kept() -> Iterator[None]:
    """The WSGI handler closes the database connection after each request, which would end the
    test's transaction; Django's own test client keeps it open the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_answer_conforms_to_the_description(
    mode: GenerationMode, library: Library, token: str, connection_kept: None, settings: Any
) -> None:
    settings.API_REQUESTS_PER_MINUTE = 100_000
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.label for operation in operations} == OPERATIONS
    for operation in operations:
        _fuzz(operation, mode, headers={"Authorization": f"Bearer {token}"})


def _fuzz(operation: Any, mode: GenerationMode, *, headers: dict[str, str]) -> None:
    @given(case=operation.as_strategy(mode, headers=headers))
    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def call(case: Any) -> None:
        case.call_and_validate()

    call()


def test_the_answer_about_every_kind_of_document_conforms(
    library: Library, token: str, connection_kept: None
) -> None:
    """Generated ids seldom hit a document: ask for each one of the library by id and number."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    by_id = schema["/api/v1/documents/{document_id}/"]["GET"]
    by_number = schema["/api/v1/documents/by-number/{number_symbol}/"]["GET"]
    headers = {"Authorization": f"Bearer {token}"}
    pages = [library.directive_38, library.letter, library.amending, library.joint]
    pages += [library.expired, library.future]
    for page in pages:
        answer = by_id.Case(path_parameters={"document_id": page.pk}, headers=headers)
        assert answer.call_and_validate().json()["id"] == page.pk
        answer = by_number.Case(
            path_parameters={"number_symbol": page.number_symbol}, headers=headers
        )
        assert answer.call_and_validate().json()["id"] == page.pk


def test_the_refusals_conform_too(
    library: Library, token: str, connection_kept: None, settings: Any
) -> None:
    """No token, and one request too many: 401 and 429 with their documented headers."""
    settings.API_REQUESTS_PER_MINUTE = 1
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    listing = schema["/api/v1/documents/"]["GET"]
    assert listing.Case().call_and_validate().status_code == 401
    headers = {"Authorization": f"Bearer {token}"}
    assert listing.Case(headers=headers).call_and_validate().status_code == 200
    refused = listing.Case(headers=headers).call_and_validate()
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"][0]) > 0
