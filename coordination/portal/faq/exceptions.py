"""Named refusals. Each carries a message the staff screens show as it is; nothing was changed."""

from django.core.exceptions import PermissionDenied


class FaqRefused(PermissionDenied):
    """Base of every refusal: nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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


class FaqChanged(FaqRefused):
    """The entry or its request changed since the head opened the form; ``changes`` says how."""

    def __init__(self, message: str, changes: list[str]) -> None:
        super().__init__(message)
        self.changes = changes
