"""Named refusals. Each carries a message the staff screens and the command show as it is;
nothing was stored or changed."""

from dataclasses import dataclass

from workflows.refusals import ActionRefused, ChangedSinceOpened


class ExchangeRefused(ActionRefused):
    """Base of every refusal: nothing was stored or changed."""


@dataclass(frozen=True)
class Problem:
    """One reason a package is refused, and where in the XML (element path and line)."""

    reason: str
    where: str = ""

    def __str__(self) -> str:
        return f"{self.reason} ({self.where})" if self.where else self.reason


class PackageRefused(ExchangeRefused):
    """The package is malformed, unsafe, too large, not for this agency or already received."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(str(problems[0]))
        self.problems = problems


class WrongState(ExchangeRefused):
    pass


class WrongAgency(ExchangeRefused):
    pass


class WrongRole(ExchangeRefused):
    pass


class ReasonRequired(ExchangeRefused):
    pass


class NotExportable(ExchangeRefused):
    pass


class IncomingChanged(ChangedSinceOpened, ExchangeRefused):
    """The incoming document changed since the actor opened it; ``changes`` says how."""
