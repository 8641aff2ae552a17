"""The follow-up in Debian's chromium: an addressee reports with a file, the issuing unit filters
its matrix and reminds the late. Screenshots go to $KEEP_SCREENSHOT_DIR."""

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.factories import PASSWORD
from workflows.directives.models import ProgressReport, TaskReminder

from .steps import give, report_all_past

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


@pytest.fixture
def open_as(live_server: Any) -> Iterator[Callable[[Any], Any]]:
    """A logged-in page for a person, in a browser session of its own."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)

            def login(user: Any) -> Any:
                context = browser.new_context(base_url=live_server.url, locale="vi-VN")
                page = context.new_page()
                page.set_viewport_size({"width": 1280, "height": 900})
                page.goto("/admin/login/")
                page.fill("input[name=username]", user.username)
                page.fill("input[name=password]", PASSWORD)
                page.click("button[type=submit]")
                page.wait_for_url("**/admin/")
                return page

            yield login
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def _keep(page: Any, name: str) -> None:
    folder = os.environ.get("KEEP_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name), full_page=True)


def test_an_officer_reports_with_a_file_from_the_assigned_tasks(
    issuer: Any, open_as: Any, tmp_path: Path
) -> None:
    give(issuer)
    office = issuer.offices["49"]
    page = open_as(office.officer)
    page.click("text=Nhiệm vụ được giao")
    page.click("[data-testid=task-list] a")
    page.fill("textarea[name=text]", "Đã rà soát 20 cơ sở khám bệnh, chữa bệnh.")
    page.fill("input[name=percent_done]", "30")
    attachment = tmp_path / "ket-qua-ra-soat.pdf"
    attachment.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.set_input_files("input[name=attachments]", str(attachment))
    with page.expect_navigation():
        page.click("[data-action=report]")
    assert "Báo cáo đã được gửi" in page.content()
    assert page.locator("[data-testid=report] [data-testid=attachments] a").inner_text() == (
        "ket-qua-ra-soat.pdf"
    )
    _keep(page, "directives-report-sent.png")
    sent = ProgressReport.objects.get()
    assert (sent.author, sent.period, sent.percent_done) == (office.officer, 1, 30)


def test_the_issuing_unit_filters_the_late_and_reminds_them(issuer: Any, open_as: Any) -> None:
    task = give(issuer)
    report_all_past(task, issuer.offices["01"])
    page = open_as(issuer.officer)
    page.goto(f"/admin/directives/documents/{issuer.directive.pk}/")
    page.select_option("select[name=standing]", "late")
    with page.expect_navigation():
        page.click("[data-testid=matrix-filters] button[type=submit]")
    rows = page.locator("[data-testid=matrix] tbody tr")
    assert rows.count() == 2
    assert "Hà Nội" not in page.locator("[data-testid=matrix] tbody").inner_text()
    with page.expect_navigation():
        page.click("[data-action=remind-late]")
    assert "Đã nhắc 2 đơn vị." in page.content()
    _keep(page, "directives-reminded.png")
    assert TaskReminder.objects.count() == 2
