"""The incoming document's machine: arrived → accepted or returned → assigned → processing →
completed, each step an audit row and a status notice with the code of QCVN 102:2016; illegal
steps and wrong people are refused and change nothing."""

from datetime import date
from typing import Any

import pytest

from django.utils import translation

from workflows.documents import services as document_services
from workflows.exchange import services
from workflows.exchange.edxml.envelope import Organisation
from workflows.exchange.edxml.reader import status_read
from workflows.exchange.exceptions import (
    IncomingChanged,
    ReasonRequired,
    WrongAgency,
    WrongRole,
    WrongState,
)
from workflows.exchange.models import IncomingDocument, IncomingEvent, StatusNotice
from workflows.exchange.models import IncomingState as S
from workflows.exchange.selectors import incoming_actions_for
from workflows.exchange.tasks import status_notice_send
from workflows.notifications.models import Notification

from .conftest import NGHEAN_CODE, QNAM_CODE, VSS_CODE, imported, raw_package
from .steps import act, to_state


def test_the_whole_life_of_an_incoming_document(qnam: Any) -> None:
    incoming = to_state(qnam, S.COMPLETED)
    events = list(incoming.events.values_list("action", "source_state", "target_state"))
    assert events == [
        ("import", "arrived", "arrived"),
        ("accept", "arrived", "accepted"),
        ("assign", "accepted", "assigned"),
        ("start", "assigned", "processing"),
        ("complete", "processing", "completed"),
    ]
    codes = list(incoming.notices.values_list("status_code", flat=True))
    assert codes == ["01", "03", "04", "05", "06"]
    assert (incoming.unit, incoming.assignee, incoming.revision) == (
        qnam.verification,
        qnam.officer,
        5,
    )
    assert incoming.closed_at is not None


def test_a_status_notice_is_an_edxml_status_message_answering_the_document(qnam: Any) -> None:
    incoming = to_state(qnam, S.ASSIGNED)
    notice = incoming.notices.get(status_code="04")
    message = status_read(bytes(notice.xml))
    assert (message.status_code, message.sender.code, message.responds_to_code) == (
        "04",
        QNAM_CODE,
        VSS_CODE,
    )
    assert message.responds_to_number_symbol == "4055/BHXH-CSYT"
    assert message.responds_to_document_id == incoming.package_id
    assert message.description == (
        f"Phân công xử lý: {qnam.verification.name}, {qnam.officer.get_full_name()}"
    )
    assert message.staff.name == qnam.signer.get_full_name()
    assert message.staff.department == qnam.leaders.name


def test_returning_needs_a_reason_which_the_sender_is_told(org: Any, qnam: Any) -> None:
    incoming = imported(qnam)
    with pytest.raises(ReasonRequired):
        act(incoming, qnam.clerk, "return", comment="  ")
    returned = act(incoming, qnam.clerk, "return", comment="Văn bản không thuộc thẩm quyền.")
    notice = returned.notices.get(status_code="02")
    assert notice.description == "Trả lại văn bản. Văn bản không thuộc thẩm quyền."
    assert returned.return_reason == "Văn bản không thuộc thẩm quyền."


def test_a_returned_notice_reaches_the_senders_clerks_when_the_document_is_here(
    org: Any, qnam: Any
) -> None:

    document = document_services.document_record_issued(
        actor=org.clerk,
        unit=org.csyt,
        number=4055,
        issued_on=date(2020, 12, 29),
        signer_name="Hoàng Văn E",
        signer_position="Phó Tổng Giám đốc",
        kind="official_letter",
        subject="Về việc thực hiện khoản 6 Điều 22 Luật Bảo hiểm y tế",
    )
    returned = act(imported(qnam), qnam.clerk, "return", comment="Gửi nhầm đơn vị.")
    notice = returned.notices.get(status_code="02")
    assert status_notice_send.call(notice.pk) is True
    notice.refresh_from_db()
    assert (notice.document, notice.delivered_at is not None) == (document, True)
    message = Notification.objects.get(recipient=org.clerk).message
    with translation.override("vi"):
        assert message == translation.gettext("%(receiver)s returned %(number)s: %(reason)s") % {
            "receiver": qnam.agency.name,
            "number": "4055/BHXH-CSYT",
            "reason": "Trả lại văn bản. Gửi nhầm đơn vị.",
        }
    assert status_notice_send.call(notice.pk) is False  # delivered once


def test_a_notice_for_a_sender_outside_the_system_stays_to_download(qnam: Any) -> None:
    incoming = imported(qnam)
    notice = incoming.notices.get()
    assert status_notice_send.call(notice.pk) is False
    notice.refresh_from_db()
    assert (notice.document, notice.delivered_at) == (None, None)


ILLEGAL = [
    (S.ARRIVED, "assign"),
    (S.ARRIVED, "start"),
    (S.ARRIVED, "complete"),
    (S.ACCEPTED, "accept"),
    (S.ACCEPTED, "start"),
    (S.ASSIGNED, "accept"),
    (S.ASSIGNED, "return"),
    (S.ASSIGNED, "complete"),
    (S.PROCESSING, "assign"),
    (S.RETURNED, "accept"),
    (S.COMPLETED, "start"),
    (S.COMPLETED, "return"),
]


@pytest.mark.parametrize(("state", "verb"), ILLEGAL)
def test_an_illegal_step_is_refused_and_changes_nothing(qnam: Any, state: S, verb: str) -> None:
    incoming = to_state(qnam, state)
    before = (IncomingEvent.objects.count(), StatusNotice.objects.count(), incoming.revision)
    actors = {"accept": qnam.clerk, "return": qnam.clerk, "assign": qnam.signer}
    kwargs = {"return": {"comment": "Lý do"}, "assign": {"unit": qnam.verification}}
    with pytest.raises(WrongState):
        act(incoming, actors.get(verb, qnam.officer), verb, **kwargs.get(verb, {}))
    incoming.refresh_from_db()
    assert incoming.state == state
    assert (
        IncomingEvent.objects.count(),
        StatusNotice.objects.count(),
        incoming.revision,
    ) == before


@pytest.mark.parametrize(
    ("state", "verb", "who", "refusal"),
    [
        (S.ARRIVED, "accept", "officer", WrongRole),
        (S.ARRIVED, "accept", "nghean_clerk", WrongAgency),
        (S.ARRIVED, "return", "signer", WrongRole),
        (S.ACCEPTED, "assign", "officer", WrongRole),
        (S.ACCEPTED, "assign", "nghean_clerk", WrongAgency),
        (S.ASSIGNED, "start", "colleague", WrongRole),
        (S.ASSIGNED, "start", "clerk", WrongRole),
        (S.PROCESSING, "complete", "colleague", WrongRole),
    ],
)
def test_the_wrong_person_is_refused(
    qnam: Any, state: S, verb: str, who: str, refusal: Any
) -> None:
    incoming = to_state(qnam, state)
    kwargs = {"return": {"comment": "Lý do"}, "assign": {"unit": qnam.verification}}
    with pytest.raises(refusal):
        act(incoming, getattr(qnam, who), verb, **kwargs.get(verb, {}))
    incoming.refresh_from_db()
    assert incoming.state == state


def test_the_unit_head_or_any_member_of_a_unit_assigned_without_a_name_may_handle(
    qnam: Any,
) -> None:
    incoming = act(to_state(qnam, S.ACCEPTED), qnam.clerk, "assign", unit=qnam.verification)
    assert incoming.assignee is None
    started = act(incoming, qnam.colleague, "start")
    assert act(started, qnam.head, "complete").state == S.COMPLETED


def test_assigning_outside_the_agency_or_unit_is_refused(org: Any, qnam: Any) -> None:
    incoming = to_state(qnam, S.ACCEPTED)
    with pytest.raises(WrongAgency, match="is not a unit of"):
        act(incoming, qnam.signer, "assign", unit=org.csyt)
    with pytest.raises(WrongAgency, match="is not a member of"):
        act(incoming, qnam.signer, "assign", unit=qnam.verification, assignee=qnam.clerk)
    incoming.refresh_from_db()
    assert (incoming.state, incoming.unit) == (S.ACCEPTED, None)


def test_a_stale_form_is_told_what_changed(qnam: Any) -> None:
    incoming = imported(qnam)
    seen = incoming.revision
    act(incoming, qnam.clerk, "accept")
    with pytest.raises(IncomingChanged) as stale:
        services.incoming_return(
            incoming=incoming, actor=qnam.clerk, expected_revision=seen, comment="x"
        )
    assert len(stale.value.changes) == 1
    assert qnam.clerk.get_full_name() in stale.value.changes[0]
    assert IncomingDocument.objects.get().state == S.ACCEPTED


def test_arrival_numbers_run_per_agency_from_one(qnam: Any) -> None:
    from workflows.exchange import services

    first = imported(qnam)
    second = imported(qnam, document_id="other", code_number="4056")
    both = (Organisation(qnam.agency.edxml_code, "x"), Organisation(NGHEAN_CODE, "y"))
    nghean = services.incoming_import(
        raw=raw_package(receivers=both), agency=qnam.nghean, actor=qnam.nghean_clerk
    )
    assert (first.arrival_number, second.arrival_number, nghean.arrival_number) == (1, 2, 1)


def test_the_page_offers_each_person_only_their_steps(qnam: Any) -> None:
    incoming = to_state(qnam, S.ACCEPTED)
    names = {
        who: [a.name for a in incoming_actions_for(incoming, getattr(qnam, who))]
        for who in ("clerk", "signer", "officer")
    }
    assert names == {"clerk": ["assign", "return_to_sender"], "signer": ["assign"], "officer": []}
