"""Reporting periods follow the frequency and the calendar; where an addressee stands follows
its reports and the day."""

from datetime import date

import pytest

from django.utils import translation

from workflows.directives.models import AssignmentState
from workflows.directives.periods import MAX_PERIODS, period_count, reporting_periods
from workflows.directives.standing import Standing, position_on


def _spans(frequency: str, start: date, end: date) -> list[tuple[str, str]]:
    periods = reporting_periods(frequency=frequency, starts_on=start, due_on=end)
    return [(f"{p.starts_on:%d/%m}", f"{p.due_on:%d/%m}") for p in periods]


def test_quarters_follow_the_calendar_and_are_cut_to_the_tasks_dates() -> None:
    spans = _spans("quarterly", date(2026, 2, 15), date(2026, 11, 15))
    assert spans == [("15/02", "31/03"), ("01/04", "30/06"), ("01/07", "30/09"), ("01/10", "15/11")]


@pytest.mark.parametrize(
    ("frequency", "count"),
    [("once", 1), ("monthly", 12), ("quarterly", 4), ("half_yearly", 2), ("yearly", 1)],
)
def test_a_year_has_the_periods_its_frequency_says(frequency: str, count: int) -> None:
    assert (
        period_count(frequency=frequency, starts_on=date(2026, 1, 1), due_on=date(2026, 12, 31))
        == count
    )


def test_periods_are_named_as_officials_name_them() -> None:
    start, end = date(2026, 1, 1), date(2027, 12, 31)
    with translation.override("vi"):
        quarters = [
            p.label for p in reporting_periods(frequency="quarterly", starts_on=start, due_on=end)
        ]
        halves = [
            p.label for p in reporting_periods(frequency="half_yearly", starts_on=start, due_on=end)
        ]
        months = [
            p.label for p in reporting_periods(frequency="monthly", starts_on=start, due_on=end)
        ]
    assert quarters[:4] == ["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"]
    assert halves[:2] == ["6 tháng đầu năm 2026", "6 tháng cuối năm 2026"]
    assert months[2] == "Tháng 3/2026"


def test_the_count_stops_past_the_limit_whatever_the_dates() -> None:
    count = period_count(frequency="monthly", starts_on=date(2000, 1, 1), due_on=date(2099, 1, 1))
    assert count == MAX_PERIODS + 1


QUARTERS = reporting_periods(
    frequency="quarterly", starts_on=date(2026, 1, 1), due_on=date(2026, 12, 31)
)


@pytest.mark.parametrize(
    ("today", "reported", "standing", "days"),
    [
        (date(2026, 2, 1), set(), Standing.ON_TRACK, 0),
        (date(2026, 3, 26), set(), Standing.REPORT_DUE, 5),
        (date(2026, 3, 31), set(), Standing.REPORT_DUE, 0),
        (date(2026, 4, 10), set(), Standing.LATE, 10),
        (date(2026, 4, 10), {1}, Standing.ON_TRACK, 0),
        (date(2026, 8, 1), {2}, Standing.LATE, 123),
        (date(2027, 1, 5), {1, 2, 3, 4}, Standing.LATE, 5),
    ],
)
def test_an_addressee_is_late_from_the_first_missing_report_or_the_missed_deadline(
    today: date, reported: set[int], standing: Standing, days: int
) -> None:
    position = position_on(
        today=today, state=AssignmentState.IN_PROGRESS, periods=QUARTERS, reported=reported
    )
    assert (position.standing, position.days) == (standing, days)


def test_done_and_withdrawn_are_never_late() -> None:
    late_day = date(2027, 6, 1)
    done = position_on(today=late_day, state=AssignmentState.DONE, periods=QUARTERS, reported=())
    withdrawn = position_on(
        today=late_day, state=AssignmentState.WITHDRAWN, periods=QUARTERS, reported=()
    )
    assert (done.standing, withdrawn.standing) == (Standing.DONE, Standing.WITHDRAWN)


def test_a_late_addressee_is_told_why_in_words() -> None:
    with translation.override("vi"):
        missing = position_on(
            today=date(2026, 4, 10), state="in_progress", periods=QUARTERS, reported=()
        )
        deadline = position_on(
            today=date(2027, 1, 5), state="in_progress", periods=QUARTERS, reported={1, 2, 3, 4}
        )
        assert (missing.label, missing.reason) == (
            "Quá hạn 10 ngày",
            "Báo cáo Quý I/2026 đến hạn ngày 31/03/2026",
        )
        assert deadline.reason == "Chưa hoàn thành, hạn ngày 31/12/2026"
