"""Named refusals. Each carries a message the staff interface shows as it is."""

from django.core.exceptions import PermissionDenied


class DocumentActionRefused(PermissionDenied):
    """Base of every refusal: nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WrongState(DocumentActionRefused):
    pass


class WrongAgency(DocumentActionRefused):
    pass


class WrongRole(DocumentActionRefused):
    pass


class SelfApprovalForbidden(DocumentActionRefused):
    pass


class ReasonRequired(DocumentActionRefused):
    pass


class IncompleteDocument(DocumentActionRefused):
    pass


class DocumentChanged(DocumentActionRefused):
    """The document changed since the actor opened it; ``changes`` says how."""

    def __init__(self, message: str, changes: list[str]) -> None:
        super().__init__(message)
        self.changes = changes
