"""Who may publish what: the head of the unit that answered the request publishes it, edits the
public text and takes it off the portal. Each ``check_*`` raises a named refusal; ``may_manage``
answers the same question for django-fsm's ``permission``."""

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from coordination.organisation.models import Role, Unit
from coordination.organisation.selectors import capacities_of, capacity_in
from workflows.permissions import as_permission

from .exceptions import FaqRefused, WrongRole, WrongUnit

if TYPE_CHECKING:
    from workflows.requests.models import CoordinationRequest

    from ..models import FaqEntry


def _require_head(unit: Unit, user: Any) -> None:
    message = _("Only the head of %(unit)s may publish its answers.") % {"unit": unit.name}
    if not any(capacity.unit_id == unit.pk for capacity in capacities_of(user)):
        raise WrongUnit(message)
    if capacity_in(user, role=Role.UNIT_HEAD, unit=unit) is None:
        raise WrongRole(message)


def check_publish_request(request: "CoordinationRequest", user: Any) -> None:
    """The head of the unit that holds (and answered) the request."""
    _require_head(request.unit, user)


def check_manage(entry: "FaqEntry", user: Any) -> None:
    _require_head(entry.unit, user)


may_manage = as_permission(check_manage, refused=FaqRefused)
