"""How long the receiving unit has to answer, in working days, by urgency."""

from datetime import date

from workflows.documents.deadlines import add_working_days

from .models.states import RequestUrgency

DAYS_BY_URGENCY = {
    RequestUrgency.NORMAL: 10,
    RequestUrgency.URGENT: 5,
    RequestUrgency.VERY_URGENT: 2,
}


def request_due_on(*, urgency: str, start: date) -> date:
    return add_working_days(start, DAYS_BY_URGENCY[RequestUrgency(urgency)])
