"""In force or not: each page's status follows its dates and the documents that amend, supersede
or revoke it, both ways linked, and no page revision can undo it."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from django.test import Client
from django.utils import timezone

from coordination.portal.models import DocumentPage, RelationKind
from coordination.portal.publishing import document_page_publish
from workflows.documents.models import Document, DocumentKind

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _main(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1]


def _status(page: DocumentPage) -> str:
    return _main(page.url).split('data-testid="status">', 1)[1].split("<", 1)[0]


@pytest.fixture
def directive_38(publish_manual: Callable[..., DocumentPage]) -> DocumentPage:
    return publish_manual(
        "38-ct-tw",
        number_symbol="38-CT/TW",
        kind=DocumentKind.DIRECTIVE,
        subject="Về đẩy mạnh công tác bảo hiểm y tế trong tình hình mới",
        signer_name="Trương Tấn Sang",
        issued_on=date(2009, 9, 7),
        body="Ban Bí thư yêu cầu các cấp ủy đảng lãnh đạo thực hiện tốt công tác bảo hiểm y tế.",
    )


@pytest.fixture
def letter(make_document: Callable[..., Document]) -> DocumentPage:
    return document_page_publish(document_pk=make_document(number=3).pk)


def test_a_document_issued_outside_the_system_is_published_with_its_own_facts(
    directive_38: DocumentPage,
) -> None:
    content = _main(directive_38.url)
    for fact in ["Số: 38-CT/TW", "Chỉ thị", "07/09/2009", "Trương Tấn Sang", "Đang có hiệu lực"]:
        assert fact in content
    response = Client().get("/van-ban/", {"q": "chi thi 38"})
    assert f'href="{directive_38.url}"' in response.content.decode()


def test_a_revoked_document_shows_revoked_and_links_both_ways(
    directive_38: DocumentPage, letter: DocumentPage, relate: Callable[..., Any]
) -> None:
    relate(letter, RelationKind.REVOKES, directive_38)
    revoked = _main(directive_38.url)
    assert _status(directive_38) == "Bị bãi bỏ"
    assert f'Bị bãi bỏ bởi <a href="{letter.url}">' in revoked
    assert f'Bãi bỏ <a href="{directive_38.url}">' in _main(letter.url)
    assert _status(letter) == "Đang có hiệu lực"


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        (RelationKind.SUPERSEDES, "Bị thay thế"),
        (RelationKind.AMENDS, "Được sửa đổi một phần"),
        (RelationKind.IMPLEMENTS, "Đang có hiệu lực"),
    ],
)
def test_what_a_later_document_does_decides_the_status(
    directive_38: DocumentPage,
    letter: DocumentPage,
    relate: Callable[..., Any],
    kind: RelationKind,
    status: str,
) -> None:
    relate(letter, kind, directive_38)
    assert _status(directive_38) == status


def test_a_revocation_counts_only_from_the_day_the_revoking_document_is_in_force(
    directive_38: DocumentPage, letter: DocumentPage, relate: Callable[..., Any]
) -> None:
    letter.effective_on = TODAY + timedelta(days=10)
    letter.save_revision().publish()
    relate(letter, RelationKind.REVOKES, directive_38)
    from coordination.portal.publishing import document_entry_refresh

    document_entry_refresh(page=letter)
    assert _status(directive_38) == "Đang có hiệu lực"
    assert _status(letter) == "Chưa có hiệu lực"
    assert "chưa có hiệu lực" in _main(directive_38.url)


def test_dates_decide_not_yet_in_force_and_expired(
    publish_manual: Callable[..., DocumentPage],
) -> None:
    later = publish_manual("later", subject="Sau", effective_on=TODAY + timedelta(days=1))
    ended = publish_manual("ended", subject="Hết", expires_on=TODAY)
    assert _status(later) == "Chưa có hiệu lực"
    assert _status(ended) == "Hết hiệu lực"


def test_publishing_an_old_revision_cannot_undo_a_revocation(
    directive_38: DocumentPage, letter: DocumentPage, relate: Callable[..., Any]
) -> None:
    old_revision = directive_38.latest_revision
    relate(letter, RelationKind.REVOKES, directive_38)
    directive_38.summary = "Tóm tắt mới."
    directive_38.save_revision().publish()
    old_revision.publish()
    assert _status(directive_38) == "Bị bãi bỏ"


def test_an_unpublished_revoking_document_revokes_nothing(
    directive_38: DocumentPage, letter: DocumentPage, relate: Callable[..., Any]
) -> None:
    relate(letter, RelationKind.REVOKES, directive_38)
    letter.unpublish()
    assert _status(directive_38) == "Đang có hiệu lực"
    assert letter.url not in _main(directive_38.url)


def test_the_listing_filters_by_status(
    directive_38: DocumentPage, letter: DocumentPage, relate: Callable[..., Any]
) -> None:
    relate(letter, RelationKind.REVOKES, directive_38)
    revoked = _main("/van-ban/?status=revoked")
    in_force = _main("/van-ban/?status=in_force")
    assert "38-CT/TW" in revoked and "03/BHXH-CSYT" not in revoked
    assert "03/BHXH-CSYT" in in_force and "38-CT/TW" not in in_force


def test_a_document_page_costs_the_same_queries_with_many_relations(
    directive_38: DocumentPage,
    make_document: Callable[..., Document],
    relate: Callable[..., Any],
    django_assert_max_num_queries: Any,
) -> None:
    for number in range(1, 8):
        page = document_page_publish(document_pk=make_document(number=number).pk)
        relate(page, RelationKind.AMENDS, directive_38)
    with django_assert_max_num_queries(18):  # 16, then the questions and answers and the annexes
        assert _main(directive_38.url).count("Được sửa đổi bởi") == 7
