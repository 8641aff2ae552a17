"""Who may do what to a coordination request. Each ``check_*`` raises a named refusal; each
``may_*`` answers the same question as a boolean for django-fsm's ``permission``.

The receiving unit's head assigns and forwards; the assignee answers or asks for more; the
requester replies, accepts or reopens; a drafting officer of the receiving unit starts a document
that will answer it.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from coordination.organisation.models import Role, Unit
from coordination.organisation.selectors import capacities_of, capacity_in
from workflows.permissions import as_permission

from .exceptions import NotTheAssignee, NotTheRequester, RequestActionRefused, WrongRole, WrongUnit

if TYPE_CHECKING:
    from .models import CoordinationRequest

Check = Callable[["CoordinationRequest", Any], None]


def is_member(user: Any, unit: Unit) -> bool:
    return any(capacity.unit_id == unit.pk for capacity in capacities_of(user))


def _require_member(unit: Unit, user: Any) -> None:
    if not is_member(user, unit):
        raise WrongUnit(_("Only staff of %(unit)s may do this.") % {"unit": unit.name})


def check_raise(request: "CoordinationRequest", user: Any) -> None:
    """Anyone raises a request for one of their own units, to any other active unit."""
    _require_member(request.requester_unit, user)
    check_receiving_unit(request, request.unit)


def check_receiving_unit(request: "CoordinationRequest", unit: Unit) -> None:
    if unit.pk in (request.requester_unit_id, request.unit_id if request.pk else None):
        raise WrongUnit(_("Choose another unit than the one that has the request."))
    if not unit.is_active:
        raise WrongUnit(_("%(unit)s no longer exists.") % {"unit": unit.name})


def check_assign(request: "CoordinationRequest", user: Any) -> None:
    _require_member(request.unit, user)
    if capacity_in(user, role=Role.UNIT_HEAD, unit=request.unit) is None:
        raise WrongRole(
            _("Only the head of %(unit)s may assign or forward it.") % {"unit": request.unit.name}
        )


check_forward = check_assign


def check_assignee(request: "CoordinationRequest", user: Any) -> None:
    """Only the member it was assigned to answers or asks for more."""
    if request.assignee_id != user.pk:
        raise NotTheAssignee(_("Only the person it is assigned to may do this."))


def check_link(request: "CoordinationRequest", user: Any) -> None:
    """The assignee or the receiving unit's head links the document that answers it."""
    if request.assignee_id != user.pk:
        check_assign(request, user)


def check_draft_answer(request: "CoordinationRequest", user: Any) -> None:
    """A drafting officer of the receiving unit starts the document that will answer it."""
    if capacity_in(user, role=Role.DRAFTER, unit=request.unit) is None:
        raise WrongRole(
            _("Only a drafting officer of %(unit)s may start a document that answers it.")
            % {"unit": request.unit.name}
        )


def check_requester(request: "CoordinationRequest", user: Any) -> None:
    if request.requester_id != user.pk:
        raise NotTheRequester(_("Only the person who raised the request may do this."))


def _as_permission(check: Check) -> Callable[[Any, Any], bool]:
    return as_permission(check, refused=RequestActionRefused)


may_assign = _as_permission(check_assign)
may_forward = _as_permission(check_forward)
may_answer = _as_permission(check_assignee)
may_ask = _as_permission(check_assignee)
may_reply = _as_permission(check_requester)
may_accept = _as_permission(check_requester)
may_reopen = _as_permission(check_requester)
