"""The requests' background work, run by the task worker: flag each late request once a day, and
answer the requests an issued document was drafted for."""

from django_tasks import task

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workflows.documents.models import Document

from .models import RECEIVER_STATES, CoordinationRequest
from .notices import request_notify_overdue
from .services import REQUESTS, requests_answer_with_document


@task()
def requests_daily() -> dict[str, int]:
    return {"escalated": requests_escalate_overdue()}


def requests_escalate_overdue() -> int:
    """Requests whose receiving unit is late get one audit row and one notice to the unit's
    heads and the assignee, however often this runs."""
    overdue = CoordinationRequest.objects.filter(
        state__in=RECEIVER_STATES,
        due_on__lt=timezone.localdate(),
        escalated_at__isnull=True,
    ).select_related("unit", "requester", "assignee")
    count = 0
    for request in overdue:
        with transaction.atomic():
            claimed = CoordinationRequest.objects.filter(
                pk=request.pk, escalated_at__isnull=True
            ).update(escalated_at=timezone.now())
            if not claimed:
                continue
            REQUESTS.record(
                request,
                actor=request.requester,
                action="escalate",
                source=request.state,
                comment=_("due %(day)s") % {"day": f"{request.due_on:%d/%m/%Y}"},
                unit=request.unit,
            )
            request_notify_overdue(request=request)
            count += 1
    return count


@task()
def requests_answer_with_document_task(document_pk: int) -> int:
    """After an issue: the requests the document was drafted for are answered by it, in the name
    of the person who issued it. A confidential document answers nobody outside its agency;
    those requests keep waiting for an answer they may read."""
    document = Document.objects.select_related("agency").get(pk=document_pk)
    if document.is_confidential or not document.requests_to_answer.exists():
        return 0
    issue = document.events.filter(action__in=("issue", "record")).order_by("-pk").first()
    actor = issue.actor if issue else document.last_edited_by
    return len(requests_answer_with_document(document=document, actor=actor))
