"""The upload and run pages in Debian's chromium: a rejected file's problems are listed, a run
shows its letters and the progress of their printing. Screenshots go to $KEEP_SCREENSHOT_DIR."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.factories import PASSWORD
from workflows.warnings import services
from workflows.warnings.quarters import Quarter

from .conftest import all_rows, csv_bytes
from .test_runs import flagged_quarter

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


@pytest.fixture
def page(live_server: Any, office: Any) -> Iterator[Any]:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(base_url=live_server.url, locale="vi-VN")
            page = context.new_page()
            page.set_viewport_size({"width": 1280, "height": 900})
            page.goto("/admin/login/")
            page.fill("input[name=username]", office.verifier.username)
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url("**/admin/")
            yield page
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def _keep(page: Any, name: str) -> None:
    folder = os.environ.get("KEEP_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name), full_page=True)


def test_a_rejected_upload_lists_its_problems(page: Any, office: Any, tmp_path: Path) -> None:
    rows = all_rows()
    rows[0][5] = "2,5 tỷ"
    rows[3][0] = "49999"
    path = tmp_path / "chi-phi-quy-4.csv"
    path.write_bytes(csv_bytes(rows))
    page.goto("/admin/warnings/import/")
    page.select_option("select[name=province]", str(office.province.pk))
    page.fill("input[name=quarter]", "2023Q4")
    page.set_input_files("input[name=file]", str(path))
    with page.expect_navigation():
        page.click("form[enctype] button[type=submit]")
    problems = page.locator("[data-testid=problem-list] tbody tr")
    assert problems.count() == 2
    assert "49999" in problems.nth(1).inner_text()
    _keep(page, "warnings-import-rejected.png")


def test_the_run_page_shows_the_letters_to_send(page: Any, office: Any) -> None:
    flagged_quarter(office)
    run = services.warning_run_create(
        actor=office.verifier, province=office.province, period=Quarter(2023, 4)
    )
    page.goto(f"/admin/warnings/runs/{run.pk}/")
    rows = page.locator("[data-testid=letters] tbody tr")
    assert rows.count() == 2
    assert "+15,00%" in rows.first.inner_text()
    assert page.locator("[data-action=submit]").is_visible()
    _keep(page, "warnings-run.png")
