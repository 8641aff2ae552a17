"""The demo puts VSS's letter 4055/BHXH-CSYT in Quảng Nam's incoming register, accepted and
assigned, its notices delivered back to the letter; seeding twice changes nothing."""

from io import StringIO
from typing import Any

import pytest

from django.core.management import call_command

from workflows.documents.models import Document
from workflows.exchange.models import IncomingDocument, IncomingEvent, StatusNotice

pytestmark = pytest.mark.django_db(transaction=True)


def _counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (IncomingDocument, IncomingEvent, StatusNotice))


def test_the_demo_registers_one_package_once(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    call_command("seed_demo", stdout=StringIO())
    incoming = IncomingDocument.objects.get()
    letter = Document.objects.get(number_symbol="4055/BHXH-CSYT")
    assert (incoming.agency.code, incoming.state, incoming.source_document) == (
        "bhxh-49",
        "assigned",
        letter,
    )
    assert (incoming.unit.symbol, incoming.assignee.username) == ("GĐBHYT", "qnam.head")
    delivered = letter.status_notices.order_by("at", "pk").values_list("status_code", flat=True)
    assert list(delivered) == ["01", "03", "04"]
    with incoming.attachments.get().file.open("rb") as handle:
        assert handle.read().startswith(b"%PDF-")
    before = _counts()
    output = StringIO()
    call_command("seed_demo", stdout=output)
    assert _counts() == before
    assert "already in Bảo hiểm xã hội tỉnh Quảng Nam's incoming register" in output.getvalue()
