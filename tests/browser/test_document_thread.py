"""The thin thread through the real parts, as people see it: a VSS letter from the drafter's
first keystroke to the published portal page and its PDF."""

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBJECT = "Về việc cảnh báo cơ sở khám chữa bệnh có chi phí tăng bất thường"


def _act(page: Any, action: str, comment: str = "") -> None:
    form = page.locator(f"form:has(button[data-action={action}])")
    if comment:
        form.locator("textarea").fill(comment)
    form.locator(f"button[data-action={action}]").click()
    page.wait_for_load_state()


def test_a_letter_goes_from_draft_to_the_portal_with_its_number(org: Any, new_session: Any) -> None:
    drafter = new_session(org.drafter.username, PASSWORD)
    drafter.goto("/admin/workflow/new/")
    drafter.select_option("select[name=kind]", "official_letter")
    drafter.fill("input[name=subject]", SUBJECT)
    drafter.fill(
        "textarea[name=body]",
        "Quý III năm 2026, một số cơ sở có chi phí tăng trên 10,35% so với cùng kỳ.\n\n"
        "Đề nghị Bảo hiểm xã hội các tỉnh gửi văn bản cảnh báo trước ngày 15/12/2026.",
    )
    drafter.fill("textarea[name=addressees]", "Bảo hiểm xã hội các tỉnh, thành phố")
    drafter.click("button[data-action=save]")
    drafter.wait_for_url("**/admin/workflow/*/")
    document_url = drafter.url
    assert drafter.get_by_test_id("subject").inner_text() == SUBJECT
    _act(drafter, "submit")
    assert drafter.get_by_test_id("state").inner_text() == "Đang xem xét nội bộ"

    head = new_session(org.head.username, PASSWORD)
    head.goto("/admin/workflow/")
    head.get_by_role("link", name=SUBJECT).click()
    _act(head, "approve", "Đồng ý trình ký.")
    assert head.get_by_test_id("state").inner_text() == "Chờ ký"

    signer = new_session(org.signer.username, PASSWORD)
    signer.goto(document_url)
    _act(signer, "sign")

    clerk = new_session(org.clerk.username, PASSWORD)
    clerk.goto(document_url)
    _act(clerk, "issue")
    assert clerk.get_by_test_id("number").inner_text() == "01/BHXH-CSYT"

    reader = new_session(org.drafter.username, PASSWORD)
    reader.goto("/van-ban/")
    reader.get_by_role("link", name="01/BHXH-CSYT").first.click()
    assert "Số: 01/BHXH-CSYT" in reader.locator("main").inner_text()
    pdf_link = reader.get_by_role("link", name="PDF")
    with reader.expect_download() as download_info:
        pdf_link.first.click()
    pdf_bytes = Path(download_info.value.path()).read_bytes()
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)
    assert "Số: 01/BHXH-CSYT" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
