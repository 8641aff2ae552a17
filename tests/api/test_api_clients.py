"""Administrators issue a token to an agency's system (shown once) and revoke it, in the staff
interface or with a command; nobody else may."""

import re
from io import StringIO

import pytest

from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import Client

from coordination.api.demo import DEMO_TOKEN, api_demo_seed
from coordination.api.exceptions import (
    AgencyInactive,
    AlreadyRevoked,
    NameRequired,
    NotAnAdministrator,
)
from coordination.api.models import ApiClient
from coordination.api.services import api_client_create, api_client_revoke
from coordination.organisation.models import Agency, Person
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r"vssmoh_[A-Za-z0-9_-]{43}")


@pytest.fixture
def administrator(db: None) -> Person:
    return Person.objects.create_superuser(
        "admin", password="pw", last_name="Quản trị", first_name="H"
    )


@pytest.fixture
def admin_client(administrator: Person) -> Client:
    client = Client()
    client.force_login(administrator)
    return client


def _reads(token: str) -> int:
    return (
        Client(headers={"Authorization": f"Bearer {token}"}).get("/api/v1/documents/").status_code
    )


def test_an_administrator_issues_a_token_shown_once_that_then_works(
    admin_client: Client, moh: Agency
) -> None:
    form = admin_client.get("/admin/api-clients/new/")
    assert form.status_code == 200
    answer = admin_client.post(
        "/admin/api-clients/new/", {"agency": moh.pk, "name": "Hệ thống văn bản Bộ Y tế"}
    )
    assert answer.status_code == 200
    assert "no-store" in answer["Cache-Control"]
    token = TOKEN.search(answer.content.decode()).group()
    client = ApiClient.objects.get()
    assert (client.agency, client.name, client.created_by.username) == (
        moh,
        "Hệ thống văn bản Bộ Y tế",
        "admin",
    )
    assert _reads(token) == 200
    listing = admin_client.get("/admin/api-clients/").content.decode()
    assert token not in listing and token[:12] in listing
    assert "Hệ thống văn bản Bộ Y tế" in listing


def test_a_form_without_a_name_issues_nothing(admin_client: Client, moh: Agency) -> None:
    answer = admin_client.post("/admin/api-clients/new/", {"agency": moh.pk, "name": "  "})
    assert answer.status_code == 200
    assert not TOKEN.search(answer.content.decode())
    assert not ApiClient.objects.exists()


def test_an_administrator_revokes_a_token_after_confirming(
    admin_client: Client, administrator: Person, token: str
) -> None:
    client = ApiClient.objects.get()
    confirm = admin_client.get(f"/admin/api-clients/{client.pk}/revoke/")
    assert client.token_prefix in confirm.content.decode()
    assert _reads(token) == 200
    done = admin_client.post(f"/admin/api-clients/{client.pk}/revoke/", follow=True)
    assert "không còn dùng được" in done.content.decode()
    client.refresh_from_db()
    assert (client.is_active, client.revoked_by) == (False, administrator)
    assert _reads(token) == 401
    again = admin_client.post(f"/admin/api-clients/{client.pk}/revoke/", follow=True)
    assert "đã bị thu hồi" in again.content.decode()


def test_staff_without_the_permissions_see_no_client_and_change_nothing(
    token: str, moh: Agency
) -> None:
    staff = UserFactory(username="vss.clerk")
    client = Client()
    client.force_login(staff)
    api_client = ApiClient.objects.get()
    assert client.get("/admin/api-clients/").status_code in (302, 403)
    assert client.post("/admin/api-clients/new/", {"agency": moh.pk, "name": "X"}).status_code in (
        302,
        403,
    )
    assert client.post(f"/admin/api-clients/{api_client.pk}/revoke/").status_code in (302, 403)
    assert ApiClient.objects.count() == 1 and ApiClient.objects.get().is_active
    assert "api-clients" not in client.get("/admin/").content.decode()


def test_a_group_given_the_permissions_may_issue(moh: Agency) -> None:
    staff = UserFactory(username="vss.it")
    staff.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="api", codename__in=["view_apiclient", "add_apiclient"]
        )
    )
    client = Client()
    client.force_login(staff)
    assert "api-clients" in client.get("/admin/").content.decode()
    answer = client.post("/admin/api-clients/new/", {"agency": moh.pk, "name": "Cổng dữ liệu"})
    assert TOKEN.search(answer.content.decode())


def test_the_services_refuse_what_they_should(moh: Agency) -> None:
    staff = UserFactory(username="vss.drafter")
    with pytest.raises(NotAnAdministrator):
        api_client_create(agency=moh, name="Hệ thống", actor=staff)
    with pytest.raises(NameRequired):
        api_client_create(agency=moh, name=" ")
    issued = api_client_create(agency=moh, name="Hệ thống")
    with pytest.raises(NotAnAdministrator):
        api_client_revoke(client=issued.client, actor=staff)
    api_client_revoke(client=issued.client)
    with pytest.raises(AlreadyRevoked):
        api_client_revoke(client=issued.client)
    Agency.objects.filter(pk=moh.pk).update(is_active=False)
    moh.refresh_from_db()
    with pytest.raises(AgencyInactive):
        api_client_create(agency=moh, name="Hệ thống mới")
    assert ApiClient.objects.count() == 1


def test_the_command_prints_the_token_once_and_it_works(moh: Agency) -> None:
    out, err = StringIO(), StringIO()
    call_command("api_client_create", agency="moh", name="Hệ thống văn bản", stdout=out, stderr=err)
    token = out.getvalue().strip()
    assert TOKEN.fullmatch(token)
    assert token not in err.getvalue() and "shown only now" in err.getvalue()
    assert _reads(token) == 200
    client = ApiClient.objects.get()
    revoked = StringIO()
    call_command("api_client_revoke", str(client.pk), stdout=revoked)
    assert f"API client {client.pk}" in revoked.getvalue()
    assert _reads(token) == 401


def test_the_commands_refuse_unknown_agencies_clients_and_empty_names(moh: Agency) -> None:
    with pytest.raises(CommandError, match="bhxh-99"):
        call_command(
            "api_client_create",
            agency="bhxh-99",
            name="Hệ thống",
            stdout=StringIO(),
            stderr=StringIO(),
        )
    with pytest.raises(CommandError):
        call_command(
            "api_client_create", agency="moh", name="", stdout=StringIO(), stderr=StringIO()
        )
    with pytest.raises(CommandError, match="42"):
        call_command("api_client_revoke", "42", stdout=StringIO())
    assert not ApiClient.objects.exists()


def test_the_demo_token_is_made_once_and_a_revoked_one_stays_revoked(moh: Agency) -> None:
    first = api_demo_seed()
    assert api_demo_seed() == first
    assert DEMO_TOKEN in first
    assert ApiClient.objects.count() == 1
    assert _reads(DEMO_TOKEN) == 200
    api_client_revoke(client=ApiClient.objects.get())
    assert api_demo_seed().endswith("(revoked).")
    assert _reads(DEMO_TOKEN) == 401
