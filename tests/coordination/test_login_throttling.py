"""Sign-in is paused after repeated failures for one username from one address."""

from django.conf import settings
from django.test import Client

from tests.factories import PASSWORD, UserFactory


def test_repeated_failed_sign_ins_lock_the_account_even_with_the_right_password(db: None) -> None:
    user = UserFactory(username="vss.locked")
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/admin/login/", {"username": user.username, "password": "wrong"})
        assert response.status_code in (200, 429)
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_correct_sign_in_reaches_the_staff_interface(db: None) -> None:
    user = UserFactory(username="vss.ok")
    client = Client()
    response = client.post(
        "/admin/login/", {"username": user.username, "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert client.session["_auth_user_id"] == str(user.pk)
