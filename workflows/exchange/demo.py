"""The demo's electronic exchange: VSS's letter 4055/BHXH-CSYT leaves as an edXML package and
is registered in Quảng Nam's incoming register, accepted by the clerk and assigned by the deputy
director to the head of verification. Running it twice changes nothing."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from coordination.organisation.models import Agency, Unit
from workflows.documents.models import Document, PdfStatus

from . import services
from .export import document_export_edxml
from .models import IncomingDocument

SENDER, NUMBER = "vss", "4055/BHXH-CSYT"
RECEIVER, UNIT = "bhxh-49", "GĐBHYT"
ASSIGNMENT = "Đề nghị Phòng Giám định BHYT nghiên cứu, hướng dẫn các cơ sở khám bệnh, chữa bệnh."


def exchange_demo_load(*, render_pdf: Callable[..., Any]) -> str:
    """``render_pdf(document_pk=…)`` renders and stores the letter's signed PDF when the worker
    has not yet done it (the printing side, which this app may not import)."""
    receiver = Agency.objects.get(code=RECEIVER)
    document = Document.objects.get(agency__code=SENDER, number_symbol=NUMBER)
    done = IncomingDocument.objects.filter(agency=receiver, source_document=document).first()
    if done is not None:
        return f"Exchange: {NUMBER} already in {receiver.name}'s incoming register."
    if document.pdf_status != PdfStatus.READY:
        render_pdf(document_pk=document.pk)
        document.refresh_from_db()
    people = {u.username: u for u in get_user_model().objects.filter(username__in=_USERS)}
    raw = document_export_edxml(
        document=document,
        receivers=[receiver],
        actor=people["vss.clerk"],
        due_on=timezone.localdate() + timedelta(days=10),
    )
    incoming = services.incoming_import(raw=raw, agency=receiver, actor=people["qnam.clerk"])
    incoming = services.incoming_accept(
        incoming=incoming, actor=people["qnam.clerk"], expected_revision=incoming.revision
    )
    incoming = services.incoming_assign(
        incoming=incoming,
        actor=people["qnam.signer"],
        expected_revision=incoming.revision,
        unit=Unit.objects.get(agency=receiver, symbol=UNIT),
        assignee=people["qnam.head"],
        comment=ASSIGNMENT,
    )
    return (
        f"Exchange: {NUMBER} registered by {receiver.name} as arrival number "
        f"{incoming.arrival_number}/{incoming.year}, accepted and assigned."
    )


_USERS = ("vss.clerk", "qnam.clerk", "qnam.signer", "qnam.head")
