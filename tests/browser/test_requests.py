"""A coordination request as people see it: Quảng Nam's Social Security office asks the
Ministry of Health's health-insurance department; its head assigns it, the officer answers, and
the province accepts the answer."""

import re
from typing import Any

import pytest

from coordination.organisation.models import AgencyKind, Province, Role
from tests.factories import PASSWORD, AgencyFactory, MembershipFactory, UnitFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBJECT = "Bệnh viện đa khoa tỉnh khiếu nại số tiền bị từ chối thanh toán quý IV/2023"


def _provincial_officer(org: Any) -> Any:
    province = Province.objects.create(code="49", name="Quảng Nam")
    agency = AgencyFactory(
        code="bhxh-49",
        name="Bảo hiểm xã hội tỉnh Quảng Nam",
        symbol="BHXH",
        kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY,
        province=province,
        parent=org.vss,
    )
    unit = UnitFactory(agency=agency, name="Phòng Giám định BHYT", symbol="GĐBHYT")
    officer = UserFactory(username="qnam.officer")
    MembershipFactory(user=officer, unit=unit, role=Role.VERIFICATION_OFFICER)
    return officer


def _act(page: Any, action: str, text: str = "") -> None:
    form = page.locator(f"form:has(button[data-action={action}])")
    if text:
        form.locator("textarea").fill(text)
    form.locator(f"button[data-action={action}]").click()
    page.wait_for_load_state()


def test_a_province_asks_the_ministry_and_accepts_the_answer(org: Any, new_session: Any) -> None:
    officer = new_session(_provincial_officer(org).username, PASSWORD)
    officer.goto("/admin/")
    officer.get_by_role("link", name="Yêu cầu phối hợp").first.click()
    officer.get_by_role("link", name="Yêu cầu mới").first.click()
    officer.select_option("select[name=unit]", label="BYT – Vụ Bảo hiểm y tế")
    officer.fill("input[name=subject]", SUBJECT)
    officer.fill(
        "textarea[name=description]",
        "Bệnh viện đề nghị xem xét lại 1,2 tỷ đồng bị từ chối.\nĐề nghị Vụ hướng dẫn.",
    )
    officer.select_option("select[name=urgency]", "urgent")
    officer.click("button[data-action=send]")
    officer.wait_for_url(re.compile(r"/admin/requests/\d+/$"))
    request_url = officer.url
    assert officer.get_by_test_id("state").inner_text() == "Chờ phân công"
    assert officer.get_by_test_id("unit").inner_text().startswith("Vụ Bảo hiểm y tế")

    head = new_session(org.moh_head.username, PASSWORD)
    head.goto("/admin/requests/")
    head.get_by_role("link", name=SUBJECT).click()
    form = head.locator("form:has(button[data-action=assign])")
    form.locator("select[name=assignee]").select_option(str(org.moh_reviewer.pk))
    _act(head, "assign", "Đề nghị xử lý trong tuần.")
    assert head.get_by_test_id("state").inner_text() == "Đang xử lý"

    reviewer = new_session(org.moh_reviewer.username, PASSWORD)
    reviewer.goto("/admin/requests/?tab=assigned")
    reviewer.get_by_role("link", name=SUBJECT).click()
    _act(reviewer, "answer", "Thanh toán theo khoản 6 Điều 22 Luật Bảo hiểm y tế.")
    assert reviewer.get_by_test_id("state").inner_text() == "Đã trả lời"

    officer.goto(request_url)
    assert "khoản 6 Điều 22" in officer.get_by_test_id("answer").inner_text()
    _act(officer, "accept")
    assert officer.get_by_test_id("state").inner_text() == "Đã chấp nhận"
    timeline = officer.get_by_test_id("timeline").inner_text()
    assert timeline.count("\n") >= 3
