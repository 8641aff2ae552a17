"""How long each step may take, in working days, by document type (changeable per document by the
unit head). Weekends do not count; public holidays are not modelled."""

from datetime import date, timedelta

from .models import DocumentKind, DocumentState

DEFAULT_DAYS = {
    DocumentState.DRAFTING: 5,
    DocumentState.INTERNAL_REVIEW: 2,
    DocumentState.LEGAL_APPRAISAL: 5,
    DocumentState.COUNTERPART_REVIEW: 7,
    DocumentState.AWAITING_SIGNATURE: 2,
    DocumentState.PARTLY_SIGNED: 3,
    DocumentState.SIGNED: 1,
}
# Heavier documents get longer appraisal and counterpart review.
DAYS_BY_KIND = {
    DocumentKind.JOINT_CIRCULAR: {
        DocumentState.LEGAL_APPRAISAL: 10,
        DocumentState.COUNTERPART_REVIEW: 15,
    },
    DocumentKind.REGULATION: {
        DocumentState.LEGAL_APPRAISAL: 10,
        DocumentState.COUNTERPART_REVIEW: 10,
    },
    DocumentKind.DECISION: {DocumentState.LEGAL_APPRAISAL: 7},
    DocumentKind.DIRECTIVE: {DocumentState.LEGAL_APPRAISAL: 7},
}


def step_days(*, kind: str, state: str) -> int | None:
    if state not in DEFAULT_DAYS:
        return None
    return DAYS_BY_KIND.get(DocumentKind(kind), {}).get(state, DEFAULT_DAYS[state])


def add_working_days(start: date, days: int) -> date:
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def step_due_on(*, kind: str, state: str, start: date) -> date | None:
    days = step_days(kind=kind, state=state)
    return None if days is None else add_working_days(start, days)
