"""Who may do what with a document's tasks. Each ``check_*`` raises a named refusal; each
``may_*`` answers the same question as a boolean for django-fsm's ``permission``.

The issuing unit (the unit that drafted the document, and for a joint document the counterpart
unit too) gives, changes and cancels tasks, reopens or withdraws an addressee's and sends
reminders; an addressee's own staff report on it; the central agencies' leadership and, unless
the document is confidential, the issuing agencies' staff look at the follow-up.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from coordination.organisation.models import Agency, AgencyKind, Role
from coordination.organisation.selectors import capacities_of
from workflows.documents.models import Document, DocumentKind, DocumentState
from workflows.permissions import allowed, as_permission

from .exceptions import DirectiveActionRefused, NotAnAddressee, WrongState, WrongUnit

if TYPE_CHECKING:
    from .models import DirectiveTask, TaskAssignment

# Documents whose text gives tasks to others; a report or a notice gives none.
TASK_KINDS = (
    DocumentKind.DIRECTIVE,
    DocumentKind.PLAN,
    DocumentKind.REGULATION,
    DocumentKind.DECISION,
    DocumentKind.OFFICIAL_LETTER,
    DocumentKind.GUIDANCE,
    DocumentKind.JOINT_CIRCULAR,
)
# In force: a superseded or revoked document takes no new tasks (its old ones stay readable).
IN_FORCE = (DocumentState.ISSUED, DocumentState.AMENDED)


def managing_units(document: Document) -> set[int]:
    units = {document.unit_id}
    if document.is_joint and document.counterpart_unit_id:
        units.add(document.counterpart_unit_id)
    return units


def takes_tasks(document: Document) -> bool:
    return document.kind in TASK_KINDS and document.state in IN_FORCE


def check_takes_tasks(document: Document) -> None:
    if document.kind not in TASK_KINDS:
        raise WrongState(
            _("A %(kind)s does not give tasks.") % {"kind": document.get_kind_display()}
        )
    if document.state not in IN_FORCE:
        raise WrongState(
            _("Tasks are given by an issued document in force; this one is “%(state)s”.")
            % {"state": document.get_state_display()}
        )


def check_manage_document(document: Document, user: Any) -> None:
    mine = {capacity.unit_id for capacity in capacities_of(user)}
    if not mine & managing_units(document):
        raise WrongUnit(
            _("Only staff of %(unit)s manage this document's tasks.") % {"unit": document.unit.name}
        )


def check_manage(task: "DirectiveTask", user: Any) -> None:
    check_manage_document(task.document, user)


def check_manage_assignment(assignment: "TaskAssignment", user: Any) -> None:
    check_manage_document(assignment.task.document, user)


def is_addressee(assignment: "TaskAssignment", user: Any) -> bool:
    capacities = capacities_of(user)
    if assignment.unit_id:
        return any(c.unit_id == assignment.unit_id for c in capacities)
    return any(c.agency_id == assignment.agency_id for c in capacities)


def check_report(assignment: "TaskAssignment", user: Any) -> None:
    """Only the addressee's own staff report, and only for their own agency or unit."""
    if not is_addressee(assignment, user):
        raise NotAnAddressee(
            _("Only staff of %(addressee)s report on this task.")
            % {"addressee": assignment.addressee_name}
        )


def task_is_open(assignment: "TaskAssignment") -> bool:
    return assignment.task.is_open


def is_central_leader(user: Any) -> bool:
    """Signers of a central agency (the General Director, the Minister and their deputies)."""
    agencies = {c.agency_id for c in capacities_of(user) if c.role == Role.SIGNER}
    return (
        bool(agencies) and Agency.objects.filter(pk__in=agencies, kind=AgencyKind.CENTRAL).exists()
    )


def check_view_follow_up(document: Document, user: Any) -> None:
    """The matrix and the review: the issuing unit, central leadership and, unless the document
    is confidential, the issuing agencies' staff."""
    if allowed(check_manage_document, document, user, refused=DirectiveActionRefused):
        return
    issuers = {document.agency_id, document.counterpart_agency_id if document.is_joint else None}
    own_agency = any(c.agency_id in issuers for c in capacities_of(user))
    if (own_agency and not document.is_confidential) or is_central_leader(user):
        return
    raise WrongUnit(_("You may not see the follow-up of this document."))


def check_view_assignment(assignment: "TaskAssignment", user: Any) -> None:
    if is_addressee(assignment, user):
        return
    check_view_follow_up(assignment.task.document, user)


def _as_permission(check: Callable[[Any, Any], None]) -> Callable[[Any, Any], bool]:
    return as_permission(check, refused=DirectiveActionRefused)


may_manage = _as_permission(check_manage)
may_manage_assignment = _as_permission(check_manage_assignment)
may_report = _as_permission(check_report)
