"""Who may do what to a document. Each ``check_*`` raises a named refusal with a message;
each ``may_*`` answers the same question as a boolean for django-fsm's ``permission``."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from coordination.organisation.models import Role
from coordination.organisation.selectors import (
    user_agencies,
    user_has_role_in_agency,
    user_has_role_in_unit,
)

from .exceptions import DocumentActionRefused, SelfApprovalForbidden, WrongAgency, WrongRole
from .models.states import DocumentState

if TYPE_CHECKING:
    from .models import Document

Check = Callable[["Document", Any], None]


def _require_agency(document: "Document", user: Any) -> None:
    if document.agency_id not in user_agencies(user):
        raise WrongAgency(
            _("Only staff of %(agency)s may act on this document.")
            % {"agency": document.agency.name}
        )


def _require_unit_role(document: "Document", user: Any, role: Role) -> None:
    _require_agency(document, user)
    if not user_has_role_in_unit(user=user, unit=document.unit, role=role):
        raise WrongRole(
            _("Only a %(role)s of %(unit)s may do this.")
            % {"role": role.label.lower(), "unit": document.unit.name}
        )


def _require_agency_role(document: "Document", user: Any, role: Role) -> None:
    _require_agency(document, user)
    if not user_has_role_in_agency(user=user, agency=document.agency, role=role):
        raise WrongRole(
            _("Only a %(role)s of %(agency)s may do this.")
            % {"role": role.label.lower(), "agency": document.agency.name}
        )


def _forbid_own_work(document: "Document", user: Any) -> None:
    if user.pk in (document.created_by_id, document.last_edited_by_id):
        raise SelfApprovalForbidden(
            _("You drafted or last edited this document, so someone else must approve or sign it.")
        )


def check_edit(document: "Document", user: Any) -> None:
    _require_unit_role(document, user, Role.DRAFTER)


def check_submit(document: "Document", user: Any) -> None:
    _require_unit_role(document, user, Role.DRAFTER)


def check_approve(document: "Document", user: Any) -> None:
    _require_unit_role(document, user, Role.UNIT_HEAD)
    _forbid_own_work(document, user)


def check_return(document: "Document", user: Any) -> None:
    if document.state == DocumentState.AWAITING_SIGNATURE:
        _require_agency_role(document, user, Role.SIGNER)
    else:
        _require_unit_role(document, user, Role.UNIT_HEAD)


def check_sign(document: "Document", user: Any) -> None:
    _require_agency_role(document, user, Role.SIGNER)
    _forbid_own_work(document, user)


def check_issue(document: "Document", user: Any) -> None:
    _require_agency_role(document, user, Role.CLERK)


def _as_permission(check: Check) -> Callable[["Document", Any], bool]:
    def permission(instance: "Document", user: Any) -> bool:
        try:
            check(instance, user)
        except DocumentActionRefused:
            return False
        return True

    permission.__name__ = check.__name__.replace("check_", "may_")
    return permission


may_submit = _as_permission(check_submit)
may_approve = _as_permission(check_approve)
may_return = _as_permission(check_return)
may_sign = _as_permission(check_sign)
may_issue = _as_permission(check_issue)


def has_content(instance: "Document") -> bool:
    return bool(instance.subject.strip() and instance.body.strip())
