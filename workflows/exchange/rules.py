"""Who may do what with an incoming document. Each ``check_*`` raises a named refusal; each
``may_*`` answers the same question as a boolean for django-fsm's ``permission``.

The receiving agency's clerk (văn thư) registers packages, accepts or returns them; its
leadership (a signer) or its clerk assigns them to a unit or person; that person, or the unit
when nobody in it was named, and the unit's head, process and complete them.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from coordination.organisation.models import Agency, Role
from coordination.organisation.selectors import capacities_of
from workflows.permissions import as_permission

from .exceptions import ExchangeRefused, WrongAgency, WrongRole

if TYPE_CHECKING:
    from .models import IncomingDocument

Check = Callable[["IncomingDocument", Any], None]
ASSIGNERS = (Role.CLERK, Role.SIGNER)


def _roles_in(user: Any, agency_id: int) -> set[str]:
    return {c.role for c in capacities_of(user) if c.agency_id == agency_id}


def check_register(agency: Agency, user: Any) -> None:
    """Only the receiving agency's clerk registers what arrives."""
    roles = _roles_in(user, agency.pk)
    if not roles:
        raise WrongAgency(_("Only staff of %(agency)s may do this.") % {"agency": agency.name})
    if Role.CLERK not in roles:
        raise WrongRole(
            _("Only the clerk of %(agency)s registers incoming documents.")
            % {"agency": agency.name}
        )


def check_clerk(incoming: "IncomingDocument", user: Any) -> None:
    check_register(incoming.agency, user)


def check_assign(incoming: "IncomingDocument", user: Any) -> None:
    roles = _roles_in(user, incoming.agency_id)
    if not roles:
        name = incoming.agency.name
        raise WrongAgency(_("Only staff of %(agency)s may do this.") % {"agency": name})
    if not roles & set(ASSIGNERS):
        raise WrongRole(_("Only the leadership or the clerk of the agency assigns documents."))


def check_handle(incoming: "IncomingDocument", user: Any) -> None:
    """The person it was given to; when only a unit was named, its members; always its head."""
    capacities = [c for c in capacities_of(user) if c.unit_id == incoming.unit_id]
    is_head = any(c.role == Role.UNIT_HEAD for c in capacities)
    if incoming.assignee_id == user.pk or is_head:
        return
    if incoming.assignee_id is None and capacities:
        return
    raise WrongRole(_("Only the person or unit it was assigned to may do this."))


def _as_permission(check: Check) -> Callable[[Any, Any], bool]:
    return as_permission(check, refused=ExchangeRefused)


may_accept = _as_permission(check_clerk)
may_return = _as_permission(check_clerk)
may_assign = _as_permission(check_assign)
may_handle = _as_permission(check_handle)
