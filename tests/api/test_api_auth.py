"""Client systems read with a token of their own: none, a wrong one or a revoked one gets a
clear JSON 401 and no document; the token is kept only as its SHA-256."""

import hashlib

import pytest

from django.test import Client

from coordination.api.models import ApiClient
from coordination.api.services import IssuedToken, api_client_create, api_client_revoke
from coordination.organisation.models import Agency

from .conftest import Library

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/documents/",
    "/api/v1/documents/{pk}/",
    "/api/v1/documents/by-number/{number}/",
]


def _urls(library: Library) -> list[str]:
    page = library.letter
    return [url.format(pk=page.pk, number="01%2FBHXH-CSYT") for url in ENDPOINTS]


def _refused(response: object, code: str) -> dict:
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response["WWW-Authenticate"].startswith("Bearer")
    body = response.json()
    assert body["code"] == code
    assert "results" not in body and "number_symbol" not in body
    return body


def test_without_a_token_every_endpoint_answers_401_saying_how_to_send_one(
    library: Library,
) -> None:
    for url in _urls(library):
        body = _refused(Client().get(url), "not_authenticated")
        assert "Authorization: Bearer" in body["detail"]


@pytest.mark.parametrize("header", ["Token {token}", "Basic {token}", "{token}", "Bearer"])
def test_a_token_sent_any_other_way_is_not_read(library: Library, token: str, header: str) -> None:
    response = Client(headers={"Authorization": header.format(token=token)}).get(_urls(library)[0])
    _refused(response, "not_authenticated")


def test_a_wrong_token_is_refused(library: Library, token: str) -> None:
    for wrong in ["vssmoh_not-a-token", token[:-1], token + "x", token.upper()]:
        client = Client(headers={"Authorization": f"Bearer {wrong}"})
        for url in _urls(library):
            body = _refused(client.get(url), "invalid_token")
            assert body["detail"] == "Mã truy cập không hợp lệ."


def test_a_revoked_token_stops_working_with_the_next_request(
    library: Library, api: Client, issued_token: IssuedToken
) -> None:
    assert api.get("/api/v1/documents/").status_code == 200
    api_client_revoke(client=issued_token.client)
    for url in _urls(library):
        body = _refused(api.get(url), "revoked_token")
        assert "thu hồi" in body["detail"]


def test_a_good_token_reads_every_endpoint_and_records_when_it_was_used(
    library: Library, api: Client, issued_token: IssuedToken
) -> None:
    assert issued_token.client.last_used_at is None
    for url in _urls(library):
        assert api.get(url).status_code == 200
    client = ApiClient.objects.get(pk=issued_token.client.pk)
    assert client.last_used_at is not None
    assert client.window_requests == 3


def test_the_token_is_kept_only_as_its_sha256(issued_token: IssuedToken) -> None:
    token = issued_token.token
    row = ApiClient.objects.filter(pk=issued_token.client.pk).values().get()
    assert row["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
    assert row["token_prefix"] == token[:12]
    assert not any(token in str(value) for value in row.values())
    assert token.startswith("vssmoh_") and len(token) >= 7 + 43


def test_every_token_issued_is_new(moh: Agency) -> None:
    tokens = {api_client_create(agency=moh, name=f"Hệ thống {n}").token for n in range(5)}
    assert len(tokens) == 5


def test_the_description_and_its_page_are_public_and_list_the_token_scheme() -> None:
    description = Client().get("/api/v1/openapi.json")
    assert description.status_code == 200
    schemes = description.json()["components"]["securitySchemes"]
    assert schemes == {"ClientToken": {"type": "http", "scheme": "bearer"}}
    page = Client().get("/api/v1/docs/")
    assert page.status_code == 200
    assert b"/static/ninja/swagger-ui-bundle.js" in page.content
