"""Taking a test incoming document through its lifecycle with the right person at each step."""

from typing import Any

from workflows.exchange import services
from workflows.exchange.models import IncomingDocument, IncomingState

from .conftest import Office, imported

VERBS = {
    "accept": services.incoming_accept,
    "return": services.incoming_return,
    "assign": services.incoming_assign,
    "start": services.incoming_start,
    "complete": services.incoming_complete,
}


def act(incoming: IncomingDocument, actor: Any, verb: str, **kwargs: Any) -> IncomingDocument:
    return VERBS[verb](
        incoming=incoming, actor=actor, expected_revision=incoming.revision, **kwargs
    )


def to_state(office: Office, state: IncomingState) -> IncomingDocument:
    """Registered by the clerk, accepted, assigned by the deputy director to the officer."""
    assign = (office.signer, "assign", {"unit": office.verification, "assignee": office.officer})
    paths = {
        IncomingState.ARRIVED: [],
        IncomingState.RETURNED: [(office.clerk, "return", {"comment": "Gửi nhầm đơn vị."})],
        IncomingState.ACCEPTED: [(office.clerk, "accept", {})],
        IncomingState.ASSIGNED: [(office.clerk, "accept", {}), assign],
        IncomingState.PROCESSING: [
            (office.clerk, "accept", {}),
            assign,
            (office.officer, "start", {}),
        ],
        IncomingState.COMPLETED: [
            (office.clerk, "accept", {}),
            assign,
            (office.officer, "start", {}),
            (office.officer, "complete", {}),
        ],
    }
    incoming = imported(office)
    for actor, verb, kwargs in paths[state]:
        incoming = act(incoming, actor, verb, **kwargs)
    assert incoming.state == state
    return incoming
