"""Named refusals. Each carries a message the staff screens show as it is; nothing was changed."""

from workflows.refusals import ActionRefused, ChangedSinceOpened


class RequestActionRefused(ActionRefused):
    """Base of every refusal: nothing was changed."""


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


class RequestChanged(ChangedSinceOpened, RequestActionRefused):
    """The request changed since the actor opened it; ``changes`` says how."""
