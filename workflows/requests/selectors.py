"""Reading requests: who may see which, the lists of the staff screens, what a person may do."""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from wagtail import hooks

from coordination.organisation.models import Role, Unit
from coordination.organisation.selectors import capacities_of
from workflows.audit import changes_since
from workflows.machines import AvailableAction, actions_open_to
from workflows.permissions import allowed

from . import rules
from .exceptions import RequestActionRefused
from .models import (
    OPEN_STATES,
    RECEIVER_STATES,
    CoordinationRequest,
    RequestEvent,
    RequestState,
)

_RELATED = ("requester", "requester_unit__agency", "unit__agency", "assignee")
# Other apps add links to a request's page (the portal: "publish as a frequent question"):
# functions of (request, user) returning (label, url) pairs.
HOOK_REQUEST_PAGE_LINKS = "request_page_links"


_ACTIONS = (
    ("assign", rules.check_assign, gettext_lazy("Assign"), False, True),
    ("forward", rules.check_forward, gettext_lazy("Forward to another unit"), True, False),
    ("answer", rules.check_assignee, gettext_lazy("Send the answer"), True, True),
    ("ask", rules.check_assignee, gettext_lazy("Ask the requester for more"), True, False),
    ("reply", rules.check_requester, gettext_lazy("Send the information"), True, True),
    ("accept", rules.check_requester, gettext_lazy("Accept the answer"), False, True),
    ("reopen", rules.check_requester, gettext_lazy("Reopen"), True, False),
)


def _my_units(user: Any) -> set[int]:
    return {capacity.unit_id for capacity in capacities_of(user)}


def requests_visible_to(user: Any) -> QuerySet[CoordinationRequest]:
    """The requester, the requesting unit, the receiving unit and every unit the request passed
    through see it; nobody else."""
    units = _my_units(user)
    passed = Exists(RequestEvent.objects.filter(request=OuterRef("pk"), unit_id__in=units))
    mine = Q(requester=user) | Q(requester_unit_id__in=units) | Q(unit_id__in=units)
    return CoordinationRequest.objects.filter(mine | passed).select_related(*_RELATED)


def requests_waiting_for(user: Any) -> QuerySet[CoordinationRequest]:
    """What this person can move on now: to assign (as a unit head), to answer (as the
    assignee), to reply to or accept (as the requester)."""
    heads = {c.unit_id for c in capacities_of(user) if c.role == Role.UNIT_HEAD}
    waiting = (
        Q(state=RequestState.SUBMITTED, unit_id__in=heads)
        | Q(state=RequestState.ASSIGNED, assignee=user)
        | Q(state__in=(RequestState.WAITING_FOR_REQUESTER, RequestState.ANSWERED), requester=user)
    )
    return (
        CoordinationRequest.objects.filter(waiting)
        .select_related(*_RELATED)
        .order_by("due_on", "pk")
    )


def requests_in_unit_queue(user: Any) -> QuerySet[CoordinationRequest]:
    """Open requests held by the person's units, the most urgent deadline first."""
    return (
        CoordinationRequest.objects.filter(unit_id__in=_my_units(user), state__in=OPEN_STATES)
        .select_related(*_RELATED)
        .order_by("due_on", "pk")
    )


def requests_raised_by(user: Any) -> QuerySet[CoordinationRequest]:
    return CoordinationRequest.objects.filter(requester=user).select_related(*_RELATED)


def requests_assigned_to(user: Any) -> QuerySet[CoordinationRequest]:
    """Open requests given to this person."""
    return (
        CoordinationRequest.objects.filter(assignee=user, state__in=OPEN_STATES)
        .select_related(*_RELATED)
        .order_by("due_on", "pk")
    )


def requests_overdue(user: Any) -> QuerySet[CoordinationRequest]:
    """Requests the person can see whose receiving unit is late with the answer."""
    return (
        requests_visible_to(user)
        .filter(state__in=RECEIVER_STATES, due_on__lt=timezone.localdate())
        .order_by("due_on", "pk")
    )


def request_actions_for(request: CoordinationRequest, user: Any) -> list[AvailableAction]:
    """What this person may do to the request now, in the order the page shows them."""
    return actions_open_to(request, user, _ACTIONS, refused=RequestActionRefused)


def request_may_link(request: CoordinationRequest, user: Any) -> bool:
    return allowed(rules.check_link, request, user, refused=RequestActionRefused)


def request_may_draft_answer(request: CoordinationRequest, user: Any) -> bool:
    """Open, and the person drafts in the receiving unit; no query once capacities are read."""
    if request.state not in OPEN_STATES:
        return False
    return allowed(rules.check_draft_answer, request, user, refused=RequestActionRefused)


def requests_to_draft_for(user: Any, pks: Iterable[int]) -> list[CoordinationRequest]:
    """The chosen requests this person sees, for the form that drafts their answer."""
    return list(requests_visible_to(user).filter(pk__in=list(pks)[:100]).order_by("pk"))


def requests_answered_by(document: Any, user: Any) -> QuerySet[CoordinationRequest]:
    """The requests this document answers, or will answer once issued, that this person may
    see."""
    answering = Q(answered_by=document) | Q(drafted_answers=document)
    return requests_visible_to(user).filter(answering).distinct().order_by("-created_at")


def request_page_links(request: CoordinationRequest, user: Any) -> list[tuple[str, str]]:
    return [link for fn in hooks.get_hooks(HOOK_REQUEST_PAGE_LINKS) for link in fn(request, user)]


def request_timeline(request: CoordinationRequest) -> QuerySet[RequestEvent]:
    return request.events.select_related("actor", "unit__agency", "to_unit__agency", "to_person")


def request_changes_since(request: CoordinationRequest, revision: int) -> list[str]:
    return changes_since(request.events, revision)


def unit_members(unit: Unit) -> QuerySet[Any]:
    """The people a unit head may assign a request to."""
    return (
        get_user_model()
        .objects.filter(memberships__unit=unit, memberships__is_active=True, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def units_of(user: Any) -> QuerySet[Unit]:
    return Unit.objects.filter(pk__in=_my_units(user)).select_related("agency")


def request_counts(user: Any) -> dict[str, int]:
    """One count per tab of the requests screen."""
    return {
        "waiting": requests_waiting_for(user).count(),
        "queue": requests_in_unit_queue(user).count(),
        "assigned": requests_assigned_to(user).count(),
        "mine": requests_raised_by(user).count(),
        "overdue": requests_overdue(user).count(),
    }
