"""Who hears about an incoming document's step, and about a returned outgoing document. Called
after the commit; the notifications app stores the notices and the worker e-mails them."""

from typing import Any

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from coordination.organisation.selectors import unit_heads
from workflows.notifications.models import NoticeKind
from workflows.notifications.services import notification_send

from .models import IncomingDocument, StatusNotice
from .selectors import agency_clerks, people_to_assign


def incoming_notify_step(*, incoming: IncomingDocument, actor: Any, action: str) -> None:
    """Accepted: the leadership, to assign it. Assigned: the person, or the unit's heads."""
    with translation.override("vi"):
        if action == "accept":
            people = list(people_to_assign(incoming.agency_id))
            _send(incoming, people, actor, _("Incoming document to assign"))
        elif action == "assign":
            people = [incoming.assignee] if incoming.assignee_id else unit_heads(incoming.unit_id)
            _send(incoming, list(people), actor, _("Incoming document for you"))


def status_notify_returned(*, notice: StatusNotice) -> None:
    """The sender's clerks and drafter hear that a receiver returned their document."""
    document = notice.document
    people = [*agency_clerks(document.agency_id), document.created_by]
    with translation.override("vi"):
        message = _("%(receiver)s returned %(number)s: %(reason)s") % {
            "receiver": notice.receiver_name,
            "number": document.number_symbol,
            "reason": notice.description[:200],
        }
        link = reverse("workflow_document", args=[document.pk])
        notification_send(recipients=people, kind=NoticeKind.RETURN, message=message, link=link)


def _send(incoming: IncomingDocument, people: list[Any], actor: Any, headline: str) -> None:
    people = [person for person in people if person is not None and person.pk != actor.pk]
    if not people:
        return
    message = f"{headline}: {incoming.number_symbol} – {incoming.subject[:200]}"
    link = reverse("exchange_incoming", args=[incoming.pk])
    notification_send(recipients=people, kind=NoticeKind.ASSIGNMENT, message=message, link=link)
