"""Reading a page with fewer queries must not change what is read: the routing short cuts, the
cached site and listing page, the one-query view restrictions and the status read in Python."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction, Site

from coordination.portal.models import (
    DocumentPage,
    DocumentStatus,
    HomePage,
    RelationKind,
)
from coordination.portal.publishing import document_page_publish
from coordination.portal.search import pages_in_order
from coordination.portal.status import page_standing, with_status
from workflows.documents.models import Document

pytestmark = pytest.mark.django_db


def _published(make_document: Callable[..., Document], number: int = 1) -> DocumentPage:
    return document_page_publish(document_pk=make_document(number=number).pk)


def test_a_document_page_is_found_under_its_listing_and_nowhere_else(
    make_document: Callable[..., Document],
) -> None:
    page = _published(make_document)
    assert Client().get(page.url).status_code == 200
    assert Client().get(f"/van-ban/{page.slug}/them/").status_code == 404
    assert Client().get("/van-ban/khong-co-van-ban-nay/").status_code == 404
    assert Client().get(f"/{page.slug}/").status_code == 404


def test_an_unpublished_document_page_is_not_served(
    make_document: Callable[..., Document],
) -> None:
    page = _published(make_document)
    url = page.url
    page.unpublish()
    assert Client().get(url).status_code == 404


def test_a_login_restriction_on_the_listing_guards_every_document_page(
    make_document: Callable[..., Document],
) -> None:
    page = _published(make_document)
    # Read first, so that "no restriction anywhere" is what the portal knows until the next one.
    assert Client().get(f"{page.url}?r=1").status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=page.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    response = Client().get(f"{page.url}?r=2")
    assert response.status_code == 302
    assert "login" in response["Location"]
    restriction.delete()
    assert Client().get(f"{page.url}?r=3").status_code == 200


def test_without_any_restriction_a_reading_does_not_look_for_one(
    make_document: Callable[..., Document],
) -> None:
    page = _published(make_document)
    Client().get(f"{page.url}?warm=1")
    with CaptureQueriesContext(connection) as captured:
        assert Client().get(f"{page.url}?fresh=1").status_code == 200
    read = " ".join(query["sql"] for query in captured.captured_queries)
    assert "wagtailcore_pageviewrestriction" not in read
    assert "portal_documentpage" in read


def test_a_password_on_the_document_page_itself_is_asked_for(
    make_document: Callable[..., Document],
) -> None:
    page = _published(make_document)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    content = Client().get(page.url).content.decode()
    assert "01/BHXH-CSYT" not in content.split("<main", 1)[-1]
    assert 'type="password"' in content


def test_a_restriction_on_the_page_an_alias_stands_for_guards_the_alias(
    make_document: Callable[..., Document],
) -> None:
    index = _published(make_document).get_parent().specific
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    alias = index.create_alias(parent=Page.objects.get(depth=1), update_slug="van-ban-bi-danh")
    ours = set(alias.specific.get_view_restrictions())
    assert ours == set(Page.get_view_restrictions(alias)) and len(ours) == 1


def test_the_restrictions_found_are_wagtails(make_document: Callable[..., Document]) -> None:
    page = _published(make_document)
    home = HomePage.objects.get()
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
    ours = set(page.get_view_restrictions())
    wagtails = set(Page.get_view_restrictions(page))
    assert ours == wagtails and len(ours) == 1


def test_the_home_page_shows_a_new_introduction_at_once_despite_the_cache() -> None:
    from coordination.portal.publishing import portal_ensure_pages

    portal_ensure_pages()
    client = Client()
    assert client.get("/").status_code == 200
    home = HomePage.objects.get()
    home.intro = "<p>Chào mừng các Sở Y tế</p>"
    home.save_revision().publish()
    assert "Chào mừng các Sở Y tế" in client.get("/").content.decode()


def test_a_site_moved_to_another_root_is_followed_at_once(
    make_document: Callable[..., Document],
) -> None:
    page = _published(make_document)
    client = Client()
    assert client.get(page.url).status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.root_page = Page.objects.get(depth=1)
    site.save()
    assert client.get(page.url).status_code == 404


@pytest.mark.parametrize(
    ("kind", "source_starts", "expected"),
    [
        (RelationKind.REVOKES, -1, DocumentStatus.REVOKED),
        (RelationKind.REVOKES, +3, DocumentStatus.IN_FORCE),
        (RelationKind.SUPERSEDES, 0, DocumentStatus.SUPERSEDED),
        (RelationKind.AMENDS, -5, DocumentStatus.AMENDED),
        (RelationKind.IMPLEMENTS, -5, DocumentStatus.IN_FORCE),
    ],
)
def test_the_page_and_the_listing_agree_on_the_status(
    make_document: Callable[..., Document],
    relate: Callable[..., Any],
    kind: RelationKind,
    source_starts: int,
    expected: DocumentStatus,
) -> None:
    today = timezone.localdate()
    target = _published(make_document, 1)
    source = document_page_publish(
        document_pk=make_document(number=2, issued_on=today + timedelta(days=source_starts)).pk
    )
    relate(source, kind, target)
    in_sql = with_status(DocumentPage.objects.filter(pk=target.pk), today=today).get().status
    on_page = page_standing(page=DocumentPage.objects.get(pk=target.pk), today=today).status
    [in_results] = pages_in_order([target.pk], today=today)
    assert in_sql == on_page == in_results.status == expected


def test_dates_alone_give_the_same_status_everywhere(
    make_document: Callable[..., Document],
) -> None:
    today = timezone.localdate()
    later = document_page_publish(
        document_pk=make_document(number=1, issued_on=today + timedelta(days=9)).pk
    )
    ended = _published(make_document, 2)
    ended.expires_on = date(2026, 11, 30)
    ended.save_revision().publish()
    from coordination.portal.wagtail_hooks import refresh_document_entry

    refresh_document_entry(None, ended)
    for page, expected in ((later, DocumentStatus.NOT_YET), (ended, DocumentStatus.EXPIRED)):
        in_sql = with_status(DocumentPage.objects.filter(pk=page.pk), today=today).get().status
        [in_results] = pages_in_order([page.pk], today=today)
        fresh = DocumentPage.objects.get(pk=page.pk)
        assert in_sql == in_results.status == page_standing(page=fresh, today=today).status
        assert in_sql == expected
