"""Named refusals. Each carries a message the staff screens show as it is; nothing was changed."""

from workflows.refusals import ActionRefused, ChangedSinceOpened


class FaqRefused(ActionRefused):
    """Base of every refusal: nothing was changed."""


class WrongState(FaqRefused):
    pass


class WrongUnit(FaqRefused):
    pass


class WrongRole(FaqRefused):
    pass


class TextRequired(FaqRefused):
    pass


class NoDocument(FaqRefused):
    pass


class NamesThePerson(FaqRefused):
    """The public text names the person who asked; the public never learns who asked."""


class FaqChanged(ChangedSinceOpened, FaqRefused):
    """The entry or its request changed since the head opened the form; ``changes`` says how."""
