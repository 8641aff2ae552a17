"""A joint VSS–MoH circular through every step in the browser, each person in their own session:
drafted at VSS, appraised, returned by MoH with a reason, redrafted, a stale page refused with
what changed, signed by both agencies and issued with both symbols."""

from typing import Any

import pytest

from django.utils import timezone

from tests.factories import PASSWORD
from workflows.documents.models import Document, DocumentState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBJECT = "Hướng dẫn thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế khi chuyển tuyến"


def _act(page: Any, action: str, comment: str = "") -> None:
    form = page.locator(f"form:has(button[data-action={action}])")
    if comment:
        form.locator("textarea").fill(comment)
    form.locator(f"button[data-action={action}]").click()
    page.wait_for_load_state()


def _state(document: Document) -> str:
    document.refresh_from_db()
    return document.state


def test_a_joint_circular_goes_through_both_agencies(org: Any, new_session: Any) -> None:
    drafter = new_session(org.drafter.username, PASSWORD)
    drafter.goto("/admin/workflow/new/")
    drafter.select_option("select[name=kind]", "joint_circular")
    drafter.select_option("select[name=counterpart_unit]", str(org.moh_bh.pk))
    drafter.fill("input[name=subject]", SUBJECT)
    drafter.fill("textarea[name=body]", "Điều 1. Phạm vi điều chỉnh\nBản dự thảo thứ nhất.")
    drafter.click("button[data-action=save]")
    drafter.wait_for_url("**/admin/workflow/*/")
    url = drafter.url
    document = Document.objects.get(subject=SUBJECT)
    _act(drafter, "submit")

    head = new_session(org.head.username, PASSWORD)
    head.goto(url)
    _act(head, "approve")
    legal = new_session(org.legal.username, PASSWORD)
    legal.goto(url)
    _act(legal, "appraise")
    assert _state(document) == DocumentState.COUNTERPART_REVIEW

    moh_head = new_session(org.moh_head.username, PASSWORD)
    moh_head.goto("/admin/workflow/")
    moh_head.get_by_role("link", name=SUBJECT).click()
    moh_head.fill("textarea[name=body]", "Đề nghị bổ sung đối tượng áp dụng.")
    moh_head.click("button[data-action=comment]")
    _act(moh_head, "return_to_drafter", "Bổ sung Điều 2 về đối tượng áp dụng.")
    assert _state(document) == DocumentState.DRAFTING

    drafter.goto(url)
    assert "Đề nghị bổ sung đối tượng áp dụng." in drafter.get_by_test_id("comment").inner_text()
    drafter.goto(f"{url}edit/")
    drafter.fill(
        "textarea[name=body]",
        "Điều 1. Phạm vi điều chỉnh\nBản dự thảo thứ hai.\nĐiều 2. Đối tượng áp dụng",
    )
    drafter.click("button[data-action=save]")
    drafter.wait_for_url(url)
    _act(drafter, "submit")
    head.goto(url)
    _act(head, "approve")
    legal.goto(url)
    _act(legal, "appraise")

    moh_reviewer = new_session(org.moh_reviewer.username, PASSWORD)
    moh_head.goto(url)
    moh_reviewer.goto(url)
    _act(moh_reviewer, "agree", "Bộ Y tế thống nhất nội dung.")
    _act(moh_head, "return_to_drafter", "Trả lại lần nữa.")
    refusal = moh_head.get_by_test_id("refusal").inner_text()
    assert str(org.moh_reviewer.get_full_name()) in refusal
    assert _state(document) == DocumentState.AWAITING_SIGNATURE

    moh_head.goto(f"{url}compare/")
    diff = moh_head.get_by_test_id("diff")
    assert diff.locator("del").all_inner_texts() == ["nhất."]
    assert diff.locator("ins").all_inner_texts() == ["hai.", "Điều 2. Đối tượng áp dụng"]

    moh_signer = new_session(org.moh_signer.username, PASSWORD)
    moh_signer.goto(url)
    _act(moh_signer, "sign")
    assert _state(document) == DocumentState.PARTLY_SIGNED
    signer = new_session(org.signer.username, PASSWORD)
    signer.goto(url)
    _act(signer, "sign")
    clerk = new_session(org.clerk.username, PASSWORD)
    clerk.goto(url)
    _act(clerk, "issue")
    year = timezone.localdate().year
    assert clerk.get_by_test_id("number").inner_text() == f"01/{year}/TTLT-BHXH-BYT"
    assert document.signatures.count() == 2
