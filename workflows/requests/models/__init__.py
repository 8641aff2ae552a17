from .event import RequestEvent
from .request import CoordinationRequest
from .states import OPEN_STATES, RECEIVER_STATES, RequestState, RequestUrgency

__all__ = [
    "OPEN_STATES",
    "RECEIVER_STATES",
    "CoordinationRequest",
    "RequestEvent",
    "RequestState",
    "RequestUrgency",
]
