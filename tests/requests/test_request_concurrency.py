"""Two heads acting on the same request at the same moment, each on their own database
connection: one step is taken, the other is refused as stale, and the trail has one row for it.
Runs on SQLite and on PostgreSQL."""

import threading
from typing import Any

import pytest

from django.db import connections

from tests.factories import MembershipFactory, UserFactory
from workflows.requests import services
from workflows.requests.exceptions import RequestChanged
from workflows.requests.models import CoordinationRequest, RequestEvent

from .steps import raise_request


@pytest.mark.django_db(transaction=True)
def test_two_heads_at_once_one_assigns_the_other_is_told_it_changed(org: Any, qnam: Any) -> None:
    request = raise_request(org, qnam)
    second_head = UserFactory(username="moh.head2")
    MembershipFactory(user=second_head, unit=org.moh_bh, role="unit_head")
    start = threading.Barrier(2)
    outcomes: list[Any] = []

    def assign(head: Any, member: Any) -> None:
        mine = CoordinationRequest.objects.get(pk=request.pk)
        try:
            start.wait()
            services.request_assign(
                request=mine, actor=head, expected_revision=mine.revision, assignee=member
            )
            outcomes.append("assigned")
        except BaseException as exc:  # noqa: BLE001 - reported to the main thread below
            outcomes.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=assign, args=(org.moh_head, org.moh_reviewer)),
        threading.Thread(target=assign, args=(second_head, org.moh_drafter)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert outcomes.count("assigned") == 1
    refused = [o for o in outcomes if o != "assigned"]
    assert len(refused) == 1 and isinstance(refused[0], RequestChanged), refused
    request.refresh_from_db()
    assert request.revision == 2
    assert RequestEvent.objects.filter(action="assign").count() == 1
