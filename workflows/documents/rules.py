"""Who may do what to a document. Each ``check_*`` raises a named refusal with a message;
each ``may_*`` answers the same question as a boolean for django-fsm's ``permission``.

The drafting agency's staff work on the draft; the counterpart agency sees it from the moment it
is shared for counterpart review; confidential drafts stay within the drafting unit, the signers
and the clerks.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from coordination.organisation.models import Agency, Role, Unit
from coordination.organisation.selectors import capacity_in, user_agencies
from workflows.permissions import as_permission

from .exceptions import DocumentActionRefused, SelfApprovalForbidden, WrongAgency, WrongRole
from .models.states import DocumentState

if TYPE_CHECKING:
    from .models import Document

Check = Callable[["Document", Any], None]


def _require_agency(agency: Agency, user: Any) -> None:
    if agency.pk not in user_agencies(user):
        raise WrongAgency(_("Only staff of %(agency)s may do this.") % {"agency": agency.name})


def _require_unit_role(unit: Unit, user: Any, *roles: Role) -> None:
    _require_agency(unit.agency, user)
    if not any(capacity_in(user, role=role, unit=unit) for role in roles):
        raise WrongRole(
            _("Only a %(role)s of %(unit)s may do this.")
            % {"role": roles[0].label.lower(), "unit": unit.name}
        )


def _require_agency_role(agency: Agency, user: Any, role: Role) -> None:
    _require_agency(agency, user)
    if capacity_in(user, role=role, agency=agency) is None:
        raise WrongRole(
            _("Only a %(role)s of %(agency)s may do this.")
            % {"role": role.label.lower(), "agency": agency.name}
        )


def _forbid_own_work(document: "Document", user: Any) -> None:
    if user.pk in (document.created_by_id, document.last_edited_by_id):
        raise SelfApprovalForbidden(
            _(
                "You drafted or last edited this document, so someone else must approve, "
                "appraise or sign it."
            )
        )


def check_edit(document: "Document", user: Any) -> None:
    _require_unit_role(document.unit, user, Role.DRAFTER)


def check_submit(document: "Document", user: Any) -> None:
    _require_unit_role(document.unit, user, Role.DRAFTER)


def check_approve(document: "Document", user: Any) -> None:
    _require_unit_role(document.unit, user, Role.UNIT_HEAD)
    _forbid_own_work(document, user)


def check_appraise(document: "Document", user: Any) -> None:
    _require_agency_role(document.agency, user, Role.LEGAL)
    _forbid_own_work(document, user)


def check_agree(document: "Document", user: Any) -> None:
    """Only the named counterpart unit's head or reviewers, never the drafting agency."""
    if document.counterpart_unit is None:
        raise WrongRole(_("This document has no counterpart unit."))
    _require_unit_role(document.counterpart_unit, user, Role.UNIT_HEAD, Role.REVIEWER)
    _forbid_own_work(document, user)


def check_return(document: "Document", user: Any) -> None:
    """Whoever holds the current step may send the draft back."""
    state = document.state
    if state == DocumentState.INTERNAL_REVIEW:
        check_approve(document, user)
    elif state == DocumentState.LEGAL_APPRAISAL:
        check_appraise(document, user)
    elif state == DocumentState.COUNTERPART_REVIEW:
        check_agree(document, user)
    else:
        _require_signer(document, user)


def check_sign(document: "Document", user: Any) -> None:
    _require_signer(document, user)
    _forbid_own_work(document, user)


def check_issue(document: "Document", user: Any) -> None:
    _require_agency_role(document.agency, user, Role.CLERK)


def check_withdraw(document: "Document", user: Any) -> None:
    """The drafter who started it or the drafting unit's head."""
    if user.pk == document.created_by_id:
        _require_unit_role(document.unit, user, Role.DRAFTER)
    else:
        _require_unit_role(document.unit, user, Role.UNIT_HEAD)


def check_set_deadline(document: "Document", user: Any) -> None:
    _require_unit_role(document.unit, user, Role.UNIT_HEAD)


def signing_agencies(document: "Document") -> list[Agency]:
    """The agencies whose signature the document needs: the lead, and the partner if joint."""
    if document.is_joint and document.counterpart_agency is not None:
        return [document.agency, document.counterpart_agency]
    return [document.agency]


def agencies_still_to_sign(document: "Document") -> list[Agency]:
    signed = set(document.signatures_on_current_version().values_list("agency_id", flat=True))
    return [agency for agency in signing_agencies(document) if agency.pk not in signed]


def signing_agency_for(document: "Document", user: Any) -> Agency | None:
    """The agency this person would sign for now, if any."""
    for agency in agencies_still_to_sign(document):
        if capacity_in(user, role=Role.SIGNER, agency=agency) is not None:
            return agency
    return None


def _require_signer(document: "Document", user: Any) -> None:
    if signing_agency_for(document, user) is not None:
        return
    names = ", ".join(agency.name for agency in agencies_still_to_sign(document))
    if not user_agencies(user) & {agency.pk for agency in signing_agencies(document)}:
        raise WrongAgency(_("Only staff of %(agency)s may do this.") % {"agency": names})
    raise WrongRole(_("Only a signer of %(agency)s may do this.") % {"agency": names})


def _as_permission(check: Check) -> Callable[[Any, Any], bool]:
    return as_permission(check, refused=DocumentActionRefused)


may_submit = _as_permission(check_submit)
may_approve = _as_permission(check_approve)
may_appraise = _as_permission(check_appraise)
may_agree = _as_permission(check_agree)
may_return = _as_permission(check_return)
may_sign = _as_permission(check_sign)
may_issue = _as_permission(check_issue)
may_withdraw = _as_permission(check_withdraw)


def has_content(instance: "Document") -> bool:
    return bool(instance.subject.strip() and instance.body.strip())


def has_counterpart_if_joint(instance: "Document") -> bool:
    return not instance.is_joint or instance.counterpart_unit_id is not None


def is_joint(instance: "Document") -> bool:
    return instance.is_joint


def completes_signatures(instance: "Document") -> bool:
    """This signature is the last one needed: a single-agency document, or a joint document
    that one agency has already signed."""
    return len(agencies_still_to_sign(instance)) <= 1
