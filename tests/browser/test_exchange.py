"""An issued letter as people exchange it: VSS's clerk downloads its edXML package from the
letter's page, Quảng Nam's clerk registers it and accepts it, and the letter's page at VSS then
shows that Quảng Nam accepted it."""

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from django.db import connection

from tests.exchange.conftest import QNAM_CODE
from tests.exchange.conftest import qnam as qnam  # the fixture
from tests.factories import PASSWORD
from tests.workflows.steps import to_state
from workflows.documents.models import DocumentState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _issued_letter(org: Any) -> Any:
    """Issued, and its PDF signed, away from the browser's event loop (pyHanko runs its own)."""
    try:
        letter = to_state(org, DocumentState.ISSUED)
        letter.refresh_from_db()
        return letter
    finally:
        connection.close()


def test_a_letter_travels_to_a_province_and_its_acceptance_comes_back(
    org: Any, qnam: Any, new_session: Any, tmp_path: Path
) -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        letter = pool.submit(_issued_letter, org).result()
    assert letter.pdf_status == "ready", letter.pdf_error

    vss = new_session(org.clerk.username, PASSWORD)
    vss.goto(f"/admin/workflow/{letter.pk}/")
    vss.select_option("select[name=to]", label=f"{qnam.agency.name} ({QNAM_CODE})")
    with vss.expect_download() as download:
        vss.click("button[data-action=export]")
    package = tmp_path / download.value.suggested_filename
    download.value.save_as(package)
    assert package.name.endswith(".edxml")

    clerk = new_session(qnam.clerk.username, PASSWORD)
    clerk.goto("/admin/exchange/")
    clerk.get_by_role("link", name="Đăng ký gói tin edXML").click()
    clerk.set_input_files("input[name=package]", str(package))
    clerk.click("button[data-action=import]")
    clerk.wait_for_url(re.compile(r"/admin/exchange/\d+/$"))
    assert clerk.get_by_test_id("state").inner_text() == "01 – Đã đến"
    assert clerk.get_by_test_id("arrival").inner_text().startswith("1 / ")
    clerk.click("button[data-action=accept]")
    clerk.wait_for_load_state()
    assert clerk.get_by_test_id("state").inner_text() == "03 – Đã tiếp nhận"

    vss.reload()
    notices = vss.get_by_test_id("status-notices").inner_text()
    assert f"03 Đã tiếp nhận — {qnam.agency.name}" in notices
    assert f"01 Đã đến — {qnam.agency.name}" in notices
