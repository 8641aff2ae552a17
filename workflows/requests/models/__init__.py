from .attachment import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, RequestAttachment
from .event import RequestEvent
from .request import CoordinationRequest
from .states import OPEN_STATES, RECEIVER_STATES, RequestState, RequestUrgency

__all__ = [
    "MAX_ATTACHMENTS",
    "MAX_ATTACHMENT_BYTES",
    "OPEN_STATES",
    "RECEIVER_STATES",
    "CoordinationRequest",
    "RequestAttachment",
    "RequestEvent",
    "RequestState",
    "RequestUrgency",
]
