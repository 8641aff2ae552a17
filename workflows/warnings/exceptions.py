"""Named refusals of the cost-surveillance side. Each carries a message shown as it is."""

from workflows.refusals import ActionRefused, ChangedSinceOpened


class WarningActionRefused(ActionRefused):
    """Base of every refusal: nothing was changed."""


class WrongState(WarningActionRefused):
    pass


class WrongProvince(WarningActionRefused):
    pass


class WrongRole(WarningActionRefused):
    pass


class SelfApprovalForbidden(WarningActionRefused):
    pass


class ReasonRequired(WarningActionRefused):
    pass


class NothingToWarn(WarningActionRefused):
    pass


class RunChanged(ChangedSinceOpened, WarningActionRefused):
    """The run changed since the actor opened it."""


class QuarterAlreadyImported(WarningActionRefused):
    """The quarter has data; replacing it must be asked for."""


class NoCostData(WarningActionRefused):
    pass


class RunExists(WarningActionRefused):
    pass


class CostFileRejected(ValueError):
    """The file has problems; nothing was stored. ``problems`` lists every one."""

    def __init__(self, problems: list) -> None:
        super().__init__(f"{len(problems)} problem(s) in the cost file")
        self.problems = problems
