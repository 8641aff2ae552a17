"""Who may do what in cost surveillance. Each ``check_*`` raises a named refusal; each
``may_*`` answers the same question as a boolean for django-fsm's ``permission``.

Everything belongs to a province's Social Security office: its verification officers import
data and prepare runs, the head of the verification unit reviews, the office's signer signs."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from coordination.organisation.models import Agency, Role
from coordination.organisation.selectors import (
    user_agencies,
    user_has_role_in_agency,
    user_has_role_in_unit,
)
from workflows.permissions import as_permission

from .exceptions import SelfApprovalForbidden, WarningActionRefused, WrongProvince, WrongRole
from .models.states import WarningRunState

if TYPE_CHECKING:
    from .models import WarningRun

Check = Callable[["WarningRun", Any], None]


def check_agency_role(agency: Agency, user: Any, role: Role) -> None:
    if agency.pk not in user_agencies(user):
        raise WrongProvince(_("Only staff of %(agency)s may do this.") % {"agency": agency.name})
    if not user_has_role_in_agency(user=user, agency=agency, role=role):
        raise WrongRole(
            _("Only a %(role)s of %(agency)s may do this.")
            % {"role": role.label.lower(), "agency": agency.name}
        )


def _require_unit_role(run: "WarningRun", user: Any, role: Role) -> None:
    if run.agency_id not in user_agencies(user):
        raise WrongProvince(
            _("Only staff of %(agency)s may do this.") % {"agency": run.agency.name}
        )
    if not user_has_role_in_unit(user=user, unit=run.unit, role=role):
        raise WrongRole(
            _("Only a %(role)s of %(unit)s may do this.")
            % {"role": role.label.lower(), "unit": run.unit.name}
        )


def _forbid_own_work(run: "WarningRun", user: Any) -> None:
    if user.pk in (run.prepared_by_id, run.last_edited_by_id):
        raise SelfApprovalForbidden(
            _("You prepared or last changed this run, so someone else must approve or sign it.")
        )


def check_prepare(run: "WarningRun", user: Any) -> None:
    _require_unit_role(run, user, Role.VERIFICATION_OFFICER)


def check_submit(run: "WarningRun", user: Any) -> None:
    _require_unit_role(run, user, Role.VERIFICATION_OFFICER)


def check_approve(run: "WarningRun", user: Any) -> None:
    _require_unit_role(run, user, Role.UNIT_HEAD)
    _forbid_own_work(run, user)


def check_return(run: "WarningRun", user: Any) -> None:
    if run.state == WarningRunState.AWAITING_SIGNATURE:
        check_agency_role(run.agency, user, Role.SIGNER)
    else:
        _require_unit_role(run, user, Role.UNIT_HEAD)


def check_issue(run: "WarningRun", user: Any) -> None:
    check_agency_role(run.agency, user, Role.SIGNER)
    _forbid_own_work(run, user)


def check_record_response(run: "WarningRun", user: Any) -> None:
    _require_unit_role(run, user, Role.VERIFICATION_OFFICER)


def _as_permission(check: Check) -> Callable[[Any, Any], bool]:
    return as_permission(check, refused=WarningActionRefused)


may_submit = _as_permission(check_submit)
may_approve = _as_permission(check_approve)
may_return = _as_permission(check_return)
may_issue = _as_permission(check_issue)


def has_letters(instance: "WarningRun") -> bool:
    return instance.items.filter(included=True).exists()
