"""A table of the illegal steps: wrong state, wrong unit or role, not the requester or the
assignee, no reason, a stale form. Each refusal leaves the state, the revision, the assignee and
the audit trail exactly as they were."""

from typing import Any

import pytest

from coordination.organisation.names import person_name
from workflows.documents import services as document_services
from workflows.documents.models import DocumentKind
from workflows.requests import services
from workflows.requests.exceptions import (
    NotTheAssignee,
    NotTheRequester,
    ReasonRequired,
    RequestChanged,
    WrongRole,
    WrongState,
    WrongUnit,
)
from workflows.requests.models import RequestEvent
from workflows.requests.models import RequestState as S
from workflows.requests.models.event import ACTION_LABELS

from .steps import act, raise_request, to_state

REASON = {"comment": "Lý do"}
ILLEGAL = [
    # wrong state
    (S.SUBMITTED, "moh_reviewer", "answer", REASON, WrongState),
    (S.SUBMITTED, "officer", "accept", {}, WrongState),
    (S.SUBMITTED, "officer", "reply", REASON, WrongState),
    (S.ASSIGNED, "officer", "accept", {}, WrongState),
    (S.ASSIGNED, "officer", "reopen", REASON, WrongState),
    (S.WAITING_FOR_REQUESTER, "moh_reviewer", "answer", REASON, WrongState),
    (S.WAITING_FOR_REQUESTER, "moh_head", "forward", {**REASON, "unit": "csyt"}, WrongState),
    (S.ANSWERED, "moh_head", "assign", {"assignee": "moh_drafter"}, WrongState),
    (S.ANSWERED, "moh_reviewer", "answer", REASON, WrongState),
    (S.ACCEPTED, "officer", "reopen", REASON, WrongState),
    (S.ACCEPTED, "moh_head", "forward", {**REASON, "unit": "csyt"}, WrongState),
    # wrong unit or role
    (S.SUBMITTED, "head", "assign", {"assignee": "moh_reviewer"}, WrongUnit),
    (S.SUBMITTED, "moh_reviewer", "assign", {"assignee": "moh_reviewer"}, WrongRole),
    (S.SUBMITTED, "moh_drafter", "forward", {**REASON, "unit": "csyt"}, WrongRole),
    (S.SUBMITTED, "qnam_head", "forward", {**REASON, "unit": "csyt"}, WrongUnit),
    (S.SUBMITTED, "moh_head", "assign", {"assignee": "drafter"}, WrongUnit),
    (S.SUBMITTED, "moh_head", "forward", {**REASON, "unit": "moh_bh"}, WrongUnit),
    (S.SUBMITTED, "moh_head", "forward", {**REASON, "unit": "qnam_unit"}, WrongUnit),
    # not the assignee
    (S.ASSIGNED, "moh_head", "answer", REASON, NotTheAssignee),
    (S.ASSIGNED, "moh_drafter", "ask", REASON, NotTheAssignee),
    # not the requester
    (S.ANSWERED, "colleague", "accept", {}, NotTheRequester),
    (S.ANSWERED, "moh_reviewer", "accept", {}, NotTheRequester),
    (S.ANSWERED, "qnam_head", "reopen", REASON, NotTheRequester),
    (S.WAITING_FOR_REQUESTER, "colleague", "reply", REASON, NotTheRequester),
    # reason required
    (S.SUBMITTED, "moh_head", "forward", {"comment": " ", "unit": "csyt"}, ReasonRequired),
    (S.ASSIGNED, "moh_reviewer", "answer", {"comment": ""}, ReasonRequired),
    (S.ASSIGNED, "moh_reviewer", "ask", {"comment": "  "}, ReasonRequired),
    (S.ANSWERED, "officer", "reopen", {"comment": ""}, ReasonRequired),
    (S.WAITING_FOR_REQUESTER, "officer", "reply", {"comment": ""}, ReasonRequired),
]


def _ids(row: tuple) -> str:
    return f"{row[0]}-{row[1]}-{row[2]}-{row[4].__name__}"


def _person(org: Any, qnam: Any, who: str) -> Any:
    """A person or unit by name: ``officer``, ``qnam_head``, ``qnam_unit`` or one of ``org``."""
    if who in ("officer", "colleague"):
        return getattr(qnam, who)
    if who.startswith("qnam_"):
        return getattr(qnam, who.removeprefix("qnam_"))
    return getattr(org, who)


def _snapshot(request: Any) -> tuple:
    request.refresh_from_db()
    return (
        request.state,
        request.revision,
        request.unit_id,
        request.assignee_id,
        request.answer_text,
        RequestEvent.objects.count(),
    )


@pytest.mark.parametrize(
    ("state", "who", "verb", "kwargs", "refusal"), ILLEGAL, ids=[_ids(r) for r in ILLEGAL]
)
def test_an_illegal_step_changes_nothing(
    org: Any, qnam: Any, state: S, who: str, verb: str, kwargs: dict, refusal: type
) -> None:
    request = to_state(org, qnam, state)
    before = _snapshot(request)
    arguments = {
        name: _person(org, qnam, value) if name in ("assignee", "unit") else value
        for name, value in kwargs.items()
    }
    with pytest.raises(refusal) as raised:
        act(request, _person(org, qnam, who), verb, **arguments)
    assert raised.value.message
    assert _snapshot(request) == before


def test_a_stale_form_is_refused_and_says_what_changed(org: Any, qnam: Any) -> None:
    request = raise_request(org, qnam)
    seen = request.revision
    act(request, org.moh_head, "assign", assignee=org.moh_reviewer)
    before = _snapshot(request)
    with pytest.raises(RequestChanged) as raised:
        services.request_forward(
            request=request, actor=org.moh_head, expected_revision=seen, unit=org.csyt, comment="x"
        )
    assert len(raised.value.changes) == 1
    change = raised.value.changes[0]
    assert person_name(org.moh_head) in change and str(ACTION_LABELS["assign"]) in change
    assert "đã đã" not in change
    assert _snapshot(request) == before


def test_nobody_raises_a_request_for_a_unit_they_do_not_belong_to(org: Any, qnam: Any) -> None:
    with pytest.raises(WrongUnit):
        raise_request(org, qnam, actor=org.drafter)
    with pytest.raises(WrongUnit):
        raise_request(org, qnam, unit=qnam.unit)
    assert RequestEvent.objects.count() == 0


def test_a_request_names_only_issued_public_documents(org: Any, qnam: Any) -> None:
    draft = document_services.document_create(
        actor=org.drafter, unit=org.csyt, kind=DocumentKind.OFFICIAL_LETTER, subject="Dự thảo"
    )
    with pytest.raises(WrongState):
        raise_request(org, qnam, documents=[draft])
    assert RequestEvent.objects.count() == 0
