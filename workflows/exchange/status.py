"""Status notices: the edXML ``Status`` message written at each step of an incoming document,
and its delivery to the outgoing document it answers when the sender is in this system.
Delivery reads the message back like any received one, so it proves the notice is sound."""

from typing import Any

from django.db.models import Q
from django.utils import timezone

from coordination.organisation.models import Agency, Unit
from coordination.organisation.names import person_name
from coordination.organisation.selectors import capacities_of
from workflows.documents.models import Document

from .edxml.envelope import Staff, StatusMessage
from .edxml.reader import status_read
from .edxml.writer import status_write
from .export import organisation_of
from .models import IncomingDocument, IncomingState, StatusNotice

# What each step tells the sender, in Vietnamese whatever the interface language (package data).
DESCRIPTIONS = {
    IncomingState.ARRIVED: "Đã đến: văn thư đã nhận và đăng ký số đến {number}",
    IncomingState.RETURNED: "Trả lại văn bản",
    IncomingState.ACCEPTED: "Đã tiếp nhận văn bản, số đến {number}",
    IncomingState.ASSIGNED: "Phân công xử lý: {unit}",
    IncomingState.PROCESSING: "Đang xử lý văn bản đến",
    IncomingState.COMPLETED: "Hoàn thành xử lý văn bản đến",
}


def status_notice_write(*, incoming: IncomingDocument, actor: Any, comment: str) -> StatusNotice:
    """The notice of the document's current state. Call inside the step's transaction."""
    at = timezone.now()
    staff = Staff(
        department=_department_of(actor, incoming.agency_id),
        name=person_name(actor),
        email=actor.email,
    )
    description = _description(incoming, comment)
    message = StatusMessage(
        responds_to_code=incoming.sender_code,
        responds_to_number_symbol=incoming.number_symbol,
        responds_to_date=incoming.promulgated_on,
        responds_to_document_id=incoming.package_id,
        sender=organisation_of(incoming.agency),
        status_code=incoming.status_code,
        description=description,
        at=at,
        staff=staff,
    )
    return StatusNotice.objects.create(
        incoming=incoming,
        status_code=incoming.status_code,
        description=description,
        receiver_name=incoming.agency.name,
        staff_name=staff.name,
        at=at,
        xml=status_write(message),
    )


def status_notice_deliver(*, notice_pk: int) -> StatusNotice | None:
    """Read the notice as its sender would and attach it to the outgoing document it answers;
    None when the sender is not an agency of this system or the document is not found. A
    notice is delivered once, however often this runs."""
    notice = StatusNotice.objects.get(pk=notice_pk)
    message = status_read(bytes(notice.xml))
    document = (
        Document.objects.filter(
            agency__in=Agency.objects.filter(edxml_code=message.responds_to_code),
            number_symbol=message.responds_to_number_symbol,
            issued_on=message.responds_to_date,
        )
        .order_by("pk")
        .first()
    )
    if document is None:
        return None
    delivered = StatusNotice.objects.filter(Q(pk=notice_pk), Q(delivered_at__isnull=True)).update(
        document=document, delivered_at=timezone.now()
    )
    if not delivered:
        return None
    notice.refresh_from_db()
    return notice


def _description(incoming: IncomingDocument, comment: str) -> str:
    unit = incoming.unit.name if incoming.unit_id else ""
    if incoming.assignee_id:
        unit = f"{unit}, {person_name(incoming.assignee)}"
    text = DESCRIPTIONS[IncomingState(incoming.state)].format(
        number=incoming.arrival_number, unit=unit
    )
    return f"{text}. {comment.strip()}" if comment.strip() else text


def _department_of(actor: Any, agency_id: int) -> str:
    units = [c.unit_id for c in capacities_of(actor) if c.agency_id == agency_id]
    unit = Unit.objects.filter(pk__in=units).order_by("pk").first()
    return unit.name if unit else ""
