"""Who hears about a document's step: the people who can take it now, or the drafter when it
comes back. Called after the commit; the notifications app stores and e-mails the notices."""

from typing import Any

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from workflows.notifications.models import NoticeKind
from workflows.notifications.services import notification_send

from .models import Document, DocumentState
from .selectors import people_for_step


def document_notify_step(*, document: Document, actor: Any, action: str) -> None:
    with translation.override("vi"):
        if action == "return_to_drafter":
            _send(document, [document.created_by], NoticeKind.RETURN, _("Returned to you"))
        elif document.state == DocumentState.ISSUED:
            _send(document, [document.created_by], NoticeKind.ISSUED, _("Issued"))
        else:
            people = [p for p in people_for_step(document) if p.pk != actor.pk]
            _send(document, people, NoticeKind.ASSIGNMENT, _("Waiting for you"))


def document_notify_overdue(*, document: Document) -> None:
    """The step is late: the people on it and the drafting unit's head hear of it."""
    with translation.override("vi"):
        people = [*people_for_step(document), *people_for_step(document, unit_head=True)]
        _send(document, people, NoticeKind.ESCALATION, _("Overdue"))


def _send(document: Document, people: list[Any], kind: str, headline: str) -> None:
    if not people:
        return
    label = document.number_symbol or document.subject[:120]
    due = f" – {_('due')} {document.step_due_on:%d/%m/%Y}" if document.step_due_on else ""
    message = f"{headline}: {label} ({document.get_state_display()}){due}"
    link = reverse("workflow_document", args=[document.pk])
    notification_send(recipients=people, kind=kind, message=message, link=link)
