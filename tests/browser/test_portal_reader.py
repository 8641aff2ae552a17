"""The portal as its readers use it, through the real parts: the demo seeded by seed_demo (real
services, real PDF rendering and signing, real publishing), Debian's chromium, a live server."""

import io
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from django.core.cache import cache
from django.core.management import call_command
from django.db import connections

from coordination.portal.models import DocumentPage, RelationKind
from coordination.portal.publishing import document_entry_refresh, portal_ensure_pages
from coordination.portal.wagtail_hooks import relation_changed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "demo-2026"


def _seed() -> None:
    try:
        call_command("seed_demo", stdout=io.StringIO())
    finally:
        connections.close_all()


@pytest.fixture(autouse=True)
def demo(settings: Any, tmp_path: Path) -> None:
    """Seeded in a thread of its own: signing a PDF runs an event loop, which cannot start in
    the thread where Playwright's loop runs."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(_seed).result()


@pytest.fixture
def anonymous(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url, locale="vi-VN", accept_downloads=True)
    yield context.new_page()
    context.close()


def _search(page: Any, query: str) -> None:
    page.fill("#site-q", query)
    page.press("#site-q", "Enter")
    page.wait_for_load_state()


def test_a_reader_finds_a_directive_without_accents_and_a_letter_by_its_number(
    anonymous: Any,
) -> None:
    anonymous.goto("/")
    _search(anonymous, "chi thi 25 quan ly")
    first = anonymous.locator(".search-results li").first
    assert first.locator(".number").inner_text() == "25/CT-BYT"
    assert first.locator("mark").first.inner_text() == "25"

    _search(anonymous, "4055 BHXH CSYT")
    numbers = anonymous.locator(".search-results .number").all_inner_texts()
    assert numbers[:2] == ["4055/BHXH-CSYT", "335/BHXH-GĐBHYT"]
    anonymous.locator(".search-results .document-link").first.click()
    assert "Số: 4055/BHXH-CSYT" in anonymous.locator("h1").inner_text()
    assert anonymous.get_by_test_id("status").inner_text() == "Đang có hiệu lực"

    with anonymous.expect_download() as download_info:
        anonymous.get_by_test_id("pdf-link").click()
    reader = PdfReader(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    text = "\n".join(pdf_page.extract_text() for pdf_page in reader.pages)
    assert "4055/BHXH-CSYT" in text
    assert "khoản 6 Điều 22" in text


def test_a_provincial_officer_acknowledges_and_the_central_dashboard_shows_it(
    new_session: Any,
) -> None:
    officer = new_session("qnam.reader", DEMO_PASSWORD)
    officer.goto("/moi-cho-don-vi/")
    officer.get_by_role("link", name="4055/BHXH-CSYT").click()
    officer.get_by_test_id("acknowledge").click()
    officer.wait_for_load_state()
    assert "Lý Văn Q" in officer.get_by_test_id("acknowledged").inner_text()
    officer.goto("/moi-cho-don-vi/")
    assert officer.get_by_role("link", name="4055/BHXH-CSYT").count() == 0

    head = new_session("vss.head", DEMO_PASSWORD)
    head.goto("/theo-doi/")
    row = head.get_by_test_id("receipts-by-document").locator("tr", has_text="4055/BHXH-CSYT")
    assert row.locator("td").first.inner_text().startswith("1 / ")
    row.get_by_role("link").click()
    line = head.get_by_test_id("receipt-lines").locator("tr", has_text="tỉnh Quảng Nam")
    assert "Lý Văn Q" in line.first.inner_text()


def test_a_revoked_document_shows_revoked_and_links_to_what_revoked_it(anonymous: Any) -> None:
    procedure = DocumentPage.objects.get(number_symbol="3618/QĐ-BHXH")
    revoking = DocumentPage(
        title="4100/QĐ-BHXH – Bãi bỏ Quyết định số 3618/QĐ-BHXH",
        slug="4100-qd-bhxh",
        number_symbol="4100/QĐ-BHXH",
        kind="decision",
        subject="Bãi bỏ Quyết định số 3618/QĐ-BHXH",
    )
    portal_ensure_pages().add_child(instance=revoking)
    revoking.save_revision().publish()
    document_entry_refresh(page=revoking)
    relation_changed(
        None, procedure.relations_in.create(source=revoking, kind=RelationKind.REVOKES)
    )

    anonymous.goto(procedure.url)
    assert anonymous.get_by_test_id("status").inner_text() == "Bị bãi bỏ"
    changes = anonymous.get_by_test_id("relations-in")
    assert "Bị bãi bỏ bởi" in changes.inner_text()
    changes.get_by_role("link").click()
    assert "Số: 4100/QĐ-BHXH" in anonymous.locator("h1").inner_text()
    assert "Bãi bỏ 3618/QĐ-BHXH" in anonymous.get_by_test_id("relations-out").inner_text()


def _act(page: Any, action: str, text: str = "") -> None:
    form = page.locator(f"form:has(button[data-action={action}])")
    if text:
        form.locator("textarea").fill(text)
    form.locator(f"button[data-action={action}]").click()
    page.wait_for_load_state()


ASKED = "Quy trình 3618 có áp dụng cho trạm y tế xã ký hợp đồng qua trung tâm y tế huyện không?"
PUBLIC_QUESTION = "Quy trình giám định 3618/QĐ-BHXH có áp dụng cho trạm y tế xã không?"


def test_a_question_asked_on_a_page_is_answered_and_published_for_every_reader(
    new_session: Any, anonymous: Any
) -> None:
    """Quảng Nam asks about Procedure 3618 (entered by hand: VSS's question desk, CSYT, answers);
    CSYT's head assigns it, a reviewer answers, the head publishes it, an anonymous reader sees
    it on the procedure's page, which was cached before."""
    procedure = DocumentPage.objects.get(number_symbol="3618/QĐ-BHXH").url
    anonymous.goto(procedure)
    assert anonymous.get_by_test_id("faq").count() == 0

    officer = new_session("qnam.reader", DEMO_PASSWORD)
    officer.goto(procedure)
    officer.fill("#question-text", ASKED)
    officer.get_by_test_id("ask").click()
    officer.wait_for_load_state()
    assert "Ban Thực hiện chính sách bảo hiểm y tế" in officer.locator(".messages").inner_text()
    assert officer.get_by_test_id("question-state").first.inner_text() == "Chờ phân công"

    head = new_session("vss.head", DEMO_PASSWORD)
    head.goto("/admin/requests/")
    head.get_by_role("link", name="Hỏi về văn bản 3618").click()
    head.locator("form:has(button[data-action=assign]) select[name=assignee]").select_option(
        label="Trần Thị B"
    )
    _act(head, "assign")
    request_url = head.url

    reviewer = new_session("vss.reviewer", DEMO_PASSWORD)
    reviewer.goto(request_url)
    _act(reviewer, "answer", "Có. Trạm y tế xã được giám định theo Quy trình 3618/QĐ-BHXH.")
    officer.goto(procedure)
    assert officer.get_by_test_id("question-state").first.inner_text() == "Đã trả lời"
    assert "Trạm y tế xã được giám định" in officer.get_by_test_id("question-answer").inner_text()

    head.goto(request_url)
    head.get_by_role("link", name="Đăng thành câu hỏi thường gặp").click()
    assert head.get_by_label("3618/QĐ-BHXH").is_checked()
    head.fill("textarea[name=question]", PUBLIC_QUESTION)
    head.fill("textarea[name=answer]", "Có. Trạm y tế xã được giám định theo Quy trình này.")
    head.click("button[data-action=publish-faq]")
    head.wait_for_load_state()
    assert head.get_by_test_id("faq-state").inner_text() == "Đã đăng"

    anonymous.goto(procedure)
    faq = anonymous.get_by_test_id("faq")
    assert "Hỏi đáp" in faq.inner_text() and PUBLIC_QUESTION in faq.inner_text()
    assert "Lý Văn Q" not in anonymous.content()
    _search(anonymous, "tram y te xa")
    assert PUBLIC_QUESTION in anonymous.get_by_test_id("faq-results").inner_text()
