"""What anonymous readers and machines get: cached pages invalidated on publish, province pages,
the most read, feeds, the sitemap, Open Graph tags and the language links."""

from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree

import pytest

from django.test import Client

from coordination.organisation.models import Agency, Person
from coordination.portal.models import DocumentPage, Topic
from coordination.portal.publishing import document_page_publish
from workflows.documents.models import Document

pytestmark = pytest.mark.django_db


def test_an_anonymous_reader_gets_the_cached_page_until_the_next_publish(
    make_document: Callable[..., Document],
    attach_pdf: Callable[[Document], None],
    django_assert_max_num_queries: Any,
) -> None:
    document = make_document(number=2)
    attach_pdf(document)
    page = document_page_publish(document_pk=document.pk)
    assert "Trần Thị B" in Client().get(page.url).content.decode()
    Document.objects.filter(pk=document.pk).update(signer_name="Lê Văn C")
    with django_assert_max_num_queries(2):
        assert "Trần Thị B" in Client().get(page.url).content.decode()
    document_page_publish(document_pk=document.pk)
    assert "Lê Văn C" in Client().get(page.url).content.decode()


def test_a_new_document_appears_at_once_on_the_cached_listing_and_home(
    make_document: Callable[..., Document],
) -> None:
    document_page_publish(document_pk=make_document(number=1).pk)
    Client().get("/van-ban/"), Client().get("/")
    document_page_publish(document_pk=make_document(number=2).pk)
    assert "02/BHXH-CSYT" in Client().get("/van-ban/").content.decode()
    assert "02/BHXH-CSYT" in Client().get("/").content.decode()


def test_a_logged_in_reader_is_never_served_a_cached_page(
    quang_nam: Agency, make_document: Callable[..., Document]
) -> None:
    page = document_page_publish(document_pk=make_document(number=2).pk)
    Client().get(page.url)
    reader = Client()
    reader.force_login(Person.objects.get(username="qnam.reader"))
    assert 'data-testid="acknowledge"' in reader.get(page.url).content.decode()
    assert 'data-testid="acknowledge"' not in Client().get(page.url).content.decode()


def test_the_home_page_shows_the_most_read(make_document: Callable[..., Document]) -> None:
    quiet = document_page_publish(document_pk=make_document(number=1).pk)
    read = document_page_publish(document_pk=make_document(number=2).pk)
    for _ in range(3):
        Client().get(read.url)
    home = Client().get("/").content.decode()
    most_read = home.split('id="most-read-title"', 1)[1].split("</section>", 1)[0]
    assert read.url in most_read and quiet.url not in most_read


def test_a_province_page_lists_what_is_addressed_to_it_or_issued_there(
    quang_nam: Agency, make_document: Callable[..., Document]
) -> None:
    national = document_page_publish(document_pk=make_document(number=1).pk)
    addressed = document_page_publish(document_pk=make_document(number=2).pk)
    addressed.provinces.set([quang_nam.province])
    addressed.save_revision().publish()
    content = Client().get("/tinh/49/").content.decode()
    assert addressed.url in content and national.url not in content
    assert "Tỉnh Quảng Nam" in content
    assert Client().get("/tinh/99/").status_code == 404
    assert "/tinh/49/" in Client().get("/tinh/").content.decode()


def test_feeds_per_topic_and_agency_list_the_documents(
    make_document: Callable[..., Document], vss: Agency
) -> None:
    payment = Topic.objects.create(name="Thanh toán", slug="thanh-toan")
    page = document_page_publish(document_pk=make_document(number=4).pk)
    page.topics.set([payment])
    page.save_revision().publish()
    rss = Client().get("/rss/chu-de/thanh-toan/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert "04/BHXH-CSYT" in rss.content.decode()
    atom = Client().get("/atom/co-quan/vss/").content.decode()
    assert "http://www.w3.org/2005/Atom" in atom and f"http://testserver{page.url}" in atom
    assert Client().get("/rss/chu-de/khong-co/").status_code == 404


def test_the_sitemap_lists_every_live_document_page(
    make_document: Callable[..., Document],
) -> None:
    live = document_page_publish(document_pk=make_document(number=1).pk)
    hidden = document_page_publish(document_pk=make_document(number=2).pk)
    hidden.unpublish()
    root = ElementTree.fromstring(Client().get("/sitemap.xml").content)  # noqa: S314 - ours
    locations = {
        node.text for node in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    }
    assert f"http://testserver{live.url}" in locations
    assert f"http://testserver{hidden.url}" not in locations


def test_a_document_page_carries_open_graph_tags(issued: Document) -> None:
    page: DocumentPage = document_page_publish(document_pk=issued.pk)
    content = Client().get(page.url).content.decode()
    assert '<meta property="og:type" content="article">' in content
    assert f'<meta property="og:title" content="{page.title}">' in content


@pytest.mark.parametrize(
    ("target", "expected"),
    [("/van-ban/", "/van-ban/"), ("https://evil.example/", "/"), ("//evil.example", "/")],
)
def test_the_language_link_switches_and_stays_on_the_site(target: str, expected: str) -> None:
    response = Client().get("/ngon-ngu/en/", {"next": target})
    assert response.status_code == 302 and response["Location"] == expected
    assert response.cookies["django_language"].value == "en"


def test_a_page_waiting_for_its_pdf_is_not_cached_so_the_pdf_appears_when_ready(
    issued: Document, attach_pdf: Callable[[Document], None]
) -> None:
    page = document_page_publish(document_pk=issued.pk)
    assert "/pdf/van-ban/" not in Client().get(page.url).content.decode()
    attach_pdf(issued)
    assert f"/pdf/van-ban/{issued.pk}/" in Client().get(page.url).content.decode()


def test_a_listing_by_topic_links_its_feeds(make_document: Callable[..., Document]) -> None:
    Topic.objects.create(name="Giám định", slug="giam-dinh")
    document_page_publish(document_pk=make_document(number=1).pk)
    content = Client().get("/van-ban/", {"topic": "giam-dinh"}).content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" href="/rss/chu-de/giam-dinh/">' in content
    )
    assert 'href="/atom/chu-de/giam-dinh/"' in content
