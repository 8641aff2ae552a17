"""The API's limits and manners: a rate per client answered with 429 and Retry-After, JSON for
every error under /api/, answers never kept by a cache, and a fixed number of queries per page
whatever the page holds."""

from datetime import timedelta
from typing import Any

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coordination.api.models import ApiClient
from coordination.api.services import IssuedToken, api_client_create, api_client_revoke
from coordination.organisation.models import Agency
from coordination.portal.models import RelationKind

from .conftest import Library

pytestmark = pytest.mark.django_db

LIST = "/api/v1/documents/"


def test_past_the_rate_a_client_gets_429_with_retry_after_and_others_do_not(
    api: Client, issued_token: IssuedToken, moh: Agency, settings: Any
) -> None:
    settings.API_REQUESTS_PER_MINUTE = 3
    assert [api.get(LIST).status_code for _ in range(3)] == [200, 200, 200]
    refused = api.get(LIST)
    assert refused.status_code == 429
    assert refused.json()["code"] == "throttled"
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert api.get(LIST).status_code == 429
    other = api_client_create(agency=moh, name="Hệ thống khác").token
    assert Client(headers={"Authorization": f"Bearer {other}"}).get(LIST).status_code == 200
    client = ApiClient.objects.get(pk=issued_token.client.pk)
    assert client.window_requests == 3


def test_the_count_starts_again_a_minute_after_the_window_opened(
    api: Client, issued_token: IssuedToken, settings: Any
) -> None:
    settings.API_REQUESTS_PER_MINUTE = 1
    assert api.get(LIST).status_code == 200
    assert api.get(LIST).status_code == 429
    client = ApiClient.objects.get(pk=issued_token.client.pk)
    ApiClient.objects.filter(pk=client.pk).update(
        window_started_at=client.window_started_at - timedelta(seconds=61)
    )
    assert api.get(LIST).status_code == 200


def test_an_unknown_address_under_the_api_is_a_json_404(api: Client) -> None:
    for url in ["/api/v1/nothing/", "/api/v2/documents/", "/api/", "/api/v1/documents/x/"]:
        response = api.get(url)
        assert response.status_code == 404, url
        assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only_and_says_so_in_json(api: Client, method: str) -> None:
    response = getattr(api, method)(LIST)
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert response["Allow"] == "GET"


def test_a_server_error_is_json_and_logged(
    api: Client, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr("coordination.api.endpoints.api_entries_filtered", broken)
    response = api.get(LIST)
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert "the database went away" not in response.content.decode()
    assert "the database went away" in caplog.text


def test_no_answer_is_kept_by_a_cache(api: Client, issued_token: IssuedToken) -> None:
    first = api.get(LIST)
    assert "no-store" in first["Cache-Control"]
    assert Client().get(LIST).status_code == 401
    api_client_revoke(client=issued_token.client)
    assert api.get(LIST).status_code == 401


def test_a_token_needs_no_csrf_token(token: str) -> None:
    client = Client(enforce_csrf_checks=True, headers={"Authorization": f"Bearer {token}"})
    assert client.get(LIST).status_code == 200


def test_the_description_page_loads_scripts_only_from_this_site() -> None:
    page = Client().get("/api/v1/docs/")
    policy = page["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    html = page.content.decode()
    assert "cdn" not in html and "https://" not in html
    for script in ["swagger-ui-bundle.js", "swagger-ui-init.js"]:
        assert Client().get(f"/static/ninja/{script}").status_code == 200


def _queries(api: Client, url: str, params: dict[str, Any]) -> int:
    """The queries of a reading after the first of the portal's generation (which also reads
    the site it keeps until the next publish)."""
    api.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url, params)
    assert response.status_code == 200
    return len(queries)


def _grow(library: Library, publish: Any, relate: Any, count: int) -> None:
    """More documents, each with a topic and a relation to one of the library."""
    for number in range(10, 10 + count):
        page = publish(number)
        page.topics.add(library.topic)
        page.save()
        relate(page, RelationKind.IMPLEMENTS, library.directive_38)


def test_the_queries_of_a_page_do_not_grow_with_what_it_holds(
    api: Client, library: Library, publish: Any, relate: Any
) -> None:
    small = _queries(api, LIST, {"page_size": 200})
    one = _queries(api, f"/api/v1/documents/{library.letter.pk}/", {})
    _grow(library, publish, relate, 20)
    assert _queries(api, LIST, {"page_size": 200}) == small
    assert _queries(api, LIST, {"page_size": 200, "status": "in_force", "agency": "vss"}) == small
    assert _queries(api, f"/api/v1/documents/{library.letter.pk}/", {}) == one
    assert small <= 10
