"""Reading documents: what a person may see, what they may do, what changed."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.organisation.models import Role
from coordination.organisation.names import person_name
from coordination.organisation.selectors import memberships_of, user_agencies

from . import rules
from .exceptions import DocumentActionRefused
from .models import Document, DocumentEvent, DocumentState


@dataclass(frozen=True)
class AvailableAction:
    name: str
    label: str
    needs_reason: bool = False
    is_primary: bool = True


_ACTIONS = (
    ("submit", DocumentState.DRAFTING, rules.check_submit, gettext_lazy("Send for review")),
    ("approve", DocumentState.INTERNAL_REVIEW, rules.check_approve, gettext_lazy("Approve")),
    ("sign", DocumentState.AWAITING_SIGNATURE, rules.check_sign, gettext_lazy("Sign")),
    ("issue", DocumentState.SIGNED, rules.check_issue, gettext_lazy("Issue and give a number")),
)
_WAITING = (
    (DocumentState.DRAFTING, Role.DRAFTER, "unit_id"),
    (DocumentState.INTERNAL_REVIEW, Role.UNIT_HEAD, "unit_id"),
    (DocumentState.AWAITING_SIGNATURE, Role.SIGNER, "unit__agency_id"),
    (DocumentState.SIGNED, Role.CLERK, "unit__agency_id"),
)
_RETURNABLE = (DocumentState.INTERNAL_REVIEW, DocumentState.AWAITING_SIGNATURE)


def documents_visible_to(user: Any) -> QuerySet[Document]:
    """Staff see their own agencies' documents and every issued one."""
    return Document.objects.filter(
        Q(agency_id__in=user_agencies(user)) | Q(state=DocumentState.ISSUED)
    ).select_related("agency", "unit", "created_by")


def documents_waiting_for(user: Any) -> QuerySet[Document]:
    """What this person can move on now, by state and the roles they hold (one query)."""
    units = memberships_of(user)
    waiting = Q(pk__in=[])
    for state, role, scope in _WAITING:
        ids = units.filter(role=role).values_list(scope, flat=True)
        field = "unit_id" if scope == "unit_id" else "agency_id"
        waiting |= Q(state=state, **{f"{field}__in": ids})
    return Document.objects.filter(waiting).select_related("agency", "unit", "created_by")


def user_may_draft(user: Any) -> bool:
    return memberships_of(user).filter(role=Role.DRAFTER).exists()


def document_actions_for(document: Document, user: Any) -> list[AvailableAction]:
    actions = [
        AvailableAction(name, str(label))
        for name, state, check, label in _ACTIONS
        if document.state == state and _allowed(check, document, user)
    ]
    if document.state in _RETURNABLE and _allowed(rules.check_return, document, user):
        actions.append(
            AvailableAction("return_to_drafter", _("Return to drafter"), True, is_primary=False)
        )
    return actions


def document_may_edit(document: Document, user: Any) -> bool:
    return document.state == DocumentState.DRAFTING and _allowed(rules.check_edit, document, user)


def document_timeline(document: Document) -> QuerySet[DocumentEvent]:
    return document.events.select_related("actor").order_by("at", "pk")


def document_changes_since(document: Document, revision: int) -> list[str]:
    """Plain sentences for the person whose form went stale: who did what since they looked."""
    events = document.events.filter(revision__gt=revision).select_related("actor")
    return [
        _("%(who)s %(what)s at %(when)s")
        % {
            "who": person_name(event.actor),
            "what": event.action_label,
            "when": timezone.localtime(event.at).strftime("%H:%M %d/%m/%Y"),
        }
        for event in events
    ]


def _allowed(check: rules.Check, document: Document, user: Any) -> bool:
    try:
        check(document, user)
    except DocumentActionRefused:
        return False
    return True
