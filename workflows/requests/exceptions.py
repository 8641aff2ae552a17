"""Named refusals. Each carries a message the staff screens show as it is; nothing was changed."""

from django.core.exceptions import PermissionDenied


class RequestActionRefused(PermissionDenied):
    """Base of every refusal: nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WrongState(RequestActionRefused):
    pass


class WrongUnit(RequestActionRefused):
    pass


class WrongRole(RequestActionRefused):
    pass


class NotTheRequester(RequestActionRefused):
    pass


class NotTheAssignee(RequestActionRefused):
    pass


class ReasonRequired(RequestActionRefused):
    pass


class AttachmentRefused(RequestActionRefused):
    pass


class RequestChanged(RequestActionRefused):
    """The request changed since the actor opened it; ``changes`` says how."""

    def __init__(self, message: str, changes: list[str]) -> None:
        super().__init__(message)
        self.changes = changes
