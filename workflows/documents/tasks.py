"""The documents' daily work, run by the task worker: escalate overdue steps, send digests."""

from typing import Any

from django_tasks import task

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from workflows.notifications.models import DigestSent, NoticeKind
from workflows.notifications.services import notification_send

from .models import Document
from .models.states import ACTIVE_STATES
from .notices import document_notify_overdue, document_notify_step
from .selectors import documents_overdue, documents_waiting_for
from .services import DOCUMENTS


@task()
def document_notify(document_pk: int, actor_pk: int, action: str) -> None:
    """Tell the people of the document's new step, by notice and e-mail (after the commit)."""
    document = Document.objects.select_related("agency", "unit", "counterpart_agency").get(
        pk=document_pk
    )
    actor = get_user_model().objects.get(pk=actor_pk)
    document_notify_step(document=document, actor=actor, action=action)


@task()
def documents_daily() -> dict[str, int]:
    """Escalate overdue steps once each, then send each person with work a digest once a day."""
    return {"escalated": documents_escalate_overdue(), "digests": documents_send_digests()}


def documents_escalate_overdue() -> int:
    today = timezone.localdate()
    overdue = Document.objects.filter(
        state__in=ACTIVE_STATES, step_due_on__lt=today, escalated_at__isnull=True
    ).select_related("agency", "unit", "counterpart_agency", "created_by")
    count = 0
    for document in overdue:
        with transaction.atomic():
            claimed = Document.objects.filter(pk=document.pk, escalated_at__isnull=True).update(
                escalated_at=timezone.now()
            )
            if not claimed:
                continue
            DOCUMENTS.record(
                document,
                actor=document.created_by,
                action="escalate",
                source=document.state,
                comment=_("due %(day)s") % {"day": f"{document.step_due_on:%d/%m/%Y}"},
            )
            document_notify_overdue(document=document)
            count += 1
    return count


def documents_send_digests() -> int:
    today = timezone.localdate()
    people = get_user_model().objects.filter(is_active=True, memberships__is_active=True)
    sent = 0
    for person in people.distinct().exclude(digestsent__day=today):
        if _digest_for(person, today):
            sent += 1
    return sent


def _digest_for(person: Any, today: Any) -> bool:
    waiting = documents_waiting_for(person).count()
    overdue = documents_overdue(person).count()
    if not waiting and not overdue:
        return False
    try:
        with transaction.atomic():
            DigestSent.objects.create(recipient=person, day=today)
            with translation.override("vi"):
                message = _(
                    "Daily digest: %(waiting)d documents wait for you, %(overdue)d overdue."
                ) % {"waiting": waiting, "overdue": overdue}
            notification_send(
                recipients=[person],
                kind=NoticeKind.DIGEST,
                message=message,
                link=reverse("workflow_index"),
            )
    except IntegrityError:
        return False
    return True
