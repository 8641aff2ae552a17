"""The list: every filter narrows it, the order is stable, pages link to each other, and a
client syncing with ``updated_since`` sees every document whose answer may have changed."""

from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from django.test import Client
from django.utils import timezone

from coordination.portal.models import DocumentEntry, DocumentPage, DocumentRelation, RelationKind
from coordination.portal.wagtail_hooks import refresh_document_entry
from reports.models import IssuedPdf
from workflows.documents.models import Document

from .conftest import Library

pytestmark = pytest.mark.django_db

LIST = "/api/v1/documents/"


def _ids(api: Client, **params: Any) -> list[int]:
    response = api.get(LIST, params)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] == len(body["results"])
    return [answer["id"] for answer in body["results"]]


def _pks(*pages: DocumentPage) -> set[int]:
    return {page.pk for page in pages}


def test_each_filter_narrows_the_list(api: Client, library: Library) -> None:
    lib = library
    every = _pks(lib.directive_38, lib.letter, lib.amending, lib.joint, lib.expired, lib.future)
    assert set(_ids(api)) == every
    assert set(_ids(api, type="directive")) == _pks(lib.directive_38)
    assert set(_ids(api, type="guidance")) == _pks(lib.amending, lib.expired)
    assert set(_ids(api, agency="vss")) == _pks(lib.letter, lib.amending, lib.joint, lib.future)
    assert set(_ids(api, agency="moh")) == _pks(lib.joint)
    assert set(_ids(api, agency="bhxh-49")) == set()
    assert set(_ids(api, year=2009)) == _pks(lib.directive_38)
    assert set(_ids(api, year=2020)) == _pks(lib.expired)
    assert set(_ids(api, topic="giam-dinh")) == _pks(lib.directive_38, lib.letter)
    assert set(_ids(api, number="02/HD-BHXH")) == _pks(lib.amending)
    assert set(_ids(api, number="38 ct tw")) == _pks(lib.directive_38)
    assert set(_ids(api, type="guidance", year=2026)) == _pks(lib.amending)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("in_force", ["amending", "joint"]),
        ("amended", ["letter"]),
        ("revoked", ["directive_38"]),
        ("expired", ["expired"]),
        ("not_yet", ["future"]),
        ("superseded", []),
    ],
)
def test_the_status_filter_is_the_status_in_force_today(
    api: Client, library: Library, status: str, expected: list[str]
) -> None:
    """Directive 38 is revoked by a confidential document: the API shows the portal's status
    but never the confidential document itself."""
    assert set(_ids(api, status=status)) == {getattr(library, name).pk for name in expected}


def test_the_orderings_are_stable(api: Client, library: Library, publish: Any) -> None:
    same_day = publish(9, issued_on=library.amending.issued_on)
    newest = _ids(api)
    assert newest[:5] == _order(
        library.future, library.joint, same_day, library.amending, library.letter
    )
    assert newest[-2:] == [library.expired.pk, library.directive_38.pk]
    assert _ids(api, ordering="issued_on") == newest[::-1]
    by_id = _ids(api, ordering="id")
    assert by_id == sorted(by_id)
    assert _ids(api, ordering="-id") == by_id[::-1]


def _order(*pages: DocumentPage) -> list[int]:
    return [page.pk for page in pages]


def _page(api: Client, url: str) -> dict[str, Any]:
    response = api.get(url)
    assert response.status_code == 200
    return response.json()


def test_pages_give_the_total_and_link_to_the_next_and_previous(
    api: Client, library: Library
) -> None:
    first = _page(api, f"{LIST}?page_size=4&ordering=id&type=guidance&type=directive")
    assert first["count"] == 1
    first = _page(api, f"{LIST}?page_size=4&ordering=id")
    assert (first["count"], len(first["results"]), first["previous"]) == (6, 4, None)
    assert parse_qs(urlparse(first["next"]).query) == {
        "page_size": ["4"],
        "ordering": ["id"],
        "page": ["2"],
    }
    second = _page(api, first["next"])
    assert (len(second["results"]), second["next"]) == (2, None)
    assert _page(api, second["previous"]) == first
    ids = [a["id"] for a in first["results"] + second["results"]]
    assert ids == _ids(api, ordering="id")


def test_a_page_past_the_last_is_a_json_404(api: Client, library: Library) -> None:
    response = api.get(LIST, {"page": 3, "page_size": 5})
    assert response.status_code == 404
    body = response.json()
    assert (body["code"], body["detail"]) == ("not_found", "Không có trang 3: trang cuối là 2.")


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"page_size": 201}, "page_size"),
        ({"page_size": 0}, "page_size"),
        ({"page": 0}, "page"),
        ({"year": "hai nghìn"}, "year"),
        ({"type": "memo"}, "type"),
        ({"status": "valid"}, "status"),
        ({"agency": "vss moh"}, "agency"),
        ({"ordering": "subject"}, "ordering"),
        ({"updated_since": "hôm qua"}, "updated_since"),
        ({"agancy": "vss"}, "agancy"),
    ],
)
def test_a_parameter_that_is_not_valid_is_refused_by_name(
    api: Client, library: Library, params: dict[str, Any], parameter: str
) -> None:
    response = api.get(LIST, params)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_parameters"
    assert [error["parameter"] for error in body["errors"]] == [parameter]


def test_two_hundred_documents_fit_on_one_page(api: Client, library: Library) -> None:
    assert api.get(LIST, {"page_size": 200}).status_code == 200


def _everything_changed_on(moment: datetime) -> None:
    DocumentEntry.objects.update(indexed_at=moment)
    Document.objects.update(updated_at=moment)
    IssuedPdf.objects.update(rendered_at=moment)
    DocumentRelation.objects.update(created_at=moment)


def _since(api: Client, moment: datetime | str) -> set[int]:
    value = moment if isinstance(moment, str) else moment.isoformat()
    return set(_ids(api, updated_since=value, page_size=200))


def test_updated_since_finds_what_was_published_edited_rendered_or_related_since(
    api: Client, library: Library, relate: Any
) -> None:
    long_ago = timezone.now() - timedelta(hours=1)
    _everything_changed_on(long_ago - timedelta(days=1))
    assert _since(api, long_ago) == set()
    assert len(_since(api, "2000-01-01T00:00:00")) == 6
    IssuedPdf.objects.update(rendered_at=timezone.now())
    assert _since(api, long_ago) == _pks(library.letter)
    relate(library.expired, RelationKind.IMPLEMENTS, library.joint)
    assert _since(api, long_ago) == _pks(library.letter, library.expired, library.joint)
    library.amending.save_revision().publish()
    refresh_document_entry(None, library.amending)
    assert library.amending.pk in _since(api, long_ago)
    assert _since(api, timezone.now() + timedelta(minutes=1)) == set()


def test_updated_since_finds_a_document_whose_status_turned_on_a_day_in_between(
    api: Client, library: Library, publish_manual: Any, relate: Any
) -> None:
    today = timezone.localdate()
    started = publish_manual(
        "bat-dau",
        subject="Có hiệu lực từ hôm qua",
        issued_on=today - timedelta(days=10),
        effective_on=today - timedelta(days=1),
    )
    ended = publish_manual(
        "het-han", subject="Hết hiệu lực hôm nay", issued_on=date(2025, 1, 2), expires_on=today
    )
    superseded = publish_manual("cu", subject="Bị thay thế từ hôm qua", issued_on=date(2025, 3, 4))
    relate(started, RelationKind.SUPERSEDES, superseded)
    _everything_changed_on(timezone.now() - timedelta(days=30))
    two_days_ago = timezone.make_aware(
        datetime.combine(today - timedelta(days=2), datetime.min.time())
    )
    assert _since(api, two_days_ago) == _pks(started, ended, superseded)
    midnight = two_days_ago + timedelta(days=2)
    assert _since(api, midnight) == _pks(ended)
    naive = (midnight + timedelta(hours=1)).replace(tzinfo=None).isoformat()
    assert _since(api, naive) == set()
    answers = {
        a["id"]: a
        for a in api.get(LIST, {"updated_since": two_days_ago.isoformat()}).json()["results"]
    }
    assert answers[ended.pk]["updated_at"] == midnight.isoformat()
    assert all(datetime.fromisoformat(a["updated_at"]) >= two_days_ago for a in answers.values())
