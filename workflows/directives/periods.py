"""Reporting periods from a task's frequency: calendar months, quarters, half-years or years,
the first and last cut to the task's dates. A period's report is due on its last day."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from .models.states import TaskFrequency

MONTHS_PER_PERIOD = {
    TaskFrequency.MONTHLY: 1,
    TaskFrequency.QUARTERLY: 3,
    TaskFrequency.HALF_YEARLY: 6,
    TaskFrequency.YEARLY: 12,
}
MAX_PERIODS = 60
ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Period:
    number: int
    starts_on: date
    ends_on: date
    frequency: str

    @property
    def due_on(self) -> date:
        return self.ends_on

    @property
    def label(self) -> str:
        """'Quý I/2026', 'Tháng 3/2026', '6 tháng đầu năm 2026', 'Năm 2026' in the language
        active when it is read."""
        return period_label(self.frequency, self.ends_on)


def reporting_periods(*, frequency: str, starts_on: date, due_on: date) -> tuple[Period, ...]:
    if frequency == TaskFrequency.ONCE:
        return (Period(1, starts_on, due_on, frequency),)
    months = MONTHS_PER_PERIOD[TaskFrequency(frequency)]
    periods: list[Period] = []
    start = starts_on
    while start <= due_on and len(periods) <= MAX_PERIODS:
        end = min(_block_end(start, months), due_on)
        periods.append(Period(len(periods) + 1, start, end, frequency))
        start = end + timedelta(days=1)
    return tuple(periods)


def period_count(*, frequency: str, starts_on: date, due_on: date) -> int:
    return len(reporting_periods(frequency=frequency, starts_on=starts_on, due_on=due_on))


def _block_end(day: date, months: int) -> date:
    last_month = ((day.month - 1) // months + 1) * months
    return date(day.year, last_month, calendar.monthrange(day.year, last_month)[1])


def period_label(frequency: str, day: date) -> str:
    if frequency == TaskFrequency.MONTHLY:
        return _("Month %(month)d/%(year)d") % {"month": day.month, "year": day.year}
    if frequency == TaskFrequency.QUARTERLY:
        roman = ROMAN[(day.month - 1) // 3]
        return _("Quarter %(roman)s/%(year)d") % {"roman": roman, "year": day.year}
    if frequency == TaskFrequency.HALF_YEARLY:
        if day.month <= 6:
            return _("First half of %(year)d") % {"year": day.year}
        return _("Second half of %(year)d") % {"year": day.year}
    if frequency == TaskFrequency.YEARLY:
        return _("Year %(year)d") % {"year": day.year}
    return _("Report on the result")
