"""Where an addressee stands on a task on a given day: done, on track, a report due soon, or
late (and by how many days). Derived from the reports, never stored, so it changes by itself as
days pass."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .models.states import AssignmentState
from .periods import Period

REPORT_DUE_SOON_DAYS = 7


class Standing(models.TextChoices):
    DONE = "done", gettext_lazy("Done")
    ON_TRACK = "on_track", gettext_lazy("On track")
    REPORT_DUE = "report_due", gettext_lazy("Report due")
    LATE = "late", gettext_lazy("Late")
    WITHDRAWN = "withdrawn", gettext_lazy("Not required")


@dataclass(frozen=True)
class Position:
    """``days`` counts the days late (LATE) or the days left to report (REPORT_DUE) from
    ``period``, the first period late or due; ``latest`` is the last period late, which a
    reminder is about (each newly missed period earns one)."""

    standing: Standing
    days: int = 0
    period: Period | None = None
    deadline_passed: bool = False
    latest: Period | None = None

    @property
    def label(self) -> str:
        if self.standing == Standing.LATE:
            return ngettext("Late by %(n)d day", "Late by %(n)d days", self.days) % {"n": self.days}
        if self.standing == Standing.REPORT_DUE:
            if self.days == 0:
                return _("Report due today")
            return ngettext("Report due in %(n)d day", "Report due in %(n)d days", self.days) % {
                "n": self.days
            }
        return str(self.standing.label)

    @property
    def reason(self) -> str:
        """Why it is late or due: which period's report, or the task's deadline."""
        if self.period is None or self.standing not in (Standing.LATE, Standing.REPORT_DUE):
            return ""
        day = self.period.due_on.strftime("%d/%m/%Y")
        if self.deadline_passed:
            return _("Not reported done by %(day)s") % {"day": day}
        return _("Report for %(period)s due %(day)s") % {"period": self.period.label, "day": day}

    @property
    def is_late(self) -> bool:
        return self.standing == Standing.LATE

    @property
    def calls_for_reminder(self) -> bool:
        return self.standing in (Standing.LATE, Standing.REPORT_DUE)


def position_on(
    *,
    today: date,
    state: str,
    periods: Sequence[Period],
    reported: Collection[int],
    task_open: bool = True,
) -> Position:
    if state == AssignmentState.DONE:
        return Position(Standing.DONE)
    if state == AssignmentState.WITHDRAWN or not task_open:
        return Position(Standing.WITHDRAWN)
    missing = [period for period in periods if period.number not in reported]
    overdue = [period for period in missing if period.due_on < today]
    if overdue:
        days = (today - overdue[0].due_on).days
        return Position(Standing.LATE, days, overdue[0], latest=overdue[-1])
    last = periods[-1]
    if last.due_on < today:
        days = (today - last.due_on).days
        return Position(Standing.LATE, days, last, deadline_passed=True, latest=last)
    if missing and (missing[0].due_on - today).days <= REPORT_DUE_SOON_DAYS:
        return Position(Standing.REPORT_DUE, (missing[0].due_on - today).days, missing[0])
    return Position(Standing.ON_TRACK, period=missing[0] if missing else None)
