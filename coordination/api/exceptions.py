"""Named refusals of the API clients' services, shown as they are; nothing was changed."""

from django.core.exceptions import PermissionDenied


class ApiClientRefused(PermissionDenied):
    """Base of every refusal: nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NameRequired(ApiClientRefused):
    pass


class AgencyInactive(ApiClientRefused):
    pass


class AlreadyRevoked(ApiClientRefused):
    pass


class NotAnAdministrator(ApiClientRefused):
    pass
