"""Named refusals. Each carries a message the staff interface shows as it is."""

from workflows.refusals import ActionRefused, ChangedSinceOpened


class DocumentActionRefused(ActionRefused):
    """Base of every refusal: nothing was changed."""


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


class DocumentChanged(ChangedSinceOpened, DocumentActionRefused):
    """The document changed since the actor opened it; ``changes`` says how."""
