"""The staff screens of cost surveillance: upload with its problems, the run page and its
steps, each province's staff seeing only their own province."""

import io
from typing import Any

from openpyxl import load_workbook

from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from workflows.warnings.models import CostImport, ThresholdSet, WarningRun
from workflows.warnings.quarters import Quarter
from workflows.warnings.services import warning_run_create

from .conftest import HEADER, all_rows, csv_bytes
from .test_runs import flagged_quarter


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(client: Client, office: Any, content: bytes, **extra: Any) -> Any:
    data = {"province": office.province.pk, "quarter": "2023Q4", "file": io.BytesIO(content)}
    data["file"].name = "chi-phi.xlsx"
    return client.post(reverse("warnings_import"), data | extra)


def test_the_upload_page_publishes_the_columns_and_the_templates(office: Any) -> None:
    client = _client(office.verifier)
    page = client.get(reverse("warnings_import")).content.decode()
    assert all(header in page for header in HEADER)
    template = client.get(reverse("warnings_import_template")).content.decode("utf-8")
    assert template.startswith("\ufeffMã cơ sở;Tên cơ sở;Tuyến")
    xlsx = client.get(reverse("warnings_import_template") + "?format=xlsx").content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert [cell.value for cell in sheet[1]] == HEADER


def test_a_rejected_upload_lists_every_problem_and_offers_them_as_csv(office: Any) -> None:
    client = _client(office.verifier)
    rows = all_rows()
    rows[0][5] = "hai tỷ"
    rows[1][0] = "49999"
    response = _upload(client, office, csv_bytes(rows))
    assert response.status_code == 422
    page = response.content.decode()
    assert "hai tỷ" in page and "49999" in page
    assert CostImport.objects.count() == 0
    listed = client.get(reverse("warnings_import_problems")).content.decode("utf-8-sig")
    assert len(listed.strip().splitlines()) == 3
    assert "49999" in listed.splitlines()[2] and listed.splitlines()[1].startswith("2,")


def test_a_good_upload_is_stored_and_replacing_needs_the_checkbox(office: Any) -> None:
    client = _client(office.verifier)
    response = _upload(client, office, csv_bytes(all_rows()))
    assert response.status_code == 302
    again = _upload(client, office, csv_bytes(all_rows()))
    assert again.status_code == 200 and CostImport.objects.count() == 1
    _upload(client, office, csv_bytes(all_rows()), replace="on")
    assert list(CostImport.objects.order_by("version").values_list("is_current", flat=True)) == [
        False,
        True,
    ]


def test_no_one_imports_for_another_province(office: Any) -> None:
    client = _client(office.neighbour_verifier)
    response = _upload(client, office, csv_bytes(all_rows()))
    assert response.status_code == 200 and CostImport.objects.count() == 0
    assert "province" in response.context["form"].errors


def test_staff_without_a_provincial_role_are_turned_away(office: Any) -> None:
    client = _client(UserFactory(username="outsider"))
    for name in ("warnings_index", "warnings_import"):
        response = client.get(reverse(name))
        assert (response.status_code, response.url) == (302, "/admin/"), "Wagtail's refusal"


def test_a_run_is_seen_only_by_its_provinces_staff(office: Any) -> None:
    flagged_quarter(office)
    run = warning_run_create(
        actor=office.verifier, province=office.province, period=Quarter(2023, 4)
    )
    item = run.items.first()
    mine, theirs = _client(office.head), _client(office.neighbour_verifier)
    assert mine.get(reverse("warnings_run", args=[run.pk])).status_code == 200
    assert mine.get(reverse("reports_warning_letter_preview", args=[item.pk])).status_code == 200
    for url in (
        reverse("warnings_run", args=[run.pk]),
        reverse("warnings_run_progress", args=[run.pk]),
        reverse("reports_warning_letter_preview", args=[item.pk]),
    ):
        assert theirs.get(url).status_code == 404
    assert (
        theirs.post(
            reverse("warnings_item_remove", args=[item.pk]), {"revision": 1, "reason": "x"}
        ).status_code
        == 404
    )
    assert "49012" not in theirs.get(reverse("warnings_index")).content.decode()


def test_the_run_page_takes_the_run_through_its_steps(
    office: Any, django_capture_on_commit_callbacks: Any
) -> None:
    flagged_quarter(office)
    verifier = _client(office.verifier)
    created = verifier.post(
        reverse("warnings_run_create"), {"province": office.province.pk, "quarter": "2023Q4"}
    )
    run = WarningRun.objects.get()
    assert created.url == reverse("warnings_run", args=[run.pk])
    page = verifier.get(created.url).content.decode()
    assert "Trung tâm Y tế huyện Thăng Bình" in page and "+15,00%" in page
    assert "&gt; 10%" in page, "the thresholds that applied are shown"
    item = run.items.get(facility__code="49014")
    verifier.post(
        reverse("warnings_item_remove", args=[item.pk]), {"revision": 1, "reason": "Nhầm."}
    )
    put_back = {"revision": 2, "facility": item.facility_id, "reason": "Chưa giải trình."}
    assert verifier.post(reverse("warnings_item_add", args=[run.pk]), put_back).status_code == 302
    verifier.post(
        reverse("warnings_item_remove", args=[item.pk]), {"revision": 3, "reason": "Đã giải trình."}
    )
    verifier.post(reverse("warnings_run_act", args=[run.pk, "submit"]), {"revision": 4})
    refused = verifier.post(reverse("warnings_run_act", args=[run.pk, "approve"]), {"revision": 5})
    assert refused.status_code == 409 and 'data-testid="refusal"' in refused.content.decode()
    _client(office.head).post(
        reverse("warnings_run_act", args=[run.pk, "approve"]), {"revision": 5}
    )
    with django_capture_on_commit_callbacks(execute=True):
        _client(office.signer).post(
            reverse("warnings_run_act", args=[run.pk, "issue"]), {"revision": 6}
        )
    run.refresh_from_db()
    assert (run.state, run.letters_total, run.letters_rendered, run.render_status) == (
        "issued",
        1,
        1,
        "ready",
    )
    progress = verifier.get(reverse("warnings_run_progress", args=[run.pk])).json()
    assert (progress["percent"], progress["done"]) == (100, True)
    letter = run.items.get(included=True)
    assert verifier.get(reverse("warnings_letter_pdf", args=[letter.pk])).status_code == 200
    assert verifier.get(reverse("warnings_print_file", args=[run.pk])).status_code == 200
    verifier.post(
        reverse("warnings_item_response", args=[letter.pk]),
        {"response": "acknowledged", "note": "Đã nhận"},
    )
    letter.refresh_from_db()
    assert letter.response == "acknowledged"


def test_a_malformed_post_is_a_clear_refusal_not_an_error(office: Any) -> None:
    flagged_quarter(office)
    run = warning_run_create(
        actor=office.verifier, province=office.province, period=Quarter(2023, 4)
    )
    client = _client(office.verifier)
    assert (
        client.post(
            reverse("warnings_run_act", args=[run.pk, "explode"]), {"revision": 1}
        ).status_code
        == 404
    )
    assert (
        client.post(reverse("warnings_item_add", args=[run.pk]), {"revision": "x"}).status_code
        == 409
    )
    assert client.post(reverse("warnings_run_create"), {"quarter": "2023Q9"}).status_code == 302


def test_the_pages_speak_vietnamese_by_default(office: Any) -> None:
    client = _client(office.verifier)
    rows = all_rows()
    rows[1][0] = "49999"
    page = _upload(client, office, csv_bytes(rows)).content.decode()
    assert "Nhập dữ liệu chi phí" in page
    assert "Tệp bị từ chối: có 1 lỗi. Chưa lưu dữ liệu nào." in page
    assert "Không có cơ sở nào đăng ký mã 49999." in page


def test_administrators_keep_the_thresholds(office: Any) -> None:
    admin = UserFactory(username="admin", is_superuser=True)
    client = _client(admin)
    url = reverse("wagtailsnippets_warnings_thresholdset:add")
    response = client.post(url, {"province": office.province.pk, "level": "", "growth_pct": "15"})
    assert response.status_code == 302
    assert ThresholdSet.objects.get(province=office.province).growth_pct == 15
    assert client.get(reverse("wagtailsnippets_warnings_thresholdset:list")).status_code == 200
    refused = _client(office.verifier).get(url)
    assert (refused.status_code, refused.url) == (302, "/admin/"), "Wagtail's refusal"
