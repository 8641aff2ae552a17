from .attachment import IncomingAttachment
from .event import IncomingEvent
from .incoming import IncomingDocument
from .notice import StatusNotice
from .register import IncomingCounter, IncomingRegisterPrint, PrintStatus
from .states import STATE_OF_CODE, STATUS_CODES, IncomingState, Priority

__all__ = [
    "STATE_OF_CODE",
    "STATUS_CODES",
    "IncomingAttachment",
    "IncomingCounter",
    "IncomingDocument",
    "IncomingEvent",
    "IncomingRegisterPrint",
    "IncomingState",
    "PrintStatus",
    "Priority",
    "StatusNotice",
]
