"""The requests' daily work, run by the task worker: flag each late request once."""

from django_tasks import task

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import RECEIVER_STATES, CoordinationRequest, RequestEvent
from .notices import request_notify_overdue


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
            RequestEvent.objects.create(
                request=request,
                action="escalate",
                source_state=request.state,
                target_state=request.state,
                unit=request.unit,
                actor=request.requester,
                comment=_("due %(day)s") % {"day": f"{request.due_on:%d/%m/%Y}"},
                revision=request.revision,
            )
            request_notify_overdue(request=request)
            count += 1
    return count
