"""The issue's scenario: a directive with a task for three provinces, two reporting and one late,
shows in the matrix and in the printed review (its PDF read back with pdfplumber)."""

import io
import re
from datetime import date
from decimal import Decimal
from typing import Any

import pdfplumber

from django.test import Client
from django.urls import reverse

from reports.reviews.report import review_snapshot
from workflows.directives.models import DirectiveReview, ReviewStatus

from .steps import TITLE, assignment_of, give, past_periods, report, today


def _scenario(issuer: Any) -> Any:
    """Hà Nội and Nghệ An report every past quarter (Nghệ An says it is done); Quảng Nam
    sends nothing."""
    task = give(issuer, measure_label="Số cơ sở đã rà soát", measure_unit="cơ sở")
    hanoi, nghean = issuer.offices["01"], issuer.offices["40"]
    for number in past_periods(task):
        report(
            assignment_of(task, hanoi),
            hanoi.officer,
            number,
            percent_done=50,
            quantity=Decimal("120"),
        )
    report(assignment_of(task, nghean), nghean.officer, 1, quantity=Decimal("1477"))
    report(
        assignment_of(task, nghean), nghean.officer, 2, marks_done=True, quantity=Decimal("1500")
    )
    return task


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_matrix_shows_two_reporting_and_one_late(issuer: Any) -> None:
    _scenario(issuer)
    page = _client(issuer.officer).get(reverse("directives_document", args=[issuer.directive.pk]))
    html = page.content.decode()
    rows = dict(re.findall(r'data-province="(\d+)">.*?data-standing="(\w+)"', html, re.S))
    assert rows == {"01": "on_track", "40": "done", "49": "late"}
    assert "Quá hạn" in html and "Hoàn thành" in html and "Đúng tiến độ" in html
    only_late = (
        _client(issuer.officer)
        .get(reverse("directives_document", args=[issuer.directive.pk]), {"standing": "late"})
        .content.decode()
    )
    assert re.findall(r'data-province="(\d+)"', only_late) == ["49"]


def test_the_printed_review_says_who_did_what_and_who_is_late(issuer: Any, committed: Any) -> None:
    _scenario(issuer)
    client = _client(issuer.officer)
    year = today().year
    period = {"starts_on": f"{year}-01-01", "ends_on": f"{year}-12-31"}
    preview = client.post(
        reverse("reports_directive_review_preview", args=[issuer.directive.pk]), period
    )
    assert "BÁO CÁO" in preview.content.decode()
    with committed():
        client.post(reverse("directives_review", args=[issuer.directive.pk]), period)
    review = DirectiveReview.objects.get()
    assert review.status == ReviewStatus.READY, review.error
    response = client.get(reverse("directives_review_pdf", args=[review.pk]))
    pdf = b"".join(response.streaming_content)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pages = document.pages
        text = " ".join(" ".join(page.extract_text().split()) for page in pages)
        landscape = pages[-1].width > pages[-1].height
    assert "BỘ Y TẾ" in text and "BÁO CÁO" in text and f"năm {year}" in text
    assert "Chỉ thị số 25/CT-BYT" in text
    assert "giao 3 đơn vị; 1 đơn vị đã hoàn thành, 1 đơn vị đang thực hiện, 1 đơn vị chậm" in text
    assert re.search(r"Nhiệm vụ 1: chậm \d+ ngày: Quảng Nam\.", text)
    assert "Số cơ sở đã rà soát: 1.620 cơ sở" in text
    assert "PHỤ LỤC" in text and TITLE[:30] in text and landscape
    assert "Chậm" in text.split("PHỤ LỤC")[1] and "Hoàn thành" in text.split("PHỤ LỤC")[1]


def test_a_mid_term_review_counts_what_was_done_by_its_end(issuer: Any) -> None:
    _scenario(issuer)
    start = date(today().year, 1, 1)
    snapshot = review_snapshot(issuer.directive, starts_on=start, ends_on=today())
    assert snapshot.subject.startswith("Kết quả thực hiện Chỉ thị số 25/CT-BYT từ ngày 01/01/")
    assert snapshot.number_line == "Số:        /BC-BYT"
