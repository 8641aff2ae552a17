"""The staff screens: who may see a request, acting through the page, stale forms, escaping and
a bounded number of queries per page."""

from typing import Any

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MembershipFactory, UserFactory
from workflows.requests import selectors
from workflows.requests.exceptions import AttachmentRefused
from workflows.requests.models import MAX_ATTACHMENT_BYTES, CoordinationRequest
from workflows.requests.models import RequestState as S

from .steps import act, raise_request, to_state


def _client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _post(client: Client, request: Any, action: str, **data: Any) -> Any:
    data.setdefault("revision", request.revision)
    return client.post(reverse("requests_act", args=[request.pk, action]), data)


def test_a_provincial_officer_raises_a_request_through_the_form(org: Any, qnam: Any) -> None:
    client = _client_for(qnam.officer)
    assert client.get(reverse("requests_create")).status_code == 200
    response = client.post(
        reverse("requests_create"),
        {
            "requester_unit": qnam.unit.pk,
            "unit": org.moh_bh.pk,
            "subject": "Hướng dẫn thanh toán chi phí vận chuyển",
            "description": "Đề nghị hướng dẫn.",
            "urgency": "urgent",
        },
    )
    request = CoordinationRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("requests_detail", args=[request.pk])
    assert (request.requester, request.unit, request.state) == (
        qnam.officer,
        org.moh_bh,
        S.SUBMITTED,
    )


def test_the_form_offers_only_the_persons_own_units(org: Any, qnam: Any) -> None:
    response = _client_for(qnam.officer).post(
        reverse("requests_create"),
        {"requester_unit": org.moh_bh.pk, "unit": org.csyt.pk, "subject": "x", "description": "y"},
    )
    assert response.status_code == 200
    assert not CoordinationRequest.objects.exists()


def test_only_the_units_involved_see_a_request(org: Any, qnam: Any) -> None:
    request = raise_request(org, qnam)
    url = reverse("requests_detail", args=[request.pk])
    assert _client_for(qnam.colleague).get(url).status_code == 200
    assert _client_for(org.moh_reviewer).get(url).status_code == 200
    assert _client_for(org.drafter).get(url).status_code == 404
    assert _post(_client_for(org.drafter), request, "accept").status_code == 404
    act(request, org.moh_head, "forward", unit=org.csyt, comment="Chuyển")
    assert _client_for(org.drafter).get(url).status_code == 200
    assert _client_for(org.moh_reviewer).get(url).status_code == 200


def test_the_head_assigns_from_the_page(org: Any, qnam: Any) -> None:
    request = raise_request(org, qnam)
    newcomer = UserFactory(id=12345, username="moh.newcomer")
    MembershipFactory(user=newcomer, unit=org.moh_bh, role="reviewer")
    client = _client_for(org.moh_head)
    page = client.get(reverse("requests_detail", args=[request.pk])).content.decode()
    assert 'data-action="assign"' in page and 'data-action="accept"' not in page
    assert '<option value="12345">' in page, "keys are never written as 12.345"
    response = _post(client, request, "assign", assignee=org.moh_reviewer.pk, comment="Xử lý")
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.state, request.assignee) == (S.ASSIGNED, org.moh_reviewer)
    timeline = client.get(reverse("requests_detail", args=[request.pk])).content.decode()
    assert org.moh_reviewer.get_full_name() in timeline.split('data-testid="timeline"')[1]


def test_a_stale_form_is_refused_with_what_changed(org: Any, qnam: Any) -> None:
    request = raise_request(org, qnam)
    seen = request.revision
    act(request, org.moh_head, "assign", assignee=org.moh_reviewer)
    response = _post(
        _client_for(org.moh_head), request, "forward", revision=seen, unit=org.csyt.pk, comment="x"
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert 'data-testid="refusal"' in page
    request.refresh_from_db()
    assert (request.state, request.unit) == (S.ASSIGNED, org.moh_bh)


def test_a_refused_step_is_shown_not_a_server_error(org: Any, qnam: Any) -> None:
    request = to_state(org, qnam, S.ANSWERED)
    response = _post(_client_for(qnam.colleague), request, "accept")
    assert response.status_code == 409
    assert _post(_client_for(qnam.officer), request, "unknown").status_code == 404
    assert _post(_client_for(org.moh_head), request, "assign").status_code == 409
    broken = _client_for(qnam.officer).post(reverse("requests_act", args=[request.pk, "accept"]))
    assert broken.status_code == 302
    request.refresh_from_db()
    assert request.state == S.ANSWERED


def test_what_people_write_is_escaped(org: Any, qnam: Any) -> None:
    request = raise_request(
        org, qnam, subject="<script>alert(1)</script>", description="<img src=x onerror=alert(2)>"
    )
    page = _client_for(org.moh_head).get(reverse("requests_detail", args=[request.pk]))
    html = page.content.decode()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)" in html
    index = _client_for(org.moh_head).get(reverse("requests_index")).content.decode()
    assert "<script>alert(1)" not in index


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_queries_per_page_do_not_grow_with_the_requests(org: Any, qnam: Any) -> None:
    client = _client_for(org.moh_head)
    first = to_state(org, qnam, S.ASSIGNED)
    tabs = [
        reverse("requests_index") + f"?tab={tab}" for tab in ("waiting", "queue", "all", "overdue")
    ]
    detail = reverse("requests_detail", args=[first.pk])
    few = [_queries(client, url) for url in [*tabs, detail]]
    for _ in range(6):
        to_state(org, qnam, S.ASSIGNED)
    act(first, org.moh_head, "assign", assignee=org.moh_drafter, comment="Giao lại")
    many = [_queries(client, url) for url in [*tabs, detail]]
    assert many == few
    assert max(many) <= 25


def test_waiting_for_me_holds_each_persons_next_step(org: Any, qnam: Any) -> None:
    submitted = raise_request(org, qnam, subject="Chờ phân công")
    answered = to_state(org, qnam, S.ANSWERED)
    assigned = to_state(org, qnam, S.ASSIGNED)
    assert list(selectors.requests_waiting_for(org.moh_head)) == [submitted]
    assert list(selectors.requests_waiting_for(org.moh_reviewer)) == [assigned]
    assert list(selectors.requests_waiting_for(qnam.officer)) == [answered]
    assert list(selectors.requests_waiting_for(qnam.colleague)) == []


def test_the_dashboard_lists_the_requests_waiting(org: Any, qnam: Any) -> None:
    raise_request(org, qnam, subject="Đề nghị cung cấp số liệu chi phí")
    home = _client_for(org.moh_head).get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-testid="requests-panel"' in home and "Đề nghị cung cấp số liệu chi phí" in home
    other = _client_for(org.drafter).get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-testid="requests-panel"' not in other


def test_files_sent_with_a_request_reach_only_those_who_see_it(
    org: Any, qnam: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("tu-choi-quy4.csv", "Mã cơ sở;Số tiền\n49001;1.200.000\n".encode())
    response = _client_for(qnam.officer).post(
        reverse("requests_create"),
        {
            "requester_unit": qnam.unit.pk,
            "unit": org.moh_bh.pk,
            "subject": "Số liệu từ chối thanh toán",
            "description": "Gửi kèm bảng số liệu.",
            "urgency": "normal",
            "attachments": [upload],
        },
    )
    assert response.status_code == 302
    attachment = CoordinationRequest.objects.get().attachments.get()
    url = reverse("requests_attachment", args=[attachment.request_id, attachment.pk])
    download = _client_for(org.moh_head).get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).startswith("Mã cơ sở".encode())
    assert _client_for(org.drafter).get(url).status_code == 404


def test_an_oversized_file_is_refused_and_nothing_is_stored(
    org: Any, qnam: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    big = SimpleUploadedFile("lon.bin", b"0" * (MAX_ATTACHMENT_BYTES + 1))
    with pytest.raises(AttachmentRefused):
        raise_request(org, qnam, attachments=[big])
    assert not CoordinationRequest.objects.exists()
    assert not list(tmp_path.rglob("*.bin"))
