"""The incoming register (sổ đăng ký văn bản đến, Decree 30 Appendix III): one row per document
an agency received in a year, in arrival order, with its ten columns; as a spreadsheet too."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from coordination.organisation.models import Agency
from coordination.organisation.names import person_name
from workflows.spreadsheets import register_workbook

from .models import IncomingDocument, IncomingEvent, IncomingState

COLUMNS = (
    pgettext_lazy("incoming register", "Arrival number"),
    pgettext_lazy("incoming register", "Arrival date"),
    pgettext_lazy("incoming register", "Sender"),
    pgettext_lazy("incoming register", "Number and symbol"),
    pgettext_lazy("incoming register", "Document date"),
    pgettext_lazy("incoming register", "Type and subject"),
    pgettext_lazy("incoming register", "Assigned unit or person"),
    pgettext_lazy("incoming register", "Received by"),
    pgettext_lazy("incoming register", "Deadline"),
    pgettext_lazy("incoming register", "Notes"),
)
# Register data, kept in Vietnamese whatever the interface language.
URGENCY_NOTES = {1: "Khẩn", 2: "Thượng khẩn", 3: "Hỏa tốc", 4: "Hỏa tốc hẹn giờ"}
RETURNED_NOTE = "Đã trả lại: {reason}"
COMPLETED_NOTE = "Đã hoàn thành ngày {day:%d/%m/%Y}"
WIDTHS = (8, 11, 28, 18, 11, 50, 28, 22, 11, 28)
DATE_COLUMNS = "BEI"


@dataclass(frozen=True)
class IncomingRow:
    arrival_number: int
    arrived_on: date
    sender: str
    number_symbol: str
    promulgated_on: date
    kind_and_subject: str
    assigned_to: str
    received_by: str
    due_on: date | None
    notes: str
    incoming_pk: int

    def cells(self) -> list[Any]:
        return [
            self.arrival_number,
            self.arrived_on,
            self.sender,
            self.number_symbol,
            self.promulgated_on,
            self.kind_and_subject,
            self.assigned_to,
            self.received_by,
            self.due_on,
            self.notes,
        ]


def incoming_register_rows(*, agency: Agency, year: int, query: str = "") -> list[IncomingRow]:
    """Four queries whatever the number of rows."""
    started = IncomingEvent.objects.filter(action="start").select_related("actor")
    documents = (
        IncomingDocument.objects.filter(agency=agency, year=year)
        .select_related("unit", "assignee")
        .prefetch_related(Prefetch("events", queryset=started, to_attr="start_events"))
        .order_by("arrival_number")
    )
    if query:
        documents = documents.filter(subject__icontains=query) | documents.filter(
            number_symbol__icontains=query
        )
    return [_row(incoming) for incoming in documents]


def _row(incoming: IncomingDocument) -> IncomingRow:
    return IncomingRow(
        arrival_number=incoming.arrival_number,
        arrived_on=timezone.localtime(incoming.arrived_at).date(),
        sender=incoming.sender_name,
        number_symbol=incoming.number_symbol,
        promulgated_on=incoming.promulgated_on,
        kind_and_subject=f"{incoming.type_name}: {incoming.subject}",
        assigned_to=_assigned_to(incoming),
        received_by=_received_by(incoming),
        due_on=incoming.due_on,
        notes=_notes(incoming),
        incoming_pk=incoming.pk,
    )


def _assigned_to(incoming: IncomingDocument) -> str:
    if incoming.unit is None:
        return ""
    if incoming.assignee is None:
        return incoming.unit.name
    return f"{incoming.unit.name} – {person_name(incoming.assignee)}"


def _received_by(incoming: IncomingDocument) -> str:
    """Who took it from the clerk: the person who started on it, and when (the electronic
    counterpart of the receiver's signature)."""
    if not incoming.start_events:
        return ""
    event = incoming.start_events[-1]
    return f"{person_name(event.actor)}, {timezone.localtime(event.at):%d/%m/%Y}"


def _notes(incoming: IncomingDocument) -> str:
    notes = [URGENCY_NOTES[incoming.priority]] if incoming.priority else []
    if incoming.state == IncomingState.RETURNED:
        notes.append(RETURNED_NOTE.format(reason=incoming.return_reason))
    elif incoming.state == IncomingState.COMPLETED and incoming.closed_at:
        notes.append(COMPLETED_NOTE.format(day=timezone.localtime(incoming.closed_at)))
    return "; ".join(notes)


def incoming_register_xlsx(*, rows: list[IncomingRow], year: int) -> bytes:
    return register_workbook(
        title=f"So van ban den {year}",
        columns=COLUMNS,
        rows=(row.cells() for row in rows),
        widths=WIDTHS,
        date_columns=DATE_COLUMNS,
    )
