"""Named refusals of the API clients' services, shown as they are; nothing was changed."""

from workflows.refusals import ActionRefused


class ApiClientRefused(ActionRefused):
    """Base of every refusal: nothing was changed."""


class NameRequired(ApiClientRefused):
    pass


class AgencyInactive(ApiClientRefused):
    pass


class AlreadyRevoked(ApiClientRefused):
    pass


class NotAnAdministrator(ApiClientRefused):
    pass
