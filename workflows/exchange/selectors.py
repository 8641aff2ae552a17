"""Reading incoming documents: who sees which, what a person may do, the timeline, the status
notices an outgoing document received."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from coordination.organisation.models import Agency, Role, Unit
from coordination.organisation.selectors import capacities_of
from workflows.audit import changes_since
from workflows.machines import AvailableAction, actions_open_to

from . import rules
from .exceptions import ExchangeRefused
from .models import IncomingDocument, IncomingEvent, StatusNotice

_RELATED = ("agency", "unit", "assignee", "sender_agency", "source_document")


_ACTIONS = (
    ("accept", rules.check_clerk, gettext_lazy("Accept and register"), False, True),
    ("assign", rules.check_assign, gettext_lazy("Assign"), False, True),
    ("start", rules.check_handle, gettext_lazy("Start processing"), False, True),
    ("complete", rules.check_handle, gettext_lazy("Mark as completed"), False, True),
    ("return_to_sender", rules.check_clerk, gettext_lazy("Return to the sender"), True, False),
)


def incoming_agencies_for(user: Any) -> QuerySet[Agency]:
    """The agencies whose incoming register this person reads: those they work in."""
    ids = {c.agency_id for c in capacities_of(user)}
    return Agency.objects.filter(pk__in=ids).order_by("name")


def registering_agencies_for(user: Any) -> QuerySet[Agency]:
    """The agencies for which this person registers packages: where they are the clerk."""
    ids = {c.agency_id for c in capacities_of(user) if c.role == Role.CLERK}
    return Agency.objects.filter(pk__in=ids).order_by("name")


def incoming_visible_to(user: Any) -> QuerySet[IncomingDocument]:
    """Only the receiving agency's staff see what it received."""
    agencies = {c.agency_id for c in capacities_of(user)}
    return IncomingDocument.objects.filter(agency_id__in=agencies).select_related(*_RELATED)


def incoming_actions_for(incoming: IncomingDocument, user: Any) -> list[AvailableAction]:
    """What this person may do to the incoming document now, in the order the page shows."""
    return actions_open_to(incoming, user, _ACTIONS, refused=ExchangeRefused)


def incoming_timeline(incoming: IncomingDocument) -> QuerySet[IncomingEvent]:
    return incoming.events.select_related("actor", "to_unit", "to_person")


def incoming_changes_since(incoming: IncomingDocument, revision: int) -> list[str]:
    return changes_since(incoming.events, revision)


def assignable_units(agency_id: int) -> QuerySet[Unit]:
    return Unit.objects.filter(agency_id=agency_id, is_active=True).order_by("name")


def assignable_people(agency_id: int) -> QuerySet[Any]:
    """Active members of the agency's units, to whom a document may be given by name."""
    return (
        get_user_model()
        .objects.filter(
            memberships__unit__agency_id=agency_id,
            memberships__is_active=True,
            is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def notices_delivered_to(document: Any) -> QuerySet[StatusNotice]:
    """The status notices the receivers of an outgoing document sent back, newest first."""
    return document.status_notices.order_by("-at", "-pk")


def notice_visible_to(user: Any, pk: int) -> StatusNotice | None:
    """A notice is read by the receiving agency's staff and by the sending agency's staff."""
    agencies = {c.agency_id for c in capacities_of(user)}
    notice = StatusNotice.objects.select_related("incoming", "document").filter(pk=pk).first()
    if notice is None:
        return None
    readers = {notice.incoming.agency_id, notice.document.agency_id if notice.document else None}
    return notice if agencies & readers else None


def people_to_assign(agency_id: int) -> QuerySet[Any]:
    """The agency's signers: its leadership, who assign what the clerk accepted."""
    return (
        get_user_model()
        .objects.filter(
            memberships__unit__agency_id=agency_id,
            memberships__role=Role.SIGNER,
            memberships__is_active=True,
            is_active=True,
        )
        .distinct()
    )


def agency_clerks(agency_id: int) -> QuerySet[Any]:
    return get_user_model().objects.filter(
        memberships__unit__agency_id=agency_id,
        memberships__role=Role.CLERK,
        memberships__is_active=True,
        is_active=True,
    )
