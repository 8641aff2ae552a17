"""Who hears about a request's step. Called after the commit; the notifications app stores the
notices and the worker e-mails them."""

from typing import Any

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from coordination.organisation.selectors import unit_heads
from workflows.notifications.models import NoticeKind
from workflows.notifications.services import notification_send

from .models import CoordinationRequest


def request_notify_step(*, request: CoordinationRequest, actor: Any, action: str) -> None:
    with translation.override("vi"):
        if action in ("create", "forward"):
            people = list(unit_heads(request.unit_id))
            _send(request, people, actor, NoticeKind.ASSIGNMENT, _("New request for your unit"))
        elif action in ("assign", "reply"):
            _send(request, [request.assignee], actor, NoticeKind.ASSIGNMENT, _("Waiting for you"))
        elif action == "reopen":
            _send(request, [request.assignee], actor, NoticeKind.RETURN, _("Reopened"))
        elif action == "answer":
            _send(request, [request.requester], actor, NoticeKind.ASSIGNMENT, _("Answered"))
        elif action == "answer_document":
            headline = _("Answered by an issued document")
            _send(request, [request.requester], actor, NoticeKind.ISSUED, headline)
        elif action == "ask":
            headline = _("More information asked")
            _send(request, [request.requester], actor, NoticeKind.RETURN, headline)


def request_notify_overdue(*, request: CoordinationRequest) -> None:
    """The answer is late: the receiving unit's heads and the assignee hear of it."""
    with translation.override("vi"):
        people = [*unit_heads(request.unit_id), request.assignee]
        _send(request, people, None, NoticeKind.ESCALATION, _("Overdue"))


def _send(
    request: CoordinationRequest, people: list[Any], actor: Any, kind: str, headline: str
) -> None:
    acting = getattr(actor, "pk", None)
    people = [person for person in people if person is not None and person.pk != acting]
    if not people:
        return
    due = _("due")
    message = f"{headline}: {request.subject[:200]} – {due} {request.due_on:%d/%m/%Y}"
    link = reverse("requests_detail", args=[request.pk])
    notification_send(recipients=people, kind=kind, message=message, link=link)
