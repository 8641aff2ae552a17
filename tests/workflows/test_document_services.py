"""The document lifecycle through its services: the thin thread and every refusal."""

from typing import Any

import pytest

from django.utils import translation

from workflows.documents import services
from workflows.documents.exceptions import (
    DocumentChanged,
    IncompleteDocument,
    ReasonRequired,
    SelfApprovalForbidden,
    WrongAgency,
    WrongRole,
    WrongState,
)
from workflows.documents.models import Document, DocumentEvent, DocumentKind, DocumentState
from workflows.documents.selectors import document_actions_for, documents_waiting_for

from . import steps


def _draft(org: Any, actor: Any = None, **fields: Any) -> Document:
    return steps.draft(org, actor, **fields)


_advance = steps.act


def _to_state(org: Any, state: DocumentState) -> Document:
    return steps.to_state(org, state)


def test_thread_numbers_the_first_letter_of_the_year_01_and_records_every_step(org: Any) -> None:
    document = _to_state(org, DocumentState.ISSUED)
    document.refresh_from_db()
    assert document.state == DocumentState.ISSUED
    assert document.number == 1
    assert document.number_symbol == "01/BHXH-CSYT"
    assert document.signer_authority == "KT. Tổng Giám đốc"
    assert document.signer_position == "Phó Tổng Giám đốc"
    actions = list(document.events.values_list("action", "source_state", "target_state"))
    assert actions == [
        ("create", "drafting", "drafting"),
        ("submit", "drafting", "internal_review"),
        ("approve", "internal_review", "awaiting_signature"),
        ("sign", "awaiting_signature", "signed"),
        ("issue", "signed", "issued"),
    ]


def test_numbers_follow_each_other_and_a_directive_gets_its_type_abbreviation(org: Any) -> None:
    first = _to_state(org, DocumentState.ISSUED)
    directive = steps.drive(org, _draft(org, kind=DocumentKind.DIRECTIVE), DocumentState.ISSUED)
    assert (first.number, directive.number) == (1, 2)
    assert directive.number_symbol == "02/CT-BHXH"


REFUSALS = [
    pytest.param(
        DocumentState.INTERNAL_REVIEW,
        "head_who_drafts",
        "approve",
        SelfApprovalForbidden,
        id="self-approval",
    ),
    pytest.param(DocumentState.INTERNAL_REVIEW, "drafter", "approve", WrongRole, id="wrong-role"),
    pytest.param(
        DocumentState.INTERNAL_REVIEW, "moh_head", "approve", WrongAgency, id="wrong-agency"
    ),
    pytest.param(DocumentState.DRAFTING, "head", "approve", WrongState, id="wrong-state"),
    pytest.param(DocumentState.AWAITING_SIGNATURE, "clerk", "sign", WrongRole, id="clerk-signs"),
    pytest.param(
        DocumentState.AWAITING_SIGNATURE, "moh_signer", "sign", WrongAgency, id="moh-signs-vss"
    ),
    pytest.param(DocumentState.SIGNED, "signer", "issue", WrongRole, id="signer-issues"),
    pytest.param(DocumentState.ISSUED, "clerk", "issue", WrongState, id="issue-twice"),
    pytest.param(DocumentState.DRAFTING, "moh_drafter", "submit", WrongAgency, id="moh-submits"),
]


@pytest.mark.parametrize(("state", "actor_name", "verb", "refusal"), REFUSALS)
def test_refused_actions_change_nothing(
    org: Any, state: DocumentState, actor_name: str, verb: str, refusal: type
) -> None:
    if actor_name == "head_who_drafts":
        document = _draft(org, actor=org.head_who_drafts)
        document = _advance(document, org.head_who_drafts, "submit")
    else:
        document = _to_state(org, state)
    before = (document.state, document.revision, DocumentEvent.objects.count())
    with pytest.raises(refusal) as raised:
        _advance(document, getattr(org, actor_name), verb)
    assert str(raised.value.message)
    document.refresh_from_db()
    assert (document.state, document.revision, DocumentEvent.objects.count()) == before


def test_the_drafter_who_last_edited_cannot_sign_it_either(org: Any) -> None:
    """Signing is refused to anyone who drafted or last edited the document."""
    org.signer.memberships.create(unit=org.csyt, role="drafter")
    document = _draft(org)
    document = services.document_update(
        document=document, actor=org.signer, expected_revision=document.revision, body="Sửa lại."
    )
    document = _advance(document, org.drafter, "submit")
    document = _advance(document, org.head, "approve")
    with pytest.raises(SelfApprovalForbidden):
        _advance(document, org.signer, "sign")
    document.refresh_from_db()
    assert document.state == DocumentState.AWAITING_SIGNATURE


def test_a_stale_form_is_refused_and_says_what_changed(org: Any) -> None:
    document = _to_state(org, DocumentState.INTERNAL_REVIEW)
    seen_revision = document.revision
    services.document_return(
        document=document,
        actor=org.head,
        expected_revision=seen_revision,
        comment="Bổ sung số liệu",
    )
    with translation.override("en"), pytest.raises(DocumentChanged) as raised:
        services.document_approve(
            document=document, actor=org.head, expected_revision=seen_revision
        )
    assert any("returned it to the drafter" in change for change in raised.value.changes)
    document.refresh_from_db()
    assert document.state == DocumentState.DRAFTING


def test_a_stale_edit_keeps_the_newer_text(org: Any) -> None:
    document = _draft(org)
    opened = document.revision
    services.document_update(
        document=document,
        actor=org.drafter,
        expected_revision=opened,
        body="Bản của người thứ nhất",
    )
    with pytest.raises(DocumentChanged):
        services.document_update(
            document=document, actor=org.head_who_drafts, expected_revision=opened, body="Bản khác"
        )
    document.refresh_from_db()
    assert document.body == "Bản của người thứ nhất"


def test_returning_needs_a_reason(org: Any) -> None:
    document = _to_state(org, DocumentState.INTERNAL_REVIEW)
    with pytest.raises(ReasonRequired):
        services.document_return(
            document=document, actor=org.head, expected_revision=document.revision, comment=" "
        )
    document.refresh_from_db()
    assert document.state == DocumentState.INTERNAL_REVIEW


def test_an_empty_draft_cannot_be_sent(org: Any) -> None:
    document = _draft(org, body="")
    with pytest.raises(IncompleteDocument):
        _advance(document, org.drafter, "submit")


def test_each_person_sees_the_step_that_is_theirs(org: Any) -> None:
    document = _to_state(org, DocumentState.INTERNAL_REVIEW)
    assert [a.name for a in document_actions_for(document, org.head)] == [
        "approve",
        "return_to_drafter",
        "withdraw",
    ]
    assert [a.name for a in document_actions_for(document, org.drafter)] == ["withdraw"]
    assert document_actions_for(document, org.moh_head) == []
    assert list(documents_waiting_for(org.head)) == [document]
    assert list(documents_waiting_for(org.signer)) == []


def test_a_number_given_outside_the_system_is_never_given_again(org: Any) -> None:
    import datetime

    from django.utils import timezone

    this_year = timezone.localdate().year
    services.document_record_issued(
        actor=org.clerk,
        unit=org.csyt,
        kind=DocumentKind.OFFICIAL_LETTER,
        subject="Văn bản đã ban hành trước",
        body="Nội dung.",
        number=7,
        issued_on=datetime.date(this_year, 1, 5),
        signer_name="Nguyễn Văn A",
        signer_position="Phó Tổng Giám đốc",
    )
    document = _to_state(org, DocumentState.ISSUED)
    assert document.number_symbol == "08/BHXH-CSYT"
