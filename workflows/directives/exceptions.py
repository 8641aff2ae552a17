"""Named refusals. Each carries a message the staff screens show as it is; nothing was changed."""

from workflows.refusals import ActionRefused, ChangedSinceOpened


class DirectiveActionRefused(ActionRefused):
    """Base of every refusal: nothing was changed."""


class WrongState(DirectiveActionRefused):
    pass


class WrongUnit(DirectiveActionRefused):
    """Only the issuing unit manages a document's tasks."""


class NotAnAddressee(DirectiveActionRefused):
    """Only the addressee's own staff report on its task."""


class InvalidTask(DirectiveActionRefused):
    """Dates, addressees or wording that cannot make a task."""


class ReasonRequired(DirectiveActionRefused):
    pass


class InvalidReport(DirectiveActionRefused):
    pass


class AttachmentRefused(DirectiveActionRefused):
    pass


class AlreadyReminded(DirectiveActionRefused):
    pass


class NothingToRemind(DirectiveActionRefused):
    pass


class StaleForm(ChangedSinceOpened, DirectiveActionRefused):
    """The task or the addressee's record changed since the actor opened it; ``changes`` says
    how."""
